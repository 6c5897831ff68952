//! The header and trailer of a report as text files and pages write them: the lines above
//! the first paragraph (headline, dates, bylines, outlet, section names, credits) and below
//! the last (a byline, wire credits, page debris). Each line is read for what it says
//! ([`dates`], [`bylines`], [`outlets`], [`debris`]); what is left above the text is the
//! headline and a standfirst.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

pub mod bylines;
pub mod dates;
pub mod debris;
pub mod outlets;

pub use bylines::{looks_like_name, parse_byline};
pub use dates::{Dated, Stamp, dates_in_line, leading_date};
pub use debris::{clean_line, is_breadcrumb, is_credit, is_debris, is_menu_line, word_count};

use super::article::Draft;
use crate::text::date::{Date, find_date};

/// A byline: `By NAME`, `By NAME, OUTLET`, `Written By NAME`, `NAME | OUTLET`.
/// Returns the author and, where given, the outlet (a role is not an outlet).
pub fn byline(line: &str) -> Option<(String, Option<String>)> {
    parse_byline(line).map(|b| (b.author, b.outlet))
}

/// `Written By` standing alone: the name follows on the next line.
pub fn is_byline_label(line: &str) -> bool {
    matches!(
        clean_line(line).to_lowercase().trim_end_matches(':'),
        "written by" | "by" | "author" | "words by" | "reporting by"
    )
}

/// A short header line that carries a date (and otherwise labels, times, sections):
/// `Ukraine | May 4, 2023, Thursday // 16:57| views`, `PublishedMay 4, 2023`, `date 2023-05-04`.
pub fn date_line(line: &str) -> Option<Date> {
    let l = clean_line(line);
    if word_count(l) > 14 {
        return None;
    }
    let (_, _, d) = find_date(l)?;
    Some(d)
}

/// A line that credits no one: `Staff report`, `From wire services`, `Sentinel staff`.
fn credits_no_one(line: &str) -> bool {
    let l = clean_line(line).to_lowercase();
    word_count(&l) <= 5
        && [
            "staff report",
            "staff reports",
            "staff",
            "wire services",
            "staff and agencies",
            "agencies",
            "newsroom",
            "news desk",
            "wire reports",
        ]
        .iter()
        .any(|e| l.ends_with(e))
}

/// A line that only a header holds: a date stamp, a byline, a credit or caption, a
/// breadcrumb, a line of parts between bars. A block of lines with one of them is a
/// header's lines, not a wrapped paragraph.
pub fn is_header_line(line: &str) -> bool {
    let l = clean_line(line);
    (!dates_in_line(l).is_empty() && word_count(l) <= 20)
        || parse_byline(l).is_some()
        || is_credit(l)
        || is_breadcrumb(l)
        || credits_no_one(l)
        || (l.contains(" | ") && word_count(l) <= 20)
}

/// What one header line says.
#[derive(Debug, Default)]
struct LineFacts {
    dates: Vec<Dated>,
    author: Option<String>,
    outlet: Option<String>,
    /// Nothing else is on the line: it is header, not text.
    consumed: bool,
    /// The text after a date that opens the line (`27/09/2013 - Harbour reopens`).
    rest: Option<String>,
}

/// Separators between the parts of a header line.
fn segments(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in [" | ", "|", " · ", " • ", " - ", " — ", " – ", " // "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    parts
}

/// A segment that is only a time, a zone, a weekday or a label (`09:12`, `5:42am EDT`, `Updated`).
fn is_stamp_rest(seg: &str) -> bool {
    seg.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).all(|w| {
        let l = w.to_lowercase();
        let l = l.trim_end_matches(':');
        w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
            || (w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && matches!(
                    l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.'),
                    "am" | "pm" | "a.m." | "p.m." | "h"
                ))
            || matches!(
                l,
                "am" | "pm"
                    | "a.m."
                    | "p.m."
                    | "updated"
                    | "last"
                    | "posted"
                    | "published"
                    | "on"
                    | "at"
                    | "views"
                    | "ago"
            )
            || crate::text::date::weekday_from_name(l).is_some()
            || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    })
}

