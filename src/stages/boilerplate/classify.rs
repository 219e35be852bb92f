//! The line classifier: a verdict for each line on its own, then in its neighbourhood
//! (jusText's algorithm, by Jan Pomikálek, applied to the lines of a text dump).

use super::features::LineFeatures;

/// Lines shorter than this many characters are judged by their neighbours.
const SHORT_CHARS: usize = 70;
/// Lines at least this long with enough stop words are article text on their own.
const GOOD_CHARS: usize = 200;
/// Stop words per word of a good line.
const GOOD_STOP_DENSITY: f32 = 0.32;
/// Stop words per word of a near-good line.
const NEAR_GOOD_STOP_DENSITY: f32 = 0.30;
/// A short line this close (in characters of the lines between) above a good or near-good
/// line is a heading: only the line right above. jusText's 200 characters, meant for <h1>
/// to <h6>, keep the last items of a menu in a text dump (fullpage F1 on the devdata dumps:
/// l3s-gn1 0.829 with 200, 0.842 with 0; dragnet 0.767 and 0.771).
const HEADING_REACH: usize = 0;
/// Near-good lines in a run this long are an article's paragraphs.
const TEXT_BLOCK_LINES: usize = 3;
/// Characters of a line in a script without word spaces or stop-word list (Chinese,
/// Japanese, Arabic...) for it to count as good on its length alone.
const UNLISTED_GOOD_CHARS: usize = 50;

/// What kind of document the lines come from, which decides how much the classifier may
/// remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DocumentKind {
    /// Mostly article text (a clean dump, an extractor's output): only lines that phrase
    /// rules or a copyright sign condemn go.
    Text,
    /// A whole page with its menus, widgets and footers, as the number of phrase lines
    /// shows: the neighbourhood rules judge every line.
    Page,
}

/// A document with this many different lines matched by phrase rules is a whole page. On
/// the devdata dumps, 90% of the gold texts and article dumps have at most one such line;
/// 75% of the full-page dumps of news sites have six or more. A blog post that ends with
/// "Reply", "Reply", "Post a comment" is still a text.
const PAGE_PHRASE_LINES: usize = 3;

impl DocumentKind {
    /// The kind of a document with `phrase_lines` different lines matched by phrase rules.
    pub(super) fn of(phrase_lines: usize) -> DocumentKind {
        if phrase_lines >= PAGE_PHRASE_LINES {
            DocumentKind::Page
        } else {
            DocumentKind::Text
        }
    }
}

/// What a line is, judged on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Good,
    NearGood,
    Short,
    /// Long, but with few stop words: a list, a table row, a glued menu, or prose heavy
    /// with names. Boilerplate in a page, text in a text.
    FewStopWords,
    /// Boilerplate for sure, with the rule that says so.
    Bad(&'static str),
    /// Not article text, but no sign of boilerplate around it either (a dateline under a
    /// headline): it goes, and the neighbourhood rules see through it.
    Aside(&'static str),
}

impl Class {
    /// Judges a line by its features and by the rule that condemns it on its own, if any.
    pub(super) fn of(features: &LineFeatures, rule: Option<&'static str>) -> Class {
        match rule {
            Some(rule @ ("dateline" | "credit" | "meta_line")) => return Class::Aside(rule),
            Some(rule) => return Class::Bad(rule),
            None => {}
        }
        if !features.in_listed_script() && features.letters > 0 {
            return if features.chars >= UNLISTED_GOOD_CHARS {
                Class::Good
            } else {
                Class::Short
            };
        }
        if features.chars < SHORT_CHARS {
            return Class::Short;
        }
        let density = features.stop_density();
        if density >= GOOD_STOP_DENSITY && features.chars >= GOOD_CHARS {
            Class::Good
        } else if density >= NEAR_GOOD_STOP_DENSITY {
            Class::NearGood
        } else {
            Class::FewStopWords
        }
    }
}

/// The final verdict on each line of a document.
pub(super) struct LineVerdicts {
    verdicts: Vec<Option<&'static str>>,
}

impl LineVerdicts {
    /// Decides, for the lines of a page with the given classes and lengths in characters,
    /// which go, by jusText's rules: a line
    /// with few stop words is bad; a short line takes the verdict of its nearest good or
    /// bad neighbours (the document's edges count as bad), a near-good line goes when both
    /// are bad; a short line just above text is a heading and stays. A bad line alone
    /// between lines of text ("Advertisement") goes without condemning its neighbours.
    pub(super) fn decide(classes: &[Class], lengths: &[usize]) -> LineVerdicts {
        let mut verdicts: Vec<Option<&'static str>> = classes
            .iter()
            .map(|class| match class {
                Class::Bad(rule) | Class::Aside(rule) => Some(*rule),
                _ => None,
            })
            .collect();
        if !classes.contains(&Class::Good) {
            return LineVerdicts { verdicts };
        }
        let judged: Vec<Class> = classes
            .iter()
            .map(|class| match class {
                Class::FewStopWords => Class::Bad("few_stop_words"),
                Class::Aside(_) => Class::Short,
                class => *class,
            })
            .collect();
        let around_judged = Neighbours::of(&judged, false);
        let context: Vec<Class> = (0..judged.len())
            .map(|i| match judged[i] {
                Class::Bad(_) if around_judged.is_isolated(i) => Class::Short,
                class => class,
            })
            .collect();
        let mut revised = context.clone();
        promote_text_blocks(&mut revised);
        for (i, class) in revised.iter_mut().enumerate() {
            if *class == Class::Short && heading_above_good(&context, lengths, i) {
                *class = Class::NearGood;
            }
        }
        let before_shorts = revised.clone();
        let judged_around = Neighbours::of(&before_shorts, true);
        let any_around = Neighbours::of(&before_shorts, false);
        for i in 0..revised.len() {
            if before_shorts[i] != Class::Short {
                continue;
            }
            let (prev, next) = (judged_around.before[i], judged_around.after[i]);
            let bad = |side: Side| matches!(side, Side::Bad | Side::Edge);
            revised[i] = match (bad(prev), bad(next)) {
                (false, false) => Class::Good,
                (true, true) => Class::Bad("short_among_boilerplate"),
                _ => {
                    let near_good_before = bad(prev) && any_around.before[i] == Side::NearGood;
                    let near_good_after = bad(next) && any_around.after[i] == Side::NearGood;
                    if near_good_before || near_good_after {
                        Class::Good
                    } else {
                        Class::Bad("short_beside_boilerplate")
                    }
                }
            };
        }
        let before_near_good = revised.clone();
        let near_good_around = Neighbours::of(&before_near_good, true);
        for i in 0..revised.len() {
            if before_near_good[i] != Class::NearGood {
                continue;
            }
            let (prev, next) = (near_good_around.before[i], near_good_around.after[i]);
            let bad = |side: Side| matches!(side, Side::Bad | Side::Edge);
            revised[i] = if bad(prev) && bad(next) {
                Class::Bad("near_good_among_boilerplate")
            } else {
                Class::Good
            };
        }
        for (verdict, class) in verdicts.iter_mut().zip(&revised) {
            if let Class::Bad(rule) = class {
                verdict.get_or_insert(rule);
            }
        }
        LineVerdicts { verdicts }
    }

    /// The positions of the lines to remove, with the rule that removes each.
    pub(super) fn removals(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        self.verdicts
            .iter()
            .enumerate()
            .filter_map(|(i, verdict)| verdict.map(|rule| (i, rule)))
    }
}

/// What is found looking from a line towards one end of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Good,
    NearGood,
    Bad,
    /// Nothing judged before the document ends.
    Edge,
}

