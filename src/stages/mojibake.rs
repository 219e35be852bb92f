//! `mojibake`: text that was UTF-8 but was read with a single-byte table (windows-1252,
//! latin-1, windows-1250/1251/1253/1257, iso-8859-2/15, MacRoman, cp437, cp850), once or
//! twice, put back, CESU-8 surrogate pairs too; C1 controls that stand for windows-1252
//! punctuation; HTML entities escaped twice.
//!
//! ```
//! use unscrape::stages::Mojibake;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "Putinâ€™s visit to BorÃ¥s: Ð¿Ñ€Ð¸Ð²ÐµÑ‚ \u{93}friends\u{94} &amp;eacute;";
//! assert_eq!(
//!     Mojibake::new().apply(dump, &mut Trace::off()),
//!     "Putin’s visit to Borås: привет “friends” &eacute;"
//! );
//! // Text that only looks odd stays as it is.
//! let odd = "Charlotte Brontë…” and a radius of 10 Å—";
//! assert_eq!(Mojibake::new().apply(odd, &mut Trace::off()), odd);
//! ```
//!
//! How it decides: a run of non-ASCII characters is a candidate when, turned back into the
//! bytes of some table, it holds UTF-8 sequences. Each candidate repair is weighed by a
//! [plausibility model](model) learned from clean text in many languages (pairs of
//! character classes: "Ã©" and "Ð¿" are pairs clean text almost never has): the repair
//! is kept when it makes its stretch more plausible, between the same neighbours, and
//! when the document shows the table's mojibake plainly at least once: a stretch that is
//! mojibake even without its neighbours by a hand-made [badness measure](badness) ("Ã©",
//! "â€™"), or one the model finds overwhelmingly more plausible repaired (38 bits beyond
//! its margin). So one word of Cyrillic misread in an English line is repaired on its own
//! evidence, and "ESSE CARA AI QUEM É¿" stays. A table's repair is read again, for text
//! misread twice. C1 controls (U+0080-U+009F) left outside any repair are windows-1252
//! read as latin-1: `\u{85}` is "…", `\u{93}` and `\u{94}` are “ and ”. `&amp;` before an
//! entity loses its extra escaping (`&amp;eacute;` → `&eacute;`), and the `unicode` stage
//! decodes the rest.
//!
//! Neighbours and characters are read as the later stages leave them (NFC, entities,
//! removed invisibles), and the [pipeline](crate::Pipeline) runs again while this stage
//! still finds work in its output, so that cleaning is idempotent.
//!
//! What it misses: cp437's images are box-drawing and Greek letters that the measure
//! rarely finds conclusive ("caf├⌐" stays), and a stretch whose bytes were lost for good
//! ("â€\"" where a straightened quote took the place of the third byte) stays as it is.
//!
//! The stage runs first, before `unicode` removes controls and decodes entities once and
//! `quotes` turns the curly quotes it restores into ASCII.

use std::borrow::Cow;
use std::ops::Range;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::stages::unicode::entities;
use crate::trace::{Edit, Trace};

mod badness;
mod decode;
mod model;
mod scan;
mod tables;

use decode::{OWN_EVIDENCE, Repair, repairs_in_run};
use tables::Table;

/// Undoes UTF-8 read with the wrong single-byte table, C1 controls and double escaping.
#[derive(Debug, Clone, Default)]
pub struct Mojibake;

impl Mojibake {
    /// The stage's name.
    pub const NAME: &'static str = "mojibake";

    /// The stage with its only behaviour.
    pub fn new() -> Self {
        Mojibake
    }

    /// The plan behind a document's edits, one line per kind of repair: "utf-8 read as
    /// windows-1252, 3 spans".
    ///
    /// ```
    /// use unscrape::stages::Mojibake;
    /// use unscrape::{Stage, Trace};
    ///
    /// let mut trace = Trace::on();
    /// Mojibake::new().apply("cafÃ© crÃ¨me, dÃ©jÃ  vu", &mut trace);
    /// assert_eq!(Mojibake::plan(trace.edits()), ["utf-8 read as windows-1252, 4 spans"]);
    /// ```
    pub fn plan(edits: &[Edit]) -> Vec<String> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for edit in edits.iter().filter(|e| e.stage == Self::NAME) {
            match counts.iter_mut().find(|(rule, _)| *rule == edit.rule) {
                Some((_, count)) => *count += 1,
                None => counts.push((edit.rule, 1)),
            }
        }
        counts
            .into_iter()
            .map(|(rule, count)| {
                let plural = if count == 1 { "" } else { "s" };
                format!("{}, {count} span{plural}", describe_rule(rule))
            })
            .collect()
    }
}

