//! Finding a page's declared charset: in its head (`<meta charset>`, or
//! `<meta http-equiv="Content-Type" content="...; charset=...">`) and in a `Content-Type`
//! header value.
//!
//! The prescan follows the WHATWG "prescan a byte stream to determine its encoding"
//! algorithm (HTML standard, 13.2.3.2): comments are skipped, other tags are stepped over
//! attribute by attribute (so a `>` or a `<meta` inside an attribute value or a comment is
//! not taken for markup), attribute names are case-insensitive, values may be
//! double-quoted, single-quoted or bare, and attributes may come in any order.
//!
//! One departure: the standard stops after 1024 bytes, this prescan goes on to the end of
//! the head (`</head>` or `<body>`), as Chrome's does (Firefox re-reads the page when it
//! meets a later declaration). 65 of the 803 devdata pages declare after byte 1000 (long
//! scripts, a Wayback Machine banner); stopping there left one French page to chardetng,
//! which read its single `é` byte and the letter after it as one Big5 character.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How far into the page a declaration is looked for wherever the head ends (the WHATWG
/// limit).
const PRESCAN_LIMIT: usize = 1024;

/// The encoding named by the first `<meta>` charset declaration in the first 1024 bytes or,
/// after them, before the head ends.
pub(super) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    let mut head_ended = false;
    while at < bytes.len() && !(head_ended && at >= PRESCAN_LIMIT) {
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            // The `>` of the closing `-->` may share its dashes with the opening `<!--`.
            at += 2 + find(&rest[2..], b"-->").map_or(rest.len(), |end| end + 3);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            let mut attributes = Attributes { bytes, at: at + 5 };
            if let Some(encoding) = meta_encoding(&mut attributes) {
                return Some(encoding);
            }
            at = attributes.at;
        } else if is_tag_start(rest) {
            // Step over the tag name, then its attributes, so that their values are skipped.
            let name_len = rest.iter().position(|&b| is_space(b) || b == b'>');
            let name_len = name_len.unwrap_or(rest.len());
            let name = &rest[1..name_len];
            head_ended |= name.eq_ignore_ascii_case(b"body") || name.eq_ignore_ascii_case(b"/head");
            let mut attributes = Attributes {
                bytes,
                at: at + name_len,
            };
            while attributes.next().is_some() {}
            at = attributes.at;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            at += memchr::memchr(b'>', rest).map_or(rest.len(), |end| end + 1);
        } else {
            at += 1;
        }
    }
    None
}

/// The encoding named by the `charset` parameter of a `Content-Type` header value such as
/// `text/html; charset="ISO-8859-1"`.
pub(super) fn content_type_charset(content_type: &str) -> Option<&'static Encoding> {
    charset_in_content(content_type.as_bytes()).and_then(usable_encoding)
}

