//! The text of the kept blocks of a page: one line per heading, list item or table row and
//! a blank line between paragraphs, without link lists (but where the page type keeps
//! them) and without headings left dangling at the end.
//!
//! ```text
//! <h2>Ingredients</h2><p>Two cups of rice…</p><ul><li>Rice</li><li>Chicken</li></ul>
//!   →  "Ingredients\n\nTwo cups of rice…\n\nRice\nChicken"
//! ```

use super::flatten::{Block, Flat, Kind};
use crate::stages::phrase_category;

/// The text of the blocks of kept elements, in document order, but for link lists and for
/// headings after the last paragraph: a heading with nothing under it headed a list of
/// links or teasers that is gone ("Similar dishes for you"). Headings that the phrase
/// lists know ("Related posts") stay for the boilerplate stage, which removes them and
/// counts them among the signs of a whole page.
pub(super) fn text_of(flat: &Flat, kept: &[bool]) -> String {
    text_with(flat, kept, false)
}

/// [`text_of`], with the link lists too when `links` (the items of a listing).
pub(super) fn text_with(flat: &Flat, kept: &[bool], links: bool) -> String {
    let mut blocks: Vec<&Block> = flat
        .blocks
        .iter()
        .filter(|b| kept[b.element] && (links || !is_link_list(b)))
        .collect();
    if let Some(last_text) = blocks.iter().rposition(|block| !is_dangling(flat, block)) {
        blocks.truncate(last_text + 1);
    }
    let mut text = String::new();
    let mut previous: Option<Kind> = None;
    for block in blocks {
        let kind = flat.elements[block.element].kind;
        if let Some(previous) = previous {
            text.push_str(separator(previous, kind));
        }
        text.push_str(&block.text);
        previous = Some(kind);
    }
    text
}

/// Whether a block at the end of an article is a heading left without what it headed (a
/// heading tag, or a short block whose class names it a heading: `<div
/// class="card-header">`), and not a line the phrase lists know (the boilerplate stage
/// removes those, and counts them). Other short lines that end no sentence stay: at the end
/// of an article they are as often its signature ("XX, Die Redaktion"), its author or a
/// phone number as a stray label.
fn is_dangling(flat: &Flat, block: &Block) -> bool {
    let element = &flat.elements[block.element];
    let heading = element.kind == Kind::Heading
        || element.titled && block.text.split_whitespace().nth(MAX_TITLE_WORDS).is_none();
    heading && phrase_category(&block.text).is_none()
}

/// A block named like a heading has at most this many words.
const MAX_TITLE_WORDS: usize = 8;

/// A block that is mostly links: a menu, a list of related articles, a share bar.
pub(super) fn is_link_list(block: &Block) -> bool {
    let chars = block.text.chars().count();
    chars > 0 && block.link_len * 2 > chars
}

/// A list item or table row follows another on the next line; anything else after a
/// blank line.
fn separator(previous: Kind, next: Kind) -> &'static str {
    match (previous, next) {
        (Kind::ListItem, Kind::ListItem) | (Kind::Row, Kind::Row) => "\n",
        _ => "\n\n",
    }
}
