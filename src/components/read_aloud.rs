//! "Read aloud" (an island): reads a section's text, or a chart's title, takeaway and
//! description, with the browser's speech synthesis in the current language, with a stop.
//! Hidden where the browser has no speech synthesis. The text is composed at pre-render and
//! rides on the button, so the wasm carries neither the words nor the code that makes them.

use super::props::{need, Found, IslandProps};
use super::report_context::{current_lang, report_context, ReportContext};
use crate::page::page_lang;
use leptos::attr::custom::custom_attribute;
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::i18n::ui;

/// A read-aloud button's props: its key, the text it speaks and what it reads (its label).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadAloudIsland {
    pub id: String,
    pub text: String,
    pub label: String,
}

/// The attributes the props are written in; `TEXT` and `LABEL` are heard, so the audit reads them.
impl ReadAloudIsland {
    pub const ID: &'static str = "data-read";
    pub const TEXT: &'static str = "data-speak";
    pub const LABEL: &'static str = "data-speak-label";
}

impl IslandProps for ReadAloudIsland {
    const KIND: &'static str = "read-aloud";

    fn props(self) -> impl Attribute {
        (
            custom_attribute(Self::ID, self.id),
            custom_attribute(Self::TEXT, self.text),
            custom_attribute(Self::LABEL, self.label),
        )
    }

    fn read(found: &impl Found) -> Result<Self, String> {
        Ok(ReadAloudIsland {
            id: need::<Self>(found, Self::ID)?,
            text: need::<Self>(found, Self::TEXT)?,
            label: need::<Self>(found, Self::LABEL)?,
        })
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        let ReadAloudIsland { id, text, label } = self;
        view! { <ReadAloud id text label/> }
    }
}

#[component]
pub fn ReadAloud(
    /// A key for this reading, unique on the page.
    id: String,
    /// The text to read, composed from the data (so no control's label is read).
    text: String,
    /// What is read, for the button's accessible name ("Read aloud: Public services").
    label: String,
) -> impl IntoView {
    let context = report_context();
    let lang = current_lang();
    let supported = RwSignal::new(false);
    Effect::new(move |_| supported.set(speech::available()));
    let speaking = context.map(|c| c.speaking);
    let key = id.clone();
    let is_speaking = Memo::new(move |_| speaking.is_some_and(|s| s.get().as_deref() == Some(key.as_str())));
    // Swapped for the other language, the page stops a reading it can no longer show.
    let key = id.clone();
    on_cleanup(move || {
        if speaking.and_then(|s| s.try_get_untracked()).flatten().as_deref() == Some(key.as_str()) {
            speech::stop();
        }
    });
    let key = id.clone();
    let (spoken, what) = (text.clone(), label.clone());
    let toggle = move |_| {
        let Some(speaking) = speaking else { return };
        if speaking.get_untracked().as_deref() == Some(key.as_str()) {
            speech::stop();
            speaking.set(None);
            return;
        }
        let lang = context.map_or_else(page_lang, |c| c.lang.get_untracked()).tag();
        speaking.set(Some(key.clone()));
        speech::speak(&text, lang, move || {
            if speaking.get_untracked().is_some() {
                speaking.set(None)
            }
        });
    };
    let action = move || if is_speaking.get() { ui::STOP_READING.get(lang) } else { ui::READ_ALOUD.get(lang) };
    let props = ReadAloudIsland { id, text: spoken, label };
    view! {
        <button
            {..props.attributes()}
            type="button"
            class="link-button read-aloud"
            class:hidden=move || !supported.get()
            data-testid="read-aloud"
            aria-pressed=move || if is_speaking.get() { "true" } else { "false" }
            aria-label=move || ui::READ_ALOUD_LABEL.fill(lang, &[("action", action()), ("what", &what)])
            on:click=toggle
        >
            {action}
        </button>
    }
}

/// The browser's speech synthesis, looked up at run time so that its absence is not an error.
mod speech {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn synthesis() -> Option<web_sys::SpeechSynthesis> {
        let value = js_sys::Reflect::get(&window(), &"speechSynthesis".into()).ok()?;
        (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
    }

    pub fn available() -> bool {
        synthesis().is_some()
    }

    pub fn speak(text: &str, lang: &str, on_end: impl Fn() + 'static) {
        let Some(synthesis) = synthesis() else { return };
        synthesis.cancel();
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else { return };
        utterance.set_lang(lang);
        let done = Closure::<dyn Fn(JsValue)>::new(move |_| on_end());
        utterance.set_onend(Some(done.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(done.as_ref().unchecked_ref()));
        // The utterance holds the callback until it ends; the closure must outlive this call.
        done.forget();
        synthesis.speak(&utterance);
    }

    pub fn stop() {
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
    }
}
