//! The audit of every shipped text against the source. It reads what the
//! build writes, both pages with their heads, every download and the social images, and checks
//! that every number a reader can see or hear is a number of the source or a declared
//! derivation (`[[derived]]` in `data/report.toml`), that every quoted Chinese term and every
//! name is the source's or has its evidence (`[[term]]`), and Chinese typography.

#![cfg(feature = "ssr")]

mod html;
mod numbers;

use html::Piece;
use yangpu_core::data::numbers::number_tokens;
use yangpu_core::data::schema::{Derived, Term, TermStatus};
use yangpu_core::data::{REPORT, SOURCE};
use yangpu_core::i18n::Lang;

/// The check-only tables of `data/report.toml`, read with its schema.
struct Checks {
    derived: Vec<Derived>,
    term: Vec<Term>,
}

fn checks() -> Checks {
    let file = yangpu_core::data::report_file();
    Checks { derived: file.derived, term: file.term }
}

/// One shipped file's texts.
struct Shipped {
    file: String,
    pieces: Vec<Piece>,
    /// Pages and SVGs are checked for Chinese typography; CSV and JSON mix both languages in
    /// one line, so only their numbers and names are.
    typeset: bool,
}

fn shipped() -> Vec<Shipped> {
    let template = include_str!("../../index.html");
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let (file, page) = yangpu_report::prerender::page(template, lang, None).expect("the page renders");
        out.push(Shipped { file: file.into(), pieces: html::pieces(&page, lang), typeset: true });
    }
    for (file, content) in yangpu_report::prerender::downloads() {
        let lang = if file.contains("-zh.") || file.ends_with("-zh") { Lang::Zh } else { Lang::En };
        if file.ends_with(".svg") {
            out.push(Shipped { pieces: html::pieces(&content, lang), file, typeset: true });
        } else {
            // One piece per CSV field or JSON value: "100,100" is two numbers.
            let fields = if file.ends_with(".json") { json_values(&content) } else { csv_fields(&content) };
            let pieces = fields.into_iter().map(|text| Piece { text, lang }).collect();
            out.push(Shipped { pieces, file, typeset: false });
        }
    }
    for shape in yangpu_core::charts::social::ALL_SHAPES {
        for lang in [Lang::Zh, Lang::En] {
            out.push(Shipped {
                file: yangpu_core::charts::social::file_name(shape, lang),
                pieces: html::pieces(&yangpu_report::prerender::social_svg(shape, lang), lang),
                typeset: true,
            });
        }
    }
    // The pictures to share, with their QR code and without (in words, where the report is).
    let base = yangpu_report::head::BaseUrl::parse("https://example.gov.cn/yangpu/").expect("an address");
    for view in yangpu_core::share::picture::View::all() {
        for lang in [Lang::Zh, Lang::En] {
            for base in [None, Some(&base)] {
                out.push(Shipped {
                    file: yangpu_core::share::picture::file_name(view, lang),
                    pieces: html::pieces(&yangpu_report::prerender::picture_svg(view, lang, base), lang),
                    typeset: true,
                });
            }
        }
    }
    out
}

/// Every string and number of a JSON file, read by serde_json.
fn json_values(content: &str) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Number(n) => out.push(n.to_string()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_str(content).expect("the JSON download parses"), &mut out);
    out.retain(|f| !f.is_empty());
    out
}

