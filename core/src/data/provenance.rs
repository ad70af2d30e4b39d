//! Where a quote sits in the source: its sentence, so a card can show the sentence and
//! link to it in the source text.

use std::ops::Range;

/// One sentence of the source, with a stable id for links (`s1`, `s2`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 1-based, in reading order.
    pub number: usize,
    /// 0-based paragraph (line) of the source.
    pub paragraph: usize,
    /// Byte range in the source.
    pub range: Range<usize>,
}

impl Sentence {
    pub fn anchor(&self) -> String {
        format!("s{}", self.number)
    }

    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range.clone()]
    }
}

/// Closing marks that may follow a full stop and still belong to the sentence.
const CLOSERS: [char; 5] = ['»', '’', '”', '"', ')'];

/// Splits the source into paragraphs (lines) and sentences. A sentence ends after `.`, `!`
/// or `?` (and any closing quote marks) followed by a space or the end of the paragraph; a
/// leading Roman numeral such as "II." stays with its sentence.
pub fn sentences(source: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (paragraph, line) in source.split('\n').enumerate() {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (_, c) = chars[k];
            if matches!(c, '.' | '!' | '?') {
                let mut j = k + 1;
                while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                    j += 1;
                }
                let end = chars.get(j).map_or(line.len(), |(i, _)| *i);
                let at_break = j == chars.len() || chars[j].1 == ' ';
                if at_break && !is_roman_numeral(line[start..end].trim_end_matches('.')) {
                    push(&mut out, paragraph, offset + start, offset + end);
                    start = chars.get(j + 1).map_or(line.len(), |(i, _)| *i).min(line.len());
                    if j < chars.len() {
                        k = j + 1;
                        continue;
                    }
                }
                k = j;
                continue;
            }
            k += 1;
        }
        if start < line.len() && !line[start..].trim().is_empty() {
            push(&mut out, paragraph, offset + start, offset + line.len());
        }
        offset += line.len() + 1;
    }
    out
}

fn push(out: &mut Vec<Sentence>, paragraph: usize, start: usize, end: usize) {
    out.push(Sentence { number: out.len() + 1, paragraph, range: start..end });
}

fn is_roman_numeral(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The report's source split into sentences, once: every quote on the page looks up its
/// sentence here, so the text is not split again for each one.
pub fn source_sentences() -> &'static [Sentence] {
    static SENTENCES: std::sync::OnceLock<Vec<Sentence>> = std::sync::OnceLock::new();
    SENTENCES.get_or_init(|| sentences(crate::data::SOURCE))
}

/// The sentence in which `quote` first occurs, if it occurs.
pub fn sentence_of<'s>(sentences: &'s [Sentence], source: &str, quote: &str) -> Option<&'s Sentence> {
    let at = source.find(quote)?;
    sentences.iter().find(|s| s.range.contains(&at))
}

/// Every byte range where `needle` occurs in `haystack`.
pub fn occurrences(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    haystack.match_indices(needle).map(|(i, m)| i..i + m.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::SOURCE;

    #[test]
    fn splits_sentences_and_keeps_roman_numerals_and_closing_quotes() {
        let text = "I. Over the years, a lot. It said «yes.» Then\nII. Next one";
        let all = sentences(text);
        let texts: Vec<&str> = all.iter().map(|s| s.text(text)).collect();
        assert_eq!(texts, ["I. Over the years, a lot.", "It said «yes.»", "Then", "II. Next one"]);
        assert_eq!(all.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 0, 0, 1]);
    }

    #[test]
    fn the_source_splits_into_its_sentences() {
        let all = sentences(SOURCE);
        let first = all[0].text(SOURCE);
        assert!(first.starts_with("This morning") && first.ends_with("achievements."), "{first}");
        // The cut-off text ends in an unfinished sentence, which is kept.
        assert!(all.last().unwrap().text(SOURCE).ends_with("«AI"));
        // No sentence is lost: together they cover every non-space character.
        let covered: usize = all.iter().map(|s| s.text(SOURCE).chars().filter(|c| !c.is_whitespace()).count()).sum();
        assert_eq!(covered, SOURCE.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn finds_the_sentence_of_a_quote() {
        let all = sentences(SOURCE);
        let s = sentence_of(&all, SOURCE, "adding 7,070 school places").unwrap();
        assert!(s.text(SOURCE).starts_with("Focusing on the two areas"));
        assert!(sentence_of(&all, SOURCE, "adding 7,071 school places").is_none());
    }
}
