//! Where a page's comment section starts: "69 comments… read them below or add one",
//! "3 Responses to “Forgiving your enemies”", "Comments (12)", "Leave a Reply".

use std::sync::OnceLock;

use regex::Regex;

/// Whether `line` opens a comment section.
///
/// ```text
/// "{ 69 comments… read them below or add one }"  -> yes
/// "3 Responses to “Forgiving your enemies”"      -> yes
/// "Readers' Comments"                            -> yes
/// "Comments are closed."                          -> no (nothing follows)
/// "The comments the minister made on Friday..."   -> no
/// ```
pub(super) fn is_comment_header(line: &str) -> bool {
    static HEADER: OnceLock<Regex> = OnceLock::new();
    let header = HEADER.get_or_init(|| {
        Regex::new(
            r#"(?xi)^
            (?:
                \d+ \s+ (?:comments?|responses?|replies|thoughts|reactions)
                (?: \s+ (?:to|on) \s+ ["“'‘] .{0,100} | \s* […:.(] .{0,60} )?
              | (?:reader'?s'?|user|visitor) \s+ comments? (?:\s* \(\d+\))?
              | comments? \s* \(\d+\)
              | (?:leave|post|add|write) \s+ (?:a|your) \s+ (?:comment|reply|response)
            )
            $"#,
        )
        .expect("the comment header pattern is valid")
    });
    let trimmed = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')')
        .trim();
    trimmed.len() <= 120 && header.is_match(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_comment_sections() {
        for line in [
            "{ 69 comments… read them below or add one }",
            "3 Responses to “Forgiving your enemies”",
            "12 thoughts on “Why we cook”",
            "1 Comment",
            "Comments (12)",
            "Readers' Comments",
            "Leave a Reply",
        ] {
            assert!(is_comment_header(line), "{line}");
        }
    }

    #[test]
    fn prose_and_closed_sections_are_not_headers() {
        for line in [
            "Comments are closed.",
            "The comments the minister made on Friday angered the opposition.",
            "3 responses to the crisis were considered by the cabinet, which chose none.",
            "Results and Discussion of the trial",
            // A bare "Comments" is as often a tab above the article as a section header.
            "Comments",
        ] {
            assert!(!is_comment_header(line), "{line}");
        }
    }
}
