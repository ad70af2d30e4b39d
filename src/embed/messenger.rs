//! Inside an iframe, tells the parent page the report's height whenever it changes, in both
//! message formats. The report listens to no message: nothing a parent or a stranger posts
//! can change it.

use super::{pym_child_id, pym_height_message, HEIGHT_MESSAGE};
use leptos::prelude::*;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::JsValue;

/// Starts reporting the height of `#app` to the parent window, if there is one.
pub fn start() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let child_id = window.location().search().ok().and_then(|q| pym_child_id(&q));
    let last = StoredValue::new(0_u32);
    let send = move |height: f64| {
        let height = height.ceil().max(0.0) as u32;
        if height == last.get_value() || height == 0 {
            return;
        }
        last.set_value(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        // The height is not a secret; any parent may read it.
        let _ = parent.post_message(&message, "*");
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
