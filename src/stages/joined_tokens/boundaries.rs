//! Finds, inside one token, where a doubled token, a case boundary, a number or a sentence
//! end shows that two words were glued.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::Repair;
use crate::words::{WordFrequencies, is_camel_case_name, is_first_name};

/// Runs of letters with an inner capital that occur more than once in the document: a name
/// or an identifier ("DeepMind", "APIs"), not an accident of scraping.
pub(super) type Repeated<'a> = FxHashSet<&'a str>;

/// How much the rest of the document says glue is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Split a case boundary only where the right part starts a sentence or a date
    /// ("statesIt", "editorialJanuary") or the two capitalized words are unlisted together.
    Strict,
    /// The document has shown glue several times already: also split a lowercase word glued
    /// to a capitalized one ("managerLoss") and an acronym glued to a word ("UKWake").
    GlueSeen,
}

/// Plans the repairs of a token that is [`Shape::Plain`] into `repairs` (the removal of a
/// doubled half) and adds its word to `segmentable` when it is long enough to hide two
/// glued words. Returns where the token's kept word ends. What it finds does not depend on
/// the [`Mode`], and such a token holds no run with an inner capital.
#[inline]
pub(super) fn find_in_plain(
    input: &str,
    start: usize,
    (word_start, word_end): (usize, usize),
    line: usize,
    repairs: &mut Vec<Repair>,
    segmentable: &mut Vec<(usize, usize, usize)>,
) -> usize {
    let word = &input[start + word_start..start + word_end];
    let half = word.len() / 2;
    let doubled = word.len().is_multiple_of(2)
        && word.len() >= 6
        && word.as_bytes()[0] == word.as_bytes()[half]
        && word[..half] == word[half..]
        && !is_doubled_word(word);
    if doubled {
        repairs.push(Repair {
            start: start + word_start + half,
            end: start + word_end,
            insert: "",
            rule: "doubled",
        });
        return start + word_start + half;
    }
    // A plain token's word is a letter and lowercase letters: only its length is left to
    // check.
    if (MIN_SEGMENTABLE_LEN..=MAX_SEGMENTABLE_LEN).contains(&word.len()) {
        segmentable.push((start + word_start, start + word_end, line));
    }
    start + word_end
}

/// Plans the repairs of a token that is not a plain word into `repairs` (its cuts in
/// order, then the removal of a doubled half) and adds to `segmentable` the plain words of
/// the token long enough to hide two glued words: case boundaries, sentence ends, file
/// names and doubled tokens of any shape. Returns where the token's kept text ends.
pub(super) fn find_in_special(
    input: &str,
    (start, end, line): (usize, usize, usize),
    mode: Mode,
    repeated: &Repeated<'_>,
    repairs: &mut Vec<Repair>,
    segmentable: &mut Vec<(usize, usize, usize)>,
) -> usize {
    let token = &input[start..end];
    let Some(core) = core_of(token) else {
        return end;
    };
    if holds_nothing(core) || is_protected(token) {
        return end;
    }
    find_in_core(
        input,
        (start, end, line),
        core,
        mode,
        repeated,
        repairs,
        segmentable,
    )
}

