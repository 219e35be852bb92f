//! Lines that credit a news agency, and the writer or photographer with it, and say nothing
//! else: "aja/PAP", "PAP/ Rafał Guz", "Hector Andrade | Agencia UNO", "Foto: dpa/lno".

/// Longer lines are not credits.
const MAX_BYTES: usize = 60;

/// Words of names in a credit, besides the agency's.
const MAX_NAME_WORDS: usize = 5;

/// Whether `text` (a trimmed line) is a credit: an optional label ("Foto:", "Photo:"), then
/// pieces split by `/` or `|`, one of them a news or photo agency, the others names
/// (capitalised words) or a writer's initials ("aja", "lno").
///
/// ```text
/// "aja/PAP"                          -> yes
/// "Hector Andrade | Agencia UNO"     -> yes
/// "Reuters/Ipsos poll shows a lead"  -> no
/// "AC/DC"                            -> no
/// ```
pub(super) fn is_credit(text: &str) -> bool {
    if text.len() > MAX_BYTES || memchr::memchr2(b'/', b'|', text.as_bytes()).is_none() {
        return false;
    }
    let text = without_label(text);
    let mut agency = false;
    let mut name_words = 0;
    for piece in text.split(['/', '|']).map(str::trim) {
        if piece.is_empty() {
            continue;
        }
        if AGENCIES.contains(&piece) {
            agency = true;
            continue;
        }
        if is_initials(piece) {
            name_words += 1;
            continue;
        }
        for word in piece.split_whitespace() {
            if !is_name_word(word) {
                return false;
            }
            name_words += 1;
        }
    }
    agency && name_words <= MAX_NAME_WORDS
}

/// `text` without a leading "Foto:", "Photo:", "Fot." label.
fn without_label(text: &str) -> &str {
    LABELS
        .iter()
        .find_map(|label| {
            let head = text.get(..label.len())?;
            head.eq_ignore_ascii_case(label)
                .then(|| &text[label.len()..])
        })
        .unwrap_or(text)
}

/// Labels of credit lines.
const LABELS: [&str; 8] = [
    "foto:",
    "fot.",
    "photo:",
    "bild:",
    "credit:",
    "crédito:",
    "quelle:",
    "zdjęcie:",
];

/// News and photo agencies, as credits write them.
const AGENCIES: [&str; 34] = [
    "AFP",
    "AP",
    "AP Photo",
    "Associated Press",
    "PAP",
    "dpa",
    "DPA",
    "epd",
    "KNA",
    "APA",
    "SDA",
    "EFE",
    "EPA",
    "EPA-EFE",
    "ANSA",
    "Europa Press",
    "Agencia UNO",
    "Agência Brasil",
    "Reuters",
    "REUTERS",
    "Getty Images",
    "Getty",
    "Shutterstock",
    "imago",
    "IMAGO",
    "Imago",
    "imago images",
    "picture alliance",
    "Keystone",
    "KEYSTONE",
    "Xinhua",
    "TASS",
    "IANS",
    "PTI",
];

/// A writer's initials as agencies sign: two to four lowercase letters ("aja", "lno").
fn is_initials(piece: &str) -> bool {
    (2..=4).contains(&piece.len()) && piece.bytes().all(|b| b.is_ascii_lowercase())
}

/// A word of a name: a capital letter, then letters, dots, hyphens or apostrophes.
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

#[cfg(test)]
mod tests {
    use super::is_credit;

    #[test]
    fn agency_credits() {
        for line in [
            "aja/PAP",
            "PAP/ Rafał Guz",
            "Hector Andrade | Agencia UNO",
            "Foto: dpa/lno",
            "Fot. PAP/Leszek Szymański",
            "AFP/Getty Images",
            "Photo: Jean-Pierre Müller / AFP",
        ] {
            assert!(is_credit(line), "{line}");
        }
    }

    #[test]
    fn other_lines_with_slashes_are_not_credits() {
        for line in [
            "AC/DC",
            "Reuters/Ipsos poll shows a lead",
            "Reuters",
            "24/7 news from AFP",
            "Warm Up 11:00 Uhr / Contest 12:00 Uhr",
            "Quelle: (Strato)",
            "PAP/ Rafał Guz, Jan Kowalski, Anna Nowak i Piotr Wiśniewski",
        ] {
            assert!(!is_credit(line), "{line}");
        }
    }
}
