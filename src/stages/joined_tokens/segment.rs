//! Word segmentation of one token: where, if anywhere, two English words were run together.

use crate::words::WordFrequencies;

/// Function words that glue onto the start of the next word ("thatfollowing", "ourother").
/// Words that are also productive prefixes (in, on, out, up, under, over, as, be, for,
/// with, can) are left out: "incautiously", "onboarding" and "cannot" are words.
fn is_leading_function_word(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "all"
            | "also"
            | "and"
            | "any"
            | "are"
            | "between"
            | "could"
            | "during"
            | "each"
            | "every"
            | "from"
            | "had"
            | "has"
            | "have"
            | "her"
            | "his"
            | "into"
            | "its"
            | "just"
            | "more"
            | "most"
            | "much"
            | "must"
            | "not"
            | "of"
            | "only"
            | "our"
            | "should"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "then"
            | "there"
            | "these"
            | "this"
            | "those"
            | "very"
            | "was"
            | "were"
            | "which"
            | "would"
    )
}

/// Function words that glue onto the end of the previous word ("Russiaand", "betweenthe").
fn is_trailing_function_word(word: &str) -> bool {
    matches!(
        word,
        "all"
            | "and"
            | "are"
            | "at"
            | "but"
            | "by"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "in"
            | "is"
            | "it"
            | "its"
            | "not"
            | "of"
            | "on"
            | "or"
            | "that"
            | "the"
            | "their"
            | "this"
            | "to"
            | "was"
            | "were"
            | "which"
            | "with"
    )
}

/// The function words that may end a capitalized token ("Russiaand", "Papyriin"): names end
/// in "-as", "-an", "-is", "-on" or "-or" too often for the others.
fn is_trailing_after_capital(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "by"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "in"
            | "of"
            | "that"
            | "the"
            | "was"
            | "with"
    )
}

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

/// The byte offset where `word` (ASCII letters, capitalized or lowercase) splits into two
/// English words, when the word itself is not in the list (or is junk of the list): a
/// common word and a function word, or, with [`Pairs::AnyCommon`], two common words.
///
/// ```text
/// Russiaand     -> Russia|and    thatfollowing -> that|following
/// overall       -> none (a word) Kuleba        -> none (no common parts)
/// incautiously  -> none (in- is a prefix)      Ernestas -> none (a name)
/// regularbasis  -> regular|basis, with Pairs::AnyCommon
/// ```
pub(super) fn split_point(
    word: &str,
    pairs: Pairs,
    frequencies: &WordFrequencies,
) -> Option<usize> {
    let mut buffer = [0u8; 40];
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    // The cuts next to a function word: the only ones a split may use, unless any pair of
    // common words may be (then every cut is tried).
    let mut function_cuts = [0usize; 12];
    let mut found = 0;
    for len in 2..=7.min(lower.len() - 1) {
        if is_leading_function_word(&lower[..len]) {
            function_cuts[found] = len;
            found += 1;
        }
    }
    for len in 1..=5.min(lower.len() - 1) {
        if is_trailing_function_word(&lower[lower.len() - len..]) {
            function_cuts[found] = lower.len() - len;
            found += 1;
        }
    }
    if pairs == Pairs::WithFunctionWord && found == 0 {
        return None;
    }
    let joined = frequencies.count(lower);
    let capitalized = word.as_bytes()[0].is_ascii_uppercase();
    let mut best: Option<(u64, usize)> = None;
    let mut consider = |cut: usize| {
        let (left, right) = lower.split_at(cut);
        if let Some(rarer) = split_strength(left, right, capitalized, pairs, frequencies)
            && joined.saturating_mul(JOINED_RATIO) < rarer
            && best.is_none_or(|(best_count, _)| rarer > best_count)
        {
            best = Some((rarer, cut));
        }
    };
    match pairs {
        Pairs::WithFunctionWord => function_cuts[..found].iter().for_each(|&cut| consider(cut)),
        Pairs::AnyCommon => (1..lower.len()).for_each(&mut consider),
    }
    best.map(|(_, cut)| cut)
}

/// The count of the rarer part when `left|right` is an acceptable split, else `None`.
fn split_strength(
    left: &str,
    right: &str,
    capitalized: bool,
    pairs: Pairs,
    frequencies: &WordFrequencies,
) -> Option<u64> {
    let common = |word: &str, min_len: usize| {
        let count = frequencies.count(word);
        (word.len() >= min_len && count >= MIN_CONTENT_COUNT).then_some(count)
    };
    let content_min_len = if capitalized {
        MIN_CAPITALIZED_CONTENT_LEN
    } else {
        MIN_CONTENT_LEN
    };
    if !capitalized && is_leading_function_word(left) {
        let content = common(right, content_min_len)?;
        return Some(content.min(frequencies.count(left)));
    }
    let trailing = if capitalized {
        is_trailing_after_capital(right)
    } else {
        is_trailing_function_word(right)
    };
    if trailing {
        let content = common(left, content_min_len)?;
        return Some(content.min(frequencies.count(right)));
    }
    if pairs == Pairs::AnyCommon {
        let left = common(left, MIN_CAPITALIZED_CONTENT_LEN)?;
        let right = common(right, MIN_CAPITALIZED_CONTENT_LEN)?;
        return Some(left.min(right));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Option<(&str, &str)> {
        split_point(word, Pairs::WithFunctionWord, WordFrequencies::english())
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
            split_point(word, Pairs::AnyCommon, WordFrequencies::english())
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
