//! Extraction on sentences written for each rule.

use super::*;
use crate::normalize::tokenize;

fn run(text: &str, lang: Lang) -> Extraction {
    let stemmer = crate::align::stems::stemmer(lang);
    extract(text, &tokenize(text), lang, &stemmer)
}

fn found(text: &str, lang: Lang, kind: DetailKind) -> Vec<(String, Value)> {
    run(text, lang)
        .mentions
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| (m.span.slice(text).to_string(), m.value))
        .collect()
}

fn quantity(v: &Value) -> (f64, f64, Scale) {
    match v {
        Value::Quantity { value, scale, .. } => (value.lo, value.hi, *scale),
        Value::Duration(value) | Value::Money { value, .. } => (value.lo, value.hi, Scale::Plain),
        _ => panic!("not a quantity: {v:?}"),
    }
}

#[test]
fn numbers_in_digits_and_words() {
    let text = "Two agents visited; 1.2 million people, 40% of voters and a dozen officers \
                saw 10,011 deaths and twenty-five arrests.";
    let got = found(text, Lang::En, DetailKind::Number);
    let values: Vec<(&str, f64, Scale)> = got
        .iter()
        .map(|(t, v)| (t.as_str(), quantity(v).0, quantity(v).2))
        .collect();
    assert_eq!(
        values,
        [
            ("Two", 2.0, Scale::Plain),
            ("1.2 million", 1.2e6, Scale::Plain),
            ("40", 40.0, Scale::Percent),
            ("a dozen", 12.0, Scale::Plain),
            ("10,011", 10011.0, Scale::Plain),
            ("twenty-five", 25.0, Scale::Plain)
        ]
    );
    match &got[0].1 {
        Value::Quantity { unit, .. } => assert_eq!(unit, &["agent"]),
        v => panic!("{v:?}"),
    }
}

#[test]
fn fractions_points_and_foreign_number_words() {
    let text =
        "The Bank lowered its rate by one-quarter of one percentage point to 2 1/2 per cent.";
    let got: Vec<(f64, Scale)> = found(text, Lang::En, DetailKind::Number)
        .iter()
        .map(|(_, v)| (quantity(v).0, quantity(v).2))
        .collect();
    assert_eq!(got, [(0.25, Scale::Points), (2.5, Scale::Percent)]);
    let bp = found("a cut of 25 basis points", Lang::En, DetailKind::Number);
    assert_eq!(quantity(&bp[0].1), (0.25, 0.25, Scale::Points));
    let pt = found(
        "Morreram quatro portugueses dos doze passageiros.",
        Lang::Pt,
        DetailKind::Number,
    );
    let pt: Vec<f64> = pt.iter().map(|(_, v)| quantity(v).0).collect();
    assert_eq!(pt, [4.0, 12.0]);
}

#[test]
fn durations_with_hedges_become_intervals() {
    let got = found(
        "They met for almost an hour after a 55-minute call.",
        Lang::En,
        DetailKind::Duration,
    );
    assert_eq!(got[0].0, "almost an hour");
    assert_eq!(quantity(&got[0].1), (48.0, 60.0, Scale::Plain));
    assert_eq!(got[1].0, "55-minute");
    assert_eq!(quantity(&got[1].1), (55.0, 55.0, Scale::Plain));
}

#[test]
fn money_with_symbols_and_words() {
    let got = found(
        "The city will get $2.5 million, up from 900,000 euros.",
        Lang::En,
        DetailKind::Money,
    );
    assert_eq!(got.len(), 2);
    assert!(
        matches!(&got[0].1, Value::Money { value, currency } if value.lo == 2.5e6 && currency == "$")
    );
    assert!(
        matches!(&got[1].1, Value::Money { value, currency } if value.lo == 9e5 && currency == "€")
    );
}

