//! Properties of the whole pipeline on any text: it never panics, cleaning clean output
//! changes nothing, and each stage alone is idempotent too.

use proptest::prelude::*;
use unscrape::stages::{Boilerplate, JoinedTokens, Mojibake, Quotes, Repeats, Unicode, Whitespace};
use unscrape::{Pipeline, Stage, Trace};

/// Pieces of real scraped text and of the artifacts the stages handle, to build texts that
/// exercise every rule.
const PIECES: &[&str] = &[
    "China’sChina’s",
    "Russiaand",
    "statesIt",
    "said.The",
    "2019The",
    "AMThe",
    "McDonald",
    "iPhone",
    "getElementById",
    "https://example.com/a_b",
    "info@example.com",
    "#MeToo",
    "The Kremlin said the three-day trip will take place “at the invitation” of Putin.",
    "Please enter your comment!",
    "Please enter your name here",
    "Leave a Reply",
    "Home",
    "Read more",
    "Read more Read more",
    "Advertisement",
    "© 2024 All rights reserved",
    "17 February 2013",
    "3 Comments",
    "What is on the agenda?",
    "&amp;",
    "&amp;amp;",
    "&#8217;",
    "&nbsp;",
    "&#x2019;",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\u{feff}",
    "\u{200d}",
    "👩\u{200d}💻",
    "e\u{301}",
    "\r\n",
    "\r",
    "\n",
    "\n\n\n",
    "  ",
    "\t",
    " ",
    "\u{2028}",
    "\u{85}",
    "\u{1}",
    "Купрін",
    "КупринАккаунт",
    "北京",
    "«",
    "»",
    "—",
    "…",
    "thatfollowing",
    "cafÃ©",
    "donâ€™t",
    "Ã¢â‚¬â„¢",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "РїСЂРёРІРµС‚",
    "voilÃ ",
    "Ã",
    "Â",
    "â€",
    "\u{93}",
    "\u{94}",
    "\u{fffd}",
    "&amp;eacute;",
    "&amp;amp;amp;",
    "Brontë…”",
    "Å™",
    "√∂",
    "betweenthe",
    "Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting \
     over an informal dinner Monday, and that broader talks would follow on Tuesday.",
];

fn scraped_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zA-Z .,!?'\n]{0,12}",
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

fn stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(Mojibake::new()),
        Box::new(Unicode::new()),
        Box::new(Quotes::ascii()),
        Box::new(JoinedTokens::new()),
        Box::new(Repeats::consecutive()),
        Box::new(Repeats::anywhere()),
        Box::new(Boilerplate::new()),
        Box::new(Whitespace::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn idempotent_on_scraped_like_text(text in scraped_like()) {
        let once = unscrape::clean(&text);
        prop_assert_eq!(unscrape::clean(&once), once);
    }

    #[test]
    fn idempotent_on_any_text(text in any::<String>()) {
        let once = unscrape::clean(&text);
        prop_assert_eq!(unscrape::clean(&once), once);
    }

    #[test]
    fn each_stage_is_idempotent(text in scraped_like()) {
        for stage in stages() {
            let once = stage.apply(&text, &mut Trace::off()).into_owned();
            let twice = stage.apply(&once, &mut Trace::off()).into_owned();
            prop_assert_eq!(&twice, &once, "stage {}", stage.name());
        }
    }

    #[test]
    fn tracing_does_not_change_the_result(text in scraped_like()) {
        let pipeline = Pipeline::default();
        let mut trace = Trace::on();
        prop_assert_eq!(pipeline.clean_traced(&text, &mut trace), pipeline.clean(&text));
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = unscrape::decode::decode_bytes(&bytes);
        let _ = unscrape::clean(&text);
    }
}
