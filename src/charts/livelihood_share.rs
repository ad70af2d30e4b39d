//! Livelihood spending's share of general public budget expenditure, start of the period →
//! latest: a slope chart, because the text gives two points and nothing between them.

use super::kit::*;
use super::marks::{Marks, Rect};
use super::style::{Layout, Style, TextRole};
use super::Row;
use crate::data::REPORT;
use plotters::coord::Shift;
use plotters::prelude::*;

const FIGURE: &str = "services.livelihood_share";

pub fn rows() -> Vec<Row> {
    let f = REPORT.figure(FIGURE).expect("figure in report.toml");
    let from = f.from.expect("a before/after figure");
    vec![
        Row::new(
            "Start of the period",
            from,
            format!("{from}%"),
            "%",
            "Start of the 14th Five-Year Plan period",
            FIGURE,
        ),
        Row::new("Latest", f.value, format!("{}%", f.value), "%", "Latest reported", FIGURE),
    ]
}

pub fn height(layout: Layout) -> f64 {
    match layout {
        Layout::Compact => 300.0,
        Layout::Wide => 320.0,
    }
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> Drawn<Marks, DB> {
    let pen = Pen::new(area, style);
    let p = style.palette;
    let (w, h) = pen.size();
    let rows = rows();
    let max = nice_ceiling(rows.iter().map(|r| r.value).fold(0.0, f64::max), 10.0);
    let plot = match style.layout {
        Layout::Compact => TwoColumns { left: 48.0, right: 24.0, top: 20.0, bottom: 48.0, max },
        Layout::Wide => TwoColumns { left: 64.0, right: 48.0, top: 24.0, bottom: 52.0, max },
    };
    let (top, bottom) = (plot.top, plot.bottom);
    let y = |v: f64| plot.y(h, v);
    let xs = plot.xs(w);
    plot.grid(&pen, 10.0, "%")?;
    for (x, row) in xs.iter().zip(&rows) {
        pen.line(&[(*x, y(0.0)), (*x, top)], p.grid, 1.0)?;
        pen.label(&row.label, (*x, h - bottom + 14.0), TextRole::Label, p.ink, CENTER_TOP)?;
    }
    let shown = |v: f64| v * style.progress;
    pen.line(&[(xs[0], y(shown(rows[0].value))), (xs[1], y(shown(rows[1].value)))], p.primary, 3.0)?;
    let mut marks = Vec::new();
    for (i, (x, row)) in xs.iter().zip(&rows).enumerate() {
        let at = (*x, y(shown(row.value)));
        let dot = pen.dot(at, 7.0, p.primary)?;
        let (label_x, anchor) = if i == 0 { (x - 14.0, RIGHT_MIDDLE) } else { (x + 14.0, LEFT_MIDDLE) };
        pen.label(&row.value_text, (label_x, at.1), TextRole::Value, p.ink, anchor)?;
        let hit = pen.to_surface(Rect::new(x - 18.0, at.1 - 18.0, x + 18.0, at.1 + 18.0));
        marks.push(row.mark(vec![hit.union(&dot)]));
    }
    Ok(Marks(marks))
}

pub fn description() -> String {
    let r = rows();
    format!(
        "Slope chart. Livelihood spending as a share of general public budget expenditure rose from {} at the start of the 14th Five-Year Plan period to {} most recently.",
        r[0].value_text, r[1].value_text
    )
}
