//! A small drawing kit over plotters: logical units in, surface pixels out. Charts lay out
//! in logical units; the pen scales to the surface, so canvas, SVG and PNG draw alike. One
//! concern a file: the pen (`pen`), the before/after charts' two-column layout (`layout`)
//! and the text log the checks read (`log`). The charts take them all with
//! `use super::kit::*`; text widths and line breaks are the style's measure
//! (`charts::measure`), below the kit and the style both.

mod layout;
mod log;
mod pen;

pub use layout::{nice_ceiling, TwoColumns};
pub use log::{with_text_boxes, TextBox};
pub use pen::{
    Pen, CENTER_BOTTOM, CENTER_MIDDLE, CENTER_TOP, LEFT_BOTTOM, LEFT_MIDDLE, LEFT_TOP, RIGHT_MIDDLE, RIGHT_TOP,
};
