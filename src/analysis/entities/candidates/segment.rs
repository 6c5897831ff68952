//! A run of capitalised words cut into names: function words trimmed, split where a
//! known name stands first, each piece pushed with its evidence.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::candidate::{Candidate, Source};
use super::words::*;
use crate::analysis::doc::Para;
use crate::analysis::layout::Layout;
use crate::analysis::lexicon::{Lexicon, Word, lexicon};
use crate::analysis::model::Kind;
use crate::text::date::{month_from_name, weekday_from_name};
use crate::text::fold::{fold, strip_possessive, with_fold};
use smallvec::SmallVec;

/// Where a run stands: the paragraph, its sentence and where that sentence starts.
#[derive(Clone, Copy)]
pub(super) struct At<'a, 'p> {
    pub(super) lex: &'static Lexicon,
    pub(super) para: &'a Para<'p>,
    pub(super) pi: usize,
    pub(super) si: usize,
    pub(super) sent_start: usize,
}

/// A capitalised word that is no given name and nothing the lexicon knows (`Challenger`).
fn plain_opener(lex: &'static Lexicon, word: &str) -> bool {
    word.chars().skip(1).all(char::is_lowercase)
        && with_fold(word, |k| !lex.given.contains(k) && lexicon_kind(lex, k).is_none())
}

/// Splits a piece with no titles at known names, dropping function words and demonyms.
pub(super) fn segment(at: At, piece: &[usize], role: Option<String>, out: &mut Vec<Candidate>) {
    let At { lex, para, sent_start, .. } = at;
    let w = |i: usize| strip_possessive(para.word(piece[i]));
    let mut lo = 0;
    let mut hi = piece.len();
    // `Ironically Nichols`: a sentence-opening adverb is not part of the name; nor is the
    // speech verb of an inverted cue (`Said Vask: "..."`), nor a plain word opening the
    // sentence before a given name and a surname (`Challenger Dana Whitcombe`)
    let colon_after = piece.last().is_some_and(|&k| para.tokens.get(k + 1).is_some_and(|t| t.text(para.text) == ":"));
    let opener = |i: usize| {
        piece[i] == sent_start && {
            let l = w(i).to_lowercase();
            ((l.ends_with("ly") || l.ends_with("ing"))
                && with_fold(w(i), |k| !lex.given.contains(k) && lexicon_kind(lex, k).is_none()))
                || (colon_after && lex.word(w(i)).is_speech() && (l == "said" || l.ends_with("ed")))
                || (piece.len() >= i + 3 && lex.word(w(i + 1)).is_given() && plain_opener(lex, w(i)))
        }
    };
    // in prose a capitalised common word inside a run is part of the name (`The New Harbor
    // Post`); only the sentence's opening word, or any word of a heading, is dropped
    let common = |i: usize| lex.word(w(i)).is_common() && (i == 0 || para.layout != Layout::Prose);
    while lo < hi && (CONNECTORS.contains(&w(lo)) || common(lo) || (lo == 0 && hi > 1 && opener(lo))) {
        lo += 1;
    }
    while hi > lo && CONNECTORS.contains(&w(hi - 1)) {
        hi -= 1;
    }
    if lo >= hi {
        return;
    }
    let piece = &piece[lo..hi];
    let w = |i: usize| strip_possessive(para.word(piece[i]));
    let n = piece.len();
    let last_head = lex.word(w(n - 1)).head();
    let first_head_of =
        n > 2 && (0..n - 1).any(|i| matches!(w(i + 1), "of" | "for") && lex.word(w(i)).head().is_some());
    if last_head.is_some() || first_head_of {
        // `Russian Foreign Ministry`: the demonym qualifies the organisation
        let mut country = None;
        if n > 1
            && let Some(c) = lex.demonym_country(w(0)).or_else(|| {
                with_fold(w(0), |k| lex.places.get(k)).filter(|p| p.kind == "country").map(|p| p.canonical.as_str())
            })
            && (last_head == Some(Kind::Organization) || first_head_of)
        {
            country = Some(c);
        }
        push_with(at, piece, role, country, out);
        return;
    }
    // Split only where a known name (a place, an organisation, a demonym) stands first and
    // another name starts right after it (`EU Vsevolod Chentsov`, `U.S. Senate`); a known word
    // glued to unknown ones is part of a longer name (`Newport Beach`, `American Pie`).
    // each word folded once; keys for spans are joins of folded words
    if n == 1 {
        // one word: a demonym alone is no name; a plain word the lexicon does not list is
        // pushed without folding it
        let word = lex.word(w(0));
        if word.may_be_listed() && with_fold(w(0), |k| lex.demonyms.contains_key(k) && lexicon_kind(lex, k).is_none()) {
            return;
        }
        push(at, piece, role, out);
        return;
    }
    split_known(at, piece, role, out);
}

