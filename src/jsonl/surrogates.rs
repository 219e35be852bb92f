//! Lone UTF-16 surrogate escapes in JSON strings, which Python's `json.dumps` writes for
//! text it read with `surrogateescape` and which no Rust string can hold: each becomes
//! `\ufffd`, the replacement character, so that the record can still be read.

/// `line` with every `\uD800`–`\uDFFF` escape that is not half of a pair replaced by
/// `\ufffd`, or `None` when it has none.
///
/// ```text
/// {"text":"caf\udce9 au lait"}  ->  {"text":"caf\ufffd au lait"}
/// {"text":"\ud83d\ude00"}       ->  None (a pair: 😀)
/// ```
pub(super) fn replace_lone_surrogates(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = escaped_unit(bytes, at) else {
            // Any other escape, `\\` included: skip the escaped byte too.
            at += 2;
            continue;
        };
        let is_pair = (0xD800..0xDC00).contains(&unit)
            && escaped_unit(bytes, at + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if is_pair {
            at += 12;
        } else if (0xD800..0xE000).contains(&unit) {
            let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
            out.push_str(&line[copied..at]);
            out.push_str("\\ufffd");
            at += 6;
            copied = at;
        } else {
            at += 6;
        }
    }
    let mut out = out?;
    out.push_str(&line[copied..]);
    Some(out)
}

/// The code unit of the `\uXXXX` escape at `at`, if there is one.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + 6)?;
    if &escape[..2] != b"\\u" {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_lone_halves() {
        let fix = |line: &str| replace_lone_surrogates(line);
        assert_eq!(
            fix(r#"{"text":"caf\udce9 au lait"}"#).as_deref(),
            Some(r#"{"text":"caf\ufffd au lait"}"#)
        );
        assert_eq!(
            fix(r#"{"text":"\ud83d x \ude00\ud83d\ude00"}"#).as_deref(),
            Some(r#"{"text":"\ufffd x \ufffd\ud83d\ude00"}"#)
        );
        assert_eq!(fix(r#"{"text":"\ud83d\ude00 and \\ud800"}"#), None);
        assert_eq!(fix(r#"{"text":"plain \u00e9"}"#), None);
        assert_eq!(fix(r#"{"text":"cut \ud8"}"#), None);
    }
}
