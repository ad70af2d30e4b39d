//! Embedding in a portal's iframe: the messages that tell the parent page the report's
//! height, in pym.js's format (so an unmodified pym.js `Parent` resizes it) and as a small
//! JSON message for `public/embed.js`; the embed's view for the host's address; and the
//! set-message a host page may send (`host`).

pub mod host;
#[cfg(feature = "hydrate")]
pub mod messenger;

/// pym.js's message: `pymxPYMx<childId>xPYMxheightxPYMx<height>`.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// The pym.js child id from the query string pym.js's `Parent` adds (`childId=...`).
pub fn pym_child_id(query: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "childId")
        .and_then(|(_, v)| yangpu_core::state::url::decode(v))
        // pym ids are element ids; anything else is not ours to echo.
        .filter(|id| {
            !id.is_empty() && id.len() <= 100 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pym_messages_follow_its_format() {
        assert_eq!(pym_height_message("example", 812), "pymxPYMxexamplexPYMxheightxPYMx812");
        assert_eq!(pym_child_id("?initialWidth=600&childId=yangpu-chart&parentTitle=x"), Some("yangpu-chart".into()));
        assert_eq!(pym_child_id("childId=%3Cb%3E"), None, "only element-id characters");
        assert_eq!(pym_child_id("embed=report"), None);
    }
}