/// For every line, the nearest line before and after it that is not short (and, with
/// `skip_near_good`, not near-good either); computed in two passes, so that a page of
/// thousands of short lines costs no more than its length.
struct Neighbours {
    before: Vec<Side>,
    after: Vec<Side>,
}

impl Neighbours {
    fn of(classes: &[Class], skip_near_good: bool) -> Neighbours {
        let side = |class: &Class| match class {
            Class::Short => None,
            Class::NearGood if skip_near_good => None,
            Class::Good => Some(Side::Good),
            Class::NearGood => Some(Side::NearGood),
            _ => Some(Side::Bad),
        };
        let mut before = Vec::with_capacity(classes.len());
        let mut last = Side::Edge;
        for class in classes {
            before.push(last);
            last = side(class).unwrap_or(last);
        }
        let mut after = vec![Side::Edge; classes.len()];
        let mut last = Side::Edge;
        for (i, class) in classes.iter().enumerate().rev() {
            after[i] = last;
            last = side(class).unwrap_or(last);
        }
        Neighbours { before, after }
    }

    /// Whether bad line `i` has text on both sides, or on one side and the document's edge
    /// on the other.
    fn is_isolated(&self, i: usize) -> bool {
        let text = |side: Side| matches!(side, Side::Good | Side::NearGood);
        let (before, after) = (self.before[i], self.after[i]);
        (text(before) || before == Side::Edge)
            && (text(after) || after == Side::Edge)
            && (text(before) || text(after))
    }
}

/// Near-good lines in a run of at least [`TEXT_BLOCK_LINES`] (short lines between them
/// allowed) are paragraphs of an article written in short paragraphs: they count as good.
fn promote_text_blocks(classes: &mut [Class]) {
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, classes: &mut [Class]| {
        if run.len() >= TEXT_BLOCK_LINES {
            for &i in run.iter() {
                classes[i] = Class::Good;
            }
        }
        run.clear();
    };
    for i in 0..classes.len() {
        match classes[i] {
            Class::NearGood | Class::Good => run.push(i),
            Class::Short => {}
            _ => flush(&mut run, classes),
        }
    }
    flush(&mut run, classes);
}

/// Whether a good or near-good line follows line `i` within [`HEADING_REACH`] characters.
fn heading_above_good(classes: &[Class], lengths: &[usize], i: usize) -> bool {
    let mut distance = 0;
    for j in i + 1..classes.len() {
        if distance > HEADING_REACH {
            return false;
        }
        if matches!(classes[j], Class::Good | Class::NearGood) {
            return true;
        }
        distance += lengths[j];
    }
    false
}
