//! Every case in `fixtures/<stage>/cases.toml`: the stage alone, with its default settings,
//! turns `input` into `expected` (equal to `input` for a case that must not change).

use serde::Deserialize;
use unscrape::stages::{Boilerplate, JoinedTokens, Mojibake, Quotes, Repeats, Unicode, Whitespace};
use unscrape::{Stage, Trace};

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    source: String,
    input: String,
    expected: String,
}

/// The minimum number of cases per stage, and of each kind.
const MIN_CASES: usize = 15;

fn check(stage: &dyn Stage, toml_text: &str) {
    let cases: Cases = toml::from_str(toml_text).expect("the fixture file is valid TOML");
    let changing = cases.case.iter().filter(|c| c.input != c.expected).count();
    let unchanged = cases.case.len() - changing;
    assert!(
        cases.case.len() >= MIN_CASES && changing >= 5 && unchanged >= 5,
        "{}: {changing} must-change and {unchanged} must-not-change cases",
        stage.name()
    );
    let mut failures = Vec::new();
    for case in &cases.case {
        let out = stage.apply(&case.input, &mut Trace::off());
        if out != case.expected {
            failures.push(format!(
                "{} ({}):\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.name, case.source, case.input, case.expected, out
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        stage.name(),
        failures.join("\n")
    );
}

#[test]
fn mojibake() {
    check(
        &Mojibake::new(),
        include_str!("../fixtures/mojibake/cases.toml"),
    );
}

#[test]
fn unicode() {
    check(
        &Unicode::new(),
        include_str!("../fixtures/unicode/cases.toml"),
    );
}

#[test]
fn quotes() {
    check(
        &Quotes::ascii(),
        include_str!("../fixtures/quotes/cases.toml"),
    );
}

#[test]
fn joined_tokens() {
    check(
        &JoinedTokens::new(),
        include_str!("../fixtures/joined_tokens/cases.toml"),
    );
}

#[test]
fn repeats() {
    check(
        &Repeats::consecutive(),
        include_str!("../fixtures/repeats/cases.toml"),
    );
}

#[test]
fn boilerplate() {
    check(
        &Boilerplate::new(),
        include_str!("../fixtures/boilerplate/cases.toml"),
    );
}

#[test]
fn whitespace() {
    check(
        &Whitespace::new(),
        include_str!("../fixtures/whitespace/cases.toml"),
    );
}
