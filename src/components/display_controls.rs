//! The display controls in the contents bar (an island): the language switch, large text
//! and dark mode.

use super::props::{Found, IslandProps};
use super::report_context::{current_lang, report_context, ReportContext};
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::i18n::ui;
use yangpu_core::state::{Entry, Mode, Theme, ViewState};
use yangpu_core::vocabulary::page_link;

/// The display controls' props: none (they read the report's context).
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayControlsIsland;

impl IslandProps for DisplayControlsIsland {
    const KIND: &'static str = "display-controls";

    fn props(self) -> impl Attribute {}

    fn read(_: &impl Found) -> Result<Self, String> {
        Ok(DisplayControlsIsland)
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        view! { <DisplayControls/> }
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
        c.navigate(ViewState { theme: Some(theme), ..c.view.get_untracked() }, Entry::Replace);
    };
    let toggle_large = move |_| {
        let Some(c) = context else { return };
        let view = c.view.get_untracked();
        c.navigate(
            ViewState { mode: if view.mode.is_some() { None } else { Some(Mode::Large) }, ..view },
            Entry::Replace,
        );
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
                let view = ViewState { lang: Some(other), ..c.view.get_untracked() };
                if c.switch_language(view, href) {
                    e.prevent_default();
                }
            }
        }
        let _ = e;
    };
    view! {
        <div {..DisplayControlsIsland.attributes()} class="display-controls" role="group" aria-label=ui::DISPLAY.get(lang)>
            <a class="toggle lang-switch" href=other_page hreflang=other.tag() lang=other.tag() data-testid="toggle-lang"
                aria-label=ui::SWITCH_LANGUAGE_LABEL.get(lang) on:click=switch_language>
                {ui::SWITCH_LANGUAGE.get(lang)}
            </a>
            <button type="button" class="toggle needs-wasm" data-testid="toggle-large" disabled=move || !ready.get()
                aria-pressed=move || if large.get() { "true" } else { "false" } on:click=toggle_large>
                {ui::LARGE_TEXT.get(lang)}
            </button>
            // Pressed once ready: the page was rendered light, and a system in dark mode makes
            // `dark` true from the start, which hydration alone would never write.
            <button type="button" class="toggle needs-wasm" data-testid="toggle-dark" disabled=move || !ready.get()
                aria-pressed=move || if ready.get() && dark.get() { "true" } else { "false" } on:click=toggle_dark>
                {ui::DARK_MODE.get(lang)}
            </button>
        </div>
    }
}