/// [`find_in_special`] past its quick tests: the token's `core` is looked at in full.
fn find_in_core(
    input: &str,
    (start, end, line): (usize, usize, usize),
    core: &str,
    mode: Mode,
    repeated: &Repeated<'_>,
    repairs: &mut Vec<Repair>,
    segmentable: &mut Vec<(usize, usize, usize)>,
) -> usize {
    let token = &input[start..end];
    let core_start = core.as_ptr() as usize - token.as_ptr() as usize;
    let kept = undoubled_len(core);
    let kept_core = &core[..kept];
    let offset = start + core_start;

    let mut cuts = Vec::new();
    if let Some(half) = repeated_heading(kept_core) {
        cuts.push((half, "case_glue"));
    }
    if let Some(at) = extension_glue(kept_core) {
        cuts.push((at, "extension_glue"));
    }
    if needs_boundary_scan(kept_core) && !is_code_like(kept_core) {
        let mut chars = Vec::with_capacity(kept_core.len());
        chars.extend(kept_core.char_indices());
        sentence_cuts(&chars, &mut cuts);
        let labelled = token[core_start + core.len()..].starts_with(':');
        let context = Context {
            mode,
            repeated,
            labelled,
        };
        letter_run_cuts(kept_core, &chars, context, &mut cuts);
    }
    cuts.sort_unstable_by_key(|cut| cut.0);
    cuts.dedup_by_key(|cut| cut.0);
    for &(at, rule) in &cuts {
        repairs.push(Repair {
            start: offset + at,
            end: offset + at,
            insert: " ",
            rule,
        });
    }
    plain_words(kept_core, &cuts, (offset, line), segmentable);
    if kept < core.len() {
        repairs.push(Repair {
            start: offset + kept,
            end: offset + core.len(),
            insert: "",
            rule: "doubled",
        });
        return offset + kept;
    }
    end
}

/// Whether a token's core is too plain to hold anything this stage repairs or splits: short
/// ASCII ("HTML", "you're", "2019", "U.S") with no dot, no case boundary and no run of
/// letters as long as the shortest glued pair. Most tokens that are not plain words are
/// like that, and are told at a glance.
///
/// ```text
/// "HTML" "you're" "200,000" "15-May"  -> true
/// "wouldn't" (run "wouldn")  "U.S." (dot)  "statesIt" (boundary)  -> false
/// ```
fn holds_nothing(core: &str) -> bool {
    // Shorter than a repeated heading (8 letters); a doubled token or a plain word needs
    // a run of MIN_SEGMENTABLE_LEN letters; a file name glued to a word needs a dot.
    let bytes = core.as_bytes();
    if bytes.len() >= 8 || !bytes.is_ascii() || bytes.contains(&b'.') {
        return false;
    }
    let mut run = 0;
    for &b in bytes {
        run = if b.is_ascii_alphabetic() { run + 1 } else { 0 };
        if run >= MIN_SEGMENTABLE_LEN {
            return false;
        }
    }
    !needs_boundary_scan(core)
}

/// Whether a token is a URL, an address, a handle, a hashtag, code or holds an HTML entity
/// ("&acuteacute;": undoubled, it would become an entity the unicode stage decodes on the
/// next run), never to be split.
fn is_protected(token: &str) -> bool {
    let bytes = token.as_bytes();
    if bytes.first() == Some(&b'#') {
        return true;
    }
    // One pass: most bytes are none of these.
    let mut ampersand = false;
    for (i, &b) in bytes.iter().enumerate() {
        if !MAY_PROTECT[b as usize] {
            continue;
        }
        let protected = match b {
            b'&' => {
                ampersand = true;
                false
            }
            b';' => ampersand,
            b':' => bytes.get(i + 1) == Some(&b':'),
            b'.' => i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www"),
            _ => true,
        };
        if protected {
            return true;
        }
    }
    false
}

/// The bytes [`is_protected`] looks at: code punctuation, which protects a token on its own,
/// and `&`, `;`, `:`, `.`, which protect it in company ("&eacute;", "std::", "www.").
static MAY_PROTECT: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"@_=/\\<>{}[]|^~$%*`+&;:.";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The token without its leading and trailing punctuation.
pub(super) fn core_of(token: &str) -> Option<&str> {
    let bytes = token.as_bytes();
    let alphanumeric = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if alphanumeric(bytes.first()) && alphanumeric(bytes.last()) {
        return Some(token);
    }
    let start = token.find(|c: char| c.is_alphanumeric())?;
    let end = token
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())?;
    Some(&token[start..end])
}

/// Whether a token has a capital after its first character (or any non-ASCII byte), so
/// may hold a case boundary.
pub(super) fn has_inner_capital(core: &str) -> bool {
    core.bytes()
        .skip(1)
        .any(|b| b.is_ascii_uppercase() || b >= 0x80)
}