/// A piece of several words cut where a known name stands first and another name starts
/// right after it.
fn split_known(at: At, piece: &[usize], role: Option<String>, out: &mut Vec<Candidate>) {
    let At { lex, para, .. } = at;
    let w = |i: usize| strip_possessive(para.word(piece[i]));
    let n = piece.len();
    let folded: SmallVec<[String; 8]> = (0..n).map(|i| fold(w(i))).collect();
    let known_len = |i: usize| -> usize {
        let known = |key: &str| {
            lex.word(key).may_be_listed() && (lexicon_kind(lex, key).is_some() || lex.demonyms.contains_key(key))
        };
        for j in (i + 1..=n.min(i + lex.max_words)).rev() {
            // one word is its own key: no joined copy
            if if j == i + 1 { known(&folded[i]) } else { known(&folded[i..j].join(" ")) } {
                return j - i;
            }
        }
        0
    };
    let mut i = 0;
    let mut role = role;
    while i < n {
        let len = known_len(i);
        let end = i + len;
        let splits = len > 0
            && (end == n || lex.word(w(end)).is_given() || known_len(end) > 0)
            && !given_and_surname(lex, &folded, i, len, end, n);
        if splits {
            let key = folded[i..end].join(" ");
            if lexicon_kind(lex, &key).is_some() {
                push(at, &piece[i..end], role.take(), out);
            }
            i = end;
            continue;
        }
        push(at, &piece[i..n], role.take(), out);
        return;
    }
}

/// Whether the known word at `i` is a given name that a surname follows (`Elizabeth Warren`,
/// `Georgia Brandt`): a person, though both words are also towns. A country, state or
/// capital after it is another name (`Jordan Israel`).
fn given_and_surname(lex: &'static Lexicon, folded: &[String], i: usize, len: usize, end: usize, n: usize) -> bool {
    if len != 1 || end >= n || i + 2 != n {
        return false;
    }
    let (Some(first), Some(next)) = (folded.get(i), folded.get(end)) else { return false };
    lex.given.contains(first) && lex.places.get(next).is_none_or(|p| p.kind == "city") && !lex.orgs.contains_key(next)
}

pub(super) fn push(at: At, piece: &[usize], role: Option<String>, out: &mut Vec<Candidate>) {
    push_with(at, piece, role, None, out);
}

