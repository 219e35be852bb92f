//! What a page's URL says about its title: the site's registered name in the host
//! ("telebasel" for https://www.telebasel.ch/…) and the headline words of the slug
//! ("essen westviertel" for …/essenwestviertel/essenwestviertel.htm).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::html::metadata::value::comparable;

/// The registered name in the URL's host: "astronomie" for https://www.astronomie.de/…,
/// "bundeskanzleramt" for https://www.bundeskanzleramt.gv.at/…, "wsl" for
/// https://neubau.wsl.ch/….
pub(super) fn domain(url: &str) -> Option<String> {
    const SECOND_LEVEL: &[&str] = &[
        "co", "com", "net", "org", "gov", "gv", "edu", "ac", "or", "ne", "go",
    ];
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', ':', '?', '#'])
        .next()?;
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop();
    while labels.len() > 1 && labels.last().is_some_and(|l| SECOND_LEVEL.contains(l)) {
        labels.pop();
    }
    labels.pop().filter(|l| *l != "www").map(comparable)
}

/// The last segment of the URL's path, percent-decoded, without its file extension and
/// [`folded`]: "olympische-spiele-in-paris-getraenke-per-schiff-ins-stadtzentrum" for
/// https://lebensmittelpraxis.de/handel-aktuell/38519-olympische-spiele-in-paris-getraenke-per-schiff-ins-stadtzentrum.html
/// (numbers alone are ids, not words, and are dropped). `None` without a path or when
/// fewer than four letters are left ("a" of …/a-6533123 is no headline).
pub(super) fn slug(url: &str) -> Option<String> {
    let path = url
        .split("://")
        .nth(1)?
        .split(['?', '#'])
        .next()?
        .split_once('/')?
        .1;
    let last = path.rsplit('/').find(|s| !s.is_empty())?;
    let last = match last.rsplit_once('.') {
        Some((stem, extension)) if extension.len() <= 5 => stem,
        _ => last,
    };
    let words: Vec<String> = folded(&percent_decoded(last))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect();
    (words.iter().map(String::len).sum::<usize>() >= 4).then(|| words.join(" "))
}

/// `text` lowercased as URLs spell it: German umlauts as two letters ("ä" → "ae", "ß" →
/// "ss"), other accents dropped ("é" → "e"), so "Getränke" meets the slug "getraenke".
pub(super) fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.nfd().filter(|m| !is_combining_mark(*m))),
        }
    }
    out
}

/// `%XX` escapes turned back into the bytes they stand for, read as UTF-8.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{domain, folded, slug};

    #[test]
    fn the_domain_is_the_registered_name() {
        assert_eq!(
            domain("https://www.astronomie.de/x").as_deref(),
            Some("astronomie")
        );
        assert_eq!(
            domain("https://www.bundeskanzleramt.gv.at/x").as_deref(),
            Some("bundeskanzleramt")
        );
        assert_eq!(domain("https://neubau.wsl.ch/de/").as_deref(), Some("wsl"));
    }

    #[test]
    fn the_slug_is_the_last_path_segment_in_words() {
        assert_eq!(
            slug(
                "https://www.rheinruhronline.de/essen/essen2/essenwestviertel/essenwestviertel.htm"
            )
            .as_deref(),
            Some("essenwestviertel")
        );
        assert_eq!(
            slug(
                "https://lebensmittelpraxis.de/handel-aktuell/38519-olympische-spiele-in-paris.html"
            )
            .as_deref(),
            Some("olympische spiele in paris")
        );
        assert_eq!(
            slug("https://www.dw.com/fr/la-perte-des-terres-fertiles-et-les-%C3%A9l%C3%A9phants/a-6533123")
                .as_deref(),
            None
        );
        assert_eq!(
            slug("https://www.dw.com/fr/les-%C3%A9l%C3%A9phants/").as_deref(),
            Some("les elephants")
        );
        assert_eq!(slug("https://example.com/"), None);
        assert_eq!(slug("https://example.com"), None);
    }

    #[test]
    fn folding_spells_letters_as_urls_do() {
        assert_eq!(
            folded("Getränke Straße Éléphants"),
            "getraenke strasse elephants"
        );
    }
}
