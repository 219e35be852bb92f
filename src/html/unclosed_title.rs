//! Pages whose `<title>` has no end tag. The parser reads everything after `<title>` as the
//! title's text, up to the end of the file: the page would have no body. Such pages are
//! parsed again with the title ended where its first tag starts.
//!
//! ```text
//! <title>Bush to Saudis: More Oil <script>…</script></head><body><h1>…
//!   →  <title>Bush to Saudis: More Oil </title><script>…</script></head><body><h1>…
//! ```

use scraper::Html;

/// `html` parsed; parsed again with its title ended if it has no end tag.
pub(super) fn parse(html: &str) -> Html {
    let page = Html::parse_document(html);
    if !title_swallows_markup(&page) {
        return page;
    }
    match with_title_ended(html) {
        Some(fixed) => Html::parse_document(&fixed),
        None => page,
    }
}

/// Whether the page's first `<title>` holds markup as text.
fn title_swallows_markup(page: &Html) -> bool {
    page.tree
        .nodes()
        .find(|node| {
            node.value()
                .as_element()
                .is_some_and(|e| e.name() == "title")
        })
        .is_some_and(|title| {
            title
                .children()
                .filter_map(|child| child.value().as_text())
                .any(|text| text.contains('<'))
        })
}

/// `html` with `</title>` before the first `<` after the title's start tag, if the page
/// has a `<title>` start tag and no end tag.
fn with_title_ended(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    if has_title_end_tag(&lower) {
        return None;
    }
    let start = lower.find("<title")?;
    let text = start + lower[start..].find('>')? + 1;
    let end = text + lower[text..].find('<')?;
    Some(format!("{}</title>{}", &html[..end], &html[end..]))
}

/// Whether lowercased markup has a `</title>` end tag (not `</titlevalue>`, which the
/// parser takes for another element's).
fn has_title_end_tag(lower: &str) -> bool {
    lower.match_indices("</title").any(|(at, tag)| {
        lower
            .as_bytes()
            .get(at + tag.len())
            .is_none_or(|&next| next == b'>' || next == b'/' || next.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::extract;

    #[test]
    fn a_title_without_end_tag_ends_at_the_next_tag() {
        let page = "<html><head><title>Bush to Saudis: More Oil Please\n\
                    <script>var x = 1;</script></head><body><h1>More oil</h1>\
                    <p>The president asked the Saudi king on Tuesday to raise output, again.</p>\
                    </body></html>";
        assert_eq!(
            extract(page),
            "More oil\n\nThe president asked the Saudi king on Tuesday to raise output, again."
        );
    }

    #[test]
    fn titles_with_end_tags_are_left_alone() {
        assert_eq!(with_title_ended("<title>a < b</title><p>x</p>"), None);
        assert_eq!(
            with_title_ended("<title>News</titlevalue=1 --><p>x</p>").as_deref(),
            Some("<title>News</title></titlevalue=1 --><p>x</p>")
        );
        let page = parse("<title>a < b</title><p>Text</p>");
        assert!(!title_swallows_markup(&Html::parse_document(
            "<title>a</title>"
        )));
        assert_eq!(page.root_element().text().collect::<String>(), "a < bText");
    }
}
