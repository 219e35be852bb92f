//! The top candidate for the article: the element with the best score, moved up to the
//! ancestor that holds the whole article when the article is split among its children
//! (Readability.js's two rules). A blog's front page holds several posts, each scoring
//! about as well as the best one: their common container is the article, not the best
//! post. And a candidate inside a box named like boilerplate (a promotion, a sidebar)
//! counts for half: the stories of a slideshow below the article do not outscore it.
//!
//! ```text
//! <div id="posts">                          (scores 74)
//!   <div class="post">first post…</div>     (scores 92: the best)
//!   <div class="post">second post…</div>    (scores 75)
//!   <div class="post">third post…</div>     (scores 72)
//!   <div class="post">fourth post…</div>    (scores 70)
//! </div>                                    → the top candidate is div#posts
//! ```

use super::flatten::{Element, Flat, Kind};

/// What an element's score counts for when it lies inside an element whose class or id
/// calls it boilerplate (`<div class="promo">` around a slideshow of other stories).
const INSIDE_BOILERPLATE: f64 = 0.5;

/// How many of the best-scored elements are weighed against the best one.
const ALTERNATIVES: usize = 5;

/// How many elements scoring at least [`CLOSE_SCORE`] of the best must share an ancestor
/// for that ancestor to be the article.
const MIN_SHARING: usize = 3;

/// An alternative scores at least this share of the best element's score.
const CLOSE_SCORE: f64 = 0.75;

/// The element with the best score (`scores` already cut by link density, halved inside
/// boilerplate, as `in_boilerplate` tells: see [`inside_boilerplate`]), or the ancestor
/// that holds it together with other elements scoring nearly as well; `None` if no block
/// scored.
pub(super) fn top_candidate(
    flat: &Flat,
    scores: &[Option<f64>],
    in_boilerplate: &[bool],
) -> Option<usize> {
    let mut ranked: Vec<(usize, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(index, score)| {
            let weight = if in_boilerplate[index] {
                INSIDE_BOILERPLATE
            } else {
                1.0
            };
            score.map(|s| (index, s * weight))
        })
        .collect();
    // Best first; a tie goes to the element that comes first in the page.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(best, best_score) = ranked.first()?;
    let close: Vec<usize> = ranked
        .iter()
        .skip(1)
        .take(ALTERNATIVES - 1)
        .filter(|(_, score)| *score >= best_score * CLOSE_SCORE)
        .map(|&(index, _)| index)
        .collect();
    let top = shared_ancestor(&flat.elements, best, &close).unwrap_or(best);
    Some(better_parent(&flat.elements, scores, top))
}

/// Whether each element lies inside an element whose class or id calls it boilerplate.
pub(super) fn inside_boilerplate(elements: &[Element]) -> Vec<bool> {
    let mut inside = vec![false; elements.len()];
    for index in 0..elements.len() {
        if let Some(parent) = elements[index].parent {
            inside[index] = inside[parent] || elements[parent].hint < 0;
        }
    }
    inside
}

/// The nearest ancestor of `best` below the page's body that at least [`MIN_SHARING`] of
/// `close` lie inside.
fn shared_ancestor(elements: &[Element], best: usize, close: &[usize]) -> Option<usize> {
    if close.len() < MIN_SHARING {
        return None;
    }
    let mut ancestor = parent_below_body(elements, best);
    while let Some(candidate) = ancestor {
        let inside = close
            .iter()
            .filter(|&&index| is_inside(elements, index, candidate))
            .count();
        if inside >= MIN_SHARING {
            return Some(candidate);
        }
        ancestor = parent_below_body(elements, candidate);
    }
    None
}

/// The parent of `index`, unless it is the page's body or above.
fn parent_below_body(elements: &[Element], index: usize) -> Option<usize> {
    elements[index]
        .parent
        .filter(|&parent| elements[parent].kind != Kind::Page)
}

/// Whether `index` is `ancestor` or lies inside it.
pub(super) fn is_inside(elements: &[Element], index: usize, ancestor: usize) -> bool {
    // A parent comes before its children: no ancestor of `index` is after it.
    let mut at = Some(index);
    while let Some(current) = at
        && current >= ancestor
    {
        if current == ancestor {
            return true;
        }
        at = elements[current].parent;
    }
    false
}

/// `top`, or the first ancestor below the body scoring better than the scored ones between
/// them, as long as the scores on the way up stay above a third of `top`'s.
fn better_parent(elements: &[Element], scores: &[Option<f64>], top: usize) -> usize {
    let Some(top_score) = scores[top] else {
        return top;
    };
    let threshold = top_score / 3.0;
    let mut last_score = top_score;
    let mut ancestor = parent_below_body(elements, top);
    while let Some(parent) = ancestor {
        ancestor = parent_below_body(elements, parent);
        let Some(score) = scores[parent] else {
            continue;
        };
        if score < threshold {
            break;
        }
        if score > last_score {
            return parent;
        }
        last_score = score;
    }
    top
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    /// A blog post: its title, and its paragraphs in a body of their own.
    fn post(title: &str) -> String {
        format!(
            "<div class='entry'><h2>{title}</h2><div class='body'><p>We drove north on Friday, after work, to the \
             cabin by the lake, where the ice had just gone out and the loons were back.</p>\
             <p>On Saturday, early, we walked the shore, counted the nests, and found the old \
             canoe where we had left it, upside down, under the pines.</p></div></div>"
        )
    }

    #[test]
    fn a_front_page_of_posts_keeps_them_all() {
        let page = format!(
            "<html><body><div id='posts'>{}{}{}{}</div>\
             <div id='sidebar'><a href='/a'>Archives</a> <a href='/b'>About</a></div>\
             </body></html>",
            post("Spring at the lake"),
            post("The canoe"),
            post("Loons"),
            post("Back home"),
        );
        let text = extract(&page);
        for title in ["Spring at the lake", "The canoe", "Loons", "Back home"] {
            assert!(text.contains(title), "{title} missing from:\n{text}");
        }
        assert!(!text.contains("Archives"), "{text}");
    }

    #[test]
    fn stories_in_a_promotion_box_do_not_outscore_the_article() {
        let story = |title: &str| {
            format!(
                "<li><h4>{title}</h4><p>Health care in America is the best in the world, \
                 they said, and it is, if you can pay for it, wait for it, and find it, \
                 which most people, in most places, cannot, at least not yet.</p></li>"
            )
        };
        let page = format!(
            "<html><body><div><div>\
             <p>The morning after the spokeswoman's remark, the congresswoman, asked about \
             it twice, refused to discuss the former governor's health care plan.</p>\
             <p>Instead, she talked about the new law, its cost, and its taxes, for ten \
             minutes, while the host tried, again and again, to bring her back.</p>\
             <div class='promo_holder'><ul class='slideshow'>{}</ul></div>\
             </div></div></body></html>",
            (1..=10)
                .map(|n| story(&format!("Story {n}")))
                .collect::<String>(),
        );
        let text = extract(&page);
        // The article is found; the box, most of its text, is not cut out of it.
        assert!(text.starts_with("The morning after"), "{text}");
    }

    #[test]
    fn a_single_post_stays_alone() {
        let page = format!(
            "<html><body><div id='main'>{}\
             <div id='sidebar'><p>Our newsletter, every Friday, with the week's best posts.</p>\
             </div></div></body></html>",
            post("Spring at the lake"),
        );
        let text = extract(&page);
        assert!(text.contains("under the pines."), "{text}");
        assert!(!text.contains("newsletter"), "{text}");
    }
}