/// The runs of cased letters of a token, as byte ranges. Letters without case (Chinese,
/// Arabic) end a run, so "公司DeepMind开发" holds the run "DeepMind".
pub(super) fn cased_runs(chars: &[(usize, char)]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_cased = |c: char| c.is_lowercase() || c.is_uppercase();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < chars.len() && !is_cased(chars[at].1) {
            at += 1;
        }
        if at == chars.len() {
            return None;
        }
        let start = at;
        while at < chars.len() && is_cased(chars[at].1) {
            at += 1;
        }
        Some((start, at))
    })
}

/// Code rather than prose: calls, statements, member access ("fetch(url,",
/// "evt.respondWith"), but not an ellipsis ("food.....mcdonaldsWork").
fn is_code_like(core: &str) -> bool {
    core.contains(['(', ';', '='])
        || core
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_lowercase())
}

/// A doubled form that is this common is a word of its own (couscous, tsetse, bonbon).
const DOUBLED_WORD_MIN_COUNT: u64 = 50_000;

/// The length of `core` once a token written twice ("China’sChina’s") is written once.
fn undoubled_len(core: &str) -> usize {
    let mut len = core.len();
    loop {
        let half = len / 2;
        let doubled = len.is_multiple_of(2)
            && core.is_char_boundary(half)
            && core[..half] == core[half..len]
            && core[..half].chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if !doubled || is_doubled_word(&core[..len]) {
            return len;
        }
        len = half;
    }
}

/// A word glued to itself written with other capitals, a heading and the text that repeats
/// it ("QuickplaceQuickPlace"): the middle, where a space belongs.
fn repeated_heading(core: &str) -> Option<usize> {
    let half = core.len() / 2;
    let glued = core.len().is_multiple_of(2)
        && core.is_char_boundary(half)
        && core[..half] != core[half..]
        && core[..half].eq_ignore_ascii_case(&core[half..])
        && core.chars().filter(|c| c.is_alphabetic()).count() >= 8;
    glued.then_some(half)
}

/// File extensions and web domains that a scraper glues to the next word.
const EXTENSIONS: [&str; 24] = [
    "com", "cpp", "css", "csv", "doc", "docx", "edu", "gif", "gov", "htm", "html", "jpg", "js",
    "json", "md", "mp3", "mp4", "net", "org", "pdf", "png", "txt", "wasm", "xml",
];

/// A file name or domain glued to the next word ("hello.wasmhello", "load-add.jsconst",
/// "ntlx.comWorking"): where the word starts, when it is an English word of three letters
/// or more (lowercase or capitalized).
fn extension_glue(core: &str) -> Option<usize> {
    let dot = core.rfind('.')?;
    let tail = &core[dot + 1..];
    if !core[..dot].ends_with(|c: char| c.is_ascii_alphanumeric())
        || !tail.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    EXTENSIONS.iter().find_map(|extension| {
        let word = tail.strip_prefix(extension)?;
        let shaped = word.len() >= 3 && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        (shaped && is_listed_word(word)).then_some(dot + 1 + extension.len())
    })
}

fn is_doubled_word(word: &str) -> bool {
    WordFrequencies::english().count_ascii_any_case(word) >= DOUBLED_WORD_MIN_COUNT
}

/// Whether a token has anything a boundary could hang on: an inner sentence end, or an
/// inner capital in a token that also has a lowercase letter (every case boundary has a
/// lowercase letter on one side: "statesIt", "AMThe", "birdTHE", "2019The"; "NATO" and
/// "don’t" have none).
fn needs_boundary_scan(core: &str) -> bool {
    let is_sentence_end = |c: char| matches!(c, '.' | '!' | '?' | '…');
    if core.is_ascii() {
        // One pass without branches over the bytes after the first.
        let bytes = core.as_bytes();
        let (mut ends, mut upper, mut lower) = (false, false, false);
        for &b in bytes.get(1..).unwrap_or_default() {
            ends |= matches!(b, b'.' | b'!' | b'?');
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
        }
        lower |= bytes.first().is_some_and(u8::is_ascii_lowercase);
        return ends || (upper && lower);
    }
    let mut inner = core.chars().skip(1);
    inner.clone().any(is_sentence_end)
        || (inner.any(char::is_uppercase) && core.chars().any(char::is_lowercase))
}

