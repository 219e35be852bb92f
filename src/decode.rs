//! Bytes to text.
//!
//! [`decode_bytes`] is for plain-text files: UTF-8 when the bytes are UTF-8 (with or without
//! a BOM), a BOM's encoding when there is one, otherwise the encoding chardetng guesses.
//!
//! ```
//! // "café" written in windows-1252
//! assert_eq!(unscrape::decode::decode_bytes(b"caf\xe9 au lait"), "café au lait");
//! assert_eq!(unscrape::decode::decode_bytes("\u{feff}plain".as_bytes()), "plain");
//! ```
//!
//! [`decode_html`] is for HTML pages, which say what they are written in (an HTTP header,
//! a `<meta>` tag) but are often wrong: see its docs for the order of evidence.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    BIG5, CoderResult, EUC_JP, EUC_KR, Encoding, GB18030, SHIFT_JIS, UTF_8, WINDOWS_1252,
};

mod meta;

/// Decodes `bytes` to text, never failing: bytes no encoding explains become U+FFFD.
pub fn decode_bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    guess_encoding(bytes).decode_without_bom_handling(bytes).0
}

/// An HTML page decoded to text, with the encoding used and the evidence that chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The page as text; borrowed when the bytes were UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding the page was decoded with (UTF-8 for [`Source::MixedUtf8`]).
    pub encoding: &'static Encoding,
    /// Why that encoding.
    pub source: Source,
}

/// The evidence that chose a page's encoding, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A byte order mark at the start of the page.
    Bom,
    /// The `charset` of the HTTP `Content-Type` header (e.g. from a WARC record).
    HttpHeader,
    /// A `<meta>` charset declaration in the head (or the first 1024 bytes).
    MetaTag,
    /// The bytes are valid UTF-8, and nothing was declared or the declaration named another
    /// encoding: a label left behind when the page was converted to UTF-8.
    ValidUtf8,
    /// Most non-ASCII characters are UTF-8 but some bytes are not: UTF-8 runs decoded as
    /// UTF-8, each stray or truncated byte as windows-1252 (a page assembled from parts saved
    /// in different encodings, or damaged by a byte-wise tool).
    MixedUtf8,
    /// chardetng's guess: the bytes are not UTF-8 and nothing usable was declared, or the
    /// declared encoding met malformed bytes where the guess did not.
    Detected,
}

/// Decodes an HTML page to text, choosing the encoding as a browser would and then checking
/// the choice against the bytes, because scraped pages often declare the wrong one.
///
/// The evidence, in order:
/// 1. a byte order mark;
/// 2. the charset of `content_type`, the HTTP `Content-Type` header value if there is one;
/// 3. a `<meta charset>` or `<meta http-equiv="Content-Type">` in the head (the WHATWG
///    prescan, carried past its 1024 bytes to the end of the head as Chrome does; labels
///    read as browsers read them, `iso-8859-1` as windows-1252);
/// 4. the bytes themselves: bytes that are valid UTF-8 are UTF-8 whatever was declared (a
///    declared single-byte encoding would turn every accented letter into two characters);
///    bytes whose non-ASCII characters are mostly UTF-8 are decoded as
///    [`Source::MixedUtf8`]; a declared encoding that meets malformed bytes (before the
///    end: a last character cut short does not count) gives way to chardetng's guess when
///    the guess decodes cleanly; with nothing declared, chardetng.
///
/// Never fails: bytes no encoding explains become U+FFFD. Linear in the length of `bytes`.
///
/// Readability's `qq` test page, UTF-8 that still declares gb2312: trusting the tag would
/// give `DeepMind鏂扮數鑴戝凡鍙�鍒╃敤璁板繂鑷�瀛�`.
///
/// ```
/// use unscrape::decode::{Source, decode_html};
///
/// let page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />\n\
///             <title>DeepMind新电脑已可利用记忆自学</title>";
/// let decoded = decode_html(page.as_bytes(), None);
/// assert!(decoded.text.ends_with("<title>DeepMind新电脑已可利用记忆自学</title>"));
/// assert_eq!(decoded.source, Source::ValidUtf8);
///
/// // The title of trafilatura's rp.pl page, really windows-1250, as a WARC record gives it.
/// let page = b"<title>Sejm zag\xb3osowa\xb3 \"za\"</title>";
/// let decoded = decode_html(page, Some("text/html; charset=Windows-1250"));
/// assert_eq!(decoded.text, "<title>Sejm zagłosował \"za\"</title>");
/// assert_eq!(decoded.source, Source::HttpHeader);
/// ```
pub fn decode_html<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
        return Decoded {
            text,
            encoding,
            source: Source::Bom,
        };
    }
    let declared = content_type
        .and_then(meta::content_type_charset)
        .map(|encoding| (encoding, Source::HttpHeader))
        .or_else(|| meta::prescan(bytes).map(|encoding| (encoding, Source::MetaTag)));

    if let Ok(utf8) = std::str::from_utf8(bytes) {
        // ASCII reads the same in almost every encoding; the declaration decides only for
        // the few that give ASCII bytes another meaning (ISO-2022-JP's escapes).
        if let Some((encoding, source)) = declared
            && (encoding == UTF_8 || utf8.is_ascii())
            && let (text, false) = encoding.decode_without_bom_handling(bytes)
        {
            return Decoded {
                text,
                encoding,
                source,
            };
        }
        return Decoded {
            text: Cow::Borrowed(utf8),
            encoding: UTF_8,
            source: Source::ValidUtf8,
        };
    }
    if is_mostly_utf8(bytes) {
        let text = Cow::Owned(decode_mixed_utf8(bytes));
        return Decoded {
            text,
            encoding: UTF_8,
            source: Source::MixedUtf8,
        };
    }
    let detected = || {
        let encoding = guess_encoding(bytes);
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        (
            Decoded {
                text,
                encoding,
                source: Source::Detected,
            },
            had_errors,
        )
    };
    match declared {
        // Declared UTF-8 is plainly wrong here: the bytes are not UTF-8.
        Some((encoding, source)) if encoding != UTF_8 => {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let declared = Decoded {
                text,
                encoding,
                source,
            };
            if !had_errors
                || !malformed_before_end(encoding, bytes)
                || (!encoding.is_single_byte() && mostly_valid(&declared.text))
            {
                return declared;
            }
            match detected() {
                (guess, false) => guess,
                (_, true) => declared,
            }
        }
        _ => detected().0,
    }
}

