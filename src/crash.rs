//! When the wasm panics, the reader gets a clear message and a way back, not a dead page:
//! the pre-rendered report stays readable underneath.

/// Installs the panic hook: the panic goes to the console, and a notice with a reload link
/// appears at the top of the page.
#[cfg(feature = "hydrate")]
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Shows the notice (once). Built with DOM calls and plain text: nothing is parsed as HTML.
pub fn show_notice() {
    use leptos::prelude::*;
    use yangpu_core::i18n::ui;
    use yangpu_core::vocabulary::CRASH_NOTICE;
    let document = document();
    if document.get_element_by_id(CRASH_NOTICE).is_some() {
        return;
    }
    let (Ok(notice), Ok(text), Ok(link)) =
        (document.create_element("div"), document.create_element("p"), document.create_element("a"))
    else {
        return;
    };
    notice.set_id(CRASH_NOTICE);
    let _ = notice.set_attribute("class", CRASH_NOTICE);
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("data-testid", CRASH_NOTICE);
    // The language of the page as it stands (<html lang> follows a language switch).
    let lang = crate::page::page_lang();
    let _ = notice.set_attribute("lang", lang.tag());
    text.set_text_content(Some(ui::CRASHED.get(lang)));
    let href = window().location().href().unwrap_or_else(|_| "./".into());
    let _ = link.set_attribute("href", &href);
    link.set_text_content(Some(ui::RELOAD.get(lang)));
    let _ = notice.append_child(&text);
    let _ = notice.append_child(&link);
    if let Some(body) = document.body() {
        // After the app, so hydration's view of the page is not disturbed.
        let _ = body.append_child(&notice);
    }
}
