//! The title: the one the page declares (JSON-LD, meta tags, `<title>`), without the site's
//! name, checked against the headline readers see (`<h1>`).
//!
//! A `<title>` (and often `og:title`) carries the site's name before or after the headline:
//! "Plejaden, M45 | Astronomie.de". A part is cut only on evidence: the other part matches
//! the site name or the canonical URL's domain, or the kept part is one of the page's
//! `<h1>`s. "Coronavirus: New York ramps up mass burials" has no such evidence and stays
//! whole. Then the `<h1>` that tells the same headline wins, since it is what the reader
//! sees and editors often give search engines a reworded one.

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

/// Share of distinct words two titles have in common (Jaccard) from which they tell the
/// same headline in other words: "Michael Bloomberg is having to answer questions about his
/// past" and "As his first debate nears, Bloomberg is having to answer about his past".
const SAME_HEADLINE: f64 = 0.5;

impl TitleEvidence<'_> {
    /// The page's title from the declared titles, most trusted first: the first that is not
    /// the site's bare name, with the site name cut, replaced by an `<h1>` telling the same
    /// headline (one that is the declared title plus a kicker, date or subtitle is not
    /// taken). With no declared title, the first `<h1>` that is not the site's name.
    pub(super) fn choose(&self, declared: impl Iterator<Item = String>) -> Option<String> {
        let declared: Vec<String> = declared.map(|t| self.strip(&t)).collect();
        let Some(declared) = declared.iter().find(|t| !self.is_site(t)).cloned() else {
            let headline = self
                .h1
                .iter()
                .find(|h| !self.is_site(h) && h.chars().any(char::is_alphabetic));
            return headline.or(declared.first()).cloned();
        };
        let wanted = comparable(&declared);
        for h1 in self.h1 {
            let headline = comparable(h1);
            if headline.is_empty() {
                continue;
            }
            if headline == wanted {
                // The same words: the visible typography ("‘tranqui’", "–") is the page's.
                return Some(h1.clone());
            }
            if headline.contains(&wanted) {
                break;
            }
            if (wanted.contains(&headline) && headline.len() * 3 >= wanted.len())
                || word_overlap(h1, &declared) >= SAME_HEADLINE
            {
                return Some(h1.clone());
            }
        }
        Some(declared)
    }

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
            if comparable(left).is_empty() || comparable(right).is_empty() {
                continue;
            }
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
    pub(super) fn is_site(&self, part: &str) -> bool {
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

    /// The registered name in the URL's host: "astronomie" for https://www.astronomie.de/…,
    /// "bundeskanzleramt" for https://www.bundeskanzleramt.gv.at/…, "wsl" for
    /// https://neubau.wsl.ch/….
    fn domain(&self) -> Option<String> {
        const SECOND_LEVEL: &[&str] = &[
            "co", "com", "net", "org", "gov", "gv", "edu", "ac", "or", "ne", "go",
        ];
        let host = self
            .url?
            .split("://")
            .nth(1)?
            .split(['/', ':', '?', '#'])
            .next()?;
        let mut labels: Vec<&str> = host.split('.').collect();
        labels.pop();
        while labels.len() > 1 && labels.last().is_some_and(|l| SECOND_LEVEL.contains(l)) {
            labels.pop();
        }
        labels.pop().filter(|l| *l != "www").map(comparable)
    }
}

/// Distinct lowercase words shared by `a` and `b`, over the distinct words of both.
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
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
