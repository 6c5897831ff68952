//! One article laid out for the screen: styled, wrapped lines with their positions.
//! Built in `update` when the article, width or highlights change; drawing only slices it.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::theme::Theme;
use crate::analysis::{ArticleAnalysis, Kind};
use crate::corpus::Article;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use std::collections::HashMap;
use unicode_width::UnicodeWidthChar;

/// What to highlight beyond the analysis itself.
#[derive(Default)]
pub struct Marks<'a> {
    pub selected_entity: Option<&'a str>,
    /// Split view: entity name → colour index for entities both reports mention.
    pub shared: Option<&'a HashMap<String, usize>>,
    /// Conflicting figures: (paragraph, start, end).
    pub conflicts: Vec<(usize, usize, usize)>,
    /// The figures of the conflict being visited: (paragraph, start).
    pub current_conflict: Vec<(usize, usize)>,
    /// Quotations both reports share: (paragraph, start).
    pub shared_quotes: Vec<(usize, usize)>,
    pub search: Option<&'a str>,
    pub current_match: Option<(usize, usize)>,
    pub current_quote: Option<(usize, usize)>,
}

#[derive(Clone, Debug, Default)]
pub struct Pane {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<Line<'static>>,
    /// For each line: (paragraph, byte offset of its first character); header lines use `usize::MAX`.
    pub line_pos: Vec<(usize, usize)>,
    pub scroll: usize,
    /// Search matches: (paragraph, start, end).
    pub matches: Vec<(usize, usize, usize)>,
}

impl Pane {
    /// The first line showing byte `byte` of paragraph `para`.
    pub fn line_of(&self, para: usize, byte: usize) -> usize {
        let mut best = 0;
        for (i, &(p, b)) in self.line_pos.iter().enumerate() {
            if p == usize::MAX {
                continue;
            }
            if p < para || (p == para && b <= byte) {
                best = i;
            } else {
                break;
            }
        }
        best
    }

    /// The paragraph and byte at the top of the view.
    pub fn top(&self) -> (usize, usize) {
        self.line_pos.iter().skip(self.scroll).find(|(p, _)| *p != usize::MAX).copied().unwrap_or((0, 0))
    }

    /// Scrolls so that byte `byte` of paragraph `para` shows two lines below the top, for
    /// context, in a view `height` lines high.
    pub fn scroll_to(&mut self, para: usize, byte: usize, height: usize) {
        self.scroll = self.line_of(para, byte).saturating_sub(2).min(self.max_scroll(height));
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }
}

/// Text shown in a paragraph that is not the report's: a speaker's name after a quote, the
/// current conflict's marker, a shared entity's number.
struct Label {
    at: usize,
    text: String,
    style: Style,
}

struct Layer {
    start: usize,
    end: usize,
    style: Style,
    rank: u8,
}

/// Lays an article out at `width` columns.
pub fn build(
    index: usize,
    article: &Article,
    analysis: Option<&ArticleAnalysis>,
    kinds: &HashMap<String, Kind>,
    marks: &Marks,
    theme: &Theme,
    width: u16,
) -> Pane {
    let w = usize::from(width.max(10));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut pos: Vec<(usize, usize)> = Vec::new();
    for l in wrap(&[(article.title.clone(), theme.title, 0)], w) {
        lines.push(l.0);
        pos.push((usize::MAX, 0));
    }
    let meta: Vec<String> = [
        article.outlet_or_file(),
        article.author.as_ref().map(|a| format!("by {a}")),
        article.date.map(|d| d.iso()),
        Some(format!("{} words", article.words())),
    ]
    .into_iter()
    .flatten()
    .collect();
    for l in wrap(&[(meta.join(" · "), theme.header, 0)], w) {
        lines.push(l.0);
        pos.push((usize::MAX, 0));
    }
    lines.push(Line::default());
    pos.push((usize::MAX, 0));
    let mut matches = Vec::new();
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let mut layers: Vec<Layer> = Vec::new();
        let mut labels: Vec<Label> = Vec::new();
        if let Some(a) = analysis {
            analysis_layers(a, pi, p, kinds, marks, theme, &mut layers, &mut labels);
        }
        if let Some(q) = marks.search.filter(|q| !q.is_empty()) {
            search_layers(pi, p, q, marks, theme, &mut layers, &mut matches);
        }
        let segs = segments(p, &layers, &labels);
        for (line, byte) in wrap(&segs, w) {
            lines.push(line);
            pos.push((pi, byte));
        }
        lines.push(Line::default());
        pos.push((pi, p.len()));
    }
    Pane { article: index, width, lines, line_pos: pos, scroll: 0, matches }
}

