//! Finds the article of a page: blocks of text are scored by their length and commas, the
//! scores flow up to the elements that hold them (readability's idea), weighted by class
//! and id hints and cut by link density; the best element (or the ancestor it shares with
//! elements scoring nearly as well) and the siblings that belong with it are the article,
//! less the boilerplate boxes inside it. Its blocks become lines: headings, paragraphs, list items and
//! table rows each their own.

use scraper::Html;

use super::block_text::{is_link_list, text_of, text_with};
use super::boxes::boilerplate_boxes;
use super::candidate::{inside_boilerplate, top_candidate};
use super::flatten::{Flat, Kind, Part, flatten_from, mark_descendants};
use super::guard;
use super::hidden::{json_ld_body, largest_noscript};
use super::lead::lead_before;
use super::lean;
use super::metadata::{Metadata, metadata_and_declared_type};
use super::page_type::{PageType, from_structure};
use super::parts::other_parts;
use super::related::drop_related_sections;
use super::repeated_items::largest_item_group;
use super::scoring::{link_density, scores};
use super::sections::grown_sections;
use super::sibling_blocks::sibling_blocks;
use super::unclosed_title;
use super::whole_page::{main_region, page_without_boxes};
use crate::pipeline::Origin;

/// The article text of an HTML page, one line per heading, list item or table row and a
/// blank line between paragraphs. A page with no clear article gives all its visible
/// text, for the text stages to sort out.
///
/// ```
/// let page = r#"<html><body>
///   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
///   <div class="article-body">
///     <h1>Xi Jinping to hold talks with Putin</h1>
///     <p>China and Russia announced a visit to Moscow by President Xi Jinping next week,
///        the first since the war in Ukraine began, and Beijing said it seeks a role.</p>
///     <p>The Kremlin said the three-day trip will take place <b>at the invitation</b>
///        of Russian leader Vladimir Putin, who will host talks on Tuesday.</p>
///   </div>
///   <div class="sidebar"><a href="/a">Most read</a><a href="/b">Video</a></div>
/// </body></html>"#;
/// assert_eq!(
///     unscrape::html::extract(page),
///     "Xi Jinping to hold talks with Putin\n\n\
///      China and Russia announced a visit to Moscow by President Xi Jinping next week, \
///      the first since the war in Ukraine began, and Beijing said it seeks a role.\n\n\
///      The Kremlin said the three-day trip will take place at the invitation of Russian \
///      leader Vladimir Putin, who will host talks on Tuesday."
/// );
/// ```
pub fn extract(html: &str) -> String {
    let lean = lean::lean_page(html);
    if lean.too_deep {
        return guard::plain_text(html);
    }
    extract_from(&unclosed_title::parse(&lean.markup))
}

/// A page's article and metadata, from one parse.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub text: String,
    /// What the page says about itself, with its page type.
    pub metadata: Metadata,
    /// Where the text was found: an article, the whole page, or a hidden view.
    pub source: Source,
}

impl Article {
    /// What the text stages are told of the text: a page that should have held an article
    /// but gave none (an article or documentation page whose text is its whole page) is a
    /// whole page, judged line by line. The text of a thread, a listing or a landing page
    /// is its content, and an article found may still carry a line of boilerplate: the
    /// stages judge those for themselves.
    pub fn origin(&self) -> Origin {
        let article_page = self
            .metadata
            .page_type
            .is_none_or(|t| t.mode() == Mode::Article);
        if self.source == Source::WholePage && article_page {
            Origin::WholePage
        } else {
            Origin::Unknown
        }
    }
}

