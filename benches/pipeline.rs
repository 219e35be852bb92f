//! Throughput of each stage alone and of the default pipeline, one thread, over the
//! devdata article dumps (`../shared/devdata/dumps/*/article`, about 10 MB, read twice
//! when there is less) or, when they are absent, over the bundled seed article repeated to
//! 10 MB.
//!
//! `cargo bench --bench pipeline` prints MB/s per stage and for the pipeline.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unscrape::stages::{Boilerplate, JoinedTokens, Quotes, Repeats, Unicode, Whitespace};
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
