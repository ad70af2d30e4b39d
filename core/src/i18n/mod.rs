//! The report in two languages. Every piece of text the reader sees is a [`Text`], which
//! cannot be built without both languages, so a missing translation is a compile error:
//! interface words live in [`ui`], the data's words in `data/report.toml` (core/build.rs requires
//! both), and each chart's own words next to the chart that draws them.

pub mod ui;

/// The reader's language. Chinese is the report's first language (most readers read it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `lang` attributes and speech synthesis.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The URL value (`?lang=`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language a browser tag ("zh-TW", "en-GB", "fr") asks for: Chinese for any
    /// Chinese tag, English otherwise (the report has no third language).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// The space between words and what follows them: " " in English, none in Chinese, which
/// sets no space between a Han character and the next word or link.
pub fn space(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
    }
}

/// A text in both languages. Templates name their blanks: `{n}`, `{title}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The template in `lang` with its blanks filled: `fill(lang, &[("n", "3")])`.
    pub fn fill(&self, lang: Lang, blanks: &[(&str, &str)]) -> String {
        let mut out = self.get(lang).to_string();
        for (name, value) in blanks {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// A blank's name: letters, digits and `_` ("{title}", "{n}"). JSON's `{"id"` and CSS's
/// `{ color` are not blanks.
fn is_blank_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The blanks a template names, in order: "{a} of {b}" → ["a", "b"].
pub fn blanks(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| is_blank_name(name))
        .collect();
    names.sort_unstable();
    names
}

/// Blanks left unfilled in a finished text (a shipped page, SVG, CSV or JSON), each as the
/// text just before it and itself ("<meta content={title}"), for the message that names it.
pub fn blanks_left(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices('{') {
        let Some((name, _)) = text[at + 1..].split_once('}') else { continue };
        if is_blank_name(name) {
            let start = text[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
            found.push(text[start..at + name.len() + 2].to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_left_in_a_finished_text_is_found_and_json_is_not_one() {
        // The head Trunk's minifier once shipped, unquoted.
        assert_eq!(blanks_left("<meta content={title} property=og:title>"), ["<meta content={title}"]);
        assert_eq!(blanks_left("a \"{period_zh}\" b {1}").len(), 2, "the grammar of `blanks`");
        assert!(blanks_left("{\"id\":1,\"x\":{\"y\":2}} .a { color: red } {} {a b}").is_empty());
        for template in ["{title}", "第{i}项，共{n}项"] {
            assert_eq!(blanks_left(template).len(), blanks(template).len(), "{template}");
        }
    }

    #[test]
    fn browser_tags_choose_a_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("z"), Lang::En);
    }

    #[test]
    fn templates_fill_their_blanks() {
        let t = Text { en: "{i} of {n}", zh: "第{i}项，共{n}项" };
        assert_eq!(t.fill(Lang::En, &[("i", "2"), ("n", "6")]), "2 of 6");
        assert_eq!(t.fill(Lang::Zh, &[("i", "2"), ("n", "6")]), "第2项，共6项");
        assert_eq!(blanks(t.en), ["i", "n"]);
        assert_eq!(blanks(t.zh), ["i", "n"]);
    }

    #[test]
    fn each_language_has_its_tag_code_space_and_other() {
        // The README: <html lang> and speech use "zh-CN" and "en"; links use ?lang=zh|en.
        assert_eq!(Lang::Zh.tag(), "zh-CN");
        assert_eq!(Lang::En.tag(), "en");
        assert_eq!(Lang::Zh.code(), "zh");
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Zh);
        assert_eq!(space(Lang::En), " ");
        assert_eq!(space(Lang::Zh), "");
    }

    #[test]
    fn only_well_formed_names_are_blanks() {
        assert_eq!(blanks("{a} {} {b c} {d_1} {e"), ["a", "d_1"]);
        assert_eq!(blanks("{x-y} {ü} {Z9}"), ["Z9"]);
        assert_eq!(blanks("no blanks"), Vec::<&str>::new());
    }
}