/// The article text of `html` (see [`extract`]) and its metadata (see
/// [`metadata`](super::metadata::metadata)).
///
/// ```
/// let page = "<html><head><title>Xi to visit Moscow | DW</title>\
///             <meta property='og:site_name' content='DW'></head>\
///             <body><p>Xi Jinping will make a state visit to Russia next week.</p></body></html>";
/// let article = unscrape::html::article(page);
/// assert_eq!(article.text, "Xi Jinping will make a state visit to Russia next week.");
/// assert_eq!(article.metadata.title.as_deref(), Some("Xi to visit Moscow"));
/// ```
pub fn article(html: &str) -> Article {
    article_at(html, None, false).0
}

/// [`article`], and, when `with_comments`, the page's user comments (see
/// [`comments_from`](super::comments_from)) from the same parse: what `--include-comments`
/// keeps.
///
/// ```
/// let page = r#"<article><p>Xi Jinping will make a state visit to Russia next week.</p></article>
///               <section class="comments"><p>A visit long overdue.</p></section>"#;
/// let (article, comments) = unscrape::html::article_with(page, true);
/// assert_eq!(article.text, "Xi Jinping will make a state visit to Russia next week.");
/// assert_eq!(comments.as_deref(), Some("A visit long overdue."));
/// assert_eq!(unscrape::html::article_with(page, false).1, None);
/// ```
pub fn article_with(html: &str, with_comments: bool) -> (Article, Option<String>) {
    article_at(html, None, with_comments)
}

/// [`article_with`] for a page fetched from `url` (a WARC record's target, a JSONL
/// record's `url`): the URL is evidence of the page's type (see
/// [`PageType`](super::PageType)) where the page states no canonical URL of its own.
///
/// ```
/// use unscrape::html::{PageType, Source};
/// let page = "<div class='message'><p>Has anyone tried the new firmware on the X200? \
///             Mine reboots every hour since the update.</p></div>\
///             <div class='message'><p>Same here, rolling back fixed it for me.</p></div>";
/// let (article, _) = unscrape::html::article_at(
///     page, Some("https://forums.example.com/threads/x200-firmware.5512/"), false);
/// assert_eq!(article.metadata.page_type, Some(PageType::Forum));
/// assert_eq!(article.source, Source::WholePage);
/// assert!(article.text.ends_with("rolling back fixed it for me."));
/// ```
pub fn article_at(html: &str, url: Option<&str>, with_comments: bool) -> (Article, Option<String>) {
    let lean = lean::lean_page(html);
    if lean.too_deep {
        let article = Article {
            text: guard::plain_text(html),
            metadata: Metadata::default(),
            source: Source::WholePage,
        };
        return (article, with_comments.then(String::new));
    }
    let page = unclosed_title::parse(&lean.markup);
    let (mut metadata, declared) = metadata_and_declared_type(&page, url);
    let (extraction, page_type) = extraction(&page, declared);
    metadata.page_type = Some(page_type);
    let article = Article {
        text: extraction.text,
        metadata,
        source: extraction.source,
    };
    let comments = with_comments.then(|| super::comments_from(&page));
    (article, comments)
}

/// [`extract`] on a page already parsed.
pub fn extract_from(page: &Html) -> String {
    let (_, declared) = metadata_and_declared_type(page, None);
    extraction(page, declared).0.text
}

/// Where an article's text was found: what extraction hands on with the text, so that
/// later steps need not guess it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An element of the visible page that reads as its article (and what belongs with it).
    Article,
    /// The whole visible page: the page is not one article (a thread, a listing, a landing
    /// page), or no element stood out. Menus and footers may remain, for the text stages
    /// to judge.
    WholePage,
    /// The page's hidden elements read too: the page holds no visible text to speak of,
    /// and a script shows it once loaded (`<div style="visibility:hidden">` around it all).
    Hidden,
    /// A `<noscript>` view of the page (a crawler view), the visible page holding no article.
    Noscript,
    /// The article body the page states in its JSON-LD, the visible page holding no article.
    JsonLd,
}

/// An article's text and where it was found.
pub(super) struct Extraction {
    pub text: String,
    pub source: Source,
}