pub(super) fn push_with(
    at: At,
    piece: &[usize],
    role: Option<String>,
    country: Option<&'static str>,
    out: &mut Vec<Candidate>,
) {
    let At { lex, para, pi, si, sent_start } = at;
    let (Some(&first), Some(&last)) = (piece.first(), piece.last()) else { return };
    let Some(last_word) = last_word(para, first, last) else { return };
    let possessive = is_possessive(last_word);
    let start = para.tokens[first].start as usize;
    let mut end = para.tokens[last].start as usize + strip_possessive(last_word).len();
    if first == last && last_word.len() == 2 && last_word.ends_with('.') {
        end -= 1;
    }
    let text = para.text[start..end].to_string();
    let more_words: Vec<String> = if first == last {
        Vec::new()
    } else {
        piece
            .iter()
            .map(|&i| if i == last { last_word } else { para.word(i) })
            .map(|w| strip_possessive(w).to_string())
            .collect()
    };
    let words: &[String] = if first == last { std::slice::from_ref(&text) } else { &more_words };
    // the text looked up once: in the gazetteer, among given names
    let whole = lex.word(&text);
    let (lexical, key_given, key_x) = with_fold(&text, |k| {
        let lexical = if whole.may_be_known() { lexicon_kind(lex, k) } else { None };
        (lexical, whole.given_or(|| lex.given.contains(k)), k == "x")
    });
    let opens = first == sent_start || (first > 0 && !para.tokens[first - 1].word && first - 1 == sent_start);
    // a row's first cell is a name whatever its place: `Kettleby 2 Marrow Vale 1`
    let initial = opens && !(para.layout == Layout::Row && starts_cell(para, last + 1));
    // Not names: days, months, lone letters, sentence openers that are ordinary words.
    // `Mr. Major`: a surname, though `major` is a title
    let after_honorific = role.as_deref().is_some_and(is_honorific);
    if words.len() == 1 && !after_honorific {
        let after_on = first > 0 && matches!(para.word(first - 1), "on" | "via");
        if rejected_alone(whole, &text, lexical.is_some(), key_given, key_x && after_on, initial) {
            return;
        }
    }
    if words.iter().all(|w| {
        month_from_name(w).is_some() || weekday_from_name(w).is_some() || w.chars().all(|c| c.is_ascii_digit())
    }) {
        return;
    }
    if words.len() == 1 && currency_before_amount(para, &text, last) {
        return;
    }
    let source = source_of(lex, lexical, words);
    let (role, person_cue, place_cue) = cues(at, first, last, words, &source, role);
    let country = country.or_else(|| possessive_country(at, first, &source));
    let org_cue = !person_cue && !place_cue && source == Source::Unknown && org_around(at, first, last);
    out.push(Candidate {
        paragraph: pi,
        sentence: si,
        first,
        last: last + 1,
        start,
        end,
        text,
        more_words,
        possessive,
        role,
        source,
        country,
        person_cue,
        place_cue,
        org_cue,
        weak: para.layout == Layout::Headline,
        initial,
        speaks: para.tokens.get(last + 1).is_some_and(|t| t.word && lex.word(t.text(para.text)).is_speech()),
    });
}

/// The name's last word: `United Nations-run` without its adjective's tail. None for
/// `Lisbon-based` alone, an adjective, as when it opens a run.
fn last_word<'p>(para: &Para<'p>, first: usize, last: usize) -> Option<&'p str> {
    match para.word(last) {
        w if first == last && is_compound_adjective(w) => None,
        w if first != last && is_adjective_of_name(w) => {
            Some(w.rsplit_once(['-', '\u{2011}']).map_or(w, |(head, _)| head))
        }
        w => Some(w),
    }
}

/// `SEK 41bn`: a currency's code before its amount.
fn currency_before_amount(para: &Para, text: &str, last: usize) -> bool {
    crate::analysis::figures::units::currency_symbol(text).is_some()
        && para.tokens.get(last + 1).is_some_and(|t| starts_number(t.text(para.text)))
}

/// Where a name's kind comes from: the gazetteer, a head word (`Ministry`, `of` after a
/// head), or nothing yet.
fn source_of(lex: &'static Lexicon, lexical: Option<(Kind, &'static str)>, words: &[String]) -> Source {
    if let Some((k, canon)) = lexical {
        return Source::Lexicon(k, canon);
    }
    // `Quill & Marrow`: a firm's partners
    if words.iter().any(|w| w == "&") {
        return Source::Head(Kind::Organization);
    }
    let head = words.last().and_then(|w| lex.word(w).head()).or_else(|| {
        words
            .windows(2)
            .find(|p| p[1] == "of" || p[1] == "for")
            .and_then(|p| lex.word(&p[0]).head())
            .filter(|_| words.len() > 2)
    });
    head.map_or(Source::Unknown, Source::Head)
}

