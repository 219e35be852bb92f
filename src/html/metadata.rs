//! Article metadata read from a page: title, author, date, language, canonical URL, site
//! name and description, for the JSONL fields written beside `text`.
//!
//! Each field comes from the most trusted source that has it: JSON-LD, then meta tags
//! (OpenGraph, Twitter, Dublin Core, `article:*`), then the markup (`<link rel=canonical>`,
//! `lang`, `<time>`, microdata, bylines, `<title>`, `<h1>`). Two exceptions, and why:
//! the canonical link is trusted before JSON-LD for `url`, since stating the canonical URL
//! is its one purpose; `<html lang>` is trusted before meta tags for `language`, since
//! `og:locale` is often a site-wide default; and for `date` the first source whose value
//! reads as a date wins over a more trusted one that does not.

mod author;
mod date;
mod json_ld;
mod meta_tags;
mod page_scan;
mod title;
mod value;

use scraper::Html;
use serde::Serialize;

use super::page_type::{self, PageType};

use author::author_name;
use date::iso_date;
use title::TitleEvidence;
use value::{LANGUAGE_MAX, TITLE_MAX, URL_MAX, tidy};

/// What a page says about itself. Every value is whitespace-normalized and non-empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// Several authors are joined with "; ".
    pub author: Option<String>,
    /// The publication date as ISO 8601 `YYYY-MM-DD` when it can be read, else as found.
    pub date: Option<String>,
    /// A language tag as the page gives it ("de", "en-US").
    pub language: Option<String>,
    /// The canonical URL, absolute (`http` or `https`).
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    /// What kind of page it is (see [`PageType`]): set by [`article`](crate::html::article),
    /// which weighs what the page declares with its structure; `None` from [`metadata`].
    pub page_type: Option<PageType>,
}

impl Metadata {
    /// Each field of `self`, or of `other` where `self` has none.
    fn or(self, other: Metadata) -> Metadata {
        Metadata {
            title: self.title.or(other.title),
            author: self.author.or(other.author),
            date: self.date.or(other.date),
            language: self.language.or(other.language),
            url: self.url.or(other.url),
            site_name: self.site_name.or(other.site_name),
            description: self.description.or(other.description),
            page_type: self.page_type.or(other.page_type),
        }
    }
}

/// Reads the metadata of a parsed page. Never panics; one pass over the tree, no recursion,
/// so very deep or very large pages cost time in proportion to their size.
///
/// ```
/// let page = scraper::Html::parse_document(r#"<html lang="de"><head>
///   <title>Plejaden, M45 | Astronomie.de</title>
///   <meta property="og:site_name" content="Astronomie.de">
///   <meta name="author" content="Helmut   Rubik">
/// </head><body><h1>Plejaden, M45</h1>
///   <time datetime="2019-09-17T10:44:00+02:00">17.09.2019</time></body></html>"#);
/// let found = unscrape::html::metadata::metadata(&page);
/// assert_eq!(found.title.as_deref(), Some("Plejaden, M45"));
/// assert_eq!(found.author.as_deref(), Some("Helmut Rubik"));
/// assert_eq!(found.date.as_deref(), Some("2019-09-17"));
/// assert_eq!(found.language.as_deref(), Some("de"));
/// assert_eq!(found.site_name.as_deref(), Some("Astronomie.de"));
/// ```
pub fn metadata(document: &Html) -> Metadata {
    metadata_and_declared_type(document, None).0
}

