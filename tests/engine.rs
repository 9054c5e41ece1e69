//! The engine on text written for each tolerance it promises: reordering, dropped and
//! changed words, ellipses, brackets, quotations split by attribution, nested and foreign
//! quotation marks, quotations over several paragraphs, apostrophes, and quotations from
//! someone else. Every assertion is about what a reader would see in the report.

use proptest::prelude::*;
use quotediff::compare::{EditMark, EditOp, Fidelity, MatchKind, QuoteStatus};
use quotediff::{compare, CompareOptions};

#[path = "common/compare.rs"]
mod common;
use common::{article_text, quotation_match, run, source_text};

const RELEASE: &str = "FOR IMMEDIATE RELEASE, March 3, 2024\n\n\
MAYOR ANNOUNCES FLOOD RELIEF FUND FOR RIVERSIDE DISTRICT\n\n\
Mayor Elena Ruiz today announced a $12 million relief fund for households and small businesses \
in the Riverside district that were damaged by last week's flooding. The fund will offer grants \
of up to $25,000 to property owners who lost equipment, inventory or housing. \"No family should \
have to choose between repairing their home and paying rent,\" said Mayor Ruiz. Applications open \
on Monday at city libraries and online. The city council approved the fund in a unanimous vote \
on Tuesday evening after a three-hour public hearing. Deputy Mayor Samuel Okafor said the city \
would also waive permit fees for flood repairs until the end of the year. The Office of Emergency \
Management estimates that more than 1,400 buildings were affected by the storm.";

#[test]
fn passages_quoted_out_of_order_are_each_found() {
    let article = "Riverside residents can apply starting next week. The city council approved the fund \
        in a unanimous vote on Tuesday evening after a three-hour public hearing, officials said. Earlier, \
        Mayor Elena Ruiz today announced a $12 million relief fund for households and small businesses in \
        the Riverside district.";
    let c = run(RELEASE, article);
    assert_eq!(c.matches.len(), 2, "{:#?}", c.matches);
    // The article's first passage is the release's later sentence.
    assert!(c.matches[0].source.start > c.matches[1].source.start);
    assert!(
        article_text(&c, c.matches[0].article).starts_with("The city council approved the fund")
    );
    assert!(source_text(&c, c.matches[1].source).starts_with("Mayor Elena Ruiz today announced"));
    assert!(c.matches.iter().all(|m| m.kind == MatchKind::Reuse));
}

#[test]
fn exact_quotation_is_verified_with_its_speaker() {
    let article = "The mayor was blunt. \u{201c}No family should have to choose between repairing their home \
        and paying rent,\u{201d} Ruiz said at the announcement.";
    let c = run(RELEASE, article);
    assert_eq!(c.quotes.len(), 1);
    let q = &c.quotes[0];
    assert_eq!(q.status, QuoteStatus::Verified);
    assert_eq!(q.speaker.as_deref(), Some("Ruiz"));
    let m = c.match_by_id(q.matches[0]).unwrap();
    assert_eq!(m.kind, MatchKind::Quotation);
    // Curly quotes in the article, straight in the release: the words are what count.
    assert_eq!(m.fidelity, Fidelity::Exact);
}

#[test]
fn dropped_word_inside_a_quotation_is_listed() {
    let article =
        "Ruiz said: \"No family should have to choose between repairing their home and rent.\"";
    let c = run(RELEASE, article);
    let q = &c.quotes[0];
    assert_eq!(q.status, QuoteStatus::Altered);
    let m = c.match_by_id(q.matches[0]).unwrap();
    assert_eq!(m.fidelity, Fidelity::Edited);
    let dropped: Vec<_> = m
        .edits
        .iter()
        .filter(|e| e.op == EditOp::Delete)
        .map(|e| source_text(&c, e.source.unwrap()))
        .collect();
    assert_eq!(dropped, ["paying"]);
}

#[test]
fn changed_word_is_reported_as_a_replacement() {
    let article = "\"No family should have to choose between fixing their home and paying rent,\" the mayor said.";
    let c = run(RELEASE, article);
    let m = &c.matches[0];
    assert_eq!(c.quotes[0].status, QuoteStatus::Altered);
    let e = m
        .edits
        .iter()
        .find(|e| e.op == EditOp::Replace)
        .expect("a replacement");
    assert_eq!(source_text(&c, e.source.unwrap()), "repairing");
    assert_eq!(article_text(&c, e.article.unwrap()), "fixing");
    assert_eq!(e.marked, None);
}

