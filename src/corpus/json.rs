//! JSON (one object or an array of objects) and JSON Lines documents.

use super::article::{Draft, is_web_address};
use super::blocks::paragraphs;
use super::plain::normalise;
use crate::text::date::find_date;
use serde_json::Value;

fn field(o: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match o.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Array(a)) if *k == "author" || *k == "authors" => {
            let names: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    })
}

fn draft(v: &Value) -> Result<Draft, String> {
    let Value::Object(o) = v else {
        return Err("expected a JSON object for an article".into());
    };
    let paragraphs: Vec<String> = match ["body", "text", "content"].iter().find_map(|k| o.get(*k)) {
        Some(Value::String(s)) => paragraphs(&normalise(s)),
        Some(Value::Array(a)) => {
            a.iter().filter_map(Value::as_str).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
        }
        _ => Vec::new(),
    };
    if paragraphs.is_empty() {
        return Err("article has no body, text or content".into());
    }
    Ok(Draft {
        id: field(o, &["id"]),
        title: field(o, &["title", "headline"]),
        source: field(o, &["source", "outlet", "publisher"]),
        author: field(o, &["author", "authors", "byline"]),
        date: field(o, &["date", "published", "published_at"]).and_then(|d| find_date(&d).map(|x| x.2)),
        date_other: None,
        updated: field(o, &["updated", "updated_at", "modified", "date_modified"])
            .and_then(|d| find_date(&d).map(|x| x.2)),
        paragraphs,
        dateline: None,
        url: field(o, &["url", "link", "canonical_url"]).filter(|u| is_web_address(u)),
    })
}

pub fn parse_json(text: &str) -> Result<Vec<Draft>, String> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("malformed JSON at line {}, column {}: {e}", e.line(), e.column()))?;
    match &v {
        Value::Array(items) => {
            items.iter().enumerate().map(|(i, x)| draft(x).map_err(|e| format!("item {}: {e}", i + 1))).collect()
        }
        _ => draft(&v).map(|d| vec![d]),
    }
}

pub fn parse_jsonl(text: &str) -> Result<Vec<Draft>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: Value = serde_json::from_str(l).map_err(|e| format!("malformed JSON on line {}: {e}", i + 1))?;
            draft(&v).map_err(|e| format!("line {}: {e}", i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_array_and_lines() {
        let one = parse_json(r#"{"title":"Dam Opens","date":"2020-05-01","author":"Kim Lee","source":"Valley Post","body":"First paragraph.\n\nSecond paragraph."}"#).unwrap();
        assert_eq!(one[0].paragraphs.len(), 2);
        assert_eq!(one[0].date.unwrap().iso(), "2020-05-01");
        let many =
            parse_json(r#"[{"id":"a1","title":"A","text":"Alpha."},{"title":"B","content":["Beta.","Gamma."]}]"#)
                .unwrap();
        assert_eq!(many.len(), 2);
        assert_eq!(many[0].id.as_deref(), Some("a1"));
        assert_eq!(many[1].paragraphs, vec!["Beta.", "Gamma."]);
        let lines =
            parse_jsonl("{\"title\":\"X\",\"body\":\"One.\"}\n\n{\"title\":\"Y\",\"body\":\"Two.\"}\n").unwrap();
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn malformed_is_an_error() {
        assert!(parse_json("{\"title\": ").is_err());
        assert!(parse_jsonl("{\"title\":\"X\",\"body\":\"One.\"}\n{oops}").is_err());
        assert!(parse_json("{\"title\":\"no body\"}").is_err());
    }
}