impl Stage for Mojibake {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "UTF-8 read as windows-1252, latin-1, windows-1250/1251/1253/1257, iso-8859-2/15, \
         MacRoman, cp437 or cp850 (once or twice; CESU-8 too) put back, when a learned model \
         finds the repair more plausible; C1 controls as windows-1252; entities escaped twice"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let mut current = Cow::Borrowed(input);
        // A repair can bring together the parts of another ("â€" + "Ã¢â‚¬â„¢" → "â€’"):
        // read again until nothing changes, so the stage is idempotent. Each round
        // shortens the text or removes C1 controls and Ã before a space, so it ends; a
        // second round is rare, and its edits' ranges are in the text of the round before.
        for _ in 0..MAX_ROUNDS {
            let mut edits = find_edits(&current, false);
            if edits.is_empty() {
                // A soft hyphen is windows-1252's image of the byte 0xAD ("Ã\u{ad}" is "í"),
                // read so above. Where it is not, the unicode stage removes it: when that
                // brings mojibake together ("Ã\u{ad}«" → "Ã«"), it goes here, so that the
                // stage repairs at once what it would repair on the cleaned text.
                edits = soft_hyphens_between_mojibake(&current);
                if edits.is_empty() {
                    break;
                }
            }
            let mut rewriter = Rewriter::new(Self::NAME, &current, trace);
            for edit in edits {
                rewriter.replace(edit.range, &edit.with, edit.rule);
            }
            let next = rewriter.finish().into_owned();
            current = Cow::Owned(next);
        }
        current
    }
}

/// The soft hyphens of `text`, removed, when without them the text holds mojibake.
fn soft_hyphens_between_mojibake(text: &str) -> Vec<Planned> {
    if !text.contains('\u{ad}') {
        return Vec::new();
    }
    let without: String = text.chars().filter(|&c| c != '\u{ad}').collect();
    if find_edits(&without, false).is_empty() {
        return Vec::new();
    }
    text.match_indices('\u{ad}')
        .map(|(at, hyphen)| Planned {
            range: at..at + hyphen.len(),
            with: String::new(),
            rule: "soft_hyphen_in_mojibake",
        })
        .collect()
}

/// Rounds of repair at most: real text needs one, and rarely two.
const MAX_ROUNDS: usize = 8;

/// One change the stage makes.
struct Planned {
    range: Range<usize>,
    with: String,
    rule: &'static str,
}

