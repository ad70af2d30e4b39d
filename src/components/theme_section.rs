//! A section of the report (housing, public services, innovation): its lead sentence, the
//! figures and milestones that belong to it, and its achievements, each with its source.

use super::gap;
use super::report_context::current_lang;
use super::share_button::ShareButton;
use super::share_button::Shares;
use super::{dom_id, ChartCard, PictureLink, ReadAloud, SourceQuote};
use leptos::prelude::*;
use yangpu_core::charts::ChartId;
use yangpu_core::data::{Section, REPORT};
use yangpu_core::format;
use yangpu_core::i18n::{ui, Lang};
use yangpu_core::state::ViewState;

#[component]
pub fn ThemeSection(section: &'static Section, #[prop(into)] ready: Signal<bool>) -> impl IntoView {
    let lang = current_lang();
    let charts = ChartId::ALL
        .into_iter()
        .filter(|c| c.section() == section.id)
        .map(|chart| view! { <ChartCard chart ready/> })
        .collect_view();
    let title_id = format!("{}-title", section.id);
    let labelled_by = title_id.clone();
    let figures: Vec<_> = REPORT
        .figures_in(section.id)
        .map(|f| {
            let href = format!("#{}", dom_id("figure", f.id));
            // As each language's press writes a figure: "421,000 m² Old housing …", but
            // 新建学校14所 (the label first, then the value as it follows a label).
            match lang {
                Lang::En => view! { <li><a href=href class="fact-value">{format::with_unit(f, lang)}</a>{gap(lang)}{f.label.en}</li> }.into_any(),
                Lang::Zh => view! { <li>{f.label.zh}<a href=href class="fact-value after-label">{format::spoken(f, lang)}</a></li> }.into_any(),
            }
        })
        .collect();
    let milestones: Vec<_> = REPORT
        .milestones
        .iter()
        .filter(|m| m.section == Some(section.id))
        .map(|m| {
            let href = format!("#{}", dom_id("milestone", m.id));
            view! { <li><a href=href class="fact-value">{format::milestone_date(m, lang)}</a>{gap(lang)}{m.title.get(lang)}</li> }
        })
        .collect();
    let achievements = REPORT
        .achievements_in(section.id)
        .map(|a| {
            view! {
                <li class="achievement" id=dom_id("achievement", a.id) data-testid="achievement">
                    <p class="achievement-label">{a.label.get(lang)}</p>
                    {a.truncated.then(|| view! {
                        <p class="truncation-note" data-testid="truncation-note">{REPORT.truncation_note.get(lang)}</p>
                    })}
                    <details>
                        <summary>{ui::SOURCE.get(lang)}</summary>
                        <SourceQuote quote=a.quote/>
                    </details>
                </li>
            }
        })
        .collect_view();
    let has_milestones = !milestones.is_empty();
    // Static: only its actions and charts are islands. An embed of the section shows it by
    // its id (style/main.css, html[data-embed="section:…"]).
    view! {
        <section id=section.id class="theme-section" aria-labelledby=labelled_by data-testid="theme-section">
            <div class="section-heading">
                <h2 id=title_id>{section.title.get(lang)}</h2>
                <SectionActions section/>
            </div>
            {match lang {
                Lang::En => view! { <p class="lead" lang="en">{section.lead_quote}</p> }.into_any(),
                Lang::Zh => view! {
                    <p class="lead">{section.lead_zh}</p>
                    <p class="lead-original"><span class="original-label">{ui::ENGLISH_ORIGINAL.get(lang)}{gap(lang)}</span><span lang="en">{section.lead_quote}</span></p>
                }.into_any(),
            }}
            <div class="chart-grid">{charts}</div>
            <div class="theme-columns">
                <div class="theme-facts">
                    <h3 class="subhead">{ui::IN_FIGURES.get(lang)}</h3>
                    <ul class="fact-list">{figures}</ul>
                    {has_milestones.then(|| view! {
                        <h3 class="subhead">{ui::MILESTONES.get(lang)}</h3>
                        <ul class="fact-list">{milestones}</ul>
                    })}
                </div>
                <div class="theme-achievements">
                    <h3 class="subhead">{ui::ACHIEVEMENTS.get(lang)}</h3>
                    <ul class="achievement-list">{achievements}</ul>
                </div>
            </div>
        </section>
    }
}

/// A section's "Share" and "Read aloud" (each an island).
#[component]
fn SectionActions(section: &'static Section) -> impl IntoView {
    let lang = current_lang();
    let view = ViewState { section: Some(section.id), ..ViewState::default() };
    view! {
        <div class="section-actions">
            <ShareButton shares=Shares::Section label=section.title.get(lang).to_string() view/>
            <ReadAloud id=format!("read-{}", section.id) text=yangpu_core::speech::section(section, lang) label=section.title.get(lang).to_string()/>
            <PictureLink view=yangpu_core::share::picture::View::Section(section.id)/>
        </div>
    }
}
