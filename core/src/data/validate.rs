//! The checks that make the data trustworthy: every quote occurs verbatim in the source,
//! every figure's number occurs in its own quote with its qualifier, and every number in
//! the source is used by some item or listed on purpose as not a figure.

use super::numbers::{number_tokens, NumberToken};
use super::provenance::{occurrences, sentences};
use super::{Qualifier, Report};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with the data, said so that the fix is obvious.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    EmptyQuote { item: String },
    QuoteNotFound { item: String, quote: String },
    QuoteCutsAWord { item: String, quote: String },
    QuoteSpansSentences { item: String },
    NumberNotInQuote { item: String, number: f64 },
    QualifierMismatch { item: String, says_over: bool },
    UnaccountedNumber { token: String, context: String },
    StaleNotAFigure { token: String, quote: String },
    DuplicateId { id: String },
    MilestonesOutOfOrder { earlier: String, later: String },
    BadDate { item: String, date: String },
    SaidNotInQuote { item: String, said: String },
    UnknownSection { item: String, section: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::EmptyQuote { item } => write!(f, "{item}: the quote is empty"),
            Problem::QuoteCutsAWord { item, quote } => {
                write!(f, "{item}: the quote starts or ends inside a word of the source: {quote:?}")
            }
            Problem::QuoteNotFound { item, quote } => {
                write!(f, "{item}: quote not found verbatim in the source: {quote:?}")
            }
            Problem::QuoteSpansSentences { item } => {
                write!(f, "{item}: quote runs over more than one sentence")
            }
            Problem::NumberNotInQuote { item, number } => {
                write!(f, "{item}: number {number} does not occur in its quote")
            }
            Problem::QualifierMismatch { item, says_over } => write!(
                f,
                "{item}: the quote {} \"over\" before the number, the data {}",
                if *says_over { "says" } else { "does not say" },
                if *says_over { "does not" } else { "does" }
            ),
            Problem::UnaccountedNumber { token, context } => {
                write!(
                    f,
                    "number {token:?} in the source is used by no item and not listed as not a figure: …{context}…"
                )
            }
            Problem::StaleNotAFigure { token, quote } => {
                write!(f, "not_a_figure {token:?} does not occur in {quote:?}")
            }
            Problem::DuplicateId { id } => write!(f, "id {id:?} is used more than once"),
            Problem::MilestonesOutOfOrder { earlier, later } => {
                write!(f, "milestone {later} comes after {earlier} but is not later")
            }
            Problem::SaidNotInQuote { item, said } => {
                write!(f, "{item}: `said` {said:?} is not in the milestone's quote")
            }
            Problem::BadDate { item, date } => {
                write!(f, "{item}: date {date:?} is not YYYY or YYYY-MM")
            }
            Problem::UnknownSection { item, section } => {
                write!(f, "{item}: unknown section {section:?}")
            }
        }
    }
}

/// An item's quote and the numbers it declares, for the checks that treat all items alike.
struct Cited<'a> {
    item: String,
    quote: &'a str,
    /// Numbers (by value) this item uses from its quote.
    values: Vec<f64>,
    /// Tokens (as written) this item accounts for without using them as figures.
    tokens: &'a [&'a str],
}

/// Runs every check of `report` against `source` and returns all problems found.
pub fn validate(report: &Report, source: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let cited = cited_items(report);
    check_quotes(&cited, source, &mut problems);
    check_figures(report, &mut problems);
    check_accounting(&cited, source, &mut problems);
    check_ids_and_sections(report, &mut problems);
    check_milestones(report, &mut problems);
    problems
}

