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

    /// data/report.toml read on its own (not through build.rs), for what to expect.
    fn file() -> toml::Table {
        include_str!("../../../data/report.toml").parse().expect("data/report.toml parses")
    }

    fn ids_in(table: &str, section: &str) -> Vec<String> {
        let file = file();
        let items = file[table].as_array().expect("an array of tables");
        items
            .iter()
            .filter(|i| i["section"].as_str() == Some(section))
            .map(|i| i.get("id").and_then(|v| v.as_str()).unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn each_section_has_the_figures_and_achievements_report_toml_gives_it() {
        let file = file();
        let sections: Vec<&str> =
            file["section"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(REPORT.sections.iter().map(|s| s.id).collect::<Vec<_>>(), sections);
        for id in sections {
            assert_eq!(REPORT.section(id).map(|s| s.id), Some(id));
            let figures: Vec<String> = REPORT.figures_in(id).map(|f| f.id.to_string()).collect();
            assert_eq!(figures, ids_in("figure", id), "figures in {id}");
            assert!(!figures.is_empty(), "{id} has figures");
            let achievements = REPORT.achievements_in(id).count();
            assert_eq!(achievements, ids_in("achievement", id).len(), "achievements in {id}");
            assert!(achievements > 0, "{id} has achievements");
        }
        assert!(REPORT.section("nope").is_none());
        assert_eq!(REPORT.figures_in("nope").count(), 0);
    }

    #[test]
    fn quotes_are_found_for_figures_and_milestones() {
        let file = file();
        let figure = &file["figure"].as_array().unwrap()[0];
        assert_eq!(REPORT.quote(figure["id"].as_str().unwrap()), figure["quote"].as_str());
        let milestone = &file["milestone"].as_array().unwrap()[0];
        assert_eq!(REPORT.quote(milestone["id"].as_str().unwrap()), milestone["quote"].as_str());
        assert_eq!(REPORT.quote("nope"), None);
    }

    #[test]
    fn the_series_title_is_the_guillemet_quoted_part_of_its_sentence() {
        // The source: «Action Paints the Answer, Relay the New Blueprint».
        assert_eq!(REPORT.series_title(), "«Action Paints the Answer, Relay the New Blueprint»");
    }
}
