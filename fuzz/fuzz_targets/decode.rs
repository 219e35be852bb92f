//! The decoder on any bytes, with and without an HTTP Content-Type taken from the input's
//! first line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = unscrape::decode::decode_bytes(data);
    let (content_type, body) = match data.iter().position(|&b| b == b'\n') {
        Some(end) => (std::str::from_utf8(&data[..end]).ok(), &data[end + 1..]),
        None => (None, data),
    };
    let _ = unscrape::decode::decode_html(body, content_type);
});
