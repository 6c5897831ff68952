//! Who is being talked about where: the sentence subjects, pronouns and role nouns that
//! quote attribution and figure claims need.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use super::doc::Doc;
use super::entities::Candidate;
use super::model::Kind;

/// Words that open a leading clause: a name inside it is not the sentence's subject.
static LEADERS: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "after",
    "following",
    "while",
    "although",
    "though",
    "in",
    "on",
    "as",
    "when",
    "despite",
    "since",
    "before",
    "because",
    "if",
    "unlike",
    "like",
    "amid",
    "during",
    "given",
    "with",
    "without",
    "under",
    "upon",
    "until",
    "once",
    "whereas",
    "responding",
    "speaking",
    "according",
    "at",
    "for",
    "from",
    "to",
    "by",
]);

/// A kept name in the text, with the entity it names.
#[derive(Clone, Debug)]
pub struct Named {
    pub paragraph: usize,
    pub sentence: usize,
    pub first: usize,
    pub last: usize,
    pub entity: usize,
    pub kind: Kind,
    pub possessive: bool,
    pub role: Option<String>,
    pub leading: bool,
    /// Named inside a quotation: never the subject of the narrating sentence.
    pub quoted: bool,
    /// A name that modifies the next one (`Acme` in `Acme boss Dana Cole`).
    pub modifier: bool,
}

pub struct Discourse<'a> {
    pub doc: &'a Doc<'a>,
    /// In text order.
    pub named: Vec<Named>,
    /// The quotation spans of each paragraph, found once.
    pub quote_spans: Vec<Vec<super::marks::Quotation>>,
    pub entity_names: &'a [std::sync::Arc<str>],
    /// The entities named here as a person or organisation, or by an untyped name of two
    /// words or more: the ones that can speak (sorted, for a binary search).
    speakers: Vec<usize>,
}

