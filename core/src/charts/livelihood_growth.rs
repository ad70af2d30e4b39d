//! Growth of livelihood fiscal expenditure as an index (start of the period = 100), because
//! the text gives the change (+50.2%) but no amounts.

use super::kit::*;
use super::marks::{Marks, Rect};
use super::style::{Layout, Style, TextRole};
use super::{
    figure_text, ChartId, ChartSpec, ChartWords, Height, Row, LARGE_HEIGHT, LATEST, LATEST_LONG, START, START_LONG,
};
use crate::data::{FigureId, REPORT};
use crate::format;
use crate::i18n::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

/// This chart's row in the registry (`super::REGISTRY`).
pub const SPEC: ChartSpec = ChartSpec {
    id: ChartId::LivelihoodGrowth,
    slug: "livelihood-growth",
    section: "services",
    words: WORDS,
    // A plot: it fills its height, the same in both languages.
    height: Height::Plot { compact: 300.0, wide: 320.0, large: LARGE_HEIGHT },
};

const WORDS: ChartWords = ChartWords {
    title: Text { en: "Fiscal expenditure on people’s livelihoods", zh: "民生领域财政支出" },
    takeaway: Text {
        en: "Fiscal expenditure on people’s livelihoods has increased by {growth} since the start of the period.",
        zh: "“十四五”以来，全区民生领域财政支出增长{growth}。",
    },
    units: Text {
        en: "Index, start of the period = {start} (derived; the source gives no amounts)",
        zh: "指数，以“十四五”初为{start}（据增幅推算；原文未给出金额）",
    },
    aloud: Text {
        en: "Since the start of the period, fiscal expenditure on people’s livelihoods has increased by {growth}.",
        zh: "“十四五”以来，全区民生领域财政支出增长{growth}。",
    },
    blanks,
};

fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    vec![("growth", growth_text(lang)), ("start", format::number_in(lang, BASE))]
}

/// "50.2%": the increase as the text states it, without the sign a running sentence does not need.
fn growth_text(lang: Lang) -> String {
    figure_text(FIGURE, lang, format::value).trim_start_matches('+').to_string()
}
const DESCRIPTION: Text = Text {
    en: "Bar chart of an index. Fiscal expenditure on people’s livelihoods has increased by {growth} since the start of the period: with the start of the period as {start}, the latest level is {latest}. Both are derived from the increase; the source gives no amounts.",
    zh: "指数柱状图。“十四五”以来，全区民生领域财政支出增长{growth}：以“十四五”初为{start}，最新水平为{latest}（据增幅推算）。原文未给出金额。",
};
/// Why the index values are shown although the text does not state them: the base is set,
/// the latest level follows from the increase the text states.
const BASE_SET: Text = Text {
    en: "The base of the index: the start of the period, set at {start}.",
    zh: "指数基期，设为{start}。",
};
const DERIVED: Text =
    Text { en: "Derived from the increase of {growth} the text states.", zh: "据原文所述增幅{growth}推算。" };
/// The index's base: the start of the period.
const BASE: f64 = 100.0;
const INDEX: Text = Text { en: "index", zh: "指数" };

const FIGURE: FigureId = FigureId::ServicesLivelihoodSpendingGrowth;

pub fn rows(lang: Lang) -> Vec<Row> {
    let f = REPORT.figure(FIGURE);
    let latest = BASE * (1.0 + f.value / 100.0);
    let base = BASE_SET.fill(lang, &[("start", &format::number_in(lang, BASE))]);
    let basis = DERIVED.fill(lang, &[("growth", &growth_text(lang))]);
    vec![
        Row::new(START.get(lang), BASE, format::number_in(lang, BASE), INDEX.get(lang), START_LONG.get(lang), FIGURE)
            .with_basis(&base),
        Row::new(
            LATEST.get(lang),
            latest,
            format::number_in(lang, (latest * 10.0).round() / 10.0),
            INDEX.get(lang),
            LATEST_LONG.get(lang),
            FIGURE,
        )
        .with_basis(&basis),
    ]
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
    let pen = Pen::new(area, style);
    let p = style.palette;
    let (w, h) = pen.size();
    let rows = rows(style.lang);
    let max = nice_ceiling(rows[1].value, 50.0);
    let plot = match style.layout {
        Layout::Compact => TwoColumns { left: 44.0, right: 16.0, top: 20.0, bottom: 48.0, max },
        Layout::Wide => TwoColumns { left: 56.0, right: 40.0, top: 24.0, bottom: 52.0, max },
    };
    let plot = plot.fitted(style, w, 50.0, "", &rows, None);
    let (left, right) = (plot.left, plot.right);
    let y = |v: f64| plot.y(h, v);
    let bar_w = (w - left - right) * 0.26;
    let xs = plot.xs(w);
    plot.grid(&pen, 50.0, "")?;
    let mut marks = Vec::new();
    for (x, row) in xs.iter().zip(&rows) {
        let top_y = y(row.value * style.progress);
        let bar = pen.rect(Rect::new(x - bar_w / 2.0, top_y, x + bar_w / 2.0, y(0.0)), p.primary)?;
        pen.label(&row.value_text, (*x, top_y - 6.0), TextRole::Value, p.ink, CENTER_BOTTOM)?;
        marks.push(row.mark(vec![bar]));
    }
    plot.column_labels(&pen, &rows)?;
    // The change, drawn as a bracket from 100 to the latest value.
    let bx = xs[1] - bar_w / 2.0 - 12.0;
    let (y0, y1) = (y(100.0), y(100.0 + (rows[1].value - 100.0) * style.progress));
    pen.line(&[(bx + 6.0, y0), (bx, y0), (bx, y1), (bx + 6.0, y1)], p.accent, 2.0)?;
    let growth = REPORT.figure(FIGURE).value;
    let change = format!("+{}%", format::number(growth));
    // Beside the bracket's middle, but never lower than clears the start bar's value label
    // (at the height of 100, left of the bracket).
    let size = style.text_size(TextRole::Value);
    let clear_of_start = y0 - 6.0 - size * 1.2 - 4.0 - size * 0.6;
    pen.label(&change, (bx - 6.0, ((y0 + y1) / 2.0).min(clear_of_start)), TextRole::Value, p.accent, RIGHT_MIDDLE)?;
    pen.line(&[(left, y0), (w - right, y0)], p.muted, 1.0)?;
    Ok(Marks(marks))
}

pub fn description(lang: Lang) -> String {
    let r = rows(lang);
    DESCRIPTION.fill(lang, &[("start", &r[0].value_text), ("latest", &r[1].value_text), ("growth", &growth_text(lang))])
}
