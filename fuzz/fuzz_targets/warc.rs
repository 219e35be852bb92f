//! The WARC reader on any bytes: every record is read or refused with an error, and the
//! reader always ends.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = unscrape::warc::WarcReader::new(data).with_max_record_bytes(1 << 16);
    for record in reader.take(10_000) {
        if let Ok(response) = record {
            let _ = format!("{response:?}");
        }
    }
});
