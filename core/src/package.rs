//! The report's data package, the downloads for reuse: every figure as CSV and every figure,
//! achievement and milestone as JSON, each with its quote, the sentence of the source it is
//! in and a citation. The chart CSVs (`charts::export`) share its CSV writing and citation.

use crate::data::provenance::{sentence_of, source_sentences};
use crate::data::REPORT;
use crate::format;
use crate::i18n::{Lang, Text};

/// File names of the report's data package (in `downloads/`).
pub const FIGURES_CSV: &str = "yangpu-report-figures.csv";
pub const REPORT_JSON: &str = "yangpu-report.json";

/// How to cite the source in downloads.
pub const CITATION: Text = Text {
    en: "Source: Shanghai Municipal Government Information Office, press conference on Yangpu District’s 14th Five-Year Plan achievements, the sixth in the {series} series (English text).",
    // No series title in Chinese: the series has no confirmed Chinese title, and its English
    // one («…») is not set inside Chinese text (data/chinese-style.md).
    zh: "来源：上海市人民政府新闻办公室举行的杨浦区“十四五”时期建设发展成就新闻发布会（上海“十四五”成就系列第六场）英文文本。",
};

/// The citation in `lang`, with the series' English title from the data.
pub fn citation(lang: Lang) -> String {
    CITATION.fill(lang, &[("series", REPORT.series_title())])
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn csv_line(fields: &[&str]) -> String {
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\r\n"
}

/// The sentence of the source that contains `quote`.
pub fn source_sentence(quote: &str) -> &'static str {
    let all = source_sentences();
    sentence_of(all, REPORT.source, quote).map_or("", |s| s.text(REPORT.source))
}

/// Every figure of the report as CSV, with its quote, source sentence and a citation; the
/// words in both languages (the `_zh` columns).
pub fn figures_csv() -> String {
    let mut out = csv_line(&[
        "id",
        "section",
        "label",
        "label_zh",
        "value",
        "from",
        "qualifier",
        "kind",
        "unit",
        "unit_zh",
        "value_as_stated",
        "value_as_stated_zh",
        "period",
        "period_zh",
        "quote",
        "source_sentence",
        "citation",
    ]);
    for f in REPORT.figures {
        let value = format::number(f.value).replace(',', "");
        let from = f.from.map(|v| format::number(v).replace(',', "")).unwrap_or_default();
        out += &csv_line(&[
            f.id,
            f.section,
            f.label.en,
            f.label.zh,
            &value,
            &from,
            &format!("{:?}", f.qualifier).to_lowercase(),
            &format!("{:?}", f.kind).to_lowercase(),
            f.unit.en,
            f.unit.zh,
            &format::with_unit(f, Lang::En),
            &format::with_unit(f, Lang::Zh),
            f.period.en,
            f.period.zh,
            f.quote,
            source_sentence(f.quote),
            &citation(Lang::En),
        ]);
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every figure, achievement and milestone as JSON, each with its quote and source sentence.
pub fn report_json() -> String {
    let field = |k: &str, v: String| format!("{}:{}", json_string(k), v);
    let s = |v: &str| json_string(v);
    let figures: Vec<String> = REPORT
        .figures
        .iter()
        .map(|f| {
            let mut fields = vec![
                field("id", s(f.id)),
                field("section", s(f.section)),
                field("label", s(f.label.en)),
                field("label_zh", s(f.label.zh)),
                field("value", format!("{}", f.value)),
            ];
            if let Some(from) = f.from {
                fields.push(field("from", format!("{from}")));
            }
            fields.extend([
                field("qualifier", s(&format!("{:?}", f.qualifier).to_lowercase())),
                field("kind", s(&format!("{:?}", f.kind).to_lowercase())),
                field("unit", s(f.unit.en)),
                field("unit_zh", s(f.unit.zh)),
                field("value_as_stated", s(&format::with_unit(f, Lang::En))),
                field("value_as_stated_zh", s(&format::with_unit(f, Lang::Zh))),
                field("period", s(f.period.en)),
                field("period_zh", s(f.period.zh)),
                field("quote", s(f.quote)),
                field("source_sentence", s(source_sentence(f.quote))),
            ]);
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    let achievements: Vec<String> = REPORT
        .achievements
        .iter()
        .map(|a| {
            format!(
                "{{{}}}",
                [
                    field("id", s(a.id)),
                    field("section", s(a.section)),
                    field("label", s(a.label.en)),
                    field("label_zh", s(a.label.zh)),
                    field("quote", s(a.quote)),
                    field("source_sentence", s(source_sentence(a.quote)))
                ]
                .join(",")
            )
        })
        .collect();
    let milestones: Vec<String> = REPORT
        .milestones
        .iter()
        .map(|m| {
            let mut fields = vec![
                field("id", s(m.id)),
                field("date", s(m.date)),
                field("title", s(m.title.en)),
                field("title_zh", s(m.title.zh)),
                field("quote", s(m.quote)),
            ];
            if let Some(basis) = m.basis {
                fields.push(field("date_basis", s(basis.en)));
                fields.push(field("date_basis_zh", s(basis.zh)));
            }
            fields.push(field("source_sentence", s(source_sentence(m.quote))));
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    format!(
        "{{{},{},{},{},{},{},{}}}\n",
        field("title", s(REPORT.title.en)),
        field("title_zh", s(REPORT.title.zh)),
        field("period", s(REPORT.period.en)),
        field("citation", s(&citation(Lang::En))),
        field("figures", format!("[{}]", figures.join(","))),
        field("achievements", format!("[{}]", achievements.join(","))),
        field("milestones", format!("[{}]", milestones.join(","))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters_only() {
        // RFC 8259: quote, backslash and the characters below U+0020 are escaped; nothing else.
        assert_eq!(json_string("plain «杨浦» 50.2%"), "\"plain «杨浦» 50.2%\"");
        assert_eq!(json_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(json_string("1\n2\r3\t4"), "\"1\\n2\\r3\\t4\"");
        assert_eq!(json_string("\u{1}\u{1f} "), "\"\\u0001\\u001f \"");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        // RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
        assert_eq!(
            csv_line(&["a", "b c", "x,y", "say \"hi\"", "1\n2"]),
            "a,b c,\"x,y\",\"say \"\"hi\"\"\",\"1\n2\"\r\n"
        );
    }
}
