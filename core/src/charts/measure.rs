//! How wide a text is and where it breaks, by a `Measure` each drawing carries in its
//! `Style` (a value, not a global): DejaVu Sans Bold's glyph widths (the widest face
//! `sans-serif` resolves to, so text laid out by them fits in every engine), or the engine's
//! own measure (the browser's canvas); the box a text takes at a point; and greedy line
//! breaking that keeps Chinese punctuation and numbers with their text.

use crate::charts::marks::Rect;
use plotters::style::text_anchor::{HPos, VPos};

/// The lower bound of a glyph's width in ems for wrapping: 4 of these fit in any line.
const AVERAGE_GLYPH_WIDTH: f64 = 0.6;

fn is_wide(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '“' | '”')
}

/// Chinese punctuation that must not start a line.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '）' | '”' | '！' | '？' | '》')
}

/// Chinese punctuation that must not end a line.
fn opens(c: char) -> bool {
    matches!(c, '“' | '（' | '《')
}

/// A glyph's width in ems in DejaVu Sans Bold (rounded up): the widest of the faces that
/// `sans-serif` resolves to (Linux; Arial, Helvetica, Roboto and PingFang's Latin are
/// narrower), so text laid out with it fits in every engine. CJK characters are a full em.
fn glyph_width(c: char) -> f64 {
    match c {
        c if is_wide(c) => 1.0,
        ' ' => 0.35,
        'i' | 'j' | 'l' | 'I' | 'J' | '|' | '!' | '.' | ',' | ':' | ';' | '\'' | '’' | '‘' => 0.4,
        'f' | 't' => 0.49,
        'r' | '(' | ')' | '[' | ']' | '-' | '²' => 0.52,
        'm' => 1.05,
        'w' => 0.93,
        'M' | 'W' => 1.12,
        '%' => 1.01,
        '—' | '→' | '…' => 1.0,
        '+' | '=' | '<' | '>' => 0.84,
        '0'..='9' | 'a'..='z' | '–' => 0.72,
        // Capitals, «», and anything else.
        _ => 0.82,
    }
}

/// How a drawing measures its text, carried in `Style::measure`. `Measure::DEJAVU` (what
/// `Style::new` gives) lays out by DejaVu Sans Bold's widths, which no `sans-serif` face
/// exceeds: the SVG, the PNG download, the pictures, the tests and every chart's height. The
/// browser draws its canvas with `Measure::engine` of the canvas's own `measureText` (bold,
/// allowed by the strict CSP), so a label wraps by the font the reader's engine really uses.
/// One function pointer: copying it into each draw's style costs the wasm nothing to speak of.
#[derive(Debug, Clone, Copy)]
pub struct Measure(Option<fn(&str, f64) -> Option<f64>>);

impl Measure {
    /// DejaVu Sans Bold's widths.
    pub const DEJAVU: Measure = Measure(None);

    /// An engine's measure: the width of a text at a font size, in logical units, or `None`
    /// where it cannot measure (DejaVu's widths are used then).
    pub const fn engine(measure: fn(&str, f64) -> Option<f64>) -> Measure {
        Measure(Some(measure))
    }

    /// The width of `text` at font `size`, in logical units: an engine's, where it is no
    /// wider than DejaVu's. Engines' text is narrower, but for a CJK face without a bold in
    /// Firefox, whose synthetic bold adds 1/48 em to each glyph: laid out by DejaVu's widths
    /// there, the canvas never needs more room than the height (measured by DejaVu's) gives,
    /// and a line may run that much past its column.
    pub fn width(self, text: &str, size: f64) -> f64 {
        let dejavu = text.chars().map(glyph_width).sum::<f64>() * size;
        match self.0.and_then(|measure| measure(text, size)) {
            Some(width) => width.min(dejavu),
            None => dejavu,
        }
    }

