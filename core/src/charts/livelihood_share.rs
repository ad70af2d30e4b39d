//! Livelihood spending's share of general public budget expenditure, start of the period →
//! latest: a slope chart, because the text gives two points and nothing between them.

use super::kit::*;
use super::marks::{Marks, Rect};
use super::style::{Layout, Style, TextRole};
use super::{ChartId, ChartSpec, ChartWords, Height, Row, LARGE_HEIGHT, LATEST, LATEST_LONG, START, START_LONG};
use crate::data::{FigureId, REPORT};
use crate::i18n::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

/// This chart's row in the registry (`super::REGISTRY`).
pub const SPEC: ChartSpec = ChartSpec {
    id: ChartId::LivelihoodShare,
    slug: "livelihood-share",
    section: "services",
    words: WORDS,
    // A plot: it fills its height, the same in both languages.
    height: Height::Plot { compact: 300.0, wide: 320.0, large: LARGE_HEIGHT },
};

const WORDS: ChartWords = ChartWords {
    title: Text {
        en: "Livelihood spending’s share of the budget", zh: "民生领域财政支出占一般公共预算支出比重"
    },
    takeaway: Text {
        en: "Livelihood spending rose from {from} to {to} of general public budget expenditure.",
        zh: "“十四五”以来，占比从{from}升至{to}。",
    },
    units: Text { en: "Per cent of general public budget expenditure", zh: "占一般公共预算支出的百分比" },
    aloud: Text {
        en: "Since the start of the period, livelihood spending’s share of general public budget expenditure has risen from {from} to {to}.",
        zh: "“十四五”以来，民生领域财政支出占一般公共预算支出的比重从{from}提高到{to}。",
    },
    blanks,
};

fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    let r = rows(lang);
    vec![("from", r[0].value_text.clone()), ("to", r[1].value_text.clone())]
}
const DESCRIPTION: Text = Text {
    en: "Two points joined by a line. Livelihood spending as a share of general public budget expenditure rose from {from} at the start of the 14th Five-Year Plan period to {to} most recently.",
    zh: "两点连线图。民生领域财政支出占一般公共预算支出比重从“十四五”初的{from}升至最新的{to}。",
};

const FIGURE: FigureId = FigureId::ServicesLivelihoodShare;

pub fn rows(lang: Lang) -> Vec<Row> {
    let f = REPORT.figure(FIGURE);
    let from = f.from.expect("a before/after figure");
    vec![
        Row::new(START.get(lang), from, format!("{from}%"), "%", START_LONG.get(lang), FIGURE),
        Row::new(LATEST.get(lang), f.value, format!("{}%", f.value), "%", LATEST_LONG.get(lang), FIGURE),
    ]
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
    let pen = Pen::new(area, style);
    let p = style.palette;
    let (w, h) = pen.size();
    let rows = rows(style.lang);
    let max = nice_ceiling(rows.iter().map(|r| r.value).fold(0.0, f64::max), 10.0);
    let plot = match style.layout {
        Layout::Compact => TwoColumns { left: 48.0, right: 24.0, top: 20.0, bottom: 48.0, max },
        Layout::Wide => TwoColumns { left: 64.0, right: 48.0, top: 24.0, bottom: 52.0, max },
    };
    // The latest value's label sits right of its point: the plot leaves it room.
    let plot = plot.fitted(style, w, 10.0, "%", &rows, Some(&rows[1].value_text));
    let top = plot.top;
    let y = |v: f64| plot.y(h, v);
    let xs = plot.xs(w);
    plot.grid(&pen, 10.0, "%")?;
    for x in &xs {
        pen.line(&[(*x, y(0.0)), (*x, top)], p.grid, 1.0)?;
    }
    plot.column_labels(&pen, &rows)?;
    let shown = |v: f64| v * style.progress;
    pen.line(&[(xs[0], y(shown(rows[0].value))), (xs[1], y(shown(rows[1].value)))], p.primary, 3.0)?;
    let mut marks = Vec::new();
    for (i, (x, row)) in xs.iter().zip(&rows).enumerate() {
        let at = (*x, y(shown(row.value)));
        let dot = pen.dot(at, 7.0, p.primary)?;
        // The start's value left of its point where the plot leaves room for it (measured);
        // else below the point, clear of the axis' labels (the line rises to the right).
        let room_left = x - 14.0 - plot.left - 4.0;
        let fits_left = style.measure.width(&row.value_text, style.text_size(TextRole::Value)) <= room_left;
        let (label_at, anchor) = match i {
            0 if fits_left => ((x - 14.0, at.1), RIGHT_MIDDLE),
            0 => ((*x, at.1 + 14.0), CENTER_TOP),
            _ => ((x + 14.0, at.1), LEFT_MIDDLE),
        };
        pen.label(&row.value_text, label_at, TextRole::Value, p.ink, anchor)?;
        let hit = pen.to_surface(Rect::new(x - 18.0, at.1 - 18.0, x + 18.0, at.1 + 18.0));
        marks.push(row.mark(vec![hit.union(&dot)]));
    }
    Ok(Marks(marks))
}

pub fn description(lang: Lang) -> String {
    let r = rows(lang);
    DESCRIPTION.fill(lang, &[("from", &r[0].value_text), ("to", &r[1].value_text)])
}
