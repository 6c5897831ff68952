//! The attribution clause around a quotation: the cue after the closing mark, before
//! the opening one, or a lead-in line; the speaker's head noun phrase.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::super::discourse::{Discourse, Named};
use super::super::doc::Para;
use super::super::lexicon::lexicon;
use super::super::marks::Quotation;
use super::super::model::Kind;

pub(super) const PRONOUNS: &[&str] = &["he", "she"];

/// Words before a name that make it an object, not a speaker.
pub(super) const PREPOSITIONS: &[&str] =
    &["for", "of", "to", "with", "at", "from", "by", "about", "on", "against", "than"];

/// Dashes that attribute a quotation to the name after them (`"…" — Ana Lima`).
pub(super) const DASHES: &[&str] = &["—", "―", "–", "-"];

/// Nouns for a statement whose source the text named just before.
pub(super) const INSTITUTIONAL: &[&str] = &[
    "statement",
    "ministry",
    "government",
    "office",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "post",
    "message",
    "release",
    "communique",
    "report",
    "embassy",
    "agency",
    "kremlin",
    "presidency",
    "administration",
    "source",
    "sources",
];

/// The first token at or after byte `byte` (tokens are in text order: a binary search, as a
/// long paragraph holds many quotations).
pub(super) fn tok_at(para: &Para, byte: usize) -> usize {
    para.tokens.partition_point(|t| (t.start as usize) < byte)
}

/// The trimmed quotation text and its byte span.
pub(super) fn inner(p: &str, s: &Quotation) -> (usize, usize, String) {
    let raw = &p[s.inner_start..s.inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let t = raw.trim().trim_end_matches([',', ' ']);
    (s.inner_start + lead, s.inner_start + lead + t.len(), t.to_string())
}

pub(super) struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
    /// How sure the cue makes the speaker: a name next to a speech verb is surer than a
    /// pronoun, a role noun or a continuation.
    pub confidence: f32,
}

/// Whether a preposition inside the slot that starts at `from` stands right before the name
/// (`a spokesman for Mayor Jo Bell`): the name is an object, not a subject.
fn after_preposition(para: &Para, n: &Named, from: usize) -> bool {
    n.first > from && PREPOSITIONS.contains(&para.lower(n.first - 1).as_ref())
}

pub(super) fn speakerish(d: &Discourse, e: usize) -> bool {
    d.can_speak(e)
}

/// Who the words `from..to` (a subject slot) name: a person, a pronoun, a role, an institution.
pub(super) fn subject_in(d: &Discourse, para: &Para, pi: usize, from: usize, to: usize) -> Option<usize> {
    // a person, or a name of two words or more the lexicon could not type, that is not the
    // object of a preposition (`a spokesman for Mayor Jo Bell`)
    let object = |n: &Named| after_preposition(para, n, from);
    // (an untyped name counts when the verb follows it at once: `," Okafor said`)
    let person_like = |n: &&Named| {
        !n.possessive
            && !object(n)
            && !n.modifier
            && (n.kind == Kind::Person
                || (n.kind == Kind::Other && n.last == to && to < para.tokens.len() && is_speech(para.word(to))))
    };
    if let Some(n) = d.named_in_range(pi, from, to).find(person_like) {
        return Some(n.entity);
    }
    for k in from..to {
        let w = para.lower(k);
        if PRONOUNS.contains(&w.as_ref()) {
            return d.resolve_pronoun(pi, para.sentence_of(k), k);
        }
    }
    // `the trust said`, `a trust spokesperson told`: an organisation's last word after an
    // article is the organisation named with it before
    for k in from.max(1)..to {
        let w = para.lower(k);
        if matches!(para.lower(k - 1).as_ref(), "the" | "a" | "an")
            && !lexicon().is_title(&w)
            && let Some(e) = d.resolve_definite(pi, k, &w)
        {
            return Some(e);
        }
    }
    for k in from..to {
        let w = para.lower(k);
        if lexicon().is_title(&w)
            && !w.ends_with('.')
            && let Some(e) = d.resolve_role(pi, k, &w)
        {
            return Some(e);
        }
    }
    if let Some(n) = d.named_in_range(pi, from, to).find(|n| n.kind == Kind::Organization && !n.possessive) {
        return Some(n.entity);
    }
    for k in from..to {
        let w = para.lower(k);
        if INSTITUTIONAL.contains(&w.as_ref()) {
            return recent_source(d, pi, para.sentence_of(k));
        }
    }
    None
}