/// Every change `text` needs, in order. A `trusted` text is the repair of a stretch of
/// mojibake, read again for a second misreading: it needs no evidence of its own.
fn find_edits(text: &str, trusted: bool) -> Vec<Planned> {
    let mut edits = Vec::new();
    let mut repairs: Vec<Repair> = Vec::new();
    // Each candidate run and the range of its repairs in `repairs`.
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut controls: Vec<usize> = Vec::new();
    let mut chars = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = scan::next_byte_of_interest(bytes, at) {
        if bytes[i] == b'&' {
            if let Some(edit) = double_escaped_entity(text, i) {
                at = edit.range.end;
                edits.push(edit);
                continue;
            }
            if scan::escaped_at(&text[i..]).is_none() {
                at = i + 1;
                continue;
            }
        }
        let run = scan::run_at(text, i);
        chars.clear();
        chars.extend(scan::characters(text, run.clone()));
        let tables = scan::candidate_tables(text, run.clone(), &chars, &mut controls);
        if tables != 0 {
            let first = repairs.len();
            for table in Table::ALL.into_iter().filter(|t| tables & t.bit() != 0) {
                let before = repairs.len();
                repairs_in_run(text, &chars, table, &mut repairs);
                // A table that reads the whole run back into flawless text leaves the
                // others nothing better to offer (in a page of misread Chinese, runs are
                // paragraphs long).
                let offered = &repairs[before..];
                let covered: usize = offered.iter().map(|r| r.range.len()).sum();
                if covered == run.len() && offered.iter().all(Repair::improves) {
                    break;
                }
            }
            if repairs.len() > first {
                runs.push(first..repairs.len());
            }
        }
        at = run.end;
    }
    // What the document's repairs gain, table by table: independent stretches add up. The
    // tables it shows plainly (that much gain, or a conclusive stretch) are the evidence;
    // their repairs are made where they make the text more plausible.
    let mut table_gain = [0u32; Table::ALL.len()];
    for repair in &repairs {
        table_gain[repair.table as usize] += repair.gain();
    }
    let evidence = if trusted {
        u16::MAX
    } else {
        Table::ALL
            .into_iter()
            .filter(|&table| {
                table_gain[table as usize] >= OWN_EVIDENCE
                    || repairs
                        .iter()
                        .any(|r| r.table == table && r.is_conclusive())
            })
            .fold(0, |tables, table| tables | table.bit())
    };
    let mut repaired_ranges: Vec<Range<usize>> = Vec::new();
    for run in runs {
        // The best table first; then the next best for what it left, and so on: one run
        // can hold the mojibake of two tables side by side.
        let mut open: Vec<usize> = run.collect();
        while let Some(table) = best_table(open.iter().map(|&i| &repairs[i]), evidence, &table_gain)
        {
            let chosen: Vec<usize> = open
                .iter()
                .copied()
                .filter(|&i| repairs[i].table == table && repairs[i].improves_in_a_misread_text())
                .collect();
            let overlaps_chosen = |r: &Repair| {
                chosen.iter().any(|&c| {
                    let c = &repairs[c].range;
                    c.start < r.range.end && r.range.start < c.end
                })
            };
            open.retain(|&i| repairs[i].table != table && !overlaps_chosen(&repairs[i]));
            for &i in &chosen {
                let repair = &mut repairs[i];
                let (with, twice) = (std::mem::take(&mut repair.repaired), repair.twice);
                repaired_ranges.push(repair.range.clone());
                edits.push(Planned {
                    range: repair.range.clone(),
                    with,
                    rule: rule_for(table, repair.used_controls, twice),
                });
            }
        }
    }
    for character in controls {
        // A character's offset takes in the removed characters before it (a zero-width
        // space, a BOM): the control is the first character left.
        let Some((skipped, c)) = text[character..]
            .char_indices()
            .find(|&(_, c)| !scan::is_removed_invisible(c))
        else {
            continue;
        };
        let control = character + skipped;
        let inside = repaired_ranges.iter().any(|r| r.contains(&control));
        let windows_1252 = entities::windows_1252_c1(c);
        if !inside && windows_1252 != c {
            edits.push(Planned {
                range: control..control + c.len_utf8(),
                with: windows_1252.to_string(),
                rule: "c1_as_windows_1252",
            });
        }
    }
    edits.sort_by_key(|e| e.range.start);
    edits
}

/// The table whose repairs of one run gain the most (then: whose repairs gain the most
/// in the whole document, then: repair the most), among the tables the document has shown
/// evidence for; the more common misreading on a tie.
fn best_table<'r>(
    repairs: impl Iterator<Item = &'r Repair> + Clone,
    evidence: u16,
    table_gain: &[u32; Table::ALL.len()],
) -> Option<Table> {
    let mut best: Option<(Table, (u32, u32, usize))> = None;
    for table in Table::ALL.into_iter().filter(|t| evidence & t.bit() != 0) {
        let worth = repairs
            .clone()
            .filter(|r| r.table == table && r.improves_in_a_misread_text());
        let (gain, count) = worth.fold((0, 0), |(gain, count), r| (gain + r.gain(), count + 1));
        let score = (gain, table_gain[table as usize], count);
        if count > 0 && best.is_none_or(|(_, most)| score > most) {
            best = Some((table, score));
        }
    }
    best.map(|(table, _)| table)
}

/// A repair read once more, for text that was misread twice ("Ã¢â‚¬â„¢" → "â€™" → "’");
/// and whether that changed it.
pub(crate) fn read_again(repaired: String) -> (String, bool) {
    let mut text = repaired;
    let mut again = false;
    // One character holds no second misreading.
    if text.chars().nth(1).is_none() {
        return (text, again);
    }
    // Each reading shortens the text, so this ends; three misreadings are the most seen.
    for _ in 0..3 {
        let edits = find_edits(&text, true);
        if edits.is_empty() {
            break;
        }
        let mut next = String::with_capacity(text.len());
        let mut copied = 0;
        for edit in edits {
            next.push_str(&text[copied..edit.range.start]);
            next.push_str(&edit.with);
            copied = edit.range.end;
        }
        next.push_str(&text[copied..]);
        text = next;
        again = true;
    }
    (text, again)
}

