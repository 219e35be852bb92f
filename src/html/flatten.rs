//! One pass over a parsed page that keeps what a reader could see: the elements (with their
//! parent, kind and class hints) and the blocks of text in document order, each block the
//! inline text of one block-level element, whitespace collapsed as a browser renders it.
//! Scripts, styles, forms' controls, hidden elements, navigation, asides, page headers and
//! footers and comment sections are dropped here. The walk is iterative: 100,000 nested
//! elements cost no stack.

use ego_tree::iter::Edge;
use scraper::Node;

use super::names::{Names, hint_of, name_words};
use crate::stages::phrase_category;

/// An element that was kept.
#[derive(Debug, Clone)]
pub(super) struct Element {
    pub parent: Option<usize>,
    pub kind: Kind,
    /// What its class and id say: positive for article-like names, negative for
    /// boilerplate-like ones.
    pub hint: i32,
    /// Its class or id names the lead paragraph of an article.
    pub lead: bool,
    /// Its class or id names a heading or title, whatever its tag.
    pub titled: bool,
    /// `<main>`, or `role="main"`: the page says its content is here.
    pub main: bool,
    /// Its class or id names customer reviews.
    pub reviews: bool,
    /// A hash of its tag and class attribute, 0 without a class or with an id: parts of one
    /// article split by an advertisement share it (`<div class="story-text">` twice).
    pub class_key: u64,
    /// The same hash whatever its id, 0 without a class: a page builder's blocks share it
    /// (`<div class="sqs-block" id="block-1">`, `id="block-2"`...).
    pub class_hash: u64,
    /// Characters of text inside it, and of link text inside it.
    pub text_len: usize,
    pub link_len: usize,
}

/// What an element is, as far as extraction cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `<article>`, `<main>`: the page says where its article is.
    Article,
    Div,
    Paragraph,
    Heading,
    ListItem,
    List,
    Row,
    Cell,
    Pre,
    Quote,
    Caption,
    Form,
    /// `<table>` and its row groups.
    Table,
    /// `<body>`, `<html>` and other containers of everything.
    Page,
    Inline,
}

impl Kind {
    fn of(tag: &str) -> Kind {
        match tag {
            "article" | "main" => Kind::Article,
            "div" | "section" | "center" | "details" | "summary" | "dialog" | "hgroup"
            | "fieldset" | "address" | "dl" | "dd" | "dt" | "figure" | "header" | "footer"
            | "nav" | "aside" => Kind::Div,
            "p" => Kind::Paragraph,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
            "li" => Kind::ListItem,
            "ul" | "ol" | "menu" | "dir" => Kind::List,
            "tr" => Kind::Row,
            "td" | "th" => Kind::Cell,
            "pre" => Kind::Pre,
            "blockquote" => Kind::Quote,
            "figcaption" | "caption" | "legend" => Kind::Caption,
            "form" => Kind::Form,
            "table" | "tbody" | "thead" | "tfoot" => Kind::Table,
            "html" | "body" | "frameset" | "noframes" => Kind::Page,
            _ => Kind::Inline,
        }
    }

    /// Whether it starts and ends a line of text.
    pub fn is_block(self) -> bool {
        !matches!(self, Kind::Inline | Kind::Cell)
    }
}

/// The inline text of one block-level element (up to the next block boundary).
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// The innermost kept block-level element holding the text.
    pub element: usize,
    pub text: String,
    /// Characters of the text inside links.
    pub link_len: usize,
}

/// The kept elements, in document order (a parent before its children), and the blocks.
#[derive(Debug, Default)]
pub(super) struct Flat {
    pub elements: Vec<Element>,
    pub blocks: Vec<Block>,
}

/// Elements whose content is never article text: among them the readings that ruby
/// annotation sets above the characters (`<ruby>子<rt>こ</rt></ruby>どもへの` reads
/// "子どもへの", not "子こどもへの").
fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "rt"
            | "rp"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "svg"
            | "math"
            | "canvas"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "label"
    )
}