/// The person or body that most recently spoke or acted as a subject before sentence `s`.
pub(super) fn recent_source(d: &Discourse, p: usize, s: usize) -> Option<usize> {
    let mut cur = (p, s);
    for _ in 0..6 {
        cur = d.previous_sentence(cur)?;
        if let Some(e) =
            d.subject(cur.0, cur.1, &[Kind::Person]).or_else(|| d.subject(cur.0, cur.1, &[Kind::Organization]))
        {
            return Some(e);
        }
    }
    None
}

pub(super) fn is_speech(w: &str) -> bool {
    crate::text::lower::with_lower(w, |l| lexicon().speech.contains(l))
}

/// `," NAME said`, `," said NAME, who ...`, `," he added.`, `," the statement asserted`.
pub(super) fn after_cue(d: &Discourse, para: &Para, pi: usize, s: &Quotation) -> Attribution {
    let none = Attribution { speaker: None, cue: None, confidence: 0.0 };
    if !s.closed {
        return none;
    }
    // only a quotation that ends a clause (`...,” she said`) takes a cue after it
    // (a nested quotation may close with it: `..., 'we want to work with you,'"`)
    let ends_clause = last_words(para, s).ends_with([',', '.', '!', '?', '—'])
        || para.text[s.close_end..].trim_start().starts_with([',', '.']);
    let from = tok_at(para, s.close_end);
    // `"…" — Ana Lima`: a dash and a name, the way a list of voices is laid out
    if from < para.tokens.len() && DASHES.contains(&para.word(from)) {
        let to = (from + 6).min(para.tokens.len());
        if let Some(n) = d.named_in_range(pi, from + 1, to).next().filter(|n| n.first == from + 1) {
            return Attribution { speaker: Some(n.entity), cue: Some(para.word(from).to_string()), confidence: 0.8 };
        }
    }
    if !ends_clause {
        return later_in_sentence(d, para, pi, from).unwrap_or(none);
    }
    let end = clause_end(para, from);
    let words: Vec<usize> = (from..end).filter(|&k| para.tokens[k].word).collect();
    // the verb within six words, or further when a named person stands right before it
    // (`," the state's deputy health director Jane Roe told reporters`)
    let person_before = |k: usize| d.named_in_range(pi, from, k).any(|n| n.kind == Kind::Person && n.last == k);
    // `," Jane Roe, the bank's chief economist, was quoted as saying`: a person and an
    // apposition between commas before the verb
    // `," Rep. Jo Bell (D-Ore.), a member of the panel, said`: also past a title
    // `," panel Chairman Rep. Jo Bell (R-Utah) said`: a name after a few title words too
    // (`," Senate Majority Leader Jo Bell, R-Ky., said`: past an organisation's name too)
    let apposition = d.named_in_range(pi, from, end).any(|n| {
        matches!(n.kind, Kind::Person | Kind::Other)
            && n.first <= from + 5
            && n.last < end
            && matches!(para.word(n.last), "," | "(")
    });
    let Some(vpos) = words
        .iter()
        .take(16)
        .position(|&k| is_speech(para.word(k)))
        .filter(|&i| i < 6 || person_before(words[i]) || apposition)
    else {
        return none;
    };
    let v = words[vpos];
    // `..." Dr. Ana Ruiz said the plan was ...`: a quotation closed by its full stop and
    // followed by a capital ends its sentence; a verb with words of its own after it (not
    // `said on Friday`, `said in a statement`) opens the next one
    let goes_on = words.get(vpos + 1).is_some_and(|&k| !CUE_ADVERBIALS.contains(&para.lower(k).as_ref()));
    if new_sentence_after(para, s, from) && words.len() > vpos + 3 && goes_on {
        return none;
    }
    let cue = Some(para.word(v).to_string());
    if let Some(e) = subject_in(d, para, pi, from, v) {
        let confidence = if is_pronoun_at(para, from, v) { 0.7 } else { 0.9 };
        return Attribution { speaker: Some(e), cue, confidence };
    }
    // `said NAME` / `said the spokesman` / `said the firm's boss, NAME`
    let after_end = end.min(v + 10);
    if let Some(e) = subject_in(d, para, pi, v + 1, after_end) {
        return Attribution { speaker: Some(e), cue, confidence: 0.85 };
    }
    // `," said Del. Amara Quist of ...`: a name of two words or more the lexicon could not
    // type, standing right after the verb (past a title), is the speaker
    let untyped = d
        .named_in_range(pi, v + 1, after_end)
        .next()
        .filter(|n| n.kind == Kind::Other && n.first <= v + 3 && n.last >= n.first + 2 && !n.possessive && !n.modifier);
    match untyped {
        Some(n) => Attribution { speaker: Some(n.entity), cue, confidence: 0.75 },
        None => Attribution { speaker: None, cue, confidence: 0.0 },
    }
}

