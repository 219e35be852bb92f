//! The sections of a landing page: each a few short paragraphs (and often a heading) in a
//! container of its own, the containers side by side. The best element is one section; its
//! ancestors hold the others. While the siblings of what the article holds so far are
//! sections that hold as much text as it does, or headings, or a few words (a button, a
//! label), the article grows by its sibling sections and goes on from their parent; a
//! sibling of any other kind (a list of links, a box named like boilerplate) stops it.
//!
//! ```text
//! <main>
//!   <div class="hero"><h1>Accounting software to keep you organized</h1></div>   left out
//!   <section><h2>Simple, reliable, and secure</h2><p>Connect your bank…</p></section>  the top
//!   <section><h2>Easily manage cash flow</h2><p>See what's coming in…</p></section>  grown
//!   <section><h2>Be ready for tax time</h2><p>Stay organized with…</p></section>     grown
//! </main>
//! ```
//!
//! (`tests/page_types.rs` checks it on a real page.)

use super::block_text::is_link_list;
use super::flatten::{Flat, Kind, mark_ancestors};

/// A sibling with less text than this (in characters) neither counts nor stops the growth:
/// a button, a label.
const SMALL_CHARS: usize = 60;
/// A section holds a block of prose of at least this many characters...
const PROSE_CHARS: usize = 50;
/// ...and its links hold at most this share of its text.
const MAX_LINK_SHARE: f64 = 0.3;
/// The growth stops after this many levels.
const MAX_LEVELS: usize = 20;

/// The sections the article grows by from its top element `top` (see the module), outermost
/// last; none when its siblings are not sections. `in_boilerplate` marks the elements inside
/// a container named like boilerplate, which the growth does not reach unless `top` is one
/// of them.
pub(super) fn grown_sections(flat: &Flat, in_boilerplate: &[bool], top: usize) -> Vec<usize> {
    let elements = &flat.elements;
    let mut headed = vec![false; elements.len()];
    let mut prose = vec![false; elements.len()];
    for block in &flat.blocks {
        if elements[block.element].kind == Kind::Heading {
            headed[block.element] = true;
        }
        if !is_link_list(block) && block.text.chars().nth(PROSE_CHARS - 1).is_some() {
            prose[block.element] = true;
        }
    }
    mark_ancestors(elements, &mut headed);
    mark_ancestors(elements, &mut prose);
    let is_section = |index: usize| {
        let element = &elements[index];
        element.hint >= 0
            && prose[index]
            && element.link_len as f64 <= element.text_len as f64 * MAX_LINK_SHARE
    };
    let prose_of = |index: usize| elements[index].text_len - elements[index].link_len;
    let mut grown = Vec::new();
    let mut root = top;
    let mut held = prose_of(top);
    // A best element inside a container named like boilerplate says the page's names
    // mislead (a page builder calls every block a widget: `elementor-widget`): the growth
    // then crosses such names.
    let names_mislead = in_boilerplate[top];
    for _ in 0..MAX_LEVELS {
        let Some(parent) = elements[root].parent else {
            break;
        };
        let named_boilerplate = elements[parent].hint < 0 || in_boilerplate[parent];
        if elements[parent].kind == Kind::Page || (named_boilerplate && !names_mislead) {
            break;
        }
        let mut sections = Vec::new();
        let mut chars = 0;
        // Elements come parent first: the children of `parent` follow it.
        for (index, element) in elements.iter().enumerate().skip(parent + 1) {
            if element.parent != Some(parent) || index == root || element.text_len < SMALL_CHARS {
                continue;
            }
            if is_section(index) {
                sections.push(index);
                chars += prose_of(index);
            } else if !headed[index] {
                return grown;
            }
        }
        if !sections.is_empty() {
            if chars < held {
                break;
            }
            held += chars;
            grown.extend(sections);
        }
        root = parent;
    }
    grown
}
