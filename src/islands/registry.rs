//! The islands' table: every kind of island, one row each, and what the compiler writes
//! from it: the `Island` enum (each variant carries its props), `Island::read` (which finds
//! the kind an element's `data-island` names and reads its props), the list of kinds and,
//! in the browser, the hydration of each kind with its component.
//!
//! A row is `Variant(PropsType), "leave-out-<kind>"`. The props type (in its component's
//! file) implements `IslandProps`: its kind's name, the attributes its component writes, how
//! they are read back and the component that hydrates them. The feature is the Cargo feature
//! that leaves the kind out of the wasm, for `scripts/wasm-breakdown.sh` only: its element
//! then stays static.

use crate::components;
use crate::components::props::{Found, IslandProps, ISLAND};
#[cfg(feature = "hydrate")]
use crate::components::report_context::ReportContext;

macro_rules! islands {
    ($($variant:ident($props:ty), $leave_out:literal;)*) => {
        /// An island with its props, as read from the page.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Island {
            $($variant($props),)*
        }

        /// Every kind of island, as `data-island` names it.
        pub const KINDS: &[&str] = &[$(<$props as IslandProps>::KIND,)*];

        impl Island {
            /// Reads the island where it was found: the kind its `data-island` names, with
            /// that kind's props. The error says what is missing or wrong.
            pub fn read(found: &impl Found) -> Result<Island, String> {
                let kind = found.own(ISLAND).ok_or("no data-island")?;
                $(
                    if kind == <$props as IslandProps>::KIND {
                        return <$props as IslandProps>::read(found).map(Island::$variant);
                    }
                )*
                Err(format!("an unknown island {kind:?}"))
            }

            /// Its kind, as `data-island` names it.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Island::$variant(_) => <$props as IslandProps>::KIND,)*
                }
            }

            /// Hydrates `el`, the element this island was read from, with its component;
            /// `None` for a kind this build leaves out.
            #[cfg(feature = "hydrate")]
            pub fn hydrate(self, el: &web_sys::Element, context: ReportContext) -> Option<Box<dyn std::any::Any>> {
                match self {
                    $(
                        #[cfg(not(feature = $leave_out))]
                        Island::$variant(props) => Some(at(el, props.view(context))),
                    )*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    };
}

islands! {
    DisplayControls(components::DisplayControlsIsland), "leave-out-display-controls";
    Share(components::ShareIsland), "leave-out-share";
    ReadAloud(components::ReadAloudIsland), "leave-out-read-aloud";
    SourcesToggle(components::SourcesToggleIsland), "leave-out-sources-toggle";
    ChartFrame(components::ChartFrameIsland), "leave-out-chart-frame";
    Png(components::PngIsland), "leave-out-png";
    Milestone(components::MilestoneIsland), "leave-out-milestone";
    TimelineAnnouncement(components::TimelineAnnouncementIsland), "leave-out-timeline-announcement";
    ShareDialog(components::ShareDialogIsland), "leave-out-share-dialog";
}

/// Hydrates `view` from `el`, the element it rendered as its root; its state is kept, so the
/// island lives until its owner is disposed.
#[cfg(feature = "hydrate")]
fn at(el: &web_sys::Element, view: impl leptos::prelude::IntoView + 'static) -> Box<dyn std::any::Any> {
    use leptos::tachys::view::{Position, RenderHtml};
    Box::new(view.into_view().hydrate_from_position::<true>(el, Position::Current))
}