    /// The box a text takes at a logical point with an anchor, in logical units: its measured
    /// width, and 1.2 em of height.
    pub fn text_box(self, text: &str, at: (f64, f64), size: f64, anchor: (HPos, VPos)) -> Rect {
        let (w, h) = (self.width(text, size), size * 1.2);
        let x0 = match anchor.0 {
            HPos::Left => at.0,
            HPos::Center => at.0 - w / 2.0,
            HPos::Right => at.0 - w,
        };
        let y0 = match anchor.1 {
            VPos::Top => at.1 - size * 0.1,
            VPos::Center => at.1 - h / 2.0,
            VPos::Bottom => at.1 - h + size * 0.1,
        };
        Rect::new(x0, y0, x0 + w, y0 + h)
    }

    /// Greedy wrap to `width` logical units at font `size`: Latin text breaks between words,
    /// Chinese between characters (never before closing punctuation), and a Chinese text
    /// never ends on a line of one character (孤字: the character before it comes down too).
    pub fn wrap(self, text: &str, width: f64, size: f64) -> Vec<String> {
        // Pieces that cannot be split, each with whether a space comes before it.
        let mut pieces: Vec<(bool, String)> = Vec::new();
        let mut space = false;
        // A short term in Chinese quotation marks (“拎马桶”, “十四五”) stays on one line.
        let chars: Vec<char> = text.chars().collect();
        let mut quoted = vec![false; chars.len()];
        for (open, _) in chars.iter().enumerate().filter(|(_, c)| **c == '“') {
            let close = chars[open..].iter().take(MAX_KEPT_QUOTE + 2).position(|c| *c == '”');
            if let Some(close) = close {
                quoted[open + 1..=open + close].fill(true);
            }
        }
        for (i, c) in chars.into_iter().enumerate() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let last_char = pieces.last().and_then(|(_, p)| p.chars().last());
            let starts_piece = match last_char {
                None => true,
                Some(_) if quoted[i] => false,
                Some(_) if closes(c) => false,
                Some(last) if opens(last) => false,
                // A number stays whole: "2025年", and “十四五”, a name made of numerals.
                Some(last) if !space && is_numeral(last) && is_numeral(c) => false,
                // A number keeps the measure word that follows it: "2022年", "14所" (not "2022／年").
                Some(last) if !space && last.is_ascii_digit() && is_wide(c) && !opens(c) => false,
                Some(last) => space || is_wide(c) || is_wide(last),
            };
            match pieces.last_mut() {
                Some((_, piece)) if !starts_piece => piece.push(c),
                _ => pieces.push((space, c.to_string())),
            }
            space = false;
        }
        let max = width.max(4.0 * AVERAGE_GLYPH_WIDTH * size);
        let joined = |line: &[(bool, String)]| {
            line.iter().enumerate().fold(String::new(), |mut out, (i, (space, piece))| {
                if *space && i > 0 {
                    out.push(' ');
                }
                out.push_str(piece);
                out
            })
        };
        let mut lines: Vec<Vec<(bool, String)>> = Vec::new();
        let mut current: Vec<(bool, String)> = Vec::new();
        for piece in pieces {
            current.push(piece);
            if current.len() > 1 && self.width(&joined(&current), size) > max {
                let piece = current.pop().into_iter().collect();
                lines.push(std::mem::replace(&mut current, piece));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        // 孤字: a last line of one Chinese character (with its closing punctuation) takes the
        // piece before it, where that leaves the line above more than one piece and still fits.
        if let [.., above, last] = lines.as_mut_slice() {
            let lone = |line: &[(bool, String)]| match line {
                [(_, piece)] => piece.chars().filter(|c| !closes(*c)).count() == 1 && piece.chars().all(is_wide),
                _ => false,
            };
            if lone(last) && above.len() > 1 {
                let taken: Vec<(bool, String)> =
                    above.last().cloned().into_iter().chain(last.iter().cloned()).collect();
                if self.width(&joined(&taken), size) <= max {
                    above.pop();
                    *last = taken;
                }
            }
        }
        lines.iter().map(|line| joined(line)).collect()
    }
}

/// Two measures are the same if they measure by the same function.
impl PartialEq for Measure {
    fn eq(&self, other: &Measure) -> bool {
        match (self.0, other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
            _ => false,
        }
    }
}

/// The longest term in “” (in characters) that a line never breaks inside.
const MAX_KEPT_QUOTE: usize = 6;

/// A digit or a Chinese numeral: characters a line never breaks between.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二两三四五六七八九十百千万".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A style changes when its measure does: the same function is the same measure.
    #[test]
    fn measures_are_equal_when_they_measure_by_the_same_function() {
        fn half(_: &str, size: f64) -> Option<f64> {
            Some(size / 2.0)
        }
        fn none(_: &str, _: f64) -> Option<f64> {
            None
        }
        assert_eq!(Measure::DEJAVU, Measure::DEJAVU);
        assert_eq!(Measure::engine(half), Measure::engine(half));
        assert_ne!(Measure::engine(half), Measure::engine(none));
        assert_ne!(Measure::engine(half), Measure::DEJAVU);
    }