/// The attributes flattening reads, from one pass over an element's.
#[derive(Default)]
struct Read<'a> {
    names: Names<'a>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    role: Option<&'a str>,
    href: Option<&'a str>,
}

impl<'a> Read<'a> {
    fn of(element: &'a scraper::node::Element) -> Read<'a> {
        let mut read = Read::default();
        for (name, value) in element.attrs() {
            match name {
                "class" => read.names.class = Some(value),
                "id" => read.names.id = Some(value),
                "style" => read.style = Some(value),
                "hidden" => read.hidden = true,
                "aria-hidden" => read.aria_hidden = Some(value),
                "role" => read.role = Some(value),
                "href" => read.href = Some(value),
                _ => {}
            }
        }
        read
    }
}

/// Whether an element is hidden (unless `of` reads hidden elements), or a comment section
/// (unless `of` reads them).
fn is_dropped(tag: &str, read: &Read<'_>, of: Part) -> bool {
    if is_dropped_tag(tag) {
        return true;
    }
    // A tab panel hidden until its tab is chosen, or an accordion's panel (`role=region`)
    // until it is opened, is one of the content's views (the same steps for each
    // programming language, the specifications beside the description, the answer to a
    // question).
    let a_view = read.role.is_some_and(|role| {
        ["tabpanel", "region"]
            .iter()
            .any(|r| role.trim().eq_ignore_ascii_case(r))
    });
    if !of.hidden
        && !a_view
        && (read.hidden || read.aria_hidden == Some("true") || read.style.is_some_and(hides))
    {
        return true;
    }
    !of.comments && read.names.is_comment_section()
}

/// Which part of a page is flattened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Part {
    /// Comment sections are read (a forum thread's posts, or one comment section).
    pub comments: bool,
    /// Hidden elements are read (a page hidden until a script shows it).
    pub hidden: bool,
}

impl Part {
    /// The whole page, without its comment sections.
    pub const PAGE: Part = Part {
        comments: false,
        hidden: false,
    };
    /// One comment section, with everything inside it; or a thread, with its posts.
    pub const COMMENTS: Part = Part {
        comments: true,
        hidden: false,
    };

    /// The same part with its hidden elements.
    pub fn with_hidden(self) -> Part {
        Part {
            hidden: true,
            ..self
        }
    }
}

/// A `style` that hides the element.
fn hides(style: &str) -> bool {
    // Most styles say neither word: no lowercase copy for them.
    if !HIDING_WORDS.is_match(style) {
        return false;
    }
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The words of a hiding style's values, in any case.
static HIDING_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["none", "hidden"])
            .expect("plain words")
    });

/// Whether an element is a link whose text counts as link text: any `<a>` but one to an
/// e-mail address, which shows the address itself (`<a href="mailto:x@y.fr">x@y.fr</a>`),
/// content rather than navigation.
fn is_navigation_link(tag: &str, href: Option<&str>) -> bool {
    tag == "a"
        && !href.is_some_and(|href| {
            href.trim_start()
                .get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"))
        })
}

/// A hash of an element's tag and class attribute, 0 when it has no class.
fn class_hash(tag: &str, class: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let Some(class) = class.filter(|class| !class.trim().is_empty()) else {
        return 0;
    };
    let mut hasher = rustc_hash::FxHasher::default();
    (tag, class).hash(&mut hasher);
    hasher.finish().max(1)
}

