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

mod record;
mod surrogates;

use record::{Line, LineError, read_line};

use crate::html::metadata::Metadata;
use crate::pipeline::{Origin, Pipeline};

/// Why a JSONL line could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the line is not valid UTF-8 (invalid byte at column {column})")]
    InvalidUtf8 { column: usize },
    #[error("the line is not valid JSON: {message}")]
    InvalidJson { message: String },
    #[error("the line is JSON but not an object")]
    NotAnObject,
    #[error("the record has the key `{key}` twice: which value is meant is unclear")]
    DuplicateKey { key: String },
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
    clean_record_with(line, Fields::text(text_field), None, |text, origin| {
        pipeline.clean_traced_as(text, origin, &mut crate::Trace::off())
    })
}

/// Which fields of a record hold its text.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    /// The text field (`text`).
    pub text: &'a str,
    /// A field holding an HTML page (`html`), read when the record has no text field: the
    /// page's article becomes the text field, and the page is dropped unless `keep_html`.
    pub html: Option<&'a str>,
    pub keep_html: bool,
    /// Give a page's user comments, cleaned, as a `comments` field.
    pub include_comments: bool,
}

impl<'a> Fields<'a> {
    /// Only a text field named `text`.
    pub fn text(text: &'a str) -> Self {
        Fields {
            text,
            html: None,
            keep_html: false,
            include_comments: false,
        }
    }
}

/// [`clean_record`] with the text cleaned by `clean`, taken from an HTML field when
/// `fields` names one and the text field is absent, and `default_id` put first in a
/// record that has no `id` field. `clean` is told the text's [`Origin`]: an article
/// extracted from the HTML field, the page's whole text, or a text field as given
/// (`Origin::Unknown`).
///
/// ```
/// use unscrape::jsonl::{Fields, clean_record_with};
///
/// let line = br#"{"text":"The talks with Russiaand China","lang":"en"}"#;
/// let out = clean_record_with(line, Fields::text("text"), Some("dump.jsonl:7"), unscrape::clean_as);
/// assert_eq!(out.unwrap(), r#"{"id":"dump.jsonl:7","text":"The talks with Russia and China","lang":"en"}"#);
///
/// let page = br#"{"url":"https://dw.com/a","html":"<p>Xi Jinping  to hold talks</p>"}"#;
/// let fields = Fields { text: "text", html: Some("html"), keep_html: false, include_comments: false };
/// let out = clean_record_with(page, fields, None, unscrape::clean_as);
/// assert_eq!(
///     out.unwrap(),
///     r#"{"url":"https://dw.com/a","text":"Xi Jinping to hold talks","page_type":"article"}"#
/// );
/// ```
pub fn clean_record_with(
    line: &[u8],
    fields: Fields<'_>,
    default_id: Option<&str>,
    clean: impl FnMut(&str, Origin) -> String,
) -> Result<String, RecordError> {
    let mut record = Vec::new();
    write_clean_record(line, fields, default_id, clean, &mut record)?;
    Ok(String::from_utf8(record).expect("JSON is written in UTF-8"))
}

