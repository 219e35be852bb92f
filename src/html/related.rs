//! Sections of teasers at the end of an article, under a heading that says so: "Related",
//! "You may also like", "Weitere Artikel". What follows the heading in its container (cards
//! of other posts, each a title, an excerpt and a byline) is not the article. The heading
//! stays, for the boilerplate stage: it removes the line, and counts it among the signs
//! that the text is a whole page rather than an article alone.
//!
//! ```text
//! <div class="post">
//!   <p>…the article's last paragraph.</p>
//!   <h3>Related</h3>                                              (its line removed later)
//!   <div class="post-item"><h3><a>Kanji cheat sheet</a></h3>
//!     <p>Vegan food is notoriously hard to find in Japan…</p></div>  left out
//! </div>
//! ```

use super::flatten::{Flat, Kind, mark_descendants};
use crate::stages::phrase_category;

/// A related section holding more than this share of the article's text is not taken out:
/// the heading was misread.
const MAX_SHARE: usize = 2;

/// Leaves out of `kept` (the article's elements, `top` its top) the elements after every
/// heading that the phrase lists call a teaser heading, inside the article or beside its
/// top, in the heading's container, with their descendants.
pub(super) fn drop_related_sections(flat: &Flat, kept: &mut [bool], top: usize) {
    // The article's text: that of the kept elements whose parent is not kept.
    let article_len: usize = flat
        .elements
        .iter()
        .enumerate()
        .filter(|(index, element)| kept[*index] && !element.parent.is_some_and(|p| kept[p]))
        .map(|(_, element)| element.text_len)
        .sum();
    let mut dropped = vec![false; flat.elements.len()];
    for block in &flat.blocks {
        let heading = block.element;
        let beside_top = flat.elements[heading].parent == flat.elements[top].parent;
        if !(kept[heading] || beside_top)
            || flat.elements[heading].kind != Kind::Heading
            || phrase_category(&block.text) != Some("teaser")
        {
            continue;
        }
        let Some(parent) = flat.elements[heading].parent else {
            continue;
        };
        let following: Vec<usize> = (heading + 1..flat.elements.len())
            .filter(|&index| flat.elements[index].parent == Some(parent))
            .collect();
        let following_len: usize = following.iter().map(|&i| flat.elements[i].text_len).sum();
        if following_len * MAX_SHARE <= article_len {
            for index in following {
                dropped[index] = true;
            }
        }
    }
    mark_descendants(&flat.elements, &mut dropped);
    for (kept, dropped) in kept.iter_mut().zip(dropped) {
        *kept &= !dropped;
    }
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    #[test]
    fn cards_under_a_related_heading_are_left_out() {
        let card = |title: &str| {
            format!(
                "<div class='post-item'><h3><a href='/{title}'>{title}</a></h3>\
                 <p>Vegan food is notoriously hard to find in Japan. Luckily we've got you \
                 covered with this guide, with photos, tips and a list of shops.</p></div>"
            )
        };
        let page = format!(
            "<html><body><div class='wrapper'><h1>Dealing with chikan</h1>\
             <div class='text-left'><p>Japan is a safe country. Unless you're a woman riding \
             on a packed train during rush hour, that is. Chikan, or train groping, continues \
             to be a problem in Japan.</p><p>Japanese victims are speaking up more than \
             before, but it's far from being enough, and gropers profit from their \
             victims' fear of causing a fuss in public.</p><p>Follow these steps, shared \
             on Twitter, to safely apprehend a train groper in Japan: stay calm, take a \
             photo, and tell the station staff.</p></div>\
             <h3 class='section-title'>R<span>e</span>lated</h3>{}{}</div></body></html>",
            card("Kanji cheat sheet"),
            card("Valentine's Day"),
        );
        let text = extract(&page);
        assert!(text.contains("tell the station staff."), "{text}");
        assert!(!text.contains("Vegan food"), "{text}");
    }
}
