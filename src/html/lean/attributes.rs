//! The attributes of a start tag that the lean markup cuts: no step reads them, and none
//! changes how the page is parsed.
//!
//! ```text
//! <img data-src="/a.jpg" src="/b.jpg" srcset="a.jpg 1x, b.jpg 2x" alt="Map" onclick="zoom()">
//!   →  <img alt="Map" >
//! ```

use memchr::memchr;

/// The attributes of a start tag (its attributes from `from`, the tag ending at `end`)
/// that no step reads and that change nothing in how the page is parsed: `data-*`
/// attributes, event handlers (`onclick`...), and image sources (`src`, `srcset`,
/// `sizes`). Each is given as the range to cut, the name and value with the spaces after
/// them.
pub(super) fn unread_attributes(
    bytes: &[u8],
    from: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let mut at = from;
    std::iter::from_fn(move || {
        while at < end {
            while at < end && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                at += 1;
            }
            let name_start = at;
            // A name runs to a space, '/', '>' or '=' (an '=' first is part of it).
            at += usize::from(at < end && bytes[at] == b'=');
            while at < end && !matches!(bytes[at], b'/' | b'>' | b'=') {
                if bytes[at].is_ascii_whitespace() {
                    break;
                }
                at += 1;
            }
            let name = &bytes[name_start..at];
            let mut after = at;
            while after < end && bytes[after].is_ascii_whitespace() {
                after += 1;
            }
            if after < end && bytes[after] == b'=' {
                after += 1;
                while after < end && bytes[after].is_ascii_whitespace() {
                    after += 1;
                }
                match bytes.get(after) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        after +=
                            1 + memchr(quote, &bytes[after + 1..end]).unwrap_or(end - after - 1);
                        after += 1;
                    }
                    _ => {
                        while after < end
                            && !bytes[after].is_ascii_whitespace()
                            && bytes[after] != b'>'
                        {
                            after += 1;
                        }
                    }
                }
                at = after;
            }
            if name.is_empty() {
                return None;
            }
            if is_unread(name) {
                let mut cut_to = at;
                while cut_to < end && bytes[cut_to].is_ascii_whitespace() {
                    cut_to += 1;
                }
                return Some((name_start, cut_to));
            }
        }
        None
    })
}

/// Whether no step reads an attribute of this name (see [`unread_attributes`]).
pub(super) fn is_unread(name: &[u8]) -> bool {
    let starts = |prefix: &[u8]| {
        name.len() > prefix.len() && name[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    starts(b"data-")
        || starts(b"on")
        || [&b"src"[..], b"srcset", b"sizes"]
            .iter()
            .any(|unread| name.eq_ignore_ascii_case(unread))
}
