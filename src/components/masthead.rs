//! The report's header: title, period and the «People's City» concept it is built around.

use super::gap;
use super::report_context::current_lang;
use super::share_button::ShareButton;
use super::share_button::Shares;
use super::{PictureLink, SourceQuote};
use leptos::prelude::*;
use yangpu_core::data::REPORT;
use yangpu_core::format;
use yangpu_core::i18n::{ui, Lang};
use yangpu_core::state::ViewState;

#[component]
pub fn Masthead() -> impl IntoView {
    let lang = current_lang();
    // The concept's date is the 2019 milestone's, whose quote states it.
    let concept_date = REPORT.milestones.iter().find(|m| m.quote.contains(REPORT.concept_quote)).map(|m| m.date);
    let concept_label =
        ui::CONCEPT_LABEL.fill(lang, &[("date", &concept_date.map(|d| format::date(d, lang)).unwrap_or_default())]);
    view! {
        <header class="masthead" id="top" data-testid="masthead">
            <div class="masthead-inner">
                <p class="eyebrow">{ui::EYEBROW.get(lang)}</p>
                <h1 data-testid="title">{REPORT.title.get(lang)}</h1>
                <p class="period">
                    <span class="period-label">{ui::PERIOD.get(lang)}{gap(lang)}</span>
                    <span class="period-value" data-testid="period">{REPORT.period.get(lang)}</span>
                </p>
                // Why the period is 2021 to 2025 (the text names the plan, not its years): an
                // English reader may not know it; to a Chinese one it reads as a gloss.
                {(lang == Lang::En).then(|| view! { <p class="period-basis">{REPORT.period_basis.get(lang)}</p> })}
                <ShareButton shares=Shares::Report label=ui::THE_WHOLE_REPORT.get(lang).to_string() view=ViewState::default()/>
                <PictureLink view=yangpu_core::share::picture::View::Report/>
                <div class="concept">
                    <p class="concept-label">{concept_label}</p>
                    // The source is English; in Chinese the concept's established wording stands
                    // alone, and its English sentence is one tap away, under 出处.
                    {match lang {
                        Lang::Zh => view! { <p class="concept-quote" data-testid="concept-zh">"“" {REPORT.concept_zh} "”"</p> }.into_any(),
                        Lang::En => view! { <p class="concept-quote" lang="en">{REPORT.concept_quote}</p> }.into_any(),
                    }}
                    <details class="concept-source">
                        <summary>{ui::SOURCE.get(lang)}</summary>
                        <SourceQuote quote=REPORT.concept_quote/>
                    </details>
                </div>
            </div>
        </header>
    }
}
