//! Attribution across sentences and paragraphs, in English, French, German and Spanish, on
//! sentences written for these tests.

use super::find_quotations;
use super::SpeakerKind;

fn speakers(text: &str) -> Vec<Option<String>> {
    find_quotations(text)
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

fn all(name: &str, n: usize) -> Vec<Option<String>> {
    vec![Some(name.to_string()); n]
}

#[test]
fn reported_speech_in_the_paragraph_before_names_the_speaker() {
    let en = "Minister Jane Holloway said the budget would be balanced by spring.\n\n\
              “We will not raise taxes on families.”";
    assert_eq!(speakers(en), all("Jane Holloway", 1));
    let fr = "La ministre Claire Dubois a déclaré que le budget serait voté en mars.\n\n\
              « Nous ne toucherons pas aux impôts. »";
    assert_eq!(speakers(fr), all("Claire Dubois", 1));
    let de = "Die Bürgermeisterin Anna Keller sagte, die Stadt werde sparen.\n\n\
              „Wir kürzen nicht bei den Schulen.“";
    assert_eq!(speakers(de), all("Anna Keller", 1));
    let es = "El alcalde Luis Romero afirmó que la obra terminará en junio.\n\n\
              «No habrá más retrasos en la obra.»";
    assert_eq!(speakers(es), all("Luis Romero", 1));
}

#[test]
fn a_colon_closing_the_paragraph_before_introduces_the_quotation() {
    let en =
        "Her office released this statement on the decision:\n\n“The governor will sign the bill.”";
    assert_eq!(speakers(en), all("Her office", 1));
    let fr = "Son cabinet a publié ce communiqué :\n\n« Le texte sera signé dès demain. »";
    assert_eq!(speakers(fr), all("Son cabinet", 1));
    let de = "Ihr Büro veröffentlichte diese Erklärung:\n\n„Das Gesetz wird morgen unterzeichnet.“";
    assert_eq!(speakers(de), all("Ihr Büro", 1));
    let es = "Su oficina difundió este comunicado:\n\n«La ley será firmada mañana mismo.»";
    assert_eq!(speakers(es), all("Su oficina", 1));
}

#[test]
fn a_quotation_continuing_in_the_next_paragraph_keeps_its_speaker() {
    let en = "“We are ready for the storm,” said Mayor Tom Reed.\n\n“The roads will be cleared by morning.”";
    assert_eq!(speakers(en), all("Tom Reed", 2));
    let fr = "« Nous sommes prêts », a affirmé le maire Paul Girard.\n\n« Les routes seront dégagées demain. »";
    assert_eq!(speakers(fr), all("Paul Girard", 2));
    let de = "„Wir sind vorbereitet“, sagte Bürgermeister Jonas Weber.\n\n„Die Straßen werden morgen geräumt.“";
    assert_eq!(speakers(de), all("Jonas Weber", 2));
    let es =
        "«Estamos preparados», dijo el alcalde Pedro Ruiz.\n\n«Las calles estarán limpias mañana.»";
    assert_eq!(speakers(es), all("Pedro Ruiz", 2));
}

#[test]
fn a_sentence_initial_adverb_is_never_a_name() {
    let en = "Paul Grant spoke on trade. Separately, he warned of tariffs.\n\n\
              “Tariffs hurt farmers,” he said.";
    assert_eq!(speakers(en), all("Paul Grant", 1));
    let fr = "Claire Dubois a parlé du budget. Ensuite, elle a évoqué la dette.\n\n\
              « La dette nous menace », a-t-elle ajouté.";
    assert_eq!(speakers(fr), all("Claire Dubois", 1));
    let de = "Anna Keller sprach über die Schulden. Zudem kündigte sie Kürzungen an.\n\n\
              „Wir müssen sparen“, sagte sie.";
    assert_eq!(speakers(de), all("Anna Keller", 1));
    let es = "Marta Vidal habló de la economía. Asimismo, dijo que el país crecerá.\n\n\
              «Vamos a crecer este año», expresó.";
    assert_eq!(speakers(es), all("Marta Vidal", 1));
}

#[test]
fn fragments_of_one_speech_go_to_its_speaker() {
    let en = "The night was about “a new beginning” for the state. Governor Ana Price said the \
              state had come through a hard year. It ended on “patience with one another”.";
    assert_eq!(speakers(en), all("Ana Price", 2));
    let fr =
        "Le discours appelait à « un nouveau départ » pour le pays. Le président Marc Leroy a \
              déclaré que l’année avait été dure. Il s’achevait sur « la patience ».";
    assert_eq!(speakers(fr), all("Marc Leroy", 2));
    let de = "Die Rede forderte „einen Neuanfang“ für das Land. Präsident Lukas Brandt sagte, das \
              Jahr sei hart gewesen. Sie endete mit „Geduld miteinander“.";
    assert_eq!(speakers(de), all("Lukas Brandt", 2));
    let es = "El discurso pidió «un nuevo comienzo» para el país. El presidente Ramón Ortega dijo \
              que el año fue duro. Terminó con «paciencia entre todos».";
    assert_eq!(speakers(es), all("Ramón Ortega", 2));
}

#[test]
fn the_speaker_is_the_fullest_form_the_text_gives() {
    let en = "Governor Kathy Hochul visited Buffalo on Monday. “We will rebuild,” Hochul said.";
    assert_eq!(speakers(en), all("Kathy Hochul", 1));
    let fr = "Florence Parly s’est rendue à Toulon. « Nous tiendrons », a déclaré Parly.";
    assert_eq!(speakers(fr), all("Florence Parly", 1));
    let de = "Kanzlerin Angela Merkel reiste nach Athen. „Wir helfen“, sagte Merkel.";
    assert_eq!(speakers(de), all("Angela Merkel", 1));
    let es = "Andrés Manuel López Obrador, presidente de México, habló. «Vamos bien», dijo López Obrador.";
    assert_eq!(speakers(es), all("Andrés Manuel López Obrador", 1));
}

#[test]
fn dutch_and_italian_attributions() {
    let nl = "In een verklaring laat justitie weten dat „de hechtenis voortduurt”.";
    assert_eq!(speakers(nl), all("justitie", 1));
    let nl = "„We gaan door”, zei minister Eva de Jong.";
    assert_eq!(speakers(nl), all("Eva de Jong", 1));
    let it = "«Non ci sono zone franche», ha detto il presidente Sergio Mattarella.";
    assert_eq!(speakers(it), all("Sergio Mattarella", 1));
    let it = "«Serve rispetto — riflette Mattarella — per tutti»";
    assert_eq!(speakers(it), all("Mattarella", 1));
}

#[test]
fn speaker_kind_and_the_span_of_the_mention() {
    let text = "“Rates will fall,” the Bank of Canada said. “It is done,” the statement read. \
                “I agree,” said Tom Reed.";
    let quotes = find_quotations(text);
    let kinds: Vec<_> = quotes.iter().map(|q| q.speaker_kind).collect();
    assert_eq!(
        kinds,
        [
            Some(SpeakerKind::Organisation),
            Some(SpeakerKind::Document),
            Some(SpeakerKind::Person)
        ]
    );
    let spans: Vec<_> = quotes
        .iter()
        .map(|q| q.speaker_span.map(|s| s.slice(text)))
        .collect();
    assert_eq!(
        spans,
        [
            Some("Bank of Canada"),
            Some("the statement"),
            Some("Tom Reed")
        ]
    );
}

#[test]
fn a_title_with_a_full_stop_after_the_verb_is_not_the_end_of_the_sentence() {
    assert_eq!(
        speakers("The council met on Monday. \"We will not raise taxes this year,\" said Mr. Smith. The vote is on Friday."),
        vec![Some("Mr. Smith".to_string())]
    );
    assert_eq!(
        speakers("\"Ask not what your country can do for you,\" said John F. Kennedy. The crowd cheered."),
        vec![Some("John F. Kennedy".to_string())]
    );
}

/// A pronoun with no one named before it leaves the speaker open: the capitalised word
/// opening the quotation after "added:" is what is said, not who says it.
#[test]
fn the_first_word_of_a_quotation_after_a_colon_is_no_speaker() {
    let en = "She added: “Every penny of the revenue will go back into the railway.”";
    assert_eq!(speakers(en), vec![None]);
    let fr = "Il a ajouté : « Chaque euro ira aux hôpitaux. »";
    assert_eq!(speakers(fr), vec![None]);
    let de = "Sie fügte hinzu: „Jeder Euro fließt in die Schulen.“";
    assert_eq!(speakers(de), vec![None]);
    let es = "Añadió: «Cada euro irá a los hospitales.»";
    assert_eq!(speakers(es), vec![None]);
}

/// "Rail minister Lord Peter Hendy said …": the person after the office, not the office's
/// field, speaks the quotation after "he said".
#[test]
fn the_field_of_an_office_opening_the_sentence_is_no_speaker() {
    let en = "Rail minister Lord Peter Hendy said the increase could be reviewed in the autumn. \
              “We are keeping this under close review,” he said.";
    let found = speakers(en);
    assert!(
        found[0].as_deref().is_some_and(|s| s.contains("Hendy")),
        "{found:?}"
    );
    let en2 = "Health secretary Wes Streeting said waiting lists had fallen. \
               “This is the first fall in two years,” he said.";
    let found = speakers(en2);
    assert!(
        found[0].as_deref().is_some_and(|s| s.contains("Streeting")),
        "{found:?}"
    );
}
