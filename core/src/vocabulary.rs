//! The report's public names, defined once: the names other languages and other people's
//! code repeat. Page files (links between the languages, early.js's redirect), URL parameters
//! and their values (links portals hard-code, early.js, embed.js), the attributes on `<html>`
//! and `#app` (early.js, the CSS, the island runtime, the tests), the messages an embed
//! exchanges with its host page (embed.js, portals' own code), and the names boot.js shares
//! with Trunk.toml and the crash notice. Rust code uses these constants; the contract test
//! below reads `src/early.js`, `src/boot.js`, `public/embed.js`, `index.html`, `Trunk.toml`,
//! `style/main.css` and the README, and fails where they name something else. The chart
//! slugs are the chart registry's (`charts::REGISTRY`); the end-to-end tests read them all
//! from `tests/e2e/vocabulary.json`, which the same test keeps equal to this module.

use crate::i18n::Lang;

/// The pre-rendered page of each language.
pub fn page_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "index.html",
        Lang::En => "en.html",
    }
}

/// The link to the report's page in `lang` (relative, so the report can live under any path),
/// with the language asked for, so a browser in the other language is not sent back.
pub fn page_link(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en.html?lang=en",
        Lang::Zh => "./?lang=zh",
    }
}

/// The URL parameters of a view (`state::url` parses and writes them), in the order links
/// write them.
pub mod param {
    pub const SECTION: &str = "section";
    pub const MILESTONE: &str = "milestone";
    pub const CHART: &str = "chart";
    pub const LANG: &str = "lang";
    pub const THEME: &str = "theme";
    pub const MODE: &str = "mode";
    pub const EMBED: &str = "embed";
    pub const ALL: [&str; 7] = [SECTION, MILESTONE, CHART, LANG, THEME, MODE, EMBED];
}

/// The values of `lang`, `theme` and `mode` (each a public interface too).
pub mod value {
    pub const ZH: &str = "zh";
    pub const EN: &str = "en";
    pub const LIGHT: &str = "light";
    pub const DARK: &str = "dark";
    pub const LARGE: &str = "large";
}

/// Attributes the report's code, its CSS, its scripts and its tests share.
pub mod attr {
    /// On `<html>`: the embed view shown (early.js sets it before the first paint).
    pub const EMBED: &str = "data-embed";
    /// On `<html>`: `dark` or `light` when the reader chose one.
    pub const THEME: &str = "data-theme";
    /// On `<html>`: `large` in the large-text mode.
    pub const MODE: &str = "data-mode";
    /// On `#app`: `true` once the islands are hydrated and the view applied.
    pub const READY: &str = "data-ready";
    /// On `#app`: how many islands were hydrated.
    pub const ISLANDS: &str = "data-islands";
    /// On an iframe of a host page: `off` keeps embed.js out of the host's address.
    pub const SYNC: &str = "data-sync";
    /// On an iframe of a host page: embed.js has given it its view and language.
    pub const PREPARED: &str = "data-yangpu-prepared";
    /// Every attribute above.
    pub const ALL: [&str; 7] = [EMBED, THEME, MODE, READY, ISLANDS, SYNC, PREPARED];
}

/// The messages between an embedded report and its host page (`type` of a posted object).
pub mod message {
    /// Report → host: `{type, height}`, the report's height in CSS pixels.
    pub const HEIGHT: &str = "yangpu-report:height";
    /// Report → host: `{type, view}`, the view's query, for the host's address.
    pub const VIEW: &str = "yangpu-report:view";
    /// Host → report: `{type, mode, theme, lang}` from the host's accessibility toolbar.
    pub const SET: &str = "yangpu-report:set";
    pub const ALL: [&str; 3] = [HEIGHT, VIEW, SET];
}

