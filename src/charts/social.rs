//! The social preview image (Open Graph, 1200 × 630): the report's title, four key figures
//! and the housing renewal chart, drawn with the same kit as the charts.

use super::kit::{wrap, Pen, LEFT_TOP};
use super::marks::Rect;
use super::style::{Layout, Style};
use super::ChartId;
use crate::data::REPORT;
use crate::format;
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

pub const SIZE: (u32, u32) = (1200, 630);
/// The figures the preview shows, in order, each with a short label.
const FIGURES: [(&str, &str); 4] = [
    ("housing.area_renovated", "m² of old housing renovated"),
    ("housing.households", "households' housing dreams fulfilled"),
    ("services.new_schools", "new schools, adding 7,070 places"),
    ("services.livelihood_spending_growth", "livelihood spending"),
];

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // English only: the PNG is drawn with DejaVu Sans, which has no Chinese glyphs.
    let style = &style.in_lang(Lang::En);
    let p = style.palette;
    root.fill(&p.background)?;
    let pen = Pen::new(root, style);
    let brand = RGBColor(11, 61, 99);
    pen.rect(Rect::new(0.0, 0.0, 1200.0, 150.0), brand)?;
    let eyebrow = "YANGPU DISTRICT, SHANGHAI · 14TH FIVE-YEAR PLAN · 2021–2025";
    pen.text(eyebrow, (48.0, 30.0), 20.0, RGBColor(220, 232, 245), LEFT_TOP, true)?;
    for (i, line) in wrap(REPORT.title.en, 1100.0, 38.0).iter().take(2).enumerate() {
        pen.text(line, (48.0, 66.0 + 44.0 * i as f64), 38.0, WHITE, LEFT_TOP, true)?;
    }
    for (i, (id, label)) in FIGURES.iter().enumerate() {
        let Some(f) = REPORT.figure(id) else { continue };
        let x = 48.0 + 282.0 * i as f64;
        pen.rect(Rect::new(x, 182.0, x + 258.0, 186.0), brand)?;
        pen.text(&format::value(f, Lang::En), (x, 198.0), 46.0, brand, LEFT_TOP, true)?;
        for (k, line) in wrap(label, 250.0, 20.0).iter().enumerate() {
            pen.text(line, (x, 256.0 + 26.0 * k as f64), 20.0, p.ink, LEFT_TOP, false)?;
        }
    }
    // The housing renewal chart at its own size, in the lower left.
    let chart = ChartId::HousingRenewal;
    let area = root.margin(315, 0, 24, 0).shrink((0, 0), (640, chart.height(Layout::Wide) as u32));
    chart.draw(&area, &Style { layout: Layout::Wide, scale: 1.0, ..*style })?;
    pen.text("Three renewal goals, met on their years", (700.0, 400.0), 24.0, p.ink, LEFT_TOP, true)?;
    let goals = [
        "2022: sub-standard old neighbourhoods",
        "2024: «small beam thin slab» buildings",
        "2025: the end of «carrying chamber pots»",
    ];
    for (i, line) in goals.iter().enumerate() {
        pen.text(line, (700.0, 440.0 + 32.0 * i as f64), 21.0, p.muted, LEFT_TOP, false)?;
    }
    let note = "Every figure with its source sentence, from the district's press-conference text.";
    for (i, line) in wrap(note, 460.0, 18.0).iter().enumerate() {
        pen.text(line, (700.0, 555.0 + 24.0 * i as f64), 18.0, p.muted, LEFT_TOP, false)?;
    }
    Ok(())
}
