//! Where an inline drawing (`<svg>`) ends, when its shapes can be left out whole.
//!
//! ```text
//! <svg viewBox="0 0 24 24"><g><path d="M1 2L3 4"/></g></svg>  →  <svg viewBox="0 0 24 24"></svg>
//! <svg><path d="M1 2"/><p>Visible text</p></svg>              →  (kept: the <p> ends it)
//! ```

use memchr::memchr;

use super::tag_end;

/// Where the content of an `<svg>` element that starts at `from` ends (the start of its
/// `</svg>`, nested drawings counted), if it holds nothing the parser would read as HTML:
/// no comment, no CDATA section, and no tag of those that end a drawing (`<p>`, `<div>`,
/// `<b>`…: the parser closes the drawing and reads them as the page's).
pub(super) fn drawing_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = if bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            bytes[name_start..]
                .iter()
                .position(|&b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - name_start)
        } else {
            0
        };
        let name = &bytes[name_start..name_start + name_len];
        if name.is_empty() && rest.first() != Some(&b'!') {
            // A '<' of text.
            at = start + 1;
            continue;
        }
        if name.eq_ignore_ascii_case(b"svg") {
            if closing && depth == 0 {
                return Some(start);
            }
            depth = if closing { depth - 1 } else { depth + 1 };
        } else if rest.first() == Some(&b'!') || (!closing && ends_a_drawing(name)) {
            return None;
        }
        at = tag_end(bytes, name_start + name_len)?;
    }
    None
}

/// The start tags that close an open drawing (the HTML standard's "breakout" list, with
/// `font`, which does so when it carries a colour, face or size).
fn ends_a_drawing(name: &[u8]) -> bool {
    const BREAKOUT: [&str; 46] = [
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
        "font",
        "html",
    ];
    BREAKOUT
        .iter()
        .any(|tag| name.eq_ignore_ascii_case(tag.as_bytes()))
}
