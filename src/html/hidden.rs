//! Content the visible DOM hides: a `<noscript>` view written for crawlers (Discourse
//! serves the whole thread there and builds the visible page with a script) and the
//! article body a page states in its JSON-LD (`articleBody`, or `text` of a forum post).
//! They are read only when the visible page gives no article: a noscript view or a JSON-LD
//! body is a copy of what a script shows, and the visible page, when it has text, is what
//! a reader saw.
//!
//! ```text
//! <body><div id="app"></div>
//!   <noscript><div class="post"><p>We're on Teams and whatever version…</p></div></noscript>
//! </body>                                    → "We're on Teams and whatever version…"
//! ```

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde_json::Value;

/// A noscript view shorter than this (in bytes of markup) is a tracking pixel or an
/// "enable JavaScript" notice, not a page.
const MIN_VIEW_BYTES: usize = 500;

/// The markup of the largest `<noscript>` view of `page`, if one is large enough to hold a
/// page. With scripting on, as in a browser, html5ever keeps a noscript's content as
/// raw text: it is parsed again by whoever reads it.
pub(super) fn largest_noscript(page: &Html) -> Option<String> {
    let mut largest: Option<String> = None;
    let mut inside: Option<ego_tree::NodeId> = None;
    let mut view = String::new();
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) if inside.is_none() && element.name() == "noscript" => {
                    inside = Some(node.id());
                    view.clear();
                }
                Node::Text(text) if inside.is_some() => view.push_str(text),
                _ => {}
            },
            Edge::Close(node) if inside == Some(node.id()) => {
                inside = None;
                if view.len() >= MIN_VIEW_BYTES
                    && view.contains('<')
                    && largest.as_ref().is_none_or(|l| l.len() < view.len())
                {
                    largest = Some(std::mem::take(&mut view));
                }
            }
            _ => {}
        }
    }
    largest
}

/// The article body stated in the JSON-LD of `page`: the `articleBody` of an article node
/// or the `text` of a post, answer or comment, each with its paragraphs, in the order the
/// page gives them (a thread's posts one after the other), each once.
pub(super) fn json_ld_body(page: &Html) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for node in page.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let is_json_ld = element.name() == "script"
            && element
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_json_ld {
            continue;
        }
        let script: String = node
            .children()
            .filter_map(|child| child.value().as_text().map(|t| &**t))
            .collect();
        let Ok(value) = serde_json::from_str::<Value>(script.trim().trim_end_matches(';')) else {
            continue;
        };
        for body in bodies(value) {
            let body = tidy_body(&body);
            if !body.is_empty() && !found.contains(&body) {
                found.push(body);
            }
        }
    }
    (!found.is_empty()).then(|| found.join("\n\n"))
}

/// Every `articleBody` and `text` string of a JSON-LD value, at any depth (a forum thread
/// nests its posts under `comment`). Iterative: serde_json already refuses nesting deeper
/// than 128.
fn bodies(value: Value) -> Vec<String> {
    let mut pending = vec![value];
    let mut found = Vec::new();
    while let Some(value) = pending.pop() {
        match value {
            Value::Array(items) => pending.extend(items.into_iter().rev()),
            Value::Object(node) => {
                for (key, value) in node {
                    match (key.as_str(), value) {
                        ("articleBody" | "text", Value::String(body)) => found.push(body),
                        (_, value @ (Value::Array(_) | Value::Object(_))) => pending.push(value),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// A JSON-LD body as text lines: markup some sites leave in it dropped, each line trimmed,
/// runs of blank lines made one.
fn tidy_body(body: &str) -> String {
    let text = if body.contains('<') {
        let fragment = Html::parse_fragment(body);
        super::extract::extract_from(&fragment)
    } else {
        body.to_string()
    };
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::{json_ld_body, largest_noscript};

    #[test]
    fn the_largest_noscript_view_is_read_as_markup() {
        let post = "<div class='post'><p>".to_string() + &"A long post. ".repeat(50) + "</p></div>";
        let page = format!(
            "<html><body><noscript><img src='/pixel.gif'></noscript>\
             <div id='app'></div><noscript>{post}</noscript></body></html>"
        );
        let view = largest_noscript(&Html::parse_document(&page)).expect("a view");
        assert!(view.starts_with("<div class='post'>"), "{view}");
    }

    #[test]
    fn a_small_noscript_notice_is_no_view() {
        let page =
            "<body><noscript><p>Please enable JavaScript to use this site.</p></noscript></body>";
        assert_eq!(largest_noscript(&Html::parse_document(page)), None);
    }

    #[test]
    fn every_json_ld_body_in_order_with_its_paragraphs() {
        let page = r#"<script type="application/ld+json">{"@type": "DiscussionForumPosting",
            "headline": "Deploy failed", "text": "My deploy failed.\n\n  Any idea why?  ",
            "comment": [{"@type": "Comment", "text": "Check the <b>build</b> log."},
                        {"@type": "Comment", "text": "Check the build log."}]}</script>"#;
        assert_eq!(
            json_ld_body(&Html::parse_document(page)).as_deref(),
            Some("My deploy failed.\n\nAny idea why?\n\nCheck the build log.")
        );
    }
}
