//! The view state in the query string: one parser, one writer. The parameter names are a
//! public interface that portals hard-code: `section`, `milestone`, `chart`, `lang`,
//! `theme`, `mode`, `embed`. Defaults are left out; unknown parameters (pym.js adds
//! `childId`, `initialWidth`, ...) are ignored; invalid values are reported, never trusted.

use super::{milestone_named, milestone_url_name, section_named, Embed, Lang, Mode, Theme, ViewState};
use crate::charts::ChartId;
use crate::vocabulary::{param, value};

/// Why a parameter was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    pub value: String,
    pub reason: &'static str,
}

/// Parameters other applications add to an embed's URL, ignored without a report.
const FOREIGN: [&str; 6] = ["childId", "initialWidth", "parentTitle", "parentUrl", "utm_source", "utm_medium"];

/// Parses a query string (with or without the leading `?`). Never fails: what it cannot use
/// it reports in the second value and leaves at the default.
pub fn parse(query: &str) -> (ViewState, Vec<Ignored>) {
    let mut state = ViewState::default();
    let mut ignored = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(name), Some(value)) = (decode(raw_name), decode(raw_value)) else {
            ignored.push(Ignored {
                name: raw_name.into(),
                value: raw_value.into(),
                reason: "not valid percent-encoded UTF-8",
            });
            continue;
        };
        let mut ignore = |reason| ignored.push(Ignored { name: name.clone(), value: value.clone(), reason });
        match name.as_str() {
            param::SECTION => match section_named(&value) {
                Some(s) => state.section = Some(s),
                None => ignore("unknown section"),
            },
            param::MILESTONE => match milestone_named(&value) {
                Some(m) => state.milestone = Some(m),
                None => ignore("unknown milestone"),
            },
            param::CHART => match ChartId::from_slug(&value) {
                Some(c) => state.chart = Some(c),
                None => ignore("unknown chart"),
            },
            param::LANG => match value.as_str() {
                value::ZH => state.lang = Some(Lang::Zh),
                value::EN => state.lang = Some(Lang::En),
                _ => ignore("lang is zh or en"),
            },
            param::THEME => match value.as_str() {
                value::LIGHT => state.theme = Some(Theme::Light),
                value::DARK => state.theme = Some(Theme::Dark),
                _ => ignore("theme is light or dark"),
            },
            param::MODE => match value.as_str() {
                value::LARGE => state.mode = Some(Mode::Large),
                _ => ignore("mode is large"),
            },
            param::EMBED => match parse_embed(&value) {
                Some(e) => state.embed = Some(e),
                None => ignore("embed is report, chart:<id>, section:<id> or timeline"),
            },
            other if FOREIGN.contains(&other) => {}
            _ => ignore("unknown parameter"),
        }
    }
    (state, ignored)
}

fn parse_embed(value: &str) -> Option<Embed> {
    match value.split_once(':') {
        None if value.is_empty() || value == "report" => Some(Embed::Report),
        None if value == "timeline" => Some(Embed::Timeline),
        Some(("chart", slug)) => ChartId::from_slug(slug).map(Embed::Chart),
        Some(("section", id)) => section_named(id).map(Embed::Section),
        _ => None,
    }
}

/// The `embed=` value of a view, as links and `<html data-embed>` write it.
pub fn embed_value(embed: Embed) -> String {
    match embed {
        Embed::Report => "report".into(),
        Embed::Timeline => "timeline".into(),
        Embed::Chart(c) => format!("chart:{}", c.slug()),
        Embed::Section(s) => format!("section:{s}"),
    }
}

/// Writes the state as a query string, without the leading `?`, leaving defaults out and
/// parameters in a fixed order, so equal views give equal links.
pub fn write(state: &ViewState) -> String {
    let mut out: Vec<(&str, String)> = Vec::new();
    if let Some(s) = state.section {
        out.push((param::SECTION, s.into()));
    }
    if let Some(m) = state.milestone.map(milestone_url_name) {
        out.push((param::MILESTONE, m.into()));
    }
    if let Some(c) = state.chart {
        out.push((param::CHART, c.slug().into()));
    }
    if let Some(l) = state.lang {
        out.push((param::LANG, if l == Lang::Zh { value::ZH } else { value::EN }.into()));
    }
    if let Some(t) = state.theme {
        out.push((param::THEME, if t == Theme::Dark { value::DARK } else { value::LIGHT }.into()));
    }
    if state.mode == Some(Mode::Large) {
        out.push((param::MODE, value::LARGE.into()));
    }
    if let Some(e) = state.embed {
        out.push((param::EMBED, embed_value(e)));
    }
    out.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&")
}

