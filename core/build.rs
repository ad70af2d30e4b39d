//! Reads `data/report.toml` with its schema (`src/data/schema.rs`, the one the tests read it
//! with) and writes it out as Rust statics, with a typed id for each figure, achievement and
//! milestone (`FigureId`, `AchievementId`, `MilestoneId`), so the wasm carries the data with no
//! parser and no start-up cost, and a misspelt id does not compile. The code is built with
//! `quote` and printed with `prettyplease`. The checks that make the data trustworthy (quotes
//! occur verbatim, numbers accounted for) are in `src/data/validate.rs`.

#[allow(dead_code)]
#[path = "src/data/schema.rs"]
mod schema;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use schema::{Kind, Qualifier};

/// A `Text` for the generated code; the Chinese must be there and be Chinese.
fn text(en: &str, zh: &str) -> TokenStream {
    let zh = chinese(zh);
    quote!(Text { en: #en, zh: #zh })
}

fn chinese(zh: &str) -> &str {
    let han = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // Units like "%" are the same in both languages.
    if zh.trim().is_empty() || (!han && zh.chars().any(|c| c.is_ascii_alphabetic())) {
        panic!("data/report.toml: {zh:?} is not a Chinese text");
    }
    zh
}

/// An optional `Text` from an English and a Chinese field (`field`, `field_zh` of `item`),
/// which come together or not at all.
fn optional_text(en: &Option<String>, zh: &Option<String>, item: &str, field: &str) -> TokenStream {
    match (en, zh) {
        (Some(en), Some(zh)) => {
            let text = text(en, zh);
            quote!(Some(#text))
        }
        (None, None) => quote!(None),
        _ => panic!("data/report.toml: {item} needs `{field}` and `{field}_zh` together"),
    }
}

fn optional<T: quote::ToTokens>(value: &Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// The variant of an id: "housing.area_renovated" → `HousingAreaRenovated`, "m2024" → `M2024`.
fn variant(id: &str) -> Ident {
    let name: String = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars)
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        panic!("data/report.toml: the id {id:?} does not start with a letter");
    }
    format_ident!("{name}")
}

/// The typed id of one table: an enum with a variant per id, in the file's order (the order of
/// the static array it indexes), its `ALL`, `id` and `from_id`.
fn id_enum(name: &str, what: &str, ids: &[&str]) -> TokenStream {
    let name = format_ident!("{name}");
    let variants: Vec<Ident> = ids.iter().map(|id| variant(id)).collect();
    for (i, v) in variants.iter().enumerate() {
        if let Some(j) = variants[..i].iter().position(|w| w == v) {
            panic!("data/report.toml: the {what} ids {:?} and {:?} make the same name {v}", ids[j], ids[i]);
        }
    }
    let count = proc_macro2::Literal::usize_unsuffixed(ids.len());
    let doc = format!(
        " The {what}s of `data/report.toml`, one variant per id, in the file's order: `REPORT.{what}(id)` is its {what}."
    );
    let all_doc = format!(" Every {what}, in the file's order.");
    let id_doc = format!(" The {what}'s id as `data/report.toml` writes it (in attributes, element ids and files).");
    let from_doc = format!(" The {what} with this id, if there is one (an id read from a URL or an attribute).");
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants),*
        }

        impl #name {
            #[doc = #all_doc]
            pub const ALL: [#name; #count] = [#(#name::#variants),*];

            #[doc = #id_doc]
            pub const fn id(self) -> &'static str {
                match self {
                    #(#name::#variants => #ids),*
                }
            }

            #[doc = #from_doc]
            pub fn from_id(id: &str) -> Option<#name> {
                match id {
                    #(#ids => Some(#name::#variants),)*
                    _ => None,
                }
            }
        }
    }
}

