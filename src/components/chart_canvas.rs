//! The browser side of a chart (feature "hydrate"): draws on the canvas at CSS size ×
//! devicePixelRatio whenever the frame resizes or the ratio changes, plays the entrance
//! once when an off-screen chart comes into view, and redraws only the highlight overlay
//! on hover or focus (input itself is handled by `ChartState`).
//!
//! A chart never shows a false state: it is drawn finished the moment it is drawn at all
//! (a capture, a long screenshot or a quick scroll sees its data), the entrance plays only
//! while it is in view, and it always ends finished, also when the tab is hidden mid-way.

use super::chart_state::ChartState;
use crate::timing::timed;
use leptos::prelude::*;
use leptos_use_device_pixel_ratio::use_device_pixel_ratio;
use leptos_use_element_visibility::use_element_visibility;
use leptos_use_resize_observer::use_resize_observer;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yangpu_core::charts::export::{draw_standalone, file_name, standalone_size};
use yangpu_core::charts::marks::Marks;
use yangpu_core::charts::style::TextRole;
use yangpu_core::charts::style::{DARK, LIGHT, PAGE_FONTS};
use yangpu_core::charts::{ChartId, Layout, Style};
use yangpu_core::i18n::Lang;

/// Entrance length in milliseconds.
const ENTRANCE_MS: f64 = 450.0;

/// What a draw depends on besides size: entrance progress, theme and reading mode.
#[derive(Clone, Copy, PartialEq)]
pub struct Look {
    pub progress: f64,
    pub dark: bool,
    pub large: bool,
    pub lang: Lang,
}

/// Draws `chart` on `canvas` for a CSS size and pixel ratio; returns its marks and the
/// surface pixels per CSS pixel.
pub fn draw_chart(canvas: &HtmlCanvasElement, chart: ChartId, css: (f64, f64), ratio: f64, look: Look) -> (Marks, f64) {
    let (w, h) = (((css.0 * ratio).round() as u32).max(1), ((css.1 * ratio).round() as u32).max(1));
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let layout = Layout::for_reading(css.0, look.large);
    let scale = f64::from(w) / layout.logical_width();
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return (Marks::default(), ratio);
    };
    let area = backend.into_drawing_area();
    let palette = if look.dark { DARK } else { LIGHT };
    let style = Style {
        progress: look.progress,
        palette,
        large: look.large,
        lang: look.lang,
        font_family: PAGE_FONTS,
        measure: crate::text_measure::MEASURE,
        ..Style::new(layout, scale)
    };
    // Entrance frames draw only, and so does every draw on a page that did not ask for the
    // texts' boxes (a reader's never does); a finished draw on one that did logs its texts.
    if look.progress < 1.0 || !text_boxes_asked() {
        return (chart.draw(&area, &style).unwrap_or_default(), f64::from(w) / css.0.max(1.0));
    }
    let (marks, texts) = yangpu_core::charts::kit::with_text_boxes(|| chart.draw(&area, &style).unwrap_or_default());
    // Every text's box in surface pixels, its size in CSS pixels and its role (axis, label,
    // value, title: "x0 y0 x1 y1 size role;…"), for the tests that check, in each engine,
    // that chart text fits and can be read.
    let css_per_unit = css.0 / layout.logical_width();
    let boxes: Vec<String> = texts
        .iter()
        .map(|t| {
            let r = t.rect;
            let role = match t.role {
                Some(TextRole::Axis) => "axis",
                Some(TextRole::Label) => "label",
                Some(TextRole::Value) => "value",
                Some(TextRole::Title) => "title",
                None => "other",
            };
            format!("{:.1} {:.1} {:.1} {:.1} {:.1} {role}", r.x0, r.y0, r.x1, r.y1, t.size * css_per_unit)
        })
        .collect();
    let _ = canvas.set_attribute("data-text-boxes", &boxes.join(";"));
    // The surface size these boxes were drawn for: a resize (or an entrance, whose frames log
    // nothing) leaves the last finished draw's boxes, which a test must not read as the new.
    // `attach` takes it away while an entrance is due or playing (see `settled`).
    let _ = canvas.set_attribute(SETTLED_SIZE, &format!("{w} {h}"));
    (marks, f64::from(w) / css.0.max(1.0))
}

/// On a page that asked for the texts' boxes: the canvas's surface size ("w h") once the
/// chart's finished look is on it and stays there until the next resize, that is, drawn
/// finished and with no entrance due or playing. A test waits for it instead of a sleep: an
/// entrance starts whenever the chart first comes into view, which an engine reports late.
const SETTLED_SIZE: &str = "data-text-boxes-size";

/// Marks a draw as settled or not (`SETTLED_SIZE`), on a page that asked for the boxes.
fn settled(canvas: &HtmlCanvasElement, finished: bool) {
    if !finished && text_boxes_asked() {
        let _ = canvas.remove_attribute(SETTLED_SIZE);
    }
}

