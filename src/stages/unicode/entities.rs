//! HTML character references: `&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`.

/// Named references found in scraped text, with the character each stands for.
#[rustfmt::skip]
const NAMED: &[(&str, char)] = &[
    ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''),
    ("nbsp", '\u{a0}'), ("ensp", '\u{2002}'), ("emsp", '\u{2003}'), ("thinsp", '\u{2009}'),
    ("shy", '\u{ad}'), ("zwnj", '\u{200c}'), ("zwj", '\u{200d}'), ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'), ("ndash", '–'), ("mdash", '—'), ("hellip", '…'), ("lsquo", '‘'),
    ("rsquo", '’'), ("sbquo", '‚'), ("ldquo", '“'), ("rdquo", '”'), ("bdquo", '„'),
    ("laquo", '«'), ("raquo", '»'), ("lsaquo", '‹'), ("rsaquo", '›'), ("prime", '′'),
    ("Prime", '″'), ("bull", '•'), ("middot", '·'), ("dagger", '†'), ("Dagger", '‡'),
    ("permil", '‰'), ("copy", '©'), ("reg", '®'), ("trade", '™'), ("deg", '°'),
    ("plusmn", '±'), ("times", '×'), ("divide", '÷'), ("minus", '−'), ("para", '¶'),
    ("sect", '§'), ("cent", '¢'), ("pound", '£'), ("euro", '€'), ("yen", '¥'),
    ("curren", '¤'), ("brvbar", '¦'), ("uml", '¨'), ("ordf", 'ª'), ("ordm", 'º'),
    ("not", '¬'), ("macr", '¯'), ("acute", '´'), ("micro", 'µ'), ("cedil", '¸'),
    ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'), ("frac14", '¼'), ("frac12", '½'),
    ("frac34", '¾'), ("iexcl", '¡'), ("iquest", '¿'), ("Agrave", 'À'), ("Aacute", 'Á'),
    ("Acirc", 'Â'), ("Atilde", 'Ã'), ("Auml", 'Ä'), ("Aring", 'Å'), ("AElig", 'Æ'),
    ("Ccedil", 'Ç'), ("Egrave", 'È'), ("Eacute", 'É'), ("Ecirc", 'Ê'), ("Euml", 'Ë'),
    ("Igrave", 'Ì'), ("Iacute", 'Í'), ("Icirc", 'Î'), ("Iuml", 'Ï'), ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'), ("Ograve", 'Ò'), ("Oacute", 'Ó'), ("Ocirc", 'Ô'), ("Otilde", 'Õ'),
    ("Ouml", 'Ö'), ("Oslash", 'Ø'), ("Ugrave", 'Ù'), ("Uacute", 'Ú'), ("Ucirc", 'Û'),
    ("Uuml", 'Ü'), ("Yacute", 'Ý'), ("THORN", 'Þ'), ("szlig", 'ß'), ("agrave", 'à'),
    ("aacute", 'á'), ("acirc", 'â'), ("atilde", 'ã'), ("auml", 'ä'), ("aring", 'å'),
    ("aelig", 'æ'), ("ccedil", 'ç'), ("egrave", 'è'), ("eacute", 'é'), ("ecirc", 'ê'),
    ("euml", 'ë'), ("igrave", 'ì'), ("iacute", 'í'), ("icirc", 'î'), ("iuml", 'ï'),
    ("eth", 'ð'), ("ntilde", 'ñ'), ("ograve", 'ò'), ("oacute", 'ó'), ("ocirc", 'ô'),
    ("otilde", 'õ'), ("ouml", 'ö'), ("oslash", 'ø'), ("ugrave", 'ù'), ("uacute", 'ú'),
    ("ucirc", 'û'), ("uuml", 'ü'), ("yacute", 'ý'), ("thorn", 'þ'), ("yuml", 'ÿ'),
    ("OElig", 'Œ'), ("oelig", 'œ'), ("Scaron", 'Š'), ("scaron", 'š'), ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'), ("circ", 'ˆ'), ("tilde", '˜'), ("larr", '←'), ("rarr", '→'),
    ("uarr", '↑'), ("darr", '↓'), ("harr", '↔'), ("hearts", '♥'), ("spades", '♠'),
    ("clubs", '♣'), ("diams", '♦'), ("infin", '∞'), ("ne", '≠'), ("le", '≤'), ("ge", '≥'),
    ("asymp", '≈'), ("alpha", 'α'), ("beta", 'β'), ("gamma", 'γ'), ("delta", 'δ'),
    ("pi", 'π'), ("mu", 'μ'), ("Omega", 'Ω'), ("omega", 'ω'), ("sigma", 'σ'),
];

/// The code points 0x80-0x9F stand for windows-1252 characters in numeric references
/// (`&#150;` is "–"), as browsers read them.
#[rustfmt::skip]
const WINDOWS_1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
    '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
    'ž', 'Ÿ',
];

/// Decodes the reference at the start of `text` (which starts with `&`): the character and
/// the reference's length in bytes. `None` when there is no complete, known reference, or
/// when the reference is an ampersand that would form a new reference with the text after
/// it (`&amp;eacute;` stays as it is, so decoding twice changes nothing more).
pub(super) fn decode_at(text: &str) -> Option<(char, usize)> {
    let (decoded, body_len) = parse_body(text.strip_prefix('&')?)?;
    let len = body_len + 1;
    if decoded == '&' && parse_body(&text[len..]).is_some() {
        return None;
    }
    Some((decoded, len))
}

/// Parses the reference body after an `&` ("amp;", "#8217;"): the character and the
/// body's length in bytes, its `;` included.
pub(crate) fn parse_body(body: &str) -> Option<(char, usize)> {
    let end = body.bytes().take(33).position(|b| b == b';')?;
    let name = &body[..end];
    let decoded = match name.strip_prefix('#') {
        Some(number) => numeric(number)?,
        None => NAMED.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((decoded, end + 1))
}

/// The windows-1252 character a C1 control (U+0080-U+009F) stands for when windows-1252
/// text was read as latin-1; any other character, and the five bytes windows-1252 leaves
/// unassigned, as they are.
pub(crate) fn windows_1252_c1(c: char) -> char {
    match u32::from(c) {
        code @ 0x80..=0x9f => WINDOWS_1252_C1[(code - 0x80) as usize],
        _ => c,
    }
}

fn numeric(number: &str) -> Option<char> {
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        Some(_) => return None,
        None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
            number.parse().ok()?
        }
        None => return None,
    };
    match value {
        0x80..=0x9f => Some(WINDOWS_1252_C1[(value - 0x80) as usize]),
        0 => None,
        _ => char::from_u32(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(decode_at("&amp; co"), Some(('&', 5)));
        assert_eq!(decode_at("&#8217;s"), Some(('’', 7)));
        assert_eq!(decode_at("&#x2019;s"), Some(('’', 8)));
        assert_eq!(decode_at("&#150;"), Some(('–', 6)));
    }

    #[test]
    fn leaves_unknown_or_unfinished_references() {
        assert_eq!(decode_at("&nosuch;"), None);
        assert_eq!(decode_at("&amp"), None);
        assert_eq!(decode_at("& co"), None);
        assert_eq!(decode_at("&#xD800;"), None);
        assert_eq!(decode_at("&#0;"), None);
    }
}
