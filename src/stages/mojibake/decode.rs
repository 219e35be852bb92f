//! Reading a stretch of text back into the bytes a table made it from, and those bytes as
//! UTF-8: the repair a misread stretch would get, with how implausible it was before and
//! would be after.

use std::ops::Range;

use super::badness::badness;
use super::model::{cost_between, same_script};
use super::scan::{as_composed, is_removed_invisible};
use super::tables::{Table, bytes_of};
use crate::stages::unicode::entities;

/// One stretch of text that reads as UTF-8 once turned back into `table`'s bytes.
#[derive(Debug, Clone)]
pub(crate) struct Repair {
    pub(crate) table: Table,
    /// Byte range in the text examined.
    pub(crate) range: Range<usize>,
    pub(crate) repaired: String,
    /// Whether the stretch holds C1 controls (latin-1's reading of 0x80-0x9F).
    pub(crate) used_controls: bool,
    /// The [cost](super::model) of the stretch and of its repair, each between the same
    /// neighbours, in quarter bits.
    pub(crate) before: u32,
    pub(crate) after: u32,
    /// Characters the repair takes away (a UTF-8 sequence of two to four bytes, misread,
    /// is as many characters; repaired, one).
    pub(crate) removed: u32,
    /// Whether the repair was read again: the text was misread twice.
    pub(crate) twice: bool,
    /// Whether a byte of the stretch was lost to U+FFFD, which the repair keeps: the
    /// text was misread whatever the model says of it.
    pub(crate) lost: bool,
    /// Whether the stretch is mojibake on its own by the hand-made
    /// [badness](super::badness) measure ("Ã©", "â€™", two points of badness gone).
    pub(crate) conclusive: bool,
}

impl Repair {
    /// What the repair gains beyond what it must (see [`Repair::improves`]).
    pub(crate) fn gain(&self) -> u32 {
        self.before.saturating_sub(self.after + self.margin())
    }

    /// Whether the repair is worth making: its text is more plausible than the stretch's,
    /// by a margin for each character it takes away (text is more plausible the shorter
    /// it is).
    pub(crate) fn improves(&self) -> bool {
        self.after + self.margin() < self.before
    }

    /// Whether the repair is worth making in a text that shows its table's mojibake
    /// plainly elsewhere (a conclusive stretch, or repairs gaining [`OWN_EVIDENCE`]
    /// together): it makes the stretch more plausible at all, or keeps a lost byte's U+FFFD.
    pub(crate) fn improves_in_a_misread_text(&self) -> bool {
        self.after < self.before || self.lost
    }

    /// Whether the stretch shows plainly that the text was misread with the repair's
    /// table by the hand-made [badness](super::badness) measure, and the model agrees.
    pub(crate) fn is_conclusive(&self) -> bool {
        self.conclusive && self.improves_in_a_misread_text()
    }

    /// [`MARGIN`], and [`MARGIN_PER_CHARACTER`] for each character taken away.
    fn margin(&self) -> u32 {
        MARGIN + MARGIN_PER_CHARACTER * self.removed
    }
}

/// How much more plausible (in quarter bits) a repair must make its stretch, to gain
/// anything: fourteen bits. On the negatives of the tune half of cldr-cases a false repair
/// gains at most 9.5 bits beyond [`MARGIN_PER_CHARACTER`] ("Ріо" → "го"); the margin
/// leaves room for languages the model has not seen.
const MARGIN: u32 = 56;
/// And four bits more for each character a repair takes away.
const MARGIN_PER_CHARACTER: u32 = 16;
/// What a table's repairs in a document gain beyond their margins, together, to show
/// that the document was misread with it: 38 bits. In ftfy's negative cases a table's
/// repairs gain 34 bits at most ("DrÃ¥ber"); this is a tenth more, then checked on the
/// tune half of cldr-cases.
pub(crate) const OWN_EVIDENCE: u32 = 152;

/// One UTF-8 sequence found in table bytes.
struct Sequence {
    range: Range<usize>,
    /// The sequence's characters, as indexes into the run's characters.
    chars: Range<usize>,
    decoded: char,
    /// A space read as the byte 0xA0 (no-break space) that a cleaner turned into a space.
    space_as_nbsp: bool,
    used_controls: bool,
    /// Ã + space at the end of a word: "voilÃ le" for "voilà le".
    a_grave: bool,
}