/// Whether the page asked each chart to write its texts' boxes on its canvas
/// (`data-text-boxes`): only the engine tests do, by setting `window.__yangpuTextBoxes`
/// before the report starts (tests/e2e/recorder.js). Read once per page.
fn text_boxes_asked() -> bool {
    thread_local! {
        static ASKED: bool = js_sys::Reflect::get(&window(), &"__yangpuTextBoxes".into()).is_ok_and(|v| v.is_truthy());
    }
    ASKED.with(|asked| *asked)
}

/// The chart's logical height in a layout, language and mode (`ChartId::height_on`), measured
/// on a canvas nobody sees (one pixel tall; what is drawn there is thrown away), so the wasm
/// carries one copy of the charts' drawing, the canvas's. `None` without a 2D context.
fn chart_height(chart: ChartId, layout: Layout, lang: Lang, large: bool) -> Option<f64> {
    chart.height_on(layout, lang, large, |(w, h)| {
        let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(w);
        canvas.set_height(h);
        CanvasBackend::with_canvas_object(canvas)
    })
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Redraws only the highlight: a ring around the active mark's boxes.
fn draw_highlight(
    overlay: &HtmlCanvasElement,
    base: &HtmlCanvasElement,
    marks: &Marks,
    active: Option<usize>,
    keyboard: bool,
    dark: bool,
) {
    let mark = active.and_then(|i| marks.get(i));
    // Sized to the chart only once a mark is highlighted: until then the overlay keeps the
    // canvas default, so a page of charts does not carry a second full-size bitmap each.
    if mark.is_some() && (overlay.width() != base.width() || overlay.height() != base.height()) {
        overlay.set_width(base.width());
        overlay.set_height(base.height());
    }
    let Some(ctx) = context(overlay) else { return };
    ctx.clear_rect(0.0, 0.0, f64::from(overlay.width()), f64::from(overlay.height()));
    let Some(mark) = mark else {
        return;
    };
    let unit = f64::from(base.width()) / base.client_width().max(1) as f64;
    let pad = 4.0 * unit;
    ctx.set_line_width(if keyboard { 3.0 } else { 2.0 } * unit);
    // The theme's focus colour: dark ink on the light palette, white on the dark one.
    let RGBColor(r, g, b) = if dark { DARK } else { LIGHT }.focus;
    let alpha = if keyboard { 1.0 } else { 0.6 };
    ctx.set_stroke_style_str(&format!("rgba({r},{g},{b},{alpha})"));
    for b in &mark.boxes {
        ctx.stroke_rect(b.x0 - pad, b.y0 - pad, b.x1 - b.x0 + 2.0 * pad, b.y1 - b.y0 + 2.0 * pad);
    }
}

/// Wires the chart to the browser: sizes, draws, entrance, highlight and input.
pub fn attach(state: ChartState) {
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    let ratio = use_device_pixel_ratio();
    let visible = use_element_visibility(state.frame);
    let reduced_motion = state.reduced_motion;
    // None: not drawn yet; Some(p): progress to draw at.
    let progress = RwSignal::new(None::<f64>);
    // The entrance waits for the chart's first time in view.
    let entrance_due = StoredValue::new(false);

    // Each chart draws in a task of its own, so the first draws of all charts (one resize
    // callback) do not add up to one long task on a slow phone.
    let resize_to = move |next: (f64, f64)| {
        if next != size.get_untracked() && next.0 > 0.0 && next.1 > 0.0 {
            set_timeout(
                // The first measurement may have set this size meanwhile: a signal set to
                // the same value would draw the chart again.
                move || {
                    if size.try_get_untracked().is_some_and(|s| s != next) {
                        let _ = size.try_set(next);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    };
    use_resize_observer(state.frame, move |entries, _| {
        if let Some(entry) = entries.first() {
            let rect = entry.content_rect();
            resize_to((rect.width(), rect.height()));
        }
    });
    // The first draw does not wait for the observer's first report, which comes only with
    // the next frame the browser renders: the frame's size is read in a task of the chart's
    // own as soon as it is hydrated.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(frame) = state.frame.get() else { return false };
        set_timeout(
            move || {
                if size.try_get_untracked().is_some_and(|s| s.0 == 0.0) {
                    // The frame has no border or padding: its box is the observer's content box.
                    let rect = frame.get_bounding_client_rect();
                    let next = (rect.width(), rect.height());
                    if next.0 > 0.0 && next.1 > 0.0 {
                        let _ = size.try_set(next);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
        true
    });

    // Drawn finished as soon as the frame has a size: a chart on screen then shows no jump
    // from its SVG, and one off screen shows its data to anything that captures it. One off
    // screen grows in when it first comes into view (not with reduced motion).
    Effect::new(move |_| {
        if progress.get_untracked().is_some() || size.get().0 == 0.0 {
            return;
        }
        entrance_due.set_value(!reduced_motion.get_untracked() && !visible.get_untracked());
        progress.set(Some(1.0));
    });
    Effect::new(move |_| {
        if visible.get() && entrance_due.get_value() && !reduced_motion.get_untracked() {
            entrance_due.set_value(false);
            play_entrance(progress);
        }
    });

    // Large mode reflows the chart taller, so its larger text has room (never a zoom): the
    // frame takes the chart's large height in its layout and language for its width; standard
    // mode gives the height back to the SVG's (the chart's standard height in the page's
    // language). (Set through the CSSOM, which the strict CSP allows.)
    // Each layout's large height is measured once (a resize redraws, it does not remeasure).
    let large_heights = StoredValue::new(Vec::<(Layout, f64)>::new());
    Effect::new(move |_| {
        let (large, width) = (state.large.get(), size.get().0);
        let Some(frame) = state.frame.get() else { return };
        let style = web_sys::HtmlElement::style(&frame);
        if large && width > 0.0 {
            let layout = Layout::for_reading(width, true);
            let known = large_heights.with_value(|known| known.iter().find(|(l, _)| *l == layout).map(|(_, h)| *h));
            let measured = known.or_else(|| {
                let height = chart_height(state.chart, layout, state.lang, true)?;
                large_heights.update_value(|known| known.push((layout, height)));
                Some(height)
            });
            if let Some(height) = measured {
                let height = width * height / layout.logical_width();
                let _ = style.set_property("height", &format!("{height:.1}px"));
            }
        } else {
            let _ = style.remove_property("height");
        }
    });

    // Full redraw: only when the size, the pixel ratio or the entrance progress changes.
    Effect::new(move |_| {
        let (css, ratio, Some(p)) = (size.get(), ratio.get(), progress.get()) else {
            return;
        };
        let Some(canvas) = state.canvas.get() else {
            return;
        };
        let look = Look { progress: p, dark: state.dark.get(), large: state.large.get(), lang: state.lang };
        let drawn = timed("yangpu:chart-draw", || draw_chart(&canvas, state.chart, css, ratio, look));
        // Settled: finished, and no entrance still to play (none plays with reduced motion).
        settled(&canvas, p >= 1.0 && (reduced_motion.get_untracked() || !entrance_due.get_value()));
        state.marks.set_value(drawn);
        state.width.set_value(css.0);
        // The marks are the same, only their boxes moved: the highlight and tooltip stay.
        state.redraws.update(|n| *n += 1);
        if !state.drawn.get_untracked() {
            state.drawn.set(true);
        }
    });

    // Highlight redraw: on hover or focus changes only, from the stored marks.
    Effect::new(move |_| {
        let (active, keyboard, _) = (state.active.get(), state.keyboard.get(), state.redraws.get());
        let (Some(overlay), Some(canvas)) = (state.overlay.get(), state.canvas.get()) else {
            return;
        };
        let dark = state.dark.get();
        timed("yangpu:hover-redraw", || {
            state.marks.with_value(|(marks, _)| draw_highlight(&overlay, &canvas, marks, active, keyboard, dark))
        });
    });
}

/// Animates `progress` from 0 to 1 over `ENTRANCE_MS`, one redraw per frame. It always ends
/// at 1: a hidden tab (no frames) finishes at once, and a timer finishes it if frames stop.
fn play_entrance(progress: RwSignal<Option<f64>>) {
    let start = window().performance().map_or(0.0, |p| p.now());
    fn step(progress: RwSignal<Option<f64>>, start: f64) {
        request_animation_frame(move || {
            let now = window().performance().map_or(start + ENTRANCE_MS, |p| p.now());
            let hidden = document().hidden();
            let t: f64 = if hidden { 1.0 } else { ((now - start) / ENTRANCE_MS).clamp(0.0, 1.0) };
            // Ease out, so the marks settle gently.
            let _ = progress.try_set(Some(1.0 - (1.0 - t).powi(3)));
            if t < 1.0 {
                step(progress, start);
            }
        });
    }
    progress.set(Some(0.0));
    step(progress, start);
    set_timeout(
        move || {
            if progress.try_get_untracked().flatten().is_some_and(|p| p < 1.0) {
                let _ = progress.try_set(Some(1.0));
            }
        },
        std::time::Duration::from_millis((ENTRANCE_MS as u64) * 2),
    );
}

/// Draws the chart with its title and source at 2× on a detached canvas and downloads it.
pub fn download_png(chart: ChartId, lang: Lang) {
    let document = document();
    let Ok(canvas) = document.create_element("canvas") else {
        return;
    };
    let Ok(canvas) = canvas.dyn_into::<HtmlCanvasElement>() else {
        return;
    };
    // Laid out by the same text widths as the SVG download (DejaVu's, `Style::new`'s, not the
    // canvas's), so the PNG is that file at 2×.
    let style = Style::new(Layout::Wide, 2.0).in_lang(lang);
    let Some(height) = chart_height(chart, Layout::Wide, lang, false) else {
        return;
    };
    let (w, h) = standalone_size(chart, &style, height);
    canvas.set_width(w);
    canvas.set_height(h);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    if draw_standalone(chart, &area, &style, height).is_err() {
        return;
    }
    let Ok(url) = canvas.to_data_url_with_type("image/png") else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    link.set_href(&url);
    link.set_download(&file_name(chart, "png", lang));
    link.click();
}
