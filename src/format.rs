//! How figures read on screen and aloud: thousands separators, qualifiers kept with their
//! numbers ("20,000+", "> 40%"), signs on changes ("+50.2%"), before → after.

use crate::data::{Figure, FigureKind, Qualifier};

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

fn is_percent(f: &Figure) -> bool {
    f.unit == "%"
}

/// The headline value without its unit word: "421,000", "20,000+", "> 40%", "+50.2%", "43.5% → 52.3%".
pub fn value(f: &Figure) -> String {
    let percent = if is_percent(f) { "%" } else { "" };
    let core = format!("{}{percent}", number(f.value));
    let core = match (f.kind, f.qualifier, is_percent(f)) {
        (FigureKind::Increase, _, _) => format!("+{core}"),
        (_, Qualifier::Over, true) => format!("> {core}"),
        (_, Qualifier::Over, false) => format!("{}+", number(f.value)),
        _ => core,
    };
    match f.from {
        Some(from) => format!("{}{percent} → {core}", number(from)),
        None => core,
    }
}

/// The unit shown after the value, empty for percentages (the value carries "%").
pub fn unit(f: &Figure) -> &'static str {
    if is_percent(f) {
        ""
    } else {
        f.unit
    }
}

/// The value with its unit, as one short string: "421,000 m²", "+50.2%".
pub fn with_unit(f: &Figure) -> String {
    match unit(f) {
        "" => value(f),
        unit => format!("{} {unit}", value(f)),
    }
}

/// The figure as a screen reader should say it: "over 20,000 households", "from 43.5 per cent to 52.3 per cent".
pub fn spoken(f: &Figure) -> String {
    let with_unit = |v: f64| format!("{} {}", number(v), f.unit_long);
    let value = with_unit(f.value);
    match (f.from, f.kind, f.qualifier) {
        (Some(from), _, _) => format!("from {} to {value}", with_unit(from)),
        (None, FigureKind::Increase, _) => format!("an increase of {value}"),
        (None, _, Qualifier::Over) => format!("over {value}"),
        (None, _, Qualifier::Exact) => value,
    }
}

/// A milestone date as a reader writes it: "November 2019", "2022".
pub fn date(date: &str) -> String {
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
    match date.split_once('-') {
        Some((year, month)) => match month.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))) {
            Some(name) => format!("{name} {year}"),
            None => year.to_string(),
        },
        None => date.to_string(),
    }
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
    }

    #[test]
    fn every_figure_reads_with_its_qualifier() {
        let shown: Vec<(String, &str)> = REPORT.figures.iter().map(|f| (value(f), unit(f))).collect();
        let shown: Vec<(&str, &str)> = shown.iter().map(|(v, u)| (v.as_str(), *u)).collect();
        assert_eq!(
            shown,
            [
                ("421,000", "m²"),
                ("20,000+", "households"),
                ("+50.2%", ""),
                ("43.5% → 52.3%", ""),
                ("14", "schools"),
                ("7,070", "places"),
                ("18", "awards"),
                ("> 40%", ""),
            ]
        );
        assert_eq!(with_unit(REPORT.figure("housing.area_renovated").unwrap()), "421,000 m²");
        assert_eq!(with_unit(REPORT.figure("services.livelihood_spending_growth").unwrap()), "+50.2%");
        let households = REPORT.figure("housing.households").unwrap();
        assert_eq!(spoken(households), "over 20,000 households");
        let share = REPORT.figure("services.livelihood_share").unwrap();
        assert_eq!(spoken(share), "from 43.5 per cent to 52.3 per cent");
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date("2019-11"), "November 2019");
        assert_eq!(date("2024"), "2024");
        assert_eq!(date("2024-13"), "2024");
    }
}