/// Reads one `<meta>` tag's attributes and returns the encoding it declares, if any: a
/// `charset` attribute, or a `content` attribute's charset when `http-equiv` says
/// `content-type` (the WHATWG rule; a `content` on its own declares nothing).
fn meta_encoding(attributes: &mut Attributes<'_>) -> Option<&'static Encoding> {
    let mut is_content_type = false;
    let mut charset: Option<&[u8]> = None;
    let mut content_charset: Option<&[u8]> = None;
    let (mut seen_charset, mut seen_content, mut seen_http_equiv) = (false, false, false);
    for (name, value) in attributes.by_ref() {
        // Only the first attribute of each name counts.
        if name.eq_ignore_ascii_case(b"http-equiv") && !seen_http_equiv {
            seen_http_equiv = true;
            is_content_type = value.eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") && !seen_content {
            seen_content = true;
            content_charset = charset_in_content(value);
        } else if name.eq_ignore_ascii_case(b"charset") && !seen_charset {
            seen_charset = true;
            charset = Some(value);
        }
    }
    let label = charset.or(content_charset.filter(|_| is_content_type))?;
    usable_encoding(label)
}

/// The encoding for a declared label, with the WHATWG corrections: a UTF-16 label on a
/// page read as ASCII bytes is a mistake (the page would start with a BOM otherwise), and
/// `x-user-defined` means windows-1252. The `replacement` encoding (labels such as
/// `iso-2022-kr`) is dropped rather than followed: it turns a whole page into one U+FFFD,
/// a browser's security choice that would throw away a scraped page.
fn usable_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    if encoding == UTF_16BE || encoding == UTF_16LE {
        Some(UTF_8)
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if encoding == encoding_rs::REPLACEMENT {
        None
    } else {
        Some(encoding)
    }
}

/// The label after `charset=` in a `content` value, per WHATWG "extract a character encoding
/// from a meta element": quoted up to the matching quote, else up to a space or `;`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    loop {
        let found = find_ignore_case(&content[from..], b"charset")?;
        let mut at = from + found + b"charset".len();
        while content.get(at).copied().is_some_and(is_space) {
            at += 1;
        }
        if content.get(at) != Some(&b'=') {
            from = at;
            continue;
        }
        at += 1;
        while content.get(at).copied().is_some_and(is_space) {
            at += 1;
        }
        let rest = &content[at..];
        return match rest.first() {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = memchr::memchr(quote, &rest[1..])?;
                Some(&rest[1..1 + end])
            }
            Some(_) => {
                let end = rest.iter().position(|&b| is_space(b) || b == b';');
                Some(&rest[..end.unwrap_or(rest.len())])
            }
            None => None,
        };
    }
}

/// The attributes of a tag, read with the WHATWG "get an attribute" steps from `at` (just
/// after the tag name); `at` ends after the tag's `>`.
struct Attributes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Attributes<'a> {
    /// The name as written (compare it case-insensitively) and the value.
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.bytes;
        let byte = |at: usize| bytes.get(at).copied();
        while byte(self.at).is_some_and(|b| is_space(b) || b == b'/') {
            self.at += 1;
        }
        match byte(self.at) {
            None => return None,
            Some(b'>') => {
                self.at += 1;
                return None;
            }
            Some(_) => {}
        }
        // A name may start with `=`; after that `=` ends it.
        let name_start = self.at;
        self.at += 1;
        while byte(self.at).is_some_and(|b| !is_space(b) && !matches!(b, b'/' | b'>' | b'=')) {
            self.at += 1;
        }
        let name = &bytes[name_start..self.at];
        while byte(self.at).is_some_and(is_space) {
            self.at += 1;
        }
        if byte(self.at) != Some(b'=') {
            return Some((name, &[]));
        }
        self.at += 1;
        while byte(self.at).is_some_and(is_space) {
            self.at += 1;
        }
        let value_start = self.at;
        match byte(self.at) {
            Some(quote @ (b'"' | b'\'')) => {
                let value_end = memchr::memchr(quote, &bytes[self.at + 1..])
                    .map_or(bytes.len(), |end| self.at + 1 + end);
                self.at = (value_end + 1).min(bytes.len());
                Some((name, &bytes[value_start + 1..value_end]))
            }
            Some(b'>') | None => Some((name, &[])),
            Some(_) => {
                while byte(self.at).is_some_and(|b| !is_space(b) && b != b'>') {
                    self.at += 1;
                }
                Some((name, &bytes[value_start..self.at]))
            }
        }
    }
}

/// `<` followed by a letter, or `</` followed by a letter: the start of a tag.
fn is_tag_start(rest: &[u8]) -> bool {
    let after = if rest.starts_with(b"</") { 2 } else { 1 };
    rest[0] == b'<' && rest.get(after).is_some_and(u8::is_ascii_alphabetic)
}