#[test]
fn ellipsis_omission_stays_one_match_and_is_marked() {
    let article =
        "Officials said the fund \u{201c}will offer grants of up to $25,000 to property owners \
        \u{2026} inventory or housing.\u{201d}";
    let c = run(RELEASE, article);
    assert_eq!(c.matches.len(), 1, "{:#?}", c.matches);
    let m = &c.matches[0];
    let omitted = m
        .edits
        .iter()
        .find(|e| e.op == EditOp::Delete)
        .expect("an omission");
    assert_eq!(omitted.marked, Some(EditMark::Ellipsis));
    assert_eq!(
        source_text(&c, omitted.source.unwrap()),
        "who lost equipment"
    );
}

#[test]
fn bracketed_insertion_is_marked() {
    let article = "\"[Ruiz's] fund will offer grants of up to $25,000 to property owners who lost equipment,\" \
        the statement said.";
    let c = run(RELEASE, article);
    assert_eq!(c.matches.len(), 1);
    let m = &c.matches[0];
    let e = m
        .edits
        .iter()
        .find(|e| e.marked == Some(EditMark::Brackets))
        .expect("a bracketed edit");
    assert_eq!(article_text(&c, e.article.unwrap()), "Ruiz's");
    assert_eq!(source_text(&c, e.source.unwrap()), "The");
}

#[test]
fn quotation_split_by_attribution_is_matched_piece_by_piece() {
    let source =
        "\"We will rebuild every street that the water touched. It will take time, and it will \
        take all of us,\" the governor said in a statement on Friday.";
    let article =
        "\u{201c}We will rebuild every street that the water touched,\u{201d} the governor said. \
        \u{201c}It will take time, and it will take all of us.\u{201d}";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 2);
    assert!(
        c.quotes
            .iter()
            .all(|q| q.status != QuoteStatus::NotInSource),
        "{:#?}",
        c.quotes
    );
    assert_eq!(c.matches.len(), 2);
    // In source order, piece by piece.
    assert!(c.matches[0].source.end <= c.matches[1].source.start);
    assert_eq!(c.quotes[0].speaker, c.quotes[1].speaker);
}

#[test]
fn short_split_piece_after_attribution_still_counts() {
    let source = "The minister said the reform would be \"fair to every pensioner in the country\" and added nothing more.";
    let article = "\"Fair to every pensioner,\" the minister said, \"in the country.\"";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 2);
    assert!(
        c.quotes.iter().all(|q| q.status == QuoteStatus::Verified),
        "{:#?}",
        c.quotes
    );
}

#[test]
fn nested_quotation_marks_are_one_quotation() {
    let source =
        "The mayor called the delay \"unacceptable\" and said the contractor must finish by June.";
    let article =
        "\u{201c}The mayor called the delay \u{2018}unacceptable\u{2019} and said the contractor \
        must finish by June,\u{201d} the council clerk wrote.";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
    assert_eq!(c.quotes[0].speaker.as_deref(), Some("the council clerk"));
}

#[test]
fn british_single_quotes_outside() {
    let article = "\u{2018}No family should have to choose between repairing their home and paying rent,\u{2019} \
        Ms Ruiz said.";
    let c = run(RELEASE, article);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
}

#[test]
fn french_guillemets() {
    let source = "Le président a déclaré que « la France restera aux côtés des familles touchées par les inondations » lors de sa visite.";
    let article = "« La France restera aux côtés des familles touchées par les inondations », a affirmé le chef de l'État.";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified, "{:#?}", c);
    assert_eq!(c.matches[0].fidelity, Fidelity::Normalized);
}

#[test]
fn german_low_high_quotes() {
    let source = "Die Bundesregierung wird den betroffenen Gemeinden schnell und unbürokratisch helfen, sagte der Minister.";
    let article = "„Die Bundesregierung wird den betroffenen Gemeinden schnell und unbürokratisch helfen“, sagte Minister Weber am Dienstag.";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
    assert_eq!(c.quotes[0].speaker.as_deref(), Some("Minister Weber"));
}

