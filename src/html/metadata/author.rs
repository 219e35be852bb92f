//! Author names as bylines write them: "By Jane Doe | Oct 19, 2019" → "Jane Doe".

use super::value::{NAME_MAX, tidy};

/// Labels that introduce a byline, lowercase, longest first where one starts another.
const LABELS: &[&str] = &[
    "posted by ",
    "written by ",
    "geschrieben von ",
    "author: ",
    "autor: ",
    "auteur : ",
    "auteur: ",
    "text: ",
    "von ",
    "by ",
    "par ",
    "por ",
    "di ",
    "door ",
    "autor ",
    "author ",
];
/// A byline longer than this is a sentence or a whole block, not names.
const MAX_WORDS: usize = 10;

/// The name(s) in a byline: label removed, cut before a date or separator, and refused
/// when it is a URL, a handle or too long to be names.
pub(super) fn author_name(byline: &str) -> Option<String> {
    let byline = tidy(byline, NAME_MAX)?;
    let mut name = byline.as_str();
    let lower = name.to_lowercase();
    if let Some(label) = LABELS.iter().find(|l| lower.starts_with(*l))
        && name.is_char_boundary(label.len())
    {
        name = &name[label.len()..];
    }
    if name.contains("://") || name.starts_with('@') || name.contains("www.") {
        return None;
    }
    let end = name
        .find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '\n'))
        .unwrap_or(name.len());
    let name = name[..end].split(" - ").next().unwrap_or_default();
    let edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '-' | '–' | '/' | '"' | '\'' | '“' | '”'
            )
    };
    let names: Vec<&str> = name
        .trim_matches(edge)
        .split([',', ';'])
        .map(|n| n.trim_matches(edge))
        .filter(|n| !n.is_empty() && !is_credential(n))
        .collect();
    let words: usize = names.iter().map(|n| n.split_whitespace().count()).sum();
    (!names.is_empty() && words <= MAX_WORDS).then(|| names.join("; "))
}

/// A degree or title written after a name ("PhD", "M.D.", "RD"): one word, no lowercase
/// letter but perhaps the "h" of "PhD".
fn is_credential(part: &str) -> bool {
    !part.contains(' ')
        && part.len() <= 5
        && part.chars().filter(|c| c.is_lowercase()).all(|c| c == 'h')
}

#[cfg(test)]
mod tests {
    use super::author_name;

    #[test]
    fn takes_the_name_out_of_a_byline() {
        assert_eq!(
            author_name("By  Jane Doe | Oct 19, 2019").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            author_name("Von Lisa Petrich").as_deref(),
            Some("Lisa Petrich")
        );
        assert_eq!(
            author_name("Claudia Riedler, 19.10.2019").as_deref(),
            Some("Claudia Riedler")
        );
    }

    #[test]
    fn refuses_what_is_not_a_name() {
        assert_eq!(author_name("https://www.facebook.com/jane"), None);
        assert_eq!(author_name("@janedoe"), None);
        assert_eq!(author_name("12.10.2019"), None);
        assert_eq!(
            author_name("This paragraph is long enough that it cannot be a byline of names at all"),
            None
        );
    }
}