/// Sentence ends glued to the next sentence: "said.The", "peace.”The", "wait...Then".
fn sentence_cuts(chars: &[(usize, char)], cuts: &mut Vec<(usize, &'static str)>) {
    let mut k = 0;
    while k < chars.len() {
        if !matches!(chars[k].1, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < chars.len() && matches!(chars[k].1, '.' | '!' | '?' | '…') {
            k += 1;
        }
        // "said.The", "2019.The"; not "U.S.The" nor "e.g".
        let word_end = |c: char| c.is_lowercase() || c.is_ascii_digit();
        let ends_word =
            run_start >= 2 && word_end(chars[run_start - 1].1) && word_end(chars[run_start - 2].1);
        let mut j = k;
        while j < chars.len() && matches!(chars[j].1, '"' | '\'' | ')' | '”' | '’' | '»') {
            j += 1;
        }
        // The space goes before an opening quote: "journalism. “These".
        let cut = j;
        while j < chars.len() && matches!(chars[j].1, '“' | '‘' | '«') {
            j += 1;
        }
        let starts_sentence =
            j + 1 < chars.len() && chars[j].1.is_uppercase() && chars[j + 1].1.is_lowercase();
        if ends_word && starts_sentence {
            cuts.push((chars[cut].0, "sentence_glue"));
        }
    }
}

/// Left parts of names with an inner capital (McDonald, MacArthur, LeBron, DeSantis).
const NAME_PREFIXES: [&str; 13] = [
    "Mc", "Mac", "Le", "La", "De", "Di", "Da", "Du", "Del", "Van", "Von", "St", "Fitz",
];

/// First parts of camelCase code identifiers (useState, getName, onClick, toString).
const CODE_PREFIXES: [&str; 24] = [
    "get", "set", "use", "is", "has", "on", "to", "add", "can", "handle", "init", "my", "new",
    "parse", "fetch", "load", "create", "update", "remove", "delete", "find", "make", "inner",
    "outer",
];

/// Words that start a sentence or a dateline. A capitalized word glued after a lowercase
/// one ("statesIt", "editorialJanuary") or an acronym ("AMThe") is split off only when it
/// is one of these: PascalCase names and identifiers (SpiderMonkey, DevTools, TypeError,
/// bodyUsed) join ordinary words far more often than a block boundary does.
const SENTENCE_STARTS: [&str; 105] = [
    "A",
    "About",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "Click",
    "Comments",
    "Did",
    "Do",
    "Does",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Is",
    "It",
    "Its",
    "Just",
    "Last",
    "Many",
    "Me",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "Photo",
    "Please",
    "Posted",
    "Published",
    "Read",
    "Related",
    "See",
    "She",
    "Since",
    "So",
    "Some",
    "Source",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Today",
    "Tomorrow",
    "Updated",
    "Us",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yesterday",
    "Yet",
    "You",
    "Your",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "New",
];

/// Whether `word` is one of [`SENTENCE_STARTS`] (a set, as it is asked for every case
/// boundary).
fn is_sentence_start(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| SENTENCE_STARTS.into_iter().collect());
    SET.contains(word)
}

/// Whether `word` is one of [`DATE_WORDS`].
fn is_date_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| DATE_WORDS.into_iter().collect());
    SET.contains(word)
}

/// Months and days, which start a dateline glued to what comes before ("editorialJanuary",
/// "NewarkNov-28").
const DATE_WORDS: [&str; 31] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Sentence starts that also end product names ("PlugIn", "AddOn", "NewsNow").
const PRODUCT_ENDINGS: [&str; 6] = ["How", "In", "Now", "On", "Out", "Up"];

/// Two-letter words that may follow an acronym ("PMIt", "USGo"); not "Is", "As", "Us",
/// which are more often an acronym's plural ("APIs", "FPGAs", "CPUs").
const ACRONYM_FOLLOWERS: [&str; 16] = [
    "At", "Be", "By", "Do", "Go", "He", "If", "In", "It", "Me", "My", "No", "Of", "On", "So", "We",
];

