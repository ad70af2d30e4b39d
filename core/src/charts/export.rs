//! Charts as files: SVG for the page and for download (with title and source), and CSV per
//! chart with each value's source sentence. (The whole report's data is `crate::package`.)

use super::kit::{Pen, LEFT_TOP};
use super::style::{Layout, Style, TextRole};
use super::{surface_size, ChartId};
#[cfg(not(target_arch = "wasm32"))]
use crate::format;
use crate::i18n::Lang;
use crate::package::citation;
#[cfg(not(target_arch = "wasm32"))]
use crate::package::{csv_line, source_sentence};
use plotters::prelude::*;

/// The chart alone, as the pre-rendered page shows it (scale 1, logical size).
pub fn page_svg(chart: ChartId, layout: Layout, lang: Lang) -> String {
    let style = Style::new(layout, 1.0).in_lang(lang);
    // As tall as the chart in its language: the frame takes the SVG's height, and the canvas
    // the frame's, so nothing moves when the canvas replaces it.
    let (w, h) = surface_size(chart, &style);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        // Drawing into a String cannot fail.
        let _ = chart.draw(&area, &style.for_svg());
        let _ = area.present();
    }
    svg
}

/// Header and footer heights (logical) of a standalone chart.
fn frame_heights(chart: ChartId, style: &Style) -> (f64, f64) {
    let (layout, lang) = (style.layout, style.lang);
    let width = layout.logical_width() - 40.0;
    let title = style.measure.wrap(&chart.title(lang), width, style.text_size(TextRole::Title)).len() as f64;
    let takeaway = style.measure.wrap(&chart.takeaway(lang), width, style.text_size(TextRole::Label)).len() as f64;
    let header = 16.0
        + title * style.text_size(TextRole::Title) * 1.3
        + takeaway * style.text_size(TextRole::Label) * 1.3
        + 12.0;
    let footer_lines =
        style.measure.wrap(&footer_text(chart, lang), width, style.text_size(TextRole::Axis)).len() as f64;
    (header, 12.0 + footer_lines * style.text_size(TextRole::Axis) * 1.3 + 12.0)
}

fn footer_text(chart: ChartId, lang: Lang) -> String {
    let units = crate::i18n::ui::UNITS.fill(lang, &[("units", &chart.units(lang))]);
    format!("{units}{}{}", crate::i18n::space(lang), citation(lang))
}

/// Draws the chart with its title, takeaway, units and source, as a download shows it, the
/// chart `height` tall (logical units: `ChartId::height` in the style's layout, language and
/// mode, which the browser measures on its canvas).
pub fn draw_standalone<DB: DrawingBackend>(
    chart: ChartId,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    style: &Style,
    height: f64,
) -> DrawResult<super::marks::Marks, DB> {
    let (header, _footer) = frame_heights(chart, style);
    let lang = style.lang;
    root.fill(&style.palette.background)?;
    let (top, rest) = root.split_vertically((header * style.scale).round() as u32);
    let body_h = (height * style.scale).round() as u32;
    let (body, bottom) = rest.split_vertically(body_h);
    let pen = Pen::new(&top, style);
    let width = style.layout.logical_width() - 40.0;
    let title = style.measure.wrap(&chart.title(lang), width, style.text_size(TextRole::Title));
    let used = pen.lines(&title, (20.0, 16.0), TextRole::Title, style.palette.ink, LEFT_TOP)?;
    let takeaway = style.measure.wrap(&chart.takeaway(lang), width, style.text_size(TextRole::Label));
    pen.lines(&takeaway, (20.0, 16.0 + used), TextRole::Label, style.palette.muted, LEFT_TOP)?;
    let marks = chart.draw(&body, style)?;
    let pen = Pen::new(&bottom, style);
    let lines = style.measure.wrap(&footer_text(chart, lang), width, style.text_size(TextRole::Axis));
    pen.line(&[(20.0, 4.0), (style.layout.logical_width() - 20.0, 4.0)], style.palette.grid, 1.0)?;
    pen.lines(&lines, (20.0, 12.0), TextRole::Axis, style.palette.muted, LEFT_TOP)?;
    Ok(marks)
}

/// Size in pixels of a standalone chart at `scale`, the chart `height` tall (as
/// `draw_standalone`).
pub fn standalone_size(chart: ChartId, style: &Style, height: f64) -> (u32, u32) {
    let (layout, scale) = (style.layout, style.scale);
    let (header, footer) = frame_heights(chart, style);
    let w = (layout.logical_width() * scale).round() as u32;
    let h = ((header * scale).round() + (height * scale).round() + (footer * scale).round()) as u32;
    (w, h)
}

/// The chart as a standalone SVG file (wide layout), with title, takeaway, units and source.
pub fn download_svg(chart: ChartId, lang: Lang) -> String {
    let style = Style::new(Layout::Wide, 1.0).in_lang(lang);
    let height = chart.height(Layout::Wide, lang, false);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, standalone_size(chart, &style, height)).into_drawing_area();
        let _ = draw_standalone(chart, &area, &style.for_svg(), height);
        let _ = area.present();
    }
    svg
}

/// A file name for a chart download: "yangpu-livelihood-share.svg", "yangpu-livelihood-share-zh.svg".
pub fn file_name(chart: ChartId, extension: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("yangpu-{}.{extension}", chart.slug()),
        Lang::Zh => format!("yangpu-{}-zh.{extension}", chart.slug()),
    }
}

/// The chart's data as CSV: one row per value, with its source sentence.
#[cfg(not(target_arch = "wasm32"))]
pub fn chart_csv(chart: ChartId, lang: Lang) -> String {
    // `value_shown` is the value as the chart shows it; `derived` says whether the text states
    // it, and `basis` how it follows from the text when it does not.
    let mut out = csv_line(&[
        "chart",
        "label",
        "value",
        "value_shown",
        "derived",
        "basis",
        "unit",
        "period",
        "item_id",
        "source_sentence",
    ]);
    for row in chart.rows(lang) {
        let quote = row.item_id.quote();
        let value = format::number((row.value * 1000.0).round() / 1000.0).replace(',', "");
        out += &csv_line(&[
            chart.slug(),
            &row.label,
            &value,
            &row.value_text,
            if row.basis.is_some() { "yes" } else { "no" },
            row.basis.as_deref().unwrap_or(""),
            row.unit,
            &row.period,
            row.item_id.id(),
            source_sentence(quote),
        ]);
    }
    out
}
