//! Which files a bulk run reads, in which format: files and folders (walked recursively,
//! in name order), `-` for stdin, sharded across the jobs of an array.
//!
//! ```
//! use std::path::PathBuf;
//! use unscrape::bulk::{Format, discover, shard};
//!
//! let folder = tempfile::tempdir().unwrap();
//! std::fs::create_dir(folder.path().join("2024")).unwrap();
//! for name in ["b.txt", "a.jsonl", "2024/c.jsonl.gz", "notes.md"] {
//!     std::fs::write(folder.path().join(name), "").unwrap();
//! }
//! let inputs = discover(&[folder.path().to_path_buf()], None).unwrap();
//! let names: Vec<_> = inputs.iter().map(|i| i.relative.to_str().unwrap()).collect();
//! assert_eq!(names, ["2024/c.jsonl.gz", "a.jsonl", "b.txt"]); // notes.md is not a dump
//! assert_eq!(inputs[0].format, Some(Format::Jsonl));
//! assert_eq!(shard(inputs, 1, 2).unwrap().len(), 1); // the second of two shards: a.jsonl
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// How a file holds its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One document per file.
    Text,
    /// One JSON record per line, the text in a field (`text` by default).
    Jsonl,
    /// One HTML page per file: its article is extracted, then cleaned.
    Html,
    /// A WARC file (Common Crawl): each HTML response is a page, with its URL and date.
    Warc,
}

/// How a file is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// One input of a run.
#[derive(Debug, Clone)]
pub struct Input {
    pub source: Source,
    /// The path under the folder it was found in (its file name for a file given by
    /// name): where its output goes when the run writes into a folder.
    pub relative: PathBuf,
    /// The format its name says, if it says one (stdin and unknown extensions are sniffed
    /// when opened).
    pub format: Option<Format>,
}

impl Input {
    /// The name to show in messages, rejects and ids.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Stdin => "stdin".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The size of the file in bytes (compressed), when known.
    pub fn size(&self) -> Option<u64> {
        match &self.source {
            Source::Stdin => None,
            Source::File(path) => path.metadata().ok().map(|m| m.len()),
        }
    }
}

/// The inputs named by `paths`: `-` is stdin, a folder gives every `.txt`, `.jsonl`,
/// `.ndjson`, `.html`/`.htm` and `.warc` file under it (also `.gz`/`.zst`-compressed, hidden files skipped) in name
/// order, a file is taken whatever its name. `format` overrides every input's format.
/// A path that does not exist is an error: nothing is read.
pub fn discover(paths: &[PathBuf], format: Option<Format>) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            inputs.push(Input {
                source: Source::Stdin,
                relative: PathBuf::from("stdin"),
                format,
            });
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)
                .with_context(|| format!("cannot list input folder {}", path.display()))?;
            found.sort();
            for file in found {
                let relative = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
                inputs.push(Input {
                    format: format.or_else(|| format_by_name(&file)),
                    source: Source::File(file),
                    relative,
                });
            }
        } else {
            if !path.exists() {
                bail!("input {} does not exist", path.display());
            }
            let relative = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
            inputs.push(Input {
                format: format.or_else(|| format_by_name(path)),
                source: Source::File(path.clone()),
                relative,
            });
        }
    }
    Ok(inputs)
}

/// The `index`-th of `count` deterministic slices of `inputs` (0-based: inputs `index`,
/// `index + count`, ...), the rule of datatrove's `files[rank::world_size]`.
pub fn shard(inputs: Vec<Input>, index: usize, count: usize) -> Result<Vec<Input>> {
    if count == 0 || index >= count {
        bail!("--shard {index}/{count}: the shard index counts from 0 and must be below the count");
    }
    Ok(inputs.into_iter().skip(index).step_by(count).collect())
}

/// The compression a file name says (`.gz`, `.zst`), and the name without that suffix.
pub fn compression_by_name(path: &Path) -> (Compression, &Path) {
    let compression = match path.extension().and_then(|e| e.to_str()) {
        Some("gz") => Compression::Gzip,
        Some("zst") => Compression::Zstd,
        _ => return (Compression::None, path),
    };
    (compression, path.file_stem().map_or(path, Path::new))
}

/// The format a file name says, looking through a compression suffix.
pub fn format_by_name(path: &Path) -> Option<Format> {
    let (_, name) = compression_by_name(path);
    match name.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => Some(Format::Jsonl),
        Some("txt" | "text") => Some(Format::Text),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("warc") => Some(Format::Warc),
        _ => None,
    }
}

/// Adds the dump files under `folder` to `found`.
fn walk(folder: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, found)?;
        } else if format_by_name(&path).is_some() {
            found.push(path);
        }
    }
    Ok(())
}
