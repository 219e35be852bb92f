//! What the class names and id of an element say about it: an article container
//! (`post-body`), boilerplate (`share-buttons`, `related-posts`), a comment section
//! (`comments`), or the lead paragraph of an article (`article-intro`, `chapo`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// The class attribute and the id of an element, read once: every element of every page
/// is asked what its names say several times.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Names<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
}

impl<'a> Names<'a> {
    /// The names of `element`, in one pass over its attributes. (Not `classes()`, which
    /// would intern every class name of the page in a global table, for nothing.)
    pub fn of(element: &'a scraper::node::Element) -> Names<'a> {
        let mut names = Names::default();
        for (name, value) in element.attrs() {
            match name {
                "class" => names.class = Some(value),
                "id" => names.id = Some(value),
                _ => {}
            }
        }
        names
    }

    /// Each class name, then the id.
    fn each(self) -> impl Iterator<Item = &'a str> {
        self.class
            .unwrap_or_default()
            .split_ascii_whitespace()
            .chain(self.id)
    }

    /// Whether the element holds a page's user comments.
    pub fn is_comment_section(self) -> bool {
        self.each().any(is_comment_section_name)
    }
}

/// A class or id of a comment section ("comments", "comment-list", "disqus_thread"),
/// whatever its case (compared in place: this runs for every name of every element).
fn is_comment_section_name(name: &str) -> bool {
    const NAMES: [&str; 12] = [
        "comments",
        "comment-list",
        "commentlist",
        "comments-area",
        "comment-area",
        "disqus_thread",
        "respond",
        "comments-section",
        "comment-section",
        "user-comments",
        "article-comments",
        "reader-comments",
    ];
    NAMES.iter().any(|known| name.eq_ignore_ascii_case(known))
}

/// What the class names and id of an element say about it (readability's weights): -25
/// for each name holding a boilerplate word, else +25 for each holding an article word. A
/// name holding both names a part of the article that is boilerplate: `post-footer`,
/// `related-posts`, `entry-meta` count -25, `post-body` +25.
pub(super) fn hint_of(names: Names<'_>) -> i32 {
    let mut hint = 0;
    for name in names.each() {
        if is_topic_class(name) {
            continue;
        }
        let found = parts_in(name);
        let negative = found.negative
            || (found.whole_word && {
                let name = name.to_ascii_lowercase();
                words_of(&name).any(|word| NEGATIVE_WORDS.contains(&word))
                    || names_an_author_box(&name)
            });
        if negative {
            hint -= 25;
        } else if found.positive {
            hint += 25;
        }
    }
    hint.clamp(-50, 50)
}

/// The parts of names [`hint_of`] looks for, in any case, in one automaton (every element
/// of every page is looked up): the boilerplate parts ([`NEGATIVE`]), then the words that
/// count only as whole words ([`NEGATIVE_WORDS`] and those of author boxes: a name holding
/// none of them needs no lowercase copy), then the article parts ([`POSITIVE`]).
static NAME_PARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(
            NEGATIVE
                .iter()
                .chain(&NEGATIVE_WORDS)
                .chain(&AUTHOR_WORDS)
                .chain(&POSITIVE),
        )
        .expect("the name parts are plain words")
});

/// Which kinds of [`NAME_PARTS`] a name holds.
#[derive(Default)]
struct Found {
    negative: bool,
    whole_word: bool,
    positive: bool,
}

/// The kinds of [`NAME_PARTS`] in `name`, from one scan of it.
fn parts_in(name: &str) -> Found {
    let whole_words = NEGATIVE.len() + NEGATIVE_WORDS.len() + AUTHOR_WORDS.len();
    let mut found = Found::default();
    for part in NAME_PARTS.find_overlapping_iter(name) {
        match part.pattern().as_usize() {
            index if index < NEGATIVE.len() => found.negative = true,
            index if index < whole_words => found.whole_word = true,
            _ => found.positive = true,
        }
    }
    found
}

/// Whether a class name names a post's topic, as WordPress tags a post's
/// container (`tag-social-media`, `category-antitrust`): it says what the post is about,
/// not what the box is.
fn is_topic_class(name: &str) -> bool {
    ["tag-", "category-"].iter().any(|prefix| {
        name.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    })
}

/// Whole words of class names and ids of boilerplate, which as parts of words mean
/// something else: `section-trust` (seals of approval) but not `trustee-report`.
const NEGATIVE_WORDS: [&str; 1] = ["trust"];

/// Whether a class name (lowercase) names a box about the author: "author", "byline",
/// "author-box", "post-author", "about-author". Not "author-jdoe", the class WordPress
/// gives a post by that author, nor "authority".
fn names_an_author_box(name: &str) -> bool {
    let mut words = words_of(name);
    let mut about_author = false;
    let all_known = words.all(|word| {
        if AUTHOR_WORDS.contains(&word) {
            about_author = true;
            true
        } else {
            AUTHOR_BOX_WORDS.contains(&word)
        }
    });
    about_author && all_known
}

/// The words that name an author box.
const AUTHOR_WORDS: [&str; 3] = ["author", "authors", "byline"];

/// Words that may stand beside "author" in the name of an author box.
const AUTHOR_BOX_WORDS: [&str; 14] = [
    "about", "box", "bio", "info", "card", "details", "name", "wrap", "wrapper", "post", "entry",
    "article", "meta", "block",
];

/// Parts of class names and ids of article containers.
const POSITIVE: [&str; 12] = [
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "column",
];

