//! The report's charts. Each is a plain function generic over plotters' `DrawingBackend`
//! (data and style in, marks out), so one drawing code serves the canvas, the SVG in the
//! pre-rendered page, the downloads and the tests. No Leptos here.

mod education;
mod housing_renewal;
pub mod kit;
mod livelihood_growth;
mod livelihood_share;
pub mod marks;
pub mod social;
pub mod style;

use crate::data::REPORT;
use crate::i18n::{Lang, Text};
use kit::Drawn;
use marks::{Mark, Marks};
use plotters::coord::Shift;
use plotters::prelude::*;
pub use style::{Layout, Style};

/// One value a chart shows: the same rows feed the marks, the table, the CSV and the description.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: f64,
    /// The value as the report states it ("20,000+ households", "> 40%").
    pub value_text: String,
    pub unit: &'static str,
    pub period: String,
    /// The figure or milestone it comes from.
    pub item_id: &'static str,
    /// How the value follows from the text when the text does not state it (a derived index,
    /// a year the text calls «this year»); shown with the value in the table and downloads.
    pub basis: Option<String>,
}

impl Row {
    pub fn new(
        label: &str,
        value: f64,
        value_text: String,
        unit: &'static str,
        period: &str,
        item_id: &'static str,
    ) -> Row {
        Row { label: label.into(), value, value_text, unit, period: period.into(), item_id, basis: None }
    }

    /// The row with the reason its value is not stated in the text as shown.
    pub fn with_basis(self, basis: &str) -> Row {
        Row { basis: Some(basis.into()), ..self }
    }

    /// A row for one of the report's figures, its value written by `text`.
    pub fn figure(id: &'static str, lang: Lang, text: fn(&crate::data::Figure, Lang) -> String) -> Row {
        let f = REPORT.figure(id).expect("figure in report.toml");
        Row::new(f.label.get(lang), f.value, text(f, lang), f.unit.get(lang), f.period.get(lang), f.id)
    }

    pub fn mark(&self, boxes: Vec<marks::Rect>) -> Mark {
        Mark {
            label: self.label.clone(),
            value: self.value_text.clone(),
            period: self.period.clone(),
            item_id: self.item_id,
            boxes,
        }
    }
}

/// The charts, in the order the report shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    HousingRenewal,
    LivelihoodShare,
    LivelihoodGrowth,
    Education,
    InnovationAwards,
}

impl ChartId {
    pub const ALL: [ChartId; 5] = [
        ChartId::HousingRenewal,
        ChartId::LivelihoodShare,
        ChartId::LivelihoodGrowth,
        ChartId::Education,
        ChartId::InnovationAwards,
    ];

