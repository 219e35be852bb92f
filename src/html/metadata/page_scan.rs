//! One pass over a parsed page that gathers everything metadata is read from: meta tags,
//! JSON-LD scripts, the canonical link, `lang`, `<title>`, headings, dates and bylines.
//!
//! The pass walks the tree with `ego_tree`'s iterative traversal (no recursion, so a page of
//! 100,000 nested elements is no danger), and reads the text of at most a few elements of
//! each kind, each read bounded, so the time stays linear in the page's size.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use scraper::{ElementRef, Html, Node};

/// How many elements of one kind (`h1`, bylines, dates) have their text read.
const PER_KIND: usize = 8;
/// How many nodes one element's text read visits, and how many bytes it keeps: a byline
/// or heading is short, and a "byline" class on a whole article must not cost its size.
const TEXT_NODES: usize = 2_000;
const TEXT_BYTES: usize = 2_000;

/// What the pass found, in document order within each kind.
#[derive(Debug, Default)]
pub(super) struct PageScan {
    /// `(key, content)` of each `<meta>`, key lowercased: its `name`, `property`, `itemprop`
    /// and `http-equiv` each count.
    pub meta: Vec<(String, String)>,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    pub canonical: Option<String>,
    /// The `lang` (or `xml:lang`) of the `<html>` element.
    pub html_lang: Option<String>,
    /// The first `<title>` in the HTML namespace (an SVG's title is not the page's).
    pub title: Option<String>,
    pub h1: Vec<String>,
    /// The first `<h2>`s: a blog theme often writes the site's name as the `<h1>` and each
    /// post's headline as an `<h2>`.
    pub h2: Vec<String>,
    /// `datePublished` microdata (its `content`, `datetime` or text), then `<time datetime>`
    /// values, publication-marked ones (`pubdate`, "publish" in the class) first, then the
    /// text of elements whose class speaks of a date ("post-date", "published", "meta").
    pub dates: Vec<String>,
    /// `itemprop=author`, then `rel=author` links, then elements whose class names a byline.
    pub authors: Vec<String>,
}

/// Gathers [`PageScan`] from `document` in one pass.
pub(super) fn scan(document: &Html) -> PageScan {
    let mut page = PageScan::default();
    let (mut item_dates, mut times, mut pub_times) = (Vec::new(), Vec::new(), Vec::new());
    let (mut item_authors, mut rel_authors, mut bylines) = (Vec::new(), Vec::new(), Vec::new());
    let mut datelines = Vec::new();
    for node in document.root_element().descendants() {
        let Some(node) = ElementRef::wrap(node) else {
            continue;
        };
        let element = node.value();
        let attr = |name: &str| element.attr(name).map(str::trim).filter(|v| !v.is_empty());
        // The two attributes read on every element, in one pass over them.
        let (mut class, mut itemprop) = (None, None);
        for (name, value) in element.attrs() {
            match name {
                "class" => class = Some(value),
                "itemprop" => itemprop = Some(value.trim()).filter(|v| !v.is_empty()),
                _ => {}
            }
        }
        // The class, when it holds a word that bylines and dates are named by (one scan
        // of it, where the checks below would search each name for each word).
        let dated_class = class.filter(|class| CLASS_WORDS.is_match(class));
        match element.name() {
            "meta" => {
                if let Some(content) = attr("content") {
                    for key in ["name", "property", "itemprop", "http-equiv"]
                        .iter()
                        .filter_map(|k| attr(k))
                    {
                        page.meta
                            .push((key.to_ascii_lowercase(), content.to_owned()));
                    }
                }
            }
            "script"
                if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                page.json_ld.push(node.text().collect());
            }
            "link" if page.canonical.is_none() && has_token(attr("rel"), "canonical") => {
                page.canonical = attr("href").map(str::to_owned);
            }
            "html" if page.html_lang.is_none() => {
                page.html_lang = attr("lang").or_else(|| attr("xml:lang")).map(str::to_owned);
            }
            "title"
                if page.title.is_none() && &*element.name.ns == "http://www.w3.org/1999/xhtml" =>
            {
                page.title = Some(text_of(node));
            }
            "h1" if page.h1.len() < PER_KIND => page.h1.push(text_of(node)),
            "h2" if page.h2.len() < PER_KIND => page.h2.push(text_of(node)),
            "time" => {
                let marked = element.attr("pubdate").is_some()
                    || has_class_part(dated_class, &["publish", "entry-date"]);
                let list = if marked { &mut pub_times } else { &mut times };
                if let Some(value) = attr("datetime")
                    && list.len() < PER_KIND
                {
                    list.push(value.to_owned());
                }
            }
            _ => {}
        }
        if has_token(itemprop, "datePublished") && item_dates.len() < PER_KIND {
            item_dates.push(
                attr("content")
                    .or_else(|| attr("datetime"))
                    .map_or_else(|| text_of(node), str::to_owned),
            );
        }
        if element.name() == "meta" || element.name() == "link" {
            continue;
        }
        if has_token(itemprop, "author") && item_authors.len() < PER_KIND {
            item_authors.push(text_of(node));
        }
        if element.name() == "a" && has_token(attr("rel"), "author") && rel_authors.len() < PER_KIND
        {
            rel_authors.push(text_of(node));
        }
        if bylines.len() < PER_KIND && is_byline(dated_class) {
            bylines.push(text_of(node));
        }
        if datelines.len() < PER_KIND
            && has_class_part(dated_class, &["date", "publish", "posted", "meta"])
        {
            datelines.push(text_of(node));
        }
    }
    page.dates = [item_dates, pub_times, times, datelines].concat();
    page.authors = [item_authors, rel_authors, bylines].concat();
    page
}

