//! Inside an iframe, talks with the parent page: tells it the report's height whenever it
//! changes (in both message formats) and the embed's view (so `public/embed.js` can keep it
//! in the host page's address), and hears the parent's set-message (`super::host`). Only
//! the parent window is heard; nothing a stranger posts can change the report, and a
//! message's content is only ever compared with known values.

use super::host::{parse_set, view_for_host, SetRequest};
use super::{pym_child_id, pym_height_message};
use leptos::prelude::*;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::JsValue;
use yangpu_core::state::ViewState;
use yangpu_core::vocabulary::message;

/// The parent window, when the report is in a frame.
fn parent() -> Option<web_sys::Window> {
    let window = window();
    let parent = window.parent().ok().flatten()?;
    (parent != window).then_some(parent)
}

fn post(parent: &web_sys::Window, kind: &str, field: &str, value: JsValue) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &field.into(), &value);
    // Neither the height nor the view is a secret; any parent may read them.
    let _ = parent.post_message(&message, "*");
}

/// Starts reporting the height of `#app` to the parent window, if there is one.
pub fn start() {
    let Some(parent) = parent() else { return };
    let child_id = window().location().search().ok().and_then(|q| pym_child_id(&q));
    let last = StoredValue::new(0_u32);
    let send = move |height: f64| {
        let height = height.ceil().max(0.0) as u32;
        if height == last.get_value() || height == 0 {
            return;
        }
        last.set_value(height);
        post(&parent, message::HEIGHT, "height", JsValue::from(height));
        if let Some(id) = &child_id {
            let _ = parent.post_message(&pym_height_message(id, height).into(), "*");
        }
    };
    let Some(app) = document().get_element_by_id("app") else {
        return;
    };
    send(app.get_bounding_client_rect().height());
    use_resize_observer(app, move |entries, _| {
        if let Some(entry) = entries.first() {
            send(entry.target().get_bounding_client_rect().height());
        }
    });
}

/// Tells the parent window the embed's view (`milestone=2024&lang=en`, `""` for the default).
pub fn post_view(view: &ViewState) {
    if let Some(parent) = parent() {
        post(&parent, message::VIEW, "view", view_for_host(view).into());
    }
}

/// Calls `on_set` with every set-message the parent window posts; everything else, and every
/// message from another window, is ignored. Returns the listener's handle.
pub fn on_set(on_set: impl Fn(SetRequest) + 'static) -> Option<WindowListenerHandle> {
    // Compared as values (===): a cross-origin parent is no `instanceof Window` here.
    let parent: JsValue = parent()?.into();
    Some(window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
        let from_parent = e.source().is_some_and(|s| JsValue::from(s) == parent);
        if !from_parent {
            return;
        }
        let data = e.data();
        if !data.is_object() {
            return;
        }
        // A getter that throws or a proxy reads as a missing field.
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        if let Some(request) = parse_set(field) {
            on_set(request);
        }
    }))
}
