//! Quotations and who said them.
//!
//! Cues, tried in order: after the closing mark (`," NAME said`, `," said NAME`, `," he added`,
//! `," the statement asserted`); before the opening mark in the same sentence (`NAME said:`,
//! `According to NAME,`, `quoting NAME on X:`, `NAME ... , saying,`); else a quotation that
//! directly follows one of a known speaker, with no one else named between, continues it.
//! A quotation with none of these gets no speaker: never a guess.

use super::discourse::Discourse;
use super::doc::Para;
use super::lexicon::lexicon;
use super::marks::Span;
use super::model::{Kind, Quote};

const PRONOUNS: &[&str] = &["he", "she"];
/// Nouns for a statement whose source the text named just before.
const INSTITUTIONAL: &[&str] = &[
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
fn tok_at(para: &Para, byte: usize) -> usize {
    para.tokens.partition_point(|t| (t.start as usize) < byte)
}

/// The trimmed quotation text and its byte span.
fn inner(p: &str, s: &Span) -> (usize, usize, String) {
    let raw = &p[s.inner_start..s.inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let t = raw.trim().trim_end_matches([',', ' ']);
    (s.inner_start + lead, s.inner_start + lead + t.len(), t.to_string())
}

pub struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
}

/// Finds and attributes the quotations of one article.
pub fn find(article: &std::sync::Arc<str>, d: &Discourse, scare_words: usize) -> Vec<(Quote, Option<usize>)> {
    let mut out: Vec<(Quote, Option<usize>)> = Vec::new();
    let mut prev: Option<(Span, Option<usize>)> = None;
    for (pi, para) in d.doc.paras.iter().enumerate() {
        for s in &d.quote_spans[pi] {
            let (start, end, text) = inner(para.text, s);
            if text.is_empty() {
                continue;
            }
            let scare = text.split_whitespace().count() <= scare_words;
            let mut a = after_cue(d, para, pi, s);
            if a.speaker.is_none() {
                let b = before_cue(d, para, pi, s);
                if b.speaker.is_some() || a.cue.is_none() {
                    a = b;
                }
            }
            if a.speaker.is_none()
                && !scare
                && let Some((ps, Some(spk))) = &prev
                && continues(d, ps, s, *spk)
            {
                a = Attribution { speaker: Some(*spk), cue: Some("continued".into()) };
            }
            // `"Mean Girls"`: a short title in capitals names a work, nobody said it
            if scare
                && text
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
            {
                a = Attribution { speaker: None, cue: None };
            }
            let speaker_name = a.speaker.map(|e| d.name(e));
            // a short quotation only leads on when a cue named its speaker
            if !scare || a.speaker.is_some() {
                prev = Some((s.clone(), a.speaker));
            }
            out.push((
                Quote { article: article.clone(), paragraph: pi, start, end, text, speaker: speaker_name, cue: a.cue },
                a.speaker,
            ));
        }
    }
    out
}

fn speakerish(d: &Discourse, e: usize) -> bool {
    d.named.iter().any(|n| n.entity == e && matches!(n.kind, Kind::Person | Kind::Organization))
}

/// Who the words `from..to` (a subject slot) name: a person, a pronoun, a role, an institution.
fn subject_in(d: &Discourse, para: &Para, pi: usize, from: usize, to: usize) -> Option<usize> {
    if let Some(n) = d.named_in_range(pi, from, to).find(|n| n.kind == Kind::Person && !n.possessive) {
        return Some(n.entity);
    }
    for k in from..to {
        let w = para.lower(k);
        if PRONOUNS.contains(&w.as_ref()) {
            return d.resolve_pronoun(pi, para.sentence_of(k), k);
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
fn recent_source(d: &Discourse, p: usize, s: usize) -> Option<usize> {
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

fn is_speech(w: &str) -> bool {
    crate::text::lower::with_lower(w, |l| lexicon().speech.contains(l))
}

/// `," NAME said`, `," said NAME, who ...`, `," he added.`, `," the statement asserted`.
fn after_cue(d: &Discourse, para: &Para, pi: usize, s: &Span) -> Attribution {
    let none = Attribution { speaker: None, cue: None };
    if !s.closed {
        return none;
    }
    // only a quotation that ends a clause (`...,” she said`) takes a cue after it
    let ends_clause = para.text[s.inner_start..s.inner_end].trim_end().ends_with([',', '.', '!', '?', '—'])
        || para.text[s.close_end..].trim_start().starts_with([',', '.']);
    if !ends_clause {
        return none;
    }
    let from = tok_at(para, s.close_end);
    let mut end = from;
    while end < para.tokens.len() && end < from + 14 {
        let w = para.word(end);
        if matches!(w, "." | "!" | "?" | ";") || w.starts_with(['“', '"']) {
            break;
        }
        end += 1;
    }
    let words: Vec<usize> = (from..end).filter(|&k| para.tokens[k].word).collect();
    // the verb within six words, or further when a named person stands right before it
    // (`," the state's deputy health director Jane Roe told reporters`)
    let person_before = |k: usize| d.named_in_range(pi, from, k).any(|n| n.kind == Kind::Person && n.last == k);
    // `," Jane Roe, the bank's chief economist, was quoted as saying`: a person and an
    // apposition between commas before the verb
    let apposition = d
        .named_in_range(pi, from, end)
        .next()
        .is_some_and(|n| n.kind == Kind::Person && n.first == from && n.last < end && para.word(n.last) == ",");
    let Some(vpos) = words
        .iter()
        .take(16)
        .position(|&k| is_speech(para.word(k)))
        .filter(|&i| i < 6 || person_before(words[i]) || apposition)
    else {
        return none;
    };
    let v = words[vpos];
    let cue = Some(para.word(v).to_string());
    if let Some(e) = subject_in(d, para, pi, from, v) {
        return Attribution { speaker: Some(e), cue };
    }
    // `said NAME` / `said the spokesman`
    let after_end = end.min(v + 6);
    if let Some(e) = subject_in(d, para, pi, v + 1, after_end) {
        return Attribution { speaker: Some(e), cue };
    }
    Attribution { speaker: None, cue }
}

/// `NAME said: "`, `According to NAME, "`, `quoting NAME on X: "`, `NAME ..., saying, "`.
fn before_cue(d: &Discourse, para: &Para, pi: usize, s: &Span) -> Attribution {
    let none = Attribution { speaker: None, cue: None };
    let open_tok = tok_at(para, s.open);
    let si = para.sentence_of(open_tok.min(para.tokens.len().saturating_sub(1)));
    let (a, _) = para.sentences[si];
    if open_tok <= a {
        return none;
    }
    let ws: Vec<usize> = (a..open_tok).filter(|&k| para.tokens[k].word).collect();
    // according to NAME / quoting NAME / quoted by NAME / citing NAME
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
                return Attribution { speaker: who, cue: Some(cue) };
            }
        }
    }
    // the speech verb closest to the quotation; its subject is the speaker
    let Some(&v) = ws.iter().rev().find(|&&k| is_speech(para.word(k))) else {
        return none;
    };
    let cue = Some(para.word(v).to_string());
    let subject = d
        .subject(pi, si, &[Kind::Person])
        .filter(|&e| d.in_paragraph(pi).iter().any(|n| n.entity == e && n.sentence == si && n.first < v))
        .or_else(|| subject_in(d, para, pi, a, v))
        .filter(|&e| speakerish(d, e));
    Attribution { speaker: subject, cue }
}

/// A quotation continues the previous one of `speaker` when it follows it closely and no one
/// else is named in between.
fn continues(d: &Discourse, prev: &Span, cur: &Span, speaker: usize) -> bool {
    let same_para = prev.paragraph == cur.paragraph;
    if !(same_para || cur.paragraph == prev.paragraph + 1) {
        return false;
    }
    // a paragraph that is nothing but a quotation, right after a paragraph whose last
    // quotation was attributed, goes on with that speaker (the usual way of quoting at length)
    let cur_text = d.doc.paras[cur.paragraph].text;
    let whole_paragraph = cur.paragraph == prev.paragraph + 1
        && cur_text[..cur.open].trim().is_empty()
        && cur_text[cur.close_end..].trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation()).is_empty();
    if whole_paragraph {
        return true;
    }
    let mut gap_words = 0;
    let mut others = false;
    for p in prev.paragraph..=cur.paragraph {
        let para = &d.doc.paras[p];
        let from = if p == prev.paragraph { tok_at(para, prev.close_end) } else { 0 };
        let to = if p == cur.paragraph { tok_at(para, cur.open) } else { para.tokens.len() };
        gap_words += (from..to).filter(|&k| para.tokens[k].word).count();
        others |= d.named_in_range(p, from, to).any(|n| n.kind == Kind::Person && n.entity != speaker);
    }
    !others && gap_words <= 12
}

#[cfg(test)]
mod attribution {
    use crate::analysis::{Options, analyse, test_corpus};

    /// (quote fragment, speaker) for each quotation found in the texts.
    fn speakers(texts: &[&str]) -> Vec<(String, Option<String>)> {
        let a = analyse(&test_corpus(texts), &Options::default());
        a.articles
            .iter()
            .flat_map(|x| x.quotes.iter())
            .map(|q| (q.text.chars().take(12).collect(), q.speaker.as_deref().map(str::to_string)))
            .collect()
    }

    fn speaker_of(texts: &[&str], fragment: &str) -> Option<String> {
        speakers(texts)
            .into_iter()
            .find(|(t, _)| fragment.starts_with(t.as_str()) || t.starts_with(fragment))
            .and_then(|x| x.1)
    }

    #[test]
    fn name_said_after_the_quote() {
        let t = ["Mayor Lena Ortiz visited the dam.\n\n\"The water is rising fast,\" Ortiz said."];
        assert_eq!(speaker_of(&t, "The water is").as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn said_name_after_the_quote_with_relative_clause() {
        let t = ["\u{201c}We will rebuild the bridge,\u{201d} said Tomas Berg, who leads the council."];
        assert_eq!(speaker_of(&t, "We will rebu").as_deref(), Some("Tomas Berg"));
    }

    #[test]
    fn name_said_colon_before_the_quote() {
        let t = ["Engineer Aisha Rahman said: \"The bridge is safe for cars.\""];
        assert_eq!(speaker_of(&t, "The bridge i").as_deref(), Some("Aisha Rahman"));
    }

    #[test]
    fn told_reporters_before_the_quote() {
        let t = ["Pavel Novak told reporters \"nothing has been decided yet\" after the meeting."];
        assert_eq!(speaker_of(&t, "nothing has").as_deref(), Some("Pavel Novak"));
    }

    #[test]
    fn wrote_on_platform_and_stating() {
        let t = [
            "After the vote, Maria Lopez took to her Instagram account, stating, \u{201c}This is a great day for the valley.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "This is a gr").as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn according_to_and_quoting() {
        let t = [
            "According to Jonas Weber, \"the budget is exhausted.\"\n\nThe ministry posted a statement quoting Clara Diaz on Telegram: \"Talks will resume in May.\"",
        ];
        assert_eq!(speaker_of(&t, "the budget i").as_deref(), Some("Jonas Weber"));
        assert_eq!(speaker_of(&t, "Talks will r").as_deref(), Some("Clara Diaz"));
    }

    #[test]
    fn pronoun_resolves_to_the_last_subject() {
        let t = [
            "Governor Ruth Baker toured the flooded streets on Monday with Omar Haddad.\n\n\"We need pumps and we need them now,\" she added.",
        ];
        assert_eq!(speaker_of(&t, "We need pump").as_deref(), Some("Ruth Baker"));
    }

    #[test]
    fn role_noun_resolves_to_the_person_with_that_role() {
        let t = [
            "The talks were hosted by ambassador Henrik Dahl in Oslo.\n\nLater, the ambassador said: \"Both sides have made progress.\"",
        ];
        assert_eq!(speaker_of(&t, "Both sides h").as_deref(), Some("Henrik Dahl"));
    }

    #[test]
    fn a_quote_that_follows_continues_its_speaker() {
        let t = [
            "\u{201c}The harvest failed,\u{201d} farmer Ines Costa wrote on Facebook. \u{201c}Prices will climb before winter and families will suffer.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "Prices will").as_deref(), Some("Ines Costa"));
    }

    #[test]
    fn a_name_and_its_apposition_before_the_verb() {
        let t = [
            "Minister Lena Varga spoke first. \u{201c}We will cut,\u{201d} she said.",
            "\u{201c}It will be considered,\u{201d} Marta Olsen, Norway's ambassador to the UN, was quoted as saying.",
        ];
        assert_eq!(speaker_of(&t, "It will be").as_deref(), Some("Marta Olsen"));
    }

    #[test]
    fn institution_cue_goes_to_the_named_source() {
        let t = [
            "Spokesman Kofi Mensah criticized the plan on Friday. \u{201c}The plan ignores the coast. It must be rewritten before any vote,\u{201d} the statement said.",
        ];
        assert_eq!(speaker_of(&t, "The plan ign").as_deref(), Some("Kofi Mensah"));
    }

    #[test]
    fn a_paragraph_of_quotation_continues_the_last_speaker() {
        let t = [
            "\"We must rebuild,\" Mayor Elena Duarte said at a briefing after the vote by councillor Rui Pinto.\n\n\"Even though we are tired, the town will stand again.\"",
        ];
        assert_eq!(speaker_of(&t, "Even though").as_deref(), Some("Elena Duarte"));
        let t = ["The storm passed on Monday.\n\n\"Nobody expected this.\""];
        assert_eq!(speaker_of(&t, "Nobody expec"), None);
    }

    #[test]
    fn no_cue_means_no_speaker() {
        let t = [
            "Residents described the night as \u{201c}terrifying\u{201d} and the roads as \u{201c}rivers of mud that swallowed the cars whole.\u{201d}",
        ];
        assert!(speakers(&t).iter().all(|(_, s)| s.is_none()), "{:?}", speakers(&t));
    }

    #[test]
    fn a_work_title_in_quotes_has_no_speaker() {
        let t = ["Critic Ana Ruiz said the film \"Summer Rain\" was her favourite."];
        assert_eq!(speaker_of(&t, "Summer Rain"), None);
    }
}