    /// The doc comment's promise: DejaVu Sans Bold's widths, rounded up, so that laid-out text
    /// never runs wider than DejaVu's own glyphs (the widest `sans-serif` face). Read from the
    /// font itself.
    #[test]
    fn glyph_widths_are_dejavu_sans_bold_s_rounded_up() {
        use ab_glyph::{Font as _, FontRef};
        let font = FontRef::try_from_slice(dejavu::sans::bold()).expect("DejaVu Sans Bold");
        let em = font.units_per_em().expect("units per em");
        for c in "wWMmAZ+=<>«»—→%0123456789aeiorstfl()-²–…, .:".chars() {
            let actual = f64::from(font.h_advance_unscaled(font.glyph_id(c)) / em);
            let ours = glyph_width(c);
            assert!(ours >= actual - 0.005, "{c:?}: {ours} em is narrower than DejaVu's {actual:.3}");
        }
    }

    /// What the SVG, the PNG and these tests lay out by.
    const DEJAVU: Measure = Measure::DEJAVU;

    #[test]
    fn a_text_s_box_is_its_width_and_one_and_a_fifth_ems_from_its_anchor() {
        let w = DEJAVU.width("Yangpu", 10.0);
        let at = (100.0, 50.0);
        let text_box = |anchor| DEJAVU.text_box("Yangpu", at, 10.0, anchor);
        assert_eq!(text_box((HPos::Left, VPos::Top)), Rect::new(100.0, 49.0, 100.0 + w, 61.0));
        assert_eq!(text_box((HPos::Center, VPos::Center)), Rect::new(100.0 - w / 2.0, 44.0, 100.0 + w / 2.0, 56.0));
        assert_eq!(text_box((HPos::Right, VPos::Bottom)), Rect::new(100.0 - w, 39.0, 100.0, 51.0));
    }

    #[test]
    fn a_line_takes_what_fits_exactly_and_latin_breaks_before_chinese() {
        let size = 10.0;
        let exactly = DEJAVU.width("ab cd", size);
        assert_eq!(DEJAVU.wrap("ab cd", exactly, size), ["ab cd"], "a text exactly as wide as the room fits");
        assert_eq!(DEJAVU.wrap("ab cd", exactly - 0.01, size), ["ab", "cd"]);
        // Between a Latin word and a Chinese character a line may break.
        let latin = DEJAVU.width("Yangpu", size);
        assert_eq!(DEJAVU.wrap("Yangpu杨浦区", latin + 1.0, size), ["Yangpu", "杨浦区"]);
        // However narrow the room, a line holds up to four average glyphs (2.4 em) of words
        // before it breaks: "a b" fits in that, "a b c" does not.
        let least = 4.0 * AVERAGE_GLYPH_WIDTH * size;
        let lines = DEJAVU.wrap("a b c d", 0.0, size);
        assert_eq!(lines, ["a b", "c d"]);
        assert!(DEJAVU.width("a b", size) <= least && DEJAVU.width("a b c", size) > least);
    }