impl<'a> Discourse<'a> {
    pub fn new(
        doc: &'a Doc<'a>,
        cands: &[Candidate],
        assignment: &[Option<u32>],
        kinds: &[Kind],
        entity_names: &'a [std::sync::Arc<str>],
    ) -> Discourse<'a> {
        let quote_spans: Vec<Vec<super::marks::Quotation>> =
            doc.paras.iter().enumerate().map(|(i, p)| super::marks::spans(p.text, i)).collect();
        let mut named = named_of(doc, cands, assignment, kinds, &quote_spans);
        named.sort_by_key(|n| (n.paragraph, n.first));
        upgrade_kinds(doc, &mut named, entity_names);
        mark_modifiers(doc, &mut named);
        roles_before(doc, &mut named);
        let mut speakers: Vec<usize> = named
            .iter()
            .filter(|n| {
                matches!(n.kind, Kind::Person | Kind::Organization) || (n.kind == Kind::Other && n.last >= n.first + 2)
            })
            .map(|n| n.entity)
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        Discourse { doc, named, entity_names, quote_spans, speakers }
    }

    /// Whether entity `e` can be a speaker here.
    pub fn can_speak(&self, e: usize) -> bool {
        self.speakers.binary_search(&e).is_ok()
    }

    pub fn name(&self, e: usize) -> std::sync::Arc<str> {
        self.entity_names[e].clone()
    }

    /// The names of paragraph `p`: `named` is in text order, so two binary searches find
    /// them (figures and quotes ask for every one of theirs).
    pub fn in_paragraph(&self, p: usize) -> &[Named] {
        let a = self.named.partition_point(|n| n.paragraph < p);
        let b = self.named.partition_point(|n| n.paragraph <= p);
        &self.named[a..b.max(a)]
    }

    /// The names of paragraph `p` that start at tokens `from..to`: a binary search in
    /// `named` (a long paragraph has many names, and every quotation and figure asks).
    pub fn starting_in(&self, p: usize, from: usize, to: usize) -> &[Named] {
        let all = self.in_paragraph(p);
        let a = all.partition_point(|n| n.first < from);
        let b = all.partition_point(|n| n.first < to);
        &all[a..b.max(a)]
    }

    /// The names of sentence `s` of paragraph `p`, quoted ones too.
    pub fn of_sentence(&self, p: usize, s: usize) -> &[Named] {
        match self.doc.paras.get(p).and_then(|para| para.sentences.get(s)) {
            Some(&(a, b)) => self.starting_in(p, a, b),
            None => &[],
        }
    }

    fn in_sentence(&self, p: usize, s: usize) -> impl Iterator<Item = &Named> {
        self.of_sentence(p, s).iter().filter(move |n| n.sentence == s && !n.quoted)
    }

    /// The subject of a sentence: its first person named outside a leading clause and not as
    /// a possessive; else the first person named at all.
    pub fn subject(&self, p: usize, s: usize, kinds: &[Kind]) -> Option<usize> {
        let persons: Vec<&Named> = self.in_sentence(p, s).filter(|n| kinds.contains(&n.kind)).collect();
        persons
            .iter()
            .find(|n| !n.possessive && !n.leading && !n.modifier)
            .or_else(|| persons.iter().find(|n| !n.possessive))
            .map(|n| n.entity)
    }

    /// The person a pronoun at token `tok` of sentence `s` refers to: someone named earlier in
    /// the same sentence, else the subject of the nearest sentence before that has one.
    pub fn resolve_pronoun(&self, p: usize, s: usize, tok: usize) -> Option<usize> {
        let here = self
            .in_sentence(p, s)
            .filter(|n| n.kind == Kind::Person && n.last <= tok && !n.possessive)
            .min_by_key(|n| (n.leading, n.first))
            .map(|n| n.entity);
        if here.is_some() {
            return here;
        }
        let mut cursor = (p, s);
        for _ in 0..8 {
            cursor = self.previous_sentence(cursor)?;
            if let Some(e) = self.subject(cursor.0, cursor.1, &[Kind::Person]) {
                return Some(e);
            }
        }
        None
    }

    /// The most recent person given the role `word` (`ambassador`, `spokesman`) before the spot.
    pub fn resolve_role(&self, p: usize, tok: usize, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        let stem = w.trim_end_matches("person").trim_end_matches("man").trim_end_matches("woman");
        // the names before the spot, nearest first, a bounded look back
        let before = self.named.partition_point(|n| (n.paragraph, n.first) < (p, tok));
        self.named[..before]
            .iter()
            .rev()
            .take(256)
            .filter(|n| !n.quoted)
            .find(|n| {
                n.role
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().any(|x| x == w || (stem.len() >= 5 && x.starts_with(stem))))
            })
            .map(|n| n.entity)
    }

    /// The organisation `the trust` or `the council` at token `tok` stands for: the most recent
    /// one named before the spot whose name ends in that word (`Northam Water Trust`).
    pub fn resolve_definite(&self, p: usize, tok: usize, word: &str) -> Option<usize> {
        let before = self.named.partition_point(|n| (n.paragraph, n.first) < (p, tok));
        let ends_in = |e: usize| {
            self.entity_names.get(e).and_then(|name| name.rsplit(' ').next()).is_some_and(|last| {
                last.len() > 2
                    && (last.eq_ignore_ascii_case(word)
                        || last.strip_suffix('s').is_some_and(|l| l.eq_ignore_ascii_case(word)))
            })
        };
        self.named[..before]
            .iter()
            .rev()
            .take(256)
            .find(|n| n.kind == Kind::Organization && !n.quoted && ends_in(n.entity))
            .map(|n| n.entity)
    }

    pub fn previous_sentence(&self, (p, s): (usize, usize)) -> Option<(usize, usize)> {
        if s > 0 {
            return Some((p, s - 1));
        }
        let mut q = p;
        while q > 0 {
            q -= 1;
            let n = self.doc.paras[q].sentences.len();
            if n > 0 {
                return Some((q, n - 1));
            }
        }
        None
    }

    pub fn named_in_range(&self, p: usize, from: usize, to: usize) -> impl Iterator<Item = &Named> {
        self.starting_in(p, from, to).iter().filter(move |n| n.last <= to && !n.quoted)
    }
}

/// Whether an untyped name reads as a person's: two or three capitalised words of letters.
fn looks_personal(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
}

/// `, 54,` / `, 54)` / `(54)` at token `k`: an age standing after a name.
pub fn has_age_after(para: &super::doc::Para, k: usize) -> bool {
    let w = |i: usize| if i < para.tokens.len() { para.word(i) } else { "" };
    let age = |x: &str| x.len() <= 3 && x.parse::<u32>().is_ok_and(|v| (1..=115).contains(&v));
    matches!(w(k), "," | "(") && age(w(k + 1)) && matches!(w(k + 2), "," | ")" | "." | ";")
}

