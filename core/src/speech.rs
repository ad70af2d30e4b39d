//! What "Read aloud" says, written for the ear in each language: a section or a chart as a
//! listener should hear it. Each figure is said once, the period as "2021年至2025年" / "2021
//! to 2025", and nothing is said that only makes sense on screen: no symbol (« » → + — /), no
//! note on the source's wording and no chart-type word (the screen reader's label keeps
//! those). Composed natively, so the tests read every spoken text; the page puts them on its
//! read-aloud buttons.

use crate::charts::ChartId;
use crate::data::numbers::number_tokens;
use crate::data::{ItemId, Section, REPORT};
use crate::format;
use crate::i18n::Lang;

/// The report's period as it is said: "2021 to 2025", "2021年至2025年" (from the data's
/// "2021–2025").
pub fn period(lang: Lang) -> String {
    let (first, last) = REPORT.period.en.split_once('–').unwrap_or((REPORT.period.en, REPORT.period.en));
    match lang {
        Lang::En => format!("{first} to {last}"),
        Lang::Zh => format!("{first}年至{last}年"),
    }
}

/// A text written for the screen, as it is said: the period spoken, a milestone's date
/// without its note on the source's words ("2025 («this year»)" → "2025"), "m²" as
/// words, "1+2+3+4" with its pluses said, and quotation marks left out (a voice does not say
/// them: the English source's «», and Chinese “”).
pub fn for_ear(text: &str, lang: Lang) -> String {
    let mut said = text.replace(REPORT.period.get(lang), &period(lang));
    for m in REPORT.milestones.iter().filter(|m| m.said.is_some()) {
        said = said.replace(&format::milestone_date(m, lang), &format::date(m.date, lang));
    }
    let (plus, to) = match lang {
        Lang::En => (" plus ", " to "),
        Lang::Zh => ("加", "至"),
    };
    let said = said.replace(" m²", " square metres").replace(" → ", to).replace(['«', '»', '“', '”'], "");
    // "1+2+3+4": a plus between digits is said; a sign ("+50.2%") or a lower bound
    // ("20,000+") is not spelled out here (the spoken forms say 增长, "over").
    let chars: Vec<char> = said.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let between_digits =
            i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match c {
            '+' if between_digits => out.push_str(plus),
            c => out.push(*c),
        }
    }
    out
}

/// A chart as it is said: what it shows, in its own sentences for the ear (`ChartId::aloud`:
/// whole without the title, which its button already names; the description, for the screen
/// reader, would say the figures again with the chart's shapes).
pub fn chart(chart: ChartId, lang: Lang) -> String {
    for_ear(&chart.aloud(lang), lang)
}

/// A section as it is said: its title and lead, what each of its charts shows, the figures no
/// chart of it says, and its achievements but those a chart already said (one of its
/// sentences in the source). A time phrase that opens two sentences in a row ("“十四五”以来，")
/// is said once.
pub fn section(section: &Section, lang: Lang) -> String {
    let stop = crate::i18n::ui::FULL_STOP.get(lang);
    let lead = match lang {
        Lang::En => section.lead_quote,
        Lang::Zh => section.lead_zh,
    };
    let charts: Vec<ChartId> = ChartId::ALL.into_iter().filter(|c| c.section() == section.id).collect();
    let mut parts = vec![format!("{}{stop}", section.title.get(lang)), lead.to_string()];
    for c in &charts {
        let said = c.aloud(lang);
        let said = match parts.last().and_then(|last| opening_phrase(last, lang)) {
            Some(phrase) if said.starts_with(phrase) => capitalised(&said[phrase.len()..], lang),
            _ => said,
        };
        parts.push(said);
    }
    let items: Vec<ItemId> = charts.iter().flat_map(|c| c.item_ids()).collect();
    for f in REPORT.figures_in(section.id).filter(|f| !items.contains(&ItemId::Figure(f.key))) {
        // As the fact lists write it: "Label: value" in English, 新建学校14所 in Chinese.
        let colon = if lang == Lang::En { crate::charts::colon(lang) } else { "" };
        parts.push(format!("{}{colon}{}{stop}", f.label.get(lang), format::spoken(f, lang)));
    }
    let charts_sentences: Vec<&str> = items.iter().map(|id| crate::package::source_sentence(id.quote())).collect();
    for a in REPORT.achievements_in(section.id) {
        if !charts_sentences.contains(&crate::package::source_sentence(a.quote)) {
            parts.push(format!("{}{stop}", a.label.get(lang)));
        }
    }
    for_ear(&parts.join(crate::i18n::space(lang)), lang)
}