/// The visible page's content as its page type (`declared`, else judged from the
/// structure) decides, or, when it holds no article worth the name, a hidden view of the
/// page that holds more (see [`hidden`](super::hidden)).
pub(super) fn extraction(page: &Html, declared: Option<PageType>) -> (Extraction, PageType) {
    let (visible, page_type) = visible_text(page, declared);
    let visible_chars = visible.text.chars().count();
    if visible_chars >= HIDDEN_CONSIDERED_BELOW {
        return (visible, page_type);
    }
    let mut best = Best {
        chars: visible_chars,
        extraction: visible,
    };
    if visible_chars < MIN_ARTICLE_CHARS {
        // A page hidden until a script shows it (`visibility:hidden` on a wrapper).
        let part = match page_type.mode() {
            Mode::WholePage { posts: true, .. } => Part::COMMENTS,
            _ => Part::PAGE,
        };
        let (found, _) = page_text(page, Some(page_type), part.with_hidden());
        best.offer(found.text, Source::Hidden);
    }
    if let Some(view) = largest_noscript(page)
        && view.len() > best.chars * HIDDEN_MARGIN
    {
        let (found, _) = visible_text(&Html::parse_fragment(&view), Some(page_type));
        best.offer(found.text, Source::Noscript);
    }
    if let Some(body) = json_ld_body(page) {
        best.offer(body, Source::JsonLd);
    }
    (best.extraction, page_type)
}

/// The best text found so far, and its length in characters.
struct Best {
    extraction: Extraction,
    chars: usize,
}

impl Best {
    /// Takes `text` from `source` instead when it is an article's length and holds
    /// [`HIDDEN_MARGIN`] times the text so far.
    fn offer(&mut self, text: String, source: Source) {
        let chars = text.chars().count();
        if chars >= MIN_ARTICLE_CHARS && chars > self.chars * HIDDEN_MARGIN {
            self.extraction = Extraction { text, source };
            self.chars = chars;
        }
    }
}

/// A visible article this long (in characters) is not weighed against hidden views.
const HIDDEN_CONSIDERED_BELOW: usize = 2_000;
/// A hidden view replaces the visible article when it holds this many times its text.
const HIDDEN_MARGIN: usize = 2;

/// How much of a page is its content, as its page type decides (see
/// [`PageType::mode`](super::page_type::PageType)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// One element and what belongs with it: an article, a documentation page (which
    /// keeps the lists of links inside it: they index its topic).
    Article,
    /// Every visible block but menus, headers and footers: a forum thread (with `posts`:
    /// its posts, which the comment sections hold), a product, a service page; with
    /// `links`, the blocks that are mostly link text too (the items of a listing or a
    /// collection are links); with `boxes`, the boxes that class names call boilerplate
    /// too (a landing page's sections are often named like widgets: "cta", "banner");
    /// without `reviews`, no customer reviews (the comments of a product page).
    WholePage {
        posts: bool,
        links: bool,
        boxes: bool,
        reviews: bool,
    },
}

/// The content of the visible page as its page type decides: its article, or all its
/// visible text. A page of no declared type is judged by its structure.
fn visible_text(page: &Html, declared: Option<PageType>) -> (Extraction, PageType) {
    let part = match declared.map(PageType::mode) {
        Some(Mode::WholePage { posts: true, .. }) => Part::COMMENTS,
        _ => Part::PAGE,
    };
    page_text(page, declared, part)
}

