//! The report's header: title, period and the «People's City» concept it is built around.

use super::context::{current_lang, report_context};
use super::SourceQuote;
use crate::data::REPORT;
use crate::i18n::{ui, Lang};
use crate::state::ViewState;
use leptos::prelude::*;

#[component]
pub fn Masthead() -> impl IntoView {
    let lang = current_lang();
    view! {
        <header class="masthead" id="top" data-testid="masthead">
            <div class="masthead-inner">
                <p class="eyebrow">{ui::EYEBROW.get(lang)}</p>
                <h1 data-testid="title">{REPORT.title.get(lang)}</h1>
                <p class="period">
                    <span class="period-label">{ui::PERIOD.get(lang)} " "</span>
                    <span class="period-value" data-testid="period">{REPORT.period.get(lang)}</span>
                </p>
                <p class="period-basis">{REPORT.period_basis.get(lang)}</p>
                {report_context().map(|_| view! { <ShareReport/> })}
                <div class="concept">
                    <p class="concept-label">{ui::CONCEPT_LABEL.get(lang)}</p>
                    // The source is English; in Chinese the concept's established wording leads.
                    {(lang == Lang::Zh).then(|| view! { <p class="concept-quote" data-testid="concept-zh">"“" {REPORT.concept_zh} "”"</p> })}
                    <p class="concept-quote" class:concept-original=lang == Lang::Zh lang="en">{REPORT.concept_quote}</p>
                    <details class="concept-source">
                        <summary>{ui::SOURCE.get(lang)}</summary>
                        <SourceQuote quote=REPORT.concept_quote/>
                    </details>
                </div>
            </div>
        </header>
    }
}

/// "Share the report" (an island): opens the share dialog at the default view.
#[component]
pub fn ShareReport() -> impl IntoView {
    let lang = current_lang();
    let context = report_context();
    let ready = move || context.is_some_and(|c| c.ready.get());
    let share = move |_| {
        if let Some(c) = context {
            c.open_share(ui::THE_WHOLE_REPORT.get(lang), ViewState::default())
        }
    };
    view! {
        <button type="button" class="button-on-dark needs-wasm" data-testid="share-report" data-island="share-report"
            disabled=move || !ready() on:click=share>
            {ui::SHARE_REPORT.get(lang)}
        </button>
    }
}
