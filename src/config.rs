//! Settings of a cleaning run: defaults, an `unscrape.toml` file, command-line overrides.
//!
//! ```
//! let config: unscrape::Config = toml::from_str(r#"
//!     stages = ["unicode", "quotes", "whitespace"]
//!     quotes = "keep"
//!     dashes = "ascii"
//! "#).unwrap();
//! let pipeline = config.pipeline().unwrap();
//! assert_eq!(pipeline.clean("“Putin” — Xi\u{a0}Jinping"), "“Putin” - Xi Jinping");
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::pipeline::{Pipeline, STAGE_ORDER};
use crate::stages::{Quotes, RepeatScope, Repeats, all_stages};

/// What to do with curly quotes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum QuotePolicy {
    /// ‘ ’ “ ” and their kin become ' and ".
    #[default]
    Ascii,
    /// Quotes stay as they are.
    Keep,
}

/// What to do with dashes and ellipses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DashPolicy {
    /// – — and … stay as they are.
    #[default]
    Keep,
    /// – — ― and − become -, … becomes ...
    Ascii,
}

/// The settings of a run. Every field has a default, so an empty file is a valid config.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The stages to run (always in pipeline order); all of them when absent.
    pub stages: Option<Vec<String>>,
    /// Curly quotes: `ascii` (default) or `keep`.
    pub quotes: QuotePolicy,
    /// Dashes and ellipses: `keep` (default) or `ascii`.
    pub dashes: DashPolicy,
    /// Whether guillemets (« » ‹ ›) become ASCII quotes too.
    pub guillemets: bool,
    /// Whether the `repeats` stage runs, and which repeated paragraphs it removes:
    /// `consecutive` or `anywhere`. Off by default: see [`crate::stages::Repeats`]. Naming
    /// `repeats` in `stages` turns it on with `consecutive`.
    pub repeats: Option<RepeatScope>,
    /// The JSONL field that holds the text.
    pub text_field: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            stages: None,
            quotes: QuotePolicy::Ascii,
            dashes: DashPolicy::Keep,
            guillemets: false,
            repeats: None,
            text_field: "text".to_string(),
        }
    }
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("unknown stage `{name}`; the stages are: {}", STAGE_ORDER.join(", "))]
    UnknownStage { name: String },
}

impl Config {
    /// Reads a TOML config file.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|error| ConfigError::Parse {
            path: path.to_path_buf(),
            message: error.to_string(),
        })
    }

    /// The pipeline these settings describe: the chosen stages, in pipeline order.
    pub fn pipeline(&self) -> Result<Pipeline, ConfigError> {
        if let Some(names) = &self.stages
            && let Some(name) = names
                .iter()
                .find(|name| !STAGE_ORDER.contains(&name.as_str()))
        {
            return Err(ConfigError::UnknownStage { name: name.clone() });
        }
        Ok(self.build_pipeline())
    }

    /// Every stage, in pipeline order, with these settings (`repeats` included).
    pub fn build_every_stage(&self) -> Pipeline {
        Config {
            stages: Some(STAGE_ORDER.iter().map(|name| name.to_string()).collect()),
            ..self.clone()
        }
        .build_pipeline()
    }

    /// The pipeline, with stage names already known to be valid.
    pub(crate) fn build_pipeline(&self) -> Pipeline {
        let wanted = |name: &str| match &self.stages {
            Some(names) => names.iter().any(|n| n == name),
            None => name != Repeats::NAME || self.repeats.is_some(),
        };
        let quotes = match self.quotes {
            QuotePolicy::Ascii => Quotes::ascii(),
            QuotePolicy::Keep => Quotes::keep(),
        }
        .with_dashes(self.dashes == DashPolicy::Ascii)
        .with_guillemets(self.guillemets);
        let repeats = Repeats::within(self.repeats.unwrap_or_default());
        let mut builder = Pipeline::builder();
        for stage in all_stages(quotes, repeats) {
            if wanted(stage.name()) {
                builder = builder.boxed_stage(stage);
            }
        }
        builder.build()
    }
}
