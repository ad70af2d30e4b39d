//! The display controls in the contents bar (an island): the language switch, large text
//! and dark mode.

use super::context::{current_lang, report_context};
use crate::i18n::{ui, Lang};
use crate::state::{Mode, Theme};
use leptos::prelude::*;

/// The link to the report's page in `lang` (relative, so the report can live under any path).
pub fn page_link(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en.html?lang=en",
        Lang::Zh => "./?lang=zh",
    }
}

#[component]
pub fn DisplayControls() -> impl IntoView {
    let context = report_context();
    let lang = current_lang();
    let off = Signal::stored(false);
    let (ready, dark, large) = context.map_or((off, off, off), |c| (c.ready, c.dark, c.large));
    let toggle_dark = move |_| {
        let Some(c) = context else { return };
        let theme = if dark.get_untracked() { Theme::Light } else { Theme::Dark };
        c.view.update(|v| v.theme = Some(theme));
    };
    let toggle_large = move |_| {
        let Some(c) = context else { return };
        c.view.update(|v| v.mode = if v.mode.is_some() { None } else { Some(Mode::Large) });
    };
    let other = lang.other();
    // Without the wasm the switch is a plain link to the other pre-rendered page; with it,
    // that page replaces this one in place (no reload), at the reader's view and place.
    let other_page = page_link(other);
    let switch_language = move |e: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(c) = context {
            use wasm_bindgen::JsCast;
            let href =
                e.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok()).map(|a| a.href());
            if let Some(href) = href {
                e.prevent_default();
                let view = crate::state::ViewState { lang: Some(other), ..c.view.get_untracked() };
                crate::islands::switch_language(view, href);
            }
        }
        let _ = e;
    };
    view! {
        <div class="display-controls" role="group" aria-label=ui::DISPLAY.get(lang) data-island="display-controls">
            <a class="toggle lang-switch" href=other_page hreflang=other.tag() lang=other.tag() data-testid="toggle-lang"
                aria-label=ui::SWITCH_LANGUAGE_LABEL.get(lang) on:click=switch_language>
                {ui::SWITCH_LANGUAGE.get(lang)}
            </a>
            <button type="button" class="toggle needs-wasm" data-testid="toggle-large" disabled=move || !ready.get()
                aria-pressed=move || if large.get() { "true" } else { "false" } on:click=toggle_large>
                {ui::LARGE_TEXT.get(lang)}
            </button>
            <button type="button" class="toggle needs-wasm" data-testid="toggle-dark" disabled=move || !ready.get()
                aria-pressed=move || if dark.get() { "true" } else { "false" } on:click=toggle_dark>
                {ui::DARK_MODE.get(lang)}
            </button>
        </div>
    }
}
