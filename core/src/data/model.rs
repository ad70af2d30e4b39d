//! The report's data types. Every item carries the verbatim clause of the source it comes from;
//! what the reader sees is a [`Text`] in both languages, the quotes stay the English source.

use super::{AchievementId, FigureId, MilestoneId};
pub use crate::i18n::Text;

/// The whole report: the source text and everything shown from it.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub title: Text,
    pub period: Text,
    /// Why the period is 2021–2025: the text names the plan, not its years.
    pub period_basis: Text,
    pub concept_quote: &'static str,
    /// The concept's established Chinese wording, shown beside the English quote.
    pub concept_zh: &'static str,
    pub series_quote: &'static str,
    pub truncation_note: Text,
    /// The press-conference text, unchanged.
    pub source: &'static str,
    pub sections: &'static [Section],
    pub figures: &'static [Figure],
    pub achievements: &'static [Achievement],
    pub milestones: &'static [Milestone],
    pub not_figures: &'static [NotAFigure],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: Text,
    pub lead_quote: &'static str,
    /// The lead quote in Chinese, shown beside it.
    pub lead_zh: &'static str,
}

/// Whether a number is exact or a lower bound the text gives with "over".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    Over,
}

/// A level (14 schools) or a change over the period (+50.2%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Level,
    Increase,
}

/// A number the text states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The id as `data/report.toml` writes it, for URLs, attributes and files.
    pub id: &'static str,
    /// The same id, typed: what code names the figure by (`REPORT.figure(key)`).
    pub key: FigureId,
    pub section: &'static str,
    pub label: Text,
    pub value: f64,
    /// The starting value of a before/after figure.
    pub from: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: FigureKind,
    pub unit: Text,
    pub unit_long: Text,
    pub period: Text,
    pub quote: &'static str,
}

/// A qualitative achievement: no number, but still a quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Achievement {
    pub id: &'static str,
    /// `id`, typed (`REPORT.achievement(key)`).
    pub key: AchievementId,
    pub section: &'static str,
    pub label: Text,
    pub quote: &'static str,
    /// The source is cut off inside or right after this quote.
    pub truncated: bool,
}

/// A dated milestone; `date` is "YYYY" or "YYYY-MM".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Milestone {
    /// The id as `data/report.toml` writes it ("m2024"), for attributes (`data-milestone`).
    pub id: &'static str,
    /// `id`, typed (`REPORT.milestone(key)`, `ViewState::milestone`).
    pub key: MilestoneId,
    pub date: &'static str,
    pub section: Option<&'static str>,
    pub title: Text,
    pub quote: &'static str,
    /// How the date follows from the text when the text does not state it.
    pub basis: Option<Text>,
    /// The words the text uses instead of the date («this year»), shown with the date
    /// wherever the date is shown, so an inferred year never reads as stated.
    pub said: Option<Text>,
}

impl Milestone {
    /// The year, from the leading four digits of `date`.
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4)?.parse().ok()
    }

    /// The month, when the date has one.
    pub fn month(&self) -> Option<u8> {
        self.date.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))
    }
}

/// A number in the source that is deliberately not a figure ("14th", "sixth", ...).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NotAFigure {
    pub tokens: &'static [&'static str],
    pub quote: &'static str,
    pub reason: &'static str,
}