/// The evidence for a person (a role, a known given name, a speech verb or `, who` after it)
/// and for a place (a place word before it): the role, and whether each holds.
fn cues(
    at: At,
    first: usize,
    last: usize,
    words: &[String],
    source: &Source,
    role: Option<String>,
) -> (Option<String>, bool, bool) {
    let At { lex, para, .. } = at;
    let next_words: [&str; 3] =
        std::array::from_fn(|k| if last + 1 + k < para.tokens.len() { para.word(last + 1 + k) } else { "" });
    // `claims`, `reports`, `notes` after a plural noun are nouns too: only past forms and `says` count
    // (every speech verb starts with a letter: punctuation after a name is no look-up)
    let speech_after = next_words.iter().take(2).any(|w| {
        !w.starts_with(|c: char| c.is_ascii_punctuation())
            && lex.word(w).is_speech()
            && crate::text::lower::with_lower(w, |l| !l.ends_with('s') || l == "says")
    }) || next_words.starts_with(&[",", "who"]);
    let acronym = words.len() == 1
        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && words[0].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let (place_prefix, given_first) = if words.len() >= 2 {
        let first = lex.word(&words[0]);
        let place_prefix = first.is_place_prefix();
        (place_prefix, !place_prefix && (first.is_given() || is_initial(&words[0])))
    } else {
        (false, false)
    };
    let prev = (first > 0).then(|| para.lower(first - 1));
    // a lower-case role right before the name (`spokesperson Jane Doe`, `farmer Ines Costa`)
    let role = role.or_else(|| {
        prev.as_deref()
            .filter(|p| words.len() >= 2 && lex.is_title(p) && p.chars().all(char::is_lowercase))
            .map(str::to_string)
    });
    let person_cue = role.is_some()
        || given_first
        || (speech_after && *source == Source::Unknown && !acronym)
        || (*source == Source::Unknown && person_around(at, first, last, words.len()));
    // `according to Lagarde` cites a source, it goes nowhere
    let cited = first >= 2 && prev.as_deref() == Some("to") && para.lower(first - 2) == "according";
    let place_cue = (place_prefix
        || (prev.as_deref().is_some_and(|p| PLACE_PREPOSITIONS.contains(&p)) && !cited)
        || place_around(at, first, &next_words))
        && !person_cue
        && !acronym;
    (role, person_cue, place_cue)
}

/// A person's words around a name: a role in apposition after it (`X, an elected member of`,
/// `X, executive director of`), the minute of a goal (`X (47th)`), a scorecard's bowler or
/// catcher (`c X b Y`).
fn person_around(at: At, first: usize, last: usize, n_words: usize) -> bool {
    let At { lex, para, .. } = at;
    let word = |i: usize| para.tokens.get(i).map_or("", |t| t.text(para.text));
    let apposition = word(last + 1) == ","
        && (last + 2..last + 5)
            .map(word)
            .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
            .any(|w| lex.is_title(w));
    let ordinal = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
    };
    let minute = n_words >= 2 && word(last + 1) == "(" && ordinal(word(last + 2));
    let scorecard = para.layout == Layout::Row && first > 0 && matches!(word(first - 1), "b" | "c" | "st");
    apposition || minute || scorecard
}

/// Kinds of organisation a name follows (`Belgian club X`, `the daily X`, `operator X`).
static ORG_CLASSES: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "club",
    "side",
    "team",
    "company",
    "firm",
    "group",
    "conglomerate",
    "daily",
    "weekly",
    "newspaper",
    "agency",
    "broadcaster",
    "operator",
    "airline",
    "carrier",
    "bank",
    "lender",
    "insurer",
    "brokerage",
    "retailer",
    "maker",
    "carmaker",
    "automaker",
    "manufacturer",
    "producer",
    "supplier",
    "distributor",
    "developer",
    "chain",
    "label",
]);