/// chardetng's guess for bytes that are not UTF-8 (no top-level domain hint: the caller
/// has none to give). chardetng rules out a multi-byte encoding at its first malformed
/// sequence, so a GBK page with a few broken bytes would read as windows-1252 mojibake
/// ("ÖÐ¹ú" for "中国"): when it guesses a single-byte encoding, the East Asian multi-byte
/// encodings are tried too, and one that reads the bytes as many characters with few
/// errors (see [`mostly_valid`]) wins.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Allow);
    if !guess.is_single_byte() {
        return guess;
    }
    [GB18030, BIG5, SHIFT_JIS, EUC_KR, EUC_JP]
        .into_iter()
        .find(|encoding| mostly_valid(&encoding.decode_without_bom_handling(bytes).0))
        .unwrap_or(guess)
}

/// Non-ASCII characters a multi-byte decoding must give to be judged on its errors.
const MIN_WIDE_CHARS: usize = 50;
/// At most one character in this many may be a replacement character (a broken byte).
const MAX_ERROR_SHARE: usize = 50;

/// Whether a multi-byte decoding reads as text with a few broken bytes: many non-ASCII
/// characters, hardly any of them U+FFFD. A wrong multi-byte table meets a malformed
/// sequence every few characters.
fn mostly_valid(text: &str) -> bool {
    let (mut wide, mut errors) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        wide += 1;
        errors += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    wide >= MIN_WIDE_CHARS && errors * MAX_ERROR_SHARE <= wide
}

/// Whether `encoding` meets malformed bytes before the end of `bytes`. A character cut off
/// at the very end is what a size limit on a download leaves; it says nothing against the
/// declaration, and a single-byte guess, which reads any byte, would always look cleaner.
fn malformed_before_end(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = [0u8; 4096];
    let mut rest = bytes;
    loop {
        // Not the last input: an incomplete sequence at the end stays pending, not malformed.
        let (result, read, _, had_errors) = decoder.decode_to_utf8(rest, &mut scratch, false);
        if had_errors {
            return true;
        }
        rest = &rest[read..];
        if result == CoderResult::InputEmpty {
            return false;
        }
    }
}

