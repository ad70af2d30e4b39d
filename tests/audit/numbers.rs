//! Every number in a shipped text, as a reader of either language reads it: digits
//! ("421,000", "50.2%", "14th"), digits with 万 ("42.1万" = 421,000), Chinese number words
//! ("三大目标" = 3, "第六场" = 6, "十四五" = 14 and 5) and English number words ("three",
//! "sixth").

use yangpu_core::data::numbers::number_tokens;

/// One number found in a text: as written, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub text: String,
    pub value: f64,
}

/// Words whose characters are Chinese numerals but which are not numbers, each with why.
pub const NOT_NUMBERS: [(&str, &str); 1] = [("一般", "“general”, in 一般公共预算 (the general public budget)")];

const ORDINALS: [&str; 10] =
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// The value of a number token as written: a cardinal's value, an ordinal's position
/// ("14th" = 14, "sixth" = 6); `None` for a word like "half" whose value the audit cannot read.
pub fn token_value(text: &str, value: Option<f64>) -> Option<f64> {
    if value.is_some() {
        return value;
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(text)).map(|i| (i + 1) as f64)
}

/// Every number in `text`.
pub fn numbers(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for t in number_tokens(text) {
        let Some(mut value) = token_value(t.text, t.value) else {
            out.push(Found { text: t.text.into(), value: f64::NAN });
            continue;
        };
        let after = &text[t.end..];
        if after.starts_with('万') && t.value.is_some() {
            value *= 10_000.0;
        } else if after.starts_with('亿') && t.value.is_some() {
            value *= 100_000_000.0;
        }
        out.push(Found { text: t.text.into(), value });
    }
    out.extend(chinese_numbers(text));
    out
}

fn digit(c: char) -> Option<u32> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(match c {
        '〇' => Some(0),
        '两' => Some(2),
        _ => None,
    })
}

fn is_numeral(c: char) -> bool {
    digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Runs of Chinese numerals, outside the words of [`NOT_NUMBERS`]; a 万 right after digits
/// belongs to them, not to a run.
fn chinese_numbers(text: &str) -> Vec<Found> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let after_digit = k > 0 && chars[k - 1].1.is_ascii_digit();
        let excluded = NOT_NUMBERS.iter().any(|(w, _)| {
            text[at..].starts_with(w) || (k > 0 && text[chars[k - 1].0..].starts_with(w) && is_numeral(chars[k - 1].1))
        });
        if !is_numeral(c) || after_digit || excluded {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < chars.len() && is_numeral(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(i, _)| *i);
        let run = &text[at..end];
        // “十四五”: the 14th Five-Year Plan, two numbers in one name.
        if run == "十四五" {
            out.push(Found { text: run.into(), value: 14.0 });
            out.push(Found { text: run.into(), value: 5.0 });
        } else {
            out.push(Found { text: run.into(), value: chinese_value(run).map_or(f64::NAN, f64::from) });
        }
        k = j;
    }
    out
}

/// The value of a Chinese numeral below 亿: "十四" = 14, "二十" = 20, "三" = 3, "一百" = 100.
fn chinese_value(run: &str) -> Option<u32> {
    let (mut total, mut section, mut pending) = (0u32, 0u32, None::<u32>);
    for c in run.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section += pending.take().unwrap_or(1) * unit;
            }
            '万' => {
                total += (section + pending.take().unwrap_or(0)).max(1) * 10_000;
                section = 0;
            }
            c => {
                if pending.is_some() {
                    return None; // "三五": not one number
                }
                pending = Some(digit(c)?);
            }
        }
    }
    Some(total + section + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        numbers(text).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn reads_numbers_as_each_language_writes_them() {
        assert_eq!(values("421,000 m² for over 20,000 households, +50.2%"), [421_000.0, 20_000.0, 50.2]);
        assert_eq!(values("the sixth press conference, 14th plan, three goals"), [6.0, 14.0, 3.0]);
        assert_eq!(values("旧住房42.1万平方米，2万余户，7070个"), [421_000.0, 20_000.0, 7070.0]);
        assert_eq!(values("三大目标，第六场，十四项"), [3.0, 6.0, 14.0]);
        assert_eq!(values("“十四五”时期"), [14.0, 5.0]);
        assert_eq!(values("二十年，一百个"), [20.0, 100.0]);
        assert_eq!(values("2019年11月"), [2019.0, 11.0]);
        assert!(values("一般公共预算支出").is_empty(), "一般 is not a number");
    }
}
