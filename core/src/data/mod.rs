//! The report's data: typed, embedded at compile time from `data/report.toml`, and checked
//! against the source text it cites.

mod model;
pub mod numbers;
pub mod provenance;
pub mod validate;

pub use model::*;

/// The press-conference text, unchanged: the report's citation.
pub const SOURCE: &str = include_str!("../../../data/source.en.txt");

include!(concat!(env!("OUT_DIR"), "/report_data.rs"));

impl Report {
    pub fn figure(&self, id: &str) -> Option<&'static Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The series' English title as the source quotes it: "«Action Paints the Answer, …»".
    pub fn series_title(&self) -> &'static str {
        let quote: &'static str = self.series_quote;
        match (quote.find('«'), quote.find('»')) {
            (Some(open), Some(close)) if open < close => &quote[open..close + '»'.len_utf8()],
            _ => quote,
        }
    }

    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn figures_in<'a>(&self, section: &'a str) -> impl Iterator<Item = &'static Figure> + 'a {
        let figures: &'static [Figure] = self.figures;
        figures.iter().filter(move |f| f.section == section)
    }

    pub fn achievements_in<'a>(&self, section: &'a str) -> impl Iterator<Item = &'static Achievement> + 'a {
        let achievements: &'static [Achievement] = self.achievements;
        achievements.iter().filter(move |a| a.section == section)
    }
}
