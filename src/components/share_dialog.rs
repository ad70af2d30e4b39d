//! The share dialog: the link to the chosen view, "Copy link", the Web Share API where the
//! browser has it, a QR code of the link for phones and WeChat, the view's picture to save
//! (`share::picture`: the built PNG itself as an image, which WeChat's in-app browser lets a
//! reader press and hold to save, where download links do nothing; and a download link), and
//! the embed code.
//! Clipboard and sharing fail quietly in a sandboxed iframe: the link stays selectable.

use super::props::{Found, IslandProps};
use super::report_context::{current_lang, ReportContext};
use leptos::attr::Attribute;
use leptos::html::{Canvas, Dialog, Input, Textarea};
use leptos::prelude::*;
use yangpu_core::i18n::{ui, Text};
use yangpu_core::share;

/// The report's address without query or fragment (where links and embeds point).
fn base_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The share dialog's props: none (it takes the report's context).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareDialogIsland;

impl IslandProps for ShareDialogIsland {
    const KIND: &'static str = "share-dialog";

    fn props(self) -> impl Attribute {}

    fn read(_: &impl Found) -> Result<Self, String> {
        Ok(ShareDialogIsland)
    }

    fn view(self, context: ReportContext) -> impl IntoView + 'static {
        view! { <ShareDialog context/> }
    }
}

/// The dialog (an island). It needs the report's context, so it takes it.
#[component]
pub fn ShareDialog(context: ReportContext) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let link_input = NodeRef::<Input>::new();
    let embed_field = NodeRef::<Textarea>::new();
    let qr = NodeRef::<Canvas>::new();
    let status = RwSignal::new(String::new());
    let can_share = RwSignal::new(false);
    let lang = current_lang();

    let link = Memo::new(move |_| context.share.get().map(|t| share::link(&base_url(), &t.state)).unwrap_or_default());
    let snippet = Memo::new(move |_| {
        context.share.get().map(|t| share::embed_snippet(&base_url(), &t.state, lang)).unwrap_or_default()
    });
    let label = move || context.share.get().map(|t| t.label).unwrap_or_default();
    // The view whose picture the dialog offers, from the view's own slug or id only (never
    // from the address): the whole report's until a view is shared, so the link always has
    // an address (a link without one is no link to a crawler or a reader) and its alt a name.
    let view = move || context.share.get().map_or(share::picture::View::Report, |t| share::picture::View::of(&t.state));
    // The image itself loads only for a shared view, so the closed dialog costs the first
    // view nothing.
    let picture = move || context.share.get().map(|_| share::picture::file_name(view(), lang));
    let picture_href = move || share::picture::file_name(view(), lang);
    let picture_download = move || picture_href().rsplit('/').next().unwrap_or_default().to_string();
    let picture_alt = move || ui::PICTURE_ALT.fill(lang, &[("title", &view().title(lang))]);

    Effect::new(move |_| {
        let open = context.share.get().is_some();
        let Some(dialog) = dialog.get() else { return };
        // `open` is read as the attribute: it is there whether or not the engine has the
        // dialog element's methods (an engine without `showModal` shows it as a plain box).
        let shown = dialog.has_attribute("open");
        if open && !shown {
            status.set(String::new());
            can_share.set(browser::has_web_share());
            if dialog.show_modal().is_err() {
                let _ = dialog.set_attribute("open", "");
            }
        } else if !open && shown {
            browser::close_dialog(&dialog);
        }
    });
    Effect::new(move |_| {
        let text = link.get();
        if let (Some(canvas), false) = (qr.get(), text.is_empty()) {
            browser::draw_qr(&canvas, &text);
        }
    });

    // When the browser refuses to copy, the text that was to be copied is selected, so the
    // reader's own copy command takes it.
    let copy = move |text: String, done: Text, is_link: bool| {
        leptos::task::spawn_local(async move {
            let copied = browser::copy(&text).await;
            status.set(if copied {
                done.get(lang).to_string()
            } else {
                if is_link {
                    link_input.get_untracked().inspect(|input| input.select());
                } else {
                    embed_field.get_untracked().inspect(|field| field.select());
                }
                ui::COPY_REFUSED.get(lang).to_string()
            });
        });
    };

    view! {
        <dialog {..ShareDialogIsland.attributes()} class="share-dialog" node_ref=dialog aria-labelledby="share-title" data-testid="share-dialog" on:close=move |_| context.share.set(None)>
            <h2 id="share-title">{ui::SHARE_TITLE.get(lang)}{super::gap(lang)}{label}</h2>
            <label class="field-label" for="share-link">{ui::LINK_TO_VIEW.get(lang)}</label>
            <input id="share-link" class="field" type="text" readonly node_ref=link_input prop:value=move || link.get() data-testid="share-link"/>
            <div class="dialog-actions">
                <button type="button" class="button-primary" data-testid="copy-link" on:click=move |_| copy(link.get_untracked(), ui::LINK_COPIED, true)>{ui::COPY_LINK.get(lang)}</button>
                <button type="button" class="button-secondary" class:hidden=move || !can_share.get() data-testid="web-share"
                    on:click=move |_| {
                        let (title, url) = (label(), link.get_untracked());
                        leptos::task::spawn_local(async move { browser::web_share(&title, &url).await; });
                    }
                >{ui::SHARE_NATIVE.get(lang)}</button>
            </div>
            <p class="dialog-status" aria-live="polite" data-testid="share-status">{move || status.get()}</p>
            <div class="qr-block">
                <canvas class="qr" node_ref=qr role="img" aria-label=ui::QR_LABEL.get(lang) data-testid="share-qr"></canvas>
                <p>{ui::QR_HELP.get(lang)}</p>
            </div>
            <div class="picture-block" data-testid="share-picture">
                <p class="field-label" id="share-picture-label">{ui::SAVE_PICTURE.get(lang)}</p>
                <p class="picture-help">{ui::SAVE_PICTURE_HELP.get(lang)}</p>
                <img class="share-picture" src=picture alt=picture_alt data-testid="share-picture-img"/>
                <a href=picture_href download=picture_download data-testid="download-picture">{ui::DOWNLOAD_PICTURE.get(lang)}</a>
            </div>
            <label class="field-label" for="embed-code">{ui::EMBED_CODE.get(lang)}</label>
            <textarea id="embed-code" class="field" rows="4" readonly node_ref=embed_field prop:value=move || snippet.get() data-testid="embed-code"></textarea>
            <div class="dialog-actions">
                <button type="button" class="button-secondary" data-testid="copy-embed" on:click=move |_| copy(snippet.get_untracked(), ui::EMBED_COPIED, false)>{ui::COPY_EMBED.get(lang)}</button>
                <button type="button" class="button-secondary" data-testid="close-share" on:click=move |_| context.share.set(None)>{ui::CLOSE.get(lang)}</button>
            </div>
        </dialog>
    }
}

