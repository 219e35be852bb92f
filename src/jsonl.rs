//! JSONL records: `{"id": .., "text": .., ...}` in, the same record with its text cleaned out,
//! every other field kept in its place.
//!
//! ```
//! use unscrape::{Pipeline, jsonl};
//!
//! let line = br#"{"id":"dw-1","text":"Xi\u00a0Jinping  to hold talks","lang":"en"}"#;
//! let out = jsonl::clean_record(line, &Pipeline::default(), "text").unwrap();
//! assert_eq!(out, r#"{"id":"dw-1","text":"Xi Jinping to hold talks","lang":"en"}"#);
//!
//! let err = jsonl::clean_record(br#"{"id":"dw-2"}"#, &Pipeline::default(), "text").unwrap_err();
//! assert_eq!(err.to_string(), "the record has no `text` field");
//! ```

use serde_json::Value;

use crate::pipeline::Pipeline;

/// Why a JSONL line could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the line is not valid UTF-8 (invalid byte at column {column})")]
    InvalidUtf8 { column: usize },
    #[error("the line is not valid JSON: {message}")]
    InvalidJson { message: String },
    #[error("the line is JSON but not an object")]
    NotAnObject,
    #[error("the record has no `{field}` field")]
    MissingText { field: String },
    #[error("the record's `{field}` field is not a string")]
    TextNotString { field: String },
}

/// Cleans the text field of one JSONL line (without its line break) and returns the record
/// as one line of JSON.
pub fn clean_record(
    line: &[u8],
    pipeline: &Pipeline,
    text_field: &str,
) -> Result<String, RecordError> {
    clean_record_with(line, text_field, None, |text| pipeline.clean(text))
}

/// [`clean_record`] with the text cleaned by `clean`, and `default_id` put first in a record
/// that has no `id` field.
///
/// ```
/// use unscrape::jsonl::clean_record_with;
///
/// let line = br#"{"text":"The talks with Russiaand China","lang":"en"}"#;
/// let out = clean_record_with(line, "text", Some("dump.jsonl:7"), unscrape::clean).unwrap();
/// assert_eq!(out, r#"{"id":"dump.jsonl:7","text":"The talks with Russia and China","lang":"en"}"#);
/// ```
pub fn clean_record_with(
    line: &[u8],
    text_field: &str,
    default_id: Option<&str>,
    clean: impl FnOnce(&str) -> String,
) -> Result<String, RecordError> {
    let line = std::str::from_utf8(line).map_err(|error| RecordError::InvalidUtf8 {
        column: error.valid_up_to() + 1,
    })?;
    let mut record: Value =
        serde_json::from_str(line).map_err(|error| RecordError::InvalidJson {
            message: error.to_string(),
        })?;
    let fields = record.as_object_mut().ok_or(RecordError::NotAnObject)?;
    let text = fields
        .get_mut(text_field)
        .ok_or_else(|| RecordError::MissingText {
            field: text_field.to_string(),
        })?;
    let Value::String(text) = text else {
        return Err(RecordError::TextNotString {
            field: text_field.to_string(),
        });
    };
    *text = clean(text);
    if let Some(id) = default_id
        && !fields.contains_key("id")
    {
        fields.shift_insert(0, "id".to_string(), Value::String(id.to_string()));
    }
    Ok(record.to_string())
}
