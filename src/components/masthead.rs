//! The report's header: title, period and the «People's City» concept it is built around.

use super::context::report_context;
use super::SourceQuote;
use crate::data::REPORT;
use crate::state::ViewState;
use leptos::prelude::*;

#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead" id="top" data-testid="masthead">
            <div class="masthead-inner">
                <p class="eyebrow">"Yangpu District, Shanghai · 14th Five-Year Plan"</p>
                <h1 data-testid="title">{REPORT.title}</h1>
                <p class="period">
                    <span class="period-label">"Period "</span>
                    <span class="period-value" data-testid="period">{REPORT.period}</span>
                </p>
                <p class="period-basis">{REPORT.period_basis}</p>
                {report_context().map(|c| view! {
                    <button type="button" class="button-on-dark needs-wasm" data-testid="share-report" disabled=move || !c.ready.get()
                        on:click=move |_| c.open_share("the whole report", ViewState::default())
                    >"Share or embed the report"</button>
                })}
                <div class="concept">
                    <p class="concept-label">"The concept behind the report, proposed in November 2019:"</p>
                    <p class="concept-quote" lang="en">{REPORT.concept_quote}</p>
                    <details class="concept-source">
                        <summary>"Source"</summary>
                        <SourceQuote quote=REPORT.concept_quote/>
                    </details>
                </div>
            </div>
        </header>
    }
}
