//! The page without what no reader sees and no step reads (scripts, styles and drawings
//! alone are 48% of the bytes of devdata's 2,648 pages), so that the parser builds less:
//! - the code of its scripts and the rules of its style sheets (the elements stay, empty;
//!   JSON-LD scripts, read for metadata and hidden article bodies, keep their content);
//! - the shapes of its drawings (`<svg>` stays, empty), and the text of its comments;
//! - the attributes no step reads: `data-*`, event handlers, image sources;
//! - the indentation of the markup: white space between two tags becomes one character,
//!   which renders the same (but inside `<pre>`).
//!
//! ```text
//! <head><style>.nav{display:flex}…</style><script>window.dataLayer=[…]</script></head>
//!   <img data-src="/a.jpg" srcset="…" alt="Map">  <svg><path d="M1 2…"/></svg>
//!   →  <head><style></style><script></script></head> <img alt="Map"> <svg></svg>
//! ```
//!
//! The scan follows the tokenizer as far as it must to find the same script ends: comments,
//! quoted attribute values and the elements whose content is raw text (`title`, `textarea`,
//! `noscript`…) are stepped over. A script whose code holds `<!--` is kept whole (its end
//! tag may then be further on, by the parser's escaping rules); an element whose end cannot
//! be found stops the scan, leaving the rest as it is.

use std::borrow::Cow;

use memchr::{memchr, memmem};

use super::guard;

mod attributes;
mod drawings;

use attributes::unread_attributes;
use drawings::drawing_end;

/// A page's lean markup, and whether its elements nest too deep to parse.
pub(super) struct Lean<'a> {
    pub markup: Cow<'a, str>,
    /// The elements nest deeper than [`guard::MAX_DEPTH`], counting start and end tags
    /// (void elements, self-closing tags and those often left open do not nest): the page
    /// is read without the parser (see [`guard`]).
    pub too_deep: bool,
}

/// `html` without what no step reads (see the module; borrowed when there is nothing to
/// remove), and whether it nests too deep, from one scan.
pub(super) fn lean_page(html: &str) -> Lean<'_> {
    let bytes = html.as_bytes();
    let mut cuts = Cuts {
        html,
        lean: String::new(),
        copied: 0,
    };
    let mut at = 0;
    // Where the text since the last tag or comment starts, and how many `<pre>`s are open.
    let mut text_from = 0;
    let mut preformatted = 0usize;
    let mut depth = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let markup = rest.starts_with(b"!")
            || rest
                .first()
                .is_some_and(|&b| b == b'?' || b == b'/' || b.is_ascii_alphabetic());
        if markup && preformatted == 0 {
            cuts.collapse_spaces(text_from, start);
        }
        if rest.starts_with(b"!--") {
            let Some(end) = comment_end(bytes, start + 4) else {
                break;
            };
            // Its text, which nothing reads and the tokenizer takes character by
            // character: `<!-- [if IE]>…<![endif] -->` becomes `<!---->`.
            if bytes[..end].ends_with(b"-->") {
                cuts.cut(start + 4, end - 3);
            }
            at = end;
        } else if rest
            .first()
            .is_some_and(|&b| b == b'!' || b == b'?' || b == b'/')
        {
            // A doctype, a bogus comment or an end tag: up to the next '>' (outside quotes for
            // an end tag, which may carry attributes the tokenizer reads).
            let Some(end) = tag_end(bytes, start + 2) else {
                break;
            };
            if rest[0] == b'/' {
                depth = depth.saturating_sub(1);
                if is_preformatting(tag_name(&rest[1..])) {
                    preformatted = preformatted.saturating_sub(1);
                }
            }
            at = end;
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let name = tag_name(rest);
            let Some(end) = tag_end(bytes, start + 1 + name.len()) else {
                break;
            };
            for (from, to) in unread_attributes(bytes, start + 1 + name.len(), end) {
                cuts.cut(from, to);
            }
            let is = |tag: &str| name.eq_ignore_ascii_case(tag.as_bytes());
            if is("plaintext") {
                break;
            }
            if is_preformatting(name) {
                preformatted += 1;
            }
            let self_closing = bytes[end - 2] == b'/';
            if !self_closing && !guard::does_not_nest(name) {
                depth += 1;
                if depth > guard::MAX_DEPTH {
                    return Lean {
                        markup: Cow::Borrowed(html),
                        too_deep: true,
                    };
                }
            }
            at = end;
            if is("svg") && !self_closing {
                // A drawing: its shapes are many elements, none of them text a reader reads.
                if let Some(close) = drawing_end(bytes, end) {
                    cuts.cut(end, close);
                    at = close;
                }
            } else if let Some(raw) = RAW_TEXT.into_iter().find(|tag| is(tag)) {
                let Some(close) = end_tag(bytes, end, raw) else {
                    break;
                };
                let content = &bytes[end..close];
                let is_code = match raw {
                    "style" => true,
                    "script" => {
                        !is_json_ld(&bytes[start..end]) && memmem::find(content, b"<!--").is_none()
                    }
                    _ => false,
                };
                if is_code {
                    cuts.cut(end, close);
                }
                at = close;
            }
        } else {
            at = start + 1;
            continue;
        }
        text_from = at;
    }
    let markup = if cuts.copied == 0 {
        Cow::Borrowed(html)
    } else {
        cuts.lean.push_str(&html[cuts.copied..]);
        Cow::Owned(cuts.lean)
    };
    Lean {
        markup,
        too_deep: false,
    }
}

