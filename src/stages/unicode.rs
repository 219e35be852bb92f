//! `unicode`: line breaks, spaces, invisible characters, controls, leftover HTML entities and
//! NFC.
//!
//! ```
//! use unscrape::stages::Unicode;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "Xi Jinping\u{a0} to hold talks\r\nwith Putin &amp; co\u{200b}operate caf\u{65}\u{301}";
//! let clean = Unicode::new().apply(dump, &mut Trace::off());
//! assert_eq!(clean, "Xi Jinping  to hold talks\nwith Putin & cooperate café");
//! ```
//!
//! What it leaves alone: tabs and `\n`, a zero-width joiner inside an emoji sequence or after
//! a letter of a joining script, a zero-width non-joiner after such a letter (Persian needs
//! it), an `&amp;` whose decoding would spell a new entity (`&amp;eacute;`: double escaping
//! is the business of a repair stage, and decoding once keeps the stage idempotent), and
//! entities it does not know.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::swar;
use crate::trace::Trace;

pub(crate) mod entities;

/// Normalizes line breaks, spaces, invisible and control characters, entities and NFC.
#[derive(Debug, Clone, Default)]
pub struct Unicode;

impl Unicode {
    /// The stage's name.
    pub const NAME: &'static str = "unicode";

    /// The stage with its only behaviour.
    pub fn new() -> Self {
        Unicode
    }
}

impl Stage for Unicode {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "CR/CRLF and Unicode line breaks to \\n, Unicode spaces to ' ', zero-width and control \
         characters removed, leftover HTML entities decoded once, NFC"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let bytes = input.as_bytes();
        let is_break = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        let mut buffers = WordBuffers::default();
        // Jump from one byte that may need work to the next; only the words holding one
        // are looked at.
        let mut at = 0;
        while let Some(i) = next_byte_needing_work(bytes, at) {
            if bytes[i] == b'\r' {
                if bytes.get(i + 1) == Some(&b'\n') {
                    rewriter.remove(i..i + 1, "line_break");
                } else {
                    rewriter.replace(i..i + 1, "\n", "line_break");
                }
                at = i + 1;
                continue;
            }
            let word_start = bytes[at..i]
                .iter()
                .rposition(is_break)
                .map_or(at, |p| at + p + 1);
            let word_end = bytes[i..]
                .iter()
                .position(is_break)
                .map_or(bytes.len(), |p| i + p);
            clean_word_into(input, word_start..word_end, &mut buffers, &mut rewriter);
            at = word_end;
        }
        rewriter.finish()
    }
}

/// The position of the first byte at or after `from` that may need work, looked for
/// sixteen bytes at a time: most text needs none.
fn next_byte_needing_work(bytes: &[u8], from: usize) -> Option<usize> {
    swar::first_marked(bytes, from, bytes_needing_work)
}

/// Marks the bytes of `word` that can start something this stage changes: bytes beyond
/// ASCII, `&`, DEL and the controls other than tab and `\n` (`\r` among them). Without a
/// branch on each byte: added to its low seven bits, `0x80 - bound` carries into a byte's
/// top bit exactly when those bits reach `bound`, and never into the next byte.
fn bytes_needing_work(word: u64) -> u64 {
    let low = word & !swar::HIGH_BITS;
    let at_least = |bound: u8| low + u64::from_ne_bytes([0x80 - bound; 8]);
    let printable = at_least(b' ') & !at_least(0x7f);
    let tab_or_break = at_least(b'\t') & !at_least(b'\n' + 1);
    (word | !(printable | tab_or_break) | swar::bytes_equal(word, b'&')) & swar::HIGH_BITS
}

/// The two strings that cleaning a word writes into, kept from word to word so that dirty
/// words cost no allocation.
#[derive(Default)]
struct WordBuffers {
    cleaned: String,
    spare: String,
}

