//! Readability's scores: each block of text scores by its length and commas, and its score
//! flows up to the few elements above it, weighted by their kind and their class and id
//! hints and cut by their link density. The best-scoring element is the article's core
//! (see [`candidate`](super::candidate)).
//!
//! ```text
//! <div class="article-body">   5 (a div) + 25 (its class) + the scores of its paragraphs,
//!                              times the share of its text outside links
//!   <p>China and Russia announced a visit, the first since the war began…</p>
//!                              1 + 1 per comma + 1 per 100 characters (3 at most), given
//!                              whole to the div, half to its parent, less further up
//! </div>
//! ```

use super::flatten::{Element, Flat, Kind};

/// Blocks shorter than this add nothing to their ancestors' scores.
const MIN_SCORED_CHARS: usize = 25;

/// The score of every element that holds a scored block (`None` for the others), cut by
/// its link density.
pub(super) fn scores(flat: &Flat) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; flat.elements.len()];
    for block in &flat.blocks {
        let chars = block.text.chars().count();
        if chars < MIN_SCORED_CHARS {
            continue;
        }
        let commas = block.text.matches([',', '，', '、']).count();
        let score = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        let mut ancestor = flat.elements[block.element].parent;
        let mut level = 0;
        // A block's own element is a paragraph; its parent, grandparent and a few more
        // levels hold the article.
        while let Some(index) = ancestor
            && level < 5
        {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let initial = || initial_score(&flat.elements[index]);
            let entry = scores[index].get_or_insert_with(initial);
            *entry += score / divider;
            ancestor = flat.elements[index].parent;
            level += 1;
        }
    }
    for (score, element) in scores.iter_mut().zip(&flat.elements) {
        if let Some(score) = score {
            *score *= 1.0 - link_density(element);
        }
    }
    scores
}

/// An element's score before any text: by its kind and its class and id hints.
fn initial_score(element: &Element) -> f64 {
    let by_kind = match element.kind {
        Kind::Article => 10.0,
        Kind::Div => 5.0,
        Kind::Pre | Kind::Cell | Kind::Quote => 3.0,
        Kind::List | Kind::ListItem | Kind::Form => -3.0,
        Kind::Heading => -5.0,
        _ => 0.0,
    };
    by_kind + f64::from(element.hint)
}

pub(super) fn link_density(element: &Element) -> f64 {
    if element.text_len == 0 {
        return 0.0;
    }
    element.link_len as f64 / element.text_len as f64
}
