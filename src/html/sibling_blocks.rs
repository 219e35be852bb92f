//! An article that a page builder cut into many blocks: each paragraph or section sits in a
//! wrapper of its own (Squarespace's `div.sqs-block > div.sqs-block-content >
//! div.sqs-html-content`), the wrappers side by side. The top candidate is one block's
//! innermost element; its siblings hold nothing. Its wrapper, the highest ancestor that holds
//! hardly any text besides it, has the other blocks for siblings: those of its tag and class
//! that read as prose are the article too.
//!
//! (`tests/page_types.rs` checks it on a real page.)
//!
//! ```text
//! <div class="col">
//!   <div class="sqs-block" id="block-1"><div><div><p>With the rise in…</p></div></div></div>  kept too
//!   <div class="sqs-block" id="block-2"><div><div><p>Grain bowls are…</p></div></div></div>   the top
//!   <div class="sqs-block" id="block-3"><div><div><p>Mediterranean…</p></div></div></div>    kept too
//! </div>
//! ```

use super::flatten::{Flat, Kind};

/// A wrapper holds at most this share of text more than what it wraps.
const WRAPPER_SLACK: f64 = 1.05;

/// A sibling block holds at least this many characters outside links.
const MIN_BLOCK_PROSE: usize = 80;

/// The siblings of the top candidate's wrapper (see the module) that are blocks of its tag
/// and class (whatever their ids) holding prose (at least [`MIN_BLOCK_PROSE`] characters,
/// under a quarter of them links), with no boilerplate name and in no boilerplate box
/// (`in_boilerplate`); none when `top` is its own wrapper (its siblings are judged by
/// their scores).
pub(super) fn sibling_blocks(flat: &Flat, in_boilerplate: &[bool], top: usize) -> Vec<usize> {
    let elements = &flat.elements;
    let mut wrapper = top;
    while let Some(parent) = elements[wrapper].parent
        && elements[parent].kind != Kind::Page
        && elements[parent].text_len as f64 <= elements[wrapper].text_len as f64 * WRAPPER_SLACK
    {
        wrapper = parent;
    }
    let Some(parent) = elements[wrapper].parent.filter(|_| wrapper != top) else {
        return Vec::new();
    };
    let class = elements[wrapper].class_hash;
    if class == 0 {
        return Vec::new();
    }
    (0..elements.len())
        .filter(|&index| {
            let element = &elements[index];
            element.parent == Some(parent)
                && index != wrapper
                && element.class_hash == class
                && element.hint >= 0
                && !in_boilerplate[index]
                && element.text_len - element.link_len >= MIN_BLOCK_PROSE
                && element.link_len * 4 < element.text_len
        })
        .collect()
}