/// Cleans the word at `range` (text between ASCII spaces, tabs and line breaks) and hands a
/// changed word to the rewriter.
fn clean_word_into(
    input: &str,
    range: std::ops::Range<usize>,
    buffers: &mut WordBuffers,
    rewriter: &mut Rewriter<'_, '_>,
) {
    let word = &input[range.clone()];
    if is_clean_word(word) {
        return;
    }
    let WordBuffers { cleaned, spare } = buffers;
    let Some(rule) = clean_word(word, cleaned) else {
        return;
    };
    // Removing or decoding can bring together the parts of something this stage would change
    // on a second run ("&&shy;amp;"); repeat until the word is stable so the stage is
    // idempotent. Each round shortens the word or leaves it unchanged. A word that passes
    // `is_clean_word` is stable, which spares most words the second round.
    while !is_clean_word(cleaned) && clean_word(cleaned, spare).is_some() {
        std::mem::swap(cleaned, spare);
    }
    rewriter.replace(range, cleaned, rule);
}

/// Whether a word is clean already, checked without building a copy: most words with bytes
/// beyond ASCII are ("China’s", "Купрін"). When it says yes, [`clean_word`] would change
/// nothing.
///
/// A word of [`is_nfc_starter`] characters only (most words: "China’s", "Купрін") is in NFC
/// without a quick check, which would see nothing but neutral characters.
fn is_clean_word(word: &str) -> bool {
    let mut only_starters = true;
    word.chars().all(|c| {
        only_starters &= is_nfc_starter(c);
        if c.is_ascii() {
            // Controls include `\r`.
            !c.is_ascii_control() && c != '&'
        } else {
            is_plain_char(c)
        }
    }) && (only_starters
        || is_nfc_quick(
            word.chars()
                .map(|c| if is_nfc_starter(c) { 'a' } else { c }),
        ) == IsNormalized::Yes)
}

/// Characters common in scraped text that are in NFC on their own and never combine with
/// the character before them (canonical combining class 0): for the NFC quick check they
/// are as neutral as an ASCII letter, which the check passes over without a table look-up.
/// The `nfc_starters_are_neutral` test checks every one against the tables.
fn is_nfc_starter(c: char) -> bool {
    matches!(c,
        '\0'..='\u{2ff}' | '\u{400}'..='\u{482}' | '\u{2010}'..='\u{20cf}'
        | '\u{2500}'..='\u{25ff}' | '\u{3000}'..='\u{3029}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff60}')
}

/// A character beyond ASCII that this stage never changes on its own.
fn is_plain_char(c: char) -> bool {
    !matches!(c,
        '\u{80}'..='\u{a0}' | '\u{ad}' | '\u{1680}' | '\u{180e}' | '\u{2000}'..='\u{200d}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{2060}' | '\u{3000}'
        | '\u{feff}')
}

/// Writes the cleaned `word` into `out`; returns the first rule that changed it, or `None`
/// when the word is already clean (then `out` holds a copy).
fn clean_word(word: &str, out: &mut String) -> Option<&'static str> {
    out.clear();
    let mut rule = None;
    let mut rest = word;
    while let Some(first) = rest.chars().next() {
        // Printable ASCII other than `&` is kept as it is: copied in one go.
        let kept = rest
            .bytes()
            .position(|b| !b.is_ascii() || b.is_ascii_control() || b == b'&')
            .unwrap_or(rest.len());
        if kept > 0 {
            out.push_str(&rest[..kept]);
            rest = &rest[kept..];
            continue;
        }
        let (c, consumed) = match first {
            '&' => match entities::decode_at(rest) {
                Some(decoded) => {
                    rule.get_or_insert("entity");
                    decoded
                }
                None => ('&', 1),
            },
            _ => (first, first.len_utf8()),
        };
        match map_char(c, out.chars().next_back()) {
            Mapped::Keep => out.push(c),
            Mapped::Replace(with, why) => {
                out.push(with);
                rule.get_or_insert(why);
            }
            Mapped::Remove(why) => {
                rule.get_or_insert(why);
            }
        }
        rest = &rest[consumed..];
    }
    if !out.is_ascii() && is_nfc_quick(out.chars()) != IsNormalized::Yes {
        let composed: String = out.nfc().collect();
        if composed != *out {
            *out = composed;
            rule.get_or_insert("nfc");
        }
    }
    rule
}

