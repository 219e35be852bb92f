//! How implausible a stretch of text is: a count of character pairs that ordinary writing
//! in any language rarely has next to each other, and of characters it rarely uses at all.
//! Mojibake is full of them ("Ã©", "â€™", "Ð¿Ñ€"); its repair is not, and a false repair
//! makes new ones (a Hangul syllable after "Bront", an IPA letter after "S").
//!
//! The measure is in the spirit of ftfy's `badness`: character classes, not lists of
//! strings.

/// Writing systems, to notice letters of two of them glued together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Cjk,
    Other,
}

/// What a character is, for the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    AsciiLower,
    AsciiUpper,
    AsciiOther,
    LowerAccented,
    UpperAccented,
    /// Ã: the windows-1252 image of the lead byte of every Latin-1 letter in UTF-8, and a
    /// rare capital in real text.
    UsualSuspect,
    /// Â: the image of the lead byte of every Latin-1 symbol, whose repair is the symbol
    /// after it ("Â£" for "£").
    SymbolLead,
    /// A letter of another script, or a lowercase Cyrillic letter (`CyrillicUpper` below).
    Letter(Script),
    CyrillicUpper,
    /// Letters and marks real text hardly uses (IPA, Latin extended-B, Armenian, private
    /// use...): where false repairs land.
    Rare,
    Control,
    NoBreakSpace,
    /// Symbols that mojibake is full of and writing is not (¦ ¯ ¸ ƒ ˆ † ‡ ‰ ‹ ¶ ...).
    Bad,
    Currency,
    Numeric,
    OpeningPunctuation,
    ClosingPunctuation,
    /// ’ between letters: an apostrophe, as ordinary as a letter.
    Apostrophe,
    Punctuation,
    /// √: MacRoman's image of the lead byte of every Latin-1 letter; in real text a
    /// square root, before a digit, a letter or a bracket.
    Radical,
    /// Box drawing and mathematical symbols (cp437 and MacRoman fill their upper halves
    /// with them).
    Box,
    Other,
}

use std::sync::OnceLock;

use Class::*;

/// `c`'s class, looked up in a table up to U+25FF (ASCII, Latin, Greek, Cyrillic,
/// punctuation, symbols, box drawing: most of what the measure sees).
fn class_of(c: char) -> Class {
    static TABLE: OnceLock<Vec<Class>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|code| char::from_u32(code).map_or(Other, class_by_ranges))
            .collect()
    });
    table
        .get(u32::from(c) as usize)
        .copied()
        .unwrap_or_else(|| class_by_ranges(c))
}

const TABLE_END: u32 = 0x2600;

