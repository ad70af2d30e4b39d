//! Science and technology awards: 18 national awards as units, and the share of
//! municipal-level awards as a part of a whole that shows "over 40%" as a lower bound.

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
pub const SPEC: ChartSpec = ChartSpec {
    id: ChartId::InnovationAwards,
    slug: "innovation-awards",
    section: "innovation",
    words: WORDS,
    height: Height::Fitted,
};

const WORDS: ChartWords = ChartWords {
    title: Text { en: "Science and technology awards from Yangpu", zh: "源自杨浦的科学技术奖" },
    takeaway: Text {
        en: "{national} National Science and Technology Awards and {municipal} of municipal-level awards originated from Yangpu.",
        zh: "“十四五”以来，源自杨浦的国家科学技术奖{national}项，市级科学技术奖占比{municipal}。",
    },
    units: Text {
        en: "Awards; per cent of municipal-level awards", zh: "奖项（项）；占市级科学技术奖的百分比"
    },
    aloud: Text {
        en: "Since the start of the period, {national} National Science and Technology Awards and {municipal} of municipal-level awards have originated from Yangpu.",
        zh: "“十四五”以来，源自杨浦的国家科学技术奖{national}项，市级科学技术奖占比{municipal}。",
    },
    blanks,
};

fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("national", figure_text(NATIONAL, lang, format::value)),
        ("municipal", figure_text(MUNICIPAL, lang, format::running)),
    ]
}
const DESCRIPTION: Text = Text {
    en: "Dots for the national awards, one per award, and a part-of-whole bar for the municipal share. Since the start of the period, {national} National Science and Technology Awards and {municipal} of municipal-level Science and Technology Awards have originated from Yangpu; the text gives the municipal share only as {municipal}.",
    zh: "圆点表示国家科学技术奖，每项一个；横条表示市级科学技术奖中源自杨浦的占比。“十四五”以来，{national}项国家科学技术奖和{municipal}的市级科学技术奖源自杨浦；原文只给出市级奖项占比{municipal}，未给出确切比例。",
};
const NATIONAL_TITLE: Text =
    Text { en: "{n} National Science and Technology Awards", zh: "国家科学技术奖{n}项" };
const MUNICIPAL_TITLE: Text =
    Text { en: "{n} of municipal-level Science and Technology Awards", zh: "市级科学技术奖占比{n}" };
const MORE_THAN_THIS: Text =
    Text { en: "more than this; the exact share is not given", zh: "实际高于此值；原文未给出确切比例" };

const NATIONAL: FigureId = FigureId::InnovationNationalAwards;
const MUNICIPAL: FigureId = FigureId::InnovationMunicipalAwardShare;

