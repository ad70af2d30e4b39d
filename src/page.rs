//! Which page this is: the language it was rendered in. The pre-render provides it; in the
//! browser it is `<html lang>`, which the pre-render wrote and a language switch changes.
//! Beneath the components, the crash notice and the island runtime, which all ask it.

use leptos::prelude::*;
use yangpu_core::i18n::Lang;

/// The language of the page as it was rendered: the pre-render provides it; in the browser
/// it is `<html lang>`, which the pre-render wrote (hydration must see the same words).
#[derive(Clone, Copy, Debug)]
pub struct PageLang(pub Lang);

pub fn page_lang() -> Lang {
    if let Some(PageLang(lang)) = use_context::<PageLang>() {
        return lang;
    }
    #[cfg(feature = "hydrate")]
    if let Some(tag) = document().document_element().and_then(|html| html.get_attribute("lang")) {
        return Lang::from_tag(&tag);
    }
    Lang::default()
}