/// The elements whose content the tokenizer reads as raw text, up to their end tag.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The lean page as it is built: `html` up to `copied`, less the ranges cut.
struct Cuts<'a> {
    html: &'a str,
    lean: String,
    copied: usize,
}

impl Cuts<'_> {
    /// Leaves out `html[from..to]` (`from` at or after what is copied so far).
    fn cut(&mut self, from: usize, to: usize) {
        if to <= from {
            return;
        }
        if self.lean.capacity() == 0 {
            self.lean.reserve(self.html.len());
        }
        self.lean.push_str(&self.html[self.copied..from]);
        self.copied = to;
    }

    /// Makes the text `html[from..to]` between two tags one character when it is all
    /// white space (the indentation of the markup): a browser shows any run of it as one
    /// space, and the parser would build it character by character.
    fn collapse_spaces(&mut self, from: usize, to: usize) {
        let text = &self.html.as_bytes()[from..to];
        if text.len() > 1 && text.iter().all(u8::is_ascii_whitespace) {
            self.cut(from + 1, to);
        }
    }
}

/// The name of a tag whose name starts `rest`.
fn tag_name(rest: &[u8]) -> &[u8] {
    let len = rest
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The elements inside which white space is shown as written.
fn is_preformatting(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing")
}

/// Where a comment whose text starts at `from` (after `<!--`) ends, past its `-->`; `<!-->`
/// and `<!--->` end at once.
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    memmem::find(rest, b"-->").map(|p| from + p + 3)
}

/// Where a tag whose attributes start at `from` ends, past its `>`: a `>` inside a quoted
/// attribute value does not end it.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    let mut after_equals = false;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at + 1),
            quote @ (b'"' | b'\'') if after_equals => {
                at += 1 + memchr(quote, &bytes[at + 1..])?;
                after_equals = false;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        at += 1;
    }
    None
}