/// [`clean_record_with`], the record appended to `out` (without a line break), so that
/// many records are written into one buffer; nothing is appended when the line cannot be
/// cleaned.
///
/// ```
/// use unscrape::jsonl::{Fields, write_clean_record};
///
/// let mut out = b"{\"id\":1}\n".to_vec();
/// let line = br#"{"text":"The talks with Russiaand China"}"#;
/// write_clean_record(line, Fields::text("text"), None, unscrape::clean_as, &mut out).unwrap();
/// assert_eq!(out, br#"{"id":1}
/// {"text":"The talks with Russia and China"}"#);
/// ```
pub fn write_clean_record(
    line: &[u8],
    fields: Fields<'_>,
    default_id: Option<&str>,
    mut clean: impl FnMut(&str, Origin) -> String,
    out: &mut Vec<u8>,
) -> Result<(), RecordError> {
    let line = std::str::from_utf8(line).map_err(|error| RecordError::InvalidUtf8 {
        column: error.valid_up_to() + 1,
    })?;
    let record_fields = &mut read_record(line)?;
    let html_field = fields
        .html
        .filter(|_| !record_fields.contains_key(fields.text));
    match html_field {
        Some(html_field) => {
            let Some(page) = record_fields.get(html_field) else {
                return Err(RecordError::MissingText {
                    field: fields.text.to_string(),
                });
            };
            let Value::String(page) = page else {
                return Err(RecordError::TextNotString {
                    field: html_field.to_string(),
                });
            };
            let url = record_fields.get("url").and_then(Value::as_str);
            let (article, comments) = crate::html::article_at(page, url, fields.include_comments);
            let text = clean(&article.text, article.origin());
            let metadata = article.metadata;
            let at = record_fields
                .keys()
                .position(|key| key == html_field)
                .unwrap_or(record_fields.len());
            let at = if fields.keep_html {
                at + 1
            } else {
                record_fields.shift_remove(html_field);
                at
            };
            record_fields.shift_insert(at, fields.text.to_string(), Value::String(text));
            add_metadata(record_fields, &metadata);
            if let Some(comments) = comments {
                record_fields.insert(
                    "comments".into(),
                    Value::String(clean(&comments, Origin::Unknown)),
                );
            }
        }
        None => {
            let text =
                record_fields
                    .get_mut(fields.text)
                    .ok_or_else(|| RecordError::MissingText {
                        field: fields.text.to_string(),
                    })?;
            let Value::String(text) = text else {
                return Err(RecordError::TextNotString {
                    field: fields.text.to_string(),
                });
            };
            *text = clean(text, Origin::Unknown);
        }
    }
    if let Some(id) = default_id
        && !record_fields.contains_key("id")
    {
        record_fields.shift_insert(0, "id".to_string(), Value::String(id.to_string()));
    }
    serde_json::to_writer(out, record_fields)
        .expect("a JSON value can always be written to memory");
    Ok(())
}

/// The fields of the record on `line`: a JSON object with each key once, after a byte
/// order mark if there is one. Lone UTF-16 surrogate escapes, which Python writes and Rust
/// strings cannot hold, are read as U+FFFD.
fn read_record(line: &str) -> Result<serde_json::Map<String, Value>, RecordError> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let read = match read_line(line) {
        Err(LineError::Invalid(message)) => match surrogates::replace_lone_surrogates(line) {
            Some(repaired) => read_line(&repaired).map_err(|_| LineError::Invalid(message)),
            None => Err(LineError::Invalid(message)),
        },
        read => read,
    };
    match read {
        Ok(Line::Object(fields)) => Ok(fields),
        Ok(Line::NotAnObject) => Err(RecordError::NotAnObject),
        Err(LineError::DuplicateKey(key)) => Err(RecordError::DuplicateKey { key }),
        Err(LineError::Invalid(message)) => Err(RecordError::InvalidJson { message }),
    }
}

/// Adds a page's metadata (`title`, `author`, `date`, `language`, `url`, `site_name`,
/// `page_type`) to a record, each field only when it was found and the record has no field
/// of that name.
pub fn add_metadata(record: &mut serde_json::Map<String, Value>, metadata: &Metadata) {
    let found = [
        ("title", &metadata.title),
        ("author", &metadata.author),
        ("date", &metadata.date),
        ("language", &metadata.language),
        ("url", &metadata.url),
        ("site_name", &metadata.site_name),
    ];
    for (name, value) in found {
        if let Some(value) = value
            && !record.contains_key(name)
        {
            record.insert(name.to_string(), Value::String(value.clone()));
        }
    }
    if let Some(page_type) = metadata.page_type
        && !record.contains_key("page_type")
    {
        record.insert("page_type".into(), page_type.name().into());
    }
}
