//! Which mark of a chart (or which milestone of the timeline) the keyboard chooses: the key
//! map, and what keyboard focus shows when it arrives. Plain functions of indices, so every
//! key is tested natively; the browser's chart and timeline hold the result in signals.

/// What a key does to a list of `count` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Choose this item.
    To(usize),
    /// Let go of the list (Escape): nothing chosen, focus leaves.
    Leave,
    /// Not a key of the list: the browser keeps its default.
    Ignored,
}

/// The arrow keys walk the list both ways (Right and Down forward, Left and Up back) and stop
/// at its ends; Home and End go to the ends; Escape lets go. With nothing chosen, an arrow
/// chooses the first item. An empty list takes no key.
pub fn step(key: &str, current: Option<usize>, count: usize) -> Step {
    let Some(last) = count.checked_sub(1) else {
        return Step::Ignored;
    };
    match key {
        "ArrowRight" | "ArrowDown" => Step::To(current.map_or(0, |i| (i + 1).min(last))),
        "ArrowLeft" | "ArrowUp" => Step::To(current.map_or(0, |i| i.saturating_sub(1).min(last))),
        "Home" => Step::To(0),
        "End" => Step::To(last),
        "Escape" => Step::Leave,
        _ => Step::Ignored,
    }
}

/// The item focus shows when it arrives: the first, on keyboard (or script) focus with
/// nothing chosen yet; nothing new when a pointer press brought the focus (a click on empty
/// chart space shows no value) or something is already chosen.
pub fn on_focus(pointer_pressed: bool, current: Option<usize>, count: usize) -> Option<usize> {
    (!pointer_pressed && current.is_none() && count > 0).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_walk_both_ways_and_stop_at_the_ends() {
        // The README: the arrow keys walk the marks, Home and End go to the first and last.
        for forward in ["ArrowRight", "ArrowDown"] {
            assert_eq!(step(forward, Some(0), 3), Step::To(1), "{forward}");
            assert_eq!(step(forward, Some(1), 3), Step::To(2), "{forward}");
            assert_eq!(step(forward, Some(2), 3), Step::To(2), "{forward} stops at the last");
            assert_eq!(step(forward, None, 3), Step::To(0), "{forward} starts at the first");
        }
        for back in ["ArrowLeft", "ArrowUp"] {
            assert_eq!(step(back, Some(2), 3), Step::To(1), "{back}");
            assert_eq!(step(back, Some(1), 3), Step::To(0), "{back}");
            assert_eq!(step(back, Some(0), 3), Step::To(0), "{back} stops at the first");
            assert_eq!(step(back, None, 3), Step::To(0), "{back} starts at the first");
        }
        assert_eq!(step("Home", Some(2), 3), Step::To(0));
        assert_eq!(step("End", Some(0), 3), Step::To(2));
        assert_eq!(step("End", None, 1), Step::To(0));
        assert_eq!(step("Escape", Some(1), 3), Step::Leave);
    }

    #[test]
    fn other_keys_and_empty_lists_are_left_to_the_browser() {
        for key in ["Tab", "Enter", " ", "a", "arrowright", ""] {
            assert_eq!(step(key, Some(1), 3), Step::Ignored, "{key:?}");
        }
        for key in ["ArrowRight", "ArrowLeft", "Home", "End", "Escape"] {
            assert_eq!(step(key, None, 0), Step::Ignored, "{key} on an empty chart");
        }
        // A stale choice past a shorter list (a redraw with fewer marks) stays inside it.
        assert_eq!(step("ArrowLeft", Some(9), 3), Step::To(2));
        assert_eq!(step("ArrowRight", Some(9), 3), Step::To(2));
    }

    #[test]
    fn keyboard_focus_shows_the_first_value_a_click_does_not() {
        assert_eq!(on_focus(false, None, 4), Some(0), "keyboard focus shows the first value");
        assert_eq!(on_focus(true, None, 4), None, "a click on empty space shows none");
        assert_eq!(on_focus(false, Some(2), 4), None, "a value already chosen stays");
        assert_eq!(on_focus(false, None, 0), None, "a chart with no marks shows none");
    }
}
