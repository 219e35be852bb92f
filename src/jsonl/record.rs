//! Reads one JSONL line as a record: a JSON object whose keys are all different. serde_json
//! keeps the last of two equal keys, as Python does; a record whose text could be either of
//! two values is rejected instead, whole, so that nothing is lost without a word.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A line of JSON: an object, or some other value.
pub(super) enum Line {
    Object(Map<String, Value>),
    NotAnObject,
}

/// Why a line could not be read.
pub(super) enum LineError {
    /// Not JSON: serde_json's message, which gives the column.
    Invalid(String),
    /// An object with the key written twice.
    DuplicateKey(String),
}

/// Reads `line`.
///
/// ```text
/// {"id":1,"text":"a"}      -> Object
/// [1,2]                    -> NotAnObject
/// {"text":"a","text":"b"}  -> DuplicateKey("text")
/// ```
pub(super) fn read_line(line: &str) -> Result<Line, LineError> {
    let mut duplicate = None;
    let mut deserializer = serde_json::Deserializer::from_str(line);
    let read = deserializer
        .deserialize_any(LineVisitor {
            duplicate: &mut duplicate,
        })
        .and_then(|parsed| deserializer.end().map(|()| parsed));
    read.map_err(|error| match duplicate {
        Some(key) => LineError::DuplicateKey(key),
        None => LineError::Invalid(error.to_string()),
    })
}

/// Reads a line, and names the key found twice when that is why it failed.
struct LineVisitor<'k> {
    duplicate: &'k mut Option<String>,
}

impl<'de> Visitor<'de> for LineVisitor<'_> {
    type Value = Line;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Value>()?;
            if object.contains_key(&key) {
                let error = de::Error::custom(format_args!("the key `{key}` appears twice"));
                *self.duplicate = Some(key);
                return Err(error);
            }
            object.insert(key, value);
        }
        Ok(Line::Object(object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Line, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Line::NotAnObject)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }
}