/// The repairs `table` offers in a run of `text` (non-ASCII characters, with single
/// spaces between them), given as its [`characters`](super::scan::characters), pushed to
/// `out`.
pub(crate) fn repairs_in_run(
    text: &str,
    chars: &[(usize, char, usize)],
    table: Table,
    out: &mut Vec<Repair>,
) {
    let mut sequences: Vec<Sequence> = Vec::with_capacity(chars.len() / 2 + 1);
    let mut i = 0;
    while i < chars.len() {
        match sequence_at(text, chars, i, table) {
            Some(sequence) => {
                i = sequence.chars.end;
                sequences.push(sequence);
            }
            None => i += 1,
        }
    }
    // A space stands for a no-break space only inside a word: a letter of the same script
    // follows the sequence at once, as another sequence ("Ð Ð¾" is "Ро") or as it is
    // ("Å v." is "Šv."), or comes before it ("ДОЛЛАÐ " is "ДОЛЛАР"); or the sequence is
    // the no-break space itself ("89Â US$").
    let mut next: Option<(usize, char)> = None;
    let mut keep = vec![true; sequences.len()];
    for (sequence, keep) in sequences.iter().zip(&mut keep).rev() {
        let followed = next.is_some_and(|(start, decoded)| {
            start == sequence.range.end && same_script(sequence.decoded, decoded)
        }) || text[sequence.range.end..]
            .chars()
            .next()
            .is_some_and(|c| same_script(sequence.decoded, c));
        let preceded = text[..sequence.range.start]
            .chars()
            .next_back()
            .is_some_and(|c| same_script(sequence.decoded, c));
        *keep = !sequence.space_as_nbsp || followed || preceded || sequence.decoded == '\u{a0}';
        if *keep {
            next = Some((sequence.range.start, sequence.decoded));
        }
    }
    let mut keep = keep.into_iter();
    sequences.retain(|_| keep.next().unwrap_or(true));
    let kept = sequences;
    let mut at = 0;
    while at < kept.len() {
        let mut end = at + 1;
        // Sequences meet when nothing is between them, or only what the unicode stage
        // removes (a soft hyphen).
        while end < kept.len()
            && text[kept[end - 1].range.end..kept[end].range.start]
                .chars()
                .all(is_removed_invisible)
        {
            end += 1;
        }
        let group = &kept[at..end];
        let repair = repair_of(text, chars, group, table);
        let each_plausible = || {
            group.iter().all(|s| {
                let original = chars[s.chars.clone()].iter().map(|(_, c, _)| *c);
                cost_between(' ', [s.decoded], ' ') <= cost_between(' ', original, ' ')
            })
        };
        // Text misread twice is judged as a whole: its first reading holds C1 controls and
        // other images that no sequence alone makes plausible.
        if group.len() == 1 || (repair.improves() && (repair.twice || each_plausible())) {
            out.push(repair);
        } else {
            // Together the sequences do not hold up ("√∂’â" → "öՉ"): each may still be
            // mojibake on its own. A space read as a no-break space stays a space.
            for sequence in group.iter().filter(|s| !s.space_as_nbsp) {
                out.push(repair_of(
                    text,
                    chars,
                    std::slice::from_ref(sequence),
                    table,
                ));
            }
        }
        at = end;
    }
}