pub fn rows(lang: Lang) -> Vec<Row> {
    vec![Row::figure(NATIONAL, lang, format::value), Row::figure(MUNICIPAL, lang, format::value)]
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
    let pen = Pen::new(area, style);
    let p = style.palette;
    let (w, _h) = pen.size();
    let lang = style.lang;
    let rows = rows(lang);
    let (national, municipal) = (&rows[0], &rows[1]);
    let side = if style.layout == Layout::Compact { 20.0 } else { 24.0 };
    let mut marks = Vec::new();

    // National awards: one dot per award.
    let per_row = if style.layout == Layout::Compact { 9 } else { 18 };
    let step = if style.layout == Layout::Compact { 29.0 } else { 30.0 };
    let title = NATIONAL_TITLE.fill(lang, &[("n", &national.value_text)]);
    let title_lines = style.measure.wrap(&title, w - 2.0 * side, style.text_size(TextRole::Value));
    let used = pen.lines(&title_lines, (side, 12.0), TextRole::Value, p.ink, LEFT_TOP)?;
    let top = 12.0 + used + 10.0;
    let count = national.value as usize;
    let shown = (national.value * style.progress).round() as usize;
    let mut boxes = Vec::new();
    for i in 0..count {
        let cx = side + 12.0 + (i % per_row) as f64 * step;
        let cy = top + 12.0 + (i / per_row) as f64 * step;
        let color = if i < shown { p.primary } else { p.faint };
        boxes.push(pen.dot((cx, cy), 11.0, color)?);
    }
    let national_box = boxes.iter().copied().reduce(|a, b| a.union(&b)).unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0));
    marks.push(national.mark(vec![national_box]));

    // Municipal share: 0–100% bar, solid to 40% and an arrow that says "and more".
    let rows_used = count.div_ceil(per_row) as f64;
    let label = MUNICIPAL_TITLE.fill(lang, &[("n", &municipal.value_text)]);
    let value_lines = style.measure.wrap(&label, w - 2.0 * side, style.text_size(TextRole::Value)).len();
    let bar_top = top + rows_used * step + 16.0 + style.text_size(TextRole::Value) * 1.3 * value_lines as f64;
    let label_lines = style.measure.wrap(&label, w - 2.0 * side, style.text_size(TextRole::Value));
    let line_h = style.text_size(TextRole::Value) * 1.3;
    pen.lines(
        &label_lines,
        (side, bar_top - 8.0 - line_h * label_lines.len() as f64),
        TextRole::Value,
        p.ink,
        LEFT_TOP,
    )?;
    let (x0, x1) = (side, w - side);
    let at = |share: f64| x0 + (x1 - x0) * share / 100.0;
    // The note wraps to the room it has: inside the bar right of the arrow on a wide screen
    // (the bar as tall as the note's lines, so none crosses its outline), below the bar on a
    // phone.
    let note = MORE_THAN_THIS.get(lang);
    let axis = style.text_size(TextRole::Axis);
    let tip = at(municipal.value) + 34.0;
    let note_lines = match style.layout {
        Layout::Wide => style.measure.wrap(note, w - side - (tip + 6.0) - 4.0, axis),
        Layout::Compact => style.measure.wrap(note, w - 2.0 * side, axis),
    };
    let bar_h: f64 = match style.layout {
        Layout::Wide => (axis * 1.3 * note_lines.len() as f64 + 8.0).max(30.0),
        Layout::Compact => 30.0,
    };
    pen.outline(Rect::new(x0, bar_top, x1, bar_top + bar_h), p.muted, 1.0)?;
    let known = at(municipal.value * style.progress);
    let part = pen.rect(Rect::new(x0, bar_top, known, bar_top + bar_h), p.primary)?;
    // "Over": an arrow from the 40% edge into the rest, which is not known more exactly.
    let mid = bar_top + bar_h / 2.0;
    pen.line(&[(at(municipal.value), mid), (tip, mid)], p.accent, 3.0)?;
    pen.line(&[(tip - 8.0, mid - 7.0), (tip, mid), (tip - 8.0, mid + 7.0)], p.accent, 3.0)?;
    pen.label("0%", (x0, bar_top + bar_h + 8.0), TextRole::Axis, p.muted, LEFT_TOP)?;
    pen.label(
        &format!("{}%", format::number(municipal.value)),
        (at(municipal.value), bar_top + bar_h + 8.0),
        TextRole::Axis,
        p.ink,
        CENTER_TOP,
    )?;
    pen.label("100%", (x1, bar_top + bar_h + 8.0), TextRole::Axis, p.muted, RIGHT_TOP)?;
    match style.layout {
        Layout::Wide => {
            let top = mid - axis * 1.3 * note_lines.len() as f64 / 2.0;
            pen.lines(&note_lines, (tip + 6.0, top), TextRole::Axis, p.muted, LEFT_TOP)?;
        }
        Layout::Compact => {
            pen.lines(&note_lines, (x0, bar_top + bar_h + 12.0 + axis * 1.3), TextRole::Axis, p.muted, LEFT_TOP)?;
        }
    }
    marks.push(
        municipal.mark(vec![part, pen.to_surface(Rect::new(at(municipal.value), bar_top, tip, bar_top + bar_h))]),
    );
    Ok(Marks(marks))
}

pub fn description(lang: Lang) -> String {
    let r = rows(lang);
    let municipal = figure_text(MUNICIPAL, lang, format::running);
    DESCRIPTION.fill(lang, &[("national", &r[0].value_text), ("municipal", &municipal)])
}