fn read_line(line: &str) -> LineFacts {
    let mut f = LineFacts::default();
    let dates = dates_in_line(line);
    if !dates.is_empty() {
        // a date line: every other part is a stamp, a section, a byline or an outlet
        let mut ok = true;
        for seg in segments(line) {
            if find_date(seg).is_some() || is_stamp_rest(seg) {
                continue;
            }
            if let Some(b) = parse_byline(seg) {
                f.author.get_or_insert(b.author);
                if let Some(o) = b.outlet {
                    f.outlet.get_or_insert(o);
                }
                continue;
            }
            if let Some(o) = outlets::outlet_name(seg).or_else(|| outlets::masthead(seg)) {
                f.outlet.get_or_insert(o);
                continue;
            }
            if word_count(seg) <= 3 {
                continue;
            }
            ok = false;
        }
        if ok {
            f.dates = dates;
            f.consumed = true;
            return f;
        }
        // a date, then a headline
        let segs = segments(line);
        if segs.len() > 1 && find_date(segs[0]).is_some() && segs[1..].iter().all(|s| find_date(s).is_none()) {
            f.dates = dates;
            f.consumed = true;
            f.rest = Some(segs[1..].join(" - "));
            return f;
        }
        f.author = None;
        f.outlet = None;
    }
    if let Some(b) = parse_byline(line) {
        f.author = Some(b.author);
        f.outlet = b.outlet;
        f.consumed = true;
        return f;
    }
    // an outlet and its sections (`THE DAILY CLARION | World News`, `Harbour Post > Coast`)
    let segs: Vec<&str> =
        if is_breadcrumb(line) { line.split(['>', '›', '»']).map(str::trim).collect() } else { segments(line) };
    if segs.len() > 1 || word_count(line) <= 6 {
        let masthead = || segs.first().filter(|_| segs.len() > 1).and_then(|s| outlets::masthead(s));
        if let Some(o) = segs.first().and_then(|s| outlets::outlet_name(s)).or_else(masthead) {
            if segs[1..].iter().all(|s| is_menu_line(s) && word_count(s) <= 4) {
                f.outlet = Some(o);
                f.consumed = true;
            }
        } else if is_breadcrumb(line) {
            // a site in one word and its sections (`ThreatDesk > Security`)
            f.consumed = true;
        }
    }
    f
}

/// What the header said, before the corpus decides what nothing in one file could.
#[derive(Debug, Default)]
struct Found {
    published: Option<Dated>,
    updated: Option<Dated>,
}

/// Removes and records what stands above the first paragraph of prose: `header` are those
/// lines; the lines left (a standfirst) go back at the top of `paras`.
pub fn read_header(header: Vec<String>, paras: &mut Vec<String>, d: &mut Draft) {
    let mut found = Found::default();
    let mut candidates: Vec<String> = Vec::new();
    let mut outlet: Option<String> = None;
    let mut i = 0;
    while i < header.len() {
        let line = clean_line(&header[i]).to_string();
        i += 1;
        if is_debris(&line) || is_credit(&line) || credits_no_one(&line) {
            continue;
        }
        if is_byline_label(&line) {
            if let Some(next) = header.get(i)
                && let Some((a, o)) = byline(&format!("By {}", clean_line(next)))
            {
                d.author.get_or_insert(a);
                if let Some(o) = o {
                    outlet.get_or_insert(o);
                }
                i += 1;
            }
            continue;
        }
        let facts = read_line(&line);
        if facts.consumed {
            for x in facts.dates {
                let slot = if x.stamp == Stamp::Updated { &mut found.updated } else { &mut found.published };
                // the first date of its kind, unless a later one is certain where it was not
                if slot.is_none_or(|s| s.undecided.is_some() && x.undecided.is_none()) {
                    *slot = Some(x);
                }
            }
            if let Some(a) = facts.author {
                d.author.get_or_insert(a);
            }
            if let Some(o) = facts.outlet {
                outlet.get_or_insert(o);
            }
            candidates.extend(facts.rest);
            continue;
        }
        candidates.push(line);
    }
    // the published date, else the update stamp; both kept
    if let Some(p) = found.published.or(found.updated)
        && d.date.is_none()
    {
        d.date = Some(p.date);
        d.date_other = p.undecided;
    }
    if let Some(u) = found.updated.filter(|_| found.published.is_some()) {
        d.updated.get_or_insert(u.date);
    }
    // an author that is the outlet itself (`News Desk`, `Agency staff`) is no author
    if d.author.as_ref().is_some_and(|a| outlet.as_ref().is_some_and(|o| o == a) || outlets::outlet_words(a) > 0) {
        d.author = None;
    }
    if d.source.is_none() {
        d.source = outlet;
    }
    title_and_standfirst(candidates, paras, d);
}

