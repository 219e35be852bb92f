//! The title: the one the page declares (JSON-LD, meta tags, `<title>`), without the site's
//! name, checked against the headlines readers see (`<h1>`, then `<h2>`) and the URL.
//!
//! A `<title>` (and often `og:title`) carries the site's name before or after the headline:
//! "Plejaden, M45 | Astronomie.de". A part is cut only on evidence (see [`cut`]).
//! "Coronavirus: New York ramps up mass burials" has no such evidence and stays whole.
//! Declared titles that differ around a shared headline narrow to it (see
//! [`shared_part`]). Then an `<h1>` that tells the same headline wins, since it is what the
//! reader sees and editors often give search engines a reworded one; when the declared
//! title is not the headline the URL's slug spells but an `<h1>` is, the `<h1>` wins (a
//! site that gives every page the same `<title>`); and an `<h2>` may replace a title that
//! only the `<title>` element declares.

mod cut;
mod likeness;
mod shared_part;
mod url_words;

use super::value::comparable;
use likeness::same_headline;
use url_words::{domain, folded, slug};

/// What a title is compared with: the site name, the canonical URL, the headings, and what
/// the declared titles add around each other.
pub(super) struct TitleEvidence<'a> {
    site_name: Option<&'a str>,
    url: Option<&'a str>,
    h1: &'a [String],
    h2: &'a [String],
    /// [`shared_part::decorations`] of the declared titles: names of the site or section.
    decorations: Vec<String>,
}

/// What the `<h1>`s say about a declared title.
enum Verdict<'h> {
    /// This heading tells the same headline.
    Heading(&'h str),
    /// A heading is the declared title plus a kicker, date or subtitle: keep the title.
    KeepTitle,
    /// No heading tells it.
    Unknown,
}

impl<'a> TitleEvidence<'a> {
    /// The evidence of a page with these titles `declared` (by JSON-LD, meta tags and
    /// `<title>`).
    pub(super) fn new(
        site_name: Option<&'a str>,
        url: Option<&'a str>,
        h1: &'a [String],
        h2: &'a [String],
        declared: &[String],
    ) -> Self {
        TitleEvidence {
            site_name,
            url,
            h1,
            h2,
            decorations: shared_part::decorations(declared),
        }
    }

    /// The page's title from the `declared` titles, most trusted first: the first that is
    /// not the site's bare name, with the site name cut, narrowed to the part the declared
    /// titles share, then replaced by an `<h1>` telling the same headline or spelling the
    /// URL's slug. When the only declared title is the `<title>` (`only_title_element`), the
    /// weakest source, written for a browser tab and often the same on every page, an
    /// `<h2>` telling the same headline in other words replaces it too. With no declared
    /// title, the first `<h1>` that is not the site's name.
    pub(super) fn choose(&self, declared: &[String], only_title_element: bool) -> Option<String> {
        let declared: Vec<String> = declared.iter().map(|t| self.strip(t)).collect();
        let Some(title) = declared.iter().find(|t| !self.is_site(t)) else {
            let headline = self
                .h1
                .iter()
                .find(|h| !self.is_site(h) && h.chars().any(char::is_alphabetic));
            return headline.or(declared.first()).cloned();
        };
        let title = shared_part::shared_headline(title, &declared).unwrap_or(title);
        if let Some(headline) = self.after_kicker(title) {
            return Some(headline.to_owned());
        }
        let h1 = self.h1.iter().filter(|h| !self.is_site(h));
        match same_as(title, h1) {
            Verdict::Heading(heading) => return Some(heading.to_owned()),
            Verdict::KeepTitle => return Some(title.to_owned()),
            Verdict::Unknown => {}
        }
        // An `<h2>` that is only a piece of the title ("A.Word.A.Day" of "A.Word.A.Day
        // --maudlin") is as likely the site's banner as the headline.
        let wanted = comparable(title);
        if only_title_element
            && let Some(heading) = self
                .h2
                .iter()
                .find(|h| same_headline(h, title) && !wanted.contains(&comparable(h)))
        {
            return Some(heading.clone());
        }
        if !self.spells_slug(title)
            && let Some(heading) = self.h1.iter().find(|h| self.spells_slug(h))
        {
            return Some(heading.clone());
        }
        Some(title.to_owned())
    }

