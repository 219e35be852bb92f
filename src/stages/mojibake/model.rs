//! How plausible a stretch of text is, learned from clean text: each character falls into
//! a class (every Latin-1 and windows-1252 character is one of its own; other characters
//! by script, case and kind; the alphabets other than Latin share theirs), and a class
//! after another costs -log2 P(next | previous), counted over clean text in many languages
//! (see `scripts/build_mojibake_model.py`, which writes the table). Mojibake is a run of
//! pairs that clean text almost never has; its repair is not:
//!
//! ```text
//! " cafÃ© "  costs 40.5 bits     " café "  costs 17.25 bits
//! ```

#[rustfmt::skip]
#[path = "model_data.rs"]
mod data;

/// The class of `c` in the model.
#[inline]
fn class_of(c: char) -> u16 {
    let code = u32::from(c);
    if let Some(&class) = data::DENSE.get(code as usize) {
        return class;
    }
    let at = data::RANGES.partition_point(|&(_, last, _)| last < code);
    data::RANGES.get(at).map_or(0, |&(_, _, class)| class)
}

/// The script of `c` when it is a letter of an alphabet that shares its classes with
/// others (Greek, Cyrillic, Armenian...), or of another script below U+2600; 0 otherwise.
#[inline]
fn script_of(c: char) -> u8 {
    data::SCRIPTS
        .get(u32::from(c) as usize)
        .copied()
        .unwrap_or(0)
}

/// Whether `a` and `b` are letters of one script ("Р" and "о", "à" and "l"); letters
/// above U+2600 (CJK, Hangul) count as one script.
pub(crate) fn same_script(a: char, b: char) -> bool {
    a.is_alphabetic() && b.is_alphabetic() && script_of(a) == script_of(b)
}

/// The cost of `text`'s pairs of neighbours, in quarter bits: each pair's, what each
/// character costs within its class, and [`data::SWITCH`] more for two letters of
/// different scripts that share classes ("ΑЖ").
pub(crate) fn cost(text: impl IntoIterator<Item = char>) -> u32 {
    let mut chars = text.into_iter();
    let Some(first) = chars.next() else {
        return 0;
    };
    let (mut previous, mut previous_script) = (class_of(first), script_of(first));
    let mut total = within(first);
    for c in chars {
        let (class, script) = (class_of(c), script_of(c));
        total += u32::from(data::COSTS[usize::from(previous)][usize::from(class)]) + within(c);
        if script != previous_script && script != 0 && previous_script != 0 {
            total += data::SWITCH;
        }
        (previous, previous_script) = (class, script);
    }
    total
}

/// The [`cost`] of `middle` between the neighbours `before` and `after`.
pub(crate) fn cost_between(
    before: char,
    middle: impl IntoIterator<Item = char>,
    after: char,
) -> u32 {
    cost(
        std::iter::once(before)
            .chain(middle)
            .chain(std::iter::once(after)),
    )
}

/// What `c` costs within its class, when its class holds many characters and rare ones
/// (IPA, Latin extended-B: "ɿ" is rarer than "ơ").
#[inline]
fn within(c: char) -> u32 {
    data::WITHIN
        .get(u32::from(c) as usize)
        .map_or(0, |&cost| u32::from(cost))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(text: &str) -> f64 {
        f64::from(cost(text.chars())) / 4.0
    }

    #[test]
    fn mojibake_costs_more_than_its_repair() {
        for (mojibake, repaired) in [
            (" cafÃ© ", " café "),
            (" Ð¿Ñ€Ð¸Ð²ÐµÑ‚ ", " привет "),
            (" РїСЂРёРІРµС‚ ", " привет "),
            (" donâ€™t ", " don’t "),
            (" hiszpaĹ„skich ", " hiszpańskich "),
            (" sĂˇhu ", " sáhu "),
        ] {
            assert!(
                bits(mojibake) > bits(repaired) + 8.0,
                "{mojibake}: {} vs {}",
                bits(mojibake),
                bits(repaired)
            );
        }
    }

    #[test]
    fn every_code_point_has_a_class() {
        for c in ['a', 'é', 'Ĺ', 'я', '北', '😀', '\u{10ffff}', '\u{fffd}'] {
            assert!(usize::from(class_of(c)) < data::CLASSES, "{c}");
        }
        assert_eq!(data::NAMES[usize::from(class_of('Ã'))], "char Ã");
    }
}
