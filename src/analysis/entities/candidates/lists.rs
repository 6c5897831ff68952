//! Names in lists: a comma-separated run of names shares their kind.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::candidate::{Candidate, Source};
use super::words::{is_apostrophe_only, starts_number};
use crate::analysis::doc::Para;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::Kind;

/// In a list of names (`A, B, C and D`) where most are known places, the others are places too.
pub(super) fn mark_lists(_lex: &Lexicon, para: &Para, cands: &mut [Candidate]) {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..cands.len() {
        // a line-up numbers its names (`15 - Ana Ruiz, 14 - Ben Ortiz (Cleo Park, 60th)`)
        let joined = i > 0 && cands[i - 1].paragraph == cands[i].paragraph && {
            let between: Vec<&str> = (cands[i - 1].last..cands[i].first).map(|k| para.word(k)).collect();
            let separator = |w: &&str| matches!(*w, "," | ";" | "and" | "or" | "&");
            let numbering = |w: &&str| matches!(*w, "-" | "(" | ")") || starts_number(w);
            between.iter().any(separator)
                && between.iter().all(|w| separator(w) || numbering(w))
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
        // most of them people's (`Ana Ruiz, Ben Ortiz, Cleo Park and Dov Lerner`): the others
        // of several words are people's too; in a line-up numbered by shirts (`5 - Ana Ruiz,
        // 7 - Ben Ortiz`) every name is
        let people = g.iter().filter(|&&i| cands[i].person_cue).count();
        let shirt = |i: usize| {
            let c = &cands[i];
            c.first >= 2 && para.word(c.first - 1) == "-" && starts_number(para.word(c.first - 2))
        };
        let line_up = g.iter().filter(|&&i| shirt(i)).count() >= 3;
        if (people * 2 >= g.len() || line_up) && places == 0 {
            for &i in &g {
                if cands[i].source == Source::Unknown && (cands[i].words().len() >= 2 || line_up) {
                    cands[i].person_cue = true;
                }
            }
        }
        if places * 2 >= g.len() {
            for &i in &g {
                if cands[i].source == Source::Unknown && !cands[i].person_cue {
                    cands[i].place_cue = true;
                }
            }
        }
    }
}
