//! The items of a listing: sibling elements of one tag and class, each a card of a few
//! lines (a linked headline, a teaser, a date), side by side in one container. A listing's
//! best element is one card, or a notice beside the cards, since the cards are links and
//! links score nothing; the cards together hold far more text than it.
//!
//! ```text
//! <section class="results">
//!   <div class="card"><a href="/1"><h2>What to know about Turo</h2><p>New York (CNN)…</p></a></div>
//!   <div class="card"><a href="/2"><h2>Hertz CEO out</h2><p>Trouble and turmoil…</p></a></div>
//!   … ten more cards …
//! </section>
//! ```
//!
//! (`tests/page_types.rs` checks it on a real page.)

use rustc_hash::FxHashMap;

use super::flatten::{Flat, sum_into_ancestors};

/// A listing shows at least this many items...
const MIN_ITEMS: usize = 5;
/// ...of at least this many lines each on average (a testimonial quoted in a sidebar is
/// one)...
const MIN_ITEM_BLOCKS: usize = 2;
/// ...and this many characters each on average (a menu's entries are a word or two)...
const MIN_ITEM_CHARS: usize = 40;
/// ...and this many characters together.
const MIN_LISTING_CHARS: usize = 500;

/// Sibling elements of one tag and class.
#[derive(Default)]
struct Group {
    items: usize,
    chars: usize,
    blocks: usize,
}

/// The characters of text of the largest group of listing items on the page (see the
/// module): sibling elements of one tag and class, not named like boilerplate, at least
/// [`MIN_ITEMS`] of them averaging [`MIN_ITEM_BLOCKS`] blocks and [`MIN_ITEM_CHARS`]
/// characters; 0 when there is none.
pub(super) fn largest_item_group(flat: &Flat) -> usize {
    let mut blocks = vec![0usize; flat.elements.len()];
    for block in &flat.blocks {
        blocks[block.element] += 1;
    }
    sum_into_ancestors(&flat.elements, &mut blocks);
    let mut groups: FxHashMap<(usize, u64), Group> = FxHashMap::default();
    for (index, element) in flat.elements.iter().enumerate() {
        let Some(parent) = element.parent else {
            continue;
        };
        if element.class_hash == 0 || element.hint < 0 {
            continue;
        }
        let group = groups.entry((parent, element.class_hash)).or_default();
        group.items += 1;
        group.chars += element.text_len;
        group.blocks += blocks[index];
    }
    groups
        .into_values()
        .filter(|group| {
            group.items >= MIN_ITEMS
                && group.blocks >= group.items * MIN_ITEM_BLOCKS
                && group.chars >= group.items * MIN_ITEM_CHARS
                && group.chars >= MIN_LISTING_CHARS
        })
        .map(|group| group.chars)
        .max()
        .unwrap_or(0)
}