/// Parts of class names and ids of boilerplate.
const NEGATIVE: [&str; 29] = [
    "banner",
    "combx",
    "comment",
    "contact",
    "foot",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "social",
    "breadcrumb",
    "cookie",
    "newsletter",
    "advert",
    "carousel",
    "slider",
    "swiper",
];

/// What the words of an element's class names and id (see [`words_of`]) say, in any case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct NameWords {
    /// The lead of an article, the paragraph under its headline that many pages set
    /// apart from its body: `tb-article-intro`, `introBox`, `chapo_block`,
    /// `texto-bajada`, `article-preface`, `gazeta_article_lead`,
    /// `c-article-head__subtitle` (read as words, so `leader-board` and
    /// `introduction-video` do not count).
    pub lead: bool,
    /// A heading or a title, whatever the tag: `card-header`, `box-title`,
    /// `sectionHeading`.
    pub heading: bool,
    /// Customer reviews, the comments of a product page: `reviews`, `product-review`,
    /// `ReviewList`, `testimonials`.
    pub reviews: bool,
}

/// What the words of `names` say (see [`NameWords`]).
pub(super) fn name_words(names: Names<'_>) -> NameWords {
    let mut said = NameWords::default();
    // Most names hold none of the words anywhere: one automaton scan says so.
    let named = names.each().filter(|name| NAME_WORDS.is_match(name));
    for word in named.flat_map(words_of) {
        let is_one_of = |words: &[&str]| words.iter().any(|known| word.eq_ignore_ascii_case(known));
        said.lead |= is_one_of(&LEAD_WORDS);
        said.heading |= is_one_of(&HEADING_WORDS);
        said.reviews |= is_one_of(&REVIEW_WORDS);
    }
    said
}

/// Words of class names and ids of article leads, in the languages of the dev pages.
const LEAD_WORDS: [&str; 11] = [
    "lead",
    "intro",
    "preface",
    "standfirst",
    "summary",
    "subtitle",
    "subheadline",
    "dek",
    "chapo",
    "chapeau",
    "bajada",
];

/// Words of class names and ids of headings.
const HEADING_WORDS: [&str; 4] = ["header", "heading", "title", "headline"];

/// Words of class names and ids of customer reviews.
const REVIEW_WORDS: [&str; 5] = [
    "review",
    "reviews",
    "testimonial",
    "testimonials",
    "ratings",
];

/// The words [`name_words`] knows, anywhere in a name, in any case.
static NAME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(LEAD_WORDS.iter().chain(&HEADING_WORDS).chain(&REVIEW_WORDS))
        .expect("plain words")
});

/// The words of a class name or id, split at ASCII punctuation and at lower-to-upper case
/// changes: `introBox` gives "intro", "Box";
/// `c-article-head__subtitle` gives "c", "article", "head", "subtitle".
fn words_of(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let byte = bytes[at];
            let splits_before =
                at > start && byte.is_ascii_uppercase() && bytes[at - 1].is_ascii_lowercase();
            // Only ASCII bytes split: every split falls on a character boundary.
            let separates = byte.is_ascii() && !byte.is_ascii_alphanumeric();
            if separates || splits_before {
                let word = &name[start..at];
                start = if separates { at + 1 } else { at };
                at += 1;
                if !word.is_empty() {
                    return Some(word);
                }
                continue;
            }
            at += 1;
        }
        let word = &name[start..];
        start = bytes.len();
        (!word.is_empty()).then_some(word)
    })
}

#[cfg(test)]
mod tests {
    use super::words_of;

    /// The hint of the first `<div>` of `html`.
    fn hint(html: &str) -> i32 {
        let page = scraper::Html::parse_fragment(html);
        let div = scraper::Selector::parse("div").expect("a valid selector");
        let element = page.select(&div).next().expect("a div");
        super::hint_of(super::Names::of(element.value()))
    }

    #[test]
    fn topic_classes_say_nothing_and_trust_counts_as_a_word() {
        assert_eq!(
            hint("<div class='post tag-social-media category-antitrust'></div>"),
            25
        );
        assert_eq!(hint("<div class='section-trust'></div>"), -25);
        assert_eq!(hint("<div class='trustee-report'></div>"), 0);
    }

    #[test]
    fn author_boxes_by_their_names() {
        for name in [
            "author",
            "byline",
            "author-box",
            "post-author",
            "about-author",
        ] {
            assert!(super::names_an_author_box(name), "{name}");
        }
        for name in [
            "author-solarserver",
            "authority",
            "coauthors-list",
            "post-body",
        ] {
            assert!(!super::names_an_author_box(name), "{name}");
        }
    }

    #[test]
    fn names_split_into_words_at_punctuation_and_case_changes() {
        let words = |name| words_of(name).collect::<Vec<_>>();
        assert_eq!(words("introBox"), ["intro", "Box"]);
        assert_eq!(
            words("c-article-head__subtitle"),
            ["c", "article", "head", "subtitle"]
        );
        assert_eq!(words("gazeta_article_lead"), ["gazeta", "article", "lead"]);
        assert_eq!(words("leaderboard"), ["leaderboard"]);
        assert_eq!(words("--x"), ["x"]);
        assert_eq!(words("DiétákSubMenus"), ["Diéták", "Sub", "Menus"]);
        assert_eq!(words("été-intro"), ["été", "intro"]);
        assert!(words("").is_empty());
    }
}
