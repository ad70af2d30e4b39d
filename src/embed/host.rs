//! What a host page may ask of an embedded report, read without trusting it: the
//! `{type: "yangpu-report:set", mode, theme, lang}` message that a portal's own accessibility
//! toolbar posts (or `YangpuReport.set` in `public/embed.js`). Unknown keys and values are
//! ignored; a message that is not this one is no request at all.

use yangpu_core::i18n::Lang;
use yangpu_core::state::{Mode, Theme, ViewState};
use yangpu_core::vocabulary::message;

/// What a set-message asks for; `None` leaves that setting as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SetRequest {
    /// `Some(None)` is standard size.
    pub mode: Option<Option<Mode>>,
    /// `Some(None)` follows the system.
    pub theme: Option<Option<Theme>>,
    pub lang: Option<Lang>,
}

impl SetRequest {
    /// The view with the request applied (the language is switched separately: it is
    /// another page).
    pub fn apply(self, view: ViewState) -> ViewState {
        ViewState {
            mode: self.mode.unwrap_or(view.mode),
            theme: self.theme.unwrap_or(view.theme),
            lang: self.lang.or(view.lang),
            ..view
        }
    }
}

/// Reads a set-message through `field`, which gives a string field of the message or `None`
/// (missing, or not a string). Anything else than a set-message gives `None`.
pub fn parse_set(field: impl Fn(&str) -> Option<String>) -> Option<SetRequest> {
    if field("type").as_deref() != Some(message::SET) {
        return None;
    }
    let mode = field("mode").and_then(|m| match m.as_str() {
        "large" => Some(Some(Mode::Large)),
        "standard" => Some(None),
        _ => None,
    });
    let theme = field("theme").and_then(|t| match t.as_str() {
        "light" => Some(Some(Theme::Light)),
        "dark" => Some(Some(Theme::Dark)),
        "system" => Some(None),
        _ => None,
    });
    let lang = field("lang").and_then(|l| match l.as_str() {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    });
    Some(SetRequest { mode, theme, lang })
}

/// The view as the host page keeps it in its address: the embed's query without `embed`
/// (the embed code has that), `url::write`'s form ("milestone=2024&lang=en").
pub fn view_for_host(view: &ViewState) -> String {
    yangpu_core::state::url::write(&ViewState { embed: None, ..*view })
}

#[cfg(test)]
mod tests {
    use super::*;
    use yangpu_core::data::MilestoneId;

    fn message<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn a_set_message_asks_for_its_known_values_only() {
        let m = [("type", "yangpu-report:set"), ("mode", "large"), ("theme", "dark"), ("lang", "en")];
        let want = SetRequest { mode: Some(Some(Mode::Large)), theme: Some(Some(Theme::Dark)), lang: Some(Lang::En) };
        assert_eq!(parse_set(message(&m)), Some(want));
        let m = [("type", "yangpu-report:set"), ("mode", "standard"), ("theme", "system")];
        assert_eq!(parse_set(message(&m)), Some(SetRequest { mode: Some(None), theme: Some(None), lang: None }));
        let m = [("type", "yangpu-report:set"), ("mode", "LARGE"), ("theme", "<b>"), ("lang", "fr"), ("x", "1")];
        assert_eq!(parse_set(message(&m)), Some(SetRequest::default()), "unknown values change nothing");
        assert_eq!(parse_set(message(&[("type", "yangpu-report:height"), ("mode", "large")])), None);
        assert_eq!(parse_set(message(&[("mode", "large")])), None);
    }

    #[test]
    fn a_request_changes_only_what_it_names() {
        let view = ViewState { milestone: Some(MilestoneId::M2024), theme: Some(Theme::Light), ..ViewState::default() };
        let asked = SetRequest { mode: Some(Some(Mode::Large)), ..SetRequest::default() };
        let applied = asked.apply(view);
        assert_eq!(applied.mode, Some(Mode::Large));
        assert_eq!((applied.theme, applied.milestone), (Some(Theme::Light), Some(MilestoneId::M2024)));
        let system = SetRequest { theme: Some(None), ..SetRequest::default() }.apply(view);
        assert_eq!(system.theme, None, "system: the report follows the reader's system again");
    }

    #[test]
    fn the_host_keeps_the_view_without_the_embed() {
        let view = ViewState {
            milestone: Some(MilestoneId::M2024),
            embed: Some(yangpu_core::state::Embed::Timeline),
            lang: Some(Lang::En),
            ..ViewState::default()
        };
        assert_eq!(view_for_host(&view), "milestone=2024&lang=en");
        assert_eq!(
            view_for_host(&ViewState { embed: Some(yangpu_core::state::Embed::Report), ..ViewState::default() }),
            ""
        );
    }
}
