//! The whole default text pipeline on any string: no panic, and a second pass changes
//! nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = unscrape::clean(&text);
    let twice = unscrape::clean(&once);
    assert_eq!(once, twice, "not idempotent on {text:?}");
});
