//! A "Share" button (an island): opens the share dialog for one view of the report. What it
//! shares rides on the button as data attributes, from which the browser hydrates it.

use super::report_context::{current_lang, report_context};
use crate::island::{kind, Shares};
use leptos::prelude::*;
use yangpu_core::i18n::ui;
use yangpu_core::state::{url, ViewState};

/// Opens the share dialog for `view`, titled `label` there.
#[component]
pub fn ShareButton(shares: Shares, label: String, view: ViewState) -> impl IntoView {
    let lang = current_lang();
    let context = report_context();
    let ready = move || context.is_some_and(|c| c.ready.get());
    let query = url::write(&view);
    let (class, text) = match shares {
        Shares::Report => ("button-on-dark needs-wasm", ui::SHARE_REPORT),
        Shares::Section => ("link-button needs-wasm", ui::SHARE_SECTION),
        Shares::Chart => ("link-button needs-wasm", ui::SHARE_OR_EMBED),
        Shares::Milestone => ("link-button needs-wasm", ui::SHARE_MILESTONE),
    };
    let name = label.clone();
    let share = move |_| {
        if let Some(c) = context {
            c.open_share(name.clone(), view);
        }
    };
    view! {
        <button type="button" class=class data-testid=format!("share-{}", shares.name()) data-island=kind::SHARE
            data-share=shares.name() data-share-label=label data-share-view=query
            disabled=move || !ready() on:click=share>
            {text.get(lang)}
        </button>
    }
}