/// The highlights of paragraph `pi` (text `p`) from the analysis: quotes with their speakers'
/// labels, mentions by kind (or shared colour), figures (red when in conflict).
#[expect(clippy::too_many_arguments, reason = "one paragraph's layers from the pane's whole context")]
fn analysis_layers(
    a: &ArticleAnalysis,
    pi: usize,
    p: &str,
    kinds: &HashMap<String, Kind>,
    marks: &Marks,
    theme: &Theme,
    layers: &mut Vec<Layer>,
    labels: &mut Vec<Label>,
) {
    for q in a.quotes.iter().filter(|q| q.at.paragraph() == pi) {
        let mut style = theme.quote;
        if marks.shared_quotes.contains(&(pi, q.at.start())) {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        if marks.current_quote == Some((pi, q.at.start())) {
            style = style.patch(theme.selection);
        }
        layers.push(Layer { start: q.at.start(), end: q.at.end(), style, rank: 1 });
        if let Some(s) = q.speaker.as_ref().filter(|_| q.text.split_whitespace().count() > 3) {
            let close = q.at.end()
                + p.get(q.at.end()..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| matches!(c, ',' | '.' | '"' | '”' | '!' | '?'))
                    .map(char::len_utf8)
                    .sum::<usize>();
            labels.push(Label { at: close, text: format!(" ‹{s}›"), style: theme.dim });
        }
    }
    for m in a.mentions.iter().filter(|m| m.at.paragraph() == pi) {
        let style = match marks.shared {
            Some(shared) => match shared.get(&*m.entity) {
                Some(i) => {
                    // past the palette (or without colours), a number tells entities apart
                    if let Some(mark) = theme.shared_mark(*i) {
                        labels.push(Label { at: m.at.end(), text: mark, style: theme.dim });
                    }
                    theme.shared(*i)
                }
                None => theme.dim,
            },
            None => kinds.get(&*m.entity).map_or(Style::new(), |k| theme.kind(*k)),
        };
        let style = if marks.selected_entity == Some(&*m.entity) { style.patch(theme.selection) } else { style };
        layers.push(Layer { start: m.at.start(), end: m.at.end(), style, rank: 2 });
    }
    for f in a.figures.iter().filter(|f| f.at.paragraph() == pi) {
        let start = f.at.start();
        let conflict = marks.conflicts.iter().any(|&(cp, s, _)| cp == pi && s == start);
        let mut style = if conflict { theme.conflict } else { theme.figure };
        if conflict && marks.current_conflict.contains(&(pi, start)) {
            // a steady marker before the current conflict, not a blink a terminal may not show
            style = style.add_modifier(Modifier::UNDERLINED);
            labels.push(Label { at: start, text: "▶".into(), style: theme.conflict });
        }
        if conflict && !theme.color {
            labels.push(Label { at: f.at.end(), text: "≠".into(), style: theme.conflict });
        }
        layers.push(Layer { start, end: f.at.end(), style, rank: 3 });
    }
}

/// The matches of the search `q` in paragraph `pi` (text `p`), highlighted and listed.
fn search_layers(
    pi: usize,
    p: &str,
    q: &str,
    marks: &Marks,
    theme: &Theme,
    layers: &mut Vec<Layer>,
    matches: &mut Vec<(usize, usize, usize)>,
) {
    let lower = p.to_lowercase();
    let ql = q.to_lowercase();
    // lower-casing can change byte lengths: only trust matches where it did not
    if lower.len() != p.len() || ql.is_empty() {
        return;
    }
    let mut from = 0;
    while let Some(i) = lower.get(from..).and_then(|rest| rest.find(&ql)) {
        let s = from + i;
        let e = s + ql.len();
        matches.push((pi, s, e));
        let style = if marks.current_match == Some((pi, s)) { theme.current_match } else { theme.matched };
        layers.push(Layer { start: s, end: e, style, rank: 4 });
        from = e;
    }
}

/// Cuts a paragraph into runs of one style, with speaker labels inserted after quotations.
/// Each run carries the byte offset where it starts in the paragraph.
fn segments(p: &str, layers: &[Layer], labels: &[Label]) -> Vec<(String, Style, usize)> {
    let mut cuts: Vec<usize> = vec![0, p.len()];
    for l in layers {
        cuts.push(l.start.min(p.len()));
        cuts.push(l.end.min(p.len()));
    }
    for l in labels {
        cuts.push(l.at.min(p.len()));
    }
    cuts.retain(|c| p.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for win in cuts.windows(2) {
        let (a, b) = (win[0], win[1]);
        for l in labels.iter().filter(|l| l.at == a) {
            out.push((l.text.clone(), l.style, usize::MAX));
        }
        let mut covering: Vec<&Layer> =
            layers.iter().filter(|l| l.start <= a && l.end >= b && l.start < l.end).collect();
        covering.sort_by_key(|l| l.rank);
        let style = covering.iter().fold(Style::new(), |s, l| s.patch(l.style));
        out.push((p[a..b].to_string(), style, a));
    }
    for l in labels.iter().filter(|l| l.at >= p.len()) {
        out.push((l.text.clone(), l.style, usize::MAX));
    }
    out
}

/// Greedy word wrap by display width (wide characters count two, combining marks none).
/// Returns each line with the byte offset of its first character.
fn wrap(segs: &[(String, Style, usize)], width: usize) -> Vec<(Line<'static>, usize)> {
    // characters with style and source byte
    let mut chars: Vec<(char, Style, usize)> = Vec::new();
    for (text, style, base) in segs {
        for (i, c) in text.char_indices() {
            chars.push((c, *style, if *base == usize::MAX { usize::MAX } else { base + i }));
        }
    }
    let mut lines: Vec<Vec<(char, Style, usize)>> = Vec::new();
    let mut cur: Vec<(char, Style, usize)> = Vec::new();
    let mut cur_w = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if c == ' ' || c == '\t' || c == '\n' {
            if cur_w > 0 && cur_w < width {
                cur.push((' ', chars[i].1, chars[i].2));
                cur_w += 1;
            }
            i += 1;
            continue;
        }
        // a word: up to the next space, or one wide character (which may break anywhere)
        let mut j = i;
        let mut ww = 0;
        while j < chars.len() && !matches!(chars[j].0, ' ' | '\t' | '\n') {
            let cw = chars[j].0.width().unwrap_or(0);
            if cw == 2 && j > i {
                break;
            }
            ww += cw;
            j += 1;
            if cw == 2 {
                break;
            }
        }
        if cur_w + ww > width && cur_w > 0 {
            while cur.last().is_some_and(|x| x.0 == ' ') {
                cur.pop();
            }
            lines.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        for ch in &chars[i..j] {
            let cw = ch.0.width().unwrap_or(0);
            if cur_w + cw > width && cur_w > 0 {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0;
            }
            cur.push(*ch);
            cur_w += cw;
        }
        i = j;
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
        .into_iter()
        .map(|l| {
            let first = l.iter().map(|x| x.2).find(|b| *b != usize::MAX).unwrap_or(0);
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut buf = String::new();
            let mut style: Option<Style> = None;
            for (c, s, _) in l {
                if style != Some(s) {
                    if let Some(st) = style {
                        spans.push(Span::styled(std::mem::take(&mut buf), st));
                    }
                    style = Some(s);
                }
                buf.push(c);
            }
            if let Some(st) = style {
                spans.push(Span::styled(buf, st));
            }
            (Line::from(spans), first)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn plain(s: &str, w: usize) -> Vec<String> {
        wrap(&[(s.to_string(), Style::new(), 0)], w)
            .into_iter()
            .map(|(l, _)| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_by_display_width() {
        let lines = plain("one two three four five six", 9);
        assert_eq!(lines, vec!["one two", "three", "four five", "six"]);
        let cjk = plain("東京都の知事が会見した", 6);
        assert!(cjk.iter().all(|l| l.width() <= 6), "{cjk:?}");
        let accents = plain("cafe\u{301} cafe\u{301} cafe\u{301}", 9);
        assert_eq!(accents.len(), 2);
        let long = plain("abcdefghijklmnop", 5);
        assert_eq!(long, vec!["abcde", "fghij", "klmno", "p"]);
    }
}
