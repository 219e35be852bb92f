//! An article split in parts: pages cut the body around an advertisement or a video into
//! two containers of the same tag and class. The top candidate is one of them; the others
//! are the article too.
//!
//! ```text
//! <div class="story-text"><p>Rep. Mark Meadows' shock retirement…</p>…</div>     kept too
//! <div class="ad">…</div>
//! <div class="story-text"><p>Wary Republicans in the state…</p>…</div>           the top
//! ```

use super::candidate::is_inside;
use super::flatten::Flat;

/// A part holds at least this many characters of text outside links.
const MIN_PART_CHARS: usize = 80;

/// More elements of one tag and class than this are a repeated structure (the posts of a
/// blog's front page, cards of teasers), not the parts of one article.
const MAX_PARTS: usize = 3;

/// The elements of the same tag and class as `top` (both without an id), outside it and not
/// around it, that hold prose (at least [`MIN_PART_CHARS`], under a quarter of it links) and
/// lie in no boilerplate box (`in_boilerplate`, see
/// [`inside_boilerplate`](super::candidate::inside_boilerplate)); none when more than
/// [`MAX_PARTS`] elements share the class.
pub(super) fn other_parts(flat: &Flat, in_boilerplate: &[bool], top: usize) -> Vec<usize> {
    let key = flat.elements[top].class_key;
    if key == 0 {
        return Vec::new();
    }
    let sharing: Vec<usize> = (0..flat.elements.len())
        .filter(|&index| flat.elements[index].class_key == key)
        .collect();
    if sharing.len() > MAX_PARTS {
        return Vec::new();
    }
    sharing
        .into_iter()
        .filter(|&index| {
            let element = &flat.elements[index];
            index != top
                && !in_boilerplate[index]
                && element.hint >= 0
                && element.text_len - element.link_len >= MIN_PART_CHARS
                && element.link_len * 4 < element.text_len
                && !is_inside(&flat.elements, index, top)
                && !is_inside(&flat.elements, top, index)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    #[test]
    fn both_parts_of_a_story_split_by_an_ad_are_kept() {
        let page = "<html><body><main><div class='column'><div class='story-text'>\
            <p>Rep. Mark Meadows' shock retirement, revealed just 30 hours before the filing \
            deadline in North Carolina, has roiled some Republicans in the state.</p></div></div>\
            <div class='ad'><a href='/ad'>Advertisement</a></div>\
            <div class='column'><div class='story-text'>\
            <p>Wary Republicans in the state quickly speculated that she had advance notice \
            of Meadows' retirement, and said so, loudly, on the radio.</p>\
            <p>Online records revealed her campaign website domain had been registered on \
            Oct. 28, by a Scott Meadows, who appears to be the brother of the congressman.</p>\
            <p>After launching her run, Bennett was quickly endorsed by a local organization, \
            which said in a release that its board had convened for a conference call.</p>\
            </div></div></main></body></html>";
        let text = extract(page);
        assert!(
            text.starts_with("Rep. Mark Meadows' shock retirement"),
            "{text}"
        );
        assert!(text.ends_with("convened for a conference call."), "{text}");
        assert!(!text.contains("Advertisement"), "{text}");
    }
}