/// Every word [`has_class_part`] and [`is_byline`] look for in a class, in any case.
static CLASS_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "date", "publish", "posted", "meta", "byline", "author", "autor",
        ])
        .expect("plain words")
});

/// Whether the whitespace-separated `list` holds `token` (ASCII case ignored).
fn has_token(list: Option<&str>, token: &str) -> bool {
    list.is_some_and(|l| {
        l.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}

/// Whether a class name contains one of `parts` (lowercased).
fn has_class_part(class: Option<&str>, parts: &[&str]) -> bool {
    class.is_some_and(|c| {
        c.split_ascii_whitespace().any(|name| {
            let name = lowercase(name);
            parts.iter().any(|p| name.contains(p))
        })
    })
}

/// `name` in ASCII lowercase, copied only when it has an uppercase letter (class names
/// seldom do, and this runs for every element of the page).
fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// A class that names a byline ("byline", "author", "post-author", "autor") but not the
/// author's picture, biography or box around them.
fn is_byline(class: Option<&str>) -> bool {
    class.is_some_and(|c| {
        c.split_ascii_whitespace().any(|name| {
            let name = lowercase(name);
            (name.contains("byline") || name.contains("author") || name.contains("autor"))
                && ![
                    "bio", "avatar", "image", "img", "photo", "pic", "about", "box", "desc",
                    "info", "comment", "link",
                ]
                .iter()
                .any(|p| name.contains(p))
        })
    })
}

/// The text under `node` as a browser lays it on a line: text nodes joined as they are, a
/// space for a `<br>` or a block element's edge, none for an inline element. Ruby readings
/// (`<rt>`, `<rp>`) and scripts are left out: `<ruby>子<rt>こ</rt></ruby>ども` reads
/// "子ども". Bounded by [`TEXT_NODES`] and [`TEXT_BYTES`].
fn text_of(node: ElementRef<'_>) -> String {
    let mut text = String::new();
    for descendant in node.descendants().take(TEXT_NODES) {
        match descendant.value() {
            Node::Text(t) => {
                let parent = descendant
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name()));
                if !matches!(
                    parent,
                    Some("rt" | "rp" | "script" | "style" | "noscript" | "template")
                ) {
                    text.push_str(t);
                }
            }
            Node::Element(e) if !is_inline(e.name()) => {
                text.push(' ');
            }
            _ => {}
        }
        if text.len() >= TEXT_BYTES {
            break;
        }
    }
    text
}

/// Elements that sit inside a line of text: no space is added at their edges.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "span"
            | "a"
            | "b"
            | "i"
            | "u"
            | "s"
            | "em"
            | "strong"
            | "small"
            | "mark"
            | "abbr"
            | "cite"
            | "q"
            | "sub"
            | "sup"
            | "font"
            | "time"
            | "ruby"
            | "rb"
            | "rt"
            | "rp"
    )
}
