//! Pages too deeply nested for the DOM. html5ever checks element scopes by walking its stack
//! of open elements, so parsing takes time that grows with the square of the nesting depth
//! (100,000 nested `<div>`s: 40 s). Such pages are hostile or broken; their text is read
//! with a plain scan of the markup instead, in linear time.
//!
//! ```text
//! <div><div>…<p>Deep inside</p><br>the text…</div></div>  →  "Deep inside\nthe text"
//! ```

/// Deeper than this, a page is not parsed (the lean scan counts it: see
/// [`Lean`](super::lean::Lean)). Browsers stop nesting at 512 levels.
pub(super) const MAX_DEPTH: usize = 2_000;

/// The text of `html` without its tags, comments, scripts and styles; block tags and
/// `<br>` become line breaks. Entities stay for the `unicode` stage to decode.
pub(super) fn plain_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut text = String::with_capacity(html.len() / 2);
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        text.push_str(&html[at..at + offset]);
        let start = at + offset;
        let rest = &html[start..];
        at = if rest.starts_with("<!--") {
            rest.find("-->").map_or(html.len(), |end| start + end + 3)
        } else {
            let tag_end =
                memchr::memchr(b'>', &bytes[start..]).map_or(html.len(), |p| start + p + 1);
            let name: String = html[start + 1..tag_end.min(html.len())]
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if matches!(name.as_str(), "script" | "style") && !rest.starts_with("</") {
                skip_past_end_tag(html, tag_end, &name)
            } else {
                if is_line_break(&name) {
                    text.push('\n');
                }
                tag_end
            }
        };
    }
    if at < html.len() {
        text.push_str(&html[at..]);
    }
    text
}

/// Where the content of a `script` or `style` element that starts at `from` ends.
fn skip_past_end_tag(html: &str, from: usize, name: &str) -> usize {
    let closing = format!("</{name}");
    let lower = |b: &u8| b.to_ascii_lowercase();
    html.as_bytes()[from..]
        .windows(closing.len())
        .position(|window| window.iter().map(lower).eq(closing.bytes()))
        .map_or(html.len(), |p| {
            let end = from + p;
            memchr::memchr(b'>', &html.as_bytes()[end..]).map_or(html.len(), |q| end + q + 1)
        })
}

/// Void elements, and those whose end tag pages often leave out (the parser closes them):
/// neither deepens the nesting.
pub(super) fn does_not_nest(name: &[u8]) -> bool {
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "td", "tr", "option",
    ]
    .iter()
    .any(|tag| name.eq_ignore_ascii_case(tag.as_bytes()))
}

fn is_line_break(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "blockquote"
            | "pre"
            | "table"
            | "ul"
            | "ol"
            | "header"
            | "footer"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_without_tags_scripts_or_comments() {
        let html = "<div><p>Deep inside</p><script>var x = '<p>';</script><!-- <b>no</b> -->\
                    <br>the <b>text</b><style>p {}</style></div>";
        assert_eq!(plain_text(html), "\n\nDeep inside\n\nthe text\n");
    }
}
