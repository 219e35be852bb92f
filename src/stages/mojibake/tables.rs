//! The single-byte code pages that UTF-8 text gets misread with, and each character's byte
//! in every one of them: the way back from mojibake to the UTF-8 bytes it was read from.

use std::sync::OnceLock;

use encoding_rs::{
    Encoding, ISO_8859_2, ISO_8859_15, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
    WINDOWS_1253, WINDOWS_1257,
};

/// A code page UTF-8 text can have been read with, in the order ties are broken (the most
/// common misreading first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    /// windows-1252, with latin-1's C1 controls for the bytes 0x80-0x9F as well: browsers
    /// and Python read these bytes both ways.
    Windows1252,
    Windows1250,
    Windows1251,
    Windows1253,
    MacRoman,
    Cp437,
    /// Baltic.
    Windows1257,
    /// ISO Latin-2, windows-1250's older kin.
    Iso8859_2,
    /// ISO Latin-9: latin-1 with € and a few letters in place of symbols.
    Iso8859_15,
    /// The IBM PC's Western European code page.
    Cp850,
}

impl Table {
    pub(crate) const ALL: [Table; 10] = [
        Table::Windows1252,
        Table::Windows1250,
        Table::Windows1251,
        Table::Windows1253,
        Table::MacRoman,
        Table::Cp437,
        Table::Windows1257,
        Table::Iso8859_2,
        Table::Iso8859_15,
        Table::Cp850,
    ];

    /// The table's bit in [`Bytes::lead_tables`] and [`Bytes::continuation_tables`].
    pub(crate) fn bit(self) -> u16 {
        1 << self as u16
    }

    fn encoding(self) -> Option<&'static Encoding> {
        match self {
            Table::Windows1252 => Some(WINDOWS_1252),
            Table::Windows1250 => Some(WINDOWS_1250),
            Table::Windows1251 => Some(WINDOWS_1251),
            Table::Windows1253 => Some(WINDOWS_1253),
            Table::MacRoman => Some(MACINTOSH),
            Table::Windows1257 => Some(WINDOWS_1257),
            Table::Iso8859_2 => Some(ISO_8859_2),
            Table::Iso8859_15 => Some(ISO_8859_15),
            Table::Cp437 | Table::Cp850 => None,
        }
    }

    /// The character the table gives to `byte` (0x80-0xFF), if any.
    ///
    /// encoding_rs gives windows-125x's unassigned bytes their C1 code point, as browsers
    /// do (and sloppy decoders); the ISO tables have the C1 controls there.
    fn decode(self, byte: u8) -> Option<char> {
        let c = match self.encoding() {
            Some(encoding) => {
                let one = [byte];
                let (text, had_errors) = encoding.decode_without_bom_handling(&one);
                if had_errors {
                    return None;
                }
                text.chars().next()?
            }
            None if self == Table::Cp850 => CP850_HIGH[usize::from(byte - 0x80)],
            None => CP437_HIGH[usize::from(byte - 0x80)],
        };
        Some(c)
    }
}

/// cp437 (the IBM PC's code page) for the bytes 0x80-0xFF; encoding_rs does not have it.
#[rustfmt::skip]
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å',
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ',
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»',
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐',
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧',
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀',
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩',
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}',
];

/// cp850 (the IBM PC's Western European code page) for the bytes 0x80-0xFF.
#[rustfmt::skip]
const CP850_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å',
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', 'ø', '£', 'Ø', '×', 'ƒ',
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '®', '¬', '½', '¼', '¡', '«', '»',
    '░', '▒', '▓', '│', '┤', 'Á', 'Â', 'À', '©', '╣', '║', '╗', '╝', '¢', '¥', '┐',
    '└', '┴', '┬', '├', '─', '┼', 'ã', 'Ã', '╚', '╔', '╩', '╦', '╠', '═', '╬', '¤',
    'ð', 'Ð', 'Ê', 'Ë', 'È', 'ı', 'Í', 'Î', 'Ï', '┘', '┌', '█', '▄', '¦', 'Ì', '▀',
    'Ó', 'ß', 'Ô', 'Ò', 'õ', 'Õ', 'µ', 'þ', 'Þ', 'Ú', 'Û', 'Ù', 'ý', 'Ý', '¯', '´',
    '\u{ad}', '±', '‗', '¾', '¶', '§', '÷', '¸', '°', '¨', '·', '¹', '³', '²', '■', '\u{a0}',
];

