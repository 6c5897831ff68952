//! Finding name candidates in one article: runs of capitalised words, split at titles and
//! known names, cleaned of function words, possessives and roles, with the evidence for
//! their kind.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use crate::analysis::doc::{Doc, Para};
use crate::analysis::lexicon::{Lexicon, Word, lexicon};
use crate::analysis::model::Kind;
use crate::analysis::tokens::is_apostrophe;
use crate::text::date::{month_from_name, weekday_from_name};
use crate::text::fold::{fold, strip_possessive, with_fold};
use smallvec::SmallVec;

/// Lower-case words that may stand inside a name (`Bank of England`, `Charles de Gaulle`).
const CONNECTORS: &[&str] = &[
    "of", "de", "du", "da", "del", "della", "di", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "y",
];
/// Words before a name that say it is a place.
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "into", "near", "across", "toward", "towards", "outside", "inside", "throughout", "from", "to"];

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// In the gazetteer: the kind and the canonical name there.
    Lexicon(Kind, &'static str),
    /// Ends (or starts, for `Ministry of ...`) with an organisation or other head word.
    Head(Kind),
    /// Nothing known about it but its capitals.
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Candidate {
    pub paragraph: usize,
    pub sentence: usize,
    /// First and one-past-last token index in the paragraph.
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The words of a name of several; empty for one word, which is `text` (most names:
    /// see `words()`).
    more_words: Vec<String>,
    pub possessive: bool,
    pub role: Option<String>,
    pub source: Source,
    /// Country named before an organisation (`Russian Foreign Ministry`, `Russia's Foreign Ministry`).
    pub country: Option<&'static str>,
    pub person_cue: bool,
    pub place_cue: bool,
    /// Found only in a title-case line: kept only if the name is known elsewhere.
    pub weak: bool,
    /// The first word of its sentence, where any word is capitalised.
    pub initial: bool,
}

impl Candidate {
    /// The name's words (one for most names: its text).
    pub fn words(&self) -> &[String] {
        if self.more_words.is_empty() { std::slice::from_ref(&self.text) } else { &self.more_words }
    }

    /// Words written in capitals (`FIVE PEOPLE`, `MARFO DELTA BANK`, `MURDER`): case says
    /// nothing about them, the corpus's lower-case words do (see the merge). A single word
    /// counts from five letters on: shorter ones are mostly acronyms (`NATO`, `AIDS`).
    pub fn is_shouted(&self) -> bool {
        let letters = |w: &String| w.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = |w: &String| letters(w) >= 2 && !w.chars().any(char::is_lowercase);
        match self.words() {
            [w] => letters(w) >= 5 && capitals(w),
            ws => {
                ws.iter().filter(|w| capitals(w)).count() >= 2 && !ws.iter().any(|w| w.chars().any(char::is_lowercase))
            }
        }
    }

    pub fn is_acronym(&self) -> bool {
        self.words().len() == 1 && {
            let w: String = self.words()[0].chars().filter(|c| *c != '.').collect();
            (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        }
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len() && !w.ends_with('\'') && !w.ends_with('\u{2019}')
}

/// All candidates of one article.
pub fn find(doc: &Doc) -> Vec<Candidate> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(doc.paras.iter().map(|p| p.tokens.len() / 8).sum());
    let mut run: Vec<usize> = Vec::with_capacity(8);
    for (pi, para) in doc.paras.iter().enumerate() {
        for (si, &(a, b)) in para.sentences.iter().enumerate() {
            if shouted(para, a, b) {
                continue;
            }
            let before = out.len();
            let mut k = a;
            while k < b {
                if !para.tokens[k].word
                    || !is_cap(para.word(k))
                    || shouted_word(lex, para.word(k))
                    || is_compound_adjective(para.word(k))
                {
                    k += 1;
                    continue;
                }
                // one buffer for every run of the article: most runs are a single word
                run.clear();
                run.push(k);
                let mut m = k + 1;
                loop {
                    let last = *run.last().unwrap_or(&k);
                    if is_possessive(para.word(last)) {
                        break;
                    }
                    if m < b
                        && para.tokens[m].word
                        && is_cap(para.word(m))
                        && !breaks_name(para.word(m))
                        && !shouted_word(lex, para.word(m))
                        && para.tokens[m].start as usize == para.tokens[m - 1].end() as usize + gap(para, m)
                    {
                        run.push(m);
                        m += 1;
                    } else if m + 1 < b
                        && para.tokens[m].word
                        && CONNECTORS.contains(&para.word(m))
                        && para.tokens[m + 1].word
                        && is_cap(para.word(m + 1))
                    {
                        run.push(m);
                        run.push(m + 1);
                        m += 2;
                    } else if m + 2 < b && para.word(m) == "of" && para.word(m + 1) == "the" && is_cap(para.word(m + 2))
                    {
                        run.extend([m, m + 1, m + 2]);
                        m += 3;
                    } else {
                        break;
                    }
                }
                process_run(At { lex, para, pi, si, sent_start: a }, &run, &mut out);
                k = m;
            }
            mark_lists(lex, para, &mut out[before..]);
        }
    }
    // kept until the last pass of the whole corpus: no spare capacity
    out.shrink_to_fit();
    out
}

/// A sentence written in capitals (`CRITICS HAVE SAID IT WOULD BE ...`): its words say
/// nothing about which are names.
fn shouted(para: &Para, a: usize, b: usize) -> bool {
    let (mut words, mut caps) = (0, 0);
    for k in (a..b).filter(|&k| para.tokens[k].word) {
        let w = para.word(k);
        // most words start in lower case: counted without a look at their letters
        if w.as_bytes()[0].is_ascii_lowercase() {
            words += 1;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
            caps += usize::from(w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        }
    }
    words >= 4 && caps * 10 >= words * 7
}

/// An ordinary word in capitals (`THE`, `HAVE`, `THIS`): in a shouted phrase
/// (`THREE PEOPLE HAVE DIED`) it neither starts nor continues a name.
fn shouted_word(lex: &Lexicon, w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) && lex.is_common(w)
}

/// Days and months end a name (`Brian Nichols Saturday`, `Lisbon May`).
fn breaks_name(w: &str) -> bool {
    weekday_from_name(w).is_some_and(|_| w.len() > 4)
        || month_from_name(w).is_some_and(|_| w.len() > 3 && w != "May")
        || HOLIDAYS.contains(&w)
        || is_first_person(w)
        || is_compound_adjective(w)
}

/// `I'm`, `I've`, `I'd`: a speaker's words run on after a name in quotes and headlines.
fn is_first_person(w: &str) -> bool {
    w.strip_prefix('I').is_some_and(|r| r.starts_with(['\'', '\u{2019}']) && r.len() > 1)
}

/// `Paris-based`, `Ukrainian-born`, `Jail-issued`: a name turned adjective by a lower-case
/// ending is no part of a name.
fn is_compound_adjective(w: &str) -> bool {
    w.rsplit_once(['-', '\u{2011}']).is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.starts_with(|c: char| c.is_ascii_lowercase())
            && (tail.ends_with("ed") || matches!(tail, "born" | "led" | "made" | "run" | "style" | "like" | "bound"))
    })
}

/// Holidays stand next to names (`Ltd Christmas party`) without being part of them.
const HOLIDAYS: &[&str] =
    &["Christmas", "Easter", "Thanksgiving", "Halloween", "Ramadan", "Eid", "Hanukkah", "Diwali", "Passover"];

/// Words of one name are separated by exactly one space.
fn gap(para: &Para, m: usize) -> usize {
    let between = &para.text[para.tokens[m - 1].end() as usize..para.tokens[m].start as usize];
    if between == " " { 1 } else { usize::MAX / 2 }
}

/// Where a run stands: the paragraph, its sentence and where that sentence starts.
#[derive(Clone, Copy)]
struct At<'a, 'p> {
    lex: &'static Lexicon,
    para: &'a Para<'p>,
    pi: usize,
    si: usize,
    sent_start: usize,
}

fn lexicon_kind(lex: &'static Lexicon, key: &str) -> Option<(Kind, &'static str)> {
    if let Some(p) = lex.places.get(key) {
        return Some((Kind::Place, p.canonical.as_str()));
    }
    lex.orgs.get(key).map(|o| (Kind::Organization, o.as_str()))
}

fn process_run(at: At, run: &[usize], out: &mut Vec<Candidate>) {
    let At { lex, para, .. } = at;
    // runs are short: their words and what the lexicon knows of each (looked up once) stay
    // on the stack
    let words: SmallVec<[&str; 8]> = run.iter().map(|&i| strip_possessive(para.word(i))).collect();
    let info: SmallVec<[Word; 8]> = words.iter().map(|w| lex.word(w)).collect();
    let known = if words.len() == 1 {
        info[0].may_be_known() && with_fold(words[0], |k| lexicon_kind(lex, k).is_some())
    } else {
        lexicon_kind(lex, &fold(&words.join(" "))).is_some()
    };
    // A whole known name wins over any split (`The Hague`, `Bank of England`).
    if known && !(words.len() == 1 && info[0].is_common()) {
        push(at, run, None, out);
        return;
    }
    // `Ana Ruiz of the Harbour Trust`: a person of an organisation is two names; the name
    // before `of` is a person's when it opens with a given name and ends in no head word
    let lead = || info.iter().take_while(|w| w.is_title() || w.is_common()).count();
    if let Some(of) = words.iter().position(|w| *w == "of")
        && let lead = lead()
        && of >= lead + 2
        && info[lead].is_given()
        && info[of - 1].head().is_none()
        && !known
    {
        process_run(at, &run[..of], out);
        let rest = if words.get(of + 1).is_some_and(|w| w.eq_ignore_ascii_case("the")) { of + 2 } else { of + 1 };
        if rest < run.len() {
            process_run(at, &run[rest..], out);
        }
        return;
    }
    // Split at titles; a title before a name is that person's role.
    // `Texas Department of Criminal Justice`: a head word before `of` makes one organisation
    let head_of = (1..words.len()).any(|i| words[i] == "of" && info[i - 1].head().is_some());
    let ends_with_head = info.last().is_some_and(|w| w.head().is_some()) || (words.len() > 2 && head_of);

    // the pieces between titles are ranges of the run; an empty one carries a role
    let mut pieces: SmallVec<[(std::ops::Range<usize>, Option<String>); 4]> = SmallVec::new();
    let mut cur: Option<usize> = None;
    let mut role: SmallVec<[&str; 4]> = SmallVec::new();
    for (n, &w) in words.iter().enumerate() {
        let title = !ends_with_head && info[n].is_title() && !(cur.is_none() && role.is_empty() && n + 1 == run.len());
        if title {
            if let Some(from) = cur.take() {
                pieces.push((from..n, None));
            }
            role.push(w);
            continue;
        }
        if cur.is_none() && !role.is_empty() && CONNECTORS.contains(&w) {
            role.push(w);
            continue;
        }
        if cur.is_none() && !role.is_empty() {
            pieces.push((n..n, Some(role.join(" "))));
            role.clear();
        }
        cur.get_or_insert(n);
    }
    if let Some(from) = cur {
        pieces.push((from..run.len(), None));
    }
    // attach roles to the piece that follows them
    let mut pending: Option<String> = None;
    for (piece, r) in pieces {
        if piece.is_empty() {
            pending = r;
            continue;
        }
        segment(at, &run[piece], pending.take(), out);
    }
}

/// Splits a piece with no titles at known names, dropping function words and demonyms.
fn segment(at: At, piece: &[usize], role: Option<String>, out: &mut Vec<Candidate>) {
    let At { lex, para, sent_start, .. } = at;
    let w = |i: usize| strip_possessive(para.word(piece[i]));
    let mut lo = 0;
    let mut hi = piece.len();
    // `Ironically Nichols`: a sentence-opening adverb is not part of the name
    let opener = |i: usize| {
        piece[i] == sent_start && {
            let l = w(i).to_lowercase();
            (l.ends_with("ly") || l.ends_with("ing"))
                && with_fold(w(i), |k| !lex.given.contains(k) && lexicon_kind(lex, k).is_none())
        }
    };
    while lo < hi && (CONNECTORS.contains(&w(lo)) || lex.word(w(lo)).is_common() || (lo == 0 && hi > 1 && opener(lo))) {
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
    let first_head_of = n > 2 && (0..n - 1).any(|i| w(i + 1) == "of" && lex.word(w(i)).head().is_some());
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
        let splits = len > 0 && (end == n || lex.word(w(end)).is_given() || known_len(end) > 0);
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

fn push(at: At, piece: &[usize], role: Option<String>, out: &mut Vec<Candidate>) {
    push_with(at, piece, role, None, out);
}

fn push_with(at: At, piece: &[usize], role: Option<String>, country: Option<&'static str>, out: &mut Vec<Candidate>) {
    let At { lex, para, pi, si, sent_start, .. } = at;
    let (Some(&first), Some(&last)) = (piece.first(), piece.last()) else { return };
    let last_word = para.word(last);
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
        piece.iter().map(|&i| strip_possessive(para.word(i)).to_string()).collect()
    };
    let words: &[String] = if first == last { std::slice::from_ref(&text) } else { &more_words };
    // the folded text, looked up once: in the gazetteer, among given names
    // the text looked up once: in the gazetteer, among given names
    let whole = lex.word(&text);
    let (lexical, key_given, key_x) = with_fold(&text, |k| {
        let lexical = if whole.may_be_known() { lexicon_kind(lex, k) } else { None };
        (lexical, whole.given_or(|| lex.given.contains(k)), k == "x")
    });
    let initial = first == sent_start || (first > 0 && !para.tokens[first - 1].word && first - 1 == sent_start);
    // Not names: days, months, lone letters, sentence openers that are ordinary words.
    if words.len() == 1 {
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
    let source = if let Some((k, canon)) = lexical {
        Source::Lexicon(k, canon)
    } else if let Some(h) = words.last().and_then(|w| lex.word(w).head()).or_else(|| {
        words.windows(2).find(|p| p[1] == "of").and_then(|p| lex.word(&p[0]).head()).filter(|_| words.len() > 2)
    }) {
        Source::Head(h)
    } else {
        Source::Unknown
    };
    // Evidence for a person: a role, a known given name, a speech verb or `, who` after it.
    let next_words: [&str; 3] =
        std::array::from_fn(|k| if last + 1 + k < para.tokens.len() { para.word(last + 1 + k) } else { "" });
    // `claims`, `reports`, `notes` after a plural noun are nouns too: only past forms and `says` count
    let speech_after =
        next_words.iter().take(2).any(|w| {
            lex.word(w).is_speech() && crate::text::lower::with_lower(w, |l| !l.ends_with('s') || l == "says")
        }) || next_words.starts_with(&[",", "who"]);
    let acronym = words.len() == 1
        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && words[0].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let (place_prefix, given_first) = if words.len() >= 2 {
        let first = lex.word(&words[0]);
        let place_prefix = first.is_place_prefix();
        (place_prefix, !place_prefix && first.is_given())
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
    let person_cue = role.is_some() || given_first || (speech_after && source == Source::Unknown && !acronym);
    let place_cue =
        (place_prefix || prev.as_deref().is_some_and(|p| PLACE_PREPOSITIONS.contains(&p))) && !person_cue && !acronym;
    // `Russia's Foreign Ministry`: a country's possessive before an organisation.
    let mut country = country;
    if country.is_none() && matches!(source, Source::Head(Kind::Organization)) && first >= 1 {
        let prev_word = para.word(first - 1);
        if is_possessive(prev_word)
            && let Some(p) = with_fold(prev_word, |k| lex.places.get(k)).filter(|p| p.kind == "country")
        {
            country = Some(p.canonical.as_str());
        }
    }
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
        weak: para.headline,
        initial,
    });
}

/// A one-word candidate that names nothing: a day or month, an ordinary word, a demonym, a
/// title, a bare head word, a contraction, a lone letter (but `X` after `on`), or a
/// sentence opener ending like an adverb or participle.
fn rejected_alone(w: Word, text: &str, lexical: bool, given: bool, x_after_on: bool, initial: bool) -> bool {
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
    if text.chars().filter(|c| c.is_alphabetic()).count() <= 1 && !x_after_on {
        return true;
    }
    initial
        && !lexical
        && !given
        && crate::text::lower::with_lower(text, |l| l.ends_with("ing") || l.ends_with("ly") || l.ends_with("ed"))
}

/// In a list of names (`A, B, C and D`) where most are known places, the others are places too.
fn mark_lists(_lex: &Lexicon, para: &Para, cands: &mut [Candidate]) {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..cands.len() {
        let joined = i > 0 && cands[i - 1].paragraph == cands[i].paragraph && {
            let between: Vec<&str> = (cands[i - 1].last..cands[i].first).map(|k| para.word(k)).collect();
            !between.is_empty()
                && between.iter().all(|w| matches!(*w, "," | "and" | "or" | "&"))
                && !is_apostrophe_only(&between)
        };
        if joined {
            if let Some(g) = groups.last_mut() {
                g.push(i);
            }
        } else {
            groups.push(vec![i]);
        }
    }
    for g in groups {
        if g.len() < 3 {
            continue;
        }
        let places = g.iter().filter(|&&i| matches!(cands[i].source, Source::Lexicon(Kind::Place, _))).count();
        if places * 2 >= g.len() {
            for &i in &g {
                if cands[i].source == Source::Unknown && !cands[i].person_cue {
                    cands[i].place_cue = true;
                }
            }
        }
    }
}

fn is_apostrophe_only(ws: &[&str]) -> bool {
    ws.iter().all(|w| w.chars().all(is_apostrophe))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let paras = vec![text.to_string()];
        let doc = Doc::new(&paras);
        find(&doc).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn titles_and_possessives_are_not_part_of_names() {
        assert_eq!(names("Prime Minister Jane Doeling’s plan failed."), vec!["Jane Doeling"]);
        assert_eq!(names("Canadian Senator Omar Belkacem spoke."), vec!["Omar Belkacem"]);
        assert_eq!(names("Oslo spokesperson Ingrid Halvorsen said so."), vec!["Oslo", "Ingrid Halvorsen"]);
    }

    #[test]
    fn sentence_openers_days_and_months_are_not_names() {
        assert_eq!(names("However, the talks in Lima resumed on Monday in March."), vec!["Lima"]);
        assert_eq!(names("Following the vote, Ana Ruiz left. Speaking later, she smiled."), vec!["Ana Ruiz"]);
    }

    #[test]
    fn shouted_sentences_and_function_words_in_capitals_are_not_names() {
        assert!(names("OFFICIALS SAY THE FERRY SANK NEAR THE PORT. Ana Ruiz left.") == vec!["Ana Ruiz"]);
        assert_eq!(names("THE UN envoy met WHO staff in the US."), vec!["UN", "WHO", "US"]);
        assert_eq!(names("Then FIVE PEOPLE HAVE DIED IN A FIRE near Lyon."), Vec::<String>::new(), "shouted");
        assert_eq!(names("Then FIVE PEOPLE died near the old harbour in Lyon."), vec!["FIVE PEOPLE", "Lyon"]);
    }

    #[test]
    fn a_person_of_an_organisation_and_compound_adjectives() {
        assert_eq!(names("Reporter Ana Ruiz of The Harbour Gazette wrote it."), vec!["Ana Ruiz", "Harbour Gazette"]);
        assert_eq!(names("The University of Tartu agreed."), vec!["University of Tartu"]);
        assert_eq!(names("A Lisbon-based firm and a Kenyan-born singer met Ana Ruiz I'm told."), vec!["Ana Ruiz"]);
    }

    #[test]
    fn known_names_split_runs() {
        assert_eq!(names("The envoy to the EU Marta Kowalska arrived."), vec!["EU", "Marta Kowalska"]);
        assert_eq!(names("U.S. President Joe Bloggs met them."), vec!["U.S.", "Joe Bloggs"]);
    }

    #[test]
    fn organisations_keep_country_and_head() {
        let paras =
            vec!["Peru’s Foreign Ministry and the Chilean Defence Ministry met the Ministry of Health.".to_string()];
        let doc = Doc::new(&paras);
        let c = find(&doc);
        let orgs: Vec<(&str, Option<&str>)> = c
            .iter()
            .filter(|c| matches!(c.source, Source::Head(Kind::Organization)))
            .map(|c| (c.text.as_str(), c.country))
            .collect();
        assert_eq!(
            orgs,
            vec![
                ("Foreign Ministry", Some("Peru")),
                ("Chilean Defence Ministry", Some("Chile")),
                ("Ministry of Health", None)
            ]
        );
    }

    #[test]
    fn lists_of_places_spread_the_kind() {
        let paras = vec!["Troops left Oslo, Bergen, Tromsvik and Lisbon.".to_string()];
        let doc = Doc::new(&paras);
        let c = find(&doc);
        let t = c.iter().find(|c| c.text == "Tromsvik").unwrap();
        assert!(t.place_cue);
    }
}
