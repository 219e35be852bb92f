//! The real scraped article the project is built around, cleaned with the defaults.

const SCRAPED: &str = include_str!("../fixtures/seed/dw-xi-putin-scraped.txt");
/// The expected output, written by the tool and checked line by line by eye against the
/// input: the three repairs, the comment form gone, nothing else lost.
const CLEAN: &str = include_str!("../fixtures/seed/dw-xi-putin-clean.txt");

fn cleaned() -> String {
    unscrape::clean(SCRAPED)
}

#[test]
fn matches_the_reviewed_output() {
    assert_eq!(cleaned() + "\n", CLEAN);
}

#[test]
fn comment_form_is_gone() {
    let clean = cleaned();
    assert!(!clean.contains("Please enter your comment"));
    assert!(!clean.contains("Please enter your name here"));
}

#[test]
fn glued_and_doubled_tokens_are_repaired() {
    let clean = cleaned();
    assert!(clean.contains("China's close relations with Russia and Beijing's vow"));
    assert!(clean.contains("Xi Jinping to hold talks"));
}

#[test]
fn no_curly_quotes_and_no_runs_of_blank_lines() {
    let clean = cleaned();
    assert!(!clean.contains(['‘', '’', '“', '”']));
    assert!(!clean.contains("\n\n\n"));
    assert!(!clean.contains('\u{a0}'));
}

#[test]
fn every_sentence_and_subheading_survives() {
    let clean = cleaned();
    let straight = |line: &str| {
        line.replace(['‘', '’'], "'")
            .replace(['“', '”'], "\"")
            .replace('\u{a0}', " ")
    };
    for line in SCRAPED.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("Please enter your")
            || line.starts_with("Xi Jinping\u{a0}")
            || line.starts_with("The West is suspicious")
        {
            continue;
        }
        assert!(clean.contains(&straight(line)), "lost: {line}");
    }
    for subheading in [
        "What is on the agenda?",
        "Beijing's peace efforts",
        "Kyiv attempts to boost Beijing ties",
        "Chinese-Russian 'no limit' ties",
    ] {
        assert!(clean.contains(subheading), "lost subheading: {subheading}");
    }
}