/// A character's byte in each table (0 where the table has no byte for it), and which
/// tables make it a UTF-8 lead byte (0xC2-0xF4) or continuation byte (0x80-0xBF).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Bytes {
    pub(crate) in_table: [u8; Table::ALL.len()],
    pub(crate) lead_tables: u16,
    pub(crate) continuation_tables: u16,
}

impl Bytes {
    /// The character's byte in `table`.
    pub(crate) fn byte(&self, table: Table) -> Option<u8> {
        let byte = self.in_table[table as usize];
        (byte != 0).then_some(byte)
    }
}

/// The two blocks of code points that hold every character of the tables: U+0080-U+04FF
/// (Latin-1, Latin extended, Greek, Cyrillic) and U+2000-U+25FF (punctuation, currency,
/// letterlike, arrows, math, box drawing); a few stragglers live in [`Lookup::other`].
struct Lookup {
    low: Vec<Bytes>,
    high: Vec<Bytes>,
    other: Vec<(char, Bytes)>,
}

const LOW: std::ops::Range<u32> = 0x80..0x500;
const HIGH: std::ops::Range<u32> = 0x2000..0x2600;

fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let mut lookup = Lookup {
            low: vec![Bytes::default(); LOW.len()],
            high: vec![Bytes::default(); HIGH.len()],
            other: Vec::new(),
        };
        // windows-1252's own characters, then latin-1's C1 controls for its 0x80-0x9F.
        let latin_1_controls =
            (0x80..=0x9fu8).map(|byte| (Table::Windows1252, byte, char::from(byte)));
        let readings = Table::ALL
            .into_iter()
            .flat_map(|table| {
                (0x80..=0xffu8).filter_map(move |byte| Some((table, byte, table.decode(byte)?)))
            })
            .chain(latin_1_controls);
        for (table, byte, c) in readings {
            {
                let entry = match u32::from(c) {
                    code if LOW.contains(&code) => &mut lookup.low[(code - LOW.start) as usize],
                    code if HIGH.contains(&code) => &mut lookup.high[(code - HIGH.start) as usize],
                    _ => match lookup.other.iter().position(|(o, _)| *o == c) {
                        Some(at) => &mut lookup.other[at].1,
                        None => {
                            lookup.other.push((c, Bytes::default()));
                            &mut lookup.other.last_mut().expect("just pushed").1
                        }
                    },
                };
                entry.in_table[table as usize] = byte;
                if (0xc2..=0xf4).contains(&byte) {
                    entry.lead_tables |= table.bit();
                }
                if (0x80..=0xbf).contains(&byte) {
                    entry.continuation_tables |= table.bit();
                }
            }
        }
        lookup
    })
}

/// `c`'s bytes in the tables; `None` for a character none of them has (ASCII included).
#[inline]
pub(crate) fn bytes_of(c: char) -> Option<&'static Bytes> {
    let code = u32::from(c);
    let lookup = lookup();
    let entry = if LOW.contains(&code) {
        &lookup.low[(code - LOW.start) as usize]
    } else if HIGH.contains(&code) {
        &lookup.high[(code - HIGH.start) as usize]
    } else {
        lookup.other.iter().find(|(o, _)| *o == c).map(|(_, b)| b)?
    };
    (entry.in_table != [0; Table::ALL.len()]).then_some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_give_the_bytes_text_was_read_from() {
        let byte = |c, table| bytes_of(c).and_then(|b| b.byte(table));
        assert_eq!(byte('Ã', Table::Windows1252), Some(0xc3));
        assert_eq!(byte('€', Table::Windows1252), Some(0x80));
        assert_eq!(byte('\u{85}', Table::Windows1252), Some(0x85));
        assert_eq!(byte('Ð', Table::Windows1252), Some(0xd0));
        assert_eq!(byte('Ř', Table::Windows1250), Some(0xd8));
        assert_eq!(byte('Р', Table::Windows1251), Some(0xd0));
        assert_eq!(byte('◊', Table::MacRoman), Some(0xd7));
        assert_eq!(byte('├', Table::Cp437), Some(0xc3));
        assert_eq!(byte('\u{81}', Table::Windows1251), None);
        assert!(bytes_of('a').is_none());
        assert!(bytes_of('北').is_none());
    }

    #[test]
    fn lead_and_continuation_masks_follow_the_bytes() {
        let ã = bytes_of('Ã').unwrap();
        assert_ne!(ã.lead_tables & Table::Windows1252.bit(), 0);
        let copyright = bytes_of('©').unwrap();
        assert_ne!(copyright.continuation_tables & Table::Windows1252.bit(), 0);
    }
}
