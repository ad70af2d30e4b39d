//! How figures read on screen and aloud, in each language: thousands separators or 万,
//! qualifiers kept with their numbers ("20,000+", "2万余", "> 40%", "超过40%"), signs on
//! changes ("+50.2%"), before → after, dates ("November 2019", "2019年11月").

use crate::data::{Figure, FigureKind, Qualifier};
use crate::i18n::Lang;

/// A number with thousands separators and no trailing ".0": 421000 → "421,000", 50.2 → "50.2".
pub fn number(value: f64) -> String {
    let negative = value < 0.0;
    let text = format!("{}", value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number as a reader of `lang` writes it: "421,000" in English; in Chinese, 万 from ten
/// thousand up ("42.1万") and plain digits below ("7070").
pub fn number_in(lang: Lang, value: f64) -> String {
    match lang {
        Lang::En => number(value),
        Lang::Zh if value.abs() >= 10_000.0 => {
            let wan = (value / 10_000.0 * 1000.0).round() / 1000.0;
            format!("{wan}万")
        }
        Lang::Zh => format!("{value}"),
    }
}

fn is_percent(f: &Figure) -> bool {
    f.unit.en == "%"
}

/// The headline value without its unit word. English: "421,000", "20,000+", "> 40%",
/// "+50.2%", "43.5% → 52.3%"; Chinese: "42.1万", "2万余", "超过40%", "+50.2%".
pub fn value(f: &Figure, lang: Lang) -> String {
    let percent = if is_percent(f) { "%" } else { "" };
    let n = |v: f64| number_in(lang, v);
    let core = format!("{}{percent}", n(f.value));
    let core = match (f.kind, f.qualifier, is_percent(f), lang) {
        (FigureKind::Increase, _, _, _) => format!("+{core}"),
        (_, Qualifier::Over, true, Lang::En) => format!("> {core}"),
        (_, Qualifier::Over, true, Lang::Zh) => format!("超过{core}"),
        (_, Qualifier::Over, false, Lang::En) => format!("{core}+"),
        (_, Qualifier::Over, false, Lang::Zh) => format!("{core}余"),
        _ => core,
    };
    match f.from {
        Some(from) => format!("{}{percent} → {core}", n(from)),
        None => core,
    }
}

/// The value as running text writes it: like [`value`], but a lower bound reads "over 40%"
/// in an English sentence, not "> 40%".
pub fn running(f: &Figure, lang: Lang) -> String {
    match (f.qualifier, is_percent(f), lang) {
        (Qualifier::Over, true, Lang::En) => format!("over {}%", number(f.value)),
        _ => value(f, lang),
    }
}

/// The unit shown after the value, empty for percentages (the value carries "%").
pub fn unit(f: &Figure, lang: Lang) -> &'static str {
    if is_percent(f) {
        ""
    } else {
        f.unit.get(lang)
    }
}

/// The value with its unit, as one short string: "421,000 m²", "42.1万平方米", "+50.2%".
pub fn with_unit(f: &Figure, lang: Lang) -> String {
    match (unit(f, lang), lang) {
        ("", _) => value(f, lang),
        (unit, Lang::En) => format!("{} {unit}", value(f, lang)),
        (unit, Lang::Zh) => format!("{}{unit}", value(f, lang)),
    }
}

/// The figure as a screen reader should say it: "over 20,000 households", "from 43.5 per cent
/// to 52.3 per cent"; "2万余户", "从43.5%升至52.3%". In Chinese it follows its label, as a
/// press release writes it: 新建学校14所, 民生领域财政支出增长50.2%.
pub fn spoken(f: &Figure, lang: Lang) -> String {
    let unit = f.unit_long.get(lang);
    let amount = |v: f64| match lang {
        Lang::En => format!("{} {unit}", number(v)),
        Lang::Zh => format!("{}{unit}", number_in(lang, v)),
    };
    let value = amount(f.value);
    match (f.from, f.kind, f.qualifier, lang) {
        (Some(from), _, _, Lang::En) => format!("from {} to {value}", amount(from)),
        (Some(from), _, _, Lang::Zh) => {
            format!("从{}{}{value}", amount(from), if f.value >= from { "升至" } else { "降至" })
        }
        (None, FigureKind::Increase, _, Lang::En) => format!("an increase of {value}"),
        // The Chinese label says 增长 ("民生领域财政支出增长"): the value follows it bare.
        (None, FigureKind::Increase, _, Lang::Zh) => value,
        (None, _, Qualifier::Over, Lang::En) => format!("over {value}"),
        (None, _, Qualifier::Over, Lang::Zh) if is_percent(f) => format!("超过{value}"),
        (None, _, Qualifier::Over, Lang::Zh) => format!("{}余{unit}", number_in(lang, f.value)),
        (None, _, Qualifier::Exact, _) => value,
    }
}

/// A milestone date as a reader writes it: "November 2019", "2022"; "2019年11月", "2022年".
pub fn date(date: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month) = match date.split_once('-') {
        Some((year, month)) => (year, month.parse::<usize>().ok().filter(|m| (1..=12).contains(m))),
        None => (date, None),
    };
    match (lang, month) {
        (Lang::En, Some(m)) => format!("{} {year}", MONTHS[m - 1]),
        (Lang::En, None) => year.to_string(),
        (Lang::Zh, Some(m)) => format!("{year}年{m}月"),
        (Lang::Zh, None) => format!("{year}年"),
    }
}

