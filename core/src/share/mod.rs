//! Links that reopen a view, and the iframe snippet that embeds it.

pub mod picture;
pub mod qr;

use crate::data::REPORT;
use crate::format;
use crate::i18n::{Lang, Text};
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

const EMBED_TIMELINE: Text =
    Text { en: "Yangpu District: milestones {first}–{last}", zh: "杨浦区：大事记（{first}—{last}年）" };
const EMBED_PART: Text = Text { en: "Yangpu District: {title}", zh: "杨浦区：{title}" };

/// A title for the iframe, so screen readers announce what it holds.
pub fn embed_title(embed: Embed, lang: Lang) -> String {
    let part = |title: &str| EMBED_PART.fill(lang, &[("title", title)]);
    match embed {
        Embed::Report => format::page_title(lang),
        Embed::Timeline => {
            let years: Vec<String> = REPORT.milestones.iter().filter_map(|m| m.year()).map(|y| y.to_string()).collect();
            let (first, last) = (years.first().cloned().unwrap_or_default(), years.last().cloned().unwrap_or_default());
            EMBED_TIMELINE.fill(lang, &[("first", &first), ("last", &last)])
        }
        Embed::Chart(chart) => part(&chart.title(lang)),
        Embed::Section(section) => part(crate::data::REPORT.section(section).map_or(section, |s| s.title.get(lang))),
    }
}

/// The HTML a portal pastes: the iframe, and the resize script it needs once per page. The
/// embed keeps the language it was chosen in: a portal's page has one language.
pub fn embed_snippet(base: &str, state: &ViewState, lang: Lang) -> String {
    let embed = embed_for(state);
    let view = ViewState {
        embed: Some(embed),
        // The embed value names the section or chart; the milestone stays a parameter.
        section: None,
        chart: None,
        lang: Some(lang),
        ..*state
    };
    let src = format!("{base}?{}", url::write(&view));
    let script = base.rsplit_once('/').map_or(base, |(dir, _)| dir);
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" allow=\"clipboard-write; web-share\" width=\"100%\" height=\"600\" style=\"border:0\"></iframe>\n<script src=\"{}/embed.js\" async></script>",
        escape_attribute(&src),
        escape_attribute(&embed_title(embed, lang)),
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
    use crate::data::MilestoneId;

    const BASE: &str = "https://report.example/yangpu/index.html";

    #[test]
    fn links_carry_the_view_and_a_fragment() {
        assert_eq!(link(BASE, &ViewState::default()), BASE);
        let chart = ViewState { chart: Some(ChartId::Education), ..ViewState::default() };
        assert_eq!(link(BASE, &chart), format!("{BASE}?chart=education#chart-education"));
        let milestone = ViewState { milestone: Some(MilestoneId::M2024), ..ViewState::default() };
        assert_eq!(link(BASE, &milestone), format!("{BASE}?milestone=2024#milestone-m2024"));
    }

    #[test]
    fn the_embed_snippet_is_an_iframe_with_title_lazy_loading_and_the_script() {
        let state = ViewState { chart: Some(ChartId::LivelihoodShare), ..ViewState::default() };
        let snippet = embed_snippet(BASE, &state, Lang::En);
        assert!(
            snippet
                .contains("src=\"https://report.example/yangpu/index.html?lang=en&amp;embed=chart:livelihood-share\""),
            "{snippet}"
        );
        assert!(snippet.contains("title=\"Yangpu District: Livelihood spending’s share of the budget\""));
        assert!(snippet.contains("loading=\"lazy\"") && snippet.contains("allow=\"clipboard-write; web-share\""));
        assert!(snippet.contains("<script src=\"https://report.example/yangpu/embed.js\" async></script>"));
        assert!(embed_snippet(BASE, &ViewState::default(), Lang::En).contains("?lang=en&amp;embed=report"));
        let timeline = ViewState { milestone: Some(MilestoneId::M2022), ..ViewState::default() };
        assert!(
            embed_snippet(BASE, &timeline, Lang::En).contains("?milestone=2022&amp;lang=en&amp;embed=timeline"),
            "the & is escaped in the attribute"
        );
    }

    #[test]
    fn a_section_s_embed_names_it_once() {
        let state = ViewState { section: Some("housing"), ..ViewState::default() };
        let snippet = embed_snippet(BASE, &state, Lang::En);
        assert!(
            snippet.contains("src=\"https://report.example/yangpu/index.html?lang=en&amp;embed=section:housing\""),
            "{snippet}"
        );
    }

    #[test]
    fn an_embed_keeps_the_language_it_was_made_in() {
        let state = ViewState { chart: Some(ChartId::Education), ..ViewState::default() };
        let snippet = embed_snippet(BASE, &state, Lang::Zh);
        assert!(snippet.contains("?lang=zh&amp;embed=chart:education"), "{snippet}");
        assert!(snippet.contains("title=\"杨浦区：新建学校与新增学位\""), "{snippet}");
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(escape_attribute("a\"b<c>&"), "a&quot;b&lt;c&gt;&amp;");
    }
}
