//! The report's view state, separate from rendering: which section, milestone and chart
//! are in view, the reader's language, theme and reading mode, and whether the report is
//! embedded. The URL is its serialisation (see `url`).

pub mod url;

use crate::charts::ChartId;
use crate::data::{MilestoneId, REPORT};

/// The report's top-level parts, as `section=` names them.
pub const SECTIONS: [&str; 6] = ["key-figures", "housing", "services", "innovation", "milestones", "source"];

pub use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Large,
}

/// What an embedded report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Embed {
    Report,
    Chart(ChartId),
    Section(&'static str),
    Timeline,
}

/// The view: `None` everywhere is the default report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ViewState {
    pub section: Option<&'static str>,
    /// A milestone (`data-milestone="m2024"`); in the URL, its date ("2024", "2019-11").
    pub milestone: Option<MilestoneId>,
    pub chart: Option<ChartId>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub mode: Option<Mode>,
    pub embed: Option<Embed>,
}

impl ViewState {
    /// The element the view is about, to scroll to: the most specific of milestone, chart, section.
    pub fn focus_target(&self) -> Option<String> {
        if let Some(m) = self.milestone {
            return Some(dom_id("milestone", m.id()));
        }
        if let Some(c) = self.chart {
            return Some(dom_id("chart", c.slug()));
        }
        self.section.map(str::to_string)
    }
}

/// How a change of view reaches the address bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new place the reader chose (a milestone, a section): back returns from it.
    Push,
    /// Moving within the view: the current entry is updated.
    Replace,
    /// Already in the address bar (first load, back or forward).
    Keep,
}

/// An element id from an item id: "housing.area_renovated" → "figure-housing-area_renovated".
/// Links and views name elements this way, so it lives with the view state.
pub fn dom_id(prefix: &str, item_id: &str) -> String {
    format!("{prefix}-{}", item_id.replace('.', "-"))
}

/// A section id as the data and the page name it, if `name` is one.
pub fn section_named(name: &str) -> Option<&'static str> {
    SECTIONS.into_iter().find(|s| *s == name)
}

/// A milestone from its URL name: its date ("2024", "2019-11"), its year, or its id.
pub fn milestone_named(name: &str) -> Option<MilestoneId> {
    REPORT
        .milestones
        .iter()
        .find(|m| m.date == name || m.id == name || m.year().is_some_and(|y| y.to_string() == name))
        .map(|m| m.key)
}

/// The URL name of a milestone: its year, or its full date when two share a year.
pub fn milestone_url_name(id: MilestoneId) -> &'static str {
    let m = REPORT.milestone(id);
    let shared_year = REPORT.milestones.iter().filter(|o| o.year() == m.year()).count() > 1;
    if shared_year {
        m.date
    } else {
        m.date.get(..4).unwrap_or(m.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_milestone_s_link_names_its_year_and_reads_back() {
        // report.toml's milestones fall in six different years, so each link names the year
        // alone: 2019-11 is "2019" (the README's links: `milestone=2019`).
        let names: Vec<_> = MilestoneId::ALL.into_iter().map(milestone_url_name).collect();
        assert_eq!(names, ["2019", "2021", "2022", "2023", "2024", "2025"]);
        for m in MilestoneId::ALL {
            assert_eq!(milestone_named(milestone_url_name(m)), Some(m));
            assert_eq!(milestone_named(m.id()), Some(m), "its id names it too");
        }
        assert_eq!(milestone_named("m1999"), None);
    }
}
