//! Whether two titles tell the same headline in other words, as an editor rewords a
//! headline for search engines: "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?"
//! and "Firmenwagen: Leasing oder Finanzierung?".

use std::collections::HashSet;

/// Share of distinct word stems two titles have in common (Jaccard) from which they tell
/// the same headline: "Michael Bloomberg is having to answer questions about his past" and
/// "As his first debate nears, Bloomberg is having to answer about his past".
const SAME_HEADLINE: f64 = 0.5;

/// How many leading letters of a word make its stem: "leasen" and "leasing", "finanzieren"
/// and "finanzierung" share theirs. Shorter words are their own stem.
const STEM_CHARS: usize = 4;

/// How many stems two titles share at least: one shared word ("Postgraduates" and
/// "Postgraduate Dissertations") is a topic, not a headline.
const MIN_SHARED: usize = 2;

/// Whether `a` and `b` share at least [`SAME_HEADLINE`] of their distinct word stems, and
/// at least [`MIN_SHARED`].
pub(super) fn same_headline(a: &str, b: &str) -> bool {
    let (a, b) = (stems(a), stems(b));
    let shared = a.intersection(&b).count();
    let union = a.union(&b).count();
    shared >= MIN_SHARED && shared as f64 / union as f64 >= SAME_HEADLINE
}

/// The distinct lowercase stems of the words of `text`.
fn stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .take(STEM_CHARS)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::same_headline;

    #[test]
    fn a_reworded_headline_is_the_same() {
        assert!(same_headline(
            "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?",
            "Firmenwagen: Leasing oder Finanzierung?"
        ));
        assert!(same_headline(
            "Michael Bloomberg is having to answer questions about his past",
            "As his first debate nears, Bloomberg is having to answer about his past"
        ));
    }

    #[test]
    fn another_headline_is_not() {
        assert!(!same_headline(
            "Junge Lenker schrotten Corvette",
            "Unfall auf der A2 bei Basel"
        ));
        assert!(!same_headline("Leslie Clio", "Aktuell / Vorschau"));
        assert!(!same_headline(
            "Postgraduates",
            "Postgraduate Dissertations"
        ));
        assert!(!same_headline("", ""));
    }
}
