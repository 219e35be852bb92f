//! What a page's declared titles say about each other: what they share is the headline,
//! what one adds around another is decoration. A page whose `og:title` is "Industriell
//! Revolutioniert?: Anno 1800 Beta" and whose `<title>` is "Vorschauen: Anno 1800 Beta"
//! titles "Anno 1800 Beta"; one whose `<title>` is "privacy policy: SibenLab privacy policy"
//! and whose `og:title` is "SibenLab privacy policy" has "privacy policy" as decoration (the
//! blog's name), whatever its `<h1>` says.

use super::cut::SEPARATORS;
use crate::html::metadata::value::comparable;

/// The shortest headline worth narrowing to, in words: one shared word is a coincidence.
const MIN_WORDS: usize = 2;

/// The last part of `title`, after a separator or a colon, that another of the `declared`
/// titles (which hold `title`) is, or ends with after an unrelated beginning (neither
/// beginning holds the other). `None` when no other title is like that, or when another
/// agrees with `title` as a whole.
pub(super) fn shared_headline<'t>(title: &'t str, declared: &[String]) -> Option<&'t str> {
    let whole = comparable(title);
    let declared: Vec<String> = declared.iter().map(|d| comparable(d)).collect();
    if declared.iter().filter(|d| **d == whole).count() > 1 {
        return None;
    }
    for separator in SEPARATORS.iter().chain(&[": "]) {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let tail = tail.trim();
        let (head, wanted) = (comparable(head), comparable(tail));
        if tail.split_whitespace().count() < MIN_WORDS || head.is_empty() {
            continue;
        }
        let shares = |other: &String| {
            *other == wanted
                || other
                    .strip_suffix(wanted.as_str())
                    .is_some_and(|other_head| {
                        !other_head.is_empty()
                            && !other_head.contains(&head)
                            && !head.contains(other_head)
                    })
        };
        if declared.iter().filter(|d| **d != whole).any(shares) {
            return Some(tail);
        }
    }
    None
}

/// The parts, [`comparable`], that one declared title adds before or after another behind a
/// separator or colon: "privacy policy" of "privacy policy: SibenLab privacy policy" beside
/// "SibenLab privacy policy".
pub(super) fn decorations(declared: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for title in declared {
        for separator in SEPARATORS.iter().chain(&[": "]) {
            for (before, after) in [title.split_once(separator), title.rsplit_once(separator)]
                .into_iter()
                .flatten()
            {
                let (before, after) = (comparable(before), comparable(after));
                if before.is_empty() || after.is_empty() {
                    continue;
                }
                let is_declared = |part: &String| declared.iter().any(|d| comparable(d) == *part);
                if is_declared(&after) && !found.contains(&before) {
                    found.push(before.clone());
                }
                if is_declared(&before) && !found.contains(&after) {
                    found.push(after);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{decorations, shared_headline};

    fn declared(titles: &[&str]) -> Vec<String> {
        titles.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn narrows_to_the_shared_last_part() {
        // next2games.de (trafilatura evaluation set).
        let titles = declared(&[
            "Industriell Revolutioniert?: Anno 1800 Beta",
            "Vorschauen: Anno 1800 Beta",
        ]);
        assert_eq!(shared_headline(&titles[0], &titles), Some("Anno 1800 Beta"));
        let cut = declared(&[
            "Industriell Revolutioniert?: Anno 1800 Beta",
            "Anno 1800 Beta",
        ]);
        assert_eq!(shared_headline(&cut[0], &cut), Some("Anno 1800 Beta"));
    }

    #[test]
    fn keeps_titles_that_agree_or_share_only_a_kicker() {
        // wolfgangschmale.eu (trafilatura evaluation set).
        let agreed = declared(&[
            "„Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt",
            "„Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt",
            "Wolfgang Schmale „Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt",
        ]);
        assert_eq!(shared_headline(&agreed[0], &agreed), None);
        let same = declared(&[
            "Coronavirus: New York ramps up",
            "Coronavirus: New York ramps up",
        ]);
        assert_eq!(shared_headline(&same[0], &same), None);
        let kicker = declared(&[
            "Coronavirus: New York ramps up mass burials",
            "Coronavirus: New York digs mass graves",
        ]);
        assert_eq!(shared_headline(&kicker[0], &kicker), None);
    }

    #[test]
    fn what_one_title_adds_around_another_is_decoration() {
        // sibenlab.blogspot.com (trafilatura evaluation set).
        let titles = declared(&[
            "SibenLab privacy policy",
            "privacy policy: SibenLab privacy policy",
        ]);
        assert_eq!(decorations(&titles), ["privacypolicy"]);
        let agreed = declared(&["Plejaden, M45", "Plejaden, M45"]);
        assert!(decorations(&agreed).is_empty());
    }
}
