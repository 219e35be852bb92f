//! Cutting the site's name off a declared title: "Plejaden, M45 | Astronomie.de" →
//! "Plejaden, M45".
//!
//! A part is cut only on evidence: the other part names the site (its name or the URL's
//! domain), or the kept part is one of the page's headings (an `<h2>` only when it is the
//! longer part) or its URL's slug. When both
//! parts are headings (a blog theme's `<h1>` with the blog's name, the post's `<h2>`), the
//! first is kept: a site's name more often follows the headline than leads it.

use super::TitleEvidence;
use crate::html::metadata::value::comparable;

/// Separators between a headline and a site name, widest first so " - " inside " -- " is
/// not taken for one. A colon only ever follows a site name ("Site: Title").
pub(super) const SEPARATORS: &[&str] = &[
    " | ", " || ", " :: ", " - ", " – ", " — ", " · ", " • ", " » ", " « ", " / ", " ~ ",
];

impl TitleEvidence<'_> {
    /// `title` with a site-name prefix or suffix cut off, when the evidence supports it. A
    /// title that is the site's name as a whole is left whole, and a kept part has letters
    /// ("23.05.2011" is no headline).
    pub(super) fn strip(&self, title: &str) -> String {
        if self.is_only_site(title) {
            return title.to_owned();
        }
        let mut title = title.to_owned();
        // "Headline - Section - Site" takes two cuts; three bounds the work.
        for _ in 0..3 {
            match self.cut_once(&title) {
                Some(shorter) => title = shorter.to_owned(),
                None => break,
            }
        }
        title
    }

    fn cut_once<'t>(&self, title: &'t str) -> Option<&'t str> {
        if self.is_headline(title, "") {
            return None;
        }
        let mut splits: Vec<(&str, &str)> = Vec::new();
        for separator in SEPARATORS {
            if let Some((left, right)) = title.rsplit_once(separator) {
                splits.push((left, right));
            }
            if let Some((left, right)) = title.split_once(separator) {
                splits.push((left, right));
            }
        }
        if let Some((site, rest)) = title.split_once(": ")
            && self.is_site(site)
            && has_letters(rest)
        {
            return Some(rest);
        }
        for &(left, right) in &splits {
            let (left, right) = (left.trim(), right.trim());
            if !has_letters(left) || !has_letters(right) {
                continue;
            }
            if self.is_site(right) {
                return Some(left);
            }
            if self.is_site(left) {
                return Some(right);
            }
            if self.is_headline(left, right) {
                return Some(left);
            }
            if self.is_headline(right, left) {
                return Some(right);
            }
        }
        None
    }
}

/// Whether `part` holds a letter: a date or number alone is no headline.
fn has_letters(part: &str) -> bool {
    part.chars().any(char::is_alphabetic) && !comparable(part).is_empty()
}

#[cfg(test)]
mod tests {
    use super::TitleEvidence;

    fn evidence<'a>(
        site_name: Option<&'a str>,
        url: Option<&'a str>,
        h1: &'a [String],
        h2: &'a [String],
    ) -> TitleEvidence<'a> {
        TitleEvidence::new(site_name, url, h1, h2, &[])
    }

    #[test]
    fn cuts_a_suffix_or_prefix_naming_the_site() {
        let e = evidence(Some("Astronomie.de"), None, &[], &[]);
        assert_eq!(e.strip("Plejaden, M45 | Astronomie.de"), "Plejaden, M45");
        assert_eq!(e.strip("Astronomie.de: Plejaden, M45"), "Plejaden, M45");
        assert_eq!(
            e.strip("Plejaden, M45 - Deep Sky - Astronomie.de"),
            "Plejaden, M45 - Deep Sky"
        );
    }

    #[test]
    fn the_domain_names_the_site_when_no_name_is_given() {
        let e = evidence(
            None,
            Some("https://www.telebasel.ch/2019/10/19/junge-lenker"),
            &[],
            &[],
        );
        assert_eq!(
            e.strip("Junge Lenker schrotten Corvette - Telebasel"),
            "Junge Lenker schrotten Corvette"
        );
    }

    #[test]
    fn a_short_domain_inside_a_longer_part_is_not_the_site() {
        // dw.com (trafilatura evaluation set): "DW" is the site, the date is no headline.
        let h1 = ["La perte des terres fertiles et les éléphants en Guinée-Conakry".to_owned()];
        let e = evidence(
            Some("DW.COM"),
            Some("https://www.dw.com/fr/la-perte-des-terres-fertiles/a-6533123"),
            &h1,
            &[],
        );
        assert_eq!(
            e.strip(
                "La perte des terres fertiles et les éléphants en Guinée-Conakry | DW | 23.05.2011"
            ),
            h1[0]
        );
    }

    #[test]
    fn keeps_the_part_that_is_a_heading() {
        let h1 = ["Warum wir jetzt Demut brauchen".to_owned()];
        let e = evidence(None, None, &h1, &[]);
        assert_eq!(
            e.strip("Warum wir jetzt Demut brauchen - Gastbeitrag | Cicero"),
            "Warum wir jetzt Demut brauchen"
        );
        // gregoryszorc.com (trafilatura evaluation set): the post's headline is an h2.
        let h2 = ["Mercurial's Journey to and Reflections on Python 3".to_owned()];
        let e = evidence(None, None, &[], &h2);
        assert_eq!(
            e.strip(
                "Gregory Szorc's Digital Home | Mercurial's Journey to and Reflections on Python 3"
            ),
            h2[0]
        );
    }

    #[test]
    fn of_two_headings_keeps_the_first() {
        // der-erfolg-gibt-recht.de (trafilatura evaluation set): the blog's name is the h1.
        let h1 = ["Liebe geht durch den Magen".to_owned()];
        let h2 = ["Rinderleber-Geschnetzeltes mit Apfel und Zwiebel".to_owned()];
        let e = evidence(None, None, &h1, &h2);
        assert_eq!(
            e.strip(
                "Rinderleber-Geschnetzeltes mit Apfel und Zwiebel | Liebe geht durch den Magen"
            ),
            h2[0]
        );
    }

    #[test]
    fn a_short_h2_is_no_evidence() {
        let h2 = ["CTV Toronto".to_owned()];
        let e = evidence(None, None, &[], &h2);
        let title = "CTV Toronto - OPP says 'enough' after 2 accused of drunk driving";
        assert_eq!(e.strip(title), title);
    }

    #[test]
    fn keeps_the_part_that_spells_the_slug() {
        let e = evidence(
            None,
            Some("https://wordsmith.org/words/maudlin.html"),
            &[],
            &[],
        );
        assert_eq!(e.strip("A.Word.A.Day - maudlin"), "maudlin");
    }

    #[test]
    fn leaves_a_title_without_evidence_whole() {
        let e = evidence(Some("BBC News"), None, &[], &[]);
        assert_eq!(
            e.strip("Coronavirus: New York ramps up mass burials"),
            "Coronavirus: New York ramps up mass burials"
        );
        assert_eq!(
            e.strip("Dortmund - Gladbach live sehen!"),
            "Dortmund - Gladbach live sehen!"
        );
    }

    #[test]
    fn leaves_the_bare_site_name_whole() {
        let site = ".:: NMB-MEDIA ::. eBay-Templates, JTL-Wawi / Eazyauction Designvorlagen";
        let e = evidence(Some(site), None, &[], &[]);
        assert_eq!(e.strip(site), site);
    }
}
