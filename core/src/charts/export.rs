//! Charts and data as files: SVG for the page and for download (with title and source),
//! CSV per chart, and the report's data package (every figure with its source sentence).

use super::kit::{wrap, Pen, LEFT_TOP};
use super::style::{Layout, Style, TextRole};
use super::{surface_size, ChartId};
use crate::data::provenance::{sentence_of, source_sentences};
use crate::data::REPORT;
use crate::format;
use crate::i18n::{Lang, Text};
use plotters::prelude::*;

/// File names of the report's data package (in `downloads/`).
pub const FIGURES_CSV: &str = "yangpu-report-figures.csv";
pub const REPORT_JSON: &str = "yangpu-report.json";

/// How to cite the source in downloads.
pub const CITATION: Text = Text {
    en: "Source: Shanghai Municipal Government Information Office, press conference on Yangpu District’s 14th Five-Year Plan achievements, the sixth in the {series} series (English text).",
    zh: "来源：上海市人民政府新闻办公室，杨浦区“十四五”时期建设发展成就新闻发布会（上海“十四五”成就系列第六场，系列英文名称{series}），英文原文。",
};

/// The citation in `lang`, with the series' English title from the data.
pub fn citation(lang: Lang) -> String {
    CITATION.fill(lang, &[("series", REPORT.series_title())])
}

/// The chart alone, as the pre-rendered page shows it (scale 1, logical size).
pub fn page_svg(chart: ChartId, layout: Layout, lang: Lang) -> String {
    let (w, h) = surface_size(chart, layout, 1.0);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let style = Style::new(layout, 1.0).in_lang(lang).for_svg();
        // Drawing into a String cannot fail.
        let _ = chart.draw(&area, &style);
        let _ = area.present();
    }
    svg
}

/// Header and footer heights (logical) of a standalone chart.
fn frame_heights(chart: ChartId, style: &Style) -> (f64, f64) {
    let (layout, lang) = (style.layout, style.lang);
    let width = layout.logical_width() - 40.0;
    let title = wrap(&chart.title(lang), width, style.text_size(TextRole::Title)).len() as f64;
    let takeaway = wrap(&chart.takeaway(lang), width, style.text_size(TextRole::Label)).len() as f64;
    let header = 16.0
        + title * style.text_size(TextRole::Title) * 1.3
        + takeaway * style.text_size(TextRole::Label) * 1.3
        + 12.0;
    let footer_lines = wrap(&footer_text(chart, lang), width, style.text_size(TextRole::Axis)).len() as f64;
    (header, 12.0 + footer_lines * style.text_size(TextRole::Axis) * 1.3 + 12.0)
}

fn footer_text(chart: ChartId, lang: Lang) -> String {
    let units = crate::i18n::ui::UNITS.fill(lang, &[("units", &chart.units(lang))]);
    format!("{units}{}{}", crate::i18n::space(lang), citation(lang))
}

/// Draws the chart with its title, takeaway, units and source, as a download shows it.
pub fn draw_standalone<DB: DrawingBackend>(
    chart: ChartId,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    style: &Style,
) -> Result<super::marks::Marks, DrawingAreaErrorKind<DB::ErrorType>> {
    let (header, _footer) = frame_heights(chart, style);
    let lang = style.lang;
    root.fill(&style.palette.background)?;
    let (top, rest) = root.split_vertically((header * style.scale).round() as u32);
    let body_h = (chart.height(style.layout) * style.scale).round() as u32;
    let (body, bottom) = rest.split_vertically(body_h);
    let pen = Pen::new(&top, style);
    let width = style.layout.logical_width() - 40.0;
    let title = wrap(&chart.title(lang), width, style.text_size(TextRole::Title));
    let used = pen.lines(&title, (20.0, 16.0), TextRole::Title, style.palette.ink, LEFT_TOP)?;
    let takeaway = wrap(&chart.takeaway(lang), width, style.text_size(TextRole::Label));
    pen.lines(&takeaway, (20.0, 16.0 + used), TextRole::Label, style.palette.muted, LEFT_TOP)?;
    let marks = chart.draw(&body, style)?;
    let pen = Pen::new(&bottom, style);
    let lines = wrap(&footer_text(chart, lang), width, style.text_size(TextRole::Axis));
    pen.line(&[(20.0, 4.0), (style.layout.logical_width() - 20.0, 4.0)], style.palette.grid, 1.0)?;
    pen.lines(&lines, (20.0, 12.0), TextRole::Axis, style.palette.muted, LEFT_TOP)?;
    Ok(marks)
}

/// Size in pixels of a standalone chart at `scale`.
pub fn standalone_size(chart: ChartId, style: &Style) -> (u32, u32) {
    let (layout, scale) = (style.layout, style.scale);
    let (header, footer) = frame_heights(chart, style);
    let w = (layout.logical_width() * scale).round() as u32;
    let h = ((header * scale).round() + (chart.height(layout) * scale).round() + (footer * scale).round()) as u32;
    (w, h)
}

