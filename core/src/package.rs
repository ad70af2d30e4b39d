//! The report's data package, the downloads for reuse: every figure as CSV and every figure,
//! achievement and milestone as JSON, each with its quote, the sentence of the source it is
//! in and a citation. The chart CSVs (`charts::export`) share its CSV writing and citation.

use crate::data::provenance::{sentence_of, source_sentences};
use crate::data::REPORT;
#[cfg(not(target_arch = "wasm32"))]
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

/// One CSV record (RFC 4180, CRLF), each field quoted only where it must be (csv crate).
#[cfg(not(target_arch = "wasm32"))]
pub fn csv_line(fields: &[&str]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(fields).expect("a record in memory");
    String::from_utf8(writer.into_inner().expect("a record in memory")).expect("UTF-8 fields")
}

/// The sentence of the source that contains `quote`.
pub fn source_sentence(quote: &str) -> &'static str {
    let all = source_sentences();
    sentence_of(all, REPORT.source, quote).map_or("", |s| s.text(REPORT.source))
}

/// Every figure of the report as CSV, with its quote, source sentence and a citation; the
/// words in both languages (the `_zh` columns).
#[cfg(not(target_arch = "wasm32"))]
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

/// A figure's value as JSON writes it: a whole number without a decimal point.
#[cfg(not(target_arch = "wasm32"))]
fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Value::from(v)
    }
}

/// Every figure, achievement and milestone as JSON, each with its quote and source sentence
/// (serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn report_json() -> String {
    use serde_json::{json, Map, Value};
    let lower = |d: String| d.to_lowercase();
    let figures: Vec<Value> = REPORT
        .figures
        .iter()
        .map(|f| {
            let mut o = Map::new();
            o.insert("id".into(), f.id.into());
            o.insert("section".into(), f.section.into());
            o.insert("label".into(), f.label.en.into());
            o.insert("label_zh".into(), f.label.zh.into());
            o.insert("value".into(), json_number(f.value));
            if let Some(from) = f.from {
                o.insert("from".into(), json_number(from));
            }
            o.insert("qualifier".into(), lower(format!("{:?}", f.qualifier)).into());
            o.insert("kind".into(), lower(format!("{:?}", f.kind)).into());
            o.insert("unit".into(), f.unit.en.into());
            o.insert("unit_zh".into(), f.unit.zh.into());
            o.insert("value_as_stated".into(), format::with_unit(f, Lang::En).into());
            o.insert("value_as_stated_zh".into(), format::with_unit(f, Lang::Zh).into());
            o.insert("period".into(), f.period.en.into());
            o.insert("period_zh".into(), f.period.zh.into());
            o.insert("quote".into(), f.quote.into());
            o.insert("source_sentence".into(), source_sentence(f.quote).into());
            Value::Object(o)
        })
        .collect();
    let achievements: Vec<Value> = REPORT
        .achievements
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "section": a.section,
                "label": a.label.en,
                "label_zh": a.label.zh,
                "quote": a.quote,
                "source_sentence": source_sentence(a.quote),
            })
        })
        .collect();
    let milestones: Vec<Value> = REPORT
        .milestones
        .iter()
        .map(|m| {
            let mut o = Map::new();
            o.insert("id".into(), m.id.into());
            o.insert("date".into(), m.date.into());
            o.insert("title".into(), m.title.en.into());
            o.insert("title_zh".into(), m.title.zh.into());
            o.insert("quote".into(), m.quote.into());
            if let Some(basis) = m.basis {
                o.insert("date_basis".into(), basis.en.into());
                o.insert("date_basis_zh".into(), basis.zh.into());
            }
            o.insert("source_sentence".into(), source_sentence(m.quote).into());
            Value::Object(o)
        })
        .collect();
    let report = json!({
        "title": REPORT.title.en,
        "title_zh": REPORT.title.zh,
        "period": REPORT.period.en,
        "citation": citation(Lang::En),
        "figures": figures,
        "achievements": achievements,
        "milestones": milestones,
    });
    report.to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_writes_a_whole_value_without_a_decimal_point() {
        // As the figures read ("421000", "52.3"); from 10^15 on, where a float stops being
        // exact as a whole number, as a float.
        assert_eq!(json_number(421000.0).to_string(), "421000");
        assert_eq!(json_number(52.3).to_string(), "52.3");
        assert_eq!(json_number(-3.0).to_string(), "-3");
        assert_eq!(json_number(1e15).to_string(), "1000000000000000.0");
        assert!(report_json().contains("\"value\":421000,"), "a figure's value in the package");
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
