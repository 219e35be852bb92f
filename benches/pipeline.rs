//! Throughput of each stage alone and of the default pipeline, one thread, over the
//! devdata article dumps (`../shared/devdata/dumps/*/article`, about 10 MB, read twice
//! when there is less) or, when they are absent, over the bundled seed article repeated to
//! 10 MB.
//!
//! `cargo bench --bench pipeline` prints MB/s per stage and for the pipeline, and for the
//! `mojibake` stage alone on mojibake-dense text: the corpus documents with at least 3% of
//! their bytes beyond ASCII, their UTF-8 read as windows-1252 (written to
//! `target/bench-mojibake-dense.txt` so that `scripts/bench_peers.sh` can time ftfy on the
//! same text).

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unscrape::stages::{Boilerplate, JoinedTokens, Mojibake, Quotes, Repeats, Unicode, Whitespace};
use unscrape::{Pipeline, Stage, Trace};

const TARGET_BYTES: usize = 10_000_000;

fn corpus() -> Vec<String> {
    let dumps = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devdata/dumps");
    let mut documents = Vec::new();
    if let Ok(datasets) = std::fs::read_dir(&dumps) {
        let mut paths: Vec<_> = datasets
            .flatten()
            .flat_map(|dataset| {
                std::fs::read_dir(dataset.path().join("article"))
                    .into_iter()
                    .flatten()
            })
            .flatten()
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                documents.push(text);
            }
        }
    }
    if documents.is_empty() {
        eprintln!("no ../shared/devdata/dumps here: benchmarking the bundled seed article");
        documents.push(include_str!("../fixtures/seed/dw-xi-putin-scraped.txt").to_string());
    }
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for document in &documents {
            bytes += document.len();
            corpus.push(document.clone());
        }
    }
    corpus
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    eprintln!(
        "corpus: {} documents, {:.1} MB",
        corpus.len(),
        bytes as f64 / 1e6
    );
    // Load the embedded word lists before timing.
    let _ = unscrape::clean("warm up the word lists: Russiaand");

    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(Mojibake::new()),
        Box::new(Unicode::new()),
        Box::new(Quotes::ascii()),
        Box::new(JoinedTokens::new()),
        Box::new(Repeats::consecutive()),
        Box::new(Boilerplate::new()),
        Box::new(Whitespace::new()),
    ];
    for stage in &stages {
        group.bench_function(stage.name(), |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .map(|text| stage.apply(text, &mut Trace::off()).len())
                    .sum::<usize>()
            })
        });
    }
    let pipeline = Pipeline::default();
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|text| pipeline.clean(text).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let dense = mojibake_dense(&corpus);
    let dense_bytes: usize = dense.iter().map(String::len).sum();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-mojibake-dense.txt");
    let _ = std::fs::write(&path, dense.join("\n"));
    eprintln!(
        "mojibake-dense: {} documents, {:.1} MB",
        dense.len(),
        dense_bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("mojibake_dense");
    group.throughput(Throughput::Bytes(dense_bytes as u64));
    group.sample_size(10);
    let stage = Mojibake::new();
    group.bench_function("mojibake", |b| {
        b.iter(|| {
            dense
                .iter()
                .map(|text| stage.apply(text, &mut Trace::off()).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The documents of `corpus` with at least 3% of their bytes beyond ASCII, their UTF-8
/// read as windows-1252, repeated to at least 2 MB.
fn mojibake_dense(corpus: &[String]) -> Vec<String> {
    let misread: Vec<String> = corpus
        .iter()
        .filter(|text| text.bytes().filter(|b| !b.is_ascii()).count() * 33 >= text.len())
        .map(|text| {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(text.as_bytes())
                .0
                .into_owned()
        })
        .collect();
    let mut dense = Vec::new();
    let mut bytes = 0;
    while bytes < 2_000_000 && !misread.is_empty() {
        for text in &misread {
            bytes += text.len();
            dense.push(text.clone());
        }
    }
    dense
}

criterion_group!(benches, bench);
criterion_main!(benches);