/// Words that open what a cue says of its own speaking (`said in a statement`, `told
/// reporters on Friday`).
const CUE_ADVERBIALS: &[&str] =
    &["in", "on", "at", "during", "after", "before", "to", "from", "via", "through", "by", "while", "when", "as"];

/// The quotation's words without the closing marks of quotations nested at its end.
fn last_words<'p>(para: &Para<'p>, s: &Quotation) -> &'p str {
    para.text[s.inner_start..s.inner_end].trim_end().trim_end_matches(['\'', '\u{2019}', '"', '\u{201d}'])
}

/// Whether the quotation's own words end its sentence (`... the timing."`) and a capital
/// opens what follows it (`... in spring." Dr. Ana Ruiz`, not `... in spring." said Ruiz`).
fn new_sentence_after(para: &Para, s: &Quotation, from: usize) -> bool {
    let words = last_words(para, s);
    words.ends_with('.')
        && !words.ends_with("..")
        && para.tokens.get(from).is_some_and(|t| t.word && para.word(from).starts_with(char::is_uppercase))
}

/// Where the clause after a quotation that starts at token `from` ends: a sentence's end
/// (not an abbreviation's dot), a semicolon or the next quotation; at most 24 tokens on.
fn clause_end(para: &Para, from: usize) -> usize {
    let mut end = from;
    let mut depth = 0usize;
    while end < para.tokens.len() && end < from + 24 {
        let w = para.word(end);
        match w {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        // an abbreviation's dot in a party label does not end the clause (`(D-Mo.) said`,
        // `McConnell, R-Ky., said`), nor a short title's before a name (`said Del. Ana Ruiz`)
        let next = para.tokens.get(end + 1).map(|_| para.word(end + 1));
        let label_dot = w == "." && (depth > 0 || matches!(next, Some("," | ")")));
        let title_dot = w == "."
            && end > from
            && para.tokens[end - 1].end() as usize == para.tokens[end].start as usize
            && para.word(end - 1).chars().count() <= 3
            && para.word(end - 1).starts_with(char::is_uppercase)
            && next.is_some_and(|n| n.starts_with(char::is_uppercase));
        if (matches!(w, "." | "!" | "?" | ";") && !label_dot && !title_dot) || w.starts_with(['“', '"']) {
            break;
        }
        end += 1;
    }
    end
}

/// `''I admire the design'' of the new levy, Mr. Ostrander said.`: a fragment quoted inside
/// a sentence whose own verb, after a comma, is a speech verb with its subject right before it.
fn later_in_sentence(d: &Discourse, para: &Para, pi: usize, from: usize) -> Option<Attribution> {
    let end = clause_end(para, from);
    let comma = (from..end).find(|&k| para.word(k) == ",")?;
    let v = (comma + 1..end.min(comma + 8)).find(|&k| is_speech(para.word(k)))?;
    let e = subject_in(d, para, pi, comma + 1, v).filter(|&e| speakerish(d, e))?;
    Some(Attribution { speaker: Some(e), cue: Some(para.word(v).to_string()), confidence: 0.7 })
}

/// Whether the subject slot `from..to` holds a pronoun rather than a name.
pub(super) fn is_pronoun_at(para: &Para, from: usize, to: usize) -> bool {
    (from..to).any(|k| PRONOUNS.contains(&para.lower(k).as_ref()))
}

/// `NAME said: "`, `According to NAME, "`, `quoting NAME on X: "`, `NAME ..., saying, "`.
pub(super) fn before_cue(d: &Discourse, para: &Para, pi: usize, s: &Quotation) -> Attribution {
    let none = Attribution { speaker: None, cue: None, confidence: 0.0 };
    let open_tok = tok_at(para, s.open);
    let si = para.sentence_of(open_tok.min(para.tokens.len().saturating_sub(1)));
    let (a, _) = para.sentences[si];
    if open_tok <= a {
        return lead_in(d, pi, s).or_else(|| reported_before(d, para, pi, si)).unwrap_or(none);
    }
    // `the candidate Mitt Romney -- "…"`: a name, a dash, the quotation
    let dash_from = (a..open_tok).rev().take_while(|&k| DASHES.contains(&para.word(k))).last();
    if let Some(k) = dash_from
        && let Some(n) =
            d.named_in_range(pi, a, k).filter(|n| n.last == k && n.kind == Kind::Person && !n.possessive).last()
    {
        return Attribution { speaker: Some(n.entity), cue: Some(para.word(k).to_string()), confidence: 0.6 };
    }
    // (the cue stands close before the quotation: the look back is bounded)
    let ws: Vec<usize> = (a.max(open_tok.saturating_sub(64))..open_tok).filter(|&k| para.tokens[k].word).collect();
    if let Some(at) = introduced(d, para, pi, &ws, open_tok) {
        return at;
    }
    // the speech verb closest to the quotation; its subject is the speaker (`as X put it, "`)
    let put_it = |k: usize| para.word(k) == "put" && para.tokens.get(k + 1).is_some_and(|t| t.text(para.text) == "it");
    let Some(&v) = ws.iter().rev().find(|&&k| is_speech(para.word(k)) || put_it(k)) else {
        // `Maria Ortiz, nurse: "…"`: a short lead-in naming someone, then a colon
        let colon = open_tok > a && para.word(open_tok - 1) == ":";
        if colon && ws.len() <= 8 {
            let who = subject_in(d, para, pi, a, open_tok - 1).filter(|&e| speakerish(d, e));
            if who.is_some() {
                return Attribution { speaker: who, cue: Some(":".into()), confidence: 0.6 };
            }
        }
        return none;
    };
    let cue = Some(para.word(v).to_string());
    // `..., Mr. Barrett said, "`: the name right before the verb is its subject, unless a
    // preposition makes it part of the subject's phrase (`Ana Ruiz of the Union for Progress said`)
    let object = |n: &Named| after_preposition(para, n, a);
    let adjacent = d
        .named_in_range(pi, a, v)
        .filter(|n| {
            n.last == v && matches!(n.kind, Kind::Person | Kind::Other) && !n.possessive && !n.modifier && !object(n)
        })
        .last()
        .map(|n| n.entity);
    let subject = adjacent
        .or_else(|| d.subject(pi, si, &[Kind::Person]))
        .filter(|&e| d.of_sentence(pi, si).iter().any(|n| n.entity == e && n.sentence == si && n.first < v))
        .or_else(|| subject_in(d, para, pi, a, v))
        .or_else(|| inverted(d, para, pi, a, v))
        .filter(|&e| speakerish(d, e));
    let confidence = if subject.is_none() {
        0.0
    } else if is_pronoun_at(para, a, v) {
        0.7
    } else {
        0.85
    };
    Attribution { speaker: subject, cue, confidence }
}

/// `Said Vask: "…"`, `Added Ana Ruiz, "…"`: a sentence opening with its speech verb has its
/// speaker right after it.
fn inverted(d: &Discourse, para: &Para, pi: usize, a: usize, v: usize) -> Option<usize> {
    if v != a {
        return None;
    }
    d.named_in_range(pi, v + 1, v + 5)
        .find(|n| {
            n.first == v + 1 && matches!(n.kind, Kind::Person | Kind::Other | Kind::Organization) && !n.possessive
        })
        .filter(|n| para.tokens.get(n.last).is_some_and(|t| matches!(t.text(para.text), ":" | ",")))
        .map(|n| n.entity)
}

/// `..., Vask said. "The other thing ..."`: a sentence of reported speech that ends with
/// its cue, then a quotation opening the next sentence of the paragraph: the same speaker.
fn reported_before(d: &Discourse, para: &Para, pi: usize, si: usize) -> Option<Attribution> {
    let &(a, b) = para.sentences.get(si.checked_sub(1)?)?;
    let words: Vec<usize> = (a..b).filter(|&k| para.tokens[k].word).collect();
    let tail = words.len().saturating_sub(4);
    let &v = words.get(tail..)?.iter().find(|&&k| is_speech(para.word(k)))?;
    let (start, end) = (para.tokens[a].start as usize, para.tokens[b - 1].end() as usize);
    let quoted = d.quote_spans.get(pi).is_some_and(|qs| qs.iter().any(|q| q.open >= start && q.open < end));
    if quoted {
        return None;
    }
    let who = subject_in(d, para, pi, a, v)
        .or_else(|| subject_in(d, para, pi, v + 1, b))
        .filter(|&e| speakerish(d, e) && !is_pronoun_at(para, a, v))?;
    Some(Attribution { speaker: Some(who), cue: Some(para.word(v).to_string()), confidence: 0.5 })
}

/// `according to NAME`, `quoting NAME`, `quoted by NAME`, `citing NAME` among the words `ws`
/// before the quotation.
fn introduced(d: &Discourse, para: &Para, pi: usize, ws: &[usize], open_tok: usize) -> Option<Attribution> {
    for (i, &k) in ws.iter().enumerate().rev() {
        let w = para.lower(k).into_owned();
        let next = ws.get(i + 1).map(|&x| para.lower(x));
        let intro = (w == "according" && next.as_deref() == Some("to"))
            || w == "quoting"
            || w == "citing"
            || (w == "quoted" && next.as_deref() == Some("by"));
        if intro {
            let from = if w == "quoting" || w == "citing" { k + 1 } else { k + 2 };
            let stop = ws.get(i + 8).copied().unwrap_or(open_tok).min(open_tok);
            let who = d
                .named_in_range(pi, from, stop)
                .find(|n| n.kind == Kind::Person)
                .or_else(|| d.named_in_range(pi, from, stop).find(|n| n.kind == Kind::Organization))
                .map(|n| n.entity);
            let who = who.or_else(|| subject_in(d, para, pi, from, stop));
            if who.is_some() {
                let cue = if w == "according" {
                    "according to".to_string()
                } else if w == "quoted" {
                    "quoted by".to_string()
                } else {
                    w
                };
                return Some(Attribution { speaker: who, cue: Some(cue), confidence: 0.85 });
            }
        }
    }
    None
}

/// `Ana Lima continued:` ending a paragraph (or `Ana Lima said that ...` reporting her without
/// quoting her), then a paragraph that opens with a quotation: the speaker of the lead-in.
pub(super) fn lead_in(d: &Discourse, pi: usize, s: &Quotation) -> Option<Attribution> {
    let here = d.doc.paras[pi].text;
    if pi == 0 || !here[..s.open].trim().is_empty() {
        return None;
    }
    let prev = &d.doc.paras[pi - 1];
    let colon = prev.text.trim_end().ends_with(':');
    let &(a, b) = prev.sentences.last()?;
    // `Ana Ruiz said that claims ... are checked more closely.` then a paragraph of his words: a
    // report of speech without a quotation of its own leads into the next one
    let that_after = |k: usize| prev.tokens.get(k + 1).is_some_and(|t| t.text(prev.text).eq_ignore_ascii_case("that"));
    let v = (a..b).rev().find(|&k| is_speech(prev.word(k)) && (colon || that_after(k)))?;
    let quoted = d.quote_spans.get(pi - 1).is_some_and(|qs| qs.iter().any(|q| q.open >= prev.tokens[a].start as usize));
    if !colon && quoted {
        return None;
    }
    let who = subject_in(d, prev, pi - 1, a, v).filter(|&e| speakerish(d, e))?;
    let confidence = if colon { 0.7 } else { 0.5 };
    Some(Attribution { speaker: Some(who), cue: Some(prev.word(v).to_string()), confidence })
}