/// `&amp;` (once or more) before an entity, at `at`: the entity escaped once. Read as the
/// `unicode` stage will leave it ("&\0amp;eacute;" is "&amp;eacute;"), so that a second run
/// finds nothing more; what it removes goes here.
fn double_escaped_entity(text: &str, at: usize) -> Option<Planned> {
    let after = &text[at + 1..];
    if !after.starts_with('a') && !after.starts_with(scan::is_removed) {
        return None;
    }
    // The visible characters after the `&` (enough for `amp;` levels and an entity), each
    // with where it ends in `text`.
    let mut visible = String::new();
    let mut ends = Vec::new();
    for (i, c) in text[at + 1..].char_indices() {
        // The next `&` starts its own reading: no byte is read for two of them.
        if visible.len() >= VISIBLE_LOOKAHEAD || c == '&' {
            break;
        }
        if !scan::is_removed(c) {
            visible.push(c);
            ends.push((visible.len(), at + 1 + i + c.len_utf8()));
        }
    }
    let mut body = 0;
    while visible[body..].starts_with("amp;") {
        body += "amp;".len();
    }
    let levels = body / "amp;".len();
    let escaped_once = entities::parse_body(&visible[body..]).is_some();
    // "&amp;eacute;" → "&eacute;", "&amp;amp;amp;" → "&amp;".
    let keep_from = match (levels, escaped_once) {
        (1.., true) => body,
        (2.., false) => body - "amp;".len(),
        _ => return None,
    };
    let end = ends.iter().find(|&&(len, _)| len == body)?.1;
    Some(Planned {
        range: at + 1..end,
        with: visible[keep_from..body].to_string(),
        rule: "double_escaped_entity",
    })
}

/// Visible bytes read after an `&`: more than `amp;` levels and the longest entity need.
const VISIBLE_LOOKAHEAD: usize = 96;

fn rule_for(table: Table, used_controls: bool, twice: bool) -> &'static str {
    match (table, used_controls, twice) {
        (Table::Windows1252, true, false) => "utf8_as_latin_1",
        (Table::Windows1252, true, true) => "utf8_as_latin_1_twice",
        (Table::Windows1252, false, false) => "utf8_as_windows_1252",
        (Table::Windows1252, false, true) => "utf8_as_windows_1252_twice",
        (Table::Windows1250, _, false) => "utf8_as_windows_1250",
        (Table::Windows1250, _, true) => "utf8_as_windows_1250_twice",
        (Table::Windows1251, _, false) => "utf8_as_windows_1251",
        (Table::Windows1251, _, true) => "utf8_as_windows_1251_twice",
        (Table::Windows1253, _, false) => "utf8_as_windows_1253",
        (Table::Windows1253, _, true) => "utf8_as_windows_1253_twice",
        (Table::MacRoman, _, false) => "utf8_as_macroman",
        (Table::MacRoman, _, true) => "utf8_as_macroman_twice",
        (Table::Cp437, _, false) => "utf8_as_cp437",
        (Table::Cp437, _, true) => "utf8_as_cp437_twice",
        (Table::Windows1257, _, false) => "utf8_as_windows_1257",
        (Table::Windows1257, _, true) => "utf8_as_windows_1257_twice",
        (Table::Iso8859_2, _, false) => "utf8_as_iso_8859_2",
        (Table::Iso8859_2, _, true) => "utf8_as_iso_8859_2_twice",
        (Table::Iso8859_15, _, false) => "utf8_as_iso_8859_15",
        (Table::Iso8859_15, _, true) => "utf8_as_iso_8859_15_twice",
        (Table::Cp850, _, false) => "utf8_as_cp850",
        (Table::Cp850, _, true) => "utf8_as_cp850_twice",
    }
}

