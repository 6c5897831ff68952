//! JSON to stdout: one document streamed, or a list whose items are made in parallel and
//! written in order, byte for byte what `serde_json::to_writer_pretty` writes.

use crate::error::{Error, Result};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::Write;
use std::path::PathBuf;

/// Streams one JSON document to stdout (no copy of it in memory); a closed pipe is not an error.
pub(crate) fn print_json<T: Serialize>(v: &T) -> Result<()> {
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut w, v).map_err(std::io::Error::from).and_then(|_| {
        w.write_all(b"\n")?;
        w.flush()
    });
    finish(written)
}

/// A list written exactly as `print_json` writes it, its items made in parallel.
pub(crate) fn print_json_list<T: Serialize + Sync>(items: &[T]) -> Result<()> {
    print_json_list_weighted(items, |_| 1)
}

/// How much JSON the items serialised at once may weigh (an item weighs one, an entity one
/// more for each mention): the pieces stay a few megabytes however large the corpus.
const PIECES_WEIGHT: usize = 8192;

/// The items in runs of at most [`PIECES_WEIGHT`], but of at least two a thread (the
/// heaviest entities come first: one at a time, their JSON would use one core).
fn runs<'a, T>(items: &'a [T], weight: &'a impl Fn(&T) -> usize) -> impl Iterator<Item = &'a [T]> + 'a {
    let at_least = 2 * rayon::current_num_threads();
    let mut rest = items;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut total = 0;
        let n = rest
            .iter()
            .take_while(|x| {
                total += weight(x);
                total <= PIECES_WEIGHT
            })
            .count()
            .max(at_least)
            .min(rest.len());
        let (run, after) = rest.split_at(n);
        rest = after;
        Some(run)
    })
}

/// [`print_json_list`] for items of very different sizes, `weight` telling each one's.
pub(crate) fn print_json_list_weighted<T: Serialize + Sync>(items: &[T], weight: impl Fn(&T) -> usize) -> Result<()> {
    if items.is_empty() {
        return print_json(&items);
    }
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let mut write = || -> std::io::Result<()> {
        w.write_all(b"[\n")?;
        // a few items at a time: the pieces never hold much of the output (the first entities,
        // the most mentioned, are megabytes each on a large corpus)
        for (n, run) in runs(items, &weight).enumerate() {
            // each thread writes its share of the run into one buffer (not one an item: those
            // allocations and their fresh pages were a third of writing the JSON)
            let pieces: Vec<Vec<u8>> = run
                .par_iter()
                .try_fold(Vec::new, |mut buf, item| {
                    if !buf.is_empty() {
                        buf.extend_from_slice(b",\n");
                    }
                    write_item(&mut buf, item)?;
                    Ok::<_, serde_json::Error>(buf)
                })
                .collect::<std::result::Result<_, _>>()?;
            for (i, p) in pieces.iter().filter(|p| !p.is_empty()).enumerate() {
                if n > 0 || i > 0 {
                    w.write_all(b",\n")?;
                }
                w.write_all(p)?;
            }
        }
        w.write_all(b"\n]\n")?;
        w.flush()
    };
    finish(write())
}

/// One item of a pretty list: indented one level, as `to_writer_pretty` writes it inside the list.
fn write_item<T: Serialize>(buf: &mut Vec<u8>, item: &T) -> serde_json::Result<()> {
    buf.extend_from_slice(b"  ");
    item.serialize(&mut serde_json::Serializer::with_formatter(buf, InList::default()))
}

fn finish(written: std::io::Result<()>) -> Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Read { path: PathBuf::from("<stdout>"), source: e }),
        Ok(()) => Ok(()),
    }
}

/// serde_json's pretty formatter (two spaces a level) for a value that stands one level deep.
#[derive(Default)]
struct InList {
    /// levels inside the item
    depth: usize,
    has_value: bool,
}

impl InList {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> std::io::Result<()> {
        // the list's own level, then the item's
        for _ in 0..=self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(mark)
    }
}

impl Formatter for InList {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.newline(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.newline(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{PIECES_WEIGHT, runs, write_item};
    use serde_json::json;

    /// An item of a list is written as it stands in `to_string_pretty` of the whole list.
    #[test]
    fn an_item_is_what_the_pretty_list_holds() {
        let items = vec![
            json!({"name": "Harbour Board", "kind": "org", "aliases": [], "mentions": [{"article": "a1", "start": 4}, {"article": "b2", "start": 90}]}),
            json!([]),
            json!({}),
            json!([[1, [2, {}]], {"a": {"b": [true, null, "line\nbreak \"quoted\""]}}]),
            json!("plain"),
            json!(3.5),
        ];
        let whole = serde_json::to_string_pretty(&items).expect("json");
        let mut pieces = Vec::new();
        for it in &items {
            let mut buf = Vec::new();
            write_item(&mut buf, it).expect("json");
            pieces.push(String::from_utf8(buf).expect("utf-8"));
        }
        assert_eq!(format!("[\n{}\n]", pieces.join(",\n")), whole);
    }

    #[test]
    fn runs_keep_the_order_and_stay_under_the_weight_but_give_each_thread_two() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
        pool.install(|| {
            let items: Vec<usize> = vec![1, PIECES_WEIGHT / 2, PIECES_WEIGHT / 2, 3, PIECES_WEIGHT * 2, 5, 6, 7, 8];
            let weight = |x: &usize| *x;
            let got: Vec<&[usize]> = runs(&items, &weight).collect();
            assert_eq!(got.concat(), items, "every item once, in order");
            assert_eq!(got[0], &items[..2], "the third would pass the weight");
            assert_eq!(got[1], &items[2..4]);
            assert_eq!(got[2], &items[4..6], "two a thread even when heavy");
            assert_eq!(got[3], &items[6..]);
            let light = vec![1usize; PIECES_WEIGHT * 2];
            assert_eq!(runs(&light, &weight).count(), 2, "light items, many a run");
            assert_eq!(runs(&[] as &[usize], &weight).count(), 0);
        });
    }
}
