//! A QR code of a link, for phones and WeChat: generated in Rust, drawn as squares.

use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` as rows of dark (true) and light modules, or `None` if it is too long.
pub fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    Some((0..size).map(|y| (0..size).map(|x| code.get_module(x, y)).collect()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_link_into_a_square_with_finder_patterns() {
        let m = modules("https://report.example/yangpu/?chart=education#chart-education").unwrap();
        let n = m.len();
        assert!(n >= 21 && m.iter().all(|row| row.len() == n));
        // The three 7×7 finder patterns have dark corners.
        for (x, y) in [(0, 0), (n - 1, 0), (0, n - 1)] {
            assert!(m[y][x], "finder corner at {x},{y}");
        }
        assert!(!m[n - 1][n - 1] || n > 21, "no finder bottom-right");
        assert!(modules(&"x".repeat(5000)).is_none(), "too long for a QR code");
    }
}
