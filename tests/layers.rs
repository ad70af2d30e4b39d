//! Each crate's dependency graph, read from its source: every `crate::…` and `super::…` path
//! (and, in the page's binaries, `yangpu_report::…`) in `core/src/` or `src/` (test code left
//! out) is an arrow from its file's module to the module it names. The core crate and the
//! page are checked each on its own: the page names the core as `yangpu_core::…`, an
//! arrow to another crate, always downwards (Cargo refuses the other way). The test fails on
//! an arrow from a lower layer to a higher one, and on any cycle between modules; it prints
//! the graphs (`cargo test --features ssr --test layers -- --nocapture`). The layers are
//! ARCHITECTURE.md's.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module's layer in the core crate (core/src), lowest first; a module may use
/// its own layer and those below: words, then data, formatting, charts, what read-aloud says,
/// view state, share links.
const CORE_LAYERS: &[(&str, u8)] = &[
    ("i18n", 0),
    ("vocabulary", 1),
    ("data", 1),
    ("format", 2),
    ("charts", 3),
    ("package", 3),
    ("speech", 4),
    ("state", 4),
    ("share", 5),
];

/// The same for the page (src/): browser services, the page's language, components, then
/// what runs the page.
const PAGE_LAYERS: &[(&str, u8)] = &[
    ("timing", 10),
    ("text_measure", 10),
    ("page", 10),
    ("reading_place", 10),
    ("embed", 11),
    ("components", 12),
    ("app", 13),
    ("crash", 13),
    ("history", 13),
    ("head", 13),
    ("islands", 14),
    ("prerender", 14),
    ("main", 15),
    ("bin", 15),
];

fn layer(layers: &[(&str, u8)], module: &str) -> u8 {
    let top = module.split("::").next().unwrap_or_default();
    layers
        .iter()
        .find(|(m, _)| *m == top)
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("{module}: add its layer to CORE_LAYERS or PAGE_LAYERS"))
}

/// Every `.rs` file under `dir` with its module path (`components::chart_card`).
fn modules(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("read the source") {
        let path = entry.expect("a file").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if path.is_dir() {
            let inner = if prefix.is_empty() { name.clone() } else { format!("{prefix}::{name}") };
            modules(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match name.as_str() {
                "mod" | "lib" => prefix.to_string(),
                _ if prefix.is_empty() => name.clone(),
                _ => format!("{prefix}::{name}"),
            };
            // Test code is not part of the shape (it may reach across, to check the seams).
            if name == "tests" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code = code.split("#[cfg(all(test").next().unwrap_or_default();
            let code: String =
                code.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
            out.insert(module, code);
        }
    }
}

/// The paths a file names, as module paths (`super::` resolved from `module`).
fn paths(module: &str, code: &str) -> Vec<String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for start in ["crate::", "super::", "yangpu_report::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0 && code[..i].ends_with(|c: char| ident(c) || c == ':') {
                continue;
            }
            let mut base: Vec<&str> = match start {
                "super::" => {
                    let mut parts: Vec<&str> = module.split("::").collect();
                    parts.pop();
                    parts
                }
                _ => Vec::new(),
            };
            let mut rest = &code[i + start.len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            // One path, or each path of a `{a, b::c}` group (first segments suffice).
            let heads: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or_default().split(',').map(str::trim).collect(),
                None => vec![rest],
            };
            for head in heads {
                let end = head.find(|c: char| !(ident(c) || c == ':')).unwrap_or(head.len());
                let segments: Vec<&str> = head[..end].split("::").filter(|s| !s.is_empty()).collect();
                let mut full = base.clone();
                full.extend(segments);
                found.push(full.join("::"));
            }
        }
    }
    // A module's own children it names in a `use` (`pub use text::Measure;` in a `mod.rs`):
    // an arrow to the child, which a re-export makes as real as any other.
    for (i, _) in code.match_indices("use ") {
        if i > 0 && code[..i].ends_with(|c: char| ident(c)) {
            continue;
        }
        let rest = &code[i + 4..];
        let end = rest.find(|c: char| !ident(c)).unwrap_or(rest.len());
        let (head, tail) = rest.split_at(end);
        let external = ["crate", "super", "self", "std", "core", "alloc"].contains(&head);
        // The crate root only declares and re-exports its modules.
        if !module.is_empty() && !head.is_empty() && !external && tail.starts_with("::") {
            found.push(format!("{module}::{head}"));
        }
    }
    found
}

