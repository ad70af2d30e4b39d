//! What a drawing returns: each mark's label, value and pixel boxes, so hit-testing and
//! keyboard focus use the very mapping that drew the chart.

/// An axis-aligned box in surface pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }

    pub fn union(&self, other: &Rect) -> Rect {
        Rect::new(self.x0.min(other.x0), self.y0.min(other.y0), self.x1.max(other.x1), self.y1.max(other.y1))
    }
}

/// One thing a reader can point at: a bar, a point, a group of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// What it is ("Start of the period").
    pub label: String,
    /// Its exact value as the report states it ("43.5%").
    pub value: String,
    /// When ("2021–2025").
    pub period: String,
    /// The figure or milestone it shows, for its source.
    pub item_id: crate::data::ItemId,
    /// Where it is drawn; a pointer in any of these boxes hits the mark.
    pub boxes: Vec<Rect>,
}

impl Mark {
    /// The box around all of the mark's parts (for the focus ring and the tooltip).
    pub fn bounds(&self) -> Option<Rect> {
        self.boxes.iter().copied().reduce(|a, b| a.union(&b))
    }
}

/// The marks of one drawing, in reading (and keyboard) order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marks(pub Vec<Mark>);

impl Marks {
    /// The mark under surface point (x, y), if any; the topmost (last drawn) wins.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        self.0.iter().rposition(|m| m.boxes.iter().any(|b| b.contains(x, y)))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Mark> {
        self.0.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(boxes: Vec<Rect>) -> Mark {
        Mark {
            label: String::new(),
            value: String::new(),
            period: String::new(),
            item_id: crate::data::FigureId::ALL[0].into(),
            boxes,
        }
    }

    #[test]
    fn hit_test_finds_the_mark_under_a_point_and_none_in_empty_space() {
        let marks = Marks(vec![
            mark(vec![Rect::new(0.0, 0.0, 10.0, 10.0)]),
            mark(vec![Rect::new(20.0, 0.0, 30.0, 10.0), Rect::new(40.0, 0.0, 50.0, 10.0)]),
            mark(vec![Rect::new(5.0, 5.0, 25.0, 8.0)]),
        ]);
        assert_eq!(marks.hit_test(1.0, 1.0), Some(0));
        assert_eq!(marks.hit_test(45.0, 5.0), Some(1));
        assert_eq!(marks.hit_test(35.0, 5.0), None);
        assert_eq!(marks.hit_test(6.0, 6.0), Some(2), "the mark drawn last is on top");
        assert_eq!(marks.hit_test(-1.0, 5.0), None);
        assert_eq!(marks.get(1).unwrap().bounds(), Some(Rect::new(20.0, 0.0, 50.0, 10.0)));
    }
}