/// Two-letter words that end a sentence often enough to be glued to the next one
/// ("itWorst", "inDamascus").
const TWO_LETTER_LEFT: [&str; 8] = ["at", "do", "go", "in", "it", "me", "so", "up"];

/// Acronyms that end a dateline and are glued to whatever follows ("10:30 AMOriginally").
const TIME_OF_DAY: [&str; 2] = ["AM", "PM"];

/// Case boundaries inside each run of letters, and numbers glued to a capitalized word.
fn letter_run_cuts(
    core: &str,
    chars: &[(usize, char)],
    context: Context<'_>,
    cuts: &mut Vec<(usize, &'static str)>,
) {
    for (run_start, run_end) in cased_runs(chars) {
        run_cuts(core, chars, (run_start, run_end), context, cuts);
    }
}

/// What the rest of the document says about a run of letters.
#[derive(Clone, Copy)]
struct Context<'r> {
    mode: Mode,
    repeated: &'r Repeated<'r>,
    /// The token ends with a colon: its last word is a label ("Cast:").
    labelled: bool,
}

fn run_cuts(
    core: &str,
    chars: &[(usize, char)],
    (run_start, run_end): (usize, usize),
    context: Context<'_>,
    cuts: &mut Vec<(usize, &'static str)>,
) {
    let byte = |i: usize| chars.get(i).map_or(core.len(), |c| c.0);
    let text = |from: usize, to: usize| &core[byte(from)..byte(to)];
    let starts_lowercase = chars[run_start].1.is_lowercase();
    let capitalized = run_end > run_start + 1
        && chars[run_start].1.is_uppercase()
        && chars[run_start + 1].1.is_lowercase();
    let digits_before = run_start >= 2
        && chars[run_start - 1].1.is_ascii_digit()
        && chars[run_start - 2].1.is_ascii_digit();
    let candidates = case_boundaries(chars, run_start, run_end, |from, to| text(from, to));
    // Most runs have no boundary ("wouldn", "U"): nothing to look up for them.
    if candidates.is_empty() && !(digits_before && capitalized) {
        return;
    }
    if is_camel_case_name(text(run_start, run_end)) || is_chemical_formula(core) {
        return;
    }
    if digits_before && capitalized {
        let next = candidates.first().map_or(run_end, |c| c.at);
        if is_known_word(text(run_start, next)) {
            cuts.push((byte(run_start), "case_glue"));
        }
    }
    let Some(first) = candidates.first() else {
        return;
    };
    let capitalized_humps = candidates
        .iter()
        .filter(|c| c.kind == Boundary::Capitalized)
        .count();
    // A PascalCase name of three parts ("PictureInPictureParent", "ScreamMyName") is
    // written that way on purpose; only a date glued to it ("NewarkNov-28") is split off.
    let named = context.mode == Mode::Strict && capitalized_humps >= 2;
    let lower_humps = candidates
        .iter()
        .filter(|c| c.kind != Boundary::Acronym)
        .count();
    if starts_lowercase && (lower_humps >= 2 || CODE_PREFIXES.contains(&text(run_start, first.at)))
    {
        return;
    }
    // First the boundaries sure on their own: a sentence start, a time of day.
    let mut sure = Vec::new();
    for (i, candidate) in candidates.iter().enumerate() {
        let left_start = if i == 0 {
            run_start
        } else {
            candidates[i - 1].at
        };
        let right_end = candidates.get(i + 1).map_or(run_end, |c| c.at);
        let (left, right) = (
            text(left_start, candidate.at),
            text(candidate.at, right_end),
        );
        let acronym = candidate.kind == Boundary::Acronym;
        let possessive_s = left == "s"
            && left_start == run_start
            && left_start > 0
            && matches!(chars[left_start - 1].1, '\'' | '’');
        // A short word after an acronym is mostly its plural or a name ("APIs", "CPUs").
        let right_long_enough =
            !acronym || right.chars().count() >= 3 || ACRONYM_FOLLOWERS.contains(&right);
        let date = is_date_word(right);
        // "PlugIn", "CheckIn", "AddOn", "NewsNow", "WikiHow": a capitalized word and a short
        // sentence start make a product name more often than glue.
        let product_like = !starts_lowercase && PRODUCT_ENDINGS.contains(&right);
        // An uppercase word is looked up capitalized ("birdTHE" → "The").
        let starts_sentence = (is_sentence_start(right) && !product_like)
            || (candidate.kind == Boundary::Uppercase && is_sentence_start(&capitalize(right)))
            || date
            || (acronym && TIME_OF_DAY.contains(&left));
        if (left.chars().count() >= 2 || possessive_s)
            && right_long_enough
            && starts_sentence
            && (!named || date)
            && !is_camel_case_name(text(left_start, right_end))
            && is_known_word(right)
        {
            sure.push(candidate.at);
        }
    }
    // Then, between those, a part holding one boundary left may be two words glued; it is
    // judged as it will stand once the sure boundaries are split, so that a second run
    // judges it the same way.
    let mut part_start = run_start;
    let mut next_candidate = 0;
    for part_end in sure.iter().copied().chain([run_end]) {
        // Candidates are in order: those of this part follow those of the parts before.
        while next_candidate < candidates.len() && candidates[next_candidate].at <= part_start {
            next_candidate += 1;
        }
        let first = next_candidate;
        while next_candidate < candidates.len() && candidates[next_candidate].at < part_end {
            next_candidate += 1;
        }
        if let [candidate] = &candidates[first..next_candidate]
            && !named
            && is_glued_pair(
                (text(part_start, candidate.at), text(candidate.at, part_end)),
                candidate.kind,
                part_end == run_end && chars.get(run_end).map_or(context.labelled, |c| c.1 == ':'),
                context,
            )
        {
            cuts.push((byte(candidate.at), "case_glue"));
        }
        if part_end < run_end {
            cuts.push((byte(part_end), "case_glue"));
        }
        part_start = part_end;
    }
}

/// Whether `left` and `right`, the two words of one part of a token, were glued: the pair
/// occurs once in the document and is not a word of the list ("KrugmanSomebody";
/// "SpiderMonkey" is listed), and either the right word is a label (followed by a colon) or
/// the document has shown glue elsewhere: two capitalized words are a product name
/// (AgileBits, OmniFocus) more often than an accident.
fn is_glued_pair(
    (left, right): (&str, &str),
    kind: Boundary,
    labelled: bool,
    context: Context,
) -> bool {
    let mut pair = String::with_capacity(left.len() + right.len());
    pair.push_str(left);
    pair.push_str(right);
    let starts_lowercase = left.starts_with(char::is_lowercase);
    let left_len = left.chars().count();
    let once = !context.repeated.contains(pair.as_str());
    let unlisted = !is_listed_word(&pair) && !is_camel_case_name(&pair) && is_known_word(right);
    // A label ("HerzfeldCast:") starts a line of its own; a byline ends with a name and the
    // text goes on ("By Stephen FidlerJosé Manuel Barroso"). Glue in any document, so that
    // a document that shows glue splits at least what one that does not would.
    let label_or_byline = unlisted
        && (labelled || is_first_name(right))
        && kind == Boundary::Capitalized
        && !starts_lowercase
        && left_len >= 3;
    label_or_byline
        || match context.mode {
            Mode::Strict => false,
            Mode::GlueSeen => match kind {
                Boundary::Acronym => {
                    left_len >= 2
                        && is_listed_word(right)
                        && (right.chars().count() >= 3 || ACRONYM_FOLLOWERS.contains(&right))
                }
                _ if starts_lowercase => {
                    once && unlisted
                        && (is_listed_word(left) && left_len >= 3
                            || TWO_LETTER_LEFT.contains(&left))
                }
                _ => once && unlisted && left_len >= 3,
            },
        }
}

/// The kinds of case boundary inside a run of letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// A lowercase letter, then a capitalized word: "statesIt".
    Capitalized,
    /// A lowercase letter, then an uppercase word to the end of the run: "birdTHE".
    Uppercase,
    /// An acronym, then a capitalized word: "AMThe".
    Acronym,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: usize,
    kind: Boundary,
}