/// Token index where a leading clause (`Speaking in Oslo, ...`) of a sentence ends.
pub fn leading_clause_end(doc: &Doc, p: usize, s: usize) -> Option<usize> {
    let para = &doc.paras[p];
    let (a, b) = para.sentences[s];
    let first = (a..b).find(|&k| para.tokens[k].word)?;
    let w = para.lower(first);
    if !(LEADERS.contains(&w) || (w.ends_with("ing") && w.len() > 5)) {
        return None;
    }
    (first..b).find(|&k| para.word(k) == ",")
}
/// The merged names of an article, each with its place and what the text says of it.
fn named_of(
    doc: &Doc,
    cands: &[Candidate],
    assignment: &[Option<u32>],
    kinds: &[Kind],
    quote_spans: &[Vec<super::marks::Quotation>],
) -> Vec<Named> {
    // candidates come in text order: a sentence's leading clause is read once for all of its names
    let mut clause: Option<((usize, usize), Option<usize>)> = None;
    cands
        .iter()
        .zip(assignment)
        .filter_map(|(c, a)| {
            let e = (*a)? as usize;
            let para = &doc.paras[c.paragraph];
            let (s0, _) = para.sentences[c.sentence];
            let at = (c.paragraph, c.sentence);
            let end = match clause {
                Some((k, end)) if k == at => end,
                _ => {
                    let end = leading_clause_end(doc, c.paragraph, c.sentence);
                    clause = Some((at, end));
                    end
                }
            };
            let leading = end.is_some_and(|end| c.first < end && c.first >= s0);
            let quoted = quote_spans[c.paragraph].iter().any(|q| c.start >= q.inner_start && c.end <= q.inner_end);
            Some(Named {
                paragraph: c.paragraph,
                sentence: c.sentence,
                first: c.first,
                last: c.last,
                entity: e,
                kind: kinds[e],
                possessive: c.possessive,
                role: c.role.clone(),
                leading,
                quoted,
                modifier: false,
            })
        })
        .collect()
}

fn upgrade_kinds(doc: &Doc, named: &mut [Named], entity_names: &[std::sync::Arc<str>]) {
    // a name the lexicon could not type is a person's when the text says so: an age
    // between commas after it (`Ana Lima, 54,`), or a role noun right before it
    // (`passenger Ana Lima`, `Survivor Ana Lima`)
    // or, for want of other evidence, a name of two or three capitalised words (a person
    // whose given name the lexicon does not know; organisations and places mostly carry
    // a head word the lexicon types)
    for n in named.iter_mut().filter(|n| n.kind == Kind::Other) {
        let para = &doc.paras[n.paragraph];
        let titled = n.first > 0 && super::lexicon::lexicon().is_title(para.word(n.first - 1));
        // (`the Porto Marathon`: a determiner goes before things, not people)
        let determined = n.first > 0 && matches!(para.lower(n.first - 1).as_ref(), "the" | "a" | "an");
        let personal = !determined && looks_personal(&entity_names[n.entity]);
        if has_age_after(para, n.last) || titled || personal {
            n.kind = Kind::Person;
        }
    }
}

fn mark_modifiers(doc: &Doc, named: &mut [Named]) {
    // `Acme boss Dana Cole`, `Campaign chief Lee Park`: a name before a title and another
    // name modifies it and is not the subject
    let starts: Vec<(usize, usize)> = named.iter().map(|n| (n.paragraph, n.first)).collect();
    for n in named.iter_mut() {
        // (only when another name starts within three tokens: most are out at once)
        let near = starts.partition_point(|&x| x <= (n.paragraph, n.last));
        if !starts.get(near).is_some_and(|&(p, f)| p == n.paragraph && f <= n.last + 3) {
            continue;
        }
        let para = &doc.paras[n.paragraph];
        let mut k = n.last;
        while k < para.tokens.len() && k < n.last + 3 && super::lexicon::lexicon().is_title(para.word(k)) {
            k += 1;
        }
        if k > n.last && starts.binary_search(&(n.paragraph, k)).is_ok() {
            n.modifier = true;
        }
    }
}

/// A title word just before a person's name, lower-case (`spokesperson Jane Doe`), is their
/// role.
fn roles_before(doc: &Doc, named: &mut [Named]) {
    for n in named.iter_mut() {
        if n.role.is_none() && n.kind == Kind::Person {
            let para = &doc.paras[n.paragraph];
            // a title word just before the name, lower-case (`spokesperson Jane Doe`)
            let (s0, _) = para.sentences[n.sentence];
            let mut k = n.first;
            let mut steps = 0;
            while k > s0 && steps < 8 {
                k -= 1;
                steps += 1;
                let w = para.word(k);
                if super::lexicon::lexicon().is_title(w) {
                    n.role = Some(w.to_lowercase());
                    break;
                }
                if w == "." || w == ";" {
                    break;
                }
            }
        }
    }
}
