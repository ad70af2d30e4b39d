//! Housing renewal on a time axis: the three goals at the years they were met, and the
//! period's totals (421,000 m², over 20,000 households) as spans over the whole period,
//! because the text gives totals, not yearly amounts.

use super::kit::*;
use super::marks::{Marks, Rect};
use super::measure::Measure;
use super::style::{Layout, Style, TextRole};
use super::{figure_text, ChartId, ChartSpec, ChartWords, Height, Row};
use crate::data::{FigureId, Milestone, MilestoneId, REPORT};
use crate::format;
use crate::i18n::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

/// This chart's row in the registry (`super::REGISTRY`).
pub const SPEC: ChartSpec = ChartSpec {
    id: ChartId::HousingRenewal,
    slug: "housing-renewal",
    section: "housing",
    words: WORDS,
    height: Height::Fitted,
};

const WORDS: ChartWords = ChartWords {
    title: Text { en: "Housing renewal: three major goals achieved, {period}", zh: "住房与城市更新三大目标均已实现（{period}）" },
    takeaway: Text {
        en: "{area} of old housing was demolished and renovated for {households}, and the three major goals were achieved in {years}.",
        zh: "旧住房拆除重建和改造{area}，惠及{households}；三大目标分别于{years}实现。",
    },
    units: Text { en: "Square metres and households (totals for {period}); years", zh: "平方米、户（{period}合计）" },
    aloud: Text {
        en: "Over the five years, {area} of old housing was demolished and renovated, for {households}. The three major goals were achieved: {goals}.",
        zh: "五年间共拆除重建和改造旧住房{area}，惠及{households}。三大目标均已实现：{goals}。",
    },
    blanks,
};

fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    let years: Vec<String> = GOALS.iter().map(|(id, _)| format::milestone_date(REPORT.milestone(*id), lang)).collect();
    let years = match (lang, years.split_last()) {
        (Lang::En, Some((last, rest))) => format!("{} and {last}", rest.join(", ")),
        (Lang::Zh, Some((last, rest))) => format!("{}和{last}", rest.join("、")),
        (_, None) => String::new(),
    };
    vec![
        ("period", REPORT.period.get(lang).into()),
        ("area", figure_text(TOTALS[0], lang, format::with_unit)),
        ("households", figure_text(TOTALS[1], lang, format::spoken)),
        ("years", years),
        ("goals", goals(lang, |m, lang| format::date(m.date, lang))),
    ]
}

/// The goals one after another, each with its date written by `date`: "2022, renovation of …;
/// 2024, …", "2022年，成片二级旧里以下房屋改造全面完成；……".
fn goals(lang: Lang, date: fn(&Milestone, Lang) -> String) -> String {
    let goals: Vec<String> = GOALS
        .iter()
        .map(|(id, _)| REPORT.milestone(*id))
        .map(|m| match lang {
            Lang::En => format!("{}, {}", date(m, lang), lowercase_first(m.title.en)),
            Lang::Zh => format!("{}，{}", date(m, lang), m.title.zh),
        })
        .collect();
    goals.join(if lang == Lang::Zh { "；" } else { "; " })
}

