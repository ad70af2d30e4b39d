//! The schema of `data/report.toml`: the whole file as serde reads it, shipped tables and
//! check-only ones. `build.rs` reads the file with it (and writes the shipped part out as Rust
//! statics, with the typed ids), and so does every test that reads the file on its own: this
//! crate's, with `cfg(test)`, and the page crate's audit, with the feature `schema`. The wasm
//! never has it: nothing it runs needs serde or toml.

use serde::Deserialize;

/// `data/report.toml`, whole.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    pub title: String,
    pub title_zh: String,
    pub period: String,
    pub period_zh: String,
    pub period_basis: String,
    pub period_basis_zh: String,
    pub concept_quote: String,
    pub concept_zh: String,
    pub series_quote: String,
    pub truncation_note: String,
    pub truncation_note_zh: String,
    pub section: Vec<Section>,
    pub figure: Vec<Figure>,
    pub achievement: Vec<Achievement>,
    pub milestone: Vec<Milestone>,
    pub not_a_figure: Vec<NotAFigure>,
    /// Check-only (the audit, tests/audit; not shipped): the numbers the report derives.
    pub derived: Vec<Derived>,
    /// Check-only (the audit; not shipped): the Chinese terms with their evidence.
    pub term: Vec<Term>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub title_zh: String,
    pub lead_quote: String,
    pub lead_zh: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub section: String,
    pub label: String,
    pub label_zh: String,
    pub value: f64,
    pub from: Option<f64>,
    #[serde(default)]
    pub qualifier: Qualifier,
    #[serde(default)]
    pub kind: Kind,
    pub unit: String,
    pub unit_zh: String,
    pub unit_long: String,
    pub unit_long_zh: String,
    pub period: String,
    pub period_zh: String,
    pub quote: String,
}

#[derive(Deserialize, Default, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    #[default]
    Exact,
    Over,
}

#[derive(Deserialize, Default, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Level,
    Increase,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    pub id: String,
    pub section: String,
    pub label: String,
    pub label_zh: String,
    pub quote: String,
    #[serde(default)]
    pub truncated: bool,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub date: String,
    pub section: Option<String>,
    pub title: String,
    pub title_zh: String,
    pub quote: String,
    pub basis: Option<String>,
    pub basis_zh: Option<String>,
    pub said: Option<String>,
    pub said_zh: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct NotAFigure {
    pub tokens: Vec<String>,
    pub quote: String,
    pub reason: String,
}

/// A number the report shows that the text does not state as such, and how it follows.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    pub values: Vec<f64>,
    pub reason: String,
}

/// A quoted Chinese term or a name the report shows, with its evidence.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub zh: String,
    pub en: String,
    pub status: TermStatus,
    pub evidence: String,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TermStatus {
    /// The district's or the city's own usage, which the evidence confirms.
    Official,
    /// No official usage found: a faithful translation of the English quote.
    Translation,
}

/// Reads the text of `data/report.toml`; panics, naming the file, if it does not fit.
pub fn parse(text: &str) -> ReportFile {
    toml::from_str(text).unwrap_or_else(|e| panic!("data/report.toml: {e}"))
}
