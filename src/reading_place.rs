//! Keeps the reader's place when the report is swapped (a language switch): the element at
//! the top third of the window stays where it was, and focus returns to the control used.

use leptos::prelude::*;

/// An element (by id) and its distance from the top of the window.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    id: String,
    top: f64,
}

pub fn remember() -> Option<Place> {
    let window = window();
    let height = window.inner_height().ok()?.as_f64()?;
    let width = window.inner_width().ok()?.as_f64()?;
    let at = document().element_from_point((width / 2.0) as f32, (height / 3.0) as f32)?;
    let marked = at.closest("[id]").ok()??;
    Some(Place { id: marked.id(), top: marked.get_bounding_client_rect().top() })
}

/// Scrolls so the remembered element is where it was, and focuses the element with
/// `data-testid=focus_testid` (without scrolling to it).
pub fn restore(place: Option<Place>, focus_testid: &str) {
    use wasm_bindgen::JsCast;
    if let Some(place) = place {
        if let Some(el) = document().get_element_by_id(&place.id) {
            let moved = el.get_bounding_client_rect().top() - place.top;
            window().scroll_by_with_x_and_y(0.0, moved);
        }
    }
    let selector = format!("[data-testid=\"{focus_testid}\"]");
    if let Some(el) = document().query_selector(&selector).ok().flatten() {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
}