fn cited_items(report: &Report) -> Vec<Cited<'static>> {
    let mut cited = Vec::new();
    let plain = |item: String, quote: &'static str| Cited { item, quote, values: vec![], tokens: &[] };
    cited.push(plain("concept_quote".into(), report.concept_quote));
    cited.push(plain("series_quote".into(), report.series_quote));
    for s in report.sections {
        cited.push(plain(format!("section {}", s.id), s.lead_quote));
    }
    for f in report.figures {
        let values = std::iter::once(f.value).chain(f.from).collect();
        cited.push(Cited { item: f.id.into(), quote: f.quote, values, tokens: &[] });
    }
    for a in report.achievements {
        cited.push(plain(a.id.into(), a.quote));
    }
    for m in report.milestones {
        // A year the text states must be in the quote; one it implies has a `basis`.
        let values = if m.basis.is_none() { m.year().map(f64::from).into_iter().collect() } else { vec![] };
        cited.push(Cited { item: m.id.into(), quote: m.quote, values, tokens: &[] });
    }
    for n in report.not_figures {
        cited.push(Cited {
            item: format!("not_a_figure {:?}", n.tokens),
            quote: n.quote,
            values: vec![],
            tokens: n.tokens,
        });
    }
    cited
}

fn check_quotes(cited: &[Cited], source: &str, problems: &mut Vec<Problem>) {
    let all = sentences(source);
    for c in cited {
        if c.quote.trim().is_empty() {
            problems.push(Problem::EmptyQuote { item: c.item.clone() });
            continue;
        }
        let Some(at) = source.find(c.quote) else {
            problems.push(Problem::QuoteNotFound { item: c.item.clone(), quote: c.quote.into() });
            continue;
        };
        let end = at + c.quote.len();
        if !occurrences(source, c.quote).iter().any(|r| at_word_boundaries(source, r.start, r.end)) {
            problems.push(Problem::QuoteCutsAWord { item: c.item.clone(), quote: c.quote.into() });
        }
        if !all.iter().any(|s| s.range.start <= at && end <= s.range.end) {
            problems.push(Problem::QuoteSpansSentences { item: c.item.clone() });
        }
        let tokens = number_tokens(c.quote);
        for v in &c.values {
            if !tokens.iter().any(|t| same(t.value, *v)) {
                problems.push(Problem::NumberNotInQuote { item: c.item.clone(), number: *v });
            }
        }
        for t in c.tokens {
            if !tokens.iter().any(|n| n.text == *t) {
                problems.push(Problem::StaleNotAFigure { token: (*t).into(), quote: c.quote.into() });
            }
        }
    }
}

/// Whether `source[start..end]` begins and ends at a word boundary: no letter or digit of
/// the same word just outside it, so a quote cannot drop a word's first or last letter.
fn at_word_boundaries(source: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let before = source[..start].chars().next_back();
    let first = source[start..end].chars().next();
    let last = source[start..end].chars().next_back();
    let after = source[end..].chars().next();
    let joins = |outside: Option<char>, inside: Option<char>| outside.is_some_and(word) && inside.is_some_and(word);
    !joins(before, first) && !joins(after, last)
}

fn check_figures(report: &Report, problems: &mut Vec<Problem>) {
    for f in report.figures {
        let tokens = number_tokens(f.quote);
        if let Some(t) = tokens.iter().find(|t| same(t.value, f.value)) {
            let says_over = f.quote[..t.start].ends_with("over ");
            if says_over != (f.qualifier == Qualifier::Over) {
                problems.push(Problem::QualifierMismatch { item: f.id.into(), says_over });
            }
        }
    }
}

fn check_accounting(cited: &[Cited], source: &str, problems: &mut Vec<Problem>) {
    let spans: Vec<(std::ops::Range<usize>, &Cited)> =
        cited.iter().flat_map(|c| occurrences(source, c.quote).into_iter().map(move |r| (r, c))).collect();
    for token in number_tokens(source) {
        let accounted =
            spans.iter().any(|(range, c)| range.start <= token.start && token.end <= range.end && declares(c, &token));
        if !accounted {
            let from = floor_char(source, token.start.saturating_sub(30));
            let to = floor_char(source, (token.end + 30).min(source.len()));
            problems.push(Problem::UnaccountedNumber { token: token.text.into(), context: source[from..to].into() });
        }
    }
}