    /// The chart's public name, used in URLs, element ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::HousingRenewal => "housing-renewal",
            ChartId::LivelihoodShare => "livelihood-share",
            ChartId::LivelihoodGrowth => "livelihood-growth",
            ChartId::Education => "education",
            ChartId::InnovationAwards => "innovation-awards",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The report section the chart belongs to.
    pub fn section(self) -> &'static str {
        match self {
            ChartId::HousingRenewal => "housing",
            ChartId::LivelihoodShare | ChartId::LivelihoodGrowth | ChartId::Education => "services",
            ChartId::InnovationAwards => "innovation",
        }
    }

    pub fn title(self, lang: Lang) -> String {
        let words = self.words();
        words.title.fill(lang, &blank_refs(&(words.blanks)(lang)))
    }

    /// The one line a reader should take away.
    pub fn takeaway(self, lang: Lang) -> String {
        let words = self.words();
        words.takeaway.fill(lang, &blank_refs(&(words.blanks)(lang)))
    }

    pub fn units(self, lang: Lang) -> String {
        let words = self.words();
        words.units.fill(lang, &blank_refs(&(words.blanks)(lang)))
    }

    fn words(self) -> &'static ChartWords {
        match self {
            ChartId::HousingRenewal => &housing_renewal::WORDS,
            ChartId::LivelihoodShare => &livelihood_share::WORDS,
            ChartId::LivelihoodGrowth => &livelihood_growth::WORDS,
            ChartId::Education => &education::WORDS,
            ChartId::InnovationAwards => &innovation_awards::WORDS,
        }
    }

    /// Logical height in large mode: the chart reflows taller, so its larger text has room
    /// (the frame takes this height in the browser; the pre-rendered SVG is the standard one).
    pub fn large_height(self, layout: Layout) -> f64 {
        // The housing chart's key grows most: a year, its «this year» and a label per goal.
        let factor = match self {
            ChartId::HousingRenewal => 1.8,
            ChartId::InnovationAwards => 1.55,
            _ => LARGE_HEIGHT,
        };
        (self.height(layout) * factor).round()
    }

    /// Logical height in a layout (the width is the layout's).
    pub fn height(self, layout: Layout) -> f64 {
        match self {
            ChartId::HousingRenewal => housing_renewal::height(layout),
            ChartId::LivelihoodShare => livelihood_share::height(layout),
            ChartId::LivelihoodGrowth => livelihood_growth::height(layout),
            ChartId::Education => education::height(layout),
            ChartId::InnovationAwards => innovation_awards::height(layout),
        }
    }

    pub fn rows(self, lang: Lang) -> Vec<Row> {
        match self {
            ChartId::HousingRenewal => housing_renewal::rows(lang),
            ChartId::LivelihoodShare => livelihood_share::rows(lang),
            ChartId::LivelihoodGrowth => livelihood_growth::rows(lang),
            ChartId::Education => education::rows(lang),
            ChartId::InnovationAwards => innovation_awards::rows(lang),
        }
    }

    /// What the chart shows, its values and the change, in words: the canvas's accessible name.
    pub fn description(self, lang: Lang) -> String {
        match self {
            ChartId::HousingRenewal => housing_renewal::description(lang),
            ChartId::LivelihoodShare => livelihood_share::description(lang),
            ChartId::LivelihoodGrowth => livelihood_growth::description(lang),
            ChartId::Education => education::description(lang),
            ChartId::InnovationAwards => innovation_awards::description(lang),
        }
    }

    /// Draws the chart on `area` (already sized for `style.layout` at `style.scale`).
    pub fn draw<DB: DrawingBackend>(self, area: &DrawingArea<DB, Shift>, style: &Style) -> Drawn<Marks, DB> {
        area.fill(&style.palette.background)?;
        match self {
            ChartId::HousingRenewal => housing_renewal::draw(area, style),
            ChartId::LivelihoodShare => livelihood_share::draw(area, style),
            ChartId::LivelihoodGrowth => livelihood_growth::draw(area, style),
            ChartId::Education => education::draw(area, style),
            ChartId::InnovationAwards => innovation_awards::draw(area, style),
        }
    }

    /// The figures and milestones the chart shows, for its source line.
    pub fn item_ids(self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.rows(Lang::En).iter().map(|r| r.item_id).collect();
        ids.dedup();
        ids
    }

    /// The chart's first source quote (every row's item has one).
    pub fn source_quote(self) -> &'static str {
        let id = self.item_ids()[0];
        REPORT
            .figure(id)
            .map(|f| f.quote)
            .or_else(|| REPORT.milestones.iter().find(|m| m.id == id).map(|m| m.quote))
            .unwrap_or(REPORT.source)
    }
}

/// A chart's own words: title, the line to take away, and its units. They are templates:
/// every number in them is a blank that `blanks` fills from `data/report.toml`, so the words
/// cannot disagree with the data.
pub struct ChartWords {
    pub title: Text,
    pub takeaway: Text,
    pub units: Text,
    pub blanks: fn(Lang) -> Vec<(&'static str, String)>,
}

/// Blanks as `Text::fill` takes them.
pub fn blank_refs<'a>(blanks: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    blanks.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A figure's value written by `text`, for a template's blank.
pub fn figure_text(id: &str, lang: Lang, text: fn(&crate::data::Figure, Lang) -> String) -> String {
    REPORT.figure(id).map(|f| text(f, lang)).unwrap_or_default()
}

/// ": " in English, "：" in Chinese, between a value and what it is.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// How much taller a chart is in large mode (unless its own key needs more).
pub const LARGE_HEIGHT: f64 = 1.4;

/// Surface size in pixels for a chart drawn in `layout` at `scale`.
pub fn surface_size(chart: ChartId, layout: Layout, scale: f64) -> (u32, u32) {
    let w = (layout.logical_width() * scale).round() as u32;
    let h = (chart.height(layout) * scale).round() as u32;
    (w.max(1), h.max(1))
}

pub mod export;
mod innovation_awards;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
