//! Properties of HTML extraction on pages built from the constructs its rules read (page
//! types, hidden views, JSON-LD bodies, asides left open): it never panics, gives the same
//! result twice, and the verdict it hands on agrees with where the text came from.

use proptest::prelude::*;
use unscrape::Origin;
use unscrape::html::{Source, article_at};

/// Pieces of markup: openings and closings that may not match, hidden wrappers, noscript
/// views, JSON-LD, landmarks, reviews and text.
const PIECES: &[&str] = &[
    "<html><head><title>Deploy failed | Forum</title></head><body>",
    "<meta property='og:type' content='product'>",
    "<meta property='og:type' content='product:group'>",
    "<link rel='canonical' href='https://forum.example.org/t/deploy/117253'>",
    "<script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\", \"text\": \"My deploy failed.\", \"comment\": [{\"text\": \"Check the <b>build</b> log.\"}]}</script>",
    "<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"Product\"}, [[[]]]]",
    "<noscript><div class='post'><p>We're on Teams and whatever version was released last night is broken. Document reviews fail.</p></div></noscript>",
    "<noscript>",
    "</noscript>",
    "<div style='visibility:hidden'>",
    "<div hidden>",
    "<aside class='announcement-banner'>",
    "</aside>",
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>",
    "<main>",
    "</main>",
    "<article>",
    "</article>",
    "<div class='reviews'><p>Verified purchase. Rated 5.0 out of 5 stars.</p></div>",
    "<div id='comments'><div class='comment'><p>A visit long overdue.</p></div></div>",
    "<ul><li><a href='/a'>Teen sleep is getting wrecked by more than just phones</a></li>",
    "<li><a href='/b'>Armed robots take to the battlefield</a></li></ul>",
    "<p>The Kremlin said the three-day trip will take place at the invitation of Putin, who will host talks on Tuesday.</p>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<h1>Best Minimalist Home Gym Setup</h1>",
    "© 2026 Example Inc. All rights reserved.",
    "</body></html>",
];

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|pieces| pieces.concat())
}

fn url() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("https://forums.example.com/threads/x200.5512/"),
        Some("https://shop.example.com/collections/wallets"),
        Some("https://example.com/"),
        Some("https://docs.example.com/guides/auth"),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_is_deterministic_and_its_verdict_agrees(html in page(), url in url()) {
        let (first, _) = article_at(&html, url, false);
        let (second, _) = article_at(&html, url, false);
        prop_assert_eq!(&first, &second);
        prop_assert!(first.metadata.page_type.is_some());
        if first.origin() == Origin::WholePage {
            prop_assert_eq!(first.source, Source::WholePage);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_markup(html in "[<>a-z/='\" {}:@\\[\\]]{0,300}", url in url()) {
        let (article, comments) = article_at(&html, url, true);
        prop_assert!(comments.is_some());
        let _ = unscrape::clean_as(&article.text, article.origin());
    }
}
