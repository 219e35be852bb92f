//! Decodes every devdata HTML page with `decode_bytes` (the plain-text decoder) and with
//! `decode_html`, and counts pages per encoding chosen and pages with U+FFFD the source did
//! not have.
//!
//!     cargo run --release --example decode_devdata [DEVDATA_DIR]
//!
//! DEVDATA_DIR defaults to `../shared/devdata` beside the crate (not in the repository: its
//! licences do not all allow copying); when it is missing, the tool says so and exits 0.
//!
//! "U+FFFD the source did not have": a page whose bytes are valid UTF-8 has as many U+FFFD
//! as its bytes spell; any other page has none. Every page that is not valid UTF-8 is listed
//! with its declared charset, the manifest's detected charset and the choice made here, and
//! so is every page the two decoders read differently.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use unscrape::decode::{decode_bytes, decode_html};

const DATASETS: [&str; 6] = [
    "readability",
    "trafilatura",
    "l3s-gn1",
    "cleaneval",
    "cleanportaleval",
    "dragnet",
];

fn main() -> std::io::Result<()> {
    let root = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devdata"),
        PathBuf::from,
    );
    if !root.is_dir() {
        eprintln!("no {} here: nothing to measure", root.display());
        return Ok(());
    }
    let mut chosen: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pages, mut fffd_before, mut fffd_after, mut fffd_added) = (0, 0, 0, 0);
    let mut differ = Vec::new();
    let mut not_utf8 = Vec::new();
    for dataset in DATASETS {
        let manifest = read_manifest(&root.join(dataset).join("MANIFEST.tsv"))?;
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dataset))?
            .map(|entry| entry.map(|entry| entry.path()))
            .collect::<Result<_, _>>()?;
        paths.retain(|path| path.extension().is_some_and(|ext| ext == "html"));
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path)?;
            let id = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let in_source = std::str::from_utf8(&bytes).map_or(0, count_fffd);
            let plain = decode_bytes(&bytes);
            let before = count_fffd(&plain);
            let decoded = decode_html(&bytes, None);
            if plain != decoded.text {
                differ.push(format!("{dataset}/{id} ({:?})", decoded.source));
            }
            let after = count_fffd(&decoded.text);
            pages += 1;
            fffd_before += usize::from(before > in_source);
            fffd_after += usize::from(after > in_source);
            *chosen
                .entry(format!("{} {:?}", decoded.encoding.name(), decoded.source))
                .or_default() += 1;
            if after > in_source {
                fffd_added += 1;
                println!("U+FFFD added: {dataset}/{id}: {after} (source {in_source})");
            }
            if std::str::from_utf8(&bytes).is_err() {
                let (declared, detected) = manifest.get(&id).cloned().unwrap_or_default();
                not_utf8.push(format!(
                    "{dataset}/{id}\t{declared}\t{detected}\t{} {:?}\t{after}",
                    decoded.encoding.name(),
                    decoded.source
                ));
            }
        }
    }
    println!("\npages not valid UTF-8 (declared, manifest detected, chosen here, U+FFFD):");
    for line in &not_utf8 {
        println!("  {line}");
    }
    println!("\nencoding and evidence chosen by decode_html:");
    for (choice, count) in &chosen {
        println!("  {count:5}  {choice}");
    }
    println!("\npages decode_bytes and decode_html read differently:");
    for page in &differ {
        println!("  {page}");
    }
    println!(
        "\n{pages} pages, {} not valid UTF-8. Pages with U+FFFD the source did not have: \
         decode_bytes {fffd_before}, decode_html {fffd_after}.",
        not_utf8.len()
    );
    assert_eq!(fffd_after, fffd_added);
    Ok(())
}

fn count_fffd(text: &str) -> usize {
    text.matches('\u{fffd}').count()
}

/// id → (declared charset, detected charset) from a MANIFEST.tsv.
fn read_manifest(path: &Path) -> std::io::Result<HashMap<String, (String, String)>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let field = |i: usize| fields.get(i).copied().unwrap_or_default().to_string();
            Some((fields.first()?.to_string(), (field(4), field(5))))
        })
        .collect())
}
