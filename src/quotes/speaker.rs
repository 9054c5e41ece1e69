//! Naming who is quoted: the attribution phrase near a quotation and the subject it has.
//!
//! Reads the sentence around each quotation for a speech verb or phrase (`said`, `selon`,
//! `sagte`, `dijo`: `assets/attribution.txt`) and the name, role, pronoun or document that is
//! its subject; pronouns and roles are resolved by [`super::referent`]. Best effort: a
//! quotation with no attribution the rules can read gets no speaker.

use super::lists::{attribution_at, lists, role_nouns, slot_phrases};
use super::names::{
    apposition, clause_subject, is_pronoun, name_after, name_before, named, possessive_subject,
    sentence_subject, Said,
};
use super::referent::{recent_speaker, resolve_role};
use super::words::{
    first_words_of, is_capitalized, sentence_after, sentence_before, words_of, Word,
};
use super::Quotation;

/// "according to X", "selon X", "laut X": words after which the speaker is named
/// (`assets/speakers/names_follow.txt`).
fn names_follow(verb: &str) -> bool {
    lists().names_follow.contains(verb)
}

/// "saying", "dénonçant", "subrayando": a participle whose subject is the sentence's
/// (`assets/speakers/participle_endings.txt`).
fn is_participle(verb: &str) -> bool {
    lists()
        .participle_endings
        .iter()
        .any(|s| verb.len() > s.len() + 2 && verb.ends_with(s))
}

/// Finds an attribution phrase in `words`; returns (first word index, phrase length).
pub(super) fn find_attribution(words: &[Word], from_end: bool) -> Option<(usize, usize)> {
    let phrase_at = |i: usize| attribution_at(words, i);
    let accept = |i: usize| {
        let verb = words[i].lower.as_str();
        // "the United States was": a capitalised word inside a clause is a name, not a verb.
        if i > 0 && !words[i].pause && is_capitalized(words[i].text) {
            return false;
        }
        // "Er sagte laut Übersetzung": after a verb, "laut" says how, not who.
        if names_follow(verb) && i > 0 && phrase_at(i - 1).is_some() {
            return false;
        }
        // "…, so Merkel": "so" attributes only after a pause and before a name or article.
        if verb == "so" {
            return words[i].pause
                && words.get(i + 1).is_some_and(|n| {
                    is_capitalized(n.text) || lists().articles_after_so.contains(&n.lower)
                });
        }
        true
    };
    let found = |i: usize| phrase_at(i).filter(|_| accept(i)).map(|len| (i, len));
    if from_end {
        (0..words.len()).rev().find_map(found)
    } else {
        (0..words.len()).find_map(found)
    }
}

/// The speaker named by an attribution phrase in `words`, either side of the verb.
/// Only `words[search_from..]` may hold the verb; the subject may lie before it ("Le
/// gouverneur …, François Villeroy de Galhau, a réagi … à un article …, dénonçant").
pub(super) fn speaker_in(words: &[Word], from_end: bool, search_from: usize) -> Option<Said> {
    let (i, len) = find_attribution(&words[search_from..], from_end)?;
    let i = i + search_from;
    let verb = words[i].lower.as_str();
    let verb_end = i + len;
    if names_follow(verb) {
        return speaker_named_after(words, verb_end);
    }
    // Adverbs and auxiliaries between subject and verb: "the readout also says", "she later
    // told", "a indiqué".
    let mut v = i;
    while v > 0 && lists().verb_fillers.contains(words[v - 1].lower.as_str()) && !words[v].pause {
        v -= 1;
    }
    if v > 0 {
        if let Some(said) = subject_before_verb(words, i, v) {
            return said;
        }
    }
    Some(subject_after_verb(words, verb_end))
}

/// "selon lui", "hieß es aus Regierungskreisen": the speaker after "according to" and its
/// kin, the phrase ending before `words[verb_end]`.
fn speaker_named_after(words: &[Word], verb_end: usize) -> Option<Said> {
    let mut after = verb_end;
    // "selon lui", "según él": someone named before.
    if words.get(after).is_some_and(is_pronoun) {
        return Some(Said::Unnamed);
    }
    // "hieß es aus Regierungskreisen".
    while after < words.len()
        && (lists().source_fillers.contains(&words[after].lower)
            || lists().determiners.contains(words[after].lower.as_str()))
    {
        after += 1;
    }
    name_after_verb(words, verb_end, after).map(named)
}

