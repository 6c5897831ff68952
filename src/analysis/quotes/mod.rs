//! Quotations and who said them.
//!
//! Cues, tried in order: after the closing mark (`," NAME said`, `," said NAME`, `," he added`,
//! `," the statement asserted`); before the opening mark in the same sentence (`NAME said:`,
//! `According to NAME,`, `quoting NAME on X:`, `NAME ... , saying,`); else a quotation that
//! directly follows one of a known speaker, with no one else named between, continues it.
//! A quotation with none of these gets no speaker: never a guess.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

mod clause;
mod continuation;

use super::discourse::Discourse;
use super::marks::Quotation;
use super::model::{Quote, Span};
use clause::{Attribution, after_cue, before_cue, inner};
use continuation::continues;

/// Finds and attributes the quotations of one article.
pub fn find(article: &std::sync::Arc<str>, d: &Discourse, scare_words: usize) -> Vec<(Quote, Option<usize>)> {
    let mut out: Vec<(Quote, Option<usize>)> = Vec::new();
    // the spans, by the index of their quote in `out`
    let mut spans: Vec<&Quotation> = Vec::new();
    let mut prev: Option<(Quotation, Option<usize>)> = None;
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
                a = Attribution { speaker: Some(*spk), cue: Some("continued".into()), confidence: 0.6 };
            }
            // `"Mean Girls"`: a short title in capitals names a work, nobody said it
            if scare
                && text
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
            {
                a = Attribution { speaker: None, cue: None, confidence: 0.0 };
            }
            let speaker_name = a.speaker.map(|e| d.name(e));
            // a short quotation only leads on when a cue named its speaker
            if !scare || a.speaker.is_some() {
                prev = Some((s.clone(), a.speaker));
            }
            let confidence = if a.speaker.is_some() { a.confidence } else { 0.0 };
            out.push((
                Quote { at: Span::new(article, pi, start, end), text, speaker: speaker_name, cue: a.cue, confidence },
                a.speaker,
            ));
            spans.push(s);
        }
    }
    // a quotation over several paragraphs is attributed where it ends (`... the last words,"
    // she said.`): the paragraphs left open before it take that speaker
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (this, next) = (spans[i], spans[i + 1]);
        let opens_next =
            next.paragraph == this.paragraph + 1 && d.doc.paras[next.paragraph].text[..next.open].trim().is_empty();
        if out[i].1.is_none()
            && !this.closed
            && opens_next
            && let Some(spk) = out[i + 1].1
        {
            let name = out[i + 1].0.speaker.clone();
            let q = &mut out[i];
            (q.1, q.0.speaker, q.0.cue, q.0.confidence) = (Some(spk), name, Some("continued".into()), 0.6);
        }
    }
    out
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
    fn a_name_inside_the_speakers_phrase_is_not_the_speaker() {
        let t =
            ["Later Tavo Quillfeather of the League for Renewal wrote on X: \"Another year, another broken promise.\""];
        assert_eq!(speaker_of(&t, "Another year").as_deref(), Some("Tavo Quillfeather"));
    }

    #[test]
    fn the_organisations_last_word_stands_for_it() {
        let t = [
            "The Northam Water Trust closed two reservoirs on Monday, and chief engineer Tavo Quillfeather went to see them.\n\nIn a statement, the trust said: \"Drinking water is safe.\"\n\n\"Nobody is at risk,\" a trust spokesperson told reporters.",
        ];
        assert_eq!(speaker_of(&t, "Drinking wat").as_deref(), Some("Northam Water Trust"));
        assert_eq!(speaker_of(&t, "Nobody is at").as_deref(), Some("Northam Water Trust"));
    }

    #[test]
    fn a_short_titles_dot_and_an_untyped_name_after_the_verb() {
        let t =
            ["Tavi Kroll spoke first.\n\n\"This is a waste of time,\" said Del. Amara Quist of the Harbour Islands."];
        assert_eq!(speaker_of(&t, "This is a wa").as_deref(), Some("Amara Quist"));
    }

    #[test]
    fn a_fragment_quoted_inside_a_sentence_whose_verb_comes_later() {
        let t = ["Tavi Kroll wrote the plan.\n\n''I admire the design'' of the new levy, Mr. Ostrander said."];
        assert_eq!(speaker_of(&t, "I admire the").as_deref(), Some("Ostrander"));
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

    #[test]
    fn single_marks_and_two_apostrophes_carry_speakers() {
        let t = [
            "'We will rebuild the pier,' said harbour master Colm Dwyer.\n\n''It was chaos on the quay,'' Colm Dwyer said.",
        ];
        assert_eq!(speaker_of(&t, "We will rebu").as_deref(), Some("Colm Dwyer"));
        assert_eq!(speaker_of(&t, "It was chaos").as_deref(), Some("Colm Dwyer"));
    }

    #[test]
    fn guillemets_carry_speakers() {
        let t = ["«We stay until the water goes down,» said Mayor Odile Marchetti."];
        assert_eq!(speaker_of(&t, "We stay unti").as_deref(), Some("Odile Marchetti"));
    }

    #[test]
    fn new_cue_verbs() {
        let t = ["\u{201c}Best race of my life,\u{201d} gushed Petra Lindqvist after the finish."];
        assert_eq!(speaker_of(&t, "Best race of").as_deref(), Some("Petra Lindqvist"));
    }

    #[test]
    fn the_speaker_after_an_apposition_or_a_party_label() {
        let t = [
            "\"The committee has waited long enough,\" Rep. Hal Ostrander (R-Iowa), a member of the panel since 2009, said on Tuesday.",
            "\u{201c}The engines stopped,\u{201d} said Kwame Asante, 41, a fisherman from the coast.",
        ];
        assert_eq!(speaker_of(&t, "The committee").as_deref(), Some("Hal Ostrander"));
        assert_eq!(speaker_of(&t, "The engines s").as_deref(), Some("Kwame Asante"));
    }

    #[test]
    fn a_name_used_as_a_modifier_does_not_take_the_quote() {
        let t = ["Brightwell Foods boss Ingrid Solberg said: \u{201c}We will keep every store open.\u{201d}"];
        assert_eq!(speaker_of(&t, "We will keep").as_deref(), Some("Ingrid Solberg"));
    }

    #[test]
    fn an_age_makes_an_untyped_name_a_person_for_pronouns() {
        let t = [
            "Minister Alva Brandt visited the camp.\n\nOkoro Nwosu, 23, from the delta, was among those rescued. \u{201c}We drifted for days,\u{201d} he said.",
        ];
        assert_eq!(speaker_of(&t, "We drifted f").as_deref(), Some("Okoro Nwosu"));
    }

    #[test]
    fn a_dash_or_a_colon_lead_in_attributes() {
        let t = [
            "\u{201c}Nobody asked us what we wanted.\u{201d} \u{2015} Lucia Ferrante\n\nTeresa Galvani, nurse: \u{201c}We worked three shifts in a row.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "Nobody asked").as_deref(), Some("Lucia Ferrante"));
        assert_eq!(speaker_of(&t, "We worked th").as_deref(), Some("Teresa Galvani"));
    }

    #[test]
    fn an_apposition_after_an_organisations_title_words() {
        let t = ["\u{201c}The veto will fall,\u{201d} Senate Majority Leader Orrin Vask, R-Ky., said Tuesday."];
        assert_eq!(speaker_of(&t, "The veto wil").as_deref(), Some("Orrin Vask"));
    }

    #[test]
    fn a_sentence_of_reported_speech_ending_in_its_cue_leads_into_a_quotation() {
        let t = [
            "The agency may wait until the talks end, Orrin Vask said. \u{201c}The other factor is the timing.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "The other fa").as_deref(), Some("Orrin Vask"));
        let t = [
            "Orrin Vask said the agency may wait until the talks end. \u{201c}The other factor is the timing.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "The other fa"), None, "the cue does not end the sentence");
    }

    #[test]
    fn a_long_cue_clause_still_leads_into_the_next_sentences_quotation() {
        let t = [
            "\"Subpoenas are not optional,\" panel Chairman Rep. Orrin Vask (R-Utah) said after the witness failed to show up at the second hearing he was formally called to in the past two weeks. \"The witness is a crucial one.\"",
        ];
        assert_eq!(speaker_of(&t, "The witness ").as_deref(), Some("Orrin Vask"));
    }

    #[test]
    fn a_quotation_ending_its_sentence_takes_no_cue_of_the_next() {
        let t = [
            "Port director Lina Dorsey told the board the dredging can start and then added \"we begin in spring.\" Dr. Milo Rennick said the money is not there yet.",
        ];
        assert_eq!(speaker_of(&t, "we begin in ").as_deref(), Some("Lina Dorsey"));
        // a cue clause about its own speaking still follows such a quotation
        let t = ["\"We will rebuild.\" Milo Rennick said in a statement."];
        assert_eq!(speaker_of(&t, "We will rebu").as_deref(), Some("Milo Rennick"));
    }

    #[test]
    fn as_someone_put_it() {
        let t = ["As Orrin Vask, a tax lawyer, recently put it, \u{201c}Was it avoidance or evasion?\u{201d}"];
        assert_eq!(speaker_of(&t, "Was it avoid").as_deref(), Some("Orrin Vask"));
    }

    #[test]
    fn an_inverted_cue_and_a_report_of_speech_lead_in() {
        let t = ["The plan drew fire. Said Orrin Vask: \u{201c}Nobody read it.\u{201d}"];
        assert_eq!(speaker_of(&t, "Nobody read").as_deref(), Some("Orrin Vask"));
        let t = [
            "Party director Mara Quist said that claims by her side are checked more closely.\n\n\u{201c}Things that are true are rated false.\u{201d}",
        ];
        assert_eq!(speaker_of(&t, "Things that").as_deref(), Some("Mara Quist"));
        let t = ["Mara Quist said the vote was close.\n\n\u{201c}Things that are true are rated false.\u{201d}"];
        assert_eq!(speaker_of(&t, "Things that"), None, "a plain report leads into nothing");
    }

    #[test]
    fn a_quotation_over_paragraphs_takes_the_speaker_where_it_ends() {
        let t = [
            "\u{201c}The river rose in an hour and took the road with it.\n\n\u{201c}We lost the bakery and the school,\u{201d} said Mayor Ilse Vermeer.",
        ];
        assert_eq!(speaker_of(&t, "The river ro").as_deref(), Some("Ilse Vermeer"));
    }

    #[test]
    fn a_continuation_survives_a_name_in_passing_but_not_a_rival_speaker() {
        let t = [
            "\"We are not looking at parties,\" Senator Abel Norquist said, comparing the plans of Mayor Ruth Ide with others. \"Look at the issues and the budget.\"",
        ];
        assert_eq!(speaker_of(&t, "Look at the i").as_deref(), Some("Abel Norquist"));
        let t = [
            "\"We are not looking at parties,\" Senator Abel Norquist said, before Mayor Ruth Ide said she disagreed. \"Look at the issues and the budget.\"",
        ];
        assert_ne!(speaker_of(&t, "Look at the i").as_deref(), Some("Abel Norquist"));
    }

    #[test]
    fn confidence_follows_the_cue() {
        let a = analyse(
            &test_corpus(&[
                "\u{201c}We will rebuild,\u{201d} said Tomas Berg.\n\n\u{201c}The town will stand,\u{201d} he added.\n\nThe plan was called \u{201c}bold\u{201d} by some.",
            ]),
            &Options::default(),
        );
        let c: Vec<f32> = a.articles[0].quotes.iter().map(|q| q.confidence).collect();
        assert_eq!(c.len(), 3);
        assert!(c[0] > c[1] && c[1] > 0.0 && c[2] == 0.0, "{c:?}");
    }

    #[test]
    fn a_party_label_is_no_rival_and_titles_may_stand_before_the_name() {
        let t = [
            "\"We cannot let witnesses ignore the panel,\" Rep. Hal Ostrander (R-Iowa) said. \"If you continue that, you destroy the whole basis of our work.\"\n\n\"Subpoenas are not optional,\" panel Chairman Rep. Jon Fairleigh (R-Utah) said after the hearing.",
        ];
        assert_eq!(speaker_of(&t, "If you conti").as_deref(), Some("Hal Ostrander"));
        assert_eq!(speaker_of(&t, "Subpoenas ar").as_deref(), Some("Jon Fairleigh"));
    }

    #[test]
    fn a_lead_in_paragraph_ending_in_a_colon() {
        let t = ["Mayor Ilse Vermeer continued:\n\n\"The health of the river is a question for all of us.\""];
        assert_eq!(speaker_of(&t, "The health o").as_deref(), Some("Ilse Vermeer"));
    }

    #[test]
    fn a_name_then_a_dash_then_the_quotation() {
        let t = [
            "Critics included the former governor Alma Reyes -- ''It is wrong to hide the returns from voters'' -- and others.",
        ];
        assert_eq!(speaker_of(&t, "It is wrong ").as_deref(), Some("Alma Reyes"));
    }

    #[test]
    fn the_name_right_before_the_verb_is_its_subject() {
        let t = ["When the firm signed with Governor Tom Hale, Senator Ruth Amari said, \"we were floored.\""];
        assert_eq!(speaker_of(&t, "we were floo").as_deref(), Some("Ruth Amari"));
    }
}
