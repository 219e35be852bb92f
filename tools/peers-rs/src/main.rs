//! Runs a Rust peer extractor over a folder of HTML pages, for side-by-side comparisons with
//! unscrape (scripts/eval_html.py).
//!
//! Usage: peers-rs TOOL SRC OUT
//!   TOOL: rs-trafilatura | dom_smoothie | dom_smoothie-formatted
//!   SRC:  a folder of <id>.html or <id>.html.gz pages (read in name order)
//!   OUT:  the folder for <id>.txt, the extracted main text of each page
//!
//! rs-trafilatura: `rs_trafilatura::extract_bytes` (default options, its own encoding
//! detection), the result's `content_text`.
//! dom_smoothie: `Readability::new(html, None, None)` (default config) then `parse()`, the
//! article's `text_content`. dom_smoothie takes `&str`: the bytes are decoded as UTF-8 lossily
//! (invalid bytes become U+FFFD), so pages in other encodings (GBK, windows-1252...) lose their
//! non-ASCII text. That is the crate as a user without an encoding detector would call it.
//! Its default text mode (`TextMode::Raw`, the DOM's text content as Readability.js gives it)
//! runs the text of adjacent block elements together ("endStart") when the markup has no
//! whitespace between them. dom_smoothie-formatted: the same with
//! `Config { text_mode: TextMode::Formatted, ..Default::default() }`, which puts line breaks
//! between blocks (the figures of ../shared/devdata/README.md's peer table were measured so).
//!
//! A page whose extraction returns an error or panics gets an empty output; its id is reported
//! on stderr and the run goes on. Printed on stderr at the end: the CPU time of the extraction
//! calls alone (reading, decompressing and writing files excluded; user + system time of the
//! whole process from /proc/self/stat, 10 ms resolution), pages/s and MB/s.

use std::fs;
use std::io::Read;
use std::panic;
use std::path::Path;
use std::process::exit;

const USAGE: &str = "usage: peers-rs rs-trafilatura|dom_smoothie|dom_smoothie-formatted SRC OUT";

/// Process CPU time (user + system, all threads) in seconds, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = fs::read_to_string("/proc/self/stat").expect("read /proc/self/stat");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    let rest = &stat[stat.rfind(')').expect("malformed /proc/self/stat") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 (utime) and 15 (stime) of the line are 11 and 12 after the name and state.
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    ticks as f64 / 100.0 // USER_HZ is 100 on Linux
}

/// Reads the pages of `src`: (id, bytes) in name order; .html.gz pages are decompressed.
fn read_pages(src: &Path) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<String> = fs::read_dir(src)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html") || n.ends_with(".html.gz"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let raw = fs::read(src.join(&name)).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            if let Some(id) = name.strip_suffix(".html.gz") {
                let mut html = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut html)
                    .unwrap_or_else(|e| panic!("cannot gunzip {name}: {e}"));
                (id.to_string(), html)
            } else {
                (name.strip_suffix(".html").unwrap().to_string(), raw)
            }
        })
        .collect()
}

fn run_rs_trafilatura(html: &[u8]) -> Result<String, String> {
    rs_trafilatura::extract_bytes(html).map(|r| r.content_text).map_err(|e| e.to_string())
}

fn dom_smoothie(html: &[u8], cfg: Option<dom_smoothie::Config>) -> Result<String, String> {
    let text = String::from_utf8_lossy(html);
    let mut readability =
        dom_smoothie::Readability::new(text.as_ref(), None, cfg).map_err(|e| e.to_string())?;
    readability.parse().map(|a| a.text_content.to_string()).map_err(|e| e.to_string())
}

fn run_dom_smoothie(html: &[u8]) -> Result<String, String> {
    dom_smoothie(html, None)
}

fn run_dom_smoothie_formatted(html: &[u8]) -> Result<String, String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    dom_smoothie(html, Some(cfg))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 3 {
        eprintln!("{USAGE}");
        exit(2);
    }
    let (tool, src, out) = (args[0].as_str(), Path::new(&args[1]), Path::new(&args[2]));
    let run: fn(&[u8]) -> Result<String, String> = match tool {
        "rs-trafilatura" => run_rs_trafilatura,
        "dom_smoothie" => run_dom_smoothie,
        "dom_smoothie-formatted" => run_dom_smoothie_formatted,
        _ => {
            eprintln!("unknown tool {tool:?}\n{USAGE}");
            exit(2);
        }
    };
    let pages = read_pages(src);
    fs::create_dir_all(out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));

    // A panic is reported with its page id below, not by the default hook.
    panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    let mut texts = Vec::with_capacity(pages.len());
    let t0 = cpu_seconds();
    for (id, html) in &pages {
        let text = match panic::catch_unwind(|| run(html)) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                failures.push(format!("{id}: error: {e}"));
                String::new()
            }
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                failures.push(format!("{id}: panic: {msg}"));
                String::new()
            }
        };
        texts.push(text);
    }
    let dt = (cpu_seconds() - t0).max(1e-9);
    let _ = panic::take_hook();

    for ((id, _), text) in pages.iter().zip(&texts) {
        let path = out.join(format!("{id}.txt"));
        fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
    for f in &failures {
        eprintln!("{tool}: {f}");
    }
    let mb = pages.iter().map(|(_, h)| h.len()).sum::<usize>() as f64 / 1e6;
    let n = pages.len();
    eprintln!(
        "{tool}: {n} docs, {mb:.2} MB in {dt:.2} cpu-s: {:.0} docs/s, {:.1} MB/s, {} failed",
        n as f64 / dt,
        mb / dt,
        failures.len()
    );
}