    #[test]
    fn an_engine_s_measure_lays_out_where_it_measures_and_a_style_starts_with_dejavu_s() {
        // DejaVu Sans Bold's widths by default (the SVG, the PNG and these tests).
        let fixed = DEJAVU.width("Yangpu 2025", 20.0);
        assert!(fixed > 100.0 && fixed < 160.0, "{fixed}");
        let style = crate::charts::Style::new(crate::charts::Layout::Wide, 2.0);
        assert_eq!(style.measure, DEJAVU, "a style measures by DejaVu's widths unless given another");
        // The browser's canvas measures its own text: widths, boxes and lines follow it
        // (narrower than DejaVu's, as engines' text is).
        let engine = Measure::engine(|text, size| Some(text.chars().count() as f64 * size * 0.5));
        assert_ne!(engine, DEJAVU);
        assert_eq!(engine.width("Yangpu 2025", 20.0), 110.0);
        assert_eq!(engine.text_box("ab", (0.0, 0.0), 10.0, (HPos::Left, VPos::Top)).x1, 10.0);
        assert_eq!(engine.wrap("ab cd", 25.0, 10.0), ["ab cd"]);
        assert_eq!(engine.wrap("ab cd", 24.9, 10.0), ["ab", "cd"]);
        // Wider than DejaVu's, it is DejaVu's.
        let wide = Measure::engine(|text, size| Some(text.chars().count() as f64 * size * 2.0));
        assert_eq!(wide.width("Yangpu 2025", 20.0), fixed);
        // A measure that cannot measure leaves DejaVu's widths.
        assert_eq!(Measure::engine(|_, _| None).width("Yangpu 2025", 20.0), fixed);
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let lines = DEJAVU.wrap("Renovation of sub-standard old neighbourhoods completed", 120.0, 14.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 15 || !l.contains(' ')), "{lines:?}");
        assert_eq!(lines.join(" "), "Renovation of sub-standard old neighbourhoods completed");
    }

    /// A Chinese editor never lets a text end on a line of one character (孤字), which the
    /// greedy wrap left under the innovation chart's bar: 实际高于此值；原文未给出确切比／例.
    #[test]
    fn chinese_never_ends_on_a_lone_character() {
        for text in ["实际高于此值；原文未给出确切比例", "五年间共拆除重建和改造旧住房42.1万平方米，惠及2万余户。"]
        {
            let mut seen_lone_before = false;
            // From four characters wide (no chart wraps Chinese narrower).
            for tenth in 560..=3000 {
                let width = f64::from(tenth) / 10.0;
                let lines = DEJAVU.wrap(text, width, 14.0);
                assert_eq!(lines.concat(), text, "nothing lost or added at {width}");
                let last: Vec<char> = lines.last().unwrap().chars().filter(|c| !closes(*c)).collect();
                assert!(lines.len() == 1 || last.len() > 1, "a lone last character at {width}: {lines:?}");
                // Where the greedy wrap would have left one, the last line took a character
                // from the line above and still fits.
                assert!(
                    DEJAVU.width(lines.last().unwrap(), 14.0) <= width.max(4.0 * AVERAGE_GLYPH_WIDTH * 14.0) + 1e-9,
                    "{lines:?}"
                );
                seen_lone_before |=
                    lines.len() > 1 && lines.last().unwrap().chars().filter(|c| !closes(*c)).count() == 2;
            }
            assert!(seen_lone_before, "{text}: some width ends on two characters");
        }
        // Latin text is left as it wraps.
        let width = DEJAVU.width("more than this; the exact", 14.0) + 1.0;
        assert_eq!(DEJAVU.wrap("more than this; the exact a", width, 14.0), ["more than this; the exact", "a"]);
    }

    /// A short quoted term is one word to a Chinese reader: 告别“拎／马桶” (the housing chart's
    /// last goal, once) splits it. A long quotation still wraps.
    #[test]
    fn a_short_quoted_term_stays_on_one_line() {
        for tenth in 560..=2000 {
            let width = f64::from(tenth) / 10.0;
            for text in ["告别“拎马桶”", "“十四五”以来新建学校14所"] {
                let lines = DEJAVU.wrap(text, width, 14.0);
                assert_eq!(lines.concat(), text);
                assert!(lines.iter().all(|l| l.contains('“') == l.contains('”')), "at {width}: {lines:?}");
            }
        }
        let long = "“人民城市人民建，人民城市为人民”";
        assert!(DEJAVU.wrap(long, 100.0, 14.0).len() > 1, "a long quotation wraps");
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation_with_its_text() {
        let text = "五年间共拆除重建和改造旧住房42.1万平方米，惠及2万余户。";
        let lines = DEJAVU.wrap(text, 100.0, 14.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), text, "nothing lost or added");
        assert!(lines.iter().all(|l| DEJAVU.width(l, 14.0) <= 100.0 + 1e-9 || l.chars().count() == 1), "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with('，') && !l.starts_with('。')), "{lines:?}");
        assert!(!lines.iter().any(|l| l.ends_with("42") || l.starts_with(".1")), "numbers stay whole: {lines:?}");
        // A year keeps its 年 wherever the line breaks.
        for width in [40.0, 60.0, 80.0, 100.0, 120.0] {
            let lines = DEJAVU.wrap("三大目标分别于2022年、2024年和2025年实现。", width, 14.0);
            assert!(!lines.iter().any(|l| l.starts_with('年')), "at {width}: {lines:?}");
        }
    }

    /// Firefox draws a CJK face without a bold in synthetic bold, 1/48 em wider a glyph than
    /// DejaVu's full em: text wrapped by that engine's measure must still take no more lines
    /// than the height (measured by DejaVu's) has room for, and no wider box; an engine's
    /// narrower text wraps by its own widths.
    #[test]
    fn an_engine_never_wraps_to_more_lines_than_dejavu_and_a_narrower_one_wraps_by_its_own() {
        fn wider(text: &str, size: f64) -> Option<f64> {
            Some(Measure::DEJAVU.width(text, size) * (1.0 + 1.0 / 48.0))
        }
        fn narrower(text: &str, size: f64) -> Option<f64> {
            Some(Measure::DEJAVU.width(text, size) * 0.8)
        }
        let text = "五年间共拆除重建和改造旧住房42.1万平方米，惠及2万余户。";
        for width in (40..=400).step_by(7).map(f64::from) {
            let dejavu = DEJAVU.wrap(text, width, 14.0);
            let firefox = Measure::engine(wider).wrap(text, width, 14.0);
            assert!(firefox.len() <= dejavu.len(), "at {width}: {firefox:?} against {dejavu:?}");
            assert_eq!(firefox.concat(), text);
        }
        assert_eq!(Measure::engine(wider).width(text, 14.0), DEJAVU.width(text, 14.0), "no wider box");
        // Ten characters fit 140 units by DejaVu's (14 each), not by the wider measure's; twelve
        // fit by the narrower measure's, not by DejaVu's.
        assert_eq!(Measure::engine(wider).wrap("住房更新惠及城区家庭", 140.0, 14.0).len(), 1);
        assert_eq!(Measure::engine(narrower).wrap("住房更新惠及城区家庭杨浦", 140.0, 14.0).len(), 1);
        assert_eq!(DEJAVU.wrap("住房更新惠及城区家庭杨浦", 140.0, 14.0).len(), 2);
    }
}