/// Walks the tree under `root` once and keeps its visible elements and blocks of text (and
/// its hidden ones, when `part` says so): a whole page, or one of its comment sections.
pub(super) fn flatten_from(root: ego_tree::NodeRef<'_, Node>, part: Part) -> Flat {
    let mut flat = Flat::default();
    let mut builder = Builder::default();
    // Kept elements open around the current node; `None` for an element kept only as a
    // position (inline elements).
    let mut open: Vec<Option<usize>> = Vec::new();
    // The kept elements among them, innermost last: found in constant time however many
    // inline elements are open.
    let mut kept: Vec<usize> = Vec::new();
    let mut dropped_until: Option<ego_tree::NodeId> = None;
    let mut links = 0usize;
    let mut articles = 0usize;
    // Page headers and footers (outside any article), settled once their size is known.
    let mut chrome: Vec<Chrome> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if dropped_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        let tag = element.name();
                        let read = Read::of(element);
                        if is_dropped(tag, &read, part) {
                            dropped_until = Some(node.id());
                            continue;
                        }
                        let kind = Kind::of(tag);
                        if tag == "br" {
                            builder.push_break();
                        }
                        if is_navigation_link(tag, read.href) {
                            if links == 0 {
                                builder.open_link(kept.last().copied());
                            }
                            links += 1;
                        }
                        if kind == Kind::Article {
                            articles += 1;
                        }
                        if kind == Kind::Inline {
                            open.push(None);
                            continue;
                        }
                        let parent = kept.last().copied();
                        if kind.is_block() {
                            builder.flush(&mut flat);
                        }
                        let names = read.names;
                        let words = name_words(names);
                        let class_hash = class_hash(tag, names.class);
                        flat.elements.push(Element {
                            parent,
                            kind,
                            hint: hint_of(names),
                            lead: words.lead,
                            titled: words.heading,
                            main: tag == "main" || read.role.is_some_and(|r| r.trim() == "main"),
                            reviews: words.reviews,
                            class_hash,
                            class_key: if names.id.is_some() { 0 } else { class_hash },
                            text_len: 0,
                            link_len: 0,
                        });
                        let index = flat.elements.len() - 1;
                        match tag {
                            "nav" | "aside" => chrome.push(Chrome::Aside(index)),
                            "header" | "footer" if articles == 0 => {
                                chrome.push(Chrome::Header(index));
                            }
                            _ => {}
                        }
                        if kind == Kind::Cell {
                            builder.push_cell_break();
                        }
                        if kind.is_block() {
                            builder.element = Some(index);
                        }
                        open.push(Some(index));
                        kept.push(index);
                    }
                    Node::Text(text) => {
                        let added = builder.push_text(text);
                        if added > 0 {
                            if links > 0 {
                                builder.link_len += added;
                            }
                            if let Some(&index) = kept.last() {
                                flat.elements[index].text_len += added;
                                if links > 0 {
                                    flat.elements[index].link_len += added;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = dropped_until {
                    if id == node.id() {
                        dropped_until = None;
                    }
                    continue;
                }
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                if element.name() == "a" && is_navigation_link("a", element.attr("href")) {
                    links = links.saturating_sub(1);
                    if links == 0 {
                        builder.close_link(kept.last().copied());
                    }
                }
                if Kind::of(element.name()) == Kind::Article {
                    articles = articles.saturating_sub(1);
                }
                let Some(Some(index)) = open.pop() else {
                    continue;
                };
                kept.pop();
                let kind = flat.elements[index].kind;
                if kind.is_block() {
                    builder.flush(&mut flat);
                    builder.element = kept.last().copied();
                }
                if let Some(parent) = flat.elements[index].parent {
                    let (text_len, link_len) =
                        (flat.elements[index].text_len, flat.elements[index].link_len);
                    flat.elements[parent].text_len += text_len;
                    flat.elements[parent].link_len += link_len;
                }
            }
        }
    }
    builder.flush(&mut flat);
    drop_page_chrome(&mut flat, &chrome);
    flat
}

/// A navigation, aside, page header or footer element, dropped with its text once the
/// page is read (see [`drop_page_chrome`]).
#[derive(Debug, Clone, Copy)]
enum Chrome {
    /// `<nav>` or `<aside>`.
    Aside(usize),
    /// `<header>` or `<footer>` outside any article.
    Header(usize),
}