/// Percent-decodes a query component (`+` is a space). `None` for bad escapes or bad UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes a query component, keeping the characters our values use (`:` `-`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::MilestoneId;
    use crate::state::SECTIONS;
    use proptest::prelude::*;

    /// The strings of a JavaScript array literal `var NAME = ['a', 'b'];` in `script`.
    fn js_list(script: &str, name: &str) -> Vec<String> {
        let start = script.find(&format!("var {name} = [")).unwrap_or_else(|| panic!("{name} in the script"));
        let body = &script[start..];
        let body = &body[body.find('[').unwrap() + 1..body.find(']').unwrap()];
        body.split(',').map(|s| s.trim().trim_matches('\'').to_string()).collect()
    }

    /// Every `embed` value url.rs accepts, as it writes them.
    fn every_embed() -> Vec<String> {
        let mut all = vec![embed_value(Embed::Report), embed_value(Embed::Timeline)];
        all.extend(ChartId::ALL.map(|c| embed_value(Embed::Chart(c))));
        all.extend(SECTIONS.map(|s| embed_value(Embed::Section(s))));
        all
    }

    #[test]
    fn early_js_accepts_the_embed_values_this_parser_accepts() {
        // early.js shows an embed's view before the wasm: its lists must be url.rs's.
        let early = include_str!("../../../src/early.js");
        let slugs: Vec<String> = ChartId::ALL.iter().map(|c| c.slug().to_string()).collect();
        assert_eq!(js_list(early, "CHARTS"), slugs, "early.js's charts");
        assert_eq!(js_list(early, "SECTIONS"), SECTIONS.map(String::from), "early.js's sections");
        // And each view has its CSS rule, which shows it.
        let css = include_str!("../../../style/main.css");
        for value in every_embed().into_iter().filter(|v| v != "report") {
            assert!(css.contains(&format!("html[data-embed=\"{value}\"]")), "style/main.css shows embed={value}");
        }
        // Values early.js must refuse are refused here too.
        for bad in ["chart:", "chart:nope", "section:", "section:chart", "timeline:x", "Report", ":"] {
            assert_eq!(parse_embed(bad), None, "{bad}");
        }
    }

    #[test]
    fn embed_js_passes_on_only_parameters_this_parser_knows() {
        let embed_js = include_str!("../../../public/embed.js");
        let keys = js_list(embed_js, "VIEW_KEYS");
        assert!(!keys.contains(&"embed".to_string()), "the embed code keeps its own embed value");
        for key in keys {
            let value = match key.as_str() {
                "section" => "housing",
                "milestone" => "2024",
                "chart" => "education",
                "lang" => "en",
                "theme" => "dark",
                "mode" => "large",
                other => panic!("embed.js passes on {other:?}, which url.rs does not parse"),
            };
            let (state, ignored) = parse(&format!("{key}={value}"));
            assert!(ignored.is_empty() && state != ViewState::default(), "{key}={value}");
        }
    }

    #[test]
    fn the_default_view_is_the_empty_query() {
        assert_eq!(write(&ViewState::default()), "");
        assert_eq!(parse(""), (ViewState::default(), vec![]));
        assert_eq!(parse("?"), (ViewState::default(), vec![]));
    }

    #[test]
    fn every_parameter_parses() {
        let (state, ignored) = parse("?section=housing&milestone=2024&chart=education&lang=zh&theme=dark&mode=large&embed=chart:livelihood-share");
        assert_eq!(ignored, vec![]);
        assert_eq!(state.section, Some("housing"));
        assert_eq!(state.milestone, Some(MilestoneId::M2024));
        assert_eq!(state.chart, Some(ChartId::Education));
        assert_eq!(state.lang, Some(Lang::Zh));
        assert_eq!(state.theme, Some(Theme::Dark));
        assert_eq!(state.mode, Some(Mode::Large));
        assert_eq!(state.embed, Some(Embed::Chart(ChartId::LivelihoodShare)));
        assert_eq!(parse("embed").0.embed, Some(Embed::Report));
        assert_eq!(parse("embed=report").0.embed, Some(Embed::Report));
        assert_eq!(parse("embed=timeline").0.embed, Some(Embed::Timeline));
        assert_eq!(parse("embed=section%3Aservices").0.embed, Some(Embed::Section("services")));
        assert_eq!(parse("milestone=2019-11").0.milestone, Some(MilestoneId::M2019));
        assert_eq!(parse("milestone=2019").0.milestone, Some(MilestoneId::M2019));
    }

    #[test]
    fn bad_values_are_reported_and_ignored_never_used() {
        let (state, ignored) =
            parse("section=%3Cscript%3E&chart=../../etc&lang=fr&theme=&embed=chart:nope&x=1&mode=LARGE&%ZZ=1");
        assert_eq!(state, ViewState::default());
        let names: Vec<&str> = ignored.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["section", "chart", "lang", "theme", "embed", "x", "mode", "%ZZ"]);
        assert_eq!(ignored[0].value, "<script>");
    }

    #[test]
    fn what_pym_js_adds_is_ignored_silently() {
        let (state, ignored) = parse(
            "embed=chart:education&initialWidth=600&childId=yangpu&parentTitle=A%20portal&parentUrl=https%3A%2F%2Fx",
        );
        assert_eq!(state.embed, Some(Embed::Chart(ChartId::Education)));
        assert_eq!(ignored, vec![]);
    }

    #[test]
    fn writes_in_a_fixed_order_and_encodes() {
        let state = ViewState {
            chart: Some(ChartId::Education),
            section: Some("services"),
            embed: Some(Embed::Section("source")),
            ..ViewState::default()
        };
        assert_eq!(write(&state), "section=services&chart=education&embed=section:source");
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode("a%20b+c%26"), Some("a b c&".into()));
        assert_eq!(decode("%E4%B8%AD"), Some("中".into()));
        assert_eq!(decode("%FF"), None);
        assert_eq!(decode("%4"), None);
    }

    fn any_state() -> impl Strategy<Value = ViewState> {
        let embed = prop_oneof![
            Just(Embed::Report),
            Just(Embed::Timeline),
            prop::sample::select(ChartId::ALL.to_vec()).prop_map(Embed::Chart),
            prop::sample::select(SECTIONS.to_vec()).prop_map(Embed::Section),
        ];
        (
            prop::option::of(prop::sample::select(SECTIONS.to_vec())),
            prop::option::of(prop::sample::select(MilestoneId::ALL.to_vec())),
            prop::option::of(prop::sample::select(ChartId::ALL.to_vec())),
            prop::option::of(prop::sample::select(vec![Lang::Zh, Lang::En])),
            prop::option::of(prop::sample::select(vec![Theme::Light, Theme::Dark])),
            prop::option::of(Just(Mode::Large)),
            prop::option::of(embed),
        )
            .prop_map(|(section, milestone, chart, lang, theme, mode, embed)| ViewState {
                section,
                milestone,
                chart,
                lang,
                theme,
                mode,
                embed,
            })
    }

    /// `n` random cases, or `PROPTEST_CASES` of them (scripts/mutants.sh asks for fewer).
    fn cases(n: u32) -> u32 {
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(n)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

        #[test]
        fn parse_of_write_is_the_state(state in any_state()) {
            let query = write(&state);
            let (back, ignored) = parse(&query);
            prop_assert_eq!(back, state);
            prop_assert!(ignored.is_empty());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases(10_000)))]

        #[test]
        fn any_query_string_parses_without_panic(query in ".{0,200}") {
            let (state, _) = parse(&query);
            // Whatever came in, what goes out is a valid, canonical query.
            let (again, ignored) = parse(&write(&state));
            prop_assert_eq!(again, state);
            prop_assert!(ignored.is_empty());
        }

        #[test]
        fn query_shaped_strings_parse_without_panic(
            pairs in prop::collection::vec(("(section|milestone|chart|lang|theme|mode|embed|[a-z%]{0,6})", "[a-z0-9:%+.-]{0,16}"), 0..8)
        ) {
            let query = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
            let _ = parse(&query);
        }
    }
}