    /// The headline of a title written "kicker - headline" when an `<h1>` shows the same
    /// two parts without the separator: the kicker set above the headline, as a smaller
    /// line of the heading ("Olympische Spiele in Paris - Getränke per Schiff ins
    /// Stadtzentrum", `<h1><span class="subtitle">Olympische Spiele in Paris</span>
    /// Getränke per Schiff ins Stadtzentrum</h1>` → "Getränke per Schiff ins
    /// Stadtzentrum"). An `<h1>` that keeps a separator shows one headline, and a title of
    /// three parts is left to the other rules.
    fn after_kicker<'t>(&self, title: &'t str) -> Option<&'t str> {
        let separated = |text: &str| cut::SEPARATORS.iter().any(|s| text.contains(s));
        let (kicker, headline) = cut::SEPARATORS
            .iter()
            .find_map(|separator| title.split_once(separator))?;
        let (kicker_words, headline_words) = (comparable(kicker), comparable(headline));
        if kicker_words.is_empty() || headline_words.is_empty() || separated(headline) {
            return None;
        }
        let both = kicker_words + &headline_words;
        let shown = self
            .h1
            .iter()
            .any(|h| !separated(h) && comparable(h) == both);
        shown.then_some(headline.trim())
    }

    /// Whether `part` is the headline rather than `rest`, the title's other part: it spells
    /// the URL's slug, or is one of the page's `<h1>`s, or one of its `<h2>`s and no shorter
    /// than `rest` (a short `<h2>` such as "CTV Toronto" is the site's banner as often as
    /// not).
    fn is_headline(&self, part: &str, rest: &str) -> bool {
        let words = comparable(part);
        let is_one_of = |headings: &[String]| headings.iter().any(|h| comparable(h) == words);
        !words.is_empty()
            && (self.spells_slug(part)
                || is_one_of(self.h1)
                || (is_one_of(self.h2) && words.len() >= comparable(rest).len()))
    }

    /// Whether `part`, folded as URLs spell words, is the URL's slug.
    fn spells_slug(&self, part: &str) -> bool {
        let Some(slug) = self.url.and_then(slug) else {
            return false;
        };
        let part = comparable(&folded(part));
        !part.is_empty() && part == comparable(&slug)
    }

    /// Whether `part` names the site: it matches the site name (one containing the other,
    /// when the contained one is at least half as long), or holds the domain of the URL as
    /// a third of its letters or more ("dw" is not the site in "La perte … Conakry | DW"),
    /// or is what one declared title adds around another.
    pub(super) fn is_site(&self, part: &str) -> bool {
        let part = comparable(part);
        if part.len() < 2 {
            return false;
        }
        let similar = |name: &str, share: usize| {
            let name = comparable(name);
            let (short, long) = if name.len() <= part.len() {
                (&name, &part)
            } else {
                (&part, &name)
            };
            !short.is_empty() && long.contains(short.as_str()) && short.len() * share >= long.len()
        };
        self.decorations.contains(&part)
            || self.site_name.is_some_and(|name| similar(name, 2))
            || self.url.and_then(domain).is_some_and(|d| similar(&d, 3))
    }

    /// Whether `title` is the site's name and nothing else.
    fn is_only_site(&self, title: &str) -> bool {
        self.site_name
            .is_some_and(|name| comparable(name) == comparable(title))
    }
}

/// What `headings` say about `title`: the one with the same words (its typography, such as
/// "‘tranqui’" or "–", is the page's), or one that is a large part of it, or one telling
/// the same headline in other words.
fn same_as<'h>(title: &str, headings: impl Iterator<Item = &'h String>) -> Verdict<'h> {
    let wanted = comparable(title);
    for heading in headings {
        let words = comparable(heading);
        if words.is_empty() {
            continue;
        }
        if words == wanted {
            return Verdict::Heading(heading);
        }
        if words.contains(&wanted) {
            return Verdict::KeepTitle;
        }
        if (wanted.contains(&words) && words.len() * 3 >= wanted.len())
            || same_headline(heading, title)
        {
            return Verdict::Heading(heading);
        }
    }
    Verdict::Unknown
}

#[cfg(test)]
mod tests {
    use super::TitleEvidence;

