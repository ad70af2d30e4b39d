//! The in-place language switch: the other pre-rendered page replaces this one's report (no
//! reload), and its islands are hydrated afresh at the reader's view, after everything of
//! the previous language's islands has been disposed of with their owner.

use crate::page::page_lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yangpu_core::i18n::Lang;
use yangpu_core::state::ViewState;
use yangpu_core::vocabulary::attr;

/// Switches the report to `view`'s language in place: the other pre-rendered page (at
/// `href`) replaces this one's report, after `dispose` has disposed of this one's islands,
/// and the reader keeps their place and their focus on the switch; true once the new report
/// is in place, for its islands to be hydrated at `view`. If that page cannot be fetched
/// (offline, or a sandboxed embed), the browser goes to it, at the same view.
pub(super) async fn switch(view: &ViewState, href: &str, dispose: impl FnOnce()) -> bool {
    let Some((report, title)) = fetch_report(href).await else {
        // The other page's share link for this view.
        let page = href.split(['?', '#']).next().unwrap_or_default();
        let _ = window().location().assign(&yangpu_core::share::link(page, view));
        return false;
    };
    let place = crate::reading_place::remember();
    let lang = view.lang.unwrap_or_else(page_lang);
    dispose();
    replace_report(&report, lang, &title);
    crate::reading_place::restore(place, "toggle-lang");
    true
}

/// The report root (`#app`) and the title of the page at `href`.
async fn fetch_report(href: &str) -> Option<(web_sys::Element, String)> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(href)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let page = web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()?;
    let report = page.get_element_by_id("app")?;
    Some((report, page.title()))
}

/// Moves the fetched report's nodes into this page's report root (no HTML string is
/// inserted), and sets the page's language and title.
fn replace_report(report: &web_sys::Element, lang: Lang, title: &str) {
    let Some(app) = document().get_element_by_id("app") else { return };
    app.set_text_content(None);
    // Ready again once the new islands are hydrated.
    let _ = app.remove_attribute(attr::READY);
    while let Some(node) = report.first_child() {
        let _ = app.append_child(&node);
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    if !title.is_empty() {
        document().set_title(title);
    }
}
