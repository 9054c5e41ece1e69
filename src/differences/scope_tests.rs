//! Scope words in the rest of a reused sentence: the run the matcher found ends before them,
//! and the article restated the rest in its own words.

use super::tests::differences;
use super::DifferenceKind;

/// "pourraient bénéficier" told as "bénéficieront": the French article drops the modal in
/// the part of the sentence before its reused run ("versée à partir du 1er juin"), and
/// a possibility becomes a promise.
#[test]
fn a_modal_dropped_from_the_rest_of_a_reused_sentence_is_shown() {
    let d = differences(
        "Le ministre a présenté le plan ce matin. Selon le ministère, environ 15 000 exploitations pourraient bénéficier de l'aide, qui sera versée à partir du 1er juin.",
        "Le ministre a présenté le plan jeudi. Environ 15 000 exploitations bénéficieront de l'aide, versée à partir du 1er juin.",
    );
    assert!(
        d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("pourraient")),
        "{d:?}"
    );
}
