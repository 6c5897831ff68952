//! A quotation that directly follows one of a known speaker, with no one else named
//! between, continues it.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::super::discourse::Discourse;
use super::super::marks::Quotation;
use super::super::model::Kind;
use super::clause::{is_speech, tok_at};

/// A quotation continues the previous one of `speaker` when it follows it closely and no one
/// else is named in between.
pub(super) fn continues(d: &Discourse, prev: &Quotation, cur: &Quotation, speaker: usize) -> bool {
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
        // another person in the gap leads to another speaker when a speech verb stands by
        // (`," Mr Bell said, before Ms Cole added: "`), or when a paragraph lies between
        others |= d.named_in_range(p, from, to).any(|n| {
            // (a party label in brackets, `(R-Iowa)`, is nobody)
            let bracketed = n.first > 0 && para.word(n.first - 1) == "(";
            let rival =
                matches!(n.kind, Kind::Person | Kind::Other) && n.entity != speaker && !n.possessive && !bracketed;
            // (`NAME said`, `NAME, the mayor, added`: the verb after the name)
            let near_verb = (n.last..(n.last + 3).min(para.tokens.len())).any(|k| is_speech(para.word(k)));
            rival && (near_verb || cur.paragraph != prev.paragraph)
        });
    }
    // the cue clause of the quotation before may run long (`," Rep. X (R-Utah) said after ...
    // in the past two weeks. "...`) when the next quotation opens a sentence of the same paragraph
    let opens_sentence = same_para && {
        let para = &d.doc.paras[cur.paragraph];
        let k = tok_at(para, cur.open);
        para.sentences.iter().any(|&(a, _)| a == k)
    };
    !others && (gap_words <= 20 || (opens_sentence && gap_words <= 40))
}
