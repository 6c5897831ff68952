//! Quotation marks of a paragraph, paired into spans: a lexical step next to tokens and
//! sentences, so attribution (`quotes`) and the discourse model both read the same spans.
//!
//! Marks: straight and curly double quotes, two apostrophes used as one double mark (`''`),
//! low-high marks (`„…“`), guillemets (`«…»`, `‹…›`), and curly or straight single quotes.
//! A straight or right single mark inside a word (`don't`, `Chelsea's`), before a year's
//! digits (`the '90s`) or after a plural's `s` with no quotation open (`the Joneses' house`)
//! is an apostrophe. A mark nested in another quotation is part of it: only outermost
//! spans are kept. An opening mark left open at the paragraph's end runs to it (the way a
//! quotation goes on over several paragraphs).
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

/// One quotation's marks and inner text, in bytes of its paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub paragraph: usize,
    /// byte of the opening mark
    pub open: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    /// byte just past the closing mark (the paragraph end when unclosed)
    pub close_end: usize,
    pub closed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: which one it is depends on what is open.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    role: Role,
    /// `„` closes with `“` as well as `”`.
    low: bool,
}

/// What stands on each side of a mark: a space (or the paragraph's edge), a letter or digit,
/// or other punctuation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Space,
    Word,
    Punct,
}

fn side(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if c.is_whitespace() => Side::Space,
        Some(c) if c.is_alphanumeric() => Side::Word,
        Some(_) => Side::Punct,
    }
}

/// Whether the text after an apostrophe reads as a year cut short (`'90s`, `'08`).
fn year_after(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 2 && !rest[2..].starts_with(|c: char| c.is_alphanumeric() && c != 's')
}

/// The marks of `p`, classified by their neighbours; apostrophes left out.
fn marks(p: &str) -> Vec<Mark> {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    // every mark starts with one of these bytes: the rest is skipped without decoding (`«`
    // and `»` start with C2, rare enough to be looked for only when the paragraph has one)
    let mut at: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
    if memchr::memchr(0xC2, bytes).is_some() {
        at.extend(memchr::memchr_iter(0xC2, bytes));
        at.sort_unstable();
    }
    let mut next_free = 0;
    for i in at {
        if i < next_free {
            continue;
        }
        let (c, len) = crate::text::char_at(p, i);
        let before = side(p[..i].chars().next_back());
        let after = side(p[i + len..].chars().next());
        let mut mark = |family, role, len| out.push(Mark { at: i, len, family, role, low: c == '\u{201e}' });
        match c {
            '"' => mark(Family::Double, flank(before, after), 1),
            '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                // `''`: two apostrophes for one double mark
                let after2 = side(p[i + 2..].chars().next());
                mark(Family::Double, flank(before, after2), 2);
                next_free = i + 2;
                continue;
            }
            '\u{201c}' => mark(Family::Double, Role::Open, len),
            '\u{201d}' => mark(Family::Double, Role::Close, len),
            '\u{201e}' => mark(Family::Double, Role::Open, len),
            '\u{ab}' => mark(Family::Guillemet, Role::Open, len),
            '\u{bb}' => mark(Family::Guillemet, Role::Close, len),
            '\u{2039}' => mark(Family::SingleGuillemet, Role::Open, len),
            '\u{203a}' => mark(Family::SingleGuillemet, Role::Close, len),
            '\u{2018}' if !year_after(&p[i + len..]) => mark(Family::Single, Role::Open, len),
            '\'' | '\u{2019}' => {
                let inside_word = before == Side::Word && after == Side::Word;
                let year = before != Side::Word && year_after(&p[i + len..]);
                if !(inside_word || year) {
                    let role = match (before, after) {
                        (Side::Space, Side::Word | Side::Punct) => Role::Open,
                        (Side::Punct, Side::Word) => Role::Open,
                        (Side::Word | Side::Punct, Side::Space | Side::Punct) => Role::Close,
                        _ => Role::Either,
                    };
                    // a right mark only closes: it opens nothing
                    if !(c == '\u{2019}' && role == Role::Open) || before == Side::Space {
                        mark(Family::Single, role, len);
                    }
                }
            }
            _ => {}
        }
        next_free = i + len;
    }
    out
}

/// A straight mark's role from its neighbours: `"` before a word opens, after one closes.
fn flank(before: Side, after: Side) -> Role {
    match (before, after) {
        (Side::Space, Side::Word | Side::Punct) => Role::Open,
        (Side::Word, Side::Space | Side::Punct) => Role::Close,
        (Side::Punct, Side::Space) => Role::Close,
        _ => Role::Either,
    }
}

/// How deep quotations nest at most.
const MAX_DEPTH: usize = 8;