/// The headline among the lines above the prose (one the page repeats, else the first that
/// is not a run of section names); what is left and is not a menu stays as text (a
/// standfirst).
fn title_and_standfirst(candidates: Vec<String>, paras: &mut Vec<String>, d: &mut Draft) {
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in &candidates {
        *seen.entry(c.as_str()).or_default() += 1;
    }
    let repeated = candidates.iter().find(|c| seen.get(c.as_str()).is_some_and(|&n| n > 1)).cloned();
    let chosen = repeated.or_else(|| candidates.iter().find(|c| !is_menu_line(c) || word_count(c) >= 4).cloned());
    if d.title.is_none() {
        d.title = chosen.clone();
    }
    // What is left above the prose and is not a menu stays as text (a standfirst).
    let mut kept: Vec<String> = Vec::new();
    let mut once: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for c in candidates {
        if Some(&c) == chosen.as_ref() || Some(&c) == d.title.as_ref() || is_menu_line(&c) || !once.insert(c.clone()) {
            continue;
        }
        kept.push(c);
    }
    paras.splice(0..0, kept);
}

/// Removes debris, a byline and wire credits from the bottom of the text.
pub fn read_trailer(paras: &mut Vec<String>, d: &mut Draft) {
    while let Some(last) = paras.last() {
        let line = clean_line(last).to_string();
        if is_debris(&line) || is_credit(&line) {
            paras.pop();
            continue;
        }
        let n = paras.len();
        if n >= 2 && is_byline_label(&paras[n - 2]) && looks_like_name(&line) {
            d.author.get_or_insert(line);
            paras.truncate(n - 2);
            continue;
        }
        if let Some(b) = parse_byline(&line) {
            let n = paras.len();
            let label_before = n >= 2 && is_byline_label(&paras[n - 2]);
            let lower = line.to_lowercase();
            let labelled = ["by ", "written by", "(reporting by", "reporting by", "reported by", "words by"]
                .iter()
                .any(|p| lower.starts_with(p));
            if label_before || labelled {
                d.author.get_or_insert(b.author);
                if let Some(o) = b.outlet {
                    d.source.get_or_insert(o);
                }
                paras.pop();
                if label_before {
                    paras.pop();
                }
                continue;
            }
        }
        break;
    }
}

