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
/// line is a heading.
const HEADING_REACH: usize = 200;
/// Characters of a line in a script without word spaces or stop-word list (Chinese,
/// Japanese, Arabic...) for it to count as good on its length alone.
const UNLISTED_GOOD_CHARS: usize = 50;

/// What a line is, judged on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Good,
    NearGood,
    Short,
    /// Boilerplate, with the rule that says so.
    Bad(&'static str),
}

impl Class {
    /// Judges a line by its features and by the phrase rule it matched, if any.
    pub(super) fn of(features: &LineFeatures, phrase: Option<&'static str>) -> Class {
        if let Some(category) = phrase {
            return Class::Bad(category);
        }
        if features.copyright {
            return Class::Bad("copyright");
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
            // Long but with few stop words: a list, a table row, a glued menu, or prose
            // heavy with names. Its neighbours decide, as for a short line.
            Class::Short
        }
    }
}

/// The final verdict on each line of a document.
pub(super) struct LineVerdicts {
    verdicts: Vec<Option<&'static str>>,
}

impl LineVerdicts {
    /// Decides, for lines with the given classes and lengths in characters, which go.
    ///
    /// Only lines judged bad on their own (phrase rules, copyright) anchor a removal: a
    /// short line goes when its nearest judged neighbours are bad (or bad and the edge of
    /// the document), a near-good line when no good line is on either side of it. The
    /// edge of the document is no evidence on its own, so clean text keeps its title and
    /// its last lines.
    pub(super) fn decide(classes: &[Class], lengths: &[usize]) -> LineVerdicts {
        let mut verdicts: Vec<Option<&'static str>> = classes
            .iter()
            .map(|class| match class {
                Class::Bad(rule) => Some(*rule),
                _ => None,
            })
            .collect();
        if !classes.contains(&Class::Good) {
            // Nothing to anchor the neighbourhood rules: only the rules sure on their own.
            return LineVerdicts { verdicts };
        }
        let mut revised = classes.to_vec();
        // Short lines just above article text are headings.
        for i in 0..revised.len() {
            if revised[i] == Class::Short && heading_above_good(classes, lengths, i) {
                revised[i] = Class::NearGood;
            }
        }
        let before_shorts = revised.clone();
        for i in 0..revised.len() {
            if before_shorts[i] != Class::Short {
                continue;
            }
            let prev = neighbour(&before_shorts, i, Direction::Before, true);
            let next = neighbour(&before_shorts, i, Direction::After, true);
            revised[i] = match (prev, next) {
                (Side::Bad, Side::Bad) | (Side::Bad, Side::Edge) | (Side::Edge, Side::Bad) => {
                    Class::Bad("short_among_boilerplate")
                }
                (Side::Bad, _) | (_, Side::Bad) => {
                    let near_good_before = prev == Side::Bad
                        && neighbour(&before_shorts, i, Direction::Before, false) == Side::NearGood;
                    let near_good_after = next == Side::Bad
                        && neighbour(&before_shorts, i, Direction::After, false) == Side::NearGood;
                    if near_good_before || near_good_after {
                        Class::Good
                    } else {
                        Class::Bad("short_beside_boilerplate")
                    }
                }
                _ => Class::Good,
            };
        }
        let before_near_good = revised.clone();
        for i in 0..revised.len() {
            if before_near_good[i] != Class::NearGood {
                continue;
            }
            let prev = neighbour(&before_near_good, i, Direction::Before, true);
            let next = neighbour(&before_near_good, i, Direction::After, true);
            let no_good_side = prev != Side::Good && next != Side::Good;
            revised[i] = if no_good_side && (prev == Side::Bad || next == Side::Bad) {
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

#[derive(Clone, Copy)]
enum Direction {
    Before,
    After,
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

/// The nearest line before or after `i` that is not short (and, with `skip_near_good`,
/// not near-good either).
fn neighbour(classes: &[Class], i: usize, direction: Direction, skip_near_good: bool) -> Side {
    let skip =
        |class: &&Class| **class == Class::Short || (skip_near_good && **class == Class::NearGood);
    let found = match direction {
        Direction::Before => classes[..i].iter().rev().find(|c| !skip(c)),
        Direction::After => classes[i + 1..].iter().find(|c| !skip(c)),
    };
    match found {
        None => Side::Edge,
        Some(Class::Good) => Side::Good,
        Some(Class::NearGood) => Side::NearGood,
        Some(_) => Side::Bad,
    }
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