/// The case boundaries of the run `chars[start..end]`, without those that follow a name
/// prefix ("McDonald", "LeBron").
fn case_boundaries<'t>(
    chars: &[(usize, char)],
    start: usize,
    end: usize,
    text: impl Fn(usize, usize) -> &'t str,
) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut previous_edge = start;
    for p in start + 1..end {
        let (before, here) = (chars[p - 1].1, chars[p].1);
        let after = chars.get(p + 1).map(|c| c.1).filter(|_| p + 1 < end);
        if !here.is_uppercase() {
            continue;
        }
        if p == start + 1
            && after.is_some_and(char::is_lowercase)
            && TIME_OF_DAY.contains(&text(start, p + 1))
            && end - p >= 4
        {
            // "PMnot": a time of day glued to a lowercase word.
            candidates.push(Candidate {
                at: p + 1,
                kind: Boundary::Acronym,
            });
            previous_edge = p + 1;
            continue;
        }
        let kind = match after {
            Some(next) if next.is_lowercase() && before.is_lowercase() => Boundary::Capitalized,
            Some(next)
                if next.is_lowercase()
                    && before.is_uppercase()
                    && p >= start + 2
                    && chars[p - 2].1.is_uppercase() =>
            {
                Boundary::Acronym
            }
            _ if before.is_lowercase()
                && end - p >= 3
                && chars[p..end].iter().all(|c| c.1.is_uppercase()) =>
            {
                Boundary::Uppercase
            }
            _ => continue,
        };
        let name_prefix =
            kind == Boundary::Capitalized && NAME_PREFIXES.contains(&text(previous_edge, p));
        if !name_prefix {
            candidates.push(Candidate { at: p, kind });
        }
        previous_edge = p;
    }
    candidates
}

