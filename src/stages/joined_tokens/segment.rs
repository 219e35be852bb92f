//! Word segmentation of one token: where, if anywhere, two English words were run together.

use super::memo::Memo;
use super::short_words::{ShortWords, ends_at, lowercase_ends};
use crate::words::WordFrequencies;

/// Function words that glue onto the start of the next word ("thatfollowing", "ourother").
/// Words that are also productive prefixes (in, on, out, up, under, over, as, be, for,
/// with, can) are left out: "incautiously", "onboarding" and "cannot" are words.
static LEADING_FUNCTION_WORDS: ShortWords = ShortWords::new(&[
    "about", "all", "also", "and", "any", "are", "between", "could", "during", "each", "every",
    "from", "had", "has", "have", "her", "his", "into", "its", "just", "more", "most", "much",
    "must", "not", "of", "only", "our", "should", "some", "such", "than", "that", "the", "their",
    "then", "there", "these", "this", "those", "very", "was", "were", "which", "would",
]);

/// Function words that glue onto the end of the previous word ("Russiaand", "betweenthe").
static TRAILING_FUNCTION_WORDS: ShortWords = ShortWords::new(&[
    "all", "and", "are", "at", "but", "by", "for", "from", "had", "has", "have", "in", "is", "it",
    "its", "not", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which",
    "with",
]);

/// The function words that may end a capitalized token ("Russiaand", "Papyriin"): names end
/// in "-as", "-an", "-is", "-on" or "-or" too often for the others.
static TRAILING_AFTER_CAPITAL: ShortWords = ShortWords::new(&[
    "and", "by", "for", "from", "had", "has", "have", "in", "of", "that", "the", "was", "with",
]);

/// The content word of a split must be at least this common (one in a million words)...
const MIN_CONTENT_COUNT: u64 = 1_000_000;
/// ...and at least this long.
const MIN_CONTENT_LEN: usize = 3;
/// The content word of a capitalized token (a name, as often as not) must be this long.
const MIN_CAPITALIZED_CONTENT_LEN: usize = 4;

/// Which pairs of words a glued word may be split into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pairs {
    /// A common word and a function word ("Russiaand", "thatfollowing").
    WithFunctionWord,
    /// Also two common words of four letters or more ("regularbasis"): only in a document
    /// that has shown word-level glue several times already.
    AnyCommon,
}

/// A word listed this many times less often than the rarer of its parts is junk of the
/// web crawl the list comes from ("betweenthe", "ofthe"), not a word.
const JOINED_RATIO: u64 = 1_000;

/// The byte offset in `text[range]`, a word of ASCII letters (capitalized or lowercase),
/// where it splits into two English words, when the word itself is not in the list (or is
/// junk of the list): a common word and a function word, or, with [`Pairs::AnyCommon`],
/// two common words.
///
/// ```text
/// Russiaand     -> Russia|and    thatfollowing -> that|following
/// overall       -> none (a word) Kuleba        -> none (no common parts)
/// incautiously  -> none (in- is a prefix)      Ernestas -> none (a name)
/// regularbasis  -> regular|basis, with Pairs::AnyCommon
/// ```
pub(super) fn split_point(
    text: &str,
    range: std::ops::Range<usize>,
    pairs: Pairs,
    frequencies: &WordFrequencies,
    memo: &mut Memo,
) -> Option<usize> {
    let word = &text[range.clone()];
    let len = word.len();
    // Callers pass runs of ASCII letters only (`lowercase_ends` lowercases them by setting
    // bit 5).
    debug_assert!(word.bytes().all(|b| b.is_ascii_alphabetic()), "{word}");
    if !(2..=MAX_WORD_LEN).contains(&len) {
        return None;
    }
    // The first and the last eight letters, lowercase: the function words at either end
    // are looked up from these.
    let ends = ends_at(text.as_bytes(), range);
    let (head, tail) = lowercase_ends(ends, len);
    let may_begin = LEADING_FUNCTION_WORDS.may_begin(head);
    let may_end = TRAILING_FUNCTION_WORDS.may_end(tail);
    if pairs == Pairs::WithFunctionWord && !may_begin && !may_end {
        return None;
    }
    let hash = head ^ tail.rotate_left(29) ^ len as u64;
    memo.judged(word.as_bytes(), ends, pairs, hash, || {
        split_by_counts(word, pairs, frequencies, (head, tail), (may_begin, may_end))
    })
}

