//! An island's props, written and read by one type. Each island's component writes its
//! props on its root element as attributes (pre-rendered), and the browser reads them back
//! from that element to hydrate it: one `IslandProps` type does both, with the same
//! attribute names, so a misspelt attribute does not compile. Props are plain attributes,
//! not JSON: the wasm carries no serde_json. The islands' table,
//! `crate::islands::registry`, lists every props type.

use super::report_context::ReportContext;
use leptos::attr::custom::custom_attribute;
use leptos::attr::Attribute;
use leptos::prelude::IntoView;
use yangpu_core::charts::ChartId;
use yangpu_core::data::{Milestone, MilestoneId, REPORT};

/// The attribute that marks an island, with its kind (`IslandProps::KIND`).
pub const ISLAND: &str = "data-island";
/// On a chart's card: the chart's slug, which the islands inside it read.
const CHART: &str = "data-chart";
/// On a milestone's item: the milestone's id, which its button reads.
const MILESTONE: &str = "data-milestone";

/// Where an island's props are found: its element's attributes, those of the nearest element
/// around it that has the attribute (a chart's card, a milestone's item), and those of the
/// first element inside it that matches a selector. The browser answers from the DOM; the
/// tests from the pre-rendered HTML.
pub trait Found {
    fn own(&self, name: &str) -> Option<String>;
    fn around(&self, name: &str) -> Option<String>;
    fn inside(&self, selector: &str, name: &str) -> Option<String>;
}

/// An island's props: what its component needs, as attributes on its root element.
pub trait IslandProps: Sized + 'static {
    /// The island's kind, as `data-island` carries it.
    const KIND: &'static str;

    /// The props as attributes, `data-island` included: the component spreads them on its
    /// root (`<button {..props.attributes()}>`). The pre-render writes them; in the browser
    /// they are on the element already (hydration and the language switch take elements the
    /// pre-render wrote), so the wasm writes none and carries no code for them.
    fn attributes(self) -> impl Attribute {
        #[cfg(feature = "ssr")]
        return (custom_attribute(ISLAND, Self::KIND), self.props());
        #[cfg(not(feature = "ssr"))]
        let _ = self;
    }

    /// The props' own attributes (none: `()`).
    fn props(self) -> impl Attribute;

    /// Reads the props back where the island was found; the error says what is missing or
    /// wrong.
    fn read(found: &impl Found) -> Result<Self, String>;

    /// The island's component with these props, to hydrate the element it rendered.
    fn view(self, context: ReportContext) -> impl IntoView + 'static;
}

/// Reads a required attribute of the island's own element.
pub fn need<P: IslandProps>(found: &impl Found, name: &str) -> Result<String, String> {
    found.own(name).ok_or_else(|| format!("a {:?} island without {name}", P::KIND))
}

/// The attribute a chart's card carries, for the islands inside it (`chart_around`).
pub fn chart_card(chart: ChartId) -> impl Attribute {
    custom_attribute(CHART, chart.slug())
}

/// The chart of the card around an island.
pub fn chart_around<P: IslandProps>(found: &impl Found) -> Result<ChartId, String> {
    let slug = found.around(CHART).ok_or_else(|| format!("a {:?} island outside a chart", P::KIND))?;
    ChartId::from_slug(&slug).ok_or_else(|| format!("a {:?} island in an unknown chart {slug:?}", P::KIND))
}

/// The attribute a milestone's item carries, for its button (`milestone_around`).
pub fn milestone_item(milestone: &'static Milestone) -> impl Attribute {
    custom_attribute(MILESTONE, milestone.id)
}

/// The milestone of the item around an island.
pub fn milestone_around<P: IslandProps>(found: &impl Found) -> Result<&'static Milestone, String> {
    let id = found.around(MILESTONE).ok_or_else(|| format!("a {:?} island outside a milestone", P::KIND))?;
    let key = MilestoneId::from_id(&id).ok_or_else(|| format!("an unknown milestone {id:?}"))?;
    Ok(REPORT.milestone(key))
}
