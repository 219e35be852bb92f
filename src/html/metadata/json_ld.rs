//! Metadata from JSON-LD (`<script type="application/ld+json">`), the page's own
//! machine-readable account of itself and so the most trusted source.
//!
//! Pages put their nodes at the top level, in arrays, or in an `@graph`, and link them by
//! `@id` (Yoast writes `"author": {"@id": "…#/schema/person/1"}` and the Person elsewhere in
//! the graph): all are gathered first, then the article node is read with its links
//! resolved. A script that is not valid JSON is skipped.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::Metadata;
use super::value::{DESCRIPTION_MAX, LANGUAGE_MAX, NAME_MAX, TITLE_MAX, URL_MAX, tidy_escaped};

type Node = Map<String, Value>;

/// How many entries of an author array are read.
const MAX_AUTHORS: usize = 20;

/// How much a node's `@type` says it describes the page's article: article types first,
/// then the page itself. Other nodes (breadcrumbs, organizations, images) are not read.
fn article_rank(node: &Node) -> Option<u8> {
    types(node)
        .filter_map(|t| {
            if t.ends_with("Article")
                || t.ends_with("Posting")
                || matches!(t, "Report" | "Recipe" | "Review")
            {
                Some(0)
            } else if t.ends_with("Page") {
                Some(1)
            } else {
                None
            }
        })
        .min()
}

/// The `@type` strings of a node (one string or an array).
fn types(node: &Node) -> impl Iterator<Item = &str> {
    let one = node.get("@type").and_then(Value::as_str);
    let many = node
        .get("@type")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    one.into_iter().chain(many)
}

/// The metadata the JSON-LD scripts of a page give; `title` only from an article node,
/// since a `WebPage` name is the `<title>` with its site suffix. With it, the `@type` of
/// every node, for the page type.
pub(super) fn read(scripts: &[String]) -> (Metadata, Vec<String>) {
    let nodes: Vec<Node> = scripts.iter().flat_map(|script| nodes(script)).collect();
    let all_types = nodes
        .iter()
        .flat_map(|node| types(node).map(str::to_owned))
        .collect();
    let by_id: HashMap<&str, &Node> = nodes
        .iter()
        .filter_map(|n| Some((n.get("@id")?.as_str()?, n)))
        .collect();
    let resolve = |value: &Value| -> Option<String> {
        let object = value.as_object()?;
        let node = match object.get("@id").and_then(Value::as_str) {
            Some(id) if !object.contains_key("name") => *by_id.get(id)?,
            _ => object,
        };
        node.get("name")
            .and_then(Value::as_str)
            .and_then(|s| tidy_escaped(s, NAME_MAX))
    };
    let mut ranked: Vec<(u8, &Node)> = nodes
        .iter()
        .filter_map(|n| Some((article_rank(n)?, n)))
        .collect();
    ranked.sort_by_key(|&(rank, _)| rank);

    let mut found = Metadata::default();
    for (rank, node) in ranked {
        let text = |key: &str, max| {
            node.get(key)
                .and_then(Value::as_str)
                .and_then(|s| tidy_escaped(s, max))
        };
        let candidate = Metadata {
            title: if rank == 0 {
                text("headline", TITLE_MAX).or_else(|| text("name", TITLE_MAX))
            } else {
                None
            },
            author: authors(node.get("author"), &resolve),
            date: text("datePublished", 64).or_else(|| text("dateCreated", 64)),
            language: node
                .get("inLanguage")
                .and_then(|l| name_of(l, &resolve))
                .and_then(|l| tidy_escaped(&l, LANGUAGE_MAX)),
            url: text("url", URL_MAX).or_else(|| {
                node.get("mainEntityOfPage").and_then(|m| {
                    m.as_str()
                        .or_else(|| m.get("@id").and_then(Value::as_str))
                        .and_then(|s| tidy_escaped(s, URL_MAX))
                })
            }),
            site_name: node.get("publisher").and_then(|p| name_of(p, &resolve)),
            description: text("description", DESCRIPTION_MAX),
            page_type: None,
        };
        found = found.or(candidate);
    }
    if found.site_name.is_none() {
        found.site_name = nodes
            .iter()
            .find(|n| types(n).any(|t| t == "WebSite"))
            .and_then(|n| {
                n.get("name")?
                    .as_str()
                    .and_then(|s| tidy_escaped(s, NAME_MAX))
            });
    }
    (found, all_types)
}

/// Every node of one script: top-level objects, array items and `@graph` members, nested
/// graphs included. Iterative, and serde_json refuses nesting deeper than 128.
fn nodes(script: &str) -> Vec<Node> {
    let Ok(value) = serde_json::from_str::<Value>(script.trim().trim_end_matches(';')) else {
        return Vec::new();
    };
    let mut pending = vec![value];
    let mut found = Vec::new();
    while let Some(value) = pending.pop() {
        match value {
            Value::Array(items) => pending.extend(items.into_iter().rev()),
            Value::Object(mut node) => {
                if let Some(graph) = node.remove("@graph") {
                    pending.push(graph);
                }
                found.push(node);
            }
            _ => {}
        }
    }
    found
}

/// The names of the author value: a string, a Person or Organization (inline or by `@id`),
/// or an array of these, joined with "; " as trafilatura does.
fn authors(value: Option<&Value>, resolve: &dyn Fn(&Value) -> Option<String>) -> Option<String> {
    let value = value?;
    let items: Vec<&Value> = match value {
        // More names than these would not fit in NAME_MAX anyway.
        Value::Array(items) => items.iter().take(MAX_AUTHORS).collect(),
        one => vec![one],
    };
    let mut names: Vec<String> = Vec::new();
    for name in items.into_iter().filter_map(|item| name_of(item, resolve)) {
        if !name.contains("://") && !names.contains(&name) {
            names.push(name);
        }
    }
    tidy_escaped(&names.join("; "), NAME_MAX)
}

/// A string value, or the `name` of an object value (following an `@id` link).
fn name_of(value: &Value, resolve: &dyn Fn(&Value) -> Option<String>) -> Option<String> {
    match value {
        Value::String(s) => tidy_escaped(s, NAME_MAX),
        Value::Object(_) => resolve(value),
        _ => None,
    }
}