/// "THE" → "The", for looking uppercase words up in [`SENTENCE_STARTS`].
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// An ASCII word found in the English list; a word of another script counts as known, as
/// there is no list to ask.
fn is_known_word(word: &str) -> bool {
    !word.is_ascii() || is_listed_word(word)
}

/// An ASCII word found in the English list ("spidermonkey" is: it is a name, not glue).
fn is_listed_word(word: &str) -> bool {
    WordFrequencies::english().count_ascii_any_case(word) > 0
}

/// Whether `symbol` is the symbol of a chemical element.
fn is_element(symbol: &str) -> bool {
    matches!(
        symbol,
        "H" | "He"
            | "Li"
            | "Be"
            | "B"
            | "C"
            | "N"
            | "O"
            | "F"
            | "Ne"
            | "Na"
            | "Mg"
            | "Al"
            | "Si"
            | "P"
            | "S"
            | "Cl"
            | "Ar"
            | "K"
            | "Ca"
            | "Sc"
            | "Ti"
            | "V"
            | "Cr"
            | "Mn"
            | "Fe"
            | "Co"
            | "Ni"
            | "Cu"
            | "Zn"
            | "Ga"
            | "Ge"
            | "As"
            | "Se"
            | "Br"
            | "Kr"
            | "Rb"
            | "Sr"
            | "Y"
            | "Zr"
            | "Nb"
            | "Mo"
            | "Tc"
            | "Ru"
            | "Rh"
            | "Pd"
            | "Ag"
            | "Cd"
            | "In"
            | "Sn"
            | "Sb"
            | "Te"
            | "I"
            | "Xe"
            | "Cs"
            | "Ba"
            | "La"
            | "Ce"
            | "Pr"
            | "Nd"
            | "Pm"
            | "Sm"
            | "Eu"
            | "Gd"
            | "Tb"
            | "Dy"
            | "Ho"
            | "Er"
            | "Tm"
            | "Yb"
            | "Lu"
            | "Hf"
            | "Ta"
            | "W"
            | "Re"
            | "Os"
            | "Ir"
            | "Pt"
            | "Au"
            | "Hg"
            | "Tl"
            | "Pb"
            | "Bi"
            | "Po"
            | "At"
            | "Rn"
            | "Fr"
            | "Ra"
            | "Ac"
            | "Th"
            | "Pa"
            | "U"
            | "Np"
            | "Pu"
            | "Am"
            | "Cm"
            | "Bk"
            | "Cf"
            | "Es"
            | "Fm"
            | "Md"
            | "No"
            | "Lr"
            | "Rf"
            | "Db"
            | "Sg"
            | "Bh"
            | "Hs"
            | "Mt"
            | "Ds"
            | "Rg"
            | "Cn"
            | "Nh"
            | "Fl"
            | "Mc"
            | "Lv"
            | "Ts"
            | "Og"
    )
}