/// [`visible_text`], reading the `part` of the page it says.
fn page_text(page: &Html, declared: Option<PageType>, part: Part) -> (Extraction, PageType) {
    let flat = flatten_from(page.tree.root(), part);
    let everything = vec![true; flat.elements.len()];
    // The page's content when `mode` reads it whole; `None` for an article's mode.
    let whole_page = |mode: Mode| {
        let Mode::WholePage {
            posts,
            links,
            boxes,
            reviews,
        } = mode
        else {
            return None;
        };
        let mut kept = if boxes {
            everything.clone()
        } else {
            page_without_boxes(&flat, !posts)
        };
        if !reviews {
            let mut reviews: Vec<bool> = flat.elements.iter().map(|e| e.reviews).collect();
            mark_descendants(&flat.elements, &mut reviews);
            for (kept, review) in kept.iter_mut().zip(reviews) {
                *kept &= !review;
            }
        }
        if let Some(main) = main_region(&flat) {
            let mut inside = vec![false; flat.elements.len()];
            inside[main] = true;
            mark_descendants(&flat.elements, &mut inside);
            for (kept, inside) in kept.iter_mut().zip(inside) {
                *kept &= inside;
            }
        }
        let mut text = text_with(&flat, &kept, links);
        if text.len() < MIN_ARTICLE_CHARS {
            // The boxes, reviews and main region left out all but a few words: the page's
            // names misled, and all its text loses less.
            let everything = text_with(&flat, &everything, links);
            if everything.len() > text.len() * 2 {
                text = everything;
            }
        }
        Some(Extraction {
            text,
            source: Source::WholePage,
        })
    };
    if let Some(page_type) = declared
        && let Some(found) = whole_page(page_type.mode())
    {
        return (found, page_type);
    }
    let scores = scores(&flat);
    let in_boilerplate = inside_boilerplate(&flat.elements);
    let top = top_candidate(&flat, &scores, &in_boilerplate);
    let (mut kept, mut source) = match top {
        Some(top) => (
            article_elements(&flat, &scores, &in_boilerplate, top),
            Source::Article,
        ),
        None => (everything.clone(), Source::WholePage),
    };
    let mut article = text_of(&flat, &kept);
    let page_type = declared.unwrap_or_else(|| {
        let (page_bytes, with_links_bytes) = visible_bytes(&flat);
        from_structure(article.len(), page_bytes, with_links_bytes)
    });
    // A page that reads or says it is one article, but whose best element is dwarfed by
    // a listing's items, is a listing (news sites call their section pages articles).
    let page_type = if page_type == PageType::Article
        && largest_item_group(&flat) > article.chars().count() * LISTING_OVER_ARTICLE
    {
        PageType::Listing
    } else {
        page_type
    };
    if let Some(found) = whole_page(page_type.mode()) {
        return (found, page_type);
    }
    // A documentation page's lists of links are its index of the topic ("Instance
    // properties": `WebSocket.binaryType`, `WebSocket.url`...), not links to elsewhere.
    let links = page_type == PageType::Documentation;
    if links {
        article = text_with(&flat, &kept, links);
    }
    if let Some(top) = top {
        let grown = grown_sections(&flat, &in_boilerplate, top);
        if !grown.is_empty() {
            // The sections with all they hold; the article as chosen, less its
            // boilerplate boxes.
            let mut sections = vec![false; flat.elements.len()];
            for section in grown {
                sections[section] = true;
            }
            mark_descendants(&flat.elements, &mut sections);
            for (kept, in_section) in kept.iter_mut().zip(sections) {
                *kept |= in_section;
            }
            article = text_with(&flat, &kept, links);
        }
    }
    if article.len() < MIN_ARTICLE_CHARS
        || is_lost_in_its_page(&flat, article.len())
        || (source == Source::Article && is_all_boilerplate(&article))
    {
        // Too little to be the article.
        let everything = text_of(&flat, &everything);
        if everything.len() > article.len() * 2 {
            article = everything;
            source = Source::WholePage;
        }
    }
    let extraction = Extraction {
        text: article,
        source,
    };
    (extraction, page_type)
}

/// Whether a short article is all boilerplate, which the text stages would remove line by
/// line (a copyright line, a cookie notice): the best element was the page's footer, and
/// the page, whatever it holds, is a better guess than nothing.
fn is_all_boilerplate(article: &str) -> bool {
    article.len() < SMALL_ARTICLE_BYTES
        && !crate::clean_as(article, Origin::Unknown)
            .chars()
            .any(char::is_alphanumeric)
}