fn declares(c: &Cited, token: &NumberToken) -> bool {
    c.tokens.contains(&token.text) || c.values.iter().any(|v| same(token.value, *v))
}

fn check_ids_and_sections(report: &Report, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    let ids = report.figures.iter().map(|f| f.id).chain(report.achievements.iter().map(|a| a.id));
    let ids = ids.chain(report.milestones.iter().map(|m| m.id)).chain(report.sections.iter().map(|s| s.id));
    for id in ids {
        if !seen.insert(id) {
            problems.push(Problem::DuplicateId { id: id.into() });
        }
    }
    let sections = report.figures.iter().map(|f| (f.id, Some(f.section)));
    let sections = sections.chain(report.achievements.iter().map(|a| (a.id, Some(a.section))));
    let sections = sections.chain(report.milestones.iter().map(|m| (m.id, m.section)));
    for (item, section) in sections {
        if let Some(section) = section.filter(|s| report.section(s).is_none()) {
            problems.push(Problem::UnknownSection { item: item.into(), section: section.into() });
        }
    }
}

fn check_milestones(report: &Report, problems: &mut Vec<Problem>) {
    let mut previous: Option<(&str, (u16, u8))> = None;
    for m in report.milestones {
        if let Some(said) = m.said.filter(|s| !m.quote.contains(s.en)) {
            problems.push(Problem::SaidNotInQuote { item: m.id.into(), said: said.en.into() });
        }
        let well_formed =
            matches!(m.date.len(), 4 | 7) && m.year().is_some() && (m.date.len() == 4 || m.month().is_some());
        if !well_formed {
            problems.push(Problem::BadDate { item: m.id.into(), date: m.date.into() });
            continue;
        }
        let key = (m.year().unwrap_or_default(), m.month().unwrap_or(0));
        if let Some((earlier, prev)) = previous {
            if key <= prev {
                problems.push(Problem::MilestonesOutOfOrder { earlier: earlier.into(), later: m.id.into() });
            }
        }
        previous = Some((m.id, key));
    }
}

