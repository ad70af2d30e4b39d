//! The island contract, read back from both pre-rendered pages as a browser parses them
//! (scraper, html5ever): every element marked `data-island` reads, with its props, as the
//! islands' table says, so a prop its component fails to write, or writes wrong, fails
//! `cargo test`, not a reader's browser.
#![cfg(feature = "ssr")]

use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use yangpu_core::charts::ChartId;
use yangpu_core::data::REPORT;
use yangpu_core::i18n::Lang;
use yangpu_core::state::ViewState;
use yangpu_report::components::props::{Found, ISLAND};
use yangpu_report::components::{ChartFrameIsland, MilestoneIsland, PngIsland, ShareIsland, Shares};
use yangpu_report::islands::registry::{Island, KINDS};

/// An island in the parsed page.
struct InHtml<'a>(ElementRef<'a>);

impl Found for InHtml<'_> {
    fn own(&self, name: &str) -> Option<String> {
        self.0.value().attr(name).map(str::to_string)
    }

    /// As the browser's `closest`: the element itself first, then the elements around it.
    fn around(&self, name: &str) -> Option<String> {
        std::iter::once(self.0)
            .chain(self.0.ancestors().filter_map(ElementRef::wrap))
            .find_map(|a| a.value().attr(name).map(str::to_string))
    }

    fn inside(&self, selector: &str, name: &str) -> Option<String> {
        let selector = Selector::parse(selector).ok()?;
        self.0.select(&selector).next()?.value().attr(name).map(str::to_string)
    }
}

/// Every island of the page in `lang`, read back.
fn read_all(lang: Lang) -> Vec<Result<Island, String>> {
    let html = Html::parse_document(&yangpu_report::prerender::render_app(lang));
    let marked = Selector::parse(&format!("[{ISLAND}]")).expect("a selector");
    html.select(&marked).map(|el| Island::read(&InHtml(el))).collect()
}

#[test]
fn every_island_of_both_pages_reads_back_with_its_props() {
    for lang in [Lang::Zh, Lang::En] {
        let read = read_all(lang);
        let errors: Vec<&String> = read.iter().filter_map(|r| r.as_ref().err()).collect();
        assert!(errors.is_empty(), "{lang:?}: islands that would stay dead: {errors:#?}");
        let islands: Vec<Island> = read.into_iter().flatten().collect();
        // Every kind is on the page, and as often as the data says.
        let count = |kind: &str| islands.iter().filter(|i| i.kind() == kind).count();
        for kind in KINDS {
            assert!(count(kind) > 0, "{lang:?}: no {kind:?} island on the page");
        }
        assert_eq!(count("chart-frame"), ChartId::ALL.len(), "{lang:?}: a frame per chart");
        assert_eq!(count("png"), ChartId::ALL.len(), "{lang:?}: a PNG button per chart");
        assert_eq!(count("milestone"), REPORT.milestones.len(), "{lang:?}: a button per milestone");
        for kind in ["display-controls", "sources-toggle", "timeline-announcement", "share-dialog"] {
            assert_eq!(count(kind), 1, "{lang:?}: one {kind:?} on the page");
        }
        for c in ChartId::ALL {
            let frame = islands.iter().find_map(|i| match i {
                Island::ChartFrame(ChartFrameIsland { chart, description }) if *chart == c => Some(description),
                _ => None,
            });
            assert_eq!(frame, Some(&c.description(lang)), "{lang:?}: {}'s frame, named by its description", c.slug());
            assert!(islands.contains(&Island::Png(PngIsland { chart: c })), "{lang:?}: {}'s PNG button", c.slug());
            let shares_it = |i: &Island| matches!(i, Island::Share(ShareIsland { shares: Shares::Chart, view, .. }) if view.chart == Some(c));
            assert!(islands.iter().any(shares_it), "{lang:?}: {}'s share button opens its view", c.slug());
        }
        for m in REPORT.milestones {
            assert!(
                islands.contains(&Island::Milestone(MilestoneIsland { milestone: m })),
                "{lang:?}: {}'s button",
                m.id
            );
        }
        assert!(islands.iter().any(|i| matches!(i, Island::ReadAloud(r) if !r.text.is_empty() && !r.label.is_empty())));
        assert!(islands.iter().any(
            |i| matches!(i, Island::Share(ShareIsland { shares: Shares::Report, view, .. }) if *view == ViewState::default())
        ));
    }
}

#[test]
fn each_kind_has_one_name() {
    let mut seen = std::collections::BTreeSet::new();
    for kind in KINDS {
        assert!(seen.insert(kind), "two islands named {kind:?}");
    }
}

/// Attributes given by hand: the island's own, and those around it.
struct Given {
    own: BTreeMap<&'static str, &'static str>,
    around: BTreeMap<&'static str, &'static str>,
}

impl Found for Given {
    fn own(&self, name: &str) -> Option<String> {
        self.own.get(name).map(|v| v.to_string())
    }

    fn around(&self, name: &str) -> Option<String> {
        self.around.get(name).map(|v| v.to_string())
    }

    fn inside(&self, _: &str, _: &str) -> Option<String> {
        None
    }
}

fn given(own: &[(&'static str, &'static str)], around: &[(&'static str, &'static str)]) -> Given {
    Given { own: own.iter().copied().collect(), around: around.iter().copied().collect() }
}

#[test]
fn a_typo_or_a_missing_prop_is_named() {
    assert_eq!(
        Island::read(&given(&[("data-island", "png")], &[("data-chart", "education")])),
        Ok(Island::Png(PngIsland { chart: ChartId::Education }))
    );
    let share =
        [("data-island", "share"), ("data-share", "report"), ("data-share-view", ""), ("data-share-label", "x")];
    assert!(Island::read(&given(&share, &[])).is_ok(), "a whole share button reads");
    let cases = [
        (given(&[("data-island", "pgn")], &[]), "an unknown island"),
        (given(&[("data-island", "png")], &[]), "outside a chart"),
        (given(&[("data-island", "png")], &[("data-chart", "educatoin")]), "unknown chart"),
        (given(&share[..3], &[]), "without data-share-label"),
        (
            given(
                &[
                    ("data-island", "share"),
                    ("data-share", "raport"),
                    ("data-share-view", ""),
                    ("data-share-label", "x"),
                ],
                &[],
            ),
            "a share button for \"raport\"",
        ),
        (
            given(
                &[
                    ("data-island", "share"),
                    ("data-share", "chart"),
                    ("data-share-view", "chart=nope"),
                    ("data-share-label", "x"),
                ],
                &[],
            ),
            "a share button's view",
        ),
        (
            given(&[("data-island", "read-aloud"), ("data-read", "a"), ("data-speak-label", "b")], &[]),
            "without data-speak",
        ),
        (given(&[("data-island", "milestone")], &[("data-milestone", "m1999")]), "an unknown milestone"),
        (given(&[], &[]), "no data-island"),
    ];
    for (found, why) in cases {
        let read = Island::read(&found);
        assert!(read.as_ref().is_err_and(|e| e.contains(why)), "{why}: {read:?}");
    }
}