/// A dateline opening the first paragraph: `PARIS:`, `Kyiv, Ukraine —`, `LONDON (Reuters) -`.
/// Returns the place and the byte offset of the prose after it.
pub fn dateline(p: &str) -> Option<(String, usize)> {
    let head: String = p.chars().take(60).collect();
    let (idx, sep_len) = [(":", 1), (" —", 4), (" –", 4), (" - ", 3), (" -- ", 4)]
        .iter()
        .filter_map(|(sep, _)| head.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i)?;
    let place = head[..idx].trim();
    let place_name = place.split('(').next().unwrap_or(place).trim().trim_end_matches(',');
    let words: Vec<&str> = place_name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let ok = place_name
        .split(',')
        .all(|part| part.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)));
    if !ok || find_date(place).is_some() {
        return None;
    }
    let mut rest = idx + sep_len;
    while p[rest..].starts_with(char::is_whitespace) {
        rest += p[rest..].chars().next().map_or(1, char::len_utf8);
    }
    // the prose must go on with a capital or a digit
    if !p[rest..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    Some((place_name.to_string(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(lines: &[&str]) -> Draft {
        let mut d = Draft::default();
        let mut paras = vec!["Body text of the report goes on here.".to_string()];
        read_header(lines.iter().map(|s| s.to_string()).collect(), &mut paras, &mut d);
        d
    }

    #[test]
    fn labelled_dates_and_update_stamps() {
        let d = header(&["Storm floods the valley", "Posted: May 14, 2025 | Updated 9:05 AM"]);
        assert_eq!(
            (d.title.as_deref(), d.date.map(|x| x.iso())),
            (Some("Storm floods the valley"), Some("2025-05-14".into()))
        );
        let d = header(&["Ferry strike ends", "Updated 16:20 BST, 11 June 2025"]);
        assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2025-06-11"), "an update stamp alone dates the report");
        let d = header(&["Ferry strike ends", "Published 3 May 2025 | Last updated: 5 May 2025"]);
        assert_eq!(
            (d.date.map(|x| x.iso()), d.updated.map(|x| x.iso())),
            (Some("2025-05-03".into()), Some("2025-05-05".into()))
        );
        let d = header(&["12/05/2021 - Ferry strike ends after talks", "Published on Wednesday, 12 May 2021"]);
        assert_eq!(
            (d.title.as_deref(), d.date.map(|x| x.iso())),
            (Some("Ferry strike ends after talks"), Some("2021-05-12".into()))
        );
        let d = header(&["Posted: May 14, 2025 Last Updated: May 15, 2025", "Ferry strike ends"]);
        assert_eq!(d.title.as_deref(), Some("Ferry strike ends"), "a stamp line is never the title");
    }

    #[test]
    fn dates_among_sections_and_outlets() {
        let d = header(&["Dam bursts upstream", "THE NORTHERN ECHO | World | Monday 20 October 2025"]);
        assert_eq!(
            (d.date.map(|x| x.iso()), d.source.as_deref()),
            (Some("2025-10-20".into()), Some("The Northern Echo"))
        );
        let d = header(&["Dam bursts upstream", "Coast News Agency | 12 February 2025, 06:45 GMT"]);
        assert_eq!(d.source.as_deref(), Some("Coast News Agency"));
        let d = header(&["Dam bursts upstream", "THE EVENING HERALD - Wednesday, October 29, 2025"]);
        assert_eq!(
            (d.date.map(|x| x.iso()), d.source.as_deref()),
            (Some("2025-10-29".into()), Some("The Evening Herald"))
        );
        let d = header(&["Dam bursts upstream", "Valley Gazette", "9 July 2025"]);
        assert_eq!((d.date.map(|x| x.iso()), d.source.as_deref()), (Some("2025-07-09".into()), Some("Valley Gazette")));
    }

    #[test]
    fn numeric_dates_decided_by_zone_or_weekday() {
        let d = header(&["Dam bursts upstream", "Published 07/04/2025 09:10 BST"]);
        assert_eq!((d.date.map(|x| x.iso()), d.date_other), (Some("2025-04-07".into()), None));
        let d = header(&["Dam bursts upstream", "Published 07/04/2025 09:10 EDT"]);
        assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2025-07-04"));
        // 7 April 2025 was a Monday, 4 July a Friday
        let d = header(&["Dam bursts upstream", "Monday 07/04/2025"]);
        assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2025-04-07"));
        let d = header(&["Dam bursts upstream", "07/04/2025"]);
        let both = d.date_other.map(|(m, d)| (m.iso(), d.iso()));
        assert_eq!(
            (d.date.map(|x| x.iso()), both),
            (Some("2025-07-04".into()), Some(("2025-07-04".into(), "2025-04-07".into()))),
            "undecided: both kept"
        );
    }

    #[test]
    fn bylines_in_the_header() {
        let d = header(&["Dam bursts upstream", "By Ana Reyes | Posted June 2, 2024"]);
        assert_eq!((d.author.as_deref(), d.date.map(|x| x.iso())), (Some("Ana Reyes"), Some("2024-06-02".into())));
        let d = header(&["Dam bursts upstream", "By Nora Quinn, Transport Correspondent"]);
        assert_eq!((d.author.as_deref(), d.source.as_deref()), (Some("Nora Quinn"), None), "a role is not an outlet");
        let d = header(&["Dam bursts upstream", "By TOM RIDLEY in Leeds"]);
        assert_eq!(d.author.as_deref(), Some("Tom Ridley"));
        let d = header(&[
            "Dam bursts upstream",
            "Valley staff report",
            "Photo caption: The dam on Tuesday evening (ANN LEE / VALLEY POST)",
        ]);
        assert_eq!((d.author.as_deref(), d.title.as_deref()), (None, Some("Dam bursts upstream")));
    }

    #[test]
    fn wire_credits_at_the_foot() {
        let mut d = Draft::default();
        let mut paras: Vec<String> = ["The report goes on.", "(Reporting by Ines Duarte in Lima; Editing by Rob Kent)"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        read_trailer(&mut paras, &mut d);
        assert_eq!((d.author.as_deref(), paras.len()), (Some("Ines Duarte"), 1));
    }

    #[test]
    fn datelines() {
        let p = "OSLO: The parliament voted.";
        let (place, off) = dateline(p).unwrap();
        assert_eq!(place, "OSLO");
        assert_eq!(&p[off..], "The parliament voted.");
        let p = "Lagos, Nigeria — Flooding closed roads.";
        assert_eq!(dateline(p).unwrap().0, "Lagos, Nigeria");
        assert!(dateline("The plan: more roads.").is_none());
        assert!(dateline("Critics said: no").is_none());
    }
}