#[test]
fn dates_times_and_datelines() {
    let text = "FOR IMMEDIATE RELEASE, May 15, 2017\nYesterday, April 29 at 4 p.m., protesters \
                gathered. Police came On April 30 at 12:45 a.m. and left in the fourth quarter of 2003.";
    let ex = run(text, Lang::En);
    let dates: Vec<&str> = ex
        .mentions
        .iter()
        .filter(|m| m.kind == DetailKind::Date)
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(
        dates,
        [
            "May 15, 2017",
            "Yesterday, April 29 at 4 p.m.",
            "April 30 at 12:45 a.m.",
            "fourth quarter of 2003"
        ]
    );
    assert_eq!(ex.dateline, day_of(2017, 5, 15));
    let Value::Date(e) = &ex
        .mentions
        .iter()
        .find(|m| m.span.slice(text).starts_with("April 30"))
        .unwrap()
        .value
    else {
        panic!()
    };
    assert_eq!(
        (e.month, e.day, e.hours),
        (Some(4), Some(30), Some((0.75, 0.75 + 1.0 / 60.0)))
    );
    let pt = run(
        "Quatro portugueses morreram hoje às 04:30 locais, esta madrugada.",
        Lang::Pt,
    );
    let pt: Vec<&str> = pt
        .mentions
        .iter()
        .filter(|m| m.kind == DetailKind::Date)
        .map(|m| {
            m.span
                .slice("Quatro portugueses morreram hoje às 04:30 locais, esta madrugada.")
        })
        .collect();
    assert_eq!(pt, ["hoje às 04:30", "esta madrugada"]);
}

