//! Boilerplate boxes inside the article (readability's conditional cleaning): containers
//! that their class or id calls boilerplate and whose text does not outweigh that, such as
//! share bars, author boxes, date lines, newsletter sign-ups and lists of related links.
//!
//! ```text
//! <article>
//!   <div class="entry-meta"><span>June 14, 2019</span> by <a>Sina</a></div>   left out
//!   <p>The summer is here, and with it short dresses and pinned-up hair…</p>
//!   <div class="share-buttons"><a>Facebook</a> <a>Twitter</a></div>            left out
//! </article>
//! ```

use super::flatten::{Flat, Kind, mark_ancestors};

/// Characters of a block of text that reads as prose of its own (a paragraph, whatever
/// its tag).
const PROSE_CHARS: usize = 25;

/// A box holding more than this share of the article's text is not a box but part of it.
const MAX_SHARE: usize = 4;

/// Which elements are boilerplate boxes of an article whose top element is `top`: a `div`
/// or list with a boilerplate class or id, a score below zero (its hint included) or none,
/// no prose of its own, no table, and less than a quarter of the article's text.
///
/// A list with a boilerplate class or id whose every item holds a link is a list of teasers
/// (`<ul class="related_post">` of titles with their excerpts), whatever prose the excerpts
/// hold, up to three quarters of the article's text.
pub(super) fn boilerplate_boxes(flat: &Flat, scores: &[Option<f64>], top: usize) -> Vec<bool> {
    let holds_prose = holds_prose(flat);
    let holds_table = holds_table(flat);
    let teaser_lists = teaser_lists(flat);
    let article_len = flat.elements[top].text_len;
    flat.elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            let named_boilerplate = matches!(element.kind, Kind::Div | Kind::List)
                && element.hint < 0
                && !holds_table[index];
            let small_box = scores[index].unwrap_or(0.0) + f64::from(element.hint) < 0.0
                && !holds_prose[index]
                && element.text_len * MAX_SHARE < article_len;
            let teasers = teaser_lists[index] && element.text_len * 4 < article_len * 3;
            named_boilerplate && (small_box || teasers)
        })
        .collect()
}

/// Whether each element is a list of at least [`MIN_TEASERS`] items, every one holding a
/// link.
fn teaser_lists(flat: &Flat) -> Vec<bool> {
    let mut items = vec![(0usize, 0usize); flat.elements.len()];
    for element in &flat.elements {
        if element.kind == Kind::ListItem
            && let Some(parent) = element.parent
        {
            items[parent].0 += 1;
            items[parent].1 += usize::from(element.link_len > 0);
        }
    }
    flat.elements
        .iter()
        .zip(items)
        .map(|(element, (all, linked))| {
            element.kind == Kind::List && all >= MIN_TEASERS && linked == all
        })
        .collect()
}

/// Fewer items than this are not a list of teasers.
const MIN_TEASERS: usize = 3;

/// Whether each element holds, as its own text, a block of prose.
fn holds_prose(flat: &Flat) -> Vec<bool> {
    let mut holds = vec![false; flat.elements.len()];
    for block in &flat.blocks {
        if block.text.chars().nth(PROSE_CHARS - 1).is_some() {
            holds[block.element] = true;
        }
    }
    holds
}

/// Whether each element is or holds a table: its content is data, not boilerplate.
fn holds_table(flat: &Flat) -> Vec<bool> {
    let mut holds: Vec<bool> = flat
        .elements
        .iter()
        .map(|element| element.kind == Kind::Table)
        .collect();
    mark_ancestors(&flat.elements, &mut holds);
    holds
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    const PARAGRAPH: &str = "<p>The summer is here, and with it the short dresses, the \
        pinned-up hair and, of course, the earrings, which can finally be seen again.</p>\
        <p>This year, small hoops, ear cuffs and studs are worn together, in gold or silver, \
        on one ear or on both, the more the better.</p>";

    #[test]
    fn meta_lines_share_bars_and_related_lists_are_left_out() {
        let page = format!(
            "<html><body><article>\
             <div class='entry-meta'><span>June 14, 2019</span> by <a href='/sina'>Sina</a></div>\
             {PARAGRAPH}\
             <div class='share-buttons'><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a></div>\
             <ul class='related-posts'><li><a href='/1'>Ten rings for the summer</a><br>\
             <small>Rings are back, and this year they come in threes…</small></li></ul>\
             </article></body></html>"
        );
        let text = extract(&page);
        assert!(text.contains("the more the better."), "{text}");
        for boilerplate in ["June 14, 2019", "Facebook", "Ten rings", "Rings are back"] {
            assert!(!text.contains(boilerplate), "{boilerplate} in:\n{text}");
        }
    }

    #[test]
    fn a_related_list_of_titles_with_excerpts_is_left_out() {
        let item = |title: &str| {
            format!(
                "<li><a href='/{title}'>{title}</a><br><small>Von unserer Presse so gut wie \
                 nicht gewürdigt, haben die Isländer den Banken-Crash genutzt, um sich vom \
                 Finanz-Moloch zu befreien. Hiesige Medien schwören die Bevölkerung ein.</small></li>"
            )
        };
        let page = format!(
            "<html><body><div class='entry'>{PARAGRAPH}{PARAGRAPH}\
             <ul class='related_post wp_rp'>{}{}{}</ul></div></body></html>",
            item("Island"),
            item("ESM"),
            item("Strike Debt"),
        );
        let text = extract(&page);
        assert!(text.ends_with("the more the better."), "{text}");
        assert!(!text.contains("Isländer"), "{text}");
    }

    #[test]
    fn a_carousel_of_other_recipes_is_left_out() {
        let slide = |name: &str| {
            format!(
                "<div class='item'><h4><a href='/{name}'>{name}</a></h4><p>Like recipe? Add \
                 the ingredients to your basket.</p></div>"
            )
        };
        let page = format!(
            "<html><body><article>{PARAGRAPH}{PARAGRAPH}\
             <div class='owl-carousel recipe-carousel'>{}{}</div></article></body></html>",
            slide("Chicken korma"),
            slide("Lamb pilau"),
        );
        let text = extract(&page);
        assert!(text.ends_with("the more the better."), "{text}");
    }

    #[test]
    fn prose_and_tables_in_boxes_named_like_boilerplate_stay() {
        let page = format!(
            "<html><body><article>{PARAGRAPH}\
             <div class='media'>The ear cuff, worn high on the ear, needs no piercing at \
             all.</div>\
             <figure class='table-scroll'><table><tr><td>Hoops</td><td>12 euros</td></tr>\
             </table></figure>\
             </article></body></html>"
        );
        let text = extract(&page);
        assert!(text.contains("needs no piercing"), "{text}");
        assert!(text.contains("Hoops\t12 euros"), "{text}");
    }
}
