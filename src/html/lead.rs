//! The lead of an article set apart from its body: many news pages put the paragraph under
//! the headline in a box of its own (`<div class="article-intro">`), beside the headline and
//! the byline rather than inside the body that scores as the article. A box named like a
//! lead that comes just before the article, with little text between them, is part of it.
//!
//! ```text
//! <div class="tb-article-intro"><p>Two young drivers wrecked their sports cars…</p></div>  kept
//! <figure><img …><figcaption>Photo: police</figcaption></figure>
//! <div class="entry-content"><p>…</p><p>…</p></div>                                        the article
//! ```

use super::candidate::is_inside;
use super::flatten::{Flat, Kind};

/// At most this many characters of text (but for link lists) between a lead and the
/// article: a headline, a byline, a caption.
const MAX_GAP_CHARS: usize = 300;

/// A lead has at least this many characters: a sentence, not a label.
const MIN_LEAD_CHARS: usize = 40;

/// The element named like a lead just before the article whose top element is `top`, if
/// any: not inside the article or a boilerplate box, mostly not links, a sentence long, and
/// with at most [`MAX_GAP_CHARS`] of text between its end and the article's start.
/// `in_boilerplate` tells which elements lie inside a boilerplate box (see
/// [`inside_boilerplate`](super::candidate::inside_boilerplate)).
pub(super) fn lead_before(flat: &Flat, in_boilerplate: &[bool], top: usize) -> Option<usize> {
    let first_of_top = flat
        .blocks
        .iter()
        .position(|block| is_inside(&flat.elements, block.element, top))?;
    let mut gap = 0;
    // Backwards from the article's first block: the nearest lead wins.
    for block in flat.blocks[..first_of_top].iter().rev() {
        let lead = lead_holding(flat, block.element);
        if let Some(lead) = lead
            && !in_boilerplate[lead]
            && !is_inside(&flat.elements, top, lead)
        {
            let element = &flat.elements[lead];
            let prose = element.text_len - element.link_len;
            if prose >= MIN_LEAD_CHARS && element.link_len * 3 < element.text_len {
                return Some(lead);
            }
        }
        if !super::block_text::is_link_list(block) {
            gap += block.text.chars().count();
        }
        if gap > MAX_GAP_CHARS {
            return None;
        }
    }
    None
}

/// The element named like a lead that is or holds `element`, if any, and if `element` is
/// not in a list inside it: a lead is prose, and a list in a box named `printSummary` is
/// the page's reprint terms.
fn lead_holding(flat: &Flat, element: usize) -> Option<usize> {
    let mut at = Some(element);
    while let Some(index) = at {
        let element = &flat.elements[index];
        if matches!(element.kind, Kind::List | Kind::ListItem) {
            return None;
        }
        if element.lead {
            return Some(index);
        }
        at = element.parent;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    const BODY: &str = "<div class='entry-content'>\
        <p>Der 19-Jährige verlor kurz nach der Einfahrt aus ungeklärten Gründen die Herrschaft \
        über den Wagen, wie die Kantonspolizei Aargau am Samstag mitteilte.</p>\
        <p>Die Staatsanwaltschaft leitete eine Strafuntersuchung ein. Der junge Mann besass \
        einen Fahrausweis auf Probe, den ihm die Polizei abnahm.</p></div>";

    #[test]
    fn a_lead_boxed_above_the_body_is_part_of_the_article() {
        let page = format!(
            "<html><body><article><h1>Zwei Sportwagen Schrott</h1>\
             <div class='tb-article-intro'>In der Nacht auf Samstag haben zwei junge Lenker \
             unabhängig voneinander einen Unfall mit ihrem Sportwagen gebaut.</div>\
             <figure><figcaption>Bild: Kantonspolizei Aargau</figcaption></figure>\
             <div class='container'>{BODY}</div></article></body></html>"
        );
        let text = extract(&page);
        assert!(text.starts_with("In der Nacht auf Samstag"), "{text}");
        assert!(text.ends_with("den ihm die Polizei abnahm."), "{text}");
    }

    #[test]
    fn a_list_in_a_summary_box_and_a_distant_intro_are_not_leads() {
        let filler = "<p>Weitere Meldungen aus der Region, aus dem Aargau und der ganzen \
                      Schweiz finden Sie jeden Tag hier, auf unserer Seite.</p>"
            .repeat(4);
        let page = format!(
            "<html><body>\
             <div class='intro'>Willkommen auf unserer Seite: Nachrichten aus dem Aargau, \
             jeden Tag neu.</div><div class='teasers'>{filler}</div>\
             <div class='printSummary'><ul><li><p>Reprints: This copy is for your personal, \
             non-commercial use only.</p></li></ul></div>\
             <div class='container'>{BODY}</div></body></html>"
        );
        let text = extract(&page);
        assert!(text.starts_with("Der 19-Jährige"), "{text}");
    }
}