#[test]
fn quotation_over_several_paragraphs_is_one_verified_quotation() {
    let article = "In a statement, the mayor's office said:\n\n\
        \"Applications open on Monday at city libraries and online.\n\n\
        \"The city council approved the fund in a unanimous vote on Tuesday evening after a three-hour public hearing.\"\n\n\
        Reporters were not allowed questions.";
    let c = run(RELEASE, article);
    assert_eq!(c.quotes.len(), 1, "{:#?}", c.quotes);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
    assert!(article_text(&c, c.quotes[0].article).contains("three-hour public hearing"));
    // Leaving a sentence out without an ellipsis is an alteration, even across paragraphs.
    let spliced = "She said:\n\n\"The fund will offer grants of up to $25,000 to property owners who lost \
        equipment, inventory or housing.\n\n\"Applications open on Monday at city libraries and online.\"";
    let c = run(RELEASE, spliced);
    assert_eq!(c.quotes[0].status, QuoteStatus::Altered);
    // The sentence left out joins two places of the source: a splice, not a word dropped.
    let joined = c.matches[0]
        .edits
        .iter()
        .find(|e| e.op == EditOp::Splice)
        .unwrap();
    let [first, second] = joined.places.unwrap();
    assert!(source_text(&c, first).starts_with("The fund will offer grants"));
    assert!(source_text(&c, second).starts_with("Applications open on Monday"));
    assert!(!joined.order_changed() && joined.marked.is_none());
}

#[test]
fn apostrophes_are_never_quotation_marks() {
    let article = "The district's residents, many of whom moved there in the '90s, said the agents' \
        response was slow. The city council approved the fund in a unanimous vote on Tuesday evening.";
    let c = run(RELEASE, article);
    assert!(c.quotes.is_empty(), "{:#?}", c.quotes);
    assert_eq!(c.matches.len(), 1);
    assert_eq!(c.matches[0].kind, MatchKind::Reuse);
}

#[test]
fn quotation_from_another_speaker_is_not_in_source() {
    let article =
        "Residents were skeptical. \"Twenty-five thousand dollars will not replace a furnace and \
        a flooded basement,\" said Maria Chen, who owns a bakery on River Street.";
    let c = run(RELEASE, article);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::NotInSource);
    assert_eq!(c.quotes[0].speaker.as_deref(), Some("Maria Chen"));
    assert!(c.matches.is_empty());
}

#[test]
fn three_word_quotation_is_matched_when_it_says_something() {
    let source = "The Bank expects inflation to remain below target late into 2005 before returning to 2 per cent.";
    let article = "Inflation would stay low \"late into 2005,\" the central bank said.";
    let c = run(source, article);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
    // But a three-word turn of phrase is not a quotation of the source.
    let article = "He said it was \"one of the\" best.";
    assert!(run("It is one of the largest funds.", article)
        .matches
        .is_empty());
}

#[test]
fn case_and_punctuation_only_is_normalized() {
    let article = "the city council approved the fund in a unanimous vote, on Tuesday evening, after a three hour public hearing.";
    let c = run(RELEASE, article);
    assert_eq!(c.matches.len(), 1);
    assert_eq!(c.matches[0].fidelity, Fidelity::Normalized);
    assert!(c.matches[0].edits.is_empty());
}

#[test]
fn short_common_phrase_alone_is_not_a_match() {
    let article = "Flooding hit homes in the Riverside district again, and in New York City the rain stopped.";
    let c = run(RELEASE, article);
    assert!(c.matches.is_empty(), "{:#?}", c.matches);
}

#[test]
fn unrelated_documents_give_an_empty_result() {
    let c = run(
        RELEASE,
        "The quarterly earnings of the bakery chain rose by four percent in spring.",
    );
    assert!(c.matches.is_empty());
    assert_eq!(c.stats.article_from_source, 0.0);
    assert_eq!(c.stats.source_in_article, 0.0);
}

#[test]
fn crlf_text_keeps_exact_offsets() {
    let source = RELEASE.replace('\n', "\r\n");
    let article = "Officials said:\r\n\"The fund will offer grants of up to $25,000 to property owners\r\nwho lost equipment, inventory or housing.\"";
    let c = run(&source, article);
    let m = &c.matches[0];
    assert_eq!(source_text(&c, m.source), "The fund will offer grants of up to $25,000 to property owners who lost equipment, inventory or housing.");
    assert!(article_text(&c, m.article).contains("owners\r\nwho"));
}

#[test]
fn coverage_counts_words_both_ways() {
    let article = "The city council approved the fund in a unanimous vote on Tuesday evening after a three-hour public hearing.";
    let c = run(RELEASE, article);
    assert!((c.stats.article_from_source - 1.0).abs() < 1e-9);
    let expected = c.matches[0].shared_words as f64 / c.stats.source_words as f64;
    assert!((c.stats.source_in_article - expected).abs() < 1e-9);
}