/// Drops the navigation, asides, page headers and footers among `chrome` (parents before
/// children), with their text, but for those left open around the article: a page header
/// or footer that holds more than half of the page's text besides links, or a `<nav>` or
/// `<aside>` that holds the page's `<main>` or `<article>`.
///
/// `<header><a>Home</a> Daily News</header><p>The council met on Monday…</p>` loses its
/// header; `<header><p>The council met on Monday…</p>…` (never closed) keeps it, and so
/// does `<aside class="announcement-banner">…<main><article>…` (never closed).
fn drop_page_chrome(flat: &mut Flat, chrome: &[Chrome]) {
    if chrome.is_empty() {
        return;
    }
    let prose = |element: &Element| element.text_len - element.link_len;
    let page: usize = flat
        .elements
        .iter()
        .filter(|element| element.parent.is_none())
        .map(prose)
        .sum();
    let holds_article = holds_article(&flat.elements);
    let mut dropped = vec![false; flat.elements.len()];
    for &chrome in chrome {
        match chrome {
            Chrome::Header(index) => dropped[index] = prose(&flat.elements[index]) * 2 <= page,
            Chrome::Aside(index) => dropped[index] = !holds_article[index],
        }
    }
    mark_descendants(&flat.elements, &mut dropped);
    // The text of dropped elements, summed up to their kept ancestors, children first.
    let mut gone = vec![(0usize, 0usize); flat.elements.len()];
    for index in (0..flat.elements.len()).rev() {
        let element = &flat.elements[index];
        if dropped[index] {
            gone[index] = (element.text_len, element.link_len);
        }
        if let Some(parent) = element.parent
            && !dropped[parent]
        {
            gone[parent].0 += gone[index].0;
            gone[parent].1 += gone[index].1;
        }
    }
    for (element, (text_len, link_len)) in flat.elements.iter_mut().zip(gone) {
        element.text_len -= text_len;
        element.link_len -= link_len;
    }
    flat.blocks.retain(|block| !dropped[block.element]);
}

/// Whether each element is or holds an `<article>` or `<main>`.
fn holds_article(elements: &[Element]) -> Vec<bool> {
    let mut holds: Vec<bool> = elements.iter().map(|e| e.kind == Kind::Article).collect();
    mark_ancestors(elements, &mut holds);
    holds
}

/// Marks every ancestor of a marked element: a `<div>` holding a table holds it.
pub(super) fn mark_ancestors(elements: &[Element], marked: &mut [bool]) {
    // Children come after their parents: going backwards, a child is settled first.
    for index in (0..elements.len()).rev() {
        if marked[index]
            && let Some(parent) = elements[index].parent
        {
            marked[parent] = true;
        }
    }
}

/// Adds each element's value into its ancestors': a count per element becomes the count
/// in its subtree (the blocks of a card, the prose of a box).
pub(super) fn sum_into_ancestors(elements: &[Element], values: &mut [usize]) {
    // Children come after their parents: going backwards, a child is settled first.
    for index in (0..elements.len()).rev() {
        if let Some(parent) = elements[index].parent {
            values[parent] += values[index];
        }
    }
}

/// Marks every descendant of a marked element: `<header>` dropped drops all inside it.
pub(super) fn mark_descendants(elements: &[Element], marked: &mut [bool]) {
    // Parents come first: a parent is settled before its children.
    for index in 0..elements.len() {
        if let Some(parent) = elements[index].parent
            && marked[parent]
        {
            marked[index] = true;
        }
    }
}

/// The block being built.
#[derive(Default)]
struct Builder {
    element: Option<usize>,
    text: String,
    link_len: usize,
    /// Whitespace was seen after the last character kept.
    pending_space: bool,
    /// Blocks ended so far.
    flushes: usize,
    /// Where the open link's text starts in `text`, the blocks ended before it, and the
    /// innermost kept element around it.
    link_start: Option<(usize, usize, Option<usize>)>,
    /// A "read more" link that closed the text so far: cut when the block ends with it.
    read_more: Option<ReadMore>,
}

/// A "read more" link at the end of a block's text so far ("…in Polsce. [czytaj więcej]").
struct ReadMore {
    /// Where the cut starts in the text: at the link, or at the bracket before it.
    start: usize,
    /// The bracket that closes the one before the link, if any.
    closer: Option<char>,
    /// The kept element whose counts hold the link's text, and the characters to take off
    /// them: of text (bracket included) and of link text.
    element: Option<usize>,
    text_chars: usize,
    link_chars: usize,
}

