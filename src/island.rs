//! The contract between the components that render the page's islands and the runtime that
//! hydrates them (`islands.rs`): which islands there are, the attributes that carry their
//! props, and how those are read back. A component writes `data-island` with its kind's name
//! and its props under these attribute names; the runtime reads them with `Island::read` and
//! no other way. A native test reads every island of both pre-rendered pages, so a typo in a
//! name or a prop fails `cargo test`, not a browser. Props are plain attributes, not JSON:
//! the wasm carries no serde_json.

use yangpu_core::charts::ChartId;
use yangpu_core::data::{Milestone, REPORT};
use yangpu_core::state::{url, ViewState};

/// The attributes that carry islands and their props.
pub mod attr {
    /// The island's kind (`kind::…`).
    pub const ISLAND: &str = "data-island";
    /// A share button: what it shares (`Shares::name`), the view's query, the dialog's title.
    pub const SHARE: &str = "data-share";
    pub const SHARE_VIEW: &str = "data-share-view";
    pub const SHARE_LABEL: &str = "data-share-label";
    /// A read-aloud button: its key, the text it speaks and its label.
    pub const READ: &str = "data-read";
    pub const SPEAK: &str = "data-speak";
    pub const SPEAK_LABEL: &str = "data-speak-label";
    /// On a chart's card (its frame and PNG button read it from around them): the slug.
    pub const CHART: &str = "data-chart";
    /// On a milestone's item (its button reads it from around it): the milestone's id.
    pub const MILESTONE: &str = "data-milestone";
}

/// The islands' names, as `data-island` writes them.
pub mod kind {
    pub const DISPLAY_CONTROLS: &str = "display-controls";
    pub const SHARE: &str = "share";
    pub const READ_ALOUD: &str = "read-aloud";
    pub const SOURCES_TOGGLE: &str = "sources-toggle";
    pub const CHART_FRAME: &str = "chart-frame";
    pub const PNG: &str = "png";
    pub const MILESTONE: &str = "milestone";
    pub const TIMELINE_ANNOUNCEMENT: &str = "timeline-announcement";
    pub const SHARE_DIALOG: &str = "share-dialog";
    pub const ALL: [&str; 9] = [
        DISPLAY_CONTROLS,
        SHARE,
        READ_ALOUD,
        SOURCES_TOGGLE,
        CHART_FRAME,
        PNG,
        MILESTONE,
        TIMELINE_ANNOUNCEMENT,
        SHARE_DIALOG,
    ];
}

/// What a share button shares: it names the button and styles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shares {
    Report,
    Section,
    Chart,
    Milestone,
}

impl Shares {
    const ALL: [Shares; 4] = [Shares::Report, Shares::Section, Shares::Chart, Shares::Milestone];

