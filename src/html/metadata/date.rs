//! Dates as pages write them ("2019-10-19T08:00:00+02:00", "19.10.2019", "October 19,
//! 2019", "4 de mayo de 2022", "2012年06月04日") read as ISO 8601 calendar dates.

use std::sync::LazyLock;

use regex::Regex;

/// Month names in the languages most scraped (en, de, fr, es, pt, it), lowercase. A
/// shortened name ("Sept.", "févr.") counts when every month it could start agrees.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12),
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("mai", 5), ("juni", 6),
    ("juli", 7), ("oktober", 10), ("dezember", 12),
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7),
    ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7),
    ("setembro", 9), ("outubro", 10), ("dezembro", 12),
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
];

/// Year first, with `-`, `/` or `.` between the parts (ISO 8601 and its variants), or as
/// eight digits ("20191019").
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})(?:([-/.])(\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))(?:\b|T|_)")
        .expect("valid regex")
});
/// Day first, as most of Europe writes it ("19.10.2019", "19/10/2019").
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").expect("valid regex"));
/// Chinese and Japanese: "2012年06月04日".
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("valid regex")
});
/// "19 October 2019", "19. Oktober 2019", "4 de mayo de 2022".
static DAY_MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,})\.?,?\s+(?:de\s+)?(\d{4})\b")
        .expect("valid regex")
});
/// "October 19, 2019", "Oct 19th 2019".
static MONTH_NAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("valid regex")
});

/// The calendar date in `text` as `YYYY-MM-DD`, or `None` when there is no date that exists
/// (a month 13 or a 31 April is not one).
///
/// ```text
/// "2019-10-19T08:00:00+02:00" → 2019-10-19      "Sat, 19 Oct 2019 10:00 GMT" → 2019-10-19
/// "19.10.2019"                → 2019-10-19      "October 19th, 2019"         → 2019-10-19
/// "10/19/2019"                → 2019-10-19      "last Tuesday"               → None
/// ```
///
/// Numbers with slashes are read day first unless the second number cannot be a month.
pub(super) fn iso_date(text: &str) -> Option<String> {
    if let Some(c) = YEAR_FIRST.captures(text) {
        let (month, day) = match (c.get(3), c.get(4)) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (&c[5], &c[6]),
        };
        if let Some(date) = checked(&c[1], month, day) {
            return Some(date);
        }
    }
    if let Some(c) = CJK.captures(text) {
        return checked(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = DAY_MONTH_NAME.captures(text)
        && let Some(month) = month_number(&c[2])
    {
        return checked(&c[3], &month.to_string(), &c[1]);
    }
    if let Some(c) = MONTH_NAME_DAY.captures(text)
        && let Some(month) = month_number(&c[1])
    {
        return checked(&c[3], &month.to_string(), &c[2]);
    }
    let c = DAY_FIRST.captures(text)?;
    checked(&c[3], &c[2], &c[1]).or_else(|| checked(&c[3], &c[1], &c[2]))
}

/// The month a name or its abbreviation stands for, in any language of [`MONTHS`].
fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let mut found = None;
    for &(month_name, number) in MONTHS {
        if month_name.starts_with(&name) {
            if found.is_some_and(|f| f != number) {
                return None;
            }
            found = Some(number);
        }
    }
    found
}

/// `YYYY-MM-DD` when the three numbers make a date between 1900 and 2100.
fn checked(year: &str, month: &str, day: &str) -> Option<String> {
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    ((1900..=2100).contains(&year) && (1..=days_in_month).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn reads_the_formats_pages_use() {
        for (text, date) in [
            ("2019-10-19T08:00:00+02:00", "2019-10-19"),
            ("2019/10/19", "2019-10-19"),
            ("20191019", "2019-10-19"),
            ("Sat, 19 Oct 2019 10:00:00 GMT", "2019-10-19"),
            ("19.10.2019, 14:30 Uhr", "2019-10-19"),
            ("19. Oktober 2019", "2019-10-19"),
            ("October 19th, 2019", "2019-10-19"),
            ("Sept. 9, 2019", "2019-09-09"),
            ("4 de mayo de 2022", "2022-05-04"),
            ("10 févr. 2020", "2020-02-10"),
            ("2012年06月04日", "2012-06-04"),
            ("10/19/2019", "2019-10-19"),
            ("03/04/2019", "2019-04-03"),
        ] {
            assert_eq!(iso_date(text).as_deref(), Some(date), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "last Tuesday",
            "2019-13-01",
            "2019-04-31",
            "1200-01-01",
            "juil",
            "Version 1.2.3",
        ] {
            assert_eq!(iso_date(text), None, "{text}");
        }
    }

    #[test]
    fn an_ambiguous_abbreviation_is_no_month() {
        // "jui" starts juin (6) and juillet (7).
        assert_eq!(iso_date("3 jui 2020"), None);
    }
}