/// The fields of a CSV file, read by the csv crate (RFC 4180).
fn csv_fields(content: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(content.as_bytes());
    let mut fields: Vec<String> = reader
        .records()
        .flat_map(|r| r.expect("a CSV record").iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    fields.retain(|f| !f.is_empty());
    fields
}

/// The numbers a reader may meet: every number of the source (each one accounted for in
/// report.toml as a figure, a date or not a figure, which `data::validate` proves), the
/// milestones' dates, and the declared derivations.
fn allowed_numbers(checks: &Checks) -> Vec<f64> {
    let mut allowed: Vec<f64> =
        number_tokens(SOURCE).iter().filter_map(|t| numbers::token_value(t.text, t.value)).collect();
    for m in REPORT.milestones {
        allowed.extend(m.year().map(f64::from));
        allowed.extend(m.month().map(f64::from));
    }
    for d in &checks.derived {
        assert!(!d.reason.trim().is_empty(), "a derivation without its reason: {:?}", d.values);
        allowed.extend(&d.values);
    }
    allowed
}

/// Every number in the shipped texts that is not allowed, as "file: number in «text»".
fn numbers_not_from_the_data(files: &[Shipped], allowed: &[f64]) -> Vec<String> {
    let mut problems = Vec::new();
    for f in files {
        for piece in &f.pieces {
            for n in numbers::numbers(&piece.text) {
                if !allowed.iter().any(|a| (a - n.value).abs() < 1e-9) {
                    problems.push(format!("{}: {:?} in «{}»", f.file, n.text, excerpt(&piece.text, &n.text)));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

fn excerpt(text: &str, around: &str) -> String {
    let at = text.find(around).unwrap_or(0);
    let start = text[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let end = text[at..].char_indices().nth(40).map_or(text.len(), |(i, _)| at + i);
    text[start..end].replace('\n', " ")
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The Chinese texts of the shipped files: pieces in Chinese that contain a Han character.
fn chinese(files: &[Shipped]) -> impl Iterator<Item = (&str, &str)> {
    files.iter().flat_map(|f| {
        f.pieces
            .iter()
            .filter(|p| p.lang == Lang::Zh && p.text.chars().any(is_han))
            .map(move |p| (f.file.as_str(), p.text.as_str()))
    })
}

/// The spans of `text` inside `open`…`close`.
fn quoted(text: &str, open: char, close: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let body = &rest[at + open.len_utf8()..];
        let Some(end) = body.find(close) else { break };
        out.push(&body[..end]);
        rest = &body[end + close.len_utf8()..];
    }
    out
}

/// Quoted Chinese terms («“…”») that have no `[[term]]` entry, or whose entry is only a
/// translation and whose text does not say so.
fn unconfirmed_terms(files: &[Shipped], terms: &[Term]) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, text) in chinese(files) {
        for term in quoted(text, '“', '”') {
            match terms.iter().find(|t| t.zh == term) {
                None => problems.push(format!("{file}: “{term}” has no [[term]] entry with its evidence, in «{text}»")),
                Some(t) if t.status == TermStatus::Translation && !text.contains("原文称") => {
                    problems.push(format!("{file}: “{term}” is a translation, not marked as one, in «{text}»"))
                }
                Some(_) => {}
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Chinese typography: no ASCII space or ASCII punctuation next to a Han character, «» and []
/// only around the English source's own words, the ellipsis as ……
fn typography(files: &[Shipped]) -> Vec<String> {
    let mut problems = Vec::new();
    for f in files.iter().filter(|f| f.typeset) {
        let one = std::slice::from_ref(f);
        for (file, text) in chinese(one) {
            let chars: Vec<char> = text.chars().collect();
            for (i, pair) in chars.windows(2).enumerate() {
                let (a, b) = (pair[0], pair[1]);
                let ascii = |c: char| c == ' ' || matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')');
                if (is_han(a) && ascii(b)) || (ascii(a) && is_han(b)) {
                    let at: String = chars[i.saturating_sub(6)..(i + 8).min(chars.len())].iter().collect();
                    problems.push(format!(
                        "{file}: ASCII {:?} next to a Han character in «{at}»",
                        if ascii(a) { a } else { b }
                    ));
                }
            }
            for body in quoted(text, '«', '»') {
                if !SOURCE.contains(&format!("«{body}»")) {
                    problems.push(format!("{file}: «{body}» in a Chinese text is not the English source's"));
                }
            }
            if let Some(open) = text.rfind('«').filter(|at| !text[*at..].contains('»')) {
                let tail: String = text[open..].chars().take_while(|c| c.is_ascii() || *c == '«').collect();
                let tail = tail.trim_end();
                if !SOURCE.contains(tail) {
                    problems.push(format!("{file}: {tail:?} in a Chinese text is not the English source's"));
                }
            }
            // A text that opens with a colon or a comma had a blank before it left empty (the
            // share picture's alt once read “：一图读懂……”).
            if text.trim_start().starts_with(['：', '，', '。', '；']) {
                problems.push(format!("{file}: a text opens with punctuation (an empty blank before it?): «{text}»"));
            }
            if text.contains('[') || text.contains(']') {
                problems.push(format!("{file}: [ ] in a Chinese text: «{text}»"));
            }
            if text.replace("……", "").contains('…') {
                problems.push(format!("{file}: a single … in Chinese (write ……): «{text}»"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Names in English texts (two or more capitalised words, "Science and Technology Awards")
/// that neither the source nor a `[[term]]` entry has. A sentence's first word is
/// capitalised anyway, so it does not start a name.
fn unsourced_names(files: &[Shipped], terms: &[Term]) -> Vec<String> {
    const JOINERS: [&str; 5] = ["and", "of", "the", "for", "in"];
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
    let ends_clause = |w: &str| w.ends_with(['.', ':', '?', '!', ';', ',', ')', '»', '”']);
    let mut problems = Vec::new();
    for f in files {
        for piece in f.pieces.iter().filter(|p| p.lang == Lang::En || !p.text.chars().any(is_han)) {
            let words: Vec<&str> = piece.text.split(|c: char| c.is_whitespace() || c == '«' || c == '“').collect();
            let mut i = 0;
            while i < words.len() {
                if !capital(words[i]) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                if !ends_clause(words[i]) {
                    while j < words.len() {
                        let joins = JOINERS.contains(&words[j]) && words.get(j + 1).is_some_and(|w| capital(w));
                        if !(capital(words[j]) || joins) {
                            break;
                        }
                        j += 1;
                        if ends_clause(words[j - 1]) {
                            break;
                        }
                    }
                }
                let sentence_start = i == 0 || ends_clause(words[i - 1]) && !words[i - 1].ends_with(',');
                let first = if sentence_start { i + 1 } else { i };
                let mut run: Vec<&str> = words[first.min(j)..j].to_vec();
                while run.first().is_some_and(|w| JOINERS.contains(w)) {
                    run.remove(0);
                }
                let name = run.join(" ");
                let name = name.trim_matches(|c: char| !c.is_alphanumeric());
                let name = name.trim_end_matches("’s").trim_end_matches("'s");
                if run.len() >= 2 && !SOURCE.contains(name) && !terms.iter().any(|t| t.en.contains(name)) {
                    problems.push(format!("{}: the name {name:?} is in neither the source nor [[term]]", f.file));
                }
                i = j;
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_a_reader_meets_comes_from_the_data() {
        let checks = checks();
        let files = shipped();
        assert!(files.len() > 20, "both pages, every download and the social images");
        let problems = numbers_not_from_the_data(&files, &allowed_numbers(&checks));
        assert!(
            problems.is_empty(),
            "numbers that are neither the source's nor a declared derivation:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn a_number_written_by_hand_is_caught() {
        // A takeaway that says 412,000 where the data says 421,000, in each language.
        let checks = checks();
        let allowed = allowed_numbers(&checks);
        for (lang, wrong) in [(Lang::En, "412,000 m² of old housing"), (Lang::Zh, "旧住房拆除重建和改造41.2万平方米")]
        {
            let files =
                vec![Shipped { file: "page".into(), pieces: vec![Piece { text: wrong.into(), lang }], typeset: true }];
            assert_eq!(numbers_not_from_the_data(&files, &allowed).len(), 1, "{wrong}");
        }
    }

    #[test]
    fn every_quoted_chinese_term_has_its_evidence() {
        let checks = checks();
        for t in &checks.term {
            // The schema admits only "official" and "translation".
            assert!(!t.evidence.trim().is_empty() && !t.en.trim().is_empty(), "{t:?}");
            if t.status == TermStatus::Official {
                assert!(t.evidence.contains(&t.zh), "the evidence of {} quotes it", t.zh);
            }
        }
        let problems = unconfirmed_terms(&shipped(), &checks.term);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // An unconfirmed series name in quotes is caught.
        let files = vec![Shipped {
            file: "page".into(),
            pieces: vec![Piece {
                text: "“奋进‘十四五’ 答好‘申’卷”系列新闻发布会".into(), lang: Lang::Zh
            }],
            typeset: true,
        }];
        assert_eq!(unconfirmed_terms(&files, &checks.term).len(), 1);
    }

    #[test]
    fn nothing_names_what_the_text_does_not() {
        let files = shipped();
        for f in &files {
            for p in &f.pieces {
                for banned in [
                    "奋进",
                    "答好",
                    "‘申’卷",
                    "区政府新闻发布会",
                    "district government’s",
                    "district's press",
                    "district’s press",
                ] {
                    assert!(!p.text.contains(banned), "{}: {banned:?} in «{}»", f.file, p.text);
                }
            }
        }
        let problems = unsourced_names(&files, &checks().term);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn chinese_is_typeset_as_chinese() {
        let problems = typography(&shipped());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        let bad = [
            "报告引用的句子已 标出",
            "按 Esc 键",
            "分享…",
            "[文本在此处句中中断。]",
            "见«Four Innovation Capabilities»",
            "数据(原文)",
            "：一图读懂，含主要数据、图表和出处",
        ];
        for text in bad {
            let files = vec![Shipped {
                file: "page".into(),
                pieces: vec![Piece { text: text.into(), lang: Lang::Zh }],
                typeset: true,
            }];
            let found = typography(&files);
            // The English source's own words in «» are allowed; everything else is caught.
            assert_eq!(found.is_empty(), text.contains("«Four"), "{text}: {found:?}");
        }
    }
}
