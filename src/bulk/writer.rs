//! Writes the outcomes of a run in input order: to stdout, to one file, or to one file per
//! input in a folder; rejected records to the rejects file. A file is written under a
//! temporary name beside its target and renamed when complete, so an interrupted run never
//! leaves half a file at an output path.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use tempfile::NamedTempFile;

use super::inputs::{Compression, compression_by_name};
use super::item::{Outcome, Reject};

/// Where a run writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    /// One file; `.gz` or `.zst` at the end of its name compresses it.
    File(PathBuf),
    /// One file per input, at the input's path under the folder (its compression kept).
    Folder(PathBuf),
}

/// A writer that compresses or not.
enum Encoder<W: Write> {
    Plain(W),
    Gzip(GzEncoder<W>),
    Zstd(zstd::Encoder<'static, W>),
}

impl<W: Write> Encoder<W> {
    fn new(inner: W, compression: Compression) -> io::Result<Self> {
        Ok(match compression {
            Compression::None => Encoder::Plain(inner),
            Compression::Gzip => {
                Encoder::Gzip(GzEncoder::new(inner, flate2::Compression::default()))
            }
            Compression::Zstd => Encoder::Zstd(zstd::Encoder::new(inner, 0)?),
        })
    }

    fn finish(self) -> io::Result<W> {
        match self {
            Encoder::Plain(inner) => Ok(inner),
            Encoder::Gzip(encoder) => encoder.finish(),
            Encoder::Zstd(encoder) => encoder.finish(),
        }
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Encoder::Plain(inner) => inner.write(bytes),
            Encoder::Gzip(encoder) => encoder.write(bytes),
            Encoder::Zstd(encoder) => encoder.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Encoder::Plain(inner) => inner.flush(),
            Encoder::Gzip(encoder) => encoder.flush(),
            Encoder::Zstd(encoder) => encoder.flush(),
        }
    }
}

/// A file being written under a temporary name, renamed into place by [`Pending::finish`].
struct Pending {
    path: PathBuf,
    encoder: Encoder<BufWriter<NamedTempFile>>,
}

impl Pending {
    fn create(path: &Path) -> Result<Self> {
        let folder = folder_of(path);
        fs::create_dir_all(folder)
            .with_context(|| format!("cannot create output folder {}", folder.display()))?;
        let file = partial_file_beside(path)
            .with_context(|| format!("cannot write output {}", path.display()))?;
        let encoder = Encoder::new(
            BufWriter::with_capacity(1 << 16, file),
            compression_by_name(path).0,
        )
        .with_context(|| format!("cannot write output {}", path.display()))?;
        Ok(Pending {
            path: path.to_path_buf(),
            encoder,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.encoder
            .write_all(bytes)
            .with_context(|| format!("cannot write output {}", self.path.display()))
    }

    fn finish(self) -> Result<()> {
        let context = || format!("cannot write output {}", self.path.display());
        let file = self
            .encoder
            .finish()
            .with_context(context)?
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .with_context(context)?;
        file.persist(&self.path).with_context(context)?;
        Ok(())
    }
}

/// A new temporary file in the folder of `path`, named after it
/// (`.out.jsonl.XXXXXX.partial`): deleted when dropped, and easy to recognize if a killed
/// run leaves it behind.
fn partial_file_beside(path: &Path) -> io::Result<NamedTempFile> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(folder_of(path))
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` through a temporary file renamed into place, so `path` never
/// holds half a file.
///
/// ```
/// let folder = tempfile::tempdir().unwrap();
/// let path = folder.path().join("report.json");
/// unscrape::bulk::write_atomically(&path, b"{}\n").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"{}\n");
/// ```
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut pending = Pending::create(path)?;
    pending.write(bytes)?;
    pending.finish()
}

/// Writes outcomes where the run's output goes.
pub(super) struct Writer {
    output: Output,
    /// Each input's name for messages and its path under an output folder.
    names: Vec<String>,
    relatives: Vec<PathBuf>,
    stdout: Option<BufWriter<io::Stdout>>,
    /// The file being written: the one output file, or the current input's in a folder.
    current: Option<Pending>,
    rejects_path: PathBuf,
    rejects: Option<Pending>,
    pub bytes_written: u64,
}

impl Writer {
    pub fn new(
        output: Output,
        names: Vec<String>,
        relatives: Vec<PathBuf>,
        rejects_path: PathBuf,
    ) -> Result<Self> {
        let (stdout, current) = match &output {
            Output::Stdout => (Some(BufWriter::with_capacity(1 << 16, io::stdout())), None),
            Output::File(path) => (None, Some(Pending::create(path)?)),
            Output::Folder(_) => (None, None),
        };
        Ok(Writer {
            output,
            names,
            relatives,
            stdout,
            current,
            rejects_path,
            rejects: None,
            bytes_written: 0,
        })
    }

    /// Writes one outcome.
    pub fn write(&mut self, outcome: Outcome) -> Result<()> {
        match outcome {
            Outcome::Written { file, bytes, .. } => {
                self.bytes_written += bytes.len() as u64;
                if let Some(stdout) = &mut self.stdout {
                    return stdout.write_all(&bytes).context("cannot write to stdout");
                }
                self.file_for(file)?.write(&bytes)
            }
            Outcome::Rejected(reject) => self.reject(&reject),
            Outcome::FileEnd { file } => {
                if let Output::Folder(_) = self.output {
                    // Every input has its output file, empty when nothing was written.
                    self.file_for(file)?;
                    if let Some(pending) = self.current.take() {
                        pending.finish()?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Completes every output: flushes stdout, renames files into place. Returns the
    /// rejects file when there were rejects.
    pub fn finish(mut self) -> Result<Option<PathBuf>> {
        if let Some(stdout) = &mut self.stdout {
            stdout.flush().context("cannot write to stdout")?;
        }
        if let Some(pending) = self.current.take() {
            pending.finish()?;
        }
        match self.rejects.take() {
            Some(rejects) => {
                rejects.finish()?;
                Ok(Some(self.rejects_path))
            }
            None => Ok(None),
        }
    }

    /// The output file of input `file`.
    fn file_for(&mut self, file: usize) -> Result<&mut Pending> {
        if let Output::Folder(folder) = &self.output {
            let path = folder.join(&self.relatives[file]);
            if self
                .current
                .as_ref()
                .is_none_or(|pending| pending.path != path)
            {
                if let Some(previous) = self.current.take() {
                    previous.finish()?;
                }
                self.current = Some(Pending::create(&path)?);
            }
        }
        Ok(self
            .current
            .as_mut()
            .expect("a file output has an open file"))
    }

    fn reject(&mut self, reject: &Reject) -> Result<()> {
        if self.rejects.is_none() {
            self.rejects = Some(Pending::create(&self.rejects_path)?);
        }
        let line = serde_json::json!({
            "source": self.names[reject.file],
            "line": reject.line,
            "kind": reject.kind,
            "reason": reject.reason,
            "record": reject.record,
        });
        let rejects = self.rejects.as_mut().expect("created above");
        rejects.write(line.to_string().as_bytes())?;
        rejects.write(b"\n")
    }
}
