//! New schools and school places as unit charts: one square per school, one square per
//! 100 places (the last one partly filled), so both counts are seen, not just read.

use super::kit::*;
use super::marks::{Marks, Rect};
use super::style::{Layout, Style, TextRole};
use super::{figure_text, ChartId, ChartSpec, ChartWords, Height, Row};
use crate::data::FigureId;
use crate::format;
use crate::i18n::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

/// This chart's row in the registry (`super::REGISTRY`).
pub const SPEC: ChartSpec =
    ChartSpec { id: ChartId::Education, slug: "education", section: "services", words: WORDS, height: Height::Fitted };

const WORDS: ChartWords = ChartWords {
    title: Text { en: "New schools and school places", zh: "新建学校与新增学位" },
    takeaway: Text {
        en: "{schools} new schools added {places} school places.",
        zh: "新建学校{schools}所，新增学位{places}个。",
    },
    units: Text {
        en: "Schools; school places (one square = {per} places)",
        zh: "学校（所）；学位（每格代表{per}个学位）",
    },
    aloud: Text {
        en: "{schools} new schools have been built, adding {places} school places.",
        zh: "新建学校{schools}所，新增学位{places}个。",
    },
    blanks,
};

fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("schools", figure_text(SCHOOLS, lang, format::value)),
        ("places", figure_text(PLACES, lang, format::value)),
        ("per", format::number_in(lang, PLACES_PER_UNIT)),
    ]
}
const DESCRIPTION: Text = Text {
    en: "Squares: {schools} built since the start of the period, one square each, adding {places}, one square for every {per} places.",
    zh: "方格图：“十四五”以来新建学校{schools}，每所一格；新增学位{places}，每{per}个学位一格。",
};
const ONE_SCHOOL: Text = Text { en: "one square = one school", zh: "每格代表一所学校" };
const PLACES_NOTE: Text = Text { en: "one square = {per} places", zh: "每格代表{per}个学位" };

const SCHOOLS: FigureId = FigureId::ServicesNewSchools;
const PLACES: FigureId = FigureId::ServicesSchoolPlaces;
/// School places per square in the places chart.
pub const PLACES_PER_UNIT: f64 = 100.0;

pub fn rows(lang: Lang) -> Vec<Row> {
    vec![Row::figure(SCHOOLS, lang, format::spoken), Row::figure(PLACES, lang, format::spoken)]
}

/// Draws `count` units (the last one may be a fraction) in a grid; returns the grid's box.
fn units<DB: DrawingBackend>(
    pen: &Pen<DB>,
    count: f64,
    origin: (f64, f64),
    columns: usize,
    size: f64,
    gap: f64,
    color: RGBColor,
) -> DrawResult<Rect, DB> {
    let shown = count * pen.style.progress;
    let whole = count.ceil() as usize;
    let rows = whole.div_ceil(columns);
    for i in 0..whole {
        let (col, row) = ((i % columns) as f64, (i / columns) as f64);
        let x0 = origin.0 + col * (size + gap);
        let y0 = origin.1 + row * (size + gap);
        pen.outline(Rect::new(x0, y0, x0 + size, y0 + size), color, 1.0)?;
        let fill = (shown - i as f64).clamp(0.0, 1.0);
        if fill > 0.0 {
            pen.rect(Rect::new(x0, y0, x0 + size * fill, y0 + size), color)?;
        }
    }
    let width = columns.min(whole) as f64 * (size + gap) - gap;
    let height = rows as f64 * (size + gap) - gap;
    Ok(pen.to_surface(Rect::new(origin.0, origin.1, origin.0 + width, origin.1 + height)))
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
    let pen = Pen::new(area, style);
    let p = style.palette;
    let (w, _h) = pen.size();
    let lang = style.lang;
    let rows = rows(lang);
    let (schools, places) = (&rows[0], &rows[1]);
    let (schools_at, places_at, school_size, place_size) = match style.layout {
        Layout::Compact => ((16.0, 16.0), (16.0, 160.0_f64), 32.0, 19.0),
        Layout::Wide => ((24.0, 16.0), (w * 0.5, 16.0), 30.0, 19.0),
    };
    let mut marks = Vec::new();
    // A value and its unit note, each wrapped to the room it has; returns where its units start.
    let column_w = match style.layout {
        Layout::Compact => w - 32.0,
        Layout::Wide => w * 0.5 - 40.0,
    };
    let heading = |value: &str, note: &str, at: (f64, f64)| -> DrawResult<f64, DB> {
        let used = pen.lines(
            &style.measure.wrap(value, column_w, style.text_size(TextRole::Value)),
            at,
            TextRole::Value,
            p.ink,
            LEFT_TOP,
        )?;
        let note = style.measure.wrap(note, column_w, style.text_size(TextRole::Axis));
        let used = used + pen.lines(&note, (at.0, at.1 + used + 2.0), TextRole::Axis, p.muted, LEFT_TOP)?;
        Ok(at.1 + used + 8.0)
    };

    let units_top = heading(&schools.value_text, ONE_SCHOOL.get(lang), schools_at)?;
    let grid = units(&pen, schools.value, (schools_at.0, units_top), 7, school_size, 6.0, p.primary)?;
    let schools_bottom = grid.y1 / style.scale;
    marks.push(schools.mark(vec![grid]));

    // On a phone the places follow the schools, as far down as the schools need.
    let places_at = match style.layout {
        Layout::Compact => (places_at.0, places_at.1.max(schools_bottom + 24.0)),
        Layout::Wide => places_at,
    };
    let unit_note = PLACES_NOTE.fill(lang, &[("per", &format::number_in(lang, PLACES_PER_UNIT))]);
    let units_top = heading(&places.value_text, &unit_note, places_at)?;
    let grid = units(&pen, places.value / PLACES_PER_UNIT, (places_at.0, units_top), 12, place_size, 4.0, p.secondary)?;
    marks.push(places.mark(vec![grid]));
    Ok(Marks(marks))
}

pub fn description(lang: Lang) -> String {
    let r = rows(lang);
    let per = format::number_in(lang, PLACES_PER_UNIT);
    DESCRIPTION.fill(lang, &[("schools", &r[0].value_text), ("places", &r[1].value_text), ("per", &per)])
}