const TOTALS: [FigureId; 2] = [FigureId::HousingAreaRenovated, FigureId::HousingHouseholds];
/// The renewal goals, with the short label the chart shows for each.
const GOALS: [(MilestoneId, Text); 3] = [
    (
        MilestoneId::M2022,
        Text {
            en: "Sub-standard old neighbourhoods renovated", zh: "成片二级旧里以下房屋改造全面完成"
        },
    ),
    (MilestoneId::M2024, Text { en: "«Small beam thin slab» buildings renovated", zh: "小梁薄板房屋改造完成" }),
    (MilestoneId::M2025, Text { en: "The era of «carrying chamber pots» ended", zh: "告别“拎马桶”" }),
];
const TOTAL_PERIOD: Text = Text { en: "{period} (total)", zh: "{period}（合计）" };
const GOAL_MET: Text = Text { en: "Goal achieved", zh: "实现目标" };
const YEAR: Text = Text { en: "year", zh: "年" };
const NO_YEARLY_AMOUNTS: Text = Text {
    en: "Totals over the five years; the text gives no yearly amounts",
    zh: "五年合计；原文未给出逐年数据",
};
const SHORT_TOTALS: [Text; 2] = [
    Text { en: "of old housing demolished and renovated", zh: "旧住房拆除重建和改造" },
    Text { en: "whose housing dreams were fulfilled", zh: "惠及家庭" },
];
/// The same, shorter, where the long words do not fit the span.
const SHORTER_TOTALS: [Text; 2] = [
    Text { en: "demolished and renovated", zh: "拆除重建和改造" },
    Text { en: "housing dreams fulfilled", zh: "惠及" },
];
const DESCRIPTION: Text = Text {
    en: "Timeline, {period}. Over the five years {area} of old housing was demolished and renovated, for {households}. The three major goals were achieved: {goals}.",
    zh: "时间轴，{period}。五年间共拆除重建和改造旧住房{area}，惠及{households}。三大目标均已实现：{goals}。",
};
/// The shortest stem from the wide layout's lowest goal label down to the axis.
const MIN_STEM: f64 = 32.0;
const FIRST_YEAR: f64 = 2021.0;
const LAST_YEAR: f64 = 2025.0;