/// "utf8_as_windows_1252_twice" → "utf-8 read as windows-1252 twice".
fn describe_rule(rule: &str) -> String {
    match rule {
        "c1_as_windows_1252" => "C1 controls read as windows-1252".to_string(),
        "double_escaped_entity" => "HTML entities escaped twice".to_string(),
        "soft_hyphen_in_mojibake" => "soft hyphens inside mojibake removed".to_string(),
        _ => {
            let table = rule.trim_start_matches("utf8_as_");
            let (table, twice) = match table.strip_suffix("_twice") {
                Some(table) => (table, " twice"),
                None => (table, ""),
            };
            let table = match table {
                "latin_1" => "latin-1".to_string(),
                "macroman" => "MacRoman".to_string(),
                other => other.replace('_', "-"),
            };
            format!("utf-8 read as {table}{twice}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        Mojibake::new().apply(text, &mut Trace::off()).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        for text in [
            "Chinese President Xi Jinping will make a state visit to Russia next week.",
            "L’épisode 8 est trop fou — « été » à Besançon, Straße, Ärger, привет, 北京",
        ] {
            assert!(matches!(
                Mojibake::new().apply(text, &mut Trace::off()),
                Cow::Borrowed(_)
            ));
        }
    }

    #[test]
    fn a_short_line_misread_with_a_central_european_table_is_repaired() {
        // No stretch here is mojibake by the hand-made measure alone; the learned model
        // finds "Ĺ‚" and "Ĺľ" far less plausible than "ł" and "ž".
        assert_eq!(
            clean("KupiĹ‚em bilet do GdaĹ„ska."),
            "Kupiłem bilet do Gdańska."
        );
        assert_eq!(clean("Řekl, Ĺľe pĹ™ijde."), "Řekl, že přijde.");
    }

    #[test]
    fn baltic_iso_and_ibm_tables_are_read_back() {
        // "Größe und Übergänge." through cp850; Polish through iso-8859-2, whose images of
        // the bytes 0x80-0x9F are C1 controls.
        assert_eq!(clean("Gr├Â├ƒe und ├£berg├ñnge."), "Größe und Übergänge.");
        assert_eq!(clean("Zaż\u{f3}łć g\u{119}ślą"), "Zaż\u{f3}łć g\u{119}ślą");
        assert_eq!(
            clean("Ĺ\u{81}Ăłd\u{17a} to miasto."),
            "Łód\u{17a} to miasto."
        );
    }

    #[test]
    fn emoji_through_cesu_8_and_lost_bytes_are_read_back() {
        // 🙂 (U+1F642) as two surrogates of three bytes each, read as windows-1252.
        assert_eq!(clean("Thanks í\u{a0}½í¹‚ see you"), "Thanks 🙂 see you");
        // "Płock, Łódź": a byte windows-1252 leaves undefined lost to U+FFFD becomes one
        // U+FFFD for the character it belonged to, the rest is read back.
        assert_eq!(clean("PĹ‚ock, Ĺ\u{fffd}ĂłdĹş"), "Płock, \u{fffd}ódź");
    }

    #[test]
    fn an_undefined_byte_read_as_its_c1_control_is_read_back() {
        // "И" is D0 98; windows-1251 leaves 0x98 undefined, and browsers read it as U+0098.
        assert_eq!(
            clean("Р\u{98}СЂРєСѓС‚СЃРє, РўР±РёР»РёСЃРё"),
            "Иркутск, Тбилиси"
        );
    }

    #[test]
    fn symbols_beside_capitals_are_not_mojibake() {
        for text in [
            "ESSE CARA AI QUEM É¿",
            "HUHLL Õ…",
            "├┤a┼┐a┼┐a┼┐a",
            "Ôôô VIDA MINHA",
        ] {
            assert_eq!(clean(text), text);
        }
    }

    #[test]
    fn text_misread_twice_is_read_back_twice() {
        assert_eq!(clean("donÃ¢â‚¬â„¢t"), "don’t");
        let mut trace = Trace::on();
        Mojibake::new().apply("donÃ¢â‚¬â„¢t", &mut trace);
        assert_eq!(trace.edits()[0].rule, "utf8_as_windows_1252_twice");
    }

    #[test]
    fn entities_lose_their_extra_escaping() {
        assert_eq!(
            clean("caf&amp;eacute; &amp;amp;amp; AT&amp;T"),
            "caf&eacute; &amp; AT&amp;T"
        );
        assert_eq!(clean("&amp;#8217;"), "&#8217;");
    }

    #[test]
    fn escaped_mojibake_is_read_through_its_references() {
        assert_eq!(clean("caf&Atilde;&copy; cr&Atilde;&uml;me"), "café crème");
        assert_eq!(clean("voil&Atilde;&nbsp;le"), "voilàle");
    }

    #[test]
    fn c1_controls_are_windows_1252() {
        assert_eq!(clean("parlé\u{85} Tu"), "parlé… Tu");
        assert_eq!(clean("\u{93}quoted\u{94}"), "“quoted”");
        // Bytes windows-1252 leaves unassigned stay for the unicode stage.
        assert_eq!(clean("odd \u{81}"), "odd \u{81}");
        // After what the unicode stage removes too.
        assert_eq!(clean("\u{200b}\u{93}quoted\u{94}"), "\u{200b}“quoted”");
    }

    #[test]
    fn plans_name_the_table_and_count_spans() {
        let mut trace = Trace::on();
        Mojibake::new().apply("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ \u{85} &amp;lt;", &mut trace);
        assert_eq!(
            Mojibake::plan(trace.edits()),
            [
                "utf-8 read as windows-1252, 1 span",
                "C1 controls read as windows-1252, 1 span",
                "HTML entities escaped twice, 1 span"
            ]
        );
    }
}
