//! The order in which the page's islands come alive: those on screen first (what the reader
//! sees and may touch), then the charts (each draws as soon as it is hydrated), then the
//! rest, each group in document order. A pure function of where each island is, so that it
//! is tested natively; the runtime measures the places.

/// Where an island is when hydration starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Inside the viewport, and not hidden (it has a box).
    OnScreen,
    /// A chart's frame, off screen.
    Chart,
    /// Anything else off screen, or hidden.
    Elsewhere,
}

/// An island's box (`getBoundingClientRect`, relative to the viewport).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub top: f64,
    pub bottom: f64,
    pub width: f64,
    pub height: f64,
}

/// Where an island with `bounds` is, in a viewport `viewport_height` tall.
pub fn place(bounds: Bounds, viewport_height: f64, is_chart: bool) -> Place {
    let visible = bounds.bottom > 0.0 && bounds.top < viewport_height && (bounds.width > 0.0 || bounds.height > 0.0);
    if visible {
        Place::OnScreen
    } else if is_chart {
        Place::Chart
    } else {
        Place::Elsewhere
    }
}

/// The islands' indices (in document order, as `places` lists them) in hydration order.
pub fn order(places: &[Place]) -> Vec<usize> {
    let of = |wanted: Place| places.iter().enumerate().filter(move |(_, p)| **p == wanted).map(|(i, _)| i);
    of(Place::OnScreen).chain(of(Place::Chart)).chain(of(Place::Elsewhere)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: f64 = 800.0;

    fn at(top: f64, height: f64) -> Bounds {
        Bounds { top, bottom: top + height, width: 100.0, height }
    }

    #[test]
    fn on_screen_means_inside_the_viewport_with_a_box() {
        assert_eq!(place(at(0.0, 40.0), SCREEN, false), Place::OnScreen);
        assert_eq!(place(at(-30.0, 40.0), SCREEN, false), Place::OnScreen, "partly above the top");
        assert_eq!(place(at(790.0, 40.0), SCREEN, true), Place::OnScreen, "partly below the bottom");
        assert_eq!(place(at(-40.0, 40.0), SCREEN, false), Place::Elsewhere, "just above");
        assert_eq!(place(at(800.0, 40.0), SCREEN, false), Place::Elsewhere, "just below");
        assert_eq!(place(at(900.0, 40.0), SCREEN, true), Place::Chart, "a chart below");
        let hidden = Bounds { top: 10.0, bottom: 10.0, width: 0.0, height: 0.0 };
        assert_eq!(place(hidden, SCREEN, false), Place::Elsewhere, "hidden (display: none)");
    }

    #[test]
    fn the_screen_first_then_the_charts_then_the_rest_each_in_document_order() {
        use Place::*;
        let places = [Elsewhere, Chart, OnScreen, Elsewhere, Chart, OnScreen];
        assert_eq!(order(&places), vec![2, 5, 1, 4, 0, 3]);
        assert_eq!(order(&[]), Vec::<usize>::new());
    }
}