/// The UTF-8 sequence whose lead is `chars[i]` in `table`, if the characters after it
/// complete one.
fn sequence_at(
    text: &str,
    chars: &[(usize, char, usize)],
    i: usize,
    table: Table,
) -> Option<Sequence> {
    let (start, c, len) = chars[i];
    if table == Table::Windows1252
        && c == 'Ã'
        && let Some(sequence) = a_grave_at(text, i, start, len, &chars[..i])
    {
        return Some(sequence);
    }
    let lead = bytes_of(c)?.byte(table)?;
    let needed = match lead {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut space_as_nbsp = false;
    let mut lost = false;
    let mut used_controls = ('\u{80}'..='\u{9f}').contains(&c);
    for (k, byte) in bytes.iter_mut().enumerate().take(needed + 1).skip(1) {
        let &(_, next, _) = chars.get(i + k)?;
        *byte = match next {
            // A byte the first misreading could not show (one the table leaves undefined),
            // as U+FFFD: the sequence stands for one lost character, as U+FFFD again.
            '\u{fffd}' if !lost => {
                lost = true;
                placeholder(lead, k)
            }
            ' ' if !space_as_nbsp => {
                space_as_nbsp = true;
                0xa0
            }
            _ => continuation(next, table, &mut used_controls)?,
        };
    }
    let (decoded, needed) = match std::str::from_utf8(&bytes[..=needed]) {
        Ok(text) => (text.chars().next()?, needed),
        // CESU-8: a character beyond U+FFFF as two surrogates of three bytes each.
        Err(_) if lead == 0xed && !lost => {
            (cesu8_pair(chars, i, bytes, table, &mut used_controls)?, 5)
        }
        Err(_) => return None,
    };
    // A C1 control is no text of its own, but in text misread twice it is the image of
    // a byte windows-1252 leaves undefined, read again ("ÃœÂ\u{90}" → "Ü\u{90}" → "ܐ").
    if decoded.is_control() && !('\u{80}'..='\u{9f}').contains(&decoded) {
        return None;
    }
    // Nor is a character of private use: where a false reading lands ("ïŒ\u{9b}" is
    // "；" through iso-8859-15, U+F31B through windows-1252).
    if ('\u{e000}'..='\u{f8ff}').contains(&decoded) {
        return None;
    }
    let (last_at, _, last_len) = chars[i + needed];
    let end = last_at + last_len;
    Some(Sequence {
        range: start..end,
        chars: i..i + needed + 1,
        decoded: if lost { '\u{fffd}' } else { decoded },
        space_as_nbsp,
        used_controls,
        a_grave: false,
    })
}

/// The byte `c` stands for in `table` when it is a UTF-8 continuation byte (noting a C1
/// control in `used_controls`).
fn continuation(c: char, table: Table, used_controls: &mut bool) -> Option<u8> {
    let byte = bytes_of(c)?.byte(table)?;
    if !(0x80..=0xbf).contains(&byte) {
        return None;
    }
    *used_controls |= ('\u{80}'..='\u{9f}').contains(&c);
    Some(byte)
}

/// A continuation byte that keeps a sequence led by `lead` valid at position `k`, for a
/// byte that was lost.
fn placeholder(lead: u8, k: usize) -> u8 {
    match (lead, k) {
        (0xe0, 1) => 0xa0,
        (0xf0, 1) => 0x90,
        _ => 0x80,
    }
}

/// The character a CESU-8 surrogate pair stands for: `high` holds the three bytes of the
/// high surrogate (ED A0-AF xx) read at `chars[i..]`; the low one (ED B0-BF xx) follows.
fn cesu8_pair(
    chars: &[(usize, char, usize)],
    i: usize,
    high: [u8; 4],
    table: Table,
    used_controls: &mut bool,
) -> Option<char> {
    if !(0xa0..=0xaf).contains(&high[1]) {
        return None;
    }
    let byte_at = |k: usize| {
        chars
            .get(i + k)
            .and_then(|&(_, c, _)| bytes_of(c)?.byte(table))
    };
    if byte_at(3)? != 0xed {
        return None;
    }
    let low = [
        0xed,
        continuation(chars.get(i + 4)?.1, table, used_controls)?,
        continuation(chars.get(i + 5)?.1, table, used_controls)?,
    ];
    if !(0xb0..=0xbf).contains(&low[1]) {
        return None;
    }
    let surrogate = |b: [u8; 3]| {
        (u32::from(b[0] & 0x0f) << 12) | (u32::from(b[1] & 0x3f) << 6) | u32::from(b[2] & 0x3f)
    };
    let (high, low) = (surrogate([high[0], high[1], high[2]]), surrogate(low));
    char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))
}

/// "voilÃ le" and "voilÃ  le": the windows-1252 image of "à" (C3 A0) whose no-break space
/// a cleaner turned into a space, or merged with the space after it. Only after a small
/// letter: "CONCLUSÃO" spelled "C O N C L U S Ã O" stays.
fn a_grave_at(
    text: &str,
    index: usize,
    start: usize,
    len: usize,
    run_before: &[(usize, char, usize)],
) -> Option<Sequence> {
    // The letter before, as read in the run ("&eacute;Ã" has é before Ã), with what
    // `is_passed_over` passes over.
    let before = run_before
        .iter()
        .rev()
        .map(|(_, c, _)| *c)
        .chain(text[..start].chars().rev())
        .find(|c| !is_passed_over(*c))?;
    // `len` takes in the invisible characters after Ã.
    let mut after = text[start + len..].chars();
    // A no-break space itself is read as the byte A0 by the ordinary decoding.
    let first = after
        .next()
        .filter(|&c| c != '\u{a0}' && becomes_space(c))?;
    if !before.is_lowercase() {
        return None;
    }
    // With two spaces, the first stands for the no-break space; with one, the no-break
    // space and the space were merged and the space stays.
    let two_spaces = after.next().is_some_and(becomes_space);
    let end = start + len + if two_spaces { first.len_utf8() } else { 0 };
    Some(Sequence {
        range: start..end,
        chars: index..index + 1,
        decoded: 'à',
        space_as_nbsp: false,
        used_controls: false,
        a_grave: true,
    })
}

