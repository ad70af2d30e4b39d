//! The report's data: typed, embedded at compile time from `data/report.toml`, and checked
//! against the source text it cites. Code names a figure, an achievement or a milestone by its
//! typed id (`FigureId`, `AchievementId`, `MilestoneId`, generated with the statics), so the
//! lookups cannot fail and a misspelt id does not compile.

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
    /// A figure, by its id (the statics are in the ids' order: a test checks).
    pub fn figure(&self, id: FigureId) -> &'static Figure {
        let figures: &'static [Figure] = self.figures;
        &figures[id as usize]
    }

    pub fn achievement(&self, id: AchievementId) -> &'static Achievement {
        let achievements: &'static [Achievement] = self.achievements;
        &achievements[id as usize]
    }

    pub fn milestone(&self, id: MilestoneId) -> &'static Milestone {
        let milestones: &'static [Milestone] = self.milestones;
        &milestones[id as usize]
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

/// What a chart's row shows: one of the report's figures or milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemId {
    Figure(FigureId),
    Milestone(MilestoneId),
}

impl ItemId {
    /// The id as `data/report.toml` writes it (in the downloads' `item_id`).
    pub fn id(self) -> &'static str {
        match self {
            ItemId::Figure(f) => f.id(),
            ItemId::Milestone(m) => m.id(),
        }
    }

    /// The figure or milestone with this id, if there is one.
    pub fn from_id(id: &str) -> Option<ItemId> {
        FigureId::from_id(id).map(ItemId::Figure).or_else(|| MilestoneId::from_id(id).map(ItemId::Milestone))
    }

    /// The clause of the source it comes from.
    pub fn quote(self) -> &'static str {
        match self {
            ItemId::Figure(f) => REPORT.figure(f).quote,
            ItemId::Milestone(m) => REPORT.milestone(m).quote,
        }
    }

    /// The figure, if it is one.
    pub fn figure(self) -> Option<&'static Figure> {
        match self {
            ItemId::Figure(f) => Some(REPORT.figure(f)),
            ItemId::Milestone(_) => None,
        }
    }
}

impl From<FigureId> for ItemId {
    fn from(id: FigureId) -> ItemId {
        ItemId::Figure(id)
    }
}

impl From<MilestoneId> for ItemId {
    fn from(id: MilestoneId) -> ItemId {
        ItemId::Milestone(id)
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
    fn each_typed_id_is_report_toml_s_and_finds_its_item() {
        let file = report_file();
        assert_eq!(FigureId::ALL.len(), file.figure.len());
        for (id, f) in FigureId::ALL.into_iter().zip(&file.figure) {
            assert_eq!((id.id(), FigureId::from_id(&f.id)), (f.id.as_str(), Some(id)));
            assert_eq!((REPORT.figure(id).id, REPORT.figure(id).key), (id.id(), id));
            assert_eq!(ItemId::from_id(&f.id), Some(ItemId::Figure(id)));
            assert_eq!(ItemId::from(id).quote(), f.quote);
        }
        assert_eq!(AchievementId::ALL.len(), file.achievement.len());
        for (id, a) in AchievementId::ALL.into_iter().zip(&file.achievement) {
            assert_eq!((id.id(), AchievementId::from_id(&a.id)), (a.id.as_str(), Some(id)));
            assert_eq!((REPORT.achievement(id).id, REPORT.achievement(id).key), (id.id(), id));
        }
        assert_eq!(MilestoneId::ALL.len(), file.milestone.len());
        for (id, m) in MilestoneId::ALL.into_iter().zip(&file.milestone) {
            assert_eq!((id.id(), MilestoneId::from_id(&m.id)), (m.id.as_str(), Some(id)));
            assert_eq!((REPORT.milestone(id).id, REPORT.milestone(id).key), (id.id(), id));
            assert_eq!(ItemId::from_id(&m.id), Some(ItemId::Milestone(id)));
            assert_eq!(ItemId::from(id).quote(), m.quote);
        }
        assert_eq!(MilestoneId::from_id("m1999"), None);
        assert_eq!(ItemId::from_id("nope"), None);
        assert_eq!(ItemId::from(FigureId::ALL[0]).figure(), Some(&REPORT.figures[0]));
        assert_eq!(ItemId::from(MilestoneId::ALL[0]).figure(), None);
    }

    #[test]
    fn the_series_title_is_the_guillemet_quoted_part_of_its_sentence() {
        // The source: «Action Paints the Answer, Relay the New Blueprint».
        assert_eq!(REPORT.series_title(), "«Action Paints the Answer, Relay the New Blueprint»");
    }
}
