//! `decode_html` on real pages in legacy and mixed encodings (`fixtures/html/charset/`), and
//! on arbitrary bytes.

use encoding_rs::{Encoding, GBK, UTF_8, WINDOWS_1252};
use proptest::prelude::*;
use unscrape::decode::{Source, decode_html};

fn decode_fixture(name: &str) -> (String, &'static Encoding, Source) {
    let path = format!(
        "{}/fixtures/html/charset/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    let decoded = decode_html(&bytes, None);
    assert!(
        !decoded.text.contains('\u{fffd}'),
        "{name}: U+FFFD in the text"
    );
    (decoded.text.into_owned(), decoded.encoding, decoded.source)
}

#[test]
fn latin1_page_follows_its_meta_tag() {
    let (text, encoding, source) = decode_fixture("next2games.de.anno.html");
    assert_eq!((encoding, source), (WINDOWS_1252, Source::MetaTag));
    assert!(text.contains("Mit Anno 1800 veröffentlichen"));
    assert!(text.contains("hatten wir die Möglichkeit"));
}

#[test]
fn windows_1252_page_follows_its_meta_tag() {
    let (text, encoding, source) = decode_fixture("auto-presse.de-minisuv.html");
    assert_eq!((encoding, source), (WINDOWS_1252, Source::MetaTag));
    assert!(text.contains("Bußgeldrechner"));
    assert!(text.contains("das gegenüber dem Yaris"));
}

#[test]
fn gb2312_page_declared_after_1024_bytes_is_read_as_gbk() {
    let (text, encoding, source) = decode_fixture("archive.org.he.xinhuanet.com.25340717.html");
    assert_eq!((encoding, source), (GBK, Source::MetaTag));
    assert!(text.contains("<title>话剧《约定无期限》河北各市巡演结束</title>"));
    assert!(text.contains("河北日报"));
}

#[test]
fn utf8_page_with_a_stray_latin1_byte_keeps_both() {
    let (text, encoding, source) = decode_fixture("maescot.de.schafskunde.html");
    assert_eq!((encoding, source), (UTF_8, Source::MixedUtf8));
    assert!(text.contains("Kleine Schafskunde | Mäscot das Schaf"));
    assert!(text.contains("/* Mäscot Breit */"));
}

proptest! {
    #[test]
    fn any_bytes_decode_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        content_type in proptest::option::of("[ -~]{0,40}"),
    ) {
        decode_html(&bytes, content_type.as_deref());
    }

    #[test]
    fn any_meta_soup_decodes_without_panic(parts in proptest::collection::vec(
        prop_oneof![
            Just("<meta "), Just("charset="), Just("http-equiv=content-type "),
            Just("content=\"text/html; charset="), Just("\""), Just("'"), Just(">"),
            Just("<!--"), Just("-->"), Just("</head>"), Just("<body>"), Just("latin1"),
            Just("utf-16"), Just("sjis"), Just("iso-2022-jp"), Just("\u{e9}"), Just("<a "),
            Just(" "), Just("\u{1b}$B"),
        ],
        0..40,
    )) {
        let mut bytes = parts.concat().into_bytes();
        bytes.extend_from_slice(b"caf\xe9 \x81\x40 \xe2\x80");
        decode_html(&bytes, None);
    }

    /// Whatever a page declares, non-ASCII text that is valid UTF-8 is read as UTF-8.
    #[test]
    fn valid_utf8_text_comes_back_unchanged(
        label in prop_oneof![Just("iso-8859-1"), Just("windows-1252"), Just("gb2312"),
                             Just("shift_jis"), Just("utf-8"), Just("nonsense")],
        body in "\\PC*[\u{80}-\u{10ffff}]\\PC*",
        content_type in proptest::option::of(Just("text/html; charset=koi8-r")),
    ) {
        let page = format!("<meta charset={label}>{body}");
        let decoded = decode_html(page.as_bytes(), content_type);
        prop_assert_eq!(decoded.text.as_ref(), page.as_str());
        prop_assert_eq!(decoded.encoding, UTF_8);
    }
}
