//! What the page as a whole follows once its islands are hydrated: the theme and mode on
//! `<html>`, the embed's view, the host page's messages, links leaving an embed, the address
//! bar, and the report's readiness.

use crate::components::report_context::ReportContext;
use crate::page::page_lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yangpu_core::state::{url, Mode, Theme, ViewState};
use yangpu_core::vocabulary::{attr, value};

/// What the page as a whole follows: the theme and mode on `<html>`, the address bar, the
/// report root's state for CSS, and links leaving an embed.
pub(super) fn follow(context: ReportContext, ready: RwSignal<bool>, carried: Option<ViewState>) {
    let view = context.view;
    // early.js set the theme and mode from the URL before the first paint; keep them in
    // step when the reader toggles them.
    Effect::new(move |_| {
        let state = view.get();
        let Some(html) = document().document_element() else { return };
        let _ = match state.theme {
            Some(Theme::Dark) => html.set_attribute(attr::THEME, value::DARK),
            Some(Theme::Light) => html.set_attribute(attr::THEME, value::LIGHT),
            None => html.remove_attribute(attr::THEME),
        };
        let _ = match state.mode {
            Some(Mode::Large) => html.set_attribute(attr::MODE, value::LARGE),
            None => html.remove_attribute(attr::MODE),
        };
    });
    let embed = Memo::new(move |_| view.get().embed);
    // early.js showed the embed's view before the first paint (`<html data-embed>`, read by
    // the CSS); keep it in step with the state, which parsed the same value.
    Effect::new(move |_| {
        let Some(html) = document().document_element() else { return };
        let _ = match embed.get() {
            Some(e) => html.set_attribute(attr::EMBED, &url::embed_value(e)),
            None => html.remove_attribute(attr::EMBED),
        };
    });
    // Embedded: the host page hears the view (embed.js keeps it in the host's address) and
    // may set the reading mode, theme and language (its own accessibility toolbar).
    Effect::new(move |_| {
        let state = view.get();
        #[cfg(not(feature = "leave-out-embed-messages"))]
        if state.embed.is_some() {
            crate::embed::messenger::post_view(&state);
        }
        let _ = state;
    });
    #[cfg(not(feature = "leave-out-embed-messages"))]
    if let Some(listener) = crate::embed::messenger::on_set(move |request| {
        let current = view.get_untracked();
        let asked = request.apply(current);
        if asked.lang.unwrap_or_else(page_lang) != page_lang() {
            let lang = asked.lang.unwrap_or_else(page_lang);
            context.switch_language(asked, yangpu_core::vocabulary::page_link(lang).to_string());
        } else if asked != current {
            context.navigate(asked, yangpu_core::state::Entry::Replace);
        }
    }) {
        on_cleanup(move || listener.remove());
    }
    // Embedded, a link leaves the embed: it opens the full report in the top window (a new
    // one if the host's sandbox forbids that). Downloads stay where they are.
    let leave = window_event_listener(leptos::ev::click, move |e| {
        if embed.get_untracked().is_some() {
            leave_embed(&e);
        }
    });
    on_cleanup(move || leave.remove());
    // Effects run after hydration: the reader's view is applied to the hydrated islands.
    Effect::new(move |_| {
        crate::history::sync(context, carried);
        if let Some(app) = document().get_element_by_id("app") {
            let _ = app.set_attribute(attr::READY, "true");
        }
        ready.set(true);
    });
}

fn leave_embed(e: &web_sys::MouseEvent) {
    let link = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("#app a[href]").ok().flatten());
    let Some(link) = link.filter(|l| !l.has_attribute("download")) else { return };
    let Some(href) = link.get_attribute("href") else { return };
    e.prevent_default();
    let location = window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let target = if href.starts_with('#') { format!("{base}{href}") } else { href };
    if window().open_with_url_and_target(&target, "_top").ok().flatten().is_none() {
        let _ = window().open_with_url_and_target(&target, "_blank");
    }
}
