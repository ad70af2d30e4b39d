//! Keeps the view state and the address bar in step (feature "hydrate"): the URL's view is
//! applied after hydration (the pre-rendered page is the default view), changes are written
//! back without piling up history entries unless the reader chose a new place, and back and
//! forward restore the view.

use crate::components::report_context::ReportContext;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use yangpu_core::state::{url, Entry, ViewState};

/// Starts the sync: applies `carried` (the view a language switch carries over) or else the
/// URL's view, writes `view` on change, and listens for back and forward.
pub fn sync(context: ReportContext, carried: Option<ViewState>) {
    let view = context.view;
    let apply_location = move |scroll: bool| {
        let search = window().location().search().unwrap_or_default();
        let (state, ignored) = url::parse(&search);
        for i in &ignored {
            leptos::logging::warn!("Ignored ?{}={:?} in the link: {}", i.name, i.value, i.reason);
        }
        // Bad or foreign parameters leave the address: it shows the view as it is.
        context.navigate(state, if ignored.is_empty() { Entry::Keep } else { Entry::Replace });
        if scroll && state.embed.is_none() {
            scroll_to(&state);
        }
    };
    match carried {
        Some(state) => context.navigate(state, Entry::Replace),
        None => apply_location(true),
    }

    let handle = window_event_listener(leptos::ev::popstate, move |_| apply_location(true));
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let state = view.get();
        let how = context.take_entry();
        if how == Entry::Keep {
            return;
        }
        let query = url::write(&state);
        let location = window().location();
        let current = location.search().unwrap_or_default();
        if current.trim_start_matches('?') == query {
            return;
        }
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let next = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
        let Ok(history) = window().history() else {
            return;
        };
        // Fails in a sandboxed iframe (opaque origin): the view still changes, the URL does not.
        let _ = match how {
            Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&next)),
            _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&next)),
        };
    });
}

/// Scrolls the view's element into view, after the browser has laid the page out.
pub fn scroll_to(state: &ViewState) {
    let Some(id) = state.focus_target() else {
        return;
    };
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            // Instantly: a restored view should be there, not travel there.
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Instant);
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