/// The subject before the attribution verb at `words[i]`, its fillers ("also", "later")
/// starting at `v` (> 0): `Some(answer)` when the words before decide who speaks (`None`
/// inside: nobody the rules can name), `None` when only the words after the verb can tell.
fn subject_before_verb(words: &[Word], i: usize, mut v: usize) -> Option<Option<Said>> {
    let verb = words[i].lower.as_str();
    // "prompted the central bank to say": the subject of the infinitive.
    if v > 1 && words[v - 1].lower == "to" {
        v -= 1;
    }
    let prev = &words[v - 1];
    if lists().plural_pronouns.contains(prev.lower.as_str()) {
        return Some(None);
    }
    if is_pronoun(prev) {
        return Some(Some(Said::Unnamed));
    }
    // "He offered an opening to Moscow, saying": the subject opens the clause.
    if is_participle(verb) && words[i].pause {
        return Some(Some(clause_subject(&words[..i]).unwrap_or(Said::Unnamed)));
    }
    // "Randall’s statement read", "the readout says": the document or its owner.
    if lists().statement_nouns.contains(prev.lower.as_str()) {
        return Some(Some(Said::Named(
            name_before(words, v - 1).unwrap_or_else(|| format!("the {}", prev.lower)),
        )));
    }
    // "The readout of the mayor's meeting with Kelly also says": the subject is the
    // document, not the last name before the verb.
    if let Some(d) = (v.saturating_sub(8)..v - 1)
        .find(|&d| lists().statement_nouns.contains(words[d].lower.as_str()))
    {
        return Some(Some(Said::Named(
            name_before(words, d).unwrap_or_else(|| format!("the {}", words[d].lower)),
        )));
    }
    if let Some(n) = name_before(words, v) {
        // "the Secretary said": one capitalised noun after an article is a role.
        let article = v >= 2
            && !n.contains(' ')
            && lists()
                .opening_articles
                .iter()
                .any(|a| a.eq_ignore_ascii_case(words[v - 2].text));
        if article && is_capitalized(&words[v - 1].lower.to_uppercase()) {
            return Some(Some(Said::Named(format!("{} {n}", words[v - 2].text))));
        }
        return Some(Some(named(n)));
    }
    // "The Federal Reserve cut rates and said": the subject opens the sentence.
    if lists().conjunctions.contains(prev.lower.as_str()) {
        return Some(Some(
            clause_subject(&words[..v - 1]).unwrap_or(Said::Unnamed),
        ));
    }
    // "the council clerk wrote", "a spokeswoman said": a role, not a name.
    if let Some(said) = role_before_verb(words, v) {
        return Some(Some(said));
    }
    // A subject we cannot read ("officials said"): only a verb that opens its clause
    // ("…, said Kelly", "…, subrayó") names or implies its speaker.
    if !words[i].pause {
        return Some(None);
    }
    // "El jefe del Ejecutivo, que en pocos días cumplirá …, recordó": the clause opens
    // with its subject.
    if let Some(Said::Named(n)) = clause_subject(&words[..i]) {
        return Some(Some(Said::Named(n)));
    }
    None
}

