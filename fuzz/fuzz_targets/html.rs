//! The HTML path on any bytes: decoding, parsing, article extraction and metadata.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = unscrape::decode::decode_html(data, None);
    let article = unscrape::html::article(&decoded.text);
    let _ = unscrape::clean(&article.text);
});
