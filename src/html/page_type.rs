//! What kind of page it is, which decides what its content is: an article's paragraphs,
//! every post of a thread, every item of a listing, the sections of a service page.
//!
//! The page says it first: its JSON-LD `@type` (`DiscussionForumPosting`, `Product`,
//! `NewsArticle`...), then its `og:type`, then the words of its URL (`/threads/`,
//! `docs.`, `/collections/`). Each kind of evidence votes with a weight; the strongest
//! vote wins. A page that declares nothing is judged by its structure (see
//! [`from_structure`]): when the best element holds only a small share of the page's
//! text, the page is not one article.
//!
//! ```
//! use unscrape::html::PageType;
//! let page = r#"<html><head><link rel="canonical" href="https://forum.example.org/t/deploy-failed/117253">
//!   </head><body><div class="post"><p>My deploy failed for an unknown reason.</p></div></body></html>"#;
//! assert_eq!(unscrape::html::article(page).metadata.page_type, Some(PageType::Forum));
//! ```

use serde::Serialize;

use super::extract::Mode;

/// The kinds of page, as the WCXB benchmark sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageType {
    Article,
    Forum,
    Product,
    Listing,
    Collection,
    Service,
    Documentation,
}

impl PageType {
    /// The name written in the `page_type` field.
    pub fn name(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Listing => "listing",
            PageType::Collection => "collection",
            PageType::Service => "service",
            PageType::Documentation => "documentation",
        }
    }

    /// What extraction keeps of a page of this kind.
    pub(super) fn mode(self) -> Mode {
        match self {
            PageType::Article | PageType::Documentation => Mode::Article,
            PageType::Forum => Mode::WholePage {
                posts: true,
                links: false,
                boxes: false,
                reviews: true,
            },
            PageType::Product => Mode::WholePage {
                posts: false,
                links: false,
                boxes: false,
                reviews: false,
            },
            PageType::Service => Mode::WholePage {
                posts: false,
                links: false,
                boxes: true,
                reviews: true,
            },
            PageType::Listing | PageType::Collection => Mode::WholePage {
                posts: false,
                links: true,
                boxes: false,
                reviews: true,
            },
        }
    }
}

/// Votes below this weight decide nothing: the structure does.
const MIN_VOTE: f32 = 2.0;

/// The page type the page declares through its JSON-LD `@type`s, its `og:type` and its
/// URL, if the evidence is strong enough.
pub(super) fn declared<'a>(
    json_ld_types: impl IntoIterator<Item = &'a str>,
    og_type: Option<&str>,
    url: Option<&str>,
) -> Option<PageType> {
    let mut votes: Vec<(PageType, f32)> = Vec::new();
    let mut vote = |kind: PageType, weight: f32| match votes.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, total)) => *total = total.max(weight),
        None => votes.push((kind, weight)),
    };
    for kind in json_ld_types {
        if let Some((page_type, weight)) = from_json_ld(kind) {
            vote(page_type, weight);
        }
    }
    if let Some((page_type, weight)) = og_type.and_then(from_og_type) {
        vote(page_type, weight);
    }
    for (page_type, weight) in url.map(from_url).unwrap_or_default() {
        vote(page_type, weight);
    }
    votes
        .into_iter()
        .filter(|&(_, weight)| weight >= MIN_VOTE)
        // The strongest vote; among equals, the kind listed first.
        .max_by(|a, b| a.1.total_cmp(&b.1).then(rank(b.0).cmp(&rank(a.0))))
        .map(|(page_type, _)| page_type)
}

/// Among votes of equal weight, the more specific kind wins: a thread that is also an
/// article is a thread.
fn rank(page_type: PageType) -> u8 {
    match page_type {
        PageType::Forum => 0,
        PageType::Product => 1,
        PageType::Documentation => 2,
        PageType::Collection => 3,
        PageType::Listing => 4,
        PageType::Service => 5,
        PageType::Article => 6,
    }
}