#[test]
fn the_bundled_pair_finds_the_readout_quotations() {
    let (s, a) = quotediff::document::bundled_pair();
    let c = compare(s, a, &CompareOptions::default());
    let statuses: Vec<_> = c.quotes.iter().map(|q| q.status).collect();
    assert_eq!(
        statuses,
        [
            QuoteStatus::Verified,
            QuoteStatus::NotInSource,
            QuoteStatus::NotInSource,
            QuoteStatus::NotInSource,
            QuoteStatus::Verified,
            QuoteStatus::Verified,
            QuoteStatus::Verified,
        ]
    );
    assert_eq!(c.quotes[2].speaker.as_deref(), Some("Katie Tichacek"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the input, the engine returns and every span is a real slice of its text.
    #[test]
    fn spans_always_lie_on_char_boundaries(
        source in "(\\PC|[\"'«»„“”‘’…\\[\\]\\n ]){0,300}",
        article in "(\\PC|[\"'«»„“”‘’…\\[\\]\\n ]){0,300}",
    ) {
        check_spans(&source, &article);
    }

    /// Articles built from pieces of the source, with quotation marks and edits sprinkled in.
    #[test]
    fn spans_hold_on_article_made_of_the_source(
        picks in proptest::collection::vec((0usize..60, 1usize..12, 0usize..6), 1..8),
    ) {
        let words: Vec<&str> = RELEASE.split_whitespace().collect();
        let mut article = String::new();
        for (start, len, style) in picks {
            let piece = words[start.min(words.len() - 1)..(start + len).min(words.len())].join(" ");
            match style {
                0 => article.push_str(&format!("\u{201c}{piece}\u{201d} she said. ")),
                1 => article.push_str(&format!("\"{piece} ... \" ")),
                2 => article.push_str(&format!("[{piece}] ")),
                3 => article.push_str(&format!("« {piece} » ")),
                4 => article.push_str(&format!("'{piece}' ")),
                _ => article.push_str(&format!("{piece}\n\n")),
            }
        }
        check_spans(RELEASE, &article);
    }
}

fn check_spans(source: &str, article: &str) {
    let c = run(source, article);
    let ok = |text: &str, span: quotediff::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for m in &c.matches {
        assert!(ok(&c.source.text, m.source) && ok(&c.article.text, m.article));
        for e in &m.edits {
            assert!(e.source.is_none_or(|s| ok(&c.source.text, s)));
            assert!(e.article.is_none_or(|a| ok(&c.article.text, a)));
        }
    }
    for q in &c.quotes {
        assert!(ok(&c.article.text, q.article));
        assert!(ok(&c.article.text, q.outer));
        assert!(q.source_phrase.is_none_or(|s| ok(&c.source.text, s)));
    }
    for e in c.matches.iter().flat_map(|m| &m.edits) {
        assert!(e.at <= c.article.text.len() && c.article.text.is_char_boundary(e.at));
    }
    for d in &c.details {
        assert!(d.source.is_none_or(|s| ok(&c.source.text, s)));
        assert!(d.article.is_none_or(|a| ok(&c.article.text, a)));
    }
    // The JSON report's "text" fields are exactly these slices.
    let json = quotediff::report::json::to_value(&c, None);
    for m in json["matches"].as_array().unwrap() {
        let (s, e) = (
            m["article"]["start"].as_u64().unwrap() as usize,
            m["article"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            m["article"]["text"].as_str().unwrap(),
            &c.article.text[s..e]
        );
    }
}

const CRIME_RELEASE: &str = "CITY HALL \u{2014} Mayor Jordan Blake on Wednesday released the city's annual public \
safety report, which shows that violent crime fell by 12 percent in 2023. \"We have made significant progress in \
reducing crime across the city, and we will continue to invest in our officers and our communities,\" said Mayor \
Blake. \"But one shooting is one too many, and our work is far from finished.\" Police Commissioner Ana Torres said \
the department would add 40 officers to its neighborhood patrol unit next year, as conditions warrant.";

#[test]
fn near_verbatim_quotation_split_by_attribution_lists_its_changes() {
    let article = "\u{201c}We\u{2019}ve made significant progress in reducing crime across the city,\u{201d} Blake said, \
        \u{201c}and we will keep investing in our officers and communities.\u{201d}";
    let c = run(CRIME_RELEASE, article);
    assert_eq!(c.quotes.len(), 2);
    assert!(
        c.quotes.iter().all(|q| q.status == QuoteStatus::Altered),
        "{:#?}",
        c.quotes
    );
    assert!(c
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Blake")));
    // The contraction is part of the match, shown as a change.
    let first = c.match_by_id(c.quotes[0].matches[0]).unwrap();
    let change = &first.edits[0];
    assert_eq!(source_text(&c, change.source.unwrap()), "We have");
    assert_eq!(article_text(&c, change.article.unwrap()), "We\u{2019}ve");
    let second = c.match_by_id(c.quotes[1].matches[0]).unwrap();
    let changes: Vec<_> = second
        .edits
        .iter()
        .map(|e| {
            (
                e.source.map(|s| source_text(&c, s)),
                e.article.map(|a| article_text(&c, a)),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (Some("continue to invest"), Some("keep investing")),
            (Some("our"), None)
        ]
    );
}

#[test]
fn short_quotation_with_one_content_word_is_found() {
    let article = "The mayor cautioned that \u{201c}one shooting is one too many.\u{201d}";
    let c = run(CRIME_RELEASE, article);
    assert_eq!(c.quotes[0].status, QuoteStatus::Verified);
    assert_eq!(c.quotes[0].speaker.as_deref(), Some("The mayor"));
}

#[test]
fn quoted_phrase_finishing_a_reused_sentence_counts() {
    let article = "Torres said the department would add 40 officers to its neighborhood patrol unit next year \
        \"as conditions warrant.\"";
    let c = run(CRIME_RELEASE, article);
    assert_eq!(
        c.quotes[0].status,
        QuoteStatus::Verified,
        "{:#?}",
        c.matches
    );
    assert_eq!(c.matches.len(), 2);
    assert_eq!(c.matches[0].kind, MatchKind::Reuse);
}

/// A speech long enough that a short passage of common words could occur by chance.
const SPEECH: &str = "Madam Speaker, members of the Council, fellow citizens:\n\n\
Twelve months ago this city promised its neighbours along the river that we would stand with them \
after the worst flood in sixty years. We kept that promise through the winter, when the shelters \
were full and the roads were closed. Three councils before us made the same pledge to the people of \
the lower valley. We will not break it now.\n\n\
Our economy is stronger than it was a year ago. Unemployment has fallen to 4.1 percent, the lowest \
level since the factory closed, and growth in private demand has also been quite weak and wage \
pressures have eased, which gives us room to invest. The harbour project will open next spring, \
on time and within its budget of $48 million. We discussed at length with the port authority how \
to keep the fishing fleet working while the cranes go up.\n\n\
I propose that we double the number of apprenticeships in the building trades. I propose that \
every school in the district have a nurse by the end of next year. I propose that the library \
stay open on Sundays, because learning does not stop at the weekend.\n\n\
None of this will be easy. Some will say that the council should wait for better times. But the \
families who lost their homes cannot wait, and neither can the young people who want to build \
their lives here. Let us get to work.";

#[test]
fn whole_quotation_of_common_words_is_verified() {
    let article = "The mayor recalled the flood pledge made by earlier councils and added: \
        \u{201c}We will not break it now.\u{201d} The speech lasted forty minutes.";
    let c = run(SPEECH, article);
    let q = c
        .quotes
        .iter()
        .find(|q| article_text(&c, q.article).starts_with("We will"))
        .expect("the quotation is found");
    assert_eq!(q.status, QuoteStatus::Verified, "{:#?}", c.matches);
    assert_eq!(q.matches.len(), 1);
    let m = c.match_by_id(q.matches[0]).expect("its match");
    assert_eq!(source_text(&c, m.source), "We will not break it now.");
}

#[test]
fn scare_quotes_inside_a_reused_passage_do_not_cut_it() {
    let article = "Growth in private demand had been \"quite weak\" and wage pressures had eased, \
        the mayor told the council, before turning to the harbour.";
    let c = run(SPEECH, article);
    let q = &c.quotes[0];
    assert_eq!(article_text(&c, q.article), "quite weak");
    assert_eq!(q.status, QuoteStatus::Verified);
    let m = c
        .match_by_id(q.matches[0])
        .expect("a match holds the quotation");
    assert_eq!(m.kind, MatchKind::Reuse);
    let reused = article_text(&c, m.article);
    assert!(
        reused.contains("been \"quite weak\" and wage pressures"),
        "{reused}"
    );
}

#[test]
fn one_or_two_word_quotations_are_looked_up_word_for_word() {
    let article = "Officials talked \"at length\" with the port. Every speech now turns on the \
        words \"I propose.\" Critics called the plan \"reckless\" and \"unaffordable.\" \
        Asked about taxes, he said: \"No.\"";
    let c = run(SPEECH, article);
    let status = |text: &str| {
        let q = c
            .quotes
            .iter()
            .find(|q| article_text(&c, q.article).trim_end_matches('.') == text)
            .unwrap_or_else(|| panic!("quotation {text:?} found"));
        (q.status, q.source_phrase.map(|s| source_text(&c, s)))
    };
    assert_eq!(
        status("at length"),
        (QuoteStatus::Verified, Some("at length"))
    );
    assert_eq!(
        status("I propose"),
        (QuoteStatus::Verified, Some("I propose"))
    );
    // Words the source never says are the critics' own.
    assert_eq!(status("reckless"), (QuoteStatus::NotInSource, None));
    assert_eq!(status("unaffordable"), (QuoteStatus::NotInSource, None));
    // A bare "No" proves nothing, though the source has the word.
    assert_eq!(status("No"), (QuoteStatus::NotInSource, None));
    // Those found are quotation matches, so the source side is shown too; no other is.
    let mut paired: Vec<&str> = c
        .matches
        .iter()
        .filter(|m| m.kind == MatchKind::Quotation)
        .map(|m| source_text(&c, m.source))
        .collect();
    paired.sort();
    assert_eq!(paired, ["I propose", "at length"], "{:#?}", c.matches);
}

#[test]
fn bracketed_words_never_pull_a_quotation_onto_an_earlier_mention() {
    let source = "La Banque de France a publié les notes de frais du gouverneur de la Banque de \
        France en question. C’est nous qui, en totale transparence, avons transmis ces notes au \
        journal après sa demande, a précisé l’institution.";
    let article = "L’institution répond au journal. « C’est nous [la Banque de France] qui, en \
        totale transparence, avons transmis ces notes », affirme-t-elle.";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 1);
    let m = c.match_by_id(c.quotes[0].matches[0]).expect("matched");
    assert!(
        source_text(&c, m.source).starts_with("C’est nous qui"),
        "{}",
        source_text(&c, m.source)
    );
    assert!(article_text(&c, m.article).starts_with("C’est nous [la Banque de France] qui"));
    let insertion = m
        .edits
        .iter()
        .find(|e| e.op == EditOp::Insert)
        .expect("the bracket is an insertion");
    assert_eq!(insertion.marked, Some(EditMark::Brackets));
}

#[test]
fn recased_first_letter_in_brackets_is_the_same_word() {
    let article = "Residents were told that \u{201c}[t]he fund will offer grants of up to $25,000 \
        to property owners.\u{201d}";
    let c = run(RELEASE, article);
    let q = &c.quotes[0];
    assert_eq!(q.status, QuoteStatus::Verified, "{:#?}", c.matches);
    let m = c.match_by_id(q.matches[0]).expect("matched");
    assert!(article_text(&c, m.article).starts_with("[t]he fund"));
    assert!(source_text(&c, m.source).starts_with("The fund"));
}

#[test]
fn a_changed_figure_at_the_end_of_a_passage_is_inside_it() {
    let source = "Fourth quarter highlights:\n\n\
        Revenues were $74.5 million, up 11% from the prior year period. Cash from operations was \
        $17.4 million with free cash flow of $12.8 million. The company repurchased shares worth \
        $2.1 million during the quarter.";
    let article = "The company said revenues rose 11%. Cash from operations was $17.4 million \
        with free cash flow of $12.6 million. Its shares fell in early trading.";
    let c = run(source, article);
    let verbatim: Vec<_> = c
        .matches
        .iter()
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .collect();
    assert_eq!(verbatim.len(), 1, "{:#?}", c.matches);
    let m = verbatim[0];
    assert!(article_text(&c, m.article)
        .trim_end_matches('.')
        .ends_with("$12.6 million"));
    let change = m
        .edits
        .iter()
        .find(|e| e.op == EditOp::Replace)
        .expect("the figure is a replacement");
    assert_eq!(change.source.map(|s| source_text(&c, s)), Some("12.8"));
    assert_eq!(change.article.map(|s| article_text(&c, s)), Some("12.6"));
}

#[test]
fn words_dropped_or_reinflected_at_a_quotations_edge_are_listed() {
    let source = "Han sido dos años, como decía, difíciles, dos años complejos y dos años \
        intensos, marcados lógicamente por la emergencia sanitaria derivada de la pandemia.";
    let article = "Sánchez habló de «dos años difíciles, dos años complejos y dos años intensos», \
        un periodo «marcado lógicamente por la emergencia sanitaria».";
    let c = run(source, article);
    assert_eq!(c.quotes.len(), 2);
    for q in &c.quotes {
        assert_eq!(q.status, QuoteStatus::Altered);
        assert!((q.coverage - 1.0).abs() < 1e-9, "{q:#?} {:#?}", c.matches);
    }
    let first = c.match_by_id(c.quotes[0].matches[0]).expect("matched");
    assert!(first
        .edits
        .iter()
        .any(|e| e.op == EditOp::Delete
            && e.source.map(|s| source_text(&c, s)) == Some("como decía")));
    let second = c.match_by_id(c.quotes[1].matches[0]).expect("matched");
    assert!(second
        .edits
        .iter()
        .any(|e| e.article.map(|s| article_text(&c, s)) == Some("marcado")));
}

#[test]
fn a_phrase_the_source_repeats_is_paired_where_the_passage_continues() {
    let source = "The company delivered solid revenues and net earnings for the fourth quarter \
        and full year 2018. Free cash for the fourth quarter and full year 2018 was strong, \
        demonstrating good execution and cost discipline.";
    let article = "Revenue beat forecasts. Free cash flow for the fourth quarter and full year \
        \"was strong, demonstrating good execution,\" the chief executive said.";
    let c = run(source, article);
    let reuse = c
        .matches
        .iter()
        .find(|m| m.kind == MatchKind::Reuse)
        .expect("the sentence's opening is reused");
    assert!(
        source_text(&c, reuse.source).starts_with("Free cash for the fourth quarter"),
        "{}",
        source_text(&c, reuse.source)
    );
    assert!(article_text(&c, reuse.article).starts_with("Free cash flow for the fourth"));
}

#[test]
fn one_word_quotations_are_matches_in_every_language() {
    let cases = [
        (
            "The minister said the agreement with Canada was ironclad and would hold.",
            "Officials called the deal \"ironclad\" on Friday.",
            "ironclad",
        ),
        (
            "Die Gespräche mit der Regierung in Athen waren konstruktiv, sagte die Kanzlerin.",
            "Die Kanzlerin nannte die Gespräche „konstruktiv“.",
            "konstruktiv",
        ),
        (
            "El Gobierno aprobó hoy una reforma histórica de las pensiones.",
            "El ministro calificó la reforma de «histórica» ante la prensa.",
            "histórica",
        ),
        (
            "Le ministre juge la situation préoccupante dans les écoles du département.",
            "Pour le ministre, la situation reste « préoccupante ».",
            "préoccupante",
        ),
    ];
    for (source, article, word) in cases {
        let c = run(source, article);
        assert_eq!(
            quotation_match(&c, word).map(|(s, _)| s),
            Some(word),
            "{article}: {:#?}",
            c.matches
        );
        let q = c
            .quotes
            .iter()
            .find(|q| article_text(&c, q.article) == word);
        let q = q.unwrap_or_else(|| panic!("{word} is a quotation"));
        assert_eq!(q.status, QuoteStatus::Verified);
        assert_eq!(q.matches.len(), 1, "{word}: the quotation names its match");
    }
}

#[test]
fn a_short_quotation_said_twice_is_paired_where_the_article_retells() {
    let source = "La sécurité des données reste une priorité du ministère. Le ministre a parlé \
        longuement des écoles rurales et des transports scolaires du département. Pour les \
        familles, la sécurité est la condition d'une vie sereine dans chaque village.";
    let article = "Le ministre a parlé longuement des écoles rurales et des transports scolaires \
        du département. Il a ajouté que la « sécurité » comptait avant tout.";
    let c = run(source, article);
    let second = source.rfind("sécurité").expect("said twice");
    assert_eq!(
        quotation_match(&c, "sécurité"),
        Some(("sécurité", second)),
        "{:#?}",
        c.matches
    );
}