/// The phrase that opens `sentence` up to its first comma, with the comma: "“十四五”以来，",
/// "Since the start of the period, ".
fn opening_phrase(sentence: &str, lang: Lang) -> Option<&str> {
    let comma = match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    };
    sentence.find(comma).map(|at| &sentence[..at + comma.len()])
}

/// `text` with its first letter capitalised in English (it now opens the sentence).
fn capitalised(text: &str, lang: Lang) -> String {
    let mut chars = text.chars();
    match (lang, chars.next()) {
        (Lang::En, Some(first)) => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// Symbols a listener would hear as noise, or not at all: « » → + / and the dashes of ranges.
const SYMBOLS: [char; 7] = ['«', '»', '→', '+', '/', '—', '–'];
/// Words that belong to the screen: notes on the source's wording, and the chart's shapes
/// (compared without case).
const SCREEN_WORDS: [&str; 20] = [
    "据英文原文译",
    "原文为",
    "原文称",
    "英文原文",
    "方格",
    "圆点",
    "连线图",
    "柱状图",
    "时间轴",
    "in the text",
    "Timeline",
    "横条",
    "squares",
    "one square",
    "dots",
    "bar chart",
    "part-of-whole",
    "joined by a line",
    "two points",
    "m²",
];

/// What is wrong with `text` as something said aloud in `lang`: a symbol, a screen word, or
/// a figure of the report said more than once. Empty when it is fit for the ear.
pub fn problems(text: &str, lang: Lang) -> Vec<String> {
    let mut found = Vec::new();
    for c in SYMBOLS.into_iter().filter(|c| text.contains(*c)) {
        found.push(format!("the symbol {c:?}"));
    }
    let lower = text.to_lowercase();
    for w in SCREEN_WORDS.into_iter().filter(|w| lower.contains(&w.to_lowercase())) {
        found.push(format!("the screen word {w:?}"));
    }
    if text.contains("  ") || text != text.trim() {
        found.push("a double or an outer space".to_string());
    }
    let values = said_values(text, lang);
    for f in REPORT.figures {
        for v in std::iter::once(f.value).chain(f.from) {
            let times = values.iter().filter(|s| (**s - v).abs() < 1e-9).count();
            if times > 1 {
                found.push(format!("the figure {} said {times} times", format::number(v)));
            }
        }
    }
    found
}

/// The numbers said in `text`, with 万 read as ten thousand in Chinese.
fn said_values(text: &str, lang: Lang) -> Vec<f64> {
    number_tokens(text)
        .into_iter()
        .filter_map(|t| {
            let v = t.value?;
            let wan = lang == Lang::Zh && text[t.end..].starts_with('万');
            Some(if wan { v * 10_000.0 } else { v })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spoken text the report composes: each section's and each chart's, in each language.
    fn every_spoken_text() -> Vec<(String, Lang, String)> {
        let mut out = Vec::new();
        for lang in [Lang::Zh, Lang::En] {
            for s in REPORT.sections {
                out.push((format!("section {}", s.id), lang, section(s, lang)));
            }
            for c in ChartId::ALL {
                out.push((format!("chart {}", c.slug()), lang, chart(c, lang)));
            }
        }
        out
    }

    #[test]
    fn every_spoken_text_is_written_for_the_ear() {
        let texts = every_spoken_text();
        assert_eq!(texts.len(), 2 * (REPORT.sections.len() + ChartId::ALL.len()));
        for (what, lang, text) in texts {
            let problems = problems(&text, lang);
            assert!(problems.is_empty(), "{what} ({lang:?}) says {problems:?}: «{text}»");
        }
    }

    #[test]
    fn each_chart_says_every_figure_it_shows() {
        // A section leaves a chart's figures to its sentences for the ear: each must be said.
        for lang in [Lang::Zh, Lang::En] {
            for c in ChartId::ALL {
                let said = said_values(&chart(c, lang), lang);
                for f in c.item_ids().into_iter().filter_map(ItemId::figure) {
                    for v in std::iter::once(f.value).chain(f.from) {
                        assert!(said.iter().any(|s| (s - v).abs() < 1e-9), "{} ({lang:?}) never says {v}", c.slug());
                    }
                }
            }
        }
    }

    #[test]
    fn the_period_is_said_from_the_data() {
        // report.toml: period = "2021–2025".
        assert_eq!(period(Lang::Zh), "2021年至2025年");
        assert_eq!(period(Lang::En), "2021 to 2025");
        assert_eq!(for_ear("“十四五”时期（2021—2025年）", Lang::Zh), "十四五时期（2021年至2025年）");
    }

    #[test]
    fn each_fault_is_heard() {
        let faults: [(&str, Lang); 11] = [
            ("时期为2021—2025年。", Lang::Zh),
            ("民生领域财政支出占比从43.5%升至52.3%。占比：从43.5%升至52.3%。", Lang::Zh),
            ("新建学校14所。新建学校：14所。", Lang::Zh),
            ("实现宜居梦想的家庭（“安居梦”据英文原文译）", Lang::Zh),
            ("方格图：每所一格。", Lang::Zh),
            ("“1+2+3+4”创新型现代化产业体系", Lang::Zh),
            ("Strengthening the «Four Innovation Capabilities»", Lang::En),
            ("Over 20,000 households. Households: over 20,000.", Lang::En),
            ("Public services.  Continuously improving. ", Lang::En),
            ("Bar chart of an index.", Lang::En),
            ("横条表示占比。", Lang::Zh),
        ];
        for (text, lang) in faults {
            assert!(!problems(text, lang).is_empty(), "not heard: {text}");
        }
        // 42.1万 is 421,000, said once here, and years are not figures.
        assert!(problems("旧住房拆除重建和改造42.1万平方米，2022年、2024年和2025年。", Lang::Zh).is_empty());
        assert!(!problems("42.1万平方米。421,000平方米。", Lang::Zh).is_empty(), "42.1万 = 421,000");
    }

    #[test]
    fn a_screen_text_becomes_one_for_the_ear() {
        let this_year =
            REPORT.milestones.iter().find(|m| m.said.is_some()).expect("report.toml: m2025 says «this year»");
        let shown = format::milestone_date(this_year, Lang::En);
        assert_ne!(shown, format::date(this_year.date, Lang::En), "the screen shows the note");
        assert_eq!(for_ear(&format!("achieved in {shown}."), Lang::En), "achieved in 2025.");
        assert_eq!(for_ear("告别“拎马桶”", Lang::Zh), "告别拎马桶");
        assert_eq!(for_ear("“1+2+3+4”", Lang::Zh), "1加2加3加4");
        assert_eq!(for_ear("the «1+2+3+4» system", Lang::En), "the 1 plus 2 plus 3 plus 4 system");
        assert_eq!(for_ear("421,000 m² of old housing", Lang::En), "421,000 square metres of old housing");
        // Only a plus between digits is said.
        assert_eq!(for_ear("up +50.2%, for 20,000+ households", Lang::En), "up +50.2%, for 20,000+ households");
    }
}