/// A JSON-LD `@type` and the weight of its vote. Types that any page carries (`WebPage`,
/// `Organization`, `BreadcrumbList`, `FAQPage`) say nothing.
fn from_json_ld(kind: &str) -> Option<(PageType, f32)> {
    let vote = match kind {
        "DiscussionForumPosting" | "QAPage" | "SocialMediaPosting" => (PageType::Forum, 5.0),
        "TechArticle" | "APIReference" => (PageType::Documentation, 4.0),
        "ProductGroup" | "IndividualProduct" | "ProductModel" => (PageType::Product, 4.0),
        "Product" => (PageType::Product, 3.0),
        "CollectionPage" | "SearchResultsPage" | "OfferCatalog" => (PageType::Collection, 3.0),
        "Service" | "ProfessionalService" => (PageType::Service, 3.0),
        "ScholarlyArticle" | "Report" | "Recipe" | "Review" => (PageType::Article, 4.0),
        kind if kind.ends_with("Article") || kind == "BlogPosting" => (PageType::Article, 4.0),
        _ => return None,
    };
    Some(vote)
}

/// An `og:type` and the weight of its vote. `article` is the default of many site
/// builders, on landing pages too: a weak vote.
fn from_og_type(kind: &str) -> Option<(PageType, f32)> {
    // Sites write the namespace with a colon as often as with the spec's dot.
    let kind = kind.trim().to_ascii_lowercase().replace(':', ".");
    let vote = match kind.as_str() {
        "product.group" => (PageType::Collection, 4.0),
        "product" | "og.product" | "product.item" => (PageType::Product, 4.0),
        kind if kind.ends_with(".item") => (PageType::Product, 3.0),
        "article" | "blog" => (PageType::Article, 2.0),
        _ => return None,
    };
    Some(vote)
}

/// The votes of a URL's host labels and path segments.
///
/// `https://forums.example.com/threads/best-gpu.3859106/` votes forum;
/// `https://docs.example.com/guides/auth` documentation; `https://example.com/` (a site's
/// front page) is a landing page, weakly.
fn from_url(url: &str) -> Vec<(PageType, f32)> {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let path = path.to_ascii_lowercase();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut votes = Vec::new();
    let first_label = host.split('.').next().unwrap_or_default();
    match first_label {
        "forum" | "forums" | "community" | "discuss" | "discourse" | "answers" | "talk" => {
            votes.push((PageType::Forum, 3.0));
        }
        "docs" | "doc" | "developer" | "developers" | "devdocs" | "api" => {
            votes.push((PageType::Documentation, 3.0));
        }
        _ => {}
    }
    let Some(&last) = segments.last() else {
        votes.push((PageType::Service, MIN_VOTE));
        return votes;
    };
    for (at, segment) in segments.iter().enumerate() {
        let has_more = at + 1 < segments.len();
        let vote = match *segment {
            "threads" | "thread" | "topic" | "questions" | "forum" | "forums" | "discussion"
            | "discussions" | "showthread.php" | "viewtopic.php" => Some((PageType::Forum, 3.0)),
            // Discourse's /t/slug/123 (msnbc's /id/…/t/slug/ is an article), Reddit's
            // /r/name/comments/….
            "t" if segments[at + 1..].iter().any(|s| is_number(s)) => Some((PageType::Forum, 3.0)),
            "comments" if has_more && segments.first() == Some(&"r") => {
                Some((PageType::Forum, 3.0))
            }
            "docs" | "documentation" | "reference" | "manual" => {
                Some((PageType::Documentation, 3.0))
            }
            "product" | "item" | "itm" | "dp" if has_more => Some((PageType::Product, 2.0)),
            "collections" | "collection" | "category" | "categories" | "c" | "cat" | "shop"
                if has_more =>
            {
                Some((PageType::Collection, 2.0))
            }
            "blog" | "article" | "articles" | "stories" | "story" | "posts" | "post"
                if has_more =>
            {
                Some((PageType::Article, 2.0))
            }
            "services" | "solutions" | "features" | "pricing" => Some((PageType::Service, 2.0)),
            _ => None,
        };
        votes.extend(vote);
    }
    if matches!(
        last,
        "news" | "blog" | "latest" | "archive" | "tag" | "tags"
    ) {
        votes.push((PageType::Listing, 2.0));
    }
    votes
}