    pub fn name(self) -> &'static str {
        match self {
            Shares::Report => "report",
            Shares::Section => "section",
            Shares::Chart => "chart",
            Shares::Milestone => "milestone",
        }
    }

    pub fn from_name(name: &str) -> Option<Shares> {
        Shares::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// An island with its props, as read from the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Island {
    DisplayControls,
    Share { shares: Shares, view: ViewState, label: String },
    ReadAloud { id: String, text: String, label: String },
    SourcesToggle,
    ChartFrame { chart: ChartId },
    Png { chart: ChartId },
    Milestone { milestone: &'static Milestone },
    TimelineAnnouncement,
    ShareDialog,
}

impl Island {
    /// Reads an island from its element: `own` gives the element's attributes, `around` those
    /// of the nearest element around it that has the attribute (a chart's card, a milestone's
    /// item). An error says what is missing or wrong.
    pub fn read(
        own: impl Fn(&str) -> Option<String>,
        around: impl Fn(&str) -> Option<String>,
    ) -> Result<Island, String> {
        let kind = own(attr::ISLAND).ok_or("no data-island")?;
        let need = |name: &str| own(name).ok_or_else(|| format!("a {kind:?} island without {name}"));
        let chart = || {
            let slug = around(attr::CHART).ok_or_else(|| format!("a {kind:?} island outside a chart"))?;
            ChartId::from_slug(&slug).ok_or_else(|| format!("a {kind:?} island in an unknown chart {slug:?}"))
        };
        Ok(match kind.as_str() {
            kind::DISPLAY_CONTROLS => Island::DisplayControls,
            kind::SHARE => {
                let name = need(attr::SHARE)?;
                let shares = Shares::from_name(&name).ok_or_else(|| format!("a share button for {name:?}"))?;
                let query = need(attr::SHARE_VIEW)?;
                let (view, ignored) = url::parse(&query);
                if let Some(i) = ignored.first() {
                    return Err(format!("a share button's view {query:?}: {} ({})", i.name, i.reason));
                }
                Island::Share { shares, view, label: need(attr::SHARE_LABEL)? }
            }
            kind::READ_ALOUD => {
                Island::ReadAloud { id: need(attr::READ)?, text: need(attr::SPEAK)?, label: need(attr::SPEAK_LABEL)? }
            }
            kind::SOURCES_TOGGLE => Island::SourcesToggle,
            kind::CHART_FRAME => Island::ChartFrame { chart: chart()? },
            kind::PNG => Island::Png { chart: chart()? },
            kind::MILESTONE => {
                let id = around(attr::MILESTONE).ok_or("a milestone button outside a milestone")?;
                let milestone = REPORT
                    .milestones
                    .iter()
                    .find(|m| m.id == id)
                    .ok_or_else(|| format!("an unknown milestone {id:?}"))?;
                Island::Milestone { milestone }
            }
            kind::TIMELINE_ANNOUNCEMENT => Island::TimelineAnnouncement,
            kind::SHARE_DIALOG => Island::ShareDialog,
            other => return Err(format!("an unknown island {other:?}")),
        })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use yangpu_core::i18n::Lang;

    type Attributes = BTreeMap<String, String>;

    /// Every element with `data-island` in `html`, with its attributes and those of the
    /// elements around it (innermost last).
    fn islands(html: &str) -> Vec<(Attributes, Vec<Attributes>)> {
        const VOID: [&str; 8] = ["br", "img", "input", "link", "meta", "source", "wbr", "hr"];
        let mut stack: Vec<(String, Attributes)> = Vec::new();
        let mut found = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            rest = &rest[end..];
            if let Some(name) = tag.strip_prefix('/') {
                if let Some(i) = stack.iter().rposition(|(n, _)| n == name.trim()) {
                    stack.truncate(i);
                }
                continue;
            }
            if tag.starts_with('!') {
                continue;
            }
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let attrs = attributes(&tag[name.len()..]);
            if attrs.contains_key(attr::ISLAND) {
                found.push((attrs.clone(), stack.iter().map(|(_, a)| a.clone()).collect()));
            }
            if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
                stack.push((name, attrs));
            }
        }
        found
    }

    /// `name="value"` pairs of a tag (the pre-render quotes every value, entities as HTML).
    fn attributes(tag: &str) -> Attributes {
        let mut out = BTreeMap::new();
        let mut rest = tag;
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].rsplit(|c: char| c.is_whitespace()).next().unwrap_or_default().to_string();
            let value_start = eq + 2;
            let close = rest[value_start..].find('"').map_or(rest.len(), |c| value_start + c);
            let value = rest[value_start..close]
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            out.insert(name, value);
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out
    }

    fn read_all(lang: Lang) -> Vec<Result<Island, String>> {
        let html = crate::prerender::render_app(lang);
        islands(&html)
            .into_iter()
            .map(|(own, around)| {
                Island::read(
                    |name| own.get(name).cloned(),
                    |name| around.iter().rev().find_map(|a| a.get(name).cloned()),
                )
            })
            .collect()
    }

    #[test]
    fn every_island_of_both_pages_reads_back_with_its_props() {
        for lang in [Lang::Zh, Lang::En] {
            let read = read_all(lang);
            let errors: Vec<&String> = read.iter().filter_map(|r| r.as_ref().err()).collect();
            assert!(errors.is_empty(), "{lang:?}: islands that would stay dead: {errors:#?}");
            let islands: Vec<Island> = read.into_iter().flatten().collect();
            // Every kind is on the page, and as often as the data says.
            let count = |f: fn(&Island) -> bool| islands.iter().filter(|i| f(i)).count();
            assert_eq!(
                count(|i| matches!(i, Island::ChartFrame { .. })),
                ChartId::ALL.len(),
                "{lang:?}: a frame per chart"
            );
            assert_eq!(
                count(|i| matches!(i, Island::Png { .. })),
                ChartId::ALL.len(),
                "{lang:?}: a PNG button per chart"
            );
            assert_eq!(count(|i| matches!(i, Island::Milestone { .. })), REPORT.milestones.len(), "{lang:?}");
            for kind in [
                |i: &Island| matches!(i, Island::DisplayControls),
                |i: &Island| matches!(i, Island::SourcesToggle),
                |i: &Island| matches!(i, Island::TimelineAnnouncement),
                |i: &Island| matches!(i, Island::ShareDialog),
            ] {
                assert_eq!(count(kind), 1, "{lang:?}: one of each page-wide island");
            }
            for c in ChartId::ALL {
                assert!(islands.contains(&Island::ChartFrame { chart: c }), "{lang:?}: {}'s frame", c.slug());
                let shares_it = |i: &Island| matches!(i, Island::Share { shares: Shares::Chart, view, .. } if view.chart == Some(c));
                assert!(islands.iter().any(shares_it), "{lang:?}: {}'s share button opens its view", c.slug());
            }
            assert!(islands.iter().any(|i| matches!(i, Island::ReadAloud { text, .. } if !text.is_empty())));
            assert!(islands.iter().any(
                |i| matches!(i, Island::Share { shares: Shares::Report, view, .. } if *view == ViewState::default())
            ));
        }
    }

    #[test]
    fn a_typo_or_a_missing_prop_is_named() {
        let own = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        let nowhere = |_: &str| None;
        assert_eq!(
            Island::read(own(&[("data-island", "png")]), |_| Some("education".into())),
            Ok(Island::Png { chart: ChartId::Education })
        );
        let errors = [
            Island::read(own(&[("data-island", "pgn")]), nowhere),
            Island::read(own(&[("data-island", "png")]), nowhere),
            Island::read(own(&[("data-island", "png")]), |_| Some("educatoin".into())),
            Island::read(own(&[("data-island", "share"), ("data-share", "report"), ("data-share-view", "")]), nowhere),
            Island::read(
                own(&[
                    ("data-island", "share"),
                    ("data-share", "raport"),
                    ("data-share-view", ""),
                    ("data-share-label", "x"),
                ]),
                nowhere,
            ),
            Island::read(
                own(&[
                    ("data-island", "share"),
                    ("data-share", "chart"),
                    ("data-share-view", "chart=nope"),
                    ("data-share-label", "x"),
                ]),
                nowhere,
            ),
            Island::read(own(&[("data-island", "read-aloud"), ("data-read", "a"), ("data-speak-label", "b")]), nowhere),
            Island::read(own(&[("data-island", "milestone")]), |_| Some("m1999".into())),
            Island::read(own(&[]), nowhere),
        ];
        for (i, e) in errors.iter().enumerate() {
            assert!(e.is_err(), "case {i} must fail: {e:?}");
        }
    }
}