fn same(token: Option<f64>, value: f64) -> bool {
    token.is_some_and(|t| (t - value).abs() < 1e-9)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{FigureId, REPORT, SOURCE};

    fn report_problems(source: &str) -> Vec<String> {
        validate(&REPORT, source).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_report_data_passes_every_check() {
        let problems = report_problems(SOURCE);
        assert!(problems.is_empty(), "data problems:\n{}", problems.join("\n"));
    }

    #[test]
    fn a_quote_with_one_character_changed_fails() {
        // Change "421,000" to "421,001" in the source: the figure's quote no longer occurs.
        let changed = SOURCE.replacen("421,000 square", "421,001 square", 1);
        assert_ne!(changed, SOURCE);
        let problems = validate(&REPORT, &changed);
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::QuoteNotFound { item, .. } if item == "housing.area_renovated")),
            "{problems:?}"
        );
        // A change of a letter, not a digit, is caught too.
        let changed = SOURCE.replacen("senior canteens", "senior canteen", 1);
        let problems = validate(&REPORT, &changed);
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::QuoteNotFound { item, .. } if item == "services.elderly_care")));
    }

    #[test]
    fn an_extra_number_in_the_source_fails() {
        let changed =
            SOURCE.replacen("14 new schools have been built", "14 new schools and 3 clinics have been built", 1);
        assert_ne!(changed, SOURCE);
        let problems = validate(&REPORT, &changed);
        assert!(
            problems.iter().any(|p| matches!(p, Problem::UnaccountedNumber { token, .. } if token == "3")),
            "{problems:?}"
        );
        // A number in words is caught as well.
        let changed = SOURCE.replacen("High-level medical", "Seven high-level medical", 1);
        let problems = validate(&REPORT, &changed);
        assert!(problems.iter().any(|p| matches!(p, Problem::UnaccountedNumber { token, .. } if token == "Seven")));
    }

    #[test]
    fn a_number_outside_its_quote_or_a_lost_qualifier_fails() {
        let mut report = REPORT;
        let mut figures = REPORT.figures.to_vec();
        figures[0].value = 421_001.0;
        figures[1].qualifier = Qualifier::Exact;
        report.figures = figures.leak();
        let problems = validate(&report, SOURCE);
        assert!(
            problems.contains(&Problem::NumberNotInQuote { item: "housing.area_renovated".into(), number: 421_001.0 })
        );
        assert!(problems.contains(&Problem::QualifierMismatch { item: "housing.households".into(), says_over: true }));
    }

    #[test]
    fn duplicate_ids_and_unordered_milestones_fail() {
        let mut report = REPORT;
        let mut milestones = REPORT.milestones.to_vec();
        milestones.swap(0, 1);
        milestones[2].id = milestones[3].id;
        report.milestones = milestones.leak();
        let problems = validate(&report, SOURCE);
        assert!(problems.iter().any(|p| matches!(p, Problem::MilestonesOutOfOrder { .. })), "{problems:?}");
        assert!(problems.iter().any(|p| matches!(p, Problem::DuplicateId { .. })), "{problems:?}");
    }

    #[test]
    fn an_empty_quote_or_one_that_cuts_a_word_fails() {
        let mut report = REPORT;
        let mut achievements = REPORT.achievements.to_vec();
        achievements[0].quote = "";
        // "Three major goals were achieved over the five years" without its first and last letter.
        achievements[1].quote = "hree major goals were achieved over the five year";
        achievements[2].quote = "Three major goals were achieved over the five year";
        report.achievements = achievements.leak();
        let problems = validate(&report, SOURCE);
        let item = |i: usize| REPORT.achievements[i].id.to_string();
        assert!(problems.contains(&Problem::EmptyQuote { item: item(0) }), "{problems:?}");
        assert!(problems.iter().any(|p| matches!(p, Problem::QuoteCutsAWord { item: i, .. } if *i == item(1))));
        assert!(problems.iter().any(|p| matches!(p, Problem::QuoteCutsAWord { item: i, .. } if *i == item(2))));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_source_copy_is_unchanged() {
        use sha2::Digest as _;
        // The checksum is committed beside the source, so a clean clone checks it too.
        let expected = include_str!("../../../data/source.en.txt.sha256").split_whitespace().next().unwrap_or("");
        let actual: String = sha2::Sha256::digest(SOURCE.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(actual, expected, "data/source.en.txt has changed: it must stay the press-conference text");
        // The shared original also sits beside the checkout on the team's machines.
        let original = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/source/yangpu-press-conference.en.txt");
        if let Ok(text) = std::fs::read_to_string(original) {
            assert_eq!(text, SOURCE, "data/source.en.txt differs from the shared source");
        }
        assert!(SOURCE.ends_with("«AI"), "the source is cut off at «AI and must stay so");
    }

    #[test]
    fn the_report_covers_the_facts_the_issue_names() {
        let figure = |id| REPORT.figure(id);
        assert_eq!(figure(FigureId::HousingAreaRenovated).value, 421_000.0);
        assert_eq!(figure(FigureId::HousingHouseholds).qualifier, Qualifier::Over);
        assert_eq!(figure(FigureId::ServicesLivelihoodShare).from, Some(43.5));
        assert_eq!(figure(FigureId::InnovationMunicipalAwardShare).qualifier, Qualifier::Over);
        let years: Vec<u16> = REPORT.milestones.iter().filter_map(|m| m.year()).collect();
        assert_eq!(years, [2019, 2021, 2022, 2023, 2024, 2025]);
        assert!(REPORT.achievements.iter().any(|a| a.truncated));
    }
}
