#!/usr/bin/env bash
# Hand-made mutations of the browser-only code (tests/mutations/*.patch, listed in
# tests/mutations.md). For each: applies the patch, builds the release dist/, runs the
# end-to-end test named in the patch's first line (`# test: FILE | NAME PATTERN`) and
# checks that it fails; then takes the patch back. First, the same tests must pass on the
# unmutated build, so a failure is the mutation's doing.
#
# Prints one line per mutation (caught, with the test's first complaint, or MISSED) and
# exits 1 if any was missed. One release build per mutation (a couple of minutes each), and
# the unmutated dist/ rebuilt at the end. Arguments: patch files (default: all).
# YANGPU_ENGINES chooses the engine (default chromium). Not part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export YANGPU_ENGINES=${YANGPU_ENGINES:-chromium}
if ! git diff --quiet -- src public core; then
  echo "uncommitted changes in src/, core/ or public/: commit or stash them first" >&2
  exit 1
fi
patches=("$@")
[ ${#patches[@]} -gt 0 ] || patches=(tests/mutations/*.patch)
log=target/hand-mutations
mkdir -p "$log"

applied=
restore() { if [ -n "$applied" ]; then git apply -R "$applied"; applied=; fi; }
trap restore EXIT

build() { flock /tmp/build.lock trunk build --release >"$log/build.log" 2>&1; }
test_of() { sed -n 's/^# test: //p' "$1" | head -1; }
# Runs the test a patch names; the exit status is the test's.
run_test() {
  local header file pattern
  header=$(test_of "$1")
  file=${header%% | *}
  pattern=${header#* | }
  node --test --test-concurrency=1 --test-reporter=spec --test-name-pattern="$pattern" "tests/e2e/$file" >"$2" 2>&1
}
ran_one() { grep -qE '^ℹ pass [1-9]|^ℹ fail [1-9]' "$1"; }

echo "baseline: the named tests pass without a mutation ($YANGPU_ENGINES)"
build
for patch in "${patches[@]}"; do
  out="$log/$(basename "$patch" .patch).baseline.log"
  if ! run_test "$patch" "$out" || ! ran_one "$out"; then
    echo "baseline fails or runs no test for $patch ($(test_of "$patch")): see $out" >&2
    exit 1
  fi
done

missed=0
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  git apply "$patch"
  applied=$patch
  if ! build; then
    echo "unviable  $name: does not build (see $log/build.log)"
    restore
    continue
  fi
  out="$log/$name.log"
  if run_test "$patch" "$out"; then
    echo "MISSED    $name: $(test_of "$patch") passed"
    missed=$((missed + 1))
  else
    why=$(grep -m1 -E 'AssertionError|Error:|timed out|expected' "$out" | sed 's/^ *//' | cut -c1-160)
    echo "caught    $name: $(test_of "$patch") failed: $why"
  fi
  restore
done
build
[ "$missed" -eq 0 ]