/// Whether `core` reads as a formula of element symbols and counts ("NaCl", "H2O", "InGaAs").
fn is_chemical_formula(core: &str) -> bool {
    let bytes = core.as_bytes();
    let mut i = 0;
    let mut elements = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() {
            return false;
        }
        let two =
            i + 1 < bytes.len() && bytes[i + 1].is_ascii_lowercase() && is_element(&core[i..i + 2]);
        let len = if two { 2 } else { 1 };
        if !is_element(&core[i..i + len]) {
            return false;
        }
        i += len;
        elements += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    elements >= 2
}

/// Adds the ASCII words of `core` (between the cuts) that could be two glued words.
fn plain_words(
    core: &str,
    cuts: &[(usize, &'static str)],
    (offset, line): (usize, usize),
    segmentable: &mut Vec<(usize, usize, usize)>,
) {
    let mut piece_start = 0;
    for end in cuts.iter().map(|cut| cut.0).chain([core.len()]) {
        let piece = &core.as_bytes()[piece_start..end];
        let mut i = 0;
        while i < piece.len() {
            if !piece[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let word_start = i;
            while i < piece.len() && piece[i].is_ascii_alphabetic() {
                i += 1;
            }
            // A run next to a non-ASCII byte may be part of a longer word ("café"); one
            // next to a hyphen part of a name ("Balland-Poirier").
            let plain = |b: &u8| *b < 0x80 && *b != b'-';
            let whole = (word_start == 0 || plain(&piece[word_start - 1]))
                && (i == piece.len() || plain(&piece[i]));
            let word = &core[piece_start + word_start..piece_start + i];
            if whole && is_plain_word(word) {
                let at = offset + piece_start + word_start;
                segmentable.push((at, at + word.len(), line));
            }
        }
        piece_start = end;
    }
}

/// Lowercase or capitalized ASCII letters, long enough to hold two words (a function word
/// of two letters and a word of four, or of three and three).
fn is_plain_word(word: &str) -> bool {
    (MIN_SEGMENTABLE_LEN..=MAX_SEGMENTABLE_LEN).contains(&word.len())
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && word.as_bytes()[0].is_ascii_alphabetic()
}

/// The shortest word that may be two glued words...
const MIN_SEGMENTABLE_LEN: usize = 6;
/// ...and the longest: longer runs of letters are not prose.
const MAX_SEGMENTABLE_LEN: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A token that `holds_nothing` says is too plain gets nothing from the full look
        /// either.
        #[test]
        fn plain_enough_tokens_hold_nothing(
            token in "[a-zA-Z0-9'.,:;!?()&@/-]{0,2}[a-z]{0,8}[A-Z0-9'.:&-]{0,2}[a-z]{0,3}"
        ) {
            if let Some(core) = core_of(&token).filter(|core| holds_nothing(core)) {
                let (mut repairs, mut segmentable) = (Vec::new(), Vec::new());
                let end = find_in_core(
                    &token,
                    (0, token.len(), 0),
                    core,
                    Mode::GlueSeen,
                    &Repeated::default(),
                    &mut repairs,
                    &mut segmentable,
                );
                proptest::prop_assert_eq!((end, repairs, segmentable), (token.len(), vec![], vec![]));
            }
        }
    }
}
