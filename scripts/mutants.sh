#!/usr/bin/env bash
# Mutation testing of the core crate (core/: data, format, i18n, charts, view state, share
# link) with cargo-mutants: each mutant is one small change to the code (`<` for `<=`, a
# function that returns a default, a deleted match arm), and the native tests must fail for
# it. Prints caught / missed / timed out / unviable by module, the share of viable mutants
# caught, and every missed one; fails below MUTANTS_MIN percent (90).
#
# About 1,500 mutants, 2 hours on two cores. Arguments go to cargo-mutants, e.g.
#   scripts/mutants.sh -f core/src/format.rs     one file
#   scripts/mutants.sh --iterate                 only those not caught last time
# With --iterate the summary counts what earlier runs caught as caught.
# Settings: .cargo/mutants.toml (what is excluded) and [profile.mutants] in Cargo.toml.
# Not part of scripts/test.sh: it takes too long for every run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-mutants >/dev/null || cargo install --locked cargo-mutants --version 27.1.0

out=target/mutants-run
mkdir -p "$out"
status=0
# The random-input tests (no panic on any query) catch crashes, not wrong values: a few
# cases each keep a mutant's test run near a second.
export PROPTEST_CASES=${PROPTEST_CASES:-64}
cargo mutants --package yangpu-core --output "$out" --jobs "${MUTANTS_JOBS:-2}" "$@" || status=$?
# cargo-mutants exits 2 when a mutant was missed, 3 when one timed out: the summary decides.
case $status in 0|2|3) ;; *) echo "cargo-mutants failed ($status)" >&2; exit "$status" ;; esac

# The mutants of the code as it is now: what earlier runs caught counts only if it still exists.
cargo mutants --package yangpu-core --list > "$out/current.txt"
node - "$out/mutants.out" "${MUTANTS_MIN:-90}" "$out/current.txt" <<'JS'
const fs = require('fs');
const [dir, min, currentFile] = process.argv.slice(2);
const current = new Set(fs.readFileSync(currentFile, 'utf8').split('\n').filter(Boolean));
const { outcomes } = JSON.parse(fs.readFileSync(`${dir}/outcomes.json`, 'utf8'));
const kinds = { CaughtMutant: 'caught', MissedMutant: 'missed', Timeout: 'timeout', Unviable: 'unviable' };
const modules = new Map();
const missed = [];
for (const o of outcomes) {
  if (o.scenario === 'Baseline') continue;
  const m = o.scenario.Mutant;
  const kind = kinds[o.summary];
  if (!kind) continue;
  const file = m.file;
  const module = file.replace(/^core\/src\//, '').replace(/\/[^/]+$|\.rs$/, '');
  const row = modules.get(module) ?? { caught: 0, missed: 0, timeout: 0, unviable: 0 };
  row[kind] += 1;
  modules.set(module, row);
  if (kind === 'missed') missed.push(m.name);
}
// With --iterate, what earlier runs caught (or found unviable) is not tested again: counted
// as caught, by its file.
const earlier = (fs.existsSync(`${dir}/previously_caught.txt`) ? fs.readFileSync(`${dir}/previously_caught.txt`, 'utf8').split('\n').filter(Boolean) : [])
  .filter((line) => current.has(line));
for (const line of earlier) {
  const file = line.split(':')[0];
  const module = file.replace(/^core\/src\//, '').replace(/\/[^/]+$|\.rs$/, '');
  const row = modules.get(module) ?? { caught: 0, missed: 0, timeout: 0, unviable: 0 };
  row.caught += 1;
  modules.set(module, row);
}
const pct = (r) => (100 * (r.caught + r.timeout)) / Math.max(1, r.caught + r.missed + r.timeout);
const total = { caught: 0, missed: 0, timeout: 0, unviable: 0 };
console.log('\nmodule        caught  missed  timeout  unviable  caught of viable');
for (const [name, r] of [...modules].sort()) {
  for (const k of Object.keys(total)) total[k] += r[k];
  console.log(`${name.padEnd(13)} ${String(r.caught).padStart(6)}  ${String(r.missed).padStart(6)}  ${String(r.timeout).padStart(7)}  ${String(r.unviable).padStart(8)}  ${pct(r).toFixed(1).padStart(15)}%`);
}
console.log(`${'all'.padEnd(13)} ${String(total.caught).padStart(6)}  ${String(total.missed).padStart(6)}  ${String(total.timeout).padStart(7)}  ${String(total.unviable).padStart(8)}  ${pct(total).toFixed(1).padStart(15)}%`);
if (missed.length) console.log(`\nmissed:\n${missed.join('\n')}`);
if (pct(total) < Number(min)) {
  console.error(`\n${pct(total).toFixed(1)}% of viable mutants caught, below ${min}%`);
  process.exit(1);
}
JS