/// Where the end tag `</name` of a raw text element whose content starts at `from` starts:
/// the name in any case, followed by a space, `/` or `>`.
fn end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memmem::find(&bytes[at..], b"</") {
        let start = at + offset;
        let after = start + 2 + name.len();
        if bytes
            .get(start + 2..after)
            .is_some_and(|tag| tag.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// Whether a script's start tag says its content is JSON-LD.
fn is_json_ld(start_tag: &[u8]) -> bool {
    start_tag
        .windows(b"ld+json".len())
        .any(|window| window.eq_ignore_ascii_case(b"ld+json"))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::lean_page;
    use crate::html::guard::MAX_DEPTH;

    fn lean_markup(html: &str) -> Cow<'_, str> {
        lean_page(html).markup
    }

    fn assert_untouched(pages: &[&str]) {
        for page in pages {
            assert_eq!(lean_markup(page), *page);
        }
    }

    #[test]
    fn tells_deep_pages_from_ordinary_ones() {
        let deep = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 1),
            "</div>".repeat(MAX_DEPTH + 1)
        );
        assert!(lean_page(&deep).too_deep);
        let wide = "<div><p>a<br>b<img src=x></div>".repeat(10_000);
        assert!(!lean_page(&wide).too_deep);
        assert!(!lean_page("<p>1 < 2 and <3 </p>").too_deep);
        let deep_in_text = format!("<textarea>{}</textarea>", "<div>".repeat(MAX_DEPTH + 1));
        assert!(!lean_page(&deep_in_text).too_deep);
    }

    #[test]
    fn scripts_and_styles_lose_their_code_json_ld_keeps_its_content() {
        let page = "<head><style>.nav{display:flex}</style><SCRIPT>var a = 1 > 0;</script >\
                    <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>\
                    </head><body><p>Text</p></body>";
        assert_eq!(
            lean_markup(page),
            "<head><style></style><SCRIPT></script >\
             <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>\
             </head><body><p>Text</p></body>"
        );
    }

    #[test]
    fn drawings_lose_their_shapes_unless_the_parser_would_read_html_in_them() {
        let page = "<p>Share</p><svg viewBox='0 0 24 24'><g><path d='M1 2L3 4'/></g>\
                    <svg><circle r='2'/></svg><text>1 < 2</text></svg><svg/><p>Print</p>";
        assert_eq!(
            lean_markup(page),
            "<p>Share</p><svg viewBox='0 0 24 24'></svg><svg/><p>Print</p>"
        );
        assert_untouched(&[
            // A paragraph in a drawing closes it: its text is the page's.
            "<svg><path d='M1 2'/><p>Visible text</p></svg>",
            "<svg><text>1 <2 <b>bold</b></text></svg>",
            "<svg><foreignObject><div>Caption</div></foreignObject></svg>",
            // No end tag.
            "<svg><path d='M1 2'/>",
        ]);
        // A comment keeps the drawing (its end tag may be in it); the comment's text goes.
        assert_eq!(
            lean_markup("<svg><!-- </svg> --><path/></svg>"),
            "<svg><!----><path/></svg>"
        );
    }

    #[test]
    fn attributes_no_step_reads_go_the_others_stay() {
        let page = "<img data-lazy='a > b' src=/a.jpg srcset=\"a.jpg 1x, b.jpg 2x\" alt=Map/>\
                    <a href='/x' onclick=\"track('x')\" class=more DATA-id=7>More</a>\
                    <p data-x=1>Text</p>";
        assert_eq!(
            lean_markup(page),
            "<img alt=Map/><a href='/x' class=more >More</a><p >Text</p>"
        );
    }

    #[test]
    fn white_space_between_tags_is_one_character_but_in_preformatted_text() {
        let page = "<ul>\n    <li>One</li>\n    <li>Two  three</li>\n</ul>\
                    <pre>\n  <b>x</b>\n  <i>y</i></pre>  <p>a</p>";
        assert_eq!(
            lean_markup(page),
            "<ul>\n<li>One</li>\n<li>Two  three</li>\n</ul>\
             <pre>\n  <b>x</b>\n  <i>y</i></pre> <p>a</p>"
        );
    }

    #[test]
    fn comments_lose_their_text_and_hide_no_tag() {
        assert_eq!(
            lean_markup("<!-- <script> --><p>a</p><script>x()</script"),
            "<!----><p>a</p><script>x()</script"
        );
        assert_untouched(&["<!----><p>a</p>", "<!--><p>a</p>", "<!---><p>a</p>"]);
    }

    #[test]
    fn what_is_not_a_script_tag_stays() {
        assert_untouched(&[
            // In an attribute value, raw text elements.
            "<div title='<script>'>a</div><p>b</p></script>",
            "<textarea><script>a</textarea><p>b</p></script>",
            "<title>News <style></title><p>Text</p></style>",
            "<noscript><script>a</script></noscript>",
            // A script escaped with `<!--` may end later than its first end tag.
            "<script><!-- document.write('<script></script>') --></script>",
            // No end tag: the rest of the page is the script's.
            "<p>a</p><script>var a = 1;",
            "<plaintext><script>a</script>",
            "<p>1 < 2</p>",
            "",
        ]);
    }

    /// Every node but the code of scripts and style sheets and what drawings hold, in
    /// document order, with the attributes that are read; white space between tags as one
    /// space.
    fn nodes(html: &str) -> Vec<String> {
        scraper::Html::parse_document(html)
            .tree
            .nodes()
            .filter(|node| {
                !node
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"))
            })
            .filter_map(|node| match node.value() {
                scraper::Node::Element(element) => {
                    let read: Vec<String> = element
                        .attrs()
                        .filter(|(name, _)| !super::attributes::is_unread(name.as_bytes()))
                        .map(|(name, value)| format!(" {name}={value:?}"))
                        .collect();
                    Some(format!("<{}{}>", element.name(), read.concat()))
                }
                scraper::Node::Text(text) => {
                    let parent = node.parent()?.value().as_element()?.name();
                    // White space between tags is collapsed to one character.
                    let blank = text.trim().is_empty() && parent != "pre";
                    let text = if blank { " " } else { text };
                    (!matches!(parent, "script" | "style")).then(|| text.to_string())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_page_parses_the_same_without_its_code() {
        let page = "<html><head><title>Xi to visit Moscow</title>\
                    <script>if (a<b) { document.title = '</p>'; }</script>\
                    <style>p > b { color: red }</style></head><body>\
                    <p>Xi Jinping will make a state visit to Russia next week.</p>\
                    <script>track('<div>');</script><p>The Kremlin confirmed it.</p></body></html>";
        let lean = lean_markup(page);
        assert!(lean.len() < page.len());
        assert_eq!(nodes(&lean), nodes(page));
    }

    #[test]
    fn every_fixture_page_parses_the_same_without_its_code() {
        use std::io::Read;
        let mut folders = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/html"
        ))];
        let mut pages = 0;
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("the fixtures folder") {
                let path = entry.expect("a fixture").path();
                let name = path.to_string_lossy().into_owned();
                let mut bytes = Vec::new();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                } else if name.ends_with(".html.gz") {
                    let gz = std::fs::read(&path).expect("a fixture page");
                    flate2::read::GzDecoder::new(&gz[..])
                        .read_to_end(&mut bytes)
                        .expect("a gzip file");
                } else if name.ends_with(".html") {
                    bytes = std::fs::read(&path).expect("a fixture page");
                } else {
                    continue;
                }
                let page = crate::decode::decode_html(&bytes, None).text;
                assert_eq!(nodes(&lean_markup(&page)), nodes(&page), "{name}");
                pages += 1;
            }
        }
        assert!(pages >= 20, "{pages} fixture pages");
    }
}
