//! Finds the numbers in a text, in digits ("421,000", "50.2", "14th") or in words
//! ("three", "sixth"), so the data checks can account for every one of them.

/// One number as it appears in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken<'a> {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// The token as written ("421,000", "14th", "Three").
    pub text: &'a str,
    /// Its value, for cardinal numbers in digits or words; `None` for ordinals.
    pub value: Option<f64>,
}

const CARDINAL_WORDS: [&str; 12] =
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const OTHER_NUMBER_WORDS: [&str; 19] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "hundred",
    "thousand", "million", "billion", "dozen", "half", "twice", "double", "triple",
];

/// Every number in `text`, in order.
pub fn number_tokens(text: &str) -> Vec<NumberToken<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let word_start = i == 0 || !is_word_byte(bytes[i - 1]);
        if c.is_ascii_digit() {
            let start = i;
            let end = scan_digits(bytes, i);
            let suffix_end = ordinal_suffix_end(bytes, end);
            let token = &text[start..suffix_end];
            let value = if suffix_end > end { None } else { text[start..end].replace(',', "").parse().ok() };
            tokens.push(NumberToken { start, end: suffix_end, text: token, value });
            i = suffix_end;
        } else if c.is_ascii_alphabetic() && word_start {
            let start = i;
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                end += 1;
            }
            let word = &text[start..end];
            let lower = word.to_ascii_lowercase();
            if end == bytes.len() || !is_word_byte(bytes[end]) {
                if let Some(n) = CARDINAL_WORDS.iter().position(|w| *w == lower) {
                    tokens.push(NumberToken { start, end, text: word, value: Some((n + 1) as f64) });
                } else if OTHER_NUMBER_WORDS.contains(&lower.as_str()) {
                    tokens.push(NumberToken { start, end, text: word, value: None });
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    tokens
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Digits with thousands separators and one decimal part: "421,000", "50.2".
fn scan_digits(bytes: &[u8], mut i: usize) -> usize {
    let digit_run = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    i = digit_run(i);
    // ",ddd" groups
    while bytes.get(i) == Some(&b',')
        && bytes[i + 1..].iter().take(3).filter(|b| b.is_ascii_digit()).count() == 3
        && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
    {
        i += 4;
    }
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i = digit_run(i + 1);
    }
    i
}

fn ordinal_suffix_end(bytes: &[u8], end: usize) -> usize {
    for suffix in [b"st", b"nd", b"rd", b"th"] {
        if bytes.get(end..end + 2) == Some(suffix.as_slice()) && !bytes.get(end + 2).is_some_and(|b| is_word_byte(*b)) {
            return end + 2;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, Option<f64>)> {
        number_tokens(s).into_iter().map(|t| (t.text, t.value)).collect()
    }

    #[test]
    fn digits_with_separators_decimals_and_ordinals() {
        assert_eq!(
            texts("a total of 421,000 square meters, 50.2%, the 14th plan, in 2019, «1+2+3+4»"),
            vec![
                ("421,000", Some(421000.0)),
                ("50.2", Some(50.2)),
                ("14th", None),
                ("2019", Some(2019.0)),
                ("1", Some(1.0)),
                ("2", Some(2.0)),
                ("3", Some(3.0)),
                ("4", Some(4.0)),
            ]
        );
    }

    #[test]
    fn words_are_whole_words_only() {
        assert_eq!(
            texts("Three goals, the sixth conference, a network, someone, five years"),
            vec![("Three", Some(3.0)), ("sixth", None), ("five", Some(5.0))]
        );
    }

    #[test]
    fn a_comma_between_numbers_is_a_list_not_a_separator() {
        assert_eq!(texts("1,2 and 7,070."), vec![("1", Some(1.0)), ("2", Some(2.0)), ("7,070", Some(7070.0))]);
    }
}
