//! The texts a reader meets in an HTML or SVG file: text nodes, and the attributes that are
//! shown or spoken (aria-label, title, alt, read-aloud texts, the head's descriptions), each
//! with the language it is in (`lang` attributes inherited), outside scripts and styles.

use yangpu_core::i18n::Lang;

/// One text of a file, in the language of the element around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub lang: Lang,
}

/// Attributes whose values a reader sees or hears.
const SHOWN_ATTRIBUTES: [&str; 7] =
    ["aria-label", "title", "alt", "placeholder", "data-speak", "data-speak-label", "data-share-label"];
/// `<meta>` whose `content` is shown (descriptions, titles, image text).
const SHOWN_META: [&str; 3] = ["description", "title", "alt"];
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "!doctype"];

/// Every text of `html`, starting in `lang` (an `<html lang>` or any `lang` attribute changes it).
pub fn pieces(html: &str, lang: Lang) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, Lang)> = Vec::new();
    let mut rest = html;
    let current = |stack: &[(String, Lang)]| stack.last().map_or(lang, |(_, l)| *l);
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[1..end];
            rest = &rest[(end + 1).min(rest.len())..];
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                    stack.truncate(at);
                }
                continue;
            }
            let name: String =
                tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
            let attrs = attributes(tag);
            let here = match attrs.iter().find(|(k, _)| k == "lang") {
                Some((_, v)) => Lang::from_tag(v),
                None => current(&stack),
            };
            let is_meta_shown = name == "meta"
                && attrs
                    .iter()
                    .any(|(k, v)| (k == "name" || k == "property") && SHOWN_META.iter().any(|m| v.contains(m)));
            for (k, v) in &attrs {
                if SHOWN_ATTRIBUTES.contains(&k.as_str()) || (is_meta_shown && k == "content") {
                    out.push(Piece { text: decode(v), lang: here });
                }
            }
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                rest = rest.find(&close).map_or("", |i| &rest[i..]);
                continue;
            }
            if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
                stack.push((name, here));
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let text = decode(&rest[..next]);
        if !text.trim().is_empty() {
            out.push(Piece { text, lang: current(&stack) });
        }
        rest = &rest[next..];
    }
    out
}

/// The index of the `>` that closes the tag at the start of `s`, outside quoted values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    s.len()
}

/// A tag's attributes as (lower-case name, raw value).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].split_whitespace().last().unwrap_or("").to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let close = body.find(q).unwrap_or(body.len());
                (&body[..close], &body[(close + 1).min(body.len())..])
            }
            _ => {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..close], &after[close..])
            }
        };
        out.push((name, value.to_string()));
        rest = tail;
    }
    out
}

/// HTML character references, the few the renderers write.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(semi) = after.find(';').filter(|i| *i <= 8) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..at + 1 + semi + 1]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
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