/// The whitespace of the prescan: tab, LF, FF, CR, space.
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_2, SHIFT_JIS, WINDOWS_1250};

    fn declared(head: &str) -> Option<&'static str> {
        prescan(head.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn reads_meta_charset_in_any_case_and_quoting() {
        assert_eq!(declared(r#"<meta charset="utf-8">"#), Some("UTF-8"));
        assert_eq!(declared("<META CHARSET='ISO-8859-2'>"), Some("ISO-8859-2"));
        assert_eq!(
            declared("<meta charset=windows-1250 />"),
            Some("windows-1250")
        );
        assert_eq!(
            declared(r#"<meta  charset = " shift_jis ">"#),
            Some("Shift_JIS")
        );
        assert_eq!(declared("<meta\ncharset=latin1\n>"), Some("windows-1252"));
    }

    #[test]
    fn reads_http_equiv_content_in_either_order() {
        let equiv_first =
            r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">"#;
        let content_first =
            r#"<meta content='text/html;charset="windows-1250"' HTTP-EQUIV=content-type>"#;
        assert_eq!(prescan(equiv_first.as_bytes()), Some(ISO_8859_2));
        assert_eq!(prescan(content_first.as_bytes()), Some(WINDOWS_1250));
    }

    #[test]
    fn content_without_http_equiv_declares_nothing() {
        assert_eq!(
            declared(r#"<meta name="x" content="charset=shift_jis">"#),
            None
        );
        assert_eq!(
            declared(r#"<meta http-equiv="refresh" content="charset=big5">"#),
            None
        );
    }

    #[test]
    fn skips_comments_and_attribute_values_that_look_like_meta() {
        assert_eq!(
            declared(r#"<!-- <meta charset="big5"> --><meta charset="sjis">"#),
            Some("Shift_JIS")
        );
        assert_eq!(
            declared(r#"<a title='<meta charset="big5">'><meta charset=sjis>"#),
            Some("Shift_JIS")
        );
        assert_eq!(declared("<!--><meta charset=sjis>"), Some("Shift_JIS"));
        assert_eq!(declared("<metadata charset=big5>"), None);
    }

    #[test]
    fn first_declaration_wins_and_unknown_labels_are_skipped() {
        assert_eq!(
            declared("<meta charset=nonsense><meta charset=sjis>"),
            Some("Shift_JIS")
        );
        assert_eq!(
            declared("<meta charset=sjis><meta charset=big5>"),
            Some("Shift_JIS")
        );
        assert_eq!(
            declared("<meta charset=sjis charset=big5>"),
            Some("Shift_JIS")
        );
    }

    #[test]
    fn applies_the_whatwg_corrections() {
        assert_eq!(declared("<meta charset=utf-16>"), Some("UTF-8"));
        assert_eq!(
            declared("<meta charset=x-user-defined>"),
            Some("windows-1252")
        );
        assert_eq!(declared("<meta charset=iso-2022-kr>"), None);
    }

    #[test]
    fn looks_at_the_first_1024_bytes_and_then_to_the_end_of_the_head() {
        let script = format!("<script>{}</script>", "x".repeat(1024));
        let late_in_head = format!("<head>{script}<meta charset=sjis></head>");
        assert_eq!(declared(&late_in_head), Some("Shift_JIS"));
        let late_in_body = format!("<head></head><body>{script}<meta charset=sjis>");
        assert_eq!(declared(&late_in_body), None);
        assert_eq!(
            declared("</head><body><meta charset=sjis>"),
            Some("Shift_JIS")
        );
    }

    #[test]
    fn reads_the_charset_parameter_of_a_content_type() {
        assert_eq!(
            content_type_charset("text/html; charset=Shift_JIS"),
            Some(SHIFT_JIS)
        );
        assert_eq!(
            content_type_charset("text/html;charset=\"iso-8859-2\""),
            Some(ISO_8859_2)
        );
        assert_eq!(content_type_charset("text/html"), None);
        assert_eq!(content_type_charset("text/html; charset=nonsense"), None);
    }
}
