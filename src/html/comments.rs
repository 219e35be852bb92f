//! The user comments of a page: the text of its comment sections (found by their class or
//! id: "comments", "comment-list", "disqus_thread"...), which the article leaves out.

use ego_tree::iter::Edge;
use scraper::Html;

use super::block_text::text_of;
use super::flatten::{Part, flatten_from};
use super::names::Names;

/// The text of every comment section of `page`, in document order, a line per block and a
/// blank line between blocks; empty when the page has none.
///
/// ```
/// let page = scraper::Html::parse_document(
///     r#"<article><p>Xi Jinping will visit Moscow next week.</p></article>
///        <div id="comments"><h3>2 Comments</h3>
///          <div class="comment"><p>A visit long overdue.</p></div>
///          <div class="comment"><p>What about Kyiv?</p></div>
///          <form><label>Name</label><textarea></textarea></form></div>"#,
/// );
/// assert_eq!(
///     unscrape::html::comments_from(&page),
///     "2 Comments\n\nA visit long overdue.\n\nWhat about Kyiv?"
/// );
/// ```
pub fn comments_from(page: &Html) -> String {
    let mut text = String::new();
    let mut inside: Option<ego_tree::NodeId> = None;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) if inside.is_none() => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                if !Names::of(element).is_comment_section() {
                    continue;
                }
                inside = Some(node.id());
                let flat = flatten_from(node, Part::COMMENTS);
                let section = text_of(&flat, &vec![true; flat.elements.len()]);
                if !section.is_empty() {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    text.push_str(&section);
                }
            }
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            _ => {}
        }
    }
    text
}