impl Builder {
    /// Appends a text node, whitespace runs collapsed to one space; returns the characters
    /// of text added (spaces not counted).
    fn push_text(&mut self, text: &str) -> usize {
        if let Some(read_more) = &self.read_more {
            // Text after the link but its closing bracket and stops: the link was inside
            // the sentence, not after it.
            let rest = text.trim_matches(|c: char| {
                is_html_space(c) || Some(c) == read_more.closer || matches!(c, '.' | '»' | '›')
            });
            if !rest.is_empty() {
                self.read_more = None;
            }
        }
        let mut added = 0;
        for (i, word) in text.split(is_html_space).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with(['\n', '\t']) {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push_str(word);
            added += word.chars().count();
        }
        added
    }

    /// `<br>`: a new line inside the block.
    fn push_break(&mut self) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    /// A table cell: a tab before it when the row has text already.
    fn push_cell_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(['\n', '\t']) {
            self.text.push('\t');
        }
        self.pending_space = false;
    }

    /// Ends the current block, without the "read more" link that ends it.
    fn flush(&mut self, flat: &mut Flat) {
        if let Some(read_more) = self.read_more.take() {
            self.text.truncate(read_more.start);
            self.link_len = self.link_len.saturating_sub(read_more.link_chars);
            if let Some(index) = read_more.element {
                // Saturating: a bracket in a table row may have been counted in the cell
                // before.
                let element = &mut flat.elements[index];
                element.text_len = element.text_len.saturating_sub(read_more.text_chars);
                element.link_len = element.link_len.saturating_sub(read_more.link_chars);
            }
        }
        let text = self.text.trim();
        if let Some(element) = self.element
            && !text.is_empty()
        {
            flat.blocks.push(Block {
                element,
                text: text.to_string(),
                link_len: self.link_len,
            });
        }
        self.text.clear();
        self.link_len = 0;
        self.pending_space = false;
        self.flushes += 1;
    }

    /// An outermost link opens inside `element` (the innermost kept element).
    fn open_link(&mut self, element: Option<usize>) {
        self.link_start = Some((self.text.len(), self.flushes, element));
    }

    /// The outermost link closes inside `element`: a "read more" link after the end of a
    /// sentence ("…in Polsce. [czytaj więcej]") is marked, to be cut with the bracket
    /// around it if the block ends with it.
    fn close_link(&mut self, element: Option<usize>) {
        let Some((start, flushes, opened_in)) = self.link_start.take() else {
            return;
        };
        if flushes != self.flushes || opened_in != element {
            return;
        }
        let before = self.text[..start].trim_end();
        let (cut, closer) = match before.chars().next_back().and_then(closer_of) {
            Some(closer) => (before.len() - 1, Some(closer)),
            None => (start, None),
        };
        // Cheap tests first: most links sit inside a sentence.
        if !self.text[..cut].trim_end().ends_with(SENTENCE_ENDS)
            || !is_read_more(&self.text[start..])
        {
            return;
        }
        let link_chars = self.text[start..]
            .chars()
            .filter(|&c| !is_html_space(c))
            .count();
        self.read_more = Some(ReadMore {
            start: cut,
            closer,
            element,
            text_chars: link_chars + usize::from(closer.is_some()),
            link_chars,
        });
    }
}

/// What ends a sentence before a "read more" link.
const SENTENCE_ENDS: [char; 8] = ['.', '!', '?', '…', ':', '"', '”', '»'];

/// Whether a link's text is a "read more" label of the phrase lists ("Read more", "czytaj
/// więcej", "Weiterlesen »"), arrows, dots and brackets aside.
fn is_read_more(link: &str) -> bool {
    let label = link.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | '»' | '›' | '→' | '…' | '.' | '>')
    });
    !label.is_empty() && phrase_category(label) == Some("teaser")
}

/// The bracket that closes `opener`, if it opens one.
fn closer_of(opener: char) -> Option<char> {
    match opener {
        '[' => Some(']'),
        '(' => Some(')'),
        _ => None,
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}