/// Browser calls, through `Reflect` so they work where the APIs are missing or refused.
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use yangpu_core::share::qr;

    fn navigator_member(name: &str) -> Option<(JsValue, JsValue)> {
        let navigator: JsValue = window().navigator().into();
        let member = js_sys::Reflect::get(&navigator, &name.into()).ok()?;
        (!member.is_undefined() && !member.is_null()).then_some((navigator, member))
    }

    /// Closes the dialog; an engine without the dialog element's `close` loses the attribute.
    pub fn close_dialog(dialog: &web_sys::HtmlDialogElement) {
        let close =
            js_sys::Reflect::get(dialog, &"close".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if close.and_then(|f| f.call0(dialog).ok()).is_none() {
            let _ = dialog.remove_attribute("open");
        }
    }

    pub fn has_web_share() -> bool {
        navigator_member("share").is_some()
    }

    /// Writes `text` to the clipboard; false where that is not allowed.
    pub async fn copy(text: &str) -> bool {
        let Some((_, clipboard)) = navigator_member("clipboard") else {
            return false;
        };
        let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
            return false;
        };
        let Ok(write) = write.dyn_into::<js_sys::Function>() else {
            return false;
        };
        let Ok(promise) = write.call1(&clipboard, &text.into()) else {
            return false;
        };
        let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
            return false;
        };
        JsFuture::from(promise).await.is_ok()
    }

    pub async fn web_share(title: &str, url: &str) {
        let Some((navigator, share)) = navigator_member("share") else {
            return;
        };
        let Ok(share) = share.dyn_into::<js_sys::Function>() else {
            return;
        };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // A reader who cancels the share sheet is not an error.
                let _ = JsFuture::from(promise).await;
            }
        }
    }

    /// Draws the QR code of `text`, 4 px per module (×2 for sharp phones), with a quiet zone.
    pub fn draw_qr(canvas: &web_sys::HtmlCanvasElement, text: &str) {
        let Some(modules) = qr::modules(text) else {
            return;
        };
        let n = modules.len() as u32;
        let (unit, quiet) = (8_u32, 4_u32);
        let size = (n + 2 * quiet) * unit;
        canvas.set_width(size);
        canvas.set_height(size);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(size), f64::from(size));
        ctx.set_fill_style_str("#000000");
        for (y, row) in modules.iter().enumerate() {
            for (x, dark) in row.iter().enumerate() {
                if *dark {
                    let (px, py) = ((x as u32 + quiet) * unit, (y as u32 + quiet) * unit);
                    ctx.fill_rect(f64::from(px), f64::from(py), f64::from(unit), f64::from(unit));
                }
            }
        }
    }
}