fn repair_of(
    text: &str,
    chars: &[(usize, char, usize)],
    sequences: &[Sequence],
    table: Table,
) -> Repair {
    let range = sequences[0].range.start..sequences[sequences.len() - 1].range.end;
    let mut repaired = String::with_capacity(4 * sequences.len());
    repaired.extend(sequences.iter().map(|s| s.decoded));
    // A repair is judged as it ends: read again for text misread twice, when it holds
    // the image of a lead byte in some table (most repairs are letters no table has).
    let may_be_misread = repaired
        .chars()
        .any(|c| bytes_of(c).is_some_and(|b| b.lead_tables != 0));
    let (repaired, twice) = if may_be_misread {
        super::read_again(repaired)
    } else {
        (repaired, false)
    };
    let first = sequences[0].chars.start;
    let last = sequences[sequences.len() - 1].chars.end;
    let original = || chars[first..last].iter().map(|(_, c, _)| *c);
    // The neighbours as read in the run ("&eacute;" is é), else in the text, with what
    // `is_passed_over` passes over before the stretch; a stretch at the start or end of
    // the text has a space for its neighbour.
    let before_char = chars[..first]
        .iter()
        .rev()
        .map(|(_, c, _)| *c)
        .find(|c| !is_passed_over(*c))
        .or_else(|| visible_before(text, range.start))
        .map_or(' ', as_later_stages_leave);
    let after_char = chars[last..]
        .iter()
        .map(|(_, c, _)| *c)
        .find(|&c| !is_removed_invisible(c))
        .or_else(|| visible_after(text, range.end))
        .map_or(' ', as_later_stages_leave);
    let before = cost_between(before_char, original(), after_char);
    let after = cost_between(before_char, repaired.chars(), after_char);
    let removed = original().count().saturating_sub(repaired.chars().count());
    // Between its neighbours a stretch is at least as bad as alone: below 2 there, it
    // cannot be conclusive.
    let in_context_badness = badness(
        std::iter::once(before_char)
            .chain(original())
            .chain(std::iter::once(after_char)),
    );
    // A lead byte's image before a U+FFFD is what a sloppy decoder leaves of UTF-8: the
    // text was misread, whatever the measure says.
    let conclusive = sequences
        .iter()
        .any(|s| s.a_grave || s.decoded == '\u{fffd}')
        || (in_context_badness >= 2 && badness(original()) >= badness(repaired.chars()) + 2);
    Repair {
        table,
        range,
        used_controls: sequences.iter().any(|s| s.used_controls),
        before,
        after,
        removed: u32::try_from(removed).unwrap_or(u32::MAX),
        conclusive,
        twice,
        lost: sequences.iter().any(|s| s.decoded == '\u{fffd}'),
        repaired,
    }
}

/// The character before `at` as the `unicode` stage leaves it: past what it removes and
/// combining accents, an HTML reference read as its character ("&amp;" is "&").
fn visible_before(text: &str, at: usize) -> Option<char> {
    let (end, c) = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_passed_over(*c))?;
    let mut from = end.saturating_sub(MAX_REFERENCE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if c == ';'
        && let Some(amp) = text[from..end].rfind('&')
    {
        let amp = from + amp;
        if let Some((decoded, len)) = entities::parse_body(&text[amp + 1..])
            && amp + 1 + len == end + 1
        {
            return Some(decoded);
        }
    }
    Some(c)
}

/// The character at `at` as the `unicode` stage leaves it: past what it removes, an HTML
/// reference read as its character.
fn visible_after(text: &str, at: usize) -> Option<char> {
    let (start, c) = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_removed_invisible(c))?;
    if c == '&'
        && let Some((decoded, _)) = entities::parse_body(&text[at + start + 1..])
    {
        return Some(decoded);
    }
    Some(c)
}

/// The longest HTML reference looked for before a stretch, in bytes.
const MAX_REFERENCE: usize = 40;

/// A neighbour of a stretch as the later stages leave it (curly quotes ASCII, Unicode
/// spaces a space), so that cleaning the cleaned text again weighs the stretch the same.
fn as_later_stages_leave(c: char) -> char {
    match as_composed(c) {
        '‘' | '’' | '‚' | '‛' => '\'',
        '“' | '”' | '„' | '‟' => '"',
        c if becomes_space(c) => ' ',
        c => c,
    }
}

/// Characters looked past for a stretch's neighbour: combining accents (the unicode stage
/// composes them with their letter) and what the unicode stage removes.
fn is_passed_over(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c) || is_removed_invisible(c)
}

/// Whether the `unicode` stage turns `c` into an ASCII space.
pub(crate) fn becomes_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}
