//! The plain link to a view's picture to share (`share::picture`): in each chart card, each
//! section and the masthead. It is a link to the PNG itself, without `download`, so it works
//! without the wasm, and where download links do nothing (WeChat's in-app browser): the
//! browser shows the picture, which a reader presses and holds to save. The share dialog
//! shows the same picture with a download link.

use super::report_context::current_lang;
use leptos::prelude::*;
use yangpu_core::i18n::ui;
use yangpu_core::share::picture::{file_name, View};

/// A link to `view`'s picture in the page's language (its address is built from the view's
/// slug or id only).
#[component]
pub fn PictureLink(view: View) -> impl IntoView {
    let lang = current_lang();
    view! {
        <a class="picture-link" href=file_name(view, lang) data-testid="picture-link">{ui::PICTURE_LINK.get(lang)}</a>
    }
}
