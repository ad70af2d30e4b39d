//! Links that reopen a view, and the iframe snippet that embeds it.

pub mod qr;

use crate::state::{url, Embed, ViewState};

/// The link to `state` on the report at `base` (origin and path, no query): the query
/// reopens the view; the fragment scrolls to it even without JavaScript.
pub fn link(base: &str, state: &ViewState) -> String {
    let query = url::write(state);
    let mut out = base.to_string();
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    if let Some(target) = state.focus_target() {
        out.push('#');
        out.push_str(&target);
    }
    out
}

/// What an embed of `state` shows: a chart or milestone view embeds that chart or the
/// timeline, a section view that section, anything else the whole report.
pub fn embed_for(state: &ViewState) -> Embed {
    if let Some(chart) = state.chart {
        Embed::Chart(chart)
    } else if state.milestone.is_some() || state.section == Some("milestones") {
        Embed::Timeline
    } else if let Some(section) = state.section {
        Embed::Section(section)
    } else {
        Embed::Report
    }
}

/// A title for the iframe, so screen readers announce what it holds.
pub fn embed_title(embed: Embed) -> String {
    match embed {
        Embed::Report => "Yangpu District: five years of building a People’s City (2021–2025)".into(),
        Embed::Timeline => "Yangpu District: milestones 2019–2025".into(),
        Embed::Chart(chart) => format!("Yangpu District: {}", chart.title()),
        Embed::Section(section) => {
            format!("Yangpu District: {}", crate::data::REPORT.section(section).map_or(section, |s| s.title))
        }
    }
}

/// The HTML a portal pastes: the iframe, and the resize script it needs once per page.
pub fn embed_snippet(base: &str, state: &ViewState) -> String {
    let embed = embed_for(state);
    let view = ViewState { embed: Some(embed), section: None, milestone: state.milestone, chart: None, ..*state };
    let src = format!("{base}?{}", url::write(&view));
    let script = base.rsplit_once('/').map_or(base, |(dir, _)| dir);
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" allow=\"clipboard-write; web-share\" width=\"100%\" height=\"600\" style=\"border:0\"></iframe>\n<script src=\"{}/embed.js\" async></script>",
        escape_attribute(&src),
        escape_attribute(&embed_title(embed)),
        escape_attribute(script)
    )
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ChartId;

    const BASE: &str = "https://report.example/yangpu/index.html";

    #[test]
    fn links_carry_the_view_and_a_fragment() {
        assert_eq!(link(BASE, &ViewState::default()), BASE);
        let chart = ViewState { chart: Some(ChartId::Education), ..ViewState::default() };
        assert_eq!(link(BASE, &chart), format!("{BASE}?chart=education#chart-education"));
        let milestone = ViewState { milestone: Some("m2024"), ..ViewState::default() };
        assert_eq!(link(BASE, &milestone), format!("{BASE}?milestone=2024#milestone-m2024"));
    }

    #[test]
    fn the_embed_snippet_is_an_iframe_with_title_lazy_loading_and_the_script() {
        let state = ViewState { chart: Some(ChartId::LivelihoodShare), ..ViewState::default() };
        let snippet = embed_snippet(BASE, &state);
        assert!(
            snippet.contains("src=\"https://report.example/yangpu/index.html?embed=chart:livelihood-share\""),
            "{snippet}"
        );
        assert!(snippet.contains("title=\"Yangpu District: Livelihood spending’s share of the budget\""));
        assert!(snippet.contains("loading=\"lazy\"") && snippet.contains("allow=\"clipboard-write; web-share\""));
        assert!(snippet.contains("<script src=\"https://report.example/yangpu/embed.js\" async></script>"));
        assert!(embed_snippet(BASE, &ViewState::default()).contains("?embed=report"));
        let timeline = ViewState { milestone: Some("m2022"), ..ViewState::default() };
        assert!(
            embed_snippet(BASE, &timeline).contains("?milestone=2022&amp;embed=timeline"),
            "the & is escaped in the attribute"
        );
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(escape_attribute("a\"b<c>&"), "a&quot;b&lt;c&gt;&amp;");
    }
}
