//! The report's charts. Each is a plain function generic over plotters' `DrawingBackend`
//! (data and style in, marks out), so one drawing code serves the canvas, the SVG in the
//! pre-rendered page, the downloads and the tests. No Leptos here.

pub mod kit;
pub mod marks;
pub mod measure;
pub mod selection;
pub mod social;
pub mod style;

use crate::data::{FigureId, ItemId, REPORT};
use crate::i18n::{Lang, Text};
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
    pub item_id: ItemId,
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
        item_id: impl Into<ItemId>,
    ) -> Row {
        let item_id = item_id.into();
        Row { label: label.into(), value, value_text, unit, period: period.into(), item_id, basis: None }
    }

    /// The row with the reason its value is not stated in the text as shown.
    pub fn with_basis(self, basis: &str) -> Row {
        Row { basis: Some(basis.into()), ..self }
    }

    /// A row for one of the report's figures, its value written by `text`.
    pub fn figure(id: FigureId, lang: Lang, text: fn(&crate::data::Figure, Lang) -> String) -> Row {
        let f = REPORT.figure(id);
        Row::new(f.label.get(lang), f.value, text(f, lang), f.unit.get(lang), f.period.get(lang), id)
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

/// What the report knows of a chart as data: its names, its words and how tall it is.
/// Each chart's file writes its own (`SPEC`) beside its functions (`rows`, `description`,
/// `draw`); `registry!` lists them, so a new chart is a new file and its row
/// there (and its `mod` line). (The functions are reached by `match`, not by pointers in the table, so the wasm
/// drops those it never calls, such as the descriptions the pre-render writes.)
pub struct ChartSpec {
    pub id: ChartId,
    /// The chart's public name, used in URLs, element ids and file names.
    pub slug: &'static str,
    /// The report section the chart belongs to.
    pub section: &'static str,
    pub words: ChartWords,
    /// How tall it is drawn (`ChartId::height`).
    pub height: Height,
}

/// How tall a chart is drawn, in logical units (its width is the layout's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Height {
    /// As tall as what it draws, in each layout, language and reading mode, with at most a
    /// line (`Style::line`) under its lowest text or mark: the chart lays out from the top
    /// down, needing no given height (its foot may keep to the bottom of a taller surface),
    /// and `ChartId::height` measures it.
    Fitted,
    /// A plot, which fills the height it is given: this tall in each layout, and `large`
    /// times that in large mode.
    Plot { compact: f64, wide: f64, large: f64 },
}

/// Writes the registry from one row per chart (its module and its id), in the order the
/// report shows them: the `ChartId` enum, `REGISTRY` (each chart's `SPEC`) and the dispatch of
/// each chart's functions. A new chart is its file, its `mod` line above and its row.
macro_rules! registry {
    ($($module:ident => $id:ident),+ $(,)?) => {
        /// The charts, in the order the report shows them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ChartId {
            $($id),+
        }

        /// Every chart's spec, in `ChartId`'s order (a static: one copy in the wasm).
        pub static REGISTRY: [ChartSpec; [$(stringify!($id)),+].len()] = [$($module::SPEC),+];

        impl ChartId {
            /// Every chart, in the order the report shows them.
            pub const ALL: [ChartId; [$(stringify!($id)),+].len()] = [$(ChartId::$id),+];
        }

        /// Each chart's functions, by `match` (a function generic over the backend cannot sit in
        /// a table, and a table of pointers would keep every function in the wasm).
        fn draw_chart<DB: DrawingBackend>(chart: ChartId, area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
            match chart {
                $(ChartId::$id => $module::draw(area, style)),+
            }
        }
        fn rows_of(chart: ChartId, lang: Lang) -> Vec<Row> {
            match chart {
                $(ChartId::$id => $module::rows(lang)),+
            }
        }
        fn description_of(chart: ChartId, lang: Lang) -> String {
            match chart {
                $(ChartId::$id => $module::description(lang)),+
            }
        }
    };
}

// The charts' own files, declared here (not by the macro) so that tools that read the module
// tree, such as cargo-mutants, find them.
mod education;
mod housing_renewal;
mod innovation_awards;
mod livelihood_growth;
mod livelihood_share;

registry! {
    housing_renewal => HousingRenewal,
    livelihood_share => LivelihoodShare,
    livelihood_growth => LivelihoodGrowth,
    education => Education,
    innovation_awards => InnovationAwards,
}

