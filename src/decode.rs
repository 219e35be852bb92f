//! Bytes to text: UTF-8 when the bytes are UTF-8 (with or without a BOM), a BOM's encoding
//! when there is one, otherwise the encoding chardetng guesses.
//!
//! ```
//! // "café" written in windows-1252
//! assert_eq!(unscrape::decode::decode_bytes(b"caf\xe9 au lait"), "café au lait");
//! assert_eq!(unscrape::decode::decode_bytes("\u{feff}plain".as_bytes()), "plain");
//! ```

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// Decodes `bytes` to text, never failing: bytes no encoding explains become U+FFFD.
pub fn decode_bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    encoding.decode_without_bom_handling(bytes).0
}
