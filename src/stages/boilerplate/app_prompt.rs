//! Prompts to download a site's mobile app: "For the latest stories and breaking news
//! updates download the Nationnews apps for iOS and Android."

/// Longer lines are prose about apps, not a prompt.
const MAX_BYTES: usize = 200;

/// Whether `text` (a trimmed line) asks the reader to download an app for iOS and Android:
/// it names both platforms, an app and a download verb, in a line of at most
/// [`MAX_BYTES`].
///
/// ```text
/// "Download the Nationnews apps for iOS and Android."                  -> yes
/// "Die Sport BILD-App: Jetzt kostenlos für iOS und Android herunterladen" -> yes
/// "The app, out for iOS and Android since May, has two million users." -> no (no verb)
/// ```
pub(super) fn is_app_prompt(text: &str) -> bool {
    if text.len() > MAX_BYTES || !names_ios(text) || !text.contains("Android") {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let names_an_app = words.iter().any(|word| matches!(*word, "app" | "apps"));
    let asks = words.iter().any(|word| DOWNLOAD_VERBS.contains(word));
    names_an_app && asks
}

/// Whether `text` has "iOS": found by its rare capital O (SIMD `memchr`), which most lines
/// lack.
fn names_ios(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'O', bytes)
        .any(|at| at > 0 && bytes[at - 1] == b'i' && bytes.get(at + 1) == Some(&b'S'))
}

/// "Download" in the languages of the phrase lists.
const DOWNLOAD_VERBS: [&str; 12] = [
    "download",
    "herunterladen",
    "downloaden",
    "descarga",
    "descargue",
    "baixe",
    "téléchargez",
    "télécharger",
    "scarica",
    "pobierz",
    "скачайте",
    "get",
];

#[cfg(test)]
mod tests {
    use super::is_app_prompt;

    #[test]
    fn download_prompts() {
        for line in [
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "Die Sport BILD-App: Jetzt kostenlos für iOS und Android herunterladen",
            "Get the app for iOS and Android",
        ] {
            assert!(is_app_prompt(line), "{line}");
        }
    }

    #[test]
    fn sentences_about_apps_are_not_prompts() {
        for line in [
            "The app, out for iOS and Android since May, has two million users.",
            "Apple's iOS and Google's Android run almost every phone sold today.",
        ] {
            assert!(!is_app_prompt(line), "{line}");
        }
    }
}