/// The chart as a standalone SVG file (wide layout), with title, takeaway, units and source.
pub fn download_svg(chart: ChartId, lang: Lang) -> String {
    let style = Style::new(Layout::Wide, 1.0).in_lang(lang);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, standalone_size(chart, &style)).into_drawing_area();
        let _ = draw_standalone(chart, &area, &style.for_svg());
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

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_line(fields: &[&str]) -> String {
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\r\n"
}

/// The sentence of the source that contains `quote`.
fn source_sentence(quote: &str) -> &'static str {
    let all = source_sentences();
    sentence_of(all, REPORT.source, quote).map_or("", |s| s.text(REPORT.source))
}

/// The chart's data as CSV: one row per value, with its source sentence.
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
        let quote = REPORT
            .figure(row.item_id)
            .map(|f| f.quote)
            .or_else(|| REPORT.milestones.iter().find(|m| m.id == row.item_id).map(|m| m.quote))
            .unwrap_or("");
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
            row.item_id,
            source_sentence(quote),
        ]);
    }
    out
}

/// Every figure of the report as CSV, with its quote, source sentence and a citation; the
/// words in both languages (the `_zh` columns).
pub fn figures_csv() -> String {
    let mut out = csv_line(&[
        "id",
        "section",
        "label",
        "label_zh",
        "value",
        "from",
        "qualifier",
        "kind",
        "unit",
        "unit_zh",
        "value_as_stated",
        "value_as_stated_zh",
        "period",
        "period_zh",
        "quote",
        "source_sentence",
        "citation",
    ]);
    for f in REPORT.figures {
        let value = format::number(f.value).replace(',', "");
        let from = f.from.map(|v| format::number(v).replace(',', "")).unwrap_or_default();
        out += &csv_line(&[
            f.id,
            f.section,
            f.label.en,
            f.label.zh,
            &value,
            &from,
            &format!("{:?}", f.qualifier).to_lowercase(),
            &format!("{:?}", f.kind).to_lowercase(),
            f.unit.en,
            f.unit.zh,
            &format::with_unit(f, Lang::En),
            &format::with_unit(f, Lang::Zh),
            f.period.en,
            f.period.zh,
            f.quote,
            source_sentence(f.quote),
            &citation(Lang::En),
        ]);
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every figure, achievement and milestone as JSON, each with its quote and source sentence.
pub fn report_json() -> String {
    let field = |k: &str, v: String| format!("{}:{}", json_string(k), v);
    let s = |v: &str| json_string(v);
    let figures: Vec<String> = REPORT
        .figures
        .iter()
        .map(|f| {
            let mut fields = vec![
                field("id", s(f.id)),
                field("section", s(f.section)),
                field("label", s(f.label.en)),
                field("label_zh", s(f.label.zh)),
                field("value", format!("{}", f.value)),
            ];
            if let Some(from) = f.from {
                fields.push(field("from", format!("{from}")));
            }
            fields.extend([
                field("qualifier", s(&format!("{:?}", f.qualifier).to_lowercase())),
                field("kind", s(&format!("{:?}", f.kind).to_lowercase())),
                field("unit", s(f.unit.en)),
                field("unit_zh", s(f.unit.zh)),
                field("value_as_stated", s(&format::with_unit(f, Lang::En))),
                field("value_as_stated_zh", s(&format::with_unit(f, Lang::Zh))),
                field("period", s(f.period.en)),
                field("period_zh", s(f.period.zh)),
                field("quote", s(f.quote)),
                field("source_sentence", s(source_sentence(f.quote))),
            ]);
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    let achievements: Vec<String> = REPORT
        .achievements
        .iter()
        .map(|a| {
            format!(
                "{{{}}}",
                [
                    field("id", s(a.id)),
                    field("section", s(a.section)),
                    field("label", s(a.label.en)),
                    field("label_zh", s(a.label.zh)),
                    field("quote", s(a.quote)),
                    field("source_sentence", s(source_sentence(a.quote)))
                ]
                .join(",")
            )
        })
        .collect();
    let milestones: Vec<String> = REPORT
        .milestones
        .iter()
        .map(|m| {
            let mut fields = vec![
                field("id", s(m.id)),
                field("date", s(m.date)),
                field("title", s(m.title.en)),
                field("title_zh", s(m.title.zh)),
                field("quote", s(m.quote)),
            ];
            if let Some(basis) = m.basis {
                fields.push(field("date_basis", s(basis.en)));
                fields.push(field("date_basis_zh", s(basis.zh)));
            }
            fields.push(field("source_sentence", s(source_sentence(m.quote))));
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    format!(
        "{{{},{},{},{},{},{},{}}}\n",
        field("title", s(REPORT.title.en)),
        field("title_zh", s(REPORT.title.zh)),
        field("period", s(REPORT.period.en)),
        field("citation", s(&citation(Lang::En))),
        field("figures", format!("[{}]", figures.join(","))),
        field("achievements", format!("[{}]", achievements.join(","))),
        field("milestones", format!("[{}]", milestones.join(","))),
    )
}