pub fn rows(lang: Lang) -> Vec<Row> {
    let mut rows: Vec<Row> = TOTALS
        .iter()
        .map(|id| Row {
            period: TOTAL_PERIOD.fill(lang, &[("period", REPORT.period.get(lang))]),
            ..Row::figure(*id, lang, format::with_unit)
        })
        .collect();
    for (id, label) in GOALS {
        let m = REPORT.milestone(id);
        let year = f64::from(m.year().unwrap_or_default());
        let row =
            Row::new(label.get(lang), year, format::milestone_date(m, lang), YEAR.get(lang), GOAL_MET.get(lang), id);
        rows.push(match m.basis {
            Some(basis) => row.with_basis(basis.get(lang)),
            None => row,
        });
    }
    rows
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<Marks, DB> {
    let pen = Pen::new(area, style);
    let (p, measure) = (style.palette, style.measure);
    let (w, h) = pen.size();
    let side = if style.layout == Layout::Compact { 20.0 } else { 32.0 };
    let x = |year: f64| side + (w - 2.0 * side) * (year - (FIRST_YEAR - 0.5)) / (LAST_YEAR - FIRST_YEAR + 1.0);
    let lang = style.lang;
    let rows = rows(lang);
    let mut marks = Vec::new();

    // Totals: one span over the whole period each.
    let mut y0 = 8.0;
    for (i, row) in rows[..2].iter().enumerate() {
        let x0 = x(FIRST_YEAR - 0.45);
        let x1 = x0 + (x(LAST_YEAR + 0.45) - x0) * style.progress;
        let color = if i == 0 { p.primary } else { p.secondary };
        // The value and its words, as long as the span allows (measured), else the value alone.
        let room = x(LAST_YEAR + 0.45) - (x0 + 14.0) - 8.0;
        let size = style.text_size(TextRole::Value);
        let joined = |words: &Text| match lang {
            // Chinese writes the label first: 旧住房拆除重建和改造42.1万平方米.
            Lang::Zh => format!("{}{}", words.get(lang), row.value_text),
            Lang::En => format!("{} {}", row.value_text, words.get(lang)),
        };
        let text = match style.layout {
            Layout::Wide => [joined(&SHORT_TOTALS[i]), joined(&SHORTER_TOTALS[i])]
                .into_iter()
                .find(|t| measure.width(t, size) <= room)
                .unwrap_or_else(|| row.value_text.clone()),
            Layout::Compact => row.value_text.clone(),
        };
        // A span is as tall as its text needs (two lines where one does not fit).
        let lines = measure.wrap(&text, room, size);
        let span_h = (lines.len() as f64 * size * 1.3 + 4.0).max(30.0);
        let span = pen.rect(Rect::new(x0, y0, x1, y0 + span_h), p.faint)?;
        pen.rect(Rect::new(x0, y0, x0 + 5.0, y0 + span_h), color)?;
        let text_h = lines.len() as f64 * size * 1.3;
        pen.lines(&lines, (x0 + 14.0, y0 + (span_h - text_h) / 2.0 + size * 0.15), TextRole::Value, p.ink, LEFT_TOP)?;
        y0 += span_h + 8.0;
        marks.push(row.mark(vec![span]));
    }
    let caption_y = y0 + 4.0;
    let caption = measure.wrap(NO_YEARLY_AMOUNTS.get(lang), w - 2.0 * side, style.text_size(TextRole::Axis));
    let caption_h = pen.lines(&caption, (x(FIRST_YEAR - 0.45), caption_y), TextRole::Axis, p.muted, LEFT_TOP)?;
    let caption_y = caption_y + caption_h - style.text_size(TextRole::Axis) * 1.3;

    let label_size = style.text_size(TextRole::Label);
    let key_line = label_size * 1.3;
    let label_top = caption_y + 30.0;
    // The wide layout's goal labels: the year (with «this year» where the text says so) on a
    // line of its own, the label below it, wrapped to its own measure (a year beside the
    // label leaves it too little room). The first and last goal share the top tier, the
    // first reading rightwards and the last leftwards: they share the room between them,
    // each at least as wide as its widest word (measured), so they never meet. The middle
    // goal sits below the taller of the two.
    let goals = &rows[2..];
    let room = x(goals[goals.len() - 1].value) - x(goals[0].value) + 12.0 - 16.0;
    let first_w = (room / 2.0).max(widest_piece(measure, &goals[0].label, label_size));
    let goal_blocks: Vec<(Vec<String>, f64)> = goals
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let text_w: f64 = match k {
                1 => 230.0,
                0 => first_w.min(260.0),
                _ => (room - first_w).clamp(widest_piece(measure, &row.label, label_size), 260.0),
            };
            let lines = [vec![row.value_text.clone()], measure.wrap(&row.label, text_w, label_size)].concat();
            (lines, text_w.max(measure.width(&row.value_text, label_size)))
        })
        .collect();
    let top_tier_h = [0, goals.len() - 1].iter().map(|&k| goal_blocks[k].0.len() as f64 * key_line).fold(0.0, f64::max);

    // The time axis. In the wide layout it sits a stem's length below the lowest goal label
    // (the middle goal's), or at the foot of a taller surface (as the text under it needs, and
    // the room a fitted chart keeps); in the compact layout the goals are keyed below it, so
    // it sits higher.
    let axis_y = match style.layout {
        Layout::Wide => {
            let middle_bottom = label_top + top_tier_h + 10.0 + goal_blocks[1].0.len() as f64 * key_line + 4.0;
            let foot = h - 12.0 - style.text_size(TextRole::Axis) * 1.1 - style.room_below();
            (middle_bottom + MIN_STEM).max(foot)
        }
        Layout::Compact => caption_y + 70.0,
    };
    pen.line(&[(side, axis_y), (w - side, axis_y)], p.muted, 1.5)?;
    // Every year labelled where the labels fit side by side (measured), else every other
    // one (large text on a phone); the goals' years are in their labels all the same.
    let spacing = x(FIRST_YEAR + 1.0) - x(FIRST_YEAR);
    let every = if measure.width("2025", style.text_size(TextRole::Axis)) + 8.0 > spacing { 2 } else { 1 };
    for (i, year) in (2021..=2025).enumerate() {
        let xx = x(f64::from(year));
        pen.line(&[(xx, axis_y), (xx, axis_y + 6.0)], p.muted, 1.5)?;
        if i % every == 0 {
            pen.label(&year.to_string(), (xx, axis_y + 12.0), TextRole::Axis, p.ink, CENTER_TOP)?;
        }
    }

    let mut key_y = axis_y + 40.0;
    for (k, row) in goals.iter().enumerate() {
        let xx = x(row.value);
        let mut boxes = Vec::new();
        match style.layout {
            Layout::Wide => {
                // A stem up to the label; the tiers keep labels clear of each other's stems.
                let right_aligned = xx > w * 0.6;
                let (lines, text_w) = (&goal_blocks[k].0, goal_blocks[k].1);
                let block_h = key_line * lines.len() as f64;
                let y_top = if k == 1 { label_top + top_tier_h + 10.0 } else { label_top };
                let stem_top = y_top + block_h + 4.0;
                pen.line(&[(xx, axis_y), (xx, axis_y - (axis_y - stem_top) * style.progress)], p.accent, 2.0)?;
                let (tx, anchor) = if right_aligned { (xx + 6.0, RIGHT_TOP) } else { (xx - 6.0, LEFT_TOP) };
                pen.lines(lines, (tx, y_top), TextRole::Label, p.ink, anchor)?;
                let text_box = if right_aligned {
                    Rect::new(tx - text_w, y_top, tx, y_top + block_h)
                } else {
                    Rect::new(tx, y_top, tx + text_w, y_top + block_h)
                };
                boxes.push(pen.to_surface(text_box));
                boxes.push(pen.to_surface(Rect::new(xx - 8.0, stem_top, xx + 8.0, axis_y)));
            }
            Layout::Compact => {
                // A key below the axis: marker and year, then the label; the year and the
                // label share a line when both fit (measured), else the label goes below.
                let value_size = style.text_size(TextRole::Value);
                let values = measure.wrap(&row.value_text, w - side - (side + 22.0), value_size);
                let value_w = values.iter().map(|v| measure.width(v, value_size)).fold(0.0, f64::max);
                let beside = side + 30.0 + value_w.max(40.0);
                let room = w - side - beside;
                // Beside the year when every line of the label fits there, else below it.
                let fits = |width: f64| {
                    measure.wrap(&row.label, width, label_size).iter().all(|l| measure.width(l, label_size) <= width)
                };
                let (label_x, label_y) = if values.len() == 1 && room >= 80.0 && fits(room) {
                    (beside, key_y + 2.0)
                } else {
                    (side + 22.0, key_y + value_size * 1.3 * values.len() as f64)
                };
                let lines = measure.wrap(&row.label, w - side - label_x, label_size);
                pen.dot((side + 7.0, key_y + key_line / 2.0), 7.0, p.accent)?;
                pen.lines(&values, (side + 22.0, key_y), TextRole::Value, p.ink, LEFT_TOP)?;
                pen.lines(&lines, (label_x, label_y), TextRole::Label, p.ink, LEFT_TOP)?;
                let block_h = (label_y - key_y) + (key_line * lines.len() as f64).max(key_line);
                boxes.push(pen.to_surface(Rect::new(side, key_y - 4.0, w - side, key_y + block_h + 4.0)));
                key_y += block_h + 12.0;
            }
        }
        boxes.insert(0, pen.dot((xx, axis_y), 7.0, p.accent)?);
        marks.push(row.mark(boxes));
    }
    Ok(Marks(marks))
}

pub fn description(lang: Lang) -> String {
    let r = rows(lang);
    let goals = goals(lang, format::milestone_date);
    let households = figure_text(TOTALS[1], lang, format::spoken);
    DESCRIPTION.fill(
        lang,
        &[
            ("period", REPORT.period.get(lang)),
            ("area", &r[0].value_text),
            ("households", &households),
            ("goals", &goals),
        ],
    )
}

/// "The era of …" → "the era of …", keeping the rest (names stay capitalised).
/// ASCII only: the goals' titles open with an ASCII letter, and `char::to_lowercase` would
/// bring Unicode's case tables into the wasm (about 5 KB brotli, measured) for one letter.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| std::iter::once(c.to_ascii_lowercase()).chain(chars).collect())
}

/// The widest piece of `text` that wrapping cannot split (a word; one character in Chinese).
fn widest_piece(measure: Measure, text: &str, size: f64) -> f64 {
    measure.wrap(text, 0.0, size).iter().map(|piece| measure.width(piece, size)).fold(0.0, f64::max)
}