/// A milestone's date as the report shows it: the date, and in English, when the text does not
/// state it but says «this year», those words beside it: "2025 («this year»)". Chinese sets no
/// note in a label (data/chinese-style.md): "2025年", with 原文称“今年” in its 说明 and beside
/// its source (the milestone's `basis`).
pub fn milestone_date(m: &crate::data::Milestone, lang: Lang) -> String {
    let shown = date(m.date, lang);
    match (m.said, lang) {
        (Some(said), Lang::En) => format!("{shown} («{}»)", said.en),
        (Some(_), Lang::Zh) | (None, _) => shown,
    }
}

/// The page's title, also the embedded report's: "… (2021–2025)" with the period from the data.
pub fn page_title(lang: Lang) -> String {
    crate::i18n::ui::PAGE_TITLE.fill(lang, &[("period", crate::data::REPORT.period.get(lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::REPORT;

    #[test]
    fn numbers_get_separators_and_keep_their_decimals() {
        assert_eq!(number(421_000.0), "421,000");
        assert_eq!(number(7070.0), "7,070");
        assert_eq!(number(14.0), "14");
        assert_eq!(number(50.2), "50.2");
        assert_eq!(number(1_234_567.5), "1,234,567.5");
        assert_eq!(number(-1500.0), "-1,500");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn running_text_says_over_where_a_figure_shows_a_sign() {
        // The source: «over 40% of municipal-level Science and Technology Awards».
        let share = REPORT.figure(crate::data::FigureId::InnovationMunicipalAwardShare);
        assert_eq!(running(share, Lang::En), "over 40%");
        assert_eq!(value(share, Lang::En), "> 40%");
        assert_eq!(running(share, Lang::Zh), value(share, Lang::Zh));
        // A count keeps its own form in running text.
        let households = REPORT.figure(crate::data::FigureId::HousingHouseholds);
        assert_eq!(running(households, Lang::En), value(households, Lang::En));
    }

    #[test]
    fn the_page_title_carries_the_period() {
        assert!(page_title(Lang::En).ends_with("(2021–2025)"), "{}", page_title(Lang::En));
        assert!(page_title(Lang::Zh).contains("2021—2025年"), "{}", page_title(Lang::Zh));
        assert!(!page_title(Lang::En).contains('{'));
    }

    #[test]
    fn chinese_numbers_use_wan_from_ten_thousand() {
        assert_eq!(number_in(Lang::Zh, 421_000.0), "42.1万");
        assert_eq!(number_in(Lang::Zh, 20_000.0), "2万");
        assert_eq!(number_in(Lang::Zh, 7070.0), "7070");
        assert_eq!(number_in(Lang::Zh, 52.3), "52.3");
        assert_eq!(number_in(Lang::En, 7070.0), "7,070");
    }

    #[test]
    fn every_figure_reads_with_its_qualifier() {
        let shown = |lang| -> Vec<String> { REPORT.figures.iter().map(|f| with_unit(f, lang)).collect() };
        assert_eq!(
            shown(Lang::En),
            [
                "421,000 m²",
                "20,000+ households",
                "+50.2%",
                "43.5% → 52.3%",
                "14 schools",
                "7,070 places",
                "18 awards",
                "> 40%"
            ]
        );
        assert_eq!(
            shown(Lang::Zh),
            ["42.1万平方米", "2万余户", "+50.2%", "43.5% → 52.3%", "14所", "7070个", "18项", "超过40%"]
        );
        let spoken_all = |lang| -> Vec<String> { REPORT.figures.iter().map(|f| spoken(f, lang)).collect() };
        assert_eq!(
            spoken_all(Lang::En),
            [
                "421,000 square metres",
                "over 20,000 households",
                "an increase of 50.2 per cent",
                "from 43.5 per cent to 52.3 per cent",
                "14 schools",
                "7,070 school places",
                "18 awards",
                "over 40 per cent"
            ]
        );
        assert_eq!(
            spoken_all(Lang::Zh),
            ["42.1万平方米", "2万余户", "50.2%", "从43.5%升至52.3%", "14所", "7070个", "18项", "超过40%"]
        );
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date("2019-11", Lang::En), "November 2019");
        assert_eq!(date("2024", Lang::En), "2024");
        assert_eq!(date("2024-13", Lang::En), "2024");
        assert_eq!(date("2019-11", Lang::Zh), "2019年11月");
        assert_eq!(date("2024", Lang::Zh), "2024年");
        assert_eq!(date("2024-00", Lang::Zh), "2024年");
    }
}
