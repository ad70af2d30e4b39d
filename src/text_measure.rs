//! Text measurement with the canvas's own font metrics (browser only): installed into the
//! charts' text layout at start, so a chart label wraps by the font the reader's engine
//! really uses. `measureText` is allowed by the strict CSP.

use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

thread_local! {
    static CONTEXT: Option<CanvasRenderingContext2d> = leptos::prelude::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into().ok());
}

/// Makes the charts measure their text with the canvas.
pub fn install() {
    crate::charts::kit::set_measure(width);
}

/// Measured at 100 px and scaled, so one font string serves every size.
fn width(text: &str, size: f64) -> Option<f64> {
    CONTEXT.with(|ctx| {
        let ctx = ctx.as_ref()?;
        if ctx.font() != "bold 100px sans-serif" {
            ctx.set_font("bold 100px sans-serif");
        }
        let width = ctx.measure_text(text).ok()?.width();
        (width > 0.0 || text.is_empty()).then_some(width / 100.0 * size)
    })
}
