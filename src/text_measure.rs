//! Text measurement with the canvas's own font metrics (browser only): `MEASURE`, which the
//! page puts in the style of each chart it draws on screen (`chart_canvas`), so a chart label
//! wraps by the font the reader's engine really uses. `measureText` is allowed by the strict
//! CSP. (The downloads and every chart's height keep DejaVu's widths, `Style::new`'s.)

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;
use yangpu_core::charts::measure::Measure;
use yangpu_core::charts::style::PAGE_FONTS;

thread_local! {
    /// A canvas of its own, set once to the charts' font (bold, at 100 px).
    static CONTEXT: Option<CanvasRenderingContext2d> = leptos::prelude::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .inspect(|ctx| ctx.set_font(&format!("bold 100px {PAGE_FONTS}")));
    /// Widths at 100 px by text: a chart measures the same few labels at every draw (each
    /// resize, theme and language), and the measure is the costly part of a draw. A few
    /// hundred labels at most: a list costs the wasm less than a hash map.
    static WIDTHS: RefCell<Vec<(String, f64)>> = const { RefCell::new(Vec::new()) };
}

/// The canvas's measure, for a chart's `Style::measure`.
pub const MEASURE: Measure = Measure::engine(width);

/// Measured at 100 px and scaled, so one font string serves every size.
fn width(text: &str, size: f64) -> Option<f64> {
    if let Some(at_100) = WIDTHS.with_borrow(|w| w.iter().find(|(t, _)| t == text).map(|(_, w)| *w)) {
        return Some(at_100 / 100.0 * size);
    }
    let at_100 = CONTEXT.with(|ctx| ctx.as_ref()?.measure_text(text).ok().map(|m| m.width()))?;
    if at_100 <= 0.0 && !text.is_empty() {
        return None;
    }
    WIDTHS.with_borrow_mut(|w| w.push((text.to_string(), at_100)));
    Some(at_100 / 100.0 * size)
}