fn class_by_ranges(c: char) -> Class {
    match c {
        ' ' | '\t' | '\n' | '\r' => Space,
        'a'..='z' => AsciiLower,
        'A'..='Z' => AsciiUpper,
        '\0'..='\x7f' => {
            if c.is_ascii_control() {
                Control
            } else {
                AsciiOther
            }
        }
        '\u{80}'..='\u{9f}' => Control,
        '\u{a0}' => NoBreakSpace,
        'Ã' => UsualSuspect,
        'Â' => SymbolLead,
        '¤'
        | '¦'
        | '¯'
        | '¸'
        | '¶'
        | '¹'
        | 'ƒ'
        | '\u{2c6}'..='\u{2dd}'
        | '†'
        | '‡'
        | '‰'
        | '‹'
        | '›'
        | '‚'
        | '◊'
        | '\u{f8ff}' => Bad,
        '¢' | '£' | '¥' | '€' | '₧' => Currency,
        '°' | '±' | '²' | '³' | '¼' | '½' | '¾' | '×' | '÷' | 'µ' => Numeric,
        '«' | '‘' | '“' | '„' | '¡' | '¿' => OpeningPunctuation,
        '»' | '’' | '”' => ClosingPunctuation,
        '§' | '©' | '®' | '™' | '·' | '•' | '–' | '—' | '…' | '¬' | '´' | '¨' | 'ª' | 'º'
        | '\u{ad}' => Punctuation,
        '√' => Radical,
        '\u{2190}'..='\u{23ff}' | '\u{2500}'..='\u{25ff}' | '\u{2126}' | 'ⁿ' | '⁄' => Box,
        'ß'..='ÿ' => LowerAccented,
        'À'..='Þ' => UpperAccented,
        '\u{218}'..='\u{21b}' | '\u{259}' => latin_case(c),
        '\u{180}'..='\u{2ff}'
        | '\u{300}'..='\u{36f}'
        | '\u{370}'..='\u{385}'
        | '\u{460}'..='\u{48f}'
        | '\u{500}'..='\u{5cf}'
        | '\u{600}'..='\u{61f}'
        | '\u{700}'..='\u{8ff}'
        | '\u{1d00}'..='\u{1dbf}'
        | '\u{e000}'..='\u{f8fe}'
        | '\u{fff0}'..='\u{fffc}'
        | '\u{fffe}'..='\u{ffff}' => Rare,
        '\u{100}'..='\u{17f}' | '\u{1e00}'..='\u{1eff}' => latin_case(c),
        '\u{386}'..='\u{3ff}' => Letter(Script::Greek),
        'А'..='Я' | '\u{400}'..='\u{40f}' | '\u{490}'..='\u{4ff}' if c.is_uppercase() => {
            CyrillicUpper
        }
        '\u{400}'..='\u{4ff}' => Letter(Script::Cyrillic),
        '\u{5d0}'..='\u{5ff}' => Letter(Script::Hebrew),
        '\u{620}'..='\u{6ff}' => Letter(Script::Arabic),
        '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' => {
            Letter(Script::Cjk)
        }
        '\u{fffd}' => Other,
        _ if c.is_alphabetic() => Letter(Script::Other),
        _ => Other,
    }
}

fn latin_case(c: char) -> Class {
    if c.is_uppercase() {
        UpperAccented
    } else {
        LowerAccented
    }
}

fn script(class: Class) -> Option<Script> {
    match class {
        AsciiLower | AsciiUpper | LowerAccented | UpperAccented | UsualSuspect | SymbolLead => {
            Some(Script::Latin)
        }
        CyrillicUpper => Some(Script::Cyrillic),
        Letter(script) => Some(script),
        _ => None,
    }
}

fn is_lower(class: Class) -> bool {
    matches!(class, AsciiLower | LowerAccented)
}

fn is_symbol(class: Class) -> bool {
    matches!(
        class,
        Bad | Currency
            | Numeric
            | OpeningPunctuation
            | ClosingPunctuation
            | Punctuation
            | Box
            | Radical
    )
}

/// What a character costs on its own.
fn cost_alone(class: Class) -> u32 {
    match class {
        Control => 2,
        Rare => 1,
        _ => 0,
    }
}