/// The bytes of text of the page's blocks without the link lists, and with them.
fn visible_bytes(flat: &Flat) -> (usize, usize) {
    flat.blocks.iter().fold((0, 0), |(prose, all), block| {
        let own = block.text.len();
        (prose + if is_link_list(block) { 0 } else { own }, all + own)
    })
}

/// Whether an article of `article_bytes` is too small for its page to be all of its
/// content: short, and a small share of the page's text without link lists. The best
/// element was then a headline with its byline, or a notice, while the article's
/// paragraphs lie in containers that shared out its score; the whole page, judged line by
/// line by the boilerplate stage, loses less.
fn is_lost_in_its_page(flat: &Flat, article_bytes: usize) -> bool {
    article_bytes < SMALL_ARTICLE_BYTES && {
        let (page_bytes, _) = visible_bytes(flat);
        (article_bytes as f64) < page_bytes as f64 * SMALL_ARTICLE_SHARE
    }
}

/// A page is a listing when its items hold this many times its best element's text.
const LISTING_OVER_ARTICLE: usize = 2;

/// An article shorter than this (in bytes) may be lost in its page...
const SMALL_ARTICLE_BYTES: usize = 1_000;
/// ...when it holds less than this share of the page's text.
const SMALL_ARTICLE_SHARE: f64 = 0.2;

/// An article shorter than a sentence is not trusted: the page may be a list of short
/// items, or misjudged. (A short article is common: blog posts, notices.)
const MIN_ARTICLE_CHARS: usize = 60;

/// Which elements are the article: `top`, those of its siblings that score well enough or
/// read like paragraphs of it, its lead if set apart, and its other parts if split; with
/// all their descendants but boilerplate boxes.
fn article_elements(
    flat: &Flat,
    scores: &[Option<f64>],
    in_boilerplate: &[bool],
    top: usize,
) -> Vec<bool> {
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let last_block = last_blocks(flat);
    let mut kept = vec![false; flat.elements.len()];
    kept[top] = true;
    if let Some(parent) = flat.elements[top].parent {
        for (index, element) in flat.elements.iter().enumerate() {
            if element.parent != Some(parent) || index == top {
                continue;
            }
            let bonus = if element.hint != 0 && element.hint == flat.elements[top].hint {
                top_score * 0.2
            } else {
                0.0
            };
            let scored = scores[index].is_some_and(|s| s + bonus >= threshold);
            kept[index] = scored || reads_like_a_paragraph(flat, index, &last_block);
        }
    }
    if let Some(lead) = lead_before(flat, in_boilerplate, top) {
        kept[lead] = true;
    }
    for part in other_parts(flat, in_boilerplate, top) {
        kept[part] = true;
    }
    for block in sibling_blocks(flat, in_boilerplate, top) {
        kept[block] = true;
    }
    // Elements come parent first: a kept parent keeps its children, but for boilerplate
    // boxes.
    let boxes = boilerplate_boxes(flat, scores, top);
    for index in 0..flat.elements.len() {
        if let Some(parent) = flat.elements[index].parent
            && kept[parent]
            && !boxes[index]
        {
            kept[index] = true;
        }
    }
    drop_related_sections(flat, &mut kept, top);
    kept
}

/// A sibling paragraph of the article: long with few links, or short, linkless and
/// ending a sentence.
fn reads_like_a_paragraph(flat: &Flat, index: usize, last_block: &[Option<usize>]) -> bool {
    let element = &flat.elements[index];
    if element.kind != Kind::Paragraph {
        return false;
    }
    let density = link_density(element);
    let chars = element.text_len;
    let ends_a_sentence =
        last_block[index].is_some_and(|block| flat.blocks[block].text.ends_with('.'));
    (chars > 80 && density < 0.25) || (chars > 0 && density == 0.0 && ends_a_sentence)
}