/// An organisation's words around a name: a kind of organisation before it (`the daily X`),
/// or a score after a team's name (`beat the Northam Reds 3-1`).
fn org_around(at: At, first: usize, last: usize) -> bool {
    let para = at.para;
    let before = first.checked_sub(1).map(|i| para.word(i));
    let class_before = before.is_some_and(|w| ORG_CLASSES.contains(w));
    let score_after = before == Some("the")
        && para.tokens.get(last + 1).is_some_and(|t| {
            let w = t.text(para.text);
            t.word && w.split_once('-').is_some_and(|(a, b)| is_number(a) && is_number(b))
        });
    class_before || score_after
}

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A place's words around a name: `the town of Varno`, `Varno province`, `Varno, Norway`.
fn place_around(at: At, first: usize, next: &[&str]) -> bool {
    let At { lex, para, .. } = at;
    let place_noun =
        |w: &str| w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).head() == Some(Kind::Place);
    // `city` is a club's head word too (`Northam City`), a place's before `of`
    let of_place = first >= 2
        && para.word(first - 1) == "of"
        && (place_noun(para.word(first - 2)) || para.word(first - 2) == "city");
    // only an administrative unit after it: `a Varnian valley` is an adjective's
    let noun_after = matches!(next[0], "province" | "district" | "prefecture" | "governorate" | "county" | "oblast");
    // (`Norway's` is one word: a possessive is no country here)
    let country_after =
        next[0] == "," && with_fold(next[1], |k| lex.places.get(k).is_some_and(|p| p.kind == "country"));
    of_place || noun_after || country_after
}

/// `A. Rahman`, `K. Ostrow`: one capital with its full stop opens a person's name.
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// `Russia's Foreign Ministry`: a country's possessive before an organisation.
fn possessive_country(at: At, first: usize, source: &Source) -> Option<&'static str> {
    if !matches!(source, Source::Head(Kind::Organization)) || first == 0 {
        return None;
    }
    let prev_word = at.para.word(first - 1);
    if !is_possessive(prev_word) {
        return None;
    }
    with_fold(prev_word, |k| at.lex.places.get(k)).filter(|p| p.kind == "country").map(|p| p.canonical.as_str())
}

/// A one-word candidate that names nothing: a day or month, an ordinary word, a demonym, a
/// title, a bare head word, a contraction, a lone letter (but `X` after `on`), or a
/// sentence opener ending like an adverb or participle.
pub(super) fn rejected_alone(w: Word, text: &str, lexical: bool, given: bool, x_after_on: bool, initial: bool) -> bool {
    let lex = lexicon();
    if month_from_name(text).is_some() && text.len() > 3 || weekday_from_name(text).is_some() && text.len() > 4 {
        return true;
    }
    let compound_demonym = text.contains('-') && text.split('-').all(|p| lex.demonym_country(p).is_some());
    if w.is_common() || w.is_demonym() || compound_demonym || w.is_title() || w.is_not_name() {
        return true;
    }
    // a bare head word (`Police`, `Ministry`) names nothing in particular
    if !lexical && w.head().is_some() {
        return true;
    }
    // contractions: `I'm`, `It's`, `We've`
    if text.contains(['\'', '\u{2019}'])
        && crate::text::lower::with_lower(text, |l| {
            l.split_once(['\'', '\u{2019}']).is_some_and(|(base, rest)| {
                matches!(rest, "m" | "ve" | "ll" | "re" | "d" | "t") && (base.len() <= 2 || lex.common.contains(base))
            })
        })
    {
        return true;
    }
    // one letter at most: the search stops at the second
    if text.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() && !x_after_on {
        return true;
    }
    initial
        && !lexical
        && !given
        && crate::text::lower::with_lower(text, |l| l.ends_with("ing") || l.ends_with("ly") || l.ends_with("ed"))
}

/// Whether token `i` opens a row's next cell: a number, a bracket, a comma or the row's end.
fn starts_cell(para: &Para, i: usize) -> bool {
    para.tokens.get(i).is_none_or(|t| {
        let w = t.text(para.text);
        (t.word && starts_number(w)) || matches!(w, "(" | "," | "-")
    })
}
