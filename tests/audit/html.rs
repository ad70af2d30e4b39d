//! The texts a reader meets in an HTML or SVG file, as a browser parses it (scraper, on
//! html5ever): text nodes, and the attributes that are shown or spoken (aria-label, title,
//! alt, read-aloud texts, the head's descriptions), each with the language it is in (`lang`
//! attributes inherited), outside scripts and styles.

use scraper::{ElementRef, Html, Node};
use yangpu_core::i18n::Lang;
use yangpu_report::components::{ReadAloudIsland, ShareIsland};

/// One text of a file, in the language of the element around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub lang: Lang,
}

/// Attributes whose values a reader sees or hears.
/// The islands' own are named by their props types, so a renamed one is still read.
const SHOWN_ATTRIBUTES: [&str; 7] =
    ["aria-label", "title", "alt", "placeholder", ReadAloudIsland::TEXT, ReadAloudIsland::LABEL, ShareIsland::LABEL];
/// `<meta>` whose `content` is shown (descriptions, titles, image text).
const SHOWN_META: [&str; 3] = ["description", "title", "alt"];

/// Every text of `html` (a page, or an SVG file), parsed as a browser parses it, starting in
/// `lang` (an `<html lang>` or any `lang` attribute changes it).
pub fn pieces(html: &str, lang: Lang) -> Vec<Piece> {
    let document = Html::parse_document(html);
    let mut out = Vec::new();
    walk(document.root_element(), lang, &mut out);
    out
}

/// The texts of `el` and of everything in it, `lang` the language around it.
fn walk(el: ElementRef<'_>, lang: Lang, out: &mut Vec<Piece>) {
    let here = el.value().attr("lang").map_or(lang, Lang::from_tag);
    let name = el.value().name();
    let is_meta_shown = name == "meta"
        && ["name", "property"]
            .iter()
            .filter_map(|k| el.value().attr(k))
            .any(|v| SHOWN_META.iter().any(|m| v.contains(m)));
    for (k, v) in el.value().attrs() {
        if SHOWN_ATTRIBUTES.contains(&k) || (is_meta_shown && k == "content") {
            out.push(Piece { text: v.to_string(), lang: here });
        }
    }
    if name == "script" || name == "style" {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(text) if !text.trim().is_empty() => out.push(Piece { text: text.to_string(), lang: here }),
            Node::Element(_) => walk(ElementRef::wrap(child).expect("an element"), here, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_shown_attributes_with_their_language() {
        let html = r#"<html lang="zh-CN"><head><meta name="viewport" content="width=1"><meta name="description" content="说明 &amp; 1"><style>.a{}</style></head>
<body><p title="提示">中文<span lang="en">English &gt; 40%</span>后<br>文</p><svg><text x="3">图</text><rect/></svg><script>var x = 5;</script></body></html>"#;
        let got: Vec<(String, Lang)> = pieces(html, Lang::En).into_iter().map(|p| (p.text, p.lang)).collect();
        let want = [
            ("说明 & 1", Lang::Zh),
            ("提示", Lang::Zh),
            ("中文", Lang::Zh),
            ("English > 40%", Lang::En),
            ("后", Lang::Zh),
            ("文", Lang::Zh),
            ("图", Lang::Zh),
        ];
        let want: Vec<(String, Lang)> = want.iter().map(|(t, l)| (t.to_string(), *l)).collect();
        assert_eq!(got, want);
    }
}