/// Whether the non-ASCII bytes look more like UTF-8 than not. For UTF-8: valid multi-byte
/// characters, and characters cut short (a lead byte with some of its continuation bytes, as
/// when a tool replaced the last byte of `—` by `"`). Against: bytes that cannot start or
/// continue a character there. Text in a legacy encoding almost never forms such sequences
/// (a letter from U+00C2-U+00F4 followed by one from U+0080-U+00BF, which is itself what
/// mojibake looks like), so a majority of them means UTF-8 with some broken bytes.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut utf8_like, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        utf8_like += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        match chunk.invalid().len() {
            0 => {}
            1 => stray += 1,
            _ => utf8_like += 1,
        }
    }
    utf8_like > stray
}

/// Decodes UTF-8 runs as UTF-8 and every byte of a malformed sequence as windows-1252, the
/// encoding stray bytes in a UTF-8 page are almost always in (`’` as 0x92, `£` as 0xA3). A
/// truncated character cannot be recovered; its bytes read as windows-1252 (`â€`) keep a
/// trace a mojibake repair can recognise, where U+FFFD would keep none.
fn decode_mixed_utf8(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, ISO_2022_JP, UTF_16LE};

    fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str, Source) {
        let decoded = decode_html(bytes, content_type);
        (
            decoded.text.into_owned(),
            decoded.encoding.name(),
            decoded.source,
        )
    }

    #[test]
    fn bom_outranks_header_and_meta() {
        let page = b"\xff\xfe<\0p\0>\0\xe9\0";
        let decoded = decode_html(page, Some("text/html; charset=iso-8859-1"));
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            ("<p>é", UTF_16LE)
        );
        assert_eq!(decoded.source, Source::Bom);
        let page = b"\xef\xbb\xbf<meta charset=shift_jis>caf\xc3\xa9";
        assert_eq!(
            decode(page, None),
            ("<meta charset=shift_jis>café".into(), "UTF-8", Source::Bom)
        );
    }

    #[test]
    fn header_outranks_meta() {
        let page = b"<meta charset=windows-1252><p>\x8e\xa9\x8f\xcc";
        let (text, encoding, source) = decode(page, Some("text/html; charset=Shift_JIS"));
        assert_eq!(
            (text.as_str(), encoding, source),
            (
                "<meta charset=windows-1252><p>自称",
                "Shift_JIS",
                Source::HttpHeader
            )
        );
        let (_, encoding, source) = decode(page, Some("text/html; charset=bogus"));
        assert_eq!((encoding, source), ("windows-1252", Source::MetaTag));
    }

    #[test]
    fn declared_latin1_but_utf8_bytes_are_utf8() {
        let page = "<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>\
                    Kohlschütter’s café";
        let decoded = decode_html(page.as_bytes(), None);
        assert_eq!(
            (decoded.text.as_ref(), decoded.source),
            (page, Source::ValidUtf8)
        );
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
    }

    #[test]
    fn ascii_pages_keep_their_declaration() {
        assert_eq!(decode(b"<meta charset=latin1>ok", None).1, "windows-1252");
        assert_eq!(decode(b"<meta charset=utf-8>ok", None).2, Source::MetaTag);
        assert_eq!(
            decode(b"plain", None),
            ("plain".into(), "UTF-8", Source::ValidUtf8)
        );
        // ISO-2022-JP is all 7-bit: only its declaration tells the escapes apart from ASCII.
        let page = b"<meta charset=iso-2022-jp>\x1b$BF|K\\\x1b(B";
        let decoded = decode_html(page, None);
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            ("<meta charset=iso-2022-jp>日本", ISO_2022_JP)
        );
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let (text, encoding, source) =
            decode(b"<p>Gr\xfc\xdfe aus M\xfcnchen, caf\xe9 cr\xe8me", None);
        assert_eq!(
            (text.as_str(), encoding, source),
            (
                "<p>Grüße aus München, café crème",
                "windows-1252",
                Source::Detected
            )
        );
    }

    #[test]
    fn declared_utf8_with_legacy_bytes_is_detected() {
        let page = b"<meta charset=utf-8><p>Gr\xfc\xdfe aus M\xfcnchen";
        assert_eq!(decode(page, None).1, "windows-1252");
        assert_eq!(decode(page, None).2, Source::Detected);
    }

    #[test]
    fn declared_encoding_meeting_malformed_bytes_gives_way_to_a_clean_guess() {
        let page = b"<meta charset=gbk><p>Gr\xfc\xdfe aus M\xfcnchen, caf\xe9 cr\xe8me";
        assert!(
            GBK.decode_without_bom_handling(page).1,
            "GBK finds malformed bytes"
        );
        let (text, encoding, source) = decode(page, None);
        assert_eq!((encoding, source), ("windows-1252", Source::Detected));
        assert!(text.ends_with("Grüße aus München, café crème"));
    }

    /// A GB2312 news paragraph (zh-wce style) with two broken bytes in the middle: a lead
    /// byte followed by a space, as a truncating template leaves them.
    fn gbk_page_with_broken_bytes(meta: &str) -> Vec<u8> {
        let paragraph = "国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。\
            国家统计局新闻发言人表示，前三季度国民经济持续恢复，总体回升向好，\
            高质量发展扎实推进，就业物价总体稳定，居民收入继续增加。";
        let mut page = format!("<html><head>{meta}</head><body><p>").into_bytes();
        let text = paragraph.repeat(2);
        let encoded = GBK.encode(&text).0;
        page.extend_from_slice(&encoded[..40]);
        page.extend_from_slice(b"\xb9 ");
        page.extend_from_slice(&encoded[40..120]);
        page.extend_from_slice(b"\xd6 ");
        page.extend_from_slice(&encoded[120..]);
        page.extend_from_slice(b"</p></body></html>");
        page
    }

    #[test]
    fn a_gbk_page_with_a_few_broken_bytes_is_still_gbk() {
        for meta in ["<meta charset=gb2312>", ""] {
            let page = gbk_page_with_broken_bytes(meta);
            let (text, encoding, _) = decode(&page, None);
            assert!(
                encoding == "GBK" || encoding == "gb18030",
                "{meta:?}: {encoding}"
            );
            assert!(
                text.contains("国务院新闻办公室今天举行新闻发布会"),
                "{meta:?}: {text}"
            );
            assert!(text.contains("居民收入继续增加。"), "{meta:?}: {text}");
        }
    }

    #[test]
    fn declared_encoding_survives_a_character_cut_off_at_the_end() {
        // Shift_JIS text whose last character lost its second byte.
        let page =
            b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x95\xb6\x8f\xcd\x82";
        let decoded = decode_html(page, None);
        assert_eq!(
            (decoded.encoding, decoded.source),
            (SHIFT_JIS, Source::MetaTag)
        );
        assert!(
            decoded
                .text
                .starts_with("<meta charset=shift_jis><p>日本語の文章")
        );
    }

    #[test]
    fn utf8_page_with_stray_windows_1252_bytes_keeps_both() {
        // As in dragnet's T19: a UTF-8 page with ™ and £ pasted in from windows-1252.
        let page =
            b"<meta charset=utf-8>\xc3\x84rger \xc3\xbcber \xe2\x80\x94 PITFALL!\x99 for \xa32.99";
        let expected = "<meta charset=utf-8>Ärger über — PITFALL!™ for £2.99";
        assert_eq!(
            decode(page, None),
            (expected.into(), "UTF-8", Source::MixedUtf8)
        );
    }

    #[test]
    fn truncated_utf8_characters_count_as_utf8() {
        // As in cleaneval's final-222: each `—` (E2 80 94) lost its last byte to a `"`.
        let page = b"signs\xe2\x80\"Libra, you\xe2\x80\x99ll night\xe2\x80\"no";
        let expected = "signsâ€\"Libra, you’ll nightâ€\"no";
        assert_eq!(
            decode(page, None),
            (expected.into(), "UTF-8", Source::MixedUtf8)
        );
    }

    #[test]
    fn legacy_text_with_one_utf8_looking_pair_stays_legacy() {
        // "Ã©" in windows-1252 is also UTF-8 for "é"; the other letters outvote it.
        let page = b"<meta charset=iso-8859-1>caf\xc3\xa9 M\xfcnchen Gr\xfc\xdfe";
        let (text, encoding, source) = decode(page, None);
        assert_eq!((encoding, source), ("windows-1252", Source::MetaTag));
        assert!(text.ends_with("cafÃ© München Grüße"));
    }

    #[test]
    fn garbage_decodes_without_panic() {
        for page in [
            &b""[..],
            b"<",
            b"<meta",
            b"<meta charset",
            b"<meta charset='",
            b"<!--",
            b"\xff\xfe\x00",
            b"\xfe\xff\xd8",
            b"\x80\x80\x80",
            b"\xf4\x90\x80\x80",
            b"<meta content=\"charset=\"",
            b"\xe2\x80",
        ] {
            decode_html(page, Some("charset="));
            decode_html(page, None);
        }
    }
}