fn is_number(segment: &str) -> bool {
    !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit())
}

/// A page that declares no type: an article when its best element holds at least this
/// share of the page's text (besides links), else a page of many parts.
const ARTICLE_SHARE: f64 = 0.3;

/// The type of a page that declares none, from the bytes of its best element's text
/// (`article_bytes`), of its whole visible text without link lists (`page_bytes`) and with
/// them (`with_links_bytes`): an article holds most of its page; a listing is mostly links;
/// a landing page is neither.
pub(super) fn from_structure(
    article_bytes: usize,
    page_bytes: usize,
    with_links_bytes: usize,
) -> PageType {
    if page_bytes == 0 || article_bytes as f64 >= page_bytes as f64 * ARTICLE_SHARE {
        PageType::Article
    } else if with_links_bytes > page_bytes * 2 {
        PageType::Listing
    } else {
        PageType::Service
    }
}

#[cfg(test)]
mod tests {
    use super::{PageType, declared, from_structure};

    #[test]
    fn json_ld_says_it_first() {
        let types = ["WebPage", "DiscussionForumPosting", "Person"];
        assert_eq!(declared(types, None, None), Some(PageType::Forum));
        assert_eq!(
            declared(["Organization", "NewsArticle"], Some("website"), None),
            Some(PageType::Article)
        );
        assert_eq!(
            declared(["Product", "Offer"], Some("product"), None),
            Some(PageType::Product)
        );
        assert_eq!(
            declared([], Some("product:group"), None),
            Some(PageType::Collection)
        );
        assert_eq!(
            declared([], Some("ebay-objects:item"), None),
            Some(PageType::Product)
        );
    }

    #[test]
    fn the_url_votes_when_the_page_declares_nothing() {
        let by_url = |url| declared([], None, Some(url));
        assert_eq!(
            by_url("https://forums.tomshardware.com/threads/gpu-guide.3859106/"),
            Some(PageType::Forum)
        );
        assert_eq!(
            by_url("https://old.reddit.com/r/science/comments/1rku5x9/hair_follicles/"),
            Some(PageType::Forum)
        );
        assert_eq!(
            by_url("https://docs.python.org/3/howto/logging.html"),
            Some(PageType::Documentation)
        );
        // "topics" is a guide's chapters (and a news site's tags), not a forum's threads.
        assert_eq!(
            by_url("https://docs.djangoproject.com/en/5.1/topics/db/models/"),
            Some(PageType::Documentation)
        );
        assert_eq!(
            by_url("https://ridge.com/collections/wallets"),
            Some(PageType::Collection)
        );
        assert_eq!(by_url("https://www.loom.com/"), Some(PageType::Service));
        assert_eq!(by_url("https://example.com/2024/05/a-day-out.html"), None);
        assert_eq!(
            by_url("https://community.openai.com/t/4o-update-broken/931828"),
            Some(PageType::Forum)
        );
        assert_eq!(
            by_url("http://www.msnbc.msn.com/id/48294366/ns/technology/t/no-sign-of-the-plane/"),
            None
        );
    }

    #[test]
    fn a_stated_article_outweighs_a_weak_url_vote() {
        assert_eq!(
            declared(
                ["BlogPosting"],
                Some("article"),
                Some("https://example.com/")
            ),
            Some(PageType::Article)
        );
    }

    #[test]
    fn structure_tells_an_article_from_a_page_of_parts() {
        assert_eq!(from_structure(9_000, 10_000, 11_000), PageType::Article);
        assert_eq!(from_structure(500, 10_000, 30_000), PageType::Listing);
        assert_eq!(from_structure(500, 10_000, 12_000), PageType::Service);
    }
}