/// [`metadata`], and the page type that the page declares (see
/// [`page_type::declared`]) through its JSON-LD, its `og:type` and its URL: `fetched_url`
/// when given (a WARC record's, a JSONL record's), else the page's canonical URL.
pub(super) fn metadata_and_declared_type(
    document: &Html,
    fetched_url: Option<&str>,
) -> (Metadata, Option<PageType>) {
    let page = page_scan::scan(document);
    let (ld, ld_types) = json_ld::read(&page.json_ld);
    let tags = meta_tags::read(&page.meta);
    let headings = |found: &[String]| -> Vec<String> {
        found.iter().filter_map(|h| tidy(h, TITLE_MAX)).collect()
    };
    let (h1, h2) = (headings(&page.h1), headings(&page.h2));

    let url = [
        page.canonical.as_deref(),
        ld.url.as_deref(),
        tags.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    .find_map(|u| tidy(u, URL_MAX));
    let site_name = ld.site_name.clone().or(tags.site_name.clone());
    let declared: Vec<String> = [
        ld.title.as_deref(),
        tags.title.as_deref(),
        page.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter_map(|t| tidy(t, TITLE_MAX))
    .collect();
    let evidence = TitleEvidence::new(site_name.as_deref(), url.as_deref(), &h1, &h2, &declared);
    let only_title_element = ld.title.is_none() && tags.title.is_none();
    let title = evidence.choose(&declared, only_title_element);

    // Markup dates are kept only when they read as a date: a "post-meta" block's text is
    // no date as found.
    let declared_dates: Vec<&str> = ld
        .date
        .as_deref()
        .into_iter()
        .chain(meta_tags::values(&page.meta, meta_tags::DATE))
        .collect();
    let date = declared_dates
        .iter()
        .copied()
        .chain(page.dates.iter().map(String::as_str))
        .find_map(iso_date)
        .or_else(|| declared_dates.iter().find_map(|d| tidy(d, 64)));

    let language = ld.language.clone().or_else(|| {
        page.html_lang
            .as_deref()
            .and_then(|l| tidy(l, LANGUAGE_MAX))
    });
    // A "byline" naming the site ("Badische Zeitung") is the publisher, not the author.
    let author = [ld.author.as_deref(), tags.author.as_deref()]
        .into_iter()
        .flatten()
        .chain(page.authors.iter().map(String::as_str))
        .filter_map(author_name)
        .find(|a| !evidence.is_site(a));
    let found = Metadata {
        title,
        date,
        url,
        site_name,
        language,
        ..Metadata::default()
    }
    .or(ld)
    .or(tags);
    let og_type = meta_tags::values(&page.meta, &["og:type"]).next();
    let declared = page_type::declared(
        ld_types.iter().map(String::as_str),
        og_type,
        fetched_url.or(found.url.as_deref()),
    );
    let metadata = Metadata {
        author,
        // og:locale and some `lang` attributes write "de_DE" for the BCP 47 "de-DE".
        language: found.language.map(|l| l.replace('_', "-")),
        ..found
    };
    (metadata, declared)
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::{Metadata, metadata};

    fn read(html: &str) -> Metadata {
        metadata(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_graph_with_linked_author() {
        let found = read(include_str!(
            "../../fixtures/html/metadata/json-ld-graph-californiaglobe.html"
        ));
        let url = "https://californiaglobe.com/section-2/amazon-liable-for-defective-third-party-products-rules-ca-appelate-court/";
        assert_eq!(
            found,
            Metadata {
                title: Some("Amazon Liable for Defective Third-Party Products Rules CA Appellate Court".into()),
                author: Some("Evan Symon".into()),
                date: Some("2020-08-14".into()),
                language: Some("en-US".into()),
                url: Some(url.into()),
                site_name: Some("California Globe".into()),
                description: Some(
                    "On Thursday, California’s 4th District Court of Appeal in Santa Ana found that Amazon.com \
                     can now be held liable for injury for selling defective products"
                        .into()
                ),
                page_type: None,
            }
        );
    }

    #[test]
    fn open_graph_tags() {
        let found = read(include_str!(
            "../../fixtures/html/metadata/og-tags-100noticias.html"
        ));
        let title = "Nicaragua cerró 2021 con deuda externa de 14.372,4 millones de dólares";
        assert_eq!(found.title.as_deref(), Some(title));
        assert_eq!(found.site_name.as_deref(), Some("100noticias.com.ni"));
        assert_eq!(
            found.url.as_deref(),
            Some("https://100noticias.com.ni/economia/115005-aumenta-deuda-externa-nicaragua/")
        );
        assert!(
            found
                .description
                .is_some_and(|d| d.starts_with("Nicaragua cerró 2021 con una deuda"))
        );
        // `<meta name="author" content="100% Noticias">` names the site, not a person.
        assert_eq!(found.author, None);
    }

    #[test]
    fn title_loses_the_site_name_suffix() {
        let found = read(include_str!(
            "../../fixtures/html/metadata/title-suffix-bundeskanzleramt.html"
        ));
        assert_eq!(
            found.title.as_deref(),
            Some(
                "Bundesministerin Raab: Mit Ländern und Unternehmen frauen- und familienfreundliche \
                 Rahmenbedingungen gestalten"
            )
        );
        assert_eq!(found.date.as_deref(), Some("2022-02-01"));
        assert_eq!(found.language.as_deref(), Some("de"));
    }

    #[test]
    fn the_headline_two_declared_titles_share() {
        // next2games.de (trafilatura evaluation set), head excerpt.
        let found = read(
            r#"<title>next2games | Vorschauen: Anno 1800 Beta</title>
            <meta property="og:title" content="Industriell Revolutioniert?: Anno 1800 Beta"/>
            <meta property="og:url" content="https://www.next2games.de/previews,id1085,0,anno_1800_beta.html"/>"#,
        );
        assert_eq!(found.title.as_deref(), Some("Anno 1800 Beta"));
    }

    #[test]
    fn ruby_readings_stay_out_of_the_headline() {
        // www3.nhk.or.jp (trafilatura evaluation set), excerpt.
        let found = read(
            r#"<meta property="og:site_name" content="NEWS WEB EASY">
            <meta property="og:title" content="NEWS WEB EASY|子どもへの体罰を禁止する法律ができる">
            <h1 class="article-main__title"><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を<ruby>禁止<rt>きんし</rt></ruby>する<ruby>法律<rt>ほうりつ</rt></ruby>ができる</h1>"#,
        );
        assert_eq!(
            found.title.as_deref(),
            Some("子どもへの体罰を禁止する法律ができる")
        );
    }

    #[test]
    fn a_page_without_metadata_gives_none() {
        assert_eq!(read("<p>Just a paragraph.</p>"), Metadata::default());
        assert_eq!(read(""), Metadata::default());
        assert_eq!(
            read("<title> \n </title><h1>\u{a0}</h1><meta name=author content=' '>"),
            Metadata::default()
        );
    }

    #[test]
    fn malformed_json_ld_is_skipped() {
        let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let html = format!(
            r#"<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Broken",</script>
               <script type="application/ld+json">{deep_array}</script>
               <script type="application/ld+json">{{"@type": "Article", "author": [null, 3, {{"@id": "nowhere"}}]}}</script>
               <title>Fallback title</title>"#
        );
        let found = read(&html);
        assert_eq!(found.title.as_deref(), Some("Fallback title"));
        assert_eq!(found.author, None);
    }

    #[test]
    fn a_hundred_thousand_nested_elements_do_not_overflow_the_stack() {
        // Built on the tree directly: html5ever itself takes minutes to parse this depth
        // (it scans the stack of open elements for each tag).
        let mut page = Html::parse_document("<html><head></head><body></body></html>");
        let parts = Html::parse_fragment("<div></div><h1>Deep headline</h1>");
        let mut elements = parts.root_element().child_elements();
        let div = elements.next().expect("a div").value().clone();
        let h1 = elements.next().expect("an h1");
        let body = page
            .root_element()
            .child_elements()
            .nth(1)
            .expect("a body")
            .id();
        let mut parent = body;
        for _ in 0..100_000 {
            let mut node = page.tree.get_mut(parent).expect("the node just added");
            parent = node.append(scraper::Node::Element(div.clone())).id();
        }
        let mut deepest = page.tree.get_mut(parent).expect("the deepest div");
        let mut heading = deepest.append(scraper::Node::Element(h1.value().clone()));
        let text = h1
            .first_child()
            .expect("the heading's text")
            .value()
            .clone();
        heading.append(text);
        assert_eq!(metadata(&page).title.as_deref(), Some("Deep headline"));
    }
}