fn main() {
    println!("cargo::rerun-if-changed=../data/report.toml");
    println!("cargo::rerun-if-changed=../data/source.en.txt");
    println!("cargo::rerun-if-changed=src/data/schema.rs");
    let file = std::fs::read_to_string("../data/report.toml").expect("read data/report.toml");
    let r = schema::parse(&file);

    let sections = r.section.iter().map(|s| {
        let (id, lead_quote, lead_zh) = (&s.id, &s.lead_quote, chinese(&s.lead_zh));
        let title = text(&s.title, &s.title_zh);
        quote!(Section { id: #id, title: #title, lead_quote: #lead_quote, lead_zh: #lead_zh })
    });
    let figures = r.figure.iter().map(|f| {
        let (id, key, section, value, quote) = (&f.id, variant(&f.id), &f.section, f.value, &f.quote);
        let from = optional(&f.from);
        let qualifier = match f.qualifier {
            Qualifier::Exact => quote!(Qualifier::Exact),
            Qualifier::Over => quote!(Qualifier::Over),
        };
        let kind = match f.kind {
            Kind::Level => quote!(FigureKind::Level),
            Kind::Increase => quote!(FigureKind::Increase),
        };
        let label = text(&f.label, &f.label_zh);
        let unit = text(&f.unit, &f.unit_zh);
        let unit_long = text(&f.unit_long, &f.unit_long_zh);
        let period = text(&f.period, &f.period_zh);
        quote! {
            Figure {
                id: #id, key: FigureId::#key, section: #section, label: #label, value: #value, from: #from,
                qualifier: #qualifier, kind: #kind, unit: #unit, unit_long: #unit_long, period: #period, quote: #quote,
            }
        }
    });
    let achievements = r.achievement.iter().map(|a| {
        let (id, key, section, quote, truncated) = (&a.id, variant(&a.id), &a.section, &a.quote, a.truncated);
        let label = text(&a.label, &a.label_zh);
        quote! {
            Achievement { id: #id, key: AchievementId::#key, section: #section, label: #label, quote: #quote, truncated: #truncated }
        }
    });
    let milestones = r.milestone.iter().map(|m| {
        let (id, key, date, quote) = (&m.id, variant(&m.id), &m.date, &m.quote);
        let section = optional(&m.section);
        let title = text(&m.title, &m.title_zh);
        let item = format!("milestone {}", m.id);
        let basis = optional_text(&m.basis, &m.basis_zh, &item, "basis");
        let said = optional_text(&m.said, &m.said_zh, &item, "said");
        quote! {
            Milestone {
                id: #id, key: MilestoneId::#key, date: #date, section: #section, title: #title, quote: #quote,
                basis: #basis, said: #said,
            }
        }
    });
    let not_figures = r.not_a_figure.iter().map(|n| {
        let (tokens, quote, reason) = (&n.tokens, &n.quote, &n.reason);
        quote!(NotAFigure { tokens: &[#(#tokens),*], quote: #quote, reason: #reason })
    });
    let title = text(&r.title, &r.title_zh);
    let period = text(&r.period, &r.period_zh);
    let period_basis = text(&r.period_basis, &r.period_basis_zh);
    let truncation_note = text(&r.truncation_note, &r.truncation_note_zh);
    let (concept_quote, concept_zh, series_quote) = (&r.concept_quote, chinese(&r.concept_zh), &r.series_quote);
    let figure_ids = id_enum("FigureId", "figure", &r.figure.iter().map(|f| f.id.as_str()).collect::<Vec<_>>());
    let achievement_ids =
        id_enum("AchievementId", "achievement", &r.achievement.iter().map(|a| a.id.as_str()).collect::<Vec<_>>());
    let milestone_ids =
        id_enum("MilestoneId", "milestone", &r.milestone.iter().map(|m| m.id.as_str()).collect::<Vec<_>>());

    let code = quote! {
        pub static REPORT: Report = Report {
            title: #title,
            period: #period,
            period_basis: #period_basis,
            concept_quote: #concept_quote,
            concept_zh: #concept_zh,
            series_quote: #series_quote,
            truncation_note: #truncation_note,
            source: SOURCE,
            sections: &[#(#sections),*],
            figures: &[#(#figures),*],
            achievements: &[#(#achievements),*],
            milestones: &[#(#milestones),*],
            not_figures: &[#(#not_figures),*],
        };

        #figure_ids
        #achievement_ids
        #milestone_ids
    };
    let file: syn::File = syn::parse2(code).expect("the generated data parses as Rust");
    let out = format!("// Generated by build.rs from data/report.toml. Do not edit.\n{}", prettyplease::unparse(&file));
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("report_data.rs");
    std::fs::write(dest, out).expect("write generated data");
}