/// A role before the attribution verb at `words[v]` ("the council clerk wrote", "a
/// spokeswoman said"), or the name before the role in apposition.
fn role_before_verb(words: &[Word], v: usize) -> Option<Said> {
    if let Some(d) = (v.saturating_sub(6)..v - 1)
        .rev()
        .find(|&d| lists().determiners.contains(words[d].lower.as_str()))
    {
        // "Gerald R. Ford of Michigan, the new House minority leader, said": the name
        // before the apposition.
        if words[d].pause && words[v].pause {
            if let Some(n) = name_before(words, d) {
                return Some(named(n));
            }
        }
        if d + 4 >= v {
            // "el monarca, que ha añadido": the role ends at the relative pronoun.
            let end = (d + 1..v)
                .find(|&e| lists().relatives.contains(words[e].lower.as_str()))
                .unwrap_or(v);
            return Some(Said::Named(
                words[d..end]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
    }
    None
}

/// The speaker after the attribution verb, the phrase ending before `words[verb_end]`: a
/// pronoun ("affirme-t-il"), a name or a role ("said the Mayor").
fn subject_after_verb(words: &[Word], verb_end: usize) -> Said {
    let after = verb_end;
    // "affirme-t-il", "dijo él": the pronoun after the verb; not the Italian article in "ha
    // detto il presidente".
    let article_follows = words
        .get(after + 1)
        .is_some_and(|w| is_capitalized(w.text) || role_nouns().contains(w.lower.as_str()));
    if words.get(after).is_some_and(is_pronoun) && !article_follows {
        return Said::Unnamed;
    }
    // Skip an article and a lower-case office: "said the Mayor", "ha señalado el monarca",
    // "zei minister Eva de Jong".
    let mut start = after;
    while start < words.len()
        && (lists().determiners.contains(words[start].lower.as_str())
            || (role_nouns().contains(words[start].lower.as_str())
                && !is_capitalized(words[start].text)
                && words
                    .get(start + 1)
                    .is_some_and(|w| is_capitalized(w.text) && !w.pause)))
    {
        start += 1;
    }
    name_after_verb(words, verb_end, start)
        .map(named)
        .unwrap_or(Said::Unnamed)
}

/// The name or role after an attribution verb: `words[after..]` once articles are skipped,
/// `verb_end` being the first word after the verb.
fn name_after_verb(words: &[Word], verb_end: usize, after: usize) -> Option<String> {
    if after < words.len() && words[after].pause && after > verb_end {
        return None;
    }
    let name = name_after(words, after).map(|name| {
        // "betonte der Bundespräsident", "said the Mayor": one capitalised noun after an
        // article is a role; the article stays with it.
        if after > verb_end && !name.contains(' ') {
            format!("{} {name}", words[after - 1].text)
        } else {
            name
        }
    });
    // "martèle la maire de Paris, Anne Hidalgo": the name in apposition to the role.
    if after > verb_end {
        if let Some(n) = apposition(words, after) {
            return Some(n);
        }
    }
    name.or_else(|| {
        // A role after the verb: "said the spokeswoman", "ha señalado el monarca".
        (after > verb_end && after < words.len()).then(|| {
            words[verb_end..=after]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// Names who speaks each quotation of `text` from the attribution in or right around its own
/// sentence. Returns, for each quotation, whether it is a quoted title ("répond au « Monde »"),
/// which nobody says.
pub(super) fn attribute(text: &str, quotes: &mut [Quotation]) -> Vec<bool> {
    let n = quotes.len();
    let mut titles = vec![false; n];
    for k in 0..n {
        let around = Around::of(text, quotes, k);
        let mut said = said_around(text, &quotes[k], &around);
        // "répond au « Monde »", "der „Süddeutschen Zeitung“": a quoted title after an article
        // or a preposition names something; nobody says it.
        if is_quoted_title(around.inner, &around.before_words, around.after) {
            said = None;
            titles[k] = true;
        }
        let q = &quotes[k];
        let speaker = match said {
            Some(Said::Named(name)) => Some(resolve_role(text, q.outer.start, name)),
            Some(Said::Unnamed) => quoted_subject(text, quotes, k, &around.before_words)
                .or_else(|| recent_speaker(text, &quotes[..k], q.outer.start)),
            None => {
                // A quotation continued after an attribution in the same paragraph ("…,” she
                // said. “…”): the previous speaker.
                let same_paragraph =
                    k > 0 && !text[quotes[k - 1].outer.end..q.outer.start].contains('\n');
                if same_paragraph {
                    quotes[k - 1].speaker.clone()
                } else {
                    None
                }
            }
        };
        quotes[k].speaker = speaker;
    }
    titles
}

/// The text around one quotation that its attribution is read from.
struct Around<'t> {
    /// Where the previous quotation ends (0 for the first): the text before stops there.
    limit_before: usize,
    /// Before the opening mark, back to the start of the sentence or the previous quotation.
    before: &'t str,
    /// After the closing mark, up to the end of the sentence or the next quotation.
    after: &'t str,
    /// The quoted words, without trailing spaces.
    inner: &'t str,
    before_words: Vec<Word<'t>>,
    /// The first ten words of `after`.
    after_words: Vec<Word<'t>>,
}

impl<'t> Around<'t> {
    /// The text around quotation `k` of `quotes` in `text`.
    fn of(text: &'t str, quotes: &[Quotation], k: usize) -> Around<'t> {
        let q = &quotes[k];
        let limit_after = quotes
            .get(k + 1)
            .map_or(text.len(), |next| next.outer.start);
        let after = sentence_after(text, q.outer.end, limit_after);
        let limit_before = if k > 0 { quotes[k - 1].outer.end } else { 0 };
        let before = sentence_before(text, q.outer.start, limit_before);
        Around {
            limit_before,
            before,
            after,
            inner: q.inner.slice(text).trim_end(),
            before_words: words_of(before),
            after_words: first_words_of(after, 10),
        }
    }
}

/// Who the attribution around quotation `q` says speaks, trying the surest readings first.
fn said_around(text: &str, q: &Quotation, around: &Around) -> Option<Said> {
    let (before_words, after_words) = (&around.before_words, &around.after_words);
    // An attribution right before the opening mark ("X said, “…”") is the surest; the
    // text after the closing mark belongs to this quotation only when the sentence goes
    // on (“…,” X said), not when a new sentence starts (“….” She also said, “…”).
    let tail = before_words.len().saturating_sub(24);
    let close_to_open = before_words.len().saturating_sub(3);
    let sentence_goes_on = !around.inner.ends_with(['.', '!', '?'])
        || around
            .after
            .trim_start()
            .starts_with(|c: char| c == ',' || c.is_lowercase());
    let mut said = find_attribution(&before_words[close_to_open..], true)
        .and_then(|_| speaker_in(before_words, true, tail));
    if said.is_none() {
        // A name on either side beats a pronoun or a bare verb on the other ("… said
        // the program was “…” and added that “…”").
        let after = sentence_goes_on
            .then(|| speaker_in(after_words, false, 0))
            .flatten();
        let before = speaker_in(before_words, true, tail);
        said = match (after, before) {
            (Some(Said::Unnamed), Some(Said::Named(n))) => Some(Said::Named(n)),
            (after, before) => after.or(before),
        };
    }
    if said.is_none() {
        said = speaker_in(after_words, false, 0);
    }
    if said.is_none() {
        said = slot_speaker(before_words).map(Said::Named);
    }
    // "Sánchez comenzó agradeciendo su labor a la prensa: «…»": the sentence's subject
    // introduces what follows the colon.
    if said.is_none() && around.before.trim_end().ends_with(':') {
        said = sentence_subject(before_words)
            .or_else(|| possessive_subject(around.before).map(Said::Named));
    }
    // "The Department of Education's policy is that “…”": a document's words.
    if said.is_none() {
        said = document_says(before_words).map(Said::Named);
    }
    if said.is_none() && around.before.trim().is_empty() {
        said = said_in_sentence_before(text, q, around);
    }
    said
}

/// A quotation opening its sentence after one that ends in an attribution ("…, so Merkel.
/// „Aber …“"): the speaker that attribution names.
fn said_in_sentence_before(text: &str, q: &Quotation, around: &Around) -> Option<Said> {
    let sentence_start = q.outer.start - around.before.len();
    let ends_sentence = text[..sentence_start].ends_with(['.', '!', '?']);
    if sentence_start <= around.limit_before || !ends_sentence {
        return None;
    }
    let previous = sentence_before(text, sentence_start - 1, around.limit_before);
    let words = words_of(previous);
    find_attribution(&words[words.len().saturating_sub(4)..], true)?;
    speaker_in(&words, true, words.len().saturating_sub(12))
}

/// "The Department of Education's policy is that", "le communiqué est que": a document, a
/// copula and a conjunction right before the quotation; the document's owner when named.
fn document_says(words: &[Word]) -> Option<String> {
    let [.., noun, copula, that] = words else {
        return None;
    };
    let lists = lists();
    let fits = lists.documents.contains(noun.lower.as_str())
        && lists.copulas.contains(copula.lower.as_str())
        && lists.complementizers.contains(that.lower.as_str());
    if !fits {
        return None;
    }
    let at = words.len() - 3;
    Some(name_before(words, at).unwrap_or_else(|| format!("the {}", noun.lower)))
}

/// "laat justitie weten dat": a phrase in two parts (`laat * weten` in
/// `assets/attribution.txt`) with the speaker between them.
fn slot_speaker(words: &[Word]) -> Option<String> {
    let phrases = slot_phrases();
    (0..words.len()).rev().find_map(|i| {
        let (_, last) = phrases.iter().find(|(first, _)| *first == words[i].lower)?;
        let end = (i + 2..words.len().min(i + 5)).find(|&e| words[e].lower == *last)?;
        let slot = &words[i + 1..end];
        let clean = slot.iter().all(|w| !w.pause && !is_pronoun(w));
        clean.then(|| slot.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
    })
}

/// A quotation of a few capitalised words without closing punctuation: a name or a title.
fn looks_like_title(inner: &str) -> bool {
    let words = words_of(inner);
    !words.is_empty()
        && words.len() <= 4
        && !inner.ends_with(['.', ',', '!', '?'])
        && words
            .iter()
            .all(|w| is_capitalized(w.text) || lists().name_particles.contains(w.lower.as_str()))
}

/// A quoted title: after an article or a preposition ("répond au « Monde »"), or as the
/// subject of the attribution verb right after it ("« Le Monde » a indiqué").
fn is_quoted_title(inner: &str, before_words: &[Word], after_text: &str) -> bool {
    if !looks_like_title(inner) {
        return false;
    }
    let after_article = before_words.last().is_some_and(|w| {
        lists().determiners.contains(w.lower.as_str())
            || lists().prepositions.contains(w.lower.as_str())
    });
    let subject = !after_text.trim_start().starts_with(',')
        && find_attribution(&words_of(after_text), false).is_some_and(|(i, _)| i == 0);
    after_article || subject
}

/// "« Le Monde » a indiqué « … »": a verb right after a short quoted name has that name
/// as its subject.
fn quoted_subject(
    text: &str,
    quotes: &[Quotation],
    k: usize,
    before_words: &[Word],
) -> Option<String> {
    let previous = quotes[..k].last()?;
    let title = previous.inner.slice(text);
    let gap = &text[previous.outer.end..quotes[k].outer.start];
    let verb_opens = find_attribution(before_words, false).is_some_and(|(i, _)| i == 0);
    let short_name = is_capitalized(title) && title.split_whitespace().count() <= 4;
    (verb_opens && short_name && !gap.contains(['\n', '.', ','])).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::find_quotations;

    #[test]
    fn speakers_from_attribution() {
        let t = "“We have overcome so much,” Hogan said. “Even while the worst is behind us.”\nA USCIS spokeswoman Katie Tichacek said, \"I must emphasize that.\"\n“It’s graduation week,” Randall’s statement concluded.\n\"Prices rose,\" according to the Bank of Canada.";
        let speakers: Vec<_> = find_quotations(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(
            speakers,
            [
                Some("Hogan".to_string()),
                Some("Hogan".to_string()),
                Some("Katie Tichacek".to_string()),
                Some("Randall".to_string()),
                Some("Bank of Canada".to_string()),
            ]
        );
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        find_quotations(text)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names.iter().map(|n| Some(n.to_string())).collect()
    }

    #[test]
    fn english_pronoun_is_the_person_named_before_not_an_object() {
        let t = "On foreign policy, Mr. Johnson was brief but firm. He said the United States was \
            in Vietnam \"because a friendly nation has asked us for help,\" and added: \"We will \
            not break it now.\"\n\nHe offered an opening to Moscow, saying he hoped \"the new \
            Soviet leaders can visit America.\"";
        assert_eq!(speakers(t), some(&["Mr. Johnson"; 3]));
    }

    #[test]
    fn english_titles_inversion_and_apposition() {
        let t = "\"We will not tolerate violence in our schools,\" said Homeland Security \
            Secretary John Kelly.\nRepresentative Gerald R. Ford of Michigan, the new House \
            minority leader, said Republicans would offer \"constructive alternatives.\"\n\
            Maria Chen said the fund was too small. \"A furnace costs more than that,\" she added.";
        assert_eq!(
            speakers(t),
            some(&["John Kelly", "Gerald R. Ford of Michigan", "Maria Chen"])
        );
        // A group is not one speaker.
        let t = "Trump and Putin spoke on Tuesday.\nThey agreed that the war had \"gone on for far too long.\"";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn roles_resolve_to_the_name_the_text_gives_them() {
        let t = "Homeland Security Secretary John Kelly met the mayor on Monday. \"The agents \
            were not there for enforcement,\" the Secretary said.\n\
            \"We will rebuild,\" said the mayor, Bill de Blasio.\n\
            The governor toured the flooded district. \"Every street will be repaired,\" she said.";
        assert_eq!(
            speakers(t),
            some(&["John Kelly", "Bill de Blasio", "The governor"])
        );
        let t = "« Nous ne lâcherons rien », martèle la maire de Paris, Anne Hidalgo.\n\
            Le Premier ministre a répondu aux députés. « Je ne reculerai pas », a-t-il lancé.\n\
            El rey Felipe VI presidió el acto. «España es una gran nación», dijo.";
        assert_eq!(
            speakers(t),
            some(&["Anne Hidalgo", "Le Premier ministre", "Felipe VI"])
        );
    }

    #[test]
    fn french_inverted_subjects_and_roles() {
        let t = "Le gouverneur de la Banque de France, François Villeroy de Galhau, a réagi \
            vendredi.\n\n« Je viens de lire cet article avec stupéfaction », écrit le gouverneur. \
            « C’est nous qui avons transmis ces notes », affirme-t-il.\n\n« Le journaliste n’a \
            tenu aucun compte des explications », a-t-il déploré.";
        assert_eq!(speakers(t), some(&["François Villeroy de Galhau"; 3]));
        let t = "« Nous resterons mobilisés », a déclaré le ministre.\nSelon Gabriel Attal, « la \
            réforme est nécessaire ».";
        assert_eq!(speakers(t), some(&["le ministre", "Gabriel Attal"]));
        // A quoted newspaper is a name, not a quotation anyone said.
        let t = "Contacté par l’AFP, « Le Monde » a indiqué « maintenir ses informations ».";
        assert_eq!(speakers(t), [None, Some("Le Monde".to_string())]);
    }

    #[test]
    fn spanish_verbs_without_subject_and_apposition() {
        let t = "El presidente del Gobierno, Pedro Sánchez, compareció en La Moncloa.\n\n\
            «Debemos ser conscientes», subrayó, «de que todas las naciones se juegan su futuro».\n\n\
            El líder del PP, Pablo Casado, replicó que el balance es «pura propaganda».\n\
            Según Nadia Calviño, «la recuperación está en marcha».";
        assert_eq!(
            speakers(t),
            some(&[
                "Pedro Sánchez",
                "Pedro Sánchez",
                "Pablo Casado",
                "Nadia Calviño"
            ])
        );
        let t = "«La economía crece más de lo previsto», afirmó el presidente.";
        assert_eq!(speakers(t), some(&["el presidente"]));
    }

    #[test]
    fn german_attributions() {
        let t =
            "„Griechenland hat Fortschritte gemacht“, sagte Merkel am Freitag. Am sichtbarsten \
            werde dies im Haushalt, so Merkel. „Aber die Reformen sind tiefgehender.“\n\n\
            Samaras war zu einem Wirtschaftsforum nach Berlin gekommen. Er sagte laut \
            Übersetzung: „Wir haben mehr als die Hälfte des Weges geschafft.“\n\
            „Wir stehen an der Seite der Opfer“, betonte der Bundespräsident.";
        assert_eq!(
            speakers(t),
            some(&["Merkel", "Merkel", "Samaras", "der Bundespräsident"])
        );
        let t = "Samaras kam auf Einladung der „Süddeutschen Zeitung“ nach Berlin.";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn portuguese_attributions() {
        let t = "O Presidente da República, Marcelo Rebelo de Sousa, lamentou hoje a morte de \
            quatro portugueses, expressando \"sentidas condolências\" às famílias.\n\
            \"Estamos a acompanhar a situação\", disse o ministro.\n\
            Segundo António Costa, \"o país está preparado\".\n\
            \"A economia vai crescer\", afirmou Fernando Medina.";
        assert_eq!(
            speakers(t),
            some(&[
                "Marcelo Rebelo de Sousa",
                "o ministro",
                "António Costa",
                "Fernando Medina"
            ])
        );
    }
}