    /// The title `choose` gives for these declared titles, the `<title>` last.
    fn choose(
        site_name: Option<&str>,
        url: Option<&str>,
        h1: &[&str],
        h2: &[&str],
        declared: &[&str],
    ) -> Option<String> {
        let owned =
            |texts: &[&str]| -> Vec<String> { texts.iter().map(|t| (*t).to_owned()).collect() };
        let (h1, h2, declared) = (owned(h1), owned(h2), owned(declared));
        TitleEvidence::new(site_name, url, &h1, &h2, &declared)
            .choose(&declared, declared.len() == 1)
    }

    #[test]
    fn a_reworded_h1_wins() {
        // fincompare.de (trafilatura evaluation set).
        let h1 = "Firmenwagen: Leasing oder Finanzierung?";
        let og = "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?";
        assert_eq!(
            choose(Some("FinCompare"), None, &[h1], &[], &[og, og]).as_deref(),
            Some(h1)
        );
    }

    #[test]
    fn an_h2_replaces_only_a_bare_title_element() {
        // neubau.wsl.ch (trafilatura evaluation set).
        let h2 = "Projektwettbewerb Neubau Werkstattgebäude WSL Birmensdorf";
        let title = "Neubau Werkstattgebäude - Neubau WSL Birmensdorf";
        let found = |declared: &[&str]| choose(None, None, &[], &["Hauptinhalt", h2], declared);
        assert_eq!(found(&[title]).as_deref(), Some(h2));
        assert_eq!(found(&[title, title]).as_deref(), Some(title));
        // wordsmith.org (trafilatura evaluation set): the h2 is the site's banner.
        let title = "A.Word.A.Day --maudlin";
        assert_eq!(
            choose(None, None, &[], &["A.Word.A.Day"], &[title]).as_deref(),
            Some(title)
        );
        // embedded-videos (Readability.js test pages): a section heading is not the title.
        let title = "Embedded videos test";
        assert_eq!(
            choose(None, None, &["Lorem"], &["Videos"], &[title]).as_deref(),
            Some(title)
        );
    }

    #[test]
    fn an_h1_spelling_the_slug_beats_a_site_wide_title() {
        // rheinruhronline.de (trafilatura evaluation set).
        let url =
            "https://www.rheinruhronline.de/essen/essen2/essenwestviertel/essenwestviertel.htm";
        let declared = ["Ausflugtipps Niederrhein und Ruhrgebiet"];
        assert_eq!(
            choose(None, Some(url), &["Essen-Westviertel"], &[], &declared).as_deref(),
            Some("Essen-Westviertel")
        );
    }

    #[test]
    fn a_title_that_is_the_site_name_gives_way_to_the_h1() {
        // shop.nmb-media.de (trafilatura evaluation set).
        let site = ".:: NMB-MEDIA ::. eBay-Templates, JTL-Wawi / Eazyauction Designvorlagen";
        let h1 = "Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen";
        assert_eq!(
            choose(Some(site), None, &[h1], &[], &[site, site]).as_deref(),
            Some(h1)
        );
    }

    #[test]
    fn an_h1_that_one_title_adds_to_another_is_the_site() {
        // sibenlab.blogspot.com (trafilatura evaluation set): the blog's name is the h1.
        let og = "SibenLab privacy policy";
        let title = "privacy policy: SibenLab privacy policy";
        assert_eq!(
            choose(None, None, &["privacy policy"], &[], &[og, title]).as_deref(),
            Some(og)
        );
    }

    #[test]
    fn an_h1_with_a_kicker_keeps_the_declared_title() {
        let title = "Warum wir jetzt Demut brauchen";
        assert_eq!(
            choose(
                None,
                None,
                &["Analyse Warum wir jetzt Demut brauchen"],
                &[],
                &[title]
            )
            .as_deref(),
            Some(title)
        );
    }

    #[test]
    fn a_kicker_shown_inside_the_h1_is_not_part_of_the_headline() {
        // lebensmittelpraxis.de (trafilatura evaluation set): the h1 holds the kicker in a
        // span of its own, the title separates the two.
        let title = "Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum";
        let h1 = "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum";
        assert_eq!(
            choose(None, None, &[h1], &[], &[title]).as_deref(),
            Some("Getränke per Schiff ins Stadtzentrum")
        );
        // archive.org (same set): an h1 that keeps the dashes is one headline.
        let title = "FUTURE of HOPE - Island befreit sich von den Bankstern - der Film";
        let h1 = "FUTURE of HOPE – Island befreit sich von den Bankstern – der Film";
        assert_eq!(
            choose(None, None, &[h1], &[], &[title]).as_deref(),
            Some(h1)
        );
    }
}
