//! What a page that is not one article keeps (a product, a listing, a thread, a service
//! page): its main region when it names one, less the boxes that its class names call
//! boilerplate, unless they are mostly paragraphs.
//!
//! ```text
//! <main>
//!   <h1>ThinkPad P16s Gen 3</h1>
//!   <div class="promo-banner"><p>Our redesigned keyboard includes tactile markings for
//!     improved accessibility, and the TrackPad is bigger.</p></div>      kept: paragraphs
//!   <div class="share-tools"><a>Share</a> <a>Print</a></div>              left out
//! </main>
//! ```

use super::block_text::is_link_list;
use super::boxes::boilerplate_boxes;
use super::flatten::{Flat, Kind, mark_descendants, sum_into_ancestors};
use super::scoring::scores;

/// Every element of the page but its boilerplate boxes (see [`boilerplate_boxes`]) and
/// what they hold: the content of a page that is not one article. With `prose_stays`, a
/// box that is mostly paragraphs (see [`prose_chars`]) is content whatever its name: the
/// description of a product in `<div class="product-promo">`.
pub(super) fn page_without_boxes(flat: &Flat, prose_stays: bool) -> Vec<bool> {
    let Some(root) = flat.elements.iter().position(|e| e.parent.is_none()) else {
        return Vec::new();
    };
    let scores = scores(flat);
    let mut boxes = boilerplate_boxes(flat, &scores, root);
    if prose_stays {
        let prose = prose_chars(flat);
        for (index, element) in flat.elements.iter().enumerate() {
            if prose[index] * 2 >= element.text_len {
                boxes[index] = false;
            }
        }
    }
    mark_descendants(&flat.elements, &mut boxes);
    boxes.iter().map(|&gone| !gone).collect()
}

/// Characters of each element's paragraphs, at any depth: blocks of [`PARAGRAPH_CHARS`]
/// or more that are not link lists and end a sentence. A teaser's excerpt, cut short with
/// "…", is not one.
fn prose_chars(flat: &Flat) -> Vec<usize> {
    let mut prose = vec![0; flat.elements.len()];
    for block in &flat.blocks {
        let chars = block.text.chars().count();
        if chars >= PARAGRAPH_CHARS && !is_link_list(block) && ends_a_sentence(&block.text) {
            prose[block.element] += chars;
        }
    }
    sum_into_ancestors(&flat.elements, &mut prose);
    prose
}

/// Whether a text ends as a sentence does, not cut short ("…", "...") as a teaser is.
fn ends_a_sentence(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(['.', '!', '?', '。', '！', '？'])
        && !text.ends_with("..")
        && !text.ends_with('…')
}

/// A block this long (in characters) reads as a paragraph.
const PARAGRAPH_CHARS: usize = 80;

/// A page's main region holds at least this share of its text.
const MAIN_SHARE: f64 = 0.3;

/// The element the page names as its content (`<main>`, `role="main"`, `<article>`), the
/// one with the most text, if it holds at least [`MAIN_SHARE`] of the page's text: what
/// lies outside it (filters, promotions, site-wide panels not marked as such) is not the
/// content of a page that is not one article.
pub(super) fn main_region(flat: &Flat) -> Option<usize> {
    let page: usize = flat
        .elements
        .iter()
        .filter(|element| element.parent.is_none())
        .map(|element| element.text_len)
        .sum();
    let (main, element) = flat
        .elements
        .iter()
        .enumerate()
        .filter(|(_, element)| element.main || element.kind == Kind::Article)
        .max_by_key(|(index, element)| (element.text_len, std::cmp::Reverse(*index)))?;
    (element.text_len as f64 >= page as f64 * MAIN_SHARE).then_some(main)
}
