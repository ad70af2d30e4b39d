//! The social preview image (Open Graph, 1200 × 630): the report's title, four key figures
//! and the three renewal goals with their dates as the housing chart shows them, drawn with
//! the same kit as the charts. (The chart itself does not fit legibly at this size.)

use super::kit::{wrap, Pen, LEFT_TOP};
use super::marks::Rect;
use super::style::Style;
use super::ChartId;
use crate::data::REPORT;
use crate::format;
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

pub const SIZE: (u32, u32) = (1200, 630);
/// The figures the preview shows, in order, each with a short label (a template whose
/// numbers are filled from the data).
const FIGURES: [(&str, &str); 4] = [
    ("housing.area_renovated", "m² of old housing demolished and renovated"),
    ("housing.households", "households whose housing dreams were fulfilled"),
    ("services.new_schools", "new schools, adding {places} school places"),
    ("services.livelihood_spending_growth", "fiscal expenditure on people’s livelihoods"),
];
/// The renewal goals the preview lists: the housing chart's, with their dates as shown there.
const GOALS_TITLE: &str = "Three major renewal goals achieved";
const NOTE: &str =
    "Every figure with its source sentence, from the text of the press conference held by the Shanghai Municipal Government Information Office.";

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
    let eyebrow = format!("YANGPU DISTRICT, SHANGHAI · 14TH FIVE-YEAR PLAN · {}", REPORT.period.en);
    let places = REPORT.figure("services.school_places").map(|f| format::value(f, Lang::En)).unwrap_or_default();
    pen.text(&eyebrow, (48.0, 30.0), 20.0, RGBColor(220, 232, 245), LEFT_TOP, true)?;
    for (i, line) in wrap(REPORT.title.en, 1100.0, 36.0).iter().take(2).enumerate() {
        pen.text(line, (48.0, 64.0 + 44.0 * i as f64), 36.0, WHITE, LEFT_TOP, true)?;
    }
    for (i, (id, label)) in FIGURES.iter().enumerate() {
        let Some(f) = REPORT.figure(id) else { continue };
        let x = 48.0 + 282.0 * i as f64;
        pen.rect(Rect::new(x, 182.0, x + 258.0, 186.0), brand)?;
        pen.text(&format::value(f, Lang::En), (x, 198.0), 46.0, brand, LEFT_TOP, true)?;
        let label = label.replace("{places}", &places);
        for (k, line) in wrap(&label, 250.0, 20.0).iter().enumerate() {
            pen.text(line, (x, 256.0 + 26.0 * k as f64), 20.0, p.ink, LEFT_TOP, false)?;
        }
    }
    // The renewal goals, with their dates as the housing chart shows them («this year» included).
    pen.text(GOALS_TITLE, (48.0, 352.0), 26.0, p.ink, LEFT_TOP, true)?;
    let goals = ChartId::HousingRenewal
        .rows(Lang::En)
        .into_iter()
        .filter(|r| REPORT.milestones.iter().any(|m| m.id == r.item_id));
    for (i, row) in goals.enumerate() {
        let line = format!("{}: {}", row.value_text, row.label);
        pen.text(&line, (48.0, 398.0 + 38.0 * i as f64), 23.0, p.ink, LEFT_TOP, false)?;
    }
    for (i, line) in wrap(NOTE, 1100.0, 18.0).iter().enumerate() {
        pen.text(line, (48.0, 552.0 + 24.0 * i as f64), 18.0, p.muted, LEFT_TOP, false)?;
    }
    Ok(())
}
