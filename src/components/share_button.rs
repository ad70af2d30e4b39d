//! A "Share" button (an island): opens the share dialog for one view of the report. What it
//! shares rides on the button as data attributes, from which the browser hydrates it.

use super::context::{current_lang, report_context};
use crate::i18n::ui;
use crate::state::{url, ViewState};
use leptos::prelude::*;

/// What a share button shares: it names the button and styles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shares {
    Report,
    Section,
    Chart,
    Milestone,
}

impl Shares {
    const ALL: [Shares; 4] = [Shares::Report, Shares::Section, Shares::Chart, Shares::Milestone];

    fn name(self) -> &'static str {
        match self {
            Shares::Report => "report",
            Shares::Section => "section",
            Shares::Chart => "chart",
            Shares::Milestone => "milestone",
        }
    }

    pub fn from_name(name: &str) -> Option<Shares> {
        Shares::ALL.into_iter().find(|s| s.name() == name)
    }
}

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
        <button type="button" class=class data-testid=format!("share-{}", shares.name()) data-island="share"
            data-share=shares.name() data-share-label=label data-share-view=query
            disabled=move || !ready() on:click=share>
            {text.get(lang)}
        </button>
    }
}
