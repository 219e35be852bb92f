//! Metadata from `<meta>` tags: OpenGraph, Twitter cards, Dublin Core, `article:*` and the
//! plain HTML names, the most trusted key first within each field.

use super::Metadata;
use super::author::author_name;
use super::value::{DESCRIPTION_MAX, LANGUAGE_MAX, NAME_MAX, TITLE_MAX, URL_MAX, tidy};

const TITLE: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "headline",
    "title",
];
const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "citation_author",
];
/// Publication dates only: a modification date is not when the article appeared.
pub(super) const DATE: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "article.published",
];
const LANGUAGE: &[&str] = &["content-language", "dc.language", "og:locale"];
const URL: &[&str] = &["og:url", "twitter:url"];
const SITE_NAME: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
];
const DESCRIPTION: &[&str] = &[
    "description",
    "og:description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
];

/// The metadata the `(key, content)` meta pairs give; `date` as found (parsed later).
pub(super) fn read(meta: &[(String, String)]) -> Metadata {
    let first = |keys: &[&str], max| values(meta, keys).find_map(|v| tidy(v, max));
    Metadata {
        title: first(TITLE, TITLE_MAX),
        author: values(meta, AUTHOR).find_map(author_name),
        date: first(DATE, 64),
        language: first(LANGUAGE, LANGUAGE_MAX),
        url: first(URL, URL_MAX),
        site_name: first(SITE_NAME, NAME_MAX),
        description: first(DESCRIPTION, DESCRIPTION_MAX),
        page_type: None,
    }
}

/// The contents for `keys`, in the order of `keys` and then of the page.
pub(super) fn values<'m>(
    meta: &'m [(String, String)],
    keys: &'m [&str],
) -> impl Iterator<Item = &'m str> {
    keys.iter().flat_map(move |key| {
        meta.iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    })
}