/// [`split_point`] for a word that passed its quick test on the letters at either end.
fn split_by_counts(
    word: &str,
    pairs: Pairs,
    frequencies: &WordFrequencies,
    (head, tail): (u64, u64),
    (may_begin, may_end): (bool, bool),
) -> Option<usize> {
    let len = word.len();
    // The cuts next to a function word: the only ones a split may use, unless any pair of
    // common words may be (then every cut is tried).
    let mut function_cuts = [0usize; 12];
    let mut found = 0;
    for prefix in 2..=7.min(len - 1) {
        if may_begin && LEADING_FUNCTION_WORDS.contains_key(ShortWords::prefix_key(head, prefix)) {
            function_cuts[found] = prefix;
            found += 1;
        }
    }
    for suffix in 1..=5.min(len - 1) {
        if may_end && TRAILING_FUNCTION_WORDS.contains_key(ShortWords::suffix_key(tail, suffix)) {
            function_cuts[found] = len - suffix;
            found += 1;
        }
    }
    if pairs == Pairs::WithFunctionWord && found == 0 {
        return None;
    }
    let mut buffer = [0u8; MAX_WORD_LEN];
    let lower = &mut buffer[..len];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = &*lower;
    let capitalized = word.as_bytes()[0].is_ascii_uppercase();
    // The count of the joined form, looked up only once a cut needs it: a split must be
    // this much more likely than the word it splits.
    let mut joined: Option<u64> = None;
    let mut best: Option<(u64, usize)> = None;
    let mut consider = |cut: usize| {
        let (left, right) = lower.split_at(cut);
        let mut floor = || {
            { *joined.get_or_insert_with(|| frequencies.count(lower)) }.saturating_mul(JOINED_RATIO)
        };
        if let Some(rarer) =
            split_strength(left, right, capitalized, pairs, frequencies, &mut floor)
            && best.is_none_or(|(best_count, _)| rarer > best_count)
        {
            best = Some((rarer, cut));
        }
    };
    match pairs {
        Pairs::WithFunctionWord => function_cuts[..found].iter().for_each(|&cut| consider(cut)),
        Pairs::AnyCommon => (1..len).for_each(&mut consider),
    }
    best.map(|(_, cut)| cut)
}

/// The longest word looked at: longer runs of letters are not two glued words.
const MAX_WORD_LEN: usize = 40;

/// The count of the rarer part when `left|right` is an acceptable split that beats
/// `floor()` (the joined form's count, scaled), else `None`. Lengths are checked before
/// any count is looked up, and the content words' counts before the joined form's.
fn split_strength(
    left: &[u8],
    right: &[u8],
    capitalized: bool,
    pairs: Pairs,
    frequencies: &WordFrequencies,
    floor: &mut impl FnMut() -> u64,
) -> Option<u64> {
    let content_min_len = if capitalized {
        MIN_CAPITALIZED_CONTENT_LEN
    } else {
        MIN_CONTENT_LEN
    };
    // A pair of a function word and a content word: its strength is the rarer of the two.
    // The content word is looked up first: most cuts fail on it ("stati|on"), and then the
    // joined form, a word the list may not have in cache, is never looked up.
    let mut with_function_word = |function_word: &[u8], content: &[u8]| {
        if content.len() < content_min_len {
            return None;
        }
        let content = frequencies.count(content);
        if content < MIN_CONTENT_COUNT {
            return None;
        }
        let bound = frequencies.count(function_word);
        let floor = floor();
        (bound > floor && content > floor).then(|| content.min(bound))
    };
    if !capitalized && LEADING_FUNCTION_WORDS.contains(left) {
        return with_function_word(left, right);
    }
    let trailing = if capitalized {
        TRAILING_AFTER_CAPITAL.contains(right)
    } else {
        TRAILING_FUNCTION_WORDS.contains(right)
    };
    if trailing {
        return with_function_word(right, left);
    }
    if pairs == Pairs::AnyCommon {
        if left.len() < MIN_CAPITALIZED_CONTENT_LEN || right.len() < MIN_CAPITALIZED_CONTENT_LEN {
            return None;
        }
        let (left, right) = (frequencies.count(left), frequencies.count(right));
        if left < MIN_CONTENT_COUNT || right < MIN_CONTENT_COUNT {
            return None;
        }
        let floor = floor();
        return (left > floor && right > floor).then(|| left.min(right));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::joined_tokens::memo;

    fn split(word: &str) -> Option<(&str, &str)> {
        let frequencies = WordFrequencies::english();
        memo::with_table(|memo| {
            split_point(
                word,
                0..word.len(),
                Pairs::WithFunctionWord,
                frequencies,
                memo,
            )
        })
        .map(|cut| word.split_at(cut))
    }

    #[test]
    fn splits_glue_with_a_function_word() {
        assert_eq!(split("Russiaand"), Some(("Russia", "and")));
        assert_eq!(split("thatfollowing"), Some(("that", "following")));
        assert_eq!(split("betweenthe"), Some(("between", "the")));
    }

    #[test]
    fn splits_two_content_words_once_glue_is_seen() {
        let split = |word| {
            let frequencies = WordFrequencies::english();
            memo::with_table(|memo| {
                split_point(word, 0..word.len(), Pairs::AnyCommon, frequencies, memo)
            })
            .map(|cut| word.split_at(cut))
        };
        assert_eq!(split("regularbasis"), Some(("regular", "basis")));
        assert_eq!(split("overall"), None);
    }

    #[test]
    fn leaves_words_names_and_compounds() {
        for word in [
            "overall",
            "soon",
            "Below",
            "Kuleba",
            "Zelenskyy",
            "blockchain",
            "hashtag",
            "cannot",
            "incautiously",
            "onboarding",
            "Ernestas",
            "Danin",
            "Yagan",
            "wasmtime",
        ] {
            assert_eq!(split(word), None, "{word}");
        }
    }
}