/// What two neighbours cost together.
fn cost_together(a: Class, b: Class) -> u32 {
    let letter_a = script(a).is_some();
    let letter_b = script(b).is_some();
    match (a, b) {
        // "Ã©", "Ã¶", "Â£", "Ã\u{a0}": a lead byte's image before a continuation byte's.
        (UsualSuspect, Currency) => 1,
        (UsualSuspect | SymbolLead, NoBreakSpace | Control) => 2,
        (UsualSuspect | SymbolLead, b) if is_symbol(b) => 2,
        // "√∂", "√©": a square root of a symbol or of an accented letter.
        (Radical, b) if is_symbol(b) || matches!(b, LowerAccented | UpperAccented) => 2,
        // "‚Äô": MacRoman's image of the bytes E2 80 that start most punctuation.
        (Bad, UpperAccented | UsualSuspect) => 2,
        // "Ø±", "Ð¿", "Å™": a capital glued to a symbol.
        (UpperAccented, b) if is_symbol(b) => 1,
        // "aoÃ", "BorÃ": a capital with an accent after a small letter.
        (a, UpperAccented | UsualSuspect | SymbolLead) if is_lower(a) => 1,
        // "РїС": the same, in Cyrillic.
        (Letter(Script::Cyrillic), CyrillicUpper) => 1,
        // "â€", "ÿ≥", "±ÿ", "±Ø", "§Ù".
        (LowerAccented, Currency | Box) => 1,
        (Numeric | Currency | Box | ClosingPunctuation, LowerAccented) => 1,
        (
            Numeric | Currency | Box | ClosingPunctuation | Punctuation,
            UpperAccented | UsualSuspect | SymbolLead,
        ) => 1,
        (Currency | Numeric | Box, OpeningPunctuation) => 1,
        // "€œ", "€™": the windows-1252 image of the bytes E2 80 that start most
        // punctuation.
        (Currency, b) if letter_b || is_symbol(b) => 1,
        (Bad, b) if b != Space => 1,
        (a, Bad) if a != Space => 1,
        (Box, _) if letter_b && script(b) == Some(Script::Latin) => 1,
        (_, Box) if letter_a && script(a) == Some(Script::Latin) => 1,
        // "Bront녔": letters of two scripts glued together.
        _ if letter_a && letter_b => u32::from(script(a) != script(b)),
        _ => 0,
    }
}

/// The implausibility of `text`: see the module docs.
pub(crate) fn badness(text: impl IntoIterator<Item = char>) -> u32 {
    let mut total = 0;
    let mut previous: Option<(char, Class)> = None;
    let mut pending_quote: Option<Class> = None;
    for c in text {
        let mut class = class_of(c);
        total += cost_alone(class);
        // ’ is an apostrophe when a letter follows it: decide when the next character
        // arrives.
        if let Some(before) = pending_quote.take() {
            let quote = if script(class).is_some() {
                Apostrophe
            } else {
                ClosingPunctuation
            };
            total += cost_together(before, quote) + cost_together(quote, class);
            previous = Some((c, class));
            continue;
        }
        if c == '’' {
            if let Some((_, before)) = previous {
                pending_quote = Some(before);
                previous = None;
                continue;
            }
            class = ClosingPunctuation;
        }
        if let Some((_, before)) = previous {
            total += cost_together(before, class);
        }
        previous = Some((c, class));
    }
    if let Some(before) = pending_quote {
        total += cost_together(before, ClosingPunctuation);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(text: &str) -> u32 {
        badness(text.chars())
    }

    #[test]
    fn mojibake_is_bad_and_its_repair_is_not() {
        for (mojibake, repaired) in [
            ("cafÃ©", "café"),
            ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"),
            ("РїСЂРёРІРµС‚", "привет"),
            ("donâ€™t", "don’t"),
            ("Ø±Ø³Ø§Ù„Ø©", "رسالة"),
            ("up to Â£150", "up to £150"),
        ] {
            assert!(bad(mojibake) > bad(repaired), "{mojibake}");
            assert_eq!(bad(repaired), 0, "{repaired}");
        }
    }

    #[test]
    fn ordinary_text_is_not_bad() {
        for text in [
            "L’épisode 8",
            "Charlotte Brontë…”",
            "HÅØYA ER BLÅØYD",
            "ВІКІ is Ukrainian",
            "4288×…",
            "Offering 5×£35",
            "C O N C L U S Ã O",
            "Η ¨ανατροφή¨",
            "OK??:(   `¬´    ):",
        ] {
            assert_eq!(bad(text), 0, "{text}");
        }
    }

    #[test]
    fn false_repairs_are_bad() {
        assert!(bad("Bront\u{b154}") > 0);
        assert!(bad("S\u{261}") > 0);
        assert!(bad("L\u{54e}pisode") > 0);
    }
}