/// What to do with one character.
enum Mapped {
    Keep,
    Replace(char, &'static str),
    Remove(&'static str),
}

/// Decides the fate of `c`, given the character written just before it.
fn map_char(c: char, previous: Option<char>) -> Mapped {
    match c {
        '\u{2028}' | '\u{2029}' | '\u{85}' => Mapped::Replace('\n', "line_break"),
        '\r' => Mapped::Replace('\n', "line_break"),
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Mapped::Replace(' ', "unicode_space")
        }
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{180e}' => Mapped::Remove("invisible"),
        '\u{200c}' if previous.is_some_and(is_joining_script) => Mapped::Keep,
        '\u{200d}' if previous.is_some_and(|p| is_emoji_part(p) || is_joining_script(p)) => {
            Mapped::Keep
        }
        '\u{200c}' | '\u{200d}' => Mapped::Remove("invisible"),
        '\t' | '\n' => Mapped::Keep,
        c if c.is_control() => Mapped::Remove("control"),
        _ => Mapped::Keep,
    }
}

/// Characters that take part in emoji ZWJ sequences (👩‍💻, 🏳️‍🌈).
fn is_emoji_part(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}'
        | '\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}')
}

/// Letters of scripts where zero-width (non-)joiners change how text is written: Arabic,
/// Syriac, Thaana, N'Ko, the Indic scripts, Sinhala, Myanmar, Khmer, Mongolian.
fn is_joining_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{08ff}' | '\u{0900}'..='\u{0dff}' | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{18af}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        Unicode::new().apply(text, &mut Trace::off()).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Chinese President Xi Jinping will make a state visit to Russia next week.";
        assert!(matches!(
            Unicode::new().apply(text, &mut Trace::off()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn decoding_never_spells_a_new_entity() {
        assert_eq!(clean("&amp;eacute;"), "&amp;eacute;");
        assert_eq!(clean("&&shy;amp;"), "&");
        assert_eq!(clean("&\u{1}amp;"), "&");
    }

    /// Whether a byte can start something this stage changes, told byte by byte.
    fn may_need_work(byte: u8) -> bool {
        byte >= 0x7f || byte == b'&' || (byte < 0x20 && byte != b'\n' && byte != b'\t')
    }

    #[test]
    fn the_word_marks_agree_with_a_byte_by_byte_test_on_every_byte() {
        for byte in 0..=255u8 {
            // Neighbours chosen to provoke carries across bytes.
            let bytes = [0xff, byte, 0x7f, byte, 0x00, 0x80, byte, 0x20];
            let marks = bytes_needing_work(u64::from_le_bytes(bytes));
            for (offset, &b) in bytes.iter().enumerate() {
                let marked = marks >> (8 * offset + 7) & 1 == 1;
                assert_eq!(marked, may_need_work(b), "{b:#x} at {offset}");
            }
        }
    }

    #[test]
    fn the_scan_finds_every_byte_that_may_need_work_wherever_it_is() {
        for len in [1, 31, 32, 33, 70] {
            for at in 0..len {
                for byte in (0..=255).filter(|&b| may_need_work(b)) {
                    // Line breaks and tabs among the letters need nothing.
                    let mut text: Vec<u8> =
                        b"ab\ncd\tef ".iter().copied().cycle().take(len).collect();
                    text[at] = byte;
                    assert_eq!(next_byte_needing_work(&text, 0), Some(at), "{len} {at}");
                    assert_eq!(next_byte_needing_work(&text, at + 1), None, "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn nfc_starters_are_neutral() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfc_starter(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_of_starters_are_clean_as_the_quick_check_finds_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["a", "é", "’", "К", "\u{301}", "\u{212b}", "&", "\r", "\u{a0}", "\u{1100}\u{1161}", "한", "ｱ"][..]),
                0..6,
            )
        ) {
            let word = pieces.concat();
            let plain = word.chars().all(|c| {
                if c.is_ascii() { !c.is_ascii_control() && c != '&' } else { is_plain_char(c) }
            }) && is_nfc_quick(word.chars().map(|c| if is_nfc_starter(c) { 'a' } else { c }))
                == IsNormalized::Yes;
            proptest::prop_assert_eq!(is_clean_word(&word), plain, "{:?}", word);
        }
    }

    #[test]
    fn traces_name_the_rule_and_range() {
        let mut trace = Trace::on();
        Unicode::new().apply("a\r\nb\u{a0}c", &mut trace);
        let rules: Vec<_> = trace
            .edits()
            .iter()
            .map(|e| (e.rule, e.range.clone()))
            .collect();
        assert_eq!(rules, vec![("line_break", 1..2), ("unicode_space", 3..7)]);
    }
}
