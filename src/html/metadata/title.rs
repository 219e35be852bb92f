//! Titles without the site's name: "Plejaden, M45 | Astronomie.de" → "Plejaden, M45".
//!
//! A `<title>` (and often `og:title`) carries the site's name before or after the headline.
//! A part is cut only on evidence: the other part matches the site name or the canonical
//! URL's domain, or the kept part is one of the page's `<h1>`s. "Coronavirus: New York
//! ramps up mass burials" has no such evidence and stays whole.

use super::value::comparable;

/// Separators between a headline and a site name, widest first so " - " inside " -- " is
/// not taken for one. A colon only ever follows a site name ("Site: Title").
const SEPARATORS: &[&str] = &[
    " | ", " || ", " :: ", " - ", " – ", " — ", " · ", " • ", " » ", " « ", " / ", " ~ ",
];

/// What a title is compared with: the site name, the canonical URL's host, the `<h1>`s.
pub(super) struct TitleEvidence<'a> {
    pub site_name: Option<&'a str>,
    pub url: Option<&'a str>,
    pub h1: &'a [String],
}

impl TitleEvidence<'_> {
    /// `title` with a site-name prefix or suffix cut off, when the evidence supports it.
    pub(super) fn strip(&self, title: &str) -> String {
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
        if self.is_h1(title) {
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
        {
            return Some(rest);
        }
        for &(left, right) in &splits {
            if self.is_site(right) || self.is_h1(left) {
                return Some(left.trim());
            }
            if self.is_site(left) || self.is_h1(right) {
                return Some(right.trim());
            }
        }
        None
    }

    /// Whether `part` is one of the page's `<h1>`s.
    fn is_h1(&self, part: &str) -> bool {
        let part = comparable(part);
        !part.is_empty() && self.h1.iter().any(|h| comparable(h) == part)
    }

    /// Whether `part` names the site: it matches the site name (one containing the other,
    /// when the contained one is at least half as long), or the domain of the URL.
    fn is_site(&self, part: &str) -> bool {
        let part = comparable(part);
        if part.len() < 2 {
            return false;
        }
        let similar = |name: &str| {
            let name = comparable(name);
            let (short, long) = if name.len() <= part.len() {
                (&name, &part)
            } else {
                (&part, &name)
            };
            !short.is_empty() && long.contains(short.as_str()) && short.len() * 2 >= long.len()
        };
        self.site_name.is_some_and(similar)
            || self
                .domain()
                .is_some_and(|d| part.contains(&d) || similar(&d))
    }

    /// The registered name in the URL's host: "astronomie" for https://www.astronomie.de/….
    fn domain(&self) -> Option<String> {
        let host = self
            .url?
            .split("://")
            .nth(1)?
            .split(['/', ':', '?', '#'])
            .next()?;
        let labels: Vec<&str> = host.split('.').collect();
        let name = labels.len().checked_sub(2).map(|i| labels[i])?;
        (name.len() >= 3).then(|| comparable(name))
    }
}

#[cfg(test)]
mod tests {
    use super::TitleEvidence;

    fn evidence<'a>(
        site_name: Option<&'a str>,
        url: Option<&'a str>,
        h1: &'a [String],
    ) -> TitleEvidence<'a> {
        TitleEvidence { site_name, url, h1 }
    }

    #[test]
    fn cuts_a_suffix_or_prefix_naming_the_site() {
        let e = evidence(Some("Astronomie.de"), None, &[]);
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
        );
        assert_eq!(
            e.strip("Junge Lenker schrotten Corvette - Telebasel"),
            "Junge Lenker schrotten Corvette"
        );
    }

    #[test]
    fn keeps_the_part_that_is_the_h1() {
        let h1 = ["Warum wir jetzt Demut brauchen".to_owned()];
        let e = evidence(None, None, &h1);
        assert_eq!(
            e.strip("Warum wir jetzt Demut brauchen - Gastbeitrag | Cicero"),
            "Warum wir jetzt Demut brauchen"
        );
    }

    #[test]
    fn leaves_a_title_without_evidence_whole() {
        let e = evidence(Some("BBC News"), None, &[]);
        assert_eq!(
            e.strip("Coronavirus: New York ramps up mass burials"),
            "Coronavirus: New York ramps up mass burials"
        );
        assert_eq!(
            e.strip("Dortmund - Gladbach live sehen!"),
            "Dortmund - Gladbach live sehen!"
        );
    }
}