/// Quotation spans of one paragraph, outermost only, in text order.
pub fn spans(p: &str, paragraph: usize) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    let span = |o: &Mark, close_at: usize, close_end: usize, closed: bool| Quotation {
        paragraph,
        open: o.at,
        inner_start: o.at + o.len,
        inner_end: close_at,
        close_end,
        closed,
    };
    for m in marks(p) {
        let open_of_family = stack.iter().rposition(|o| o.family == m.family);
        let closes = match m.role {
            Role::Close => open_of_family.is_some(),
            Role::Open => {
                // `„…“`: the left mark closes a low opening
                m.family == Family::Double
                    && p[m.at..].starts_with('\u{201c}')
                    && open_of_family.is_some_and(|k| stack[k].low)
            }
            Role::Either => open_of_family.is_some(),
        };
        if closes {
            if let Some(k) = open_of_family {
                let o = stack[k];
                // marks opened inside and never closed were not quotation marks
                stack.truncate(k);
                // `’n’`: a letter or two between single marks is an elision, not a quotation
                let elision = matches!(o.family, Family::Single) && p[o.at + o.len..m.at].chars().nth(2).is_none();
                if stack.is_empty() && !elision {
                    out.push(span(&o, m.at, m.at + m.len, true));
                }
            }
            continue;
        }
        let opens = match m.role {
            Role::Open => true,
            // a straight mark with words on both sides or none opens only a double quotation
            Role::Either => m.family == Family::Double,
            Role::Close => false,
        };
        // (no text nests quotations deeper: the bound keeps a run of marks linear)
        if opens && stack.len() < MAX_DEPTH {
            stack.push(m);
        }
    }
    // an opening left open runs to the paragraph's end when words follow it, unless it is a
    // straight single mark (most of those are apostrophes of a kind not told above) that
    // neither opens the paragraph nor follows a colon
    let leads = |o: &Mark| p[..o.at].trim_end().is_empty() || p[..o.at].trim_end().ends_with(':');
    if let Some(o) = stack.first()
        && !(o.family == Family::Single && p[o.at..].starts_with('\'') && !leads(o))
        && p[o.at + o.len..].split_whitespace().nth(2).is_some()
    {
        out.push(span(o, p.len(), p.len(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<&str> {
        spans(p, 0).into_iter().map(|s| &p[s.inner_start..s.inner_end]).collect()
    }

    #[test]
    fn curly_and_straight_double_marks() {
        let p = "“One two,” she said. \"Three four five\" and “six";
        assert_eq!(texts(p), vec!["One two,", "Three four five"]);
        let p = "“An unclosed quotation that runs on";
        assert_eq!(spans(p, 0).len(), 1);
        assert!(!spans(p, 0)[0].closed);
    }

    #[test]
    fn single_marks_curly_and_straight() {
        assert_eq!(texts("‘We will rebuild,’ she said."), vec!["We will rebuild,"]);
        assert_eq!(texts("'We will rebuild,' she said."), vec!["We will rebuild,"]);
        assert_eq!(texts("He called it 'a disgrace' on Monday."), vec!["a disgrace"]);
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        assert_eq!(texts("''It was chaos,'' he said."), vec!["It was chaos,"]);
        assert_eq!(texts("She said: ''We don't know.''"), vec!["We don't know."]);
    }

    #[test]
    fn guillemets_and_low_high_marks() {
        assert_eq!(texts("Il a dit « nous restons » hier."), vec![" nous restons "]);
        assert_eq!(texts("Sie sagte: „Wir bleiben hier.“ Dann ging sie."), vec!["Wir bleiben hier."]);
        assert_eq!(texts("‹Non› dit-il."), vec!["Non"]);
    }

    #[test]
    fn apostrophes_open_no_quotation() {
        for p in [
            "We don't know why the club's coach left.",
            "Music of the '90s and the '08 crash.",
            "The Joneses' house and James' car were hit.",
            "Rock ’n’ roll is here, the mayor's office said.",
            "It was the players’ choice.",
        ] {
            assert_eq!(texts(p), Vec::<&str>::new(), "{p}");
        }
        // apostrophes inside a single-quoted quotation do not close it
        assert_eq!(texts("'We don't rest,' said the mayor's aide."), vec!["We don't rest,"]);
    }

    #[test]
    fn nested_quotations_stay_inside_the_outer_one() {
        assert_eq!(texts("“He told me ‘never again’ and left,” she said."), vec!["He told me ‘never again’ and left,"]);
        assert_eq!(texts("‘He told me “never again” and left,’ she said."), vec!["He told me “never again” and left,"]);
    }

    #[test]
    fn a_quotation_open_at_the_end_runs_to_it() {
        let p = "‘The water came in the night and we ran";
        let s = spans(p, 3);
        assert_eq!((s.len(), s[0].closed, s[0].paragraph, s[0].inner_end), (1, false, 3, p.len()));
        // too short to be a quotation that goes on
        assert!(spans("He said “no", 0).is_empty());
        // a straight single mark left open goes on only after a colon or at the start
        assert_eq!(spans("She said: 'I was in the third carriage when", 0).len(), 1);
        assert_eq!(spans("'Then the lights went out and we ran", 0).len(), 1);
        assert!(spans("The 'fixers who came in the night and left", 0).is_empty());
    }
}