#[test]
fn people_titles_organisations_and_places() {
    let text = "Mayor Bill de Blasio met Homeland Security Secretary John Kelly at the Department \
                of Homeland Security in Washington, D.C. on Monday. De Blasio thanked Kelly. \
                Agents from U.S. Citizenship and Immigration Services visited P.S. 58 and a school.";
    let ex = run(text, Lang::En);
    let of = |kind| -> Vec<&str> {
        ex.mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.span.slice(text))
            .collect()
    };
    assert_eq!(
        of(DetailKind::Person),
        ["Bill de Blasio", "John Kelly", "De Blasio", "Kelly"]
    );
    assert_eq!(
        of(DetailKind::Title),
        ["Mayor", "Homeland Security Secretary"]
    );
    assert_eq!(
        of(DetailKind::Organization),
        [
            "Department of Homeland Security",
            "U.S. Citizenship and Immigration Services"
        ]
    );
    assert_eq!(
        of(DetailKind::Place),
        ["Washington, D.C.", "P.S. 58", "a school"]
    );
    let keys: Vec<String> = ex
        .mentions
        .iter()
        .filter_map(|m| match &m.value {
            Value::Org { key, .. } => Some(key.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(keys, ["DHS", "USCIS"]);
}

#[test]
fn hedges_are_found() {
    let got = found(
        "Agents apparently visited the school, at least twice.",
        Lang::En,
        DetailKind::Hedge,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "apparently");
    let n = found(
        "Agents apparently visited the school, at least twice.",
        Lang::En,
        DetailKind::Number,
    );
    assert!(n.is_empty() || n[0].0.starts_with("at least"));
}

#[test]
fn relative_words_count_in_their_own_language_only() {
    let de = found(
        "Ich habe das gestern schon gesagt, und ich sage es hier noch einmal.",
        Lang::De,
        DetailKind::Date,
    );
    assert!(de.iter().any(|(t, _)| t == "gestern"), "{de:?}");
    assert!(!de.iter().any(|(t, _)| t == "hier"), "{de:?}");
    let fr = found(
        "Le gouverneur a répondu hier au journal.",
        Lang::Fr,
        DetailKind::Date,
    );
    assert!(fr.iter().any(|(t, _)| t == "hier"), "{fr:?}");
}

#[test]
fn numeric_dates_abbreviated_months_and_digit_ordinals() {
    let dates = found(
        "La Moncloa, 29.12.2021. El informe se presentó el 29 dic en Madrid.",
        Lang::Es,
        DetailKind::Date,
    );
    let full = |t: &str| {
        dates.iter().any(|(x, v)| {
            x == t && matches!(v, Value::Date(e) if e.day == Some(29) && e.month == Some(12))
        })
    };
    assert!(full("29.12.2021"), "{dates:?}");
    assert!(full("29 dic"), "{dates:?}");
    let numbers = found(
        "Presentamos la 3ª edición del informe, y la cuarta llegará en 2022.",
        Lang::Es,
        DetailKind::Number,
    );
    assert!(
        numbers
            .iter()
            .any(|(t, v)| t == "3ª" && quantity(v).0 == 3.0),
        "{numbers:?}"
    );
    assert!(
        numbers
            .iter()
            .any(|(t, v)| t == "cuarta" && quantity(v).0 == 4.0),
        "{numbers:?}"
    );
}

#[test]
fn cents_and_fractions_of_a_point() {
    let money = found(
        "Earnings per share fell to 25 cents from 33 cents.",
        Lang::En,
        DetailKind::Money,
    );
    assert_eq!(
        money
            .iter()
            .map(|(t, v)| (t.as_str(), quantity(v).0))
            .collect::<Vec<_>>(),
        vec![("25 cents", 0.25), ("33 cents", 0.33)]
    );
    let points = found(
        "The bank cut rates by a quarter point, after a rise of one-quarter of one \
         percentage point.",
        Lang::En,
        DetailKind::Number,
    );
    assert!(
        points
            .iter()
            .filter(|(_, v)| quantity(v) == (0.25, 0.25, Scale::Points))
            .count()
            == 2,
        "{points:?}"
    );
}

#[test]
fn places_laws_headings_and_german_nouns_are_not_people() {
    let people = |text: &str, lang: Lang| -> Vec<String> {
        found(text, lang, DetailKind::Person)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    };
    let en = people(
        "He spoke of North Korea and the Middle East, and of repealing section 14(b) of \
         the Taft-Hartley Act.\n\nBasic Policies\n\nRepresentative Gerald Ford answered.",
        Lang::En,
    );
    assert!(
        !en.iter().any(|p| p.contains("Korea")
            || p.contains("Middle East")
            || p.contains("Taft")
            || p.contains("Basic")),
        "{en:?}"
    );
    assert!(en.iter().any(|p| p.contains("Gerald Ford")), "{en:?}");
    let de = people(
        "Meine Damen und Herren, die Reformanstrengungen Griechenlands sind groß, sagte \
         Angela Merkel.",
        Lang::De,
    );
    assert_eq!(de, vec!["Angela Merkel".to_string()]);
    let places = found(
        "Im Rahmen der Task Force hilft die Kreditanstalt für Wiederaufbau in Griechenland.",
        Lang::De,
        DetailKind::Place,
    );
    assert_eq!(
        places.into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
        vec!["Griechenland".to_string()]
    );
}

#[test]
fn clock_times_written_without_spaces_are_times() {
    let text =
        "He was arrested at 7.45am and released at 6.57pm, police said; the hearing is at 10am.";
    let ex = run(text, Lang::En);
    let times: Vec<&str> = ex
        .mentions
        .iter()
        .filter(|m| m.kind == DetailKind::Date)
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(times, ["7.45am", "6.57pm", "10am"]);
}

proptest::proptest! {
    /// The byte-at-a-time count agrees with counting characters through `char`'s own
    /// properties, on ASCII, accented and non-Latin capitals and letters.
    #[test]
    fn capitals_count_as_characters_do(
        text in "([A-Za-z0-9 .,@\\[`{~\x7f]{0,12}[ÉéÖößΣσЖж日Ⅳⅳ\u{24b6}\u{1d400}'’-]?){0,8}"
    ) {
        let by_chars = Capitals {
            letters: text.chars().filter(|c| c.is_alphabetic()).count(),
            capital_letters: text
                .chars()
                .filter(|c| c.is_alphabetic() && c.is_uppercase())
                .count(),
            capitals: text.chars().filter(|c| c.is_uppercase()).count(),
        };
        proptest::prop_assert_eq!(capitals(&text), by_chars);
    }
}

#[test]
fn values_read_alone_are_the_values_of_a_full_reading() {
    // Runs of capitalised words hold or border figures and dates: a named place with its
    // number, a month inside a name, a number word after a name, a date in a heading.
    let text = "Mayor Ana Ortiz visited P.S. 58 in Queens on May 15, 2017, with Apollo Eleven \
                crew members. May Day Parade drew 14,065 people, about 3 percent more. \
                Full Year Highlights March 2018\n\nThe Bank of England raised rates by \
                25 basis points to 4.5 percent on Thursday.";
    let stemmer = crate::align::stems::stemmer(Lang::En);
    let tokens = tokenize(text);
    let values = extract_values(text, &tokens, Lang::En, &stemmer);
    let full = extract(text, &tokens, Lang::En, &stemmer);
    let full_values: Vec<&Mention> = full.mentions.iter().filter(|m| is_value(m)).collect();
    assert!(full_values.len() >= 6, "{full_values:#?}");
    assert_eq!(values.mentions.iter().collect::<Vec<_>>(), full_values);
    assert_eq!(values.dateline, full.dateline);
    assert!(values.mentions.iter().all(is_value));
}

#[test]
fn a_weekday_is_past_unless_its_sentence_speaks_of_the_future() {
    let past = |text: &str, lang: Lang| {
        let ex = run(text, lang);
        let m = ex
            .mentions
            .iter()
            .find(|m| m.kind == DetailKind::Date)
            .expect("a weekday");
        match &m.value {
            Value::Date(e) => e.past,
            v => panic!("not a date: {v:?}"),
        }
    };
    // "the next three years" says nothing of when Monday falls.
    assert!(past(
        "Mayor Elena Ruiz on Monday announced a plan to repair roads over the next three years.",
        Lang::En
    ));
    assert!(!past(
        "The council will vote on the plan on Monday.",
        Lang::En
    ));
    assert!(!past("Los concejales van a votar el lunes.", Lang::Es));
}

/// Tense is read in the document's language: the Dutch "van" ("of") is not the Spanish "van"
/// ("they go"), the French simple future ("resteront") speaks of what comes, and Dutch news
/// tells what is planned in the present tense.
#[test]
fn a_weekday_reads_its_tense_in_the_documents_language() {
    let past = |text: &str, lang: Lang| {
        let ex = run(text, lang);
        let m = ex.mentions.iter().find(|m| m.kind == DetailKind::Date);
        match m.map(|m| &m.value) {
            Some(Value::Date(e)) => e.past,
            v => panic!("not a date: {v:?}"),
        }
    };
    assert!(past(
        "De rechter van de rechtbank deed op maandag uitspraak.",
        Lang::Nl
    ));
    assert!(!past(
        "De rechtbank beslist dinsdag over het verzoek.",
        Lang::Nl
    ));
    assert!(!past(
        "Certaines écoles de la commune resteront fermées mardi.",
        Lang::Fr
    ));
    assert!(past("Le maire a fermé les écoles mardi.", Lang::Fr));
    assert!(!past("El Gobierno aprobará el plan el martes.", Lang::Es));
    assert!(!past("Il consiglio voterà il piano martedì.", Lang::It));
    assert!(past("The panel of the court ruled on Monday.", Lang::En));
}

#[test]
fn a_date_or_figure_at_a_sentence_end_leaves_its_full_stop_out() {
    let dates = found(
        "The council votes on April 4. Der Rat stimmt am 4. April ab.",
        Lang::En,
        DetailKind::Date,
    );
    let texts: Vec<&str> = dates.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.contains(&"April 4"), "{texts:?}");
    let de = found("Der Rat stimmt am 4. April ab.", Lang::De, DetailKind::Date);
    assert_eq!(de.first().map(|(t, _)| t.as_str()), Some("4. April"));
    let numbers = found(
        "Growth was revised to 3. Inflation stayed at 2.",
        Lang::En,
        DetailKind::Number,
    );
    let texts: Vec<&str> = numbers.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["3", "2"], "{numbers:?}");
}