/// The last block of text of each element, if it has one of its own.
fn last_blocks(flat: &Flat) -> Vec<Option<usize>> {
    let mut last = vec![None; flat.elements.len()];
    for (index, block) in flat.blocks.iter().enumerate() {
        last[block.element] = Some(index);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn a_heading_left_with_nothing_under_it_goes() {
        let page = "<html><body><article><h1>Chicken biryani</h1>\
            <h2>Ingredients</h2><p>Two cups of basmati rice, one chicken cut in pieces, \
            onions, yoghurt and the spices.</p>\
            <h2>Method</h2><p>Fry the onions until brown, then add the chicken and the \
            spices, and cook for twenty minutes before the rice goes in.</p>\
            <h4>New and exciting similar dishes for you to try out</h4>\
            <ul><li><a href='/r/1'>Chicken korma</a></li><li><a href='/r/2'>Lamb pilau</a></li></ul>\
            </article></body></html>";
        let text = extract(page);
        assert!(text.starts_with("Chicken biryani\n\nIngredients"), "{text}");
        assert!(text.ends_with("before the rice goes in."), "{text}");
    }

    #[test]
    fn an_email_address_is_text_not_a_link() {
        let page = "<html><body><div class='texte'><p>Le collectif publie chaque semaine \
            le suivi des réformes, texte par texte, avec les votes et les recours.</p>\
            <p>Pour nous écrire, une seule adresse, celle du suivi des réformes :</p>\
            <p><a href='mailto:suivi.reformes@example.org'>suivi.reformes@example.org</a></p>\
            </div></body></html>";
        assert!(extract(page).ends_with("suivi.reformes@example.org"));
    }

    #[test]
    fn a_read_more_link_after_a_paragraph_goes_but_one_inside_a_sentence_stays() {
        let page = "<html><body><div class='entry-content'>\
            <p>Kłamliwym atakom sprzeciwiają się też dziennikarze, politycy i Zespół \
            Wspierania Radia Maryja. Głos w obronie Fundacji zabrała również Akcja Katolicka \
            w Polsce. <strong>[<a href='/cel'>czytaj więcej</a>]</strong></p>\
            <p>My <a href='/80-20'>previous post</a> addressed an objection to applying the \
            80-20 rule to software, namely that users use different features.</p>\
            </div></body></html>";
        let text = extract(page);
        assert!(text.starts_with("Kłamliwym"), "{text}");
        assert!(
            text.contains("Akcja Katolicka w Polsce.\n\nMy previous post addressed"),
            "{text}"
        );
    }

    #[test]
    fn a_box_title_left_at_the_end_goes() {
        let page = "<html><body><article class='post'>\
            <p>Emden ist vor allem in Deutschland als Hauptstadt der Region Ostfriesland \
            bekannt, und für seinen berühmtesten Sohn, den Komiker Otto Waalkes.</p>\
            <p>Der Wasserturm am Wall, gebaut 1910 und 1911, ist eines der Wahrzeichen der \
            Stadt, und heute ein Ort für Ausstellungen und Konzerte.</p>\
            <div class='card'><div class='alert-info card-header'>Infos zum Reiseziel</div>\
            <ul><li><a href='/emden'>Emden</a></li><li><a href='/leer'>Leer</a></li></ul>\
            </div></article></body></html>";
        assert!(extract(page).ends_with("Ausstellungen und Konzerte."));
    }

    #[test]
    fn a_product_page_keeps_its_main_region_only() {
        let page = "<html><head><meta property='og:type' content='product'></head><body>\
            <div><p>Free shipping on orders over $50, and free returns \
            within thirty days on every order, whatever you buy from us this season.</p></div>\
            <main><h1>4oz JoCo Cup</h1><p>Meticulously hand-crafted from borosilicate glass \
            and medical grade silicone, the cup keeps its heat.</p>\
            <ul><li>Thermal silicone sleeve</li><li>Non-porous and antibacterial</li></ul></main>\
            <div><p>Sign up and receive ten percent off your first order, \
            plus news of every new colour before anybody else hears of it.</p></div>\
            </body></html>";
        let article = super::article(page);
        assert_eq!(article.metadata.page_type, Some(super::PageType::Product));
        assert_eq!(
            article.text,
            "4oz JoCo Cup\n\nMeticulously hand-crafted from borosilicate glass and medical grade \
             silicone, the cup keeps its heat.\n\nThermal silicone sleeve\nNon-porous and \
             antibacterial"
        );
    }

    #[test]
    fn a_product_page_leaves_out_its_customer_reviews_an_article_keeps_a_review() {
        let reviews = "<section class='ProductReviews'><h2>Reviews</h2>\
            <div class='review'><p>Verified purchase. Rated 5.0 out of 5 stars: keeps my \
            coffee hot through the whole morning commute, and the sleeve never slips.</p></div>\
            </section>";
        let product = format!(
            "<html><head><meta property='og:type' content='product'></head><body><main>\
             <h1>4oz JoCo Cup</h1><p>Meticulously hand-crafted from borosilicate glass and \
             medical grade silicone, the cup keeps its heat.</p>{reviews}</main></body></html>"
        );
        let text = super::extract(&product);
        assert!(text.starts_with("4oz JoCo Cup"), "{text}");
        assert!(!text.contains("Verified purchase"), "{text}");
        let article = "<html><head><meta property='og:type' content='article'></head><body>\
            <article><h1>JoCo Cup, reviewed</h1><div class='review-body'><p>We took the cup \
            on a month of commutes: it keeps coffee hot through the morning, and the silicone \
            sleeve never slips, even with gloves on.</p></div></article></body></html>";
        assert!(super::extract(article).contains("We took the cup"));
    }

    #[test]
    fn a_page_hidden_until_a_script_shows_it_is_read_hidden() {
        // geeksforgeeks.org (wcxb tune 4020), shape: the whole body in a wrapper that a
        // script makes visible once the page is loaded.
        let page = "<html><body><div style='visibility:hidden;min-height:100vh'>\
            <article><h1>Machine Learning Tutorial</h1><p>Machine learning is a branch of \
            Artificial Intelligence that focuses on developing models and algorithms that let \
            computers learn from data without being explicitly programmed for every task.</p>\
            </article></div></body></html>";
        let article = super::article(page);
        assert_eq!(article.source, super::Source::Hidden);
        assert!(
            article.text.contains("Machine learning is a branch"),
            "{}",
            article.text
        );
        // A page with visible text keeps its hidden parts out.
        let shown = page.replace(
            "<body>",
            "<body><p>Our tutorials cover machine learning, \
            data science and web development, from the first steps to the interview.</p>",
        );
        assert!(!super::extract(&shown).contains("Machine learning is a branch"));
    }

    #[test]
    fn a_tab_panel_hidden_until_chosen_is_read_other_hidden_boxes_are_not() {
        let page = "<html><body><article><h1>Send your first message</h1>\
            <p>Install the library of your language, then run the example below, with your \
            account's key in the environment.</p>\
            <div role='tabpanel'><p>Python: pip install twilio</p></div>\
            <div role='tabpanel' hidden style='display:none'><p>Node.js: npm install twilio</p></div>\
            <div hidden><p>Your trial ends in three days: upgrade now.</p></div>\
            </article></body></html>";
        let text = extract(page);
        assert!(text.contains("Node.js: npm install twilio"), "{text}");
        assert!(!text.contains("trial ends"), "{text}");
    }

    #[test]
    fn a_page_of_headings_only_keeps_them() {
        let page = "<html><body><div><h2>Test Case 1</h2><h2>Test Case 2</h2></div></body></html>";
        assert_eq!(extract(page), "Test Case 1\n\nTest Case 2");
    }
}