impl ChartId {
    /// The chart's row in the registry (each row sits at its id's place: a test checks).
    pub fn spec(self) -> &'static ChartSpec {
        &REGISTRY[self as usize]
    }

    /// The chart's public name, used in URLs, element ids and file names.
    pub fn slug(self) -> &'static str {
        self.spec().slug
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        REGISTRY.iter().find(|c| c.slug == slug).map(|c| c.id)
    }

    /// The report section the chart belongs to.
    pub fn section(self) -> &'static str {
        self.spec().section
    }

    pub fn title(self, lang: Lang) -> String {
        self.spec().words.fill(lang, |w| &w.title)
    }

    /// The one line a reader should take away.
    pub fn takeaway(self, lang: Lang) -> String {
        self.spec().words.fill(lang, |w| &w.takeaway)
    }

    /// What the chart shows, as it is read aloud (`speech::chart` makes it fit for the ear).
    pub fn aloud(self, lang: Lang) -> String {
        self.spec().words.fill(lang, |w| &w.aloud)
    }

    pub fn units(self, lang: Lang) -> String {
        self.spec().words.fill(lang, |w| &w.units)
    }

    /// Logical height in a layout, language and reading mode (the width is the layout's): a
    /// plot's own, or a fitted chart's as measured (on an SVG it throws away; the browser
    /// measures on its canvas with `height_on`). Large mode reflows the chart taller, so its
    /// larger text has room (the frame takes that height in the browser; the pre-rendered
    /// SVG, and so the frame, has the standard one).
    pub fn height(self, layout: Layout, lang: Lang, large: bool) -> f64 {
        let mut svg = String::new();
        let height = self.height_on(layout, lang, large, |size| Some(SVGBackend::with_string(&mut svg, size)));
        height.unwrap_or_default()
    }

    /// The height as `height` has it, a fitted chart measured on a surface `surface` makes
    /// (of a size: the layout's width, one unit tall; `None` if it cannot): drawn once, its
    /// lowest text or mark box, and `Style::room_below` under it. Its text is laid out by
    /// DejaVu Sans Bold's widths, as the SVG's is, also in the browser: the pre-rendered SVG
    /// and the frame have the height the native tests check, and the canvas's own text wraps
    /// to as many lines or fewer (`Measure::width` is never wider than DejaVu's), so it never
    /// needs more (it may leave a little more room under the chart, never cut it). Any
    /// backend measures alike: the browser passes a canvas nobody sees, so the wasm carries
    /// no second copy of the charts' drawing.
    pub fn height_on<DB: DrawingBackend>(
        self,
        layout: Layout,
        lang: Lang,
        large: bool,
        surface: impl FnOnce((u32, u32)) -> Option<DB>,
    ) -> Option<f64> {
        let (compact, wide, factor) = match self.spec().height {
            Height::Plot { compact, wide, large } => (compact, wide, large),
            Height::Fitted => {
                let style = Style { large, measure: measure::Measure::DEJAVU, ..Style::new(layout, 1.0).in_lang(lang) };
                let area = surface((layout.logical_width() as u32, 1))?.into_drawing_area();
                let (marks, texts) = kit::with_text_boxes(|| self.draw(&area, &style));
                let marks = marks.unwrap_or_default();
                let lowest = texts
                    .iter()
                    .map(|t| t.rect.y1)
                    .chain(marks.0.iter().flat_map(|m| m.boxes.iter().map(|b| b.y1)))
                    .fold(0.0, f64::max);
                return Some((lowest + style.room_below()).ceil());
            }
        };
        let height = match layout {
            Layout::Compact => compact,
            Layout::Wide => wide,
        };
        Some(if large { (height * factor).round() } else { height })
    }

    pub fn rows(self, lang: Lang) -> Vec<Row> {
        rows_of(self, lang)
    }

    /// What the chart shows, its values and the change, in words: the canvas's accessible name.
    pub fn description(self, lang: Lang) -> String {
        description_of(self, lang)
    }

    /// Draws the chart on `area` (already sized for `style.layout` at `style.scale`).
    pub fn draw<DB: DrawingBackend>(self, area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
        area.fill(&style.palette.background)?;
        draw_chart(self, area, style)
    }

    /// The figures and milestones the chart shows, for its source line.
    pub fn item_ids(self) -> Vec<ItemId> {
        let mut ids: Vec<ItemId> = self.rows(Lang::En).iter().map(|r| r.item_id).collect();
        ids.dedup();
        ids
    }

    /// The chart's first source quote (every row's item has one).
    pub fn source_quote(self) -> &'static str {
        self.item_ids()[0].quote()
    }
}

/// A chart's own words: title, the line to take away, its units, and what it says aloud. They
/// are templates: every number in them is a blank that `blanks` fills from `data/report.toml`,
/// so the words cannot disagree with the data.
pub struct ChartWords {
    pub title: Text,
    pub takeaway: Text,
    pub units: Text,
    /// What the chart shows, in sentences for the ear: whole without its title, each figure
    /// once, no shapes (those are the screen reader's description's).
    pub aloud: Text,
    pub blanks: fn(Lang) -> Vec<(&'static str, String)>,
}

impl ChartWords {
    /// One of the words (`which`) with its blanks filled in `lang`.
    pub fn fill(&self, lang: Lang, which: impl Fn(&ChartWords) -> &Text) -> String {
        which(self).fill(lang, &blank_refs(&(self.blanks)(lang)))
    }
}

/// Blanks as `Text::fill` takes them.
pub fn blank_refs<'a>(blanks: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    blanks.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A figure's value written by `text`, for a template's blank.
pub fn figure_text(id: FigureId, lang: Lang, text: fn(&crate::data::Figure, Lang) -> String) -> String {
    text(REPORT.figure(id), lang)
}

/// ": " in English, "：" in Chinese, between a value and what it is.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// The two points of the before/after charts (`livelihood_share`, `livelihood_growth`): the
/// text gives a start and a latest value. Here, beside the charts' other shared words, since
/// both charts name their columns so; the two-column layout they share (`kit::TwoColumns`)
/// draws whatever rows it is given.
pub const START: Text = Text { en: "Start of the period", zh: "“十四五”初" };
pub const START_LONG: Text = Text { en: "Start of the 14th Five-Year Plan period", zh: "“十四五”初" };
pub const LATEST: Text = Text { en: "Latest", zh: "最新" };
pub const LATEST_LONG: Text = Text { en: "Latest reported", zh: "最新" };

/// How much taller a plot is in large mode (`Height::Plot`).
pub const LARGE_HEIGHT: f64 = 1.4;

/// Surface size in pixels for a chart drawn in `style`'s layout, language and reading mode
/// at its scale.
pub fn surface_size(chart: ChartId, style: &Style) -> (u32, u32) {
    let w = (style.layout.logical_width() * style.scale).round() as u32;
    let h = (chart.height(style.layout, style.lang, style.large) * style.scale).round() as u32;
    (w.max(1), h.max(1))
}

pub mod export;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