/// A crate's graph (`dir` its source folder): module → the modules it names (its own
/// ancestors left out: they only re-export).
fn graph(dir: &str) -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = BTreeMap::new();
    modules(&root.join(dir), "", &mut files);
    let known: BTreeSet<String> = files.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (module, code) in &files {
        let mut to = BTreeSet::new();
        for path in paths(module, code) {
            let parts: Vec<&str> = path.split("::").collect();
            let target = (1..=parts.len()).rev().map(|k| parts[..k].join("::")).find(|c| known.contains(c));
            if let Some(target) = target {
                let ancestor = module.starts_with(&format!("{target}::")) || target.is_empty();
                if &target != module && !ancestor {
                    to.insert(target);
                }
            }
        }
        graph.insert(module.clone(), to);
    }
    graph
}

/// Fails on an arrow upward or a cycle in `graph`, whose layers are `layers`.
fn check(graph: &BTreeMap<String, BTreeSet<String>>, layers: &[(&str, u8)]) {
    let layer = |m: &str| layer(layers, m);
    for (from, to) in graph {
        if !to.is_empty() {
            println!("{from} -> {}", to.iter().cloned().collect::<Vec<_>>().join(", "));
        }
    }
    let upward: Vec<String> = graph
        .iter()
        .flat_map(|(from, to)| to.iter().map(move |t| (from, t)))
        .filter(|(from, to)| layer(to) > layer(from))
        .map(|(from, to)| format!("{from} (layer {}) -> {to} (layer {})", layer(from), layer(to)))
        .collect();
    assert!(upward.is_empty(), "arrows from a lower layer to a higher one:\n{}", upward.join("\n"));

    // No cycle: a depth-first walk never meets a module it is still inside.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| *s == m) {
            panic!("a cycle: {} -> {m}", stack[at..].join(" -> "));
        }
        stack.push(m);
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, stack, done);
        }
        stack.pop();
        done.insert(m);
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn in_the_core_every_arrow_points_down_and_no_module_depends_on_itself() {
    check(&graph("core/src"), CORE_LAYERS);
}

#[test]
fn in_the_page_every_arrow_points_down_and_no_module_depends_on_itself() {
    check(&graph("src"), PAGE_LAYERS);
}

#[test]
fn the_reader_sees_the_known_arrows() {
    // The reader itself must find arrows, or the test above proves nothing.
    let (core, page) = (graph("core/src"), graph("src"));
    let has = |graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str| {
        graph.get(from).is_some_and(|t| t.contains(to))
    };
    assert!(has(&page, "components::chart_card", "components::chart_state"), "a `use super::chart_state::…`");
    assert!(has(&core, "charts::housing_renewal", "data"), "a `use crate::data::…`");
    assert!(has(&core, "state::url", "vocabulary"), "a `use crate::vocabulary::{{…}}` group");
    assert!(
        has(&page, "islands::runtime", "components::report_context"),
        "a `use crate::components::report_context::…`"
    );
    assert!(has(&core, "charts::education", "charts::kit"), "a `use super::kit::*`");
    assert!(has(&core, "charts::kit", "charts::kit::pen"), "a `pub use pen::{{…}}` in kit/mod.rs");
}

#[test]
fn the_page_names_the_core_by_its_own_name() {
    // A re-export (`pub use yangpu_core::{charts, …}`) would hide the crate boundary at every
    // import, and its arrows from this test.
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("src/lib.rs");
    assert!(!lib.contains("pub use yangpu_core"), "src/lib.rs re-exports the core");
}