/// The `<meta name>` that carries the wasm's hashed URL from Trunk to boot.js.
pub const WASM_META: &str = "yangpu-report-wasm";
/// The id of the notice a crash shows (boot.js then adds no second one).
pub const CRASH_NOTICE: &str = "crash-notice";
/// The class boot.js puts on `<html>` when the wasm cannot start.
pub const WASM_FAILED: &str = "wasm-failed";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ChartId;
    use crate::state::SECTIONS;

    const EARLY_JS: &str = include_str!("../../src/early.js");
    const BOOT_JS: &str = include_str!("../../src/boot.js");
    const EMBED_JS: &str = include_str!("../../public/embed.js");
    const INDEX_HTML: &str = include_str!("../../index.html");
    const TRUNK_TOML: &str = include_str!("../../Trunk.toml");
    const CSS: &str = include_str!("../../style/main.css");
    const README: &str = include_str!("../../README.md");

    /// Every distinct match of `prefix` followed by name characters, with the prefix.
    fn names(text: &str, prefix: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .match_indices(prefix)
            .map(|(i, _)| {
                let rest = &text[i + prefix.len()..];
                let end =
                    rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':')).unwrap_or(rest.len());
                format!("{prefix}{}", rest[..end].trim_end_matches(':'))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_scripts_and_the_css_name_only_the_vocabulary_s_attributes() {
        // Attributes Trunk reads from index.html are Trunk's, not the report's.
        for (file, text) in [
            ("src/early.js", EARLY_JS),
            ("src/boot.js", BOOT_JS),
            ("public/embed.js", EMBED_JS),
            ("style/main.css", CSS),
        ] {
            let quoted = ["[data-", "'data-", "\"data-"].map(|p| names(text, p));
            for name in quoted.concat().iter().map(|n| n.trim_start_matches(['[', '\'', '"'])) {
                assert!(attr::ALL.contains(&name), "{file} names {name}, which core/src/vocabulary.rs does not");
            }
        }
        // And each attribute is used by at least one of them.
        let all = [EARLY_JS, BOOT_JS, EMBED_JS, CSS].concat();
        for name in attr::ALL.iter().filter(|a| ![attr::READY, attr::ISLANDS].contains(a)) {
            assert!(all.contains(name), "{name} is in the vocabulary but no script or stylesheet uses it");
        }
    }

    #[test]
    fn embed_js_speaks_the_vocabulary_s_messages() {
        let used = names(EMBED_JS, "yangpu-report:");
        let mut expected: Vec<String> = message::ALL.iter().map(|m| m.to_string()).collect();
        expected.sort();
        assert_eq!(used, expected, "public/embed.js's message types");
    }

    #[test]
    fn early_js_reads_the_parameters_and_pages_of_the_vocabulary() {
        for name in names(EARLY_JS, "get('").iter().map(|n| n.trim_start_matches("get('")) {
            assert!(param::ALL.contains(&name), "src/early.js reads ?{name}, which is not a parameter");
        }
        assert!(
            EARLY_JS.contains(&format!("'{}'", page_file(Lang::En))),
            "src/early.js sends English readers to {}",
            page_file(Lang::En)
        );
        assert!(page_link(Lang::En).starts_with(page_file(Lang::En)));
        // index.html is the directory's page: the Chinese link is the directory itself.
        assert_eq!(page_file(Lang::Zh), "index.html");
        assert!(page_link(Lang::Zh).starts_with("./?"));
        for lang in [Lang::Zh, Lang::En] {
            assert!(
                page_link(lang).ends_with(&format!("{}={}", param::LANG, lang.code())),
                "{lang:?}'s link asks for its language"
            );
        }
    }

    #[test]
    fn boot_js_trunk_and_the_crash_notice_share_their_names() {
        assert!(BOOT_JS.contains(&format!("meta[name=\"{WASM_META}\"]")), "src/boot.js reads <meta name={WASM_META}>");
        assert!(
            TRUNK_TOML.contains(&format!("<meta name=\"{WASM_META}\"")),
            "Trunk.toml writes <meta name={WASM_META}>"
        );
        assert!(
            BOOT_JS.contains(&format!("getElementById('{CRASH_NOTICE}')")),
            "src/boot.js looks for #{CRASH_NOTICE}"
        );
        assert!(BOOT_JS.contains(&format!("classList.add('{WASM_FAILED}')")), "src/boot.js marks a failed start");
        assert!(CSS.contains(&format!(".{WASM_FAILED} ")), "style/main.css styles a failed start");
        assert!(CSS.contains(&format!(".{CRASH_NOTICE} ")), "style/main.css styles the crash notice");
        assert!(INDEX_HTML.contains("src=\"src/boot.js\"") && INDEX_HTML.contains("src=\"src/early.js\""));
    }

    #[test]
    fn the_readme_lists_the_parameters_and_charts_of_the_vocabulary() {
        for name in param::ALL {
            assert!(README.contains(&format!("| `{name}` |")), "README's parameter table has a row for `{name}`");
        }
        let row =
            README.lines().find(|l| l.starts_with(&format!("| `{}` |", param::CHART))).expect("README's chart row");
        let slugs: Vec<String> = ChartId::ALL.iter().map(|c| format!("`{}`", c.slug())).collect();
        assert!(row.contains(&slugs.join(", ")), "README's chart row lists {}, in order: {row}", slugs.join(", "));
    }

    /// What the end-to-end tests read (`tests/e2e/vocabulary.json`): written by hand here as
    /// JSON, so no serializer is needed.
    fn e2e_vocabulary() -> String {
        let list = |items: Vec<String>| items.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ");
        let charts = list(ChartId::ALL.iter().map(|c| c.slug().to_string()).collect());
        let sections = list(SECTIONS.iter().map(|s| s.to_string()).collect());
        let params = list(param::ALL.iter().map(|s| s.to_string()).collect());
        let messages = list(message::ALL.iter().map(|s| s.to_string()).collect());
        format!(
            "{{\n  \"pages\": {{ \"zh\": \"{}\", \"en\": \"{}\" }},\n  \"charts\": [{charts}],\n  \"sections\": [{sections}],\n  \"parameters\": [{params}],\n  \"messages\": [{messages}],\n  \"crashNotice\": \"{CRASH_NOTICE}\"\n}}\n",
            page_file(Lang::Zh),
            page_file(Lang::En),
        )
    }

    #[test]
    fn the_end_to_end_tests_read_this_vocabulary() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/e2e/vocabulary.json");
        let expected = e2e_vocabulary();
        if std::env::var_os("UPDATE_VOCABULARY").is_some() {
            std::fs::write(path, &expected).expect("write tests/e2e/vocabulary.json");
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "tests/e2e/vocabulary.json is out of date: run UPDATE_VOCABULARY=1 cargo test -p yangpu-core vocabulary"
        );
    }

    #[test]
    fn the_charts_canvas_text_uses_the_page_s_font_stack() {
        // The first font-family of style/main.css (the page's body text), with its line breaks.
        let start = CSS.find("font-family:").expect("style/main.css names a font-family") + "font-family:".len();
        let end = start + CSS[start..].find(';').expect("the font-family ends");
        let page: Vec<&str> = CSS[start..end].split(',').map(str::trim).collect();
        let canvas: Vec<&str> = crate::charts::style::PAGE_FONTS.split(',').map(str::trim).collect();
        assert_eq!(canvas, page, "charts::style::PAGE_FONTS and the font stack of style/main.css differ");
        // A CJK face named outright, so no engine searches the system for one glyph at a time.
        assert!(page.contains(&"\"WenQuanYi Micro Hei\"") && page.contains(&"\"PingFang SC\""));
    }
}
