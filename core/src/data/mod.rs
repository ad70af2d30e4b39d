//! The report's data: typed, embedded at compile time from `data/report.toml`, and checked
//! against the source text it cites.

mod model;
pub mod numbers;
pub mod provenance;
#[cfg(any(test, feature = "schema"))]
pub mod schema;
pub mod validate;

pub use model::*;

/// The press-conference text, unchanged: the report's citation.
pub const SOURCE: &str = include_str!("../../../data/source.en.txt");

include!(concat!(env!("OUT_DIR"), "/report_data.rs"));

/// `data/report.toml` read on its own with its schema (not through build.rs's statics), for
/// tests: what to expect, and the check-only tables.
#[cfg(any(test, feature = "schema"))]
pub fn report_file() -> schema::ReportFile {
    schema::parse(include_str!("../../../data/report.toml"))
}

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

    /// The quote of a figure or a milestone, by its id.
    pub fn quote(&self, id: &str) -> Option<&'static str> {
        let milestones: &'static [Milestone] = self.milestones;
        self.figure(id).map(|f| f.quote).or_else(|| milestones.iter().find(|m| m.id == id).map(|m| m.quote))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids_in<'a>(items: impl Iterator<Item = (&'a str, &'a str)>, section: &str) -> Vec<&'a str> {
        items.filter(|(_, s)| *s == section).map(|(id, _)| id).collect()
    }

    #[test]
    fn each_section_has_the_figures_and_achievements_report_toml_gives_it() {
        let file = report_file();
        let sections: Vec<&str> = file.section.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(REPORT.sections.iter().map(|s| s.id).collect::<Vec<_>>(), sections);
        for id in sections {
            assert_eq!(REPORT.section(id).map(|s| s.id), Some(id));
            let figures: Vec<&str> = REPORT.figures_in(id).map(|f| f.id).collect();
            let expected = ids_in(file.figure.iter().map(|f| (f.id.as_str(), f.section.as_str())), id);
            assert_eq!(figures, expected, "figures in {id}");
            assert!(!figures.is_empty(), "{id} has figures");
            let achievements = REPORT.achievements_in(id).count();
            let expected = ids_in(file.achievement.iter().map(|a| (a.id.as_str(), a.section.as_str())), id);
            assert_eq!(achievements, expected.len(), "achievements in {id}");
            assert!(achievements > 0, "{id} has achievements");
        }
        assert!(REPORT.section("nope").is_none());
        assert_eq!(REPORT.figures_in("nope").count(), 0);
    }

    #[test]
    fn quotes_are_found_for_figures_and_milestones() {
        let file = report_file();
        let figure = &file.figure[0];
        assert_eq!(REPORT.quote(&figure.id), Some(figure.quote.as_str()));
        let milestone = &file.milestone[0];
        assert_eq!(REPORT.quote(&milestone.id), Some(milestone.quote.as_str()));
        assert_eq!(REPORT.quote("nope"), None);
    }

    #[test]
    fn the_series_title_is_the_guillemet_quoted_part_of_its_sentence() {
        // The source: «Action Paints the Answer, Relay the New Blueprint».
        assert_eq!(REPORT.series_title(), "«Action Paints the Answer, Relay the New Blueprint»");
    }
}
