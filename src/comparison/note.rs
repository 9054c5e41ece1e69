//! What a detail's note says, as data: the case (a figure changed, a name only one side
//! gives, ...) and the words and figures it names. Relating details picks the case; the
//! reports and the interface put it into words through its `Display`, the one wording (as
//! [`describe_edit`](super::describe_edit) is for edits), so no view splits a sentence apart
//! again to learn what it says.

use std::fmt;

use super::{DetailKind, Side};

/// A detail's note: how the two sides' mentions relate, with their words. Figures are
/// written as the relating step reads them ("≈ 55–65 min", "1,500", "3%").
#[derive(Debug, Clone, PartialEq)]
pub enum DetailNote {
    /// Both sides give the same figure: `same: 3%`.
    SameFigure {
        /// The figure with its unit.
        figure: String,
    },
    /// Two hedged figures with different numbers ("less than four hours" → "less than
    /// three"): `less than four hours → less than three hours: figure changed`.
    NumberChanged {
        /// The source's number.
        source: String,
        /// The article's number, with the unit.
        article: String,
        /// The source's words.
        source_words: String,
        /// The article's words.
        words: String,
    },
    /// Two figures of one unit that differ or are compatible, in the words each text uses:
    /// `bis zu 400 → 400: bound dropped`, `55 minutes → almost an hour: approximated`. The
    /// figures as read ("≤ 400", "400") are kept for the rules that weigh the change.
    Figures {
        /// The source's figure.
        source: String,
        /// The article's figure, with the unit.
        article: String,
        /// The source's words.
        source_words: String,
        /// The article's words.
        words: String,
        /// What the article did to the figure.
        change: FigureChange,
    },
    /// A compatible figure that is the other rounded: `14.065 → circa 14.000: rounded`.
    Rounded(Box<DetailNote>),
    /// A figure on the source's side, "a"/"one" thing on the article's: `2 vs 1 visit: a
    /// visit`.
    ImpliedOne {
        /// The source's figure.
        figure: String,
        /// What is counted.
        noun: String,
        /// The article's words.
        words: String,
    },
    /// "a"/"one" thing in the source, a figure in the article: `source says one, article 2`.
    SourceSaysOne {
        /// The article's figure.
        figure: String,
    },
    /// The same date or time: `same time: Monday`.
    SameTime {
        /// The article's words.
        article: String,
    },
    /// Two dates or times that differ or are compatible: `May 15 vs Monday`.
    Dates {
        /// The source's words.
        source: String,
        /// The article's words.
        article: String,
    },
    /// A figure, date or hedge only one side gives: `only the article: 2019 (2019-01-01 –
    /// 2019-12-31)`.
    OnlyOneSide {
        /// The side that gives it.
        side: Side,
        /// Its words (a date with the days it stands for).
        words: String,
    },
    /// A name only one side gives: `only the source names Kathy Hochul`.
    NamedOnly {
        /// The side that names it.
        side: Side,
        /// The name.
        name: String,
    },
    /// Both sides hedge with the same word: `both hedge: about`.
    BothHedge {
        /// The hedge.
        hedge: String,
    },
    /// The sides hedge with different words: `hedged differently: about vs nearly`.
    HedgedDifferently {
        /// The source's hedge.
        source: String,
        /// The article's hedge.
        article: String,
    },
    /// The same place: `same place: Queens`.
    SamePlace {
        /// The article's words.
        article: String,
    },
    /// The article names the place the source only describes: `the article names the
    /// school: P.S. 58 vs a school`.
    NamesThePlace {
        /// What kind of place ("school").
        class: String,
        /// The source's words.
        source: String,
        /// The article's words.
        article: String,
    },
    /// The article describes the place the source names: `the article is vaguer: a school
    /// vs P.S. 58`.
    Vaguer {
        /// The source's words.
        source: String,
        /// The article's words.
        article: String,
    },
    /// The same person, place or organisation: `same person: Kathy Hochul = Hochul`.
    SameName {
        /// A person, a place, else an organisation.
        kind: DetailKind,
        /// The source's words.
        source: String,
        /// The article's words.
        article: String,
    },
    /// The article names a part of the source's organisation: `the article names a part of
    /// it: USCIS (part of DHS)`.
    PartOf {
        /// The source's organisation.
        source: String,
        /// The article's.
        article: String,
    },
    /// The article names the body the source's organisation belongs to: `the article names
    /// the parent body: DHS for USCIS`.
    ParentBody {
        /// The source's organisation.
        source: String,
        /// The article's.
        article: String,
    },
    /// Another body of the same kind: `another body: Camera → Senato`.
    OtherBody {
        /// The source's organisation.
        source: String,
        /// The article's.
        article: String,
    },
    /// Two titles without a name: `title: the Secretary vs the minister`.
    Titles {
        /// The source's title.
        source: String,
        /// The article's.
        article: String,
    },
    /// The article names the person the source calls by title: `the article names the
    /// President: Marcelo Rebelo de Sousa`.
    NamesTheTitled {
        /// The source's title.
        source: String,
        /// The article's name.
        article: String,
    },
    /// The article calls by title the person the source names: `the article says only the
    /// mayor for Bill de Blasio`.
    OnlyTitle {
        /// The source's name.
        source: String,
        /// The article's title.
        article: String,
    },
    /// One family name with two first names: `different first names: John Kelly vs James
    /// Kelly`.
    FirstNames {
        /// The source's name.
        source: String,
        /// The article's.
        article: String,
    },
    /// One person, the article dropping a surname the source gives (a Spanish or Portuguese
    /// second surname): `name shortened: Elena Martín Soler → Elena Martín`.
    ShortenedName {
        /// The source's name.
        source: String,
        /// The article's.
        article: String,
    },
    /// A person's title on both sides: `same title: …`, `title shortened: …` or `title
    /// changed: Secretary of Homeland Security vs Secretary`.
    PersonTitle {
        /// How the title differs.
        change: TitleChange,
        /// The source's title.
        source: String,
        /// The article's.
        article: String,
    },
}

/// What the article did to a figure of the source, as a reader names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureChange {
    /// Another figure: "1,2 miliardi" → "1,5 miliardi".
    Changed,
    /// The same figure with the other sign: "-0,3" → "0,3".
    Sign,
    /// The same figure in another unit: "12 per cento" → "12 punti percentuali".
    Unit,
    /// A limit stated as the figure: "fino a 400" → "400".
    BoundDropped,
    /// The figure stated as a limit: "400" → "up to 400".
    BoundAdded,
    /// An approximate figure stated as exact: "cerca de 300" → "300".
    ApproximationDropped,
    /// An exact figure stated as approximate: "55 minutes" → "almost an hour".
    Approximated,
    /// Two figures that can both be true, neither a bound nor an approximation of the other.
    Compatible,
}

impl FigureChange {
    /// How a note says it.
    fn as_str(self) -> &'static str {
        match self {
            FigureChange::Changed => "figure changed",
            FigureChange::Sign => "sign changed",
            FigureChange::Unit => "unit changed",
            FigureChange::BoundDropped => "bound dropped",
            FigureChange::BoundAdded => "bound added",
            FigureChange::ApproximationDropped => "approximation dropped",
            FigureChange::Approximated => "approximated",
            FigureChange::Compatible => "compatible figures",
        }
    }
}

/// How a person's title differs between the sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleChange {
    /// The same title.
    Same,
    /// The article's has fewer words.
    Shortened,
    /// Another title.
    Changed,
}

impl TitleChange {
    /// How a note says it.
    fn as_str(self) -> &'static str {
        match self {
            TitleChange::Same => "same title",
            TitleChange::Shortened => "title shortened",
            TitleChange::Changed => "title changed",
        }
    }
}

/// What a note calls a thing both sides name: a person, a place, else an organisation.
fn named_thing(kind: DetailKind) -> &'static str {
    match kind {
        DetailKind::Person => "person",
        DetailKind::Place => "place",
        _ => "organisation",
    }
}

impl fmt::Display for DetailNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DetailNote::*;
        match self {
            SameFigure { figure } => write!(f, "same: {figure}"),
            NumberChanged {
                source_words,
                words,
                ..
            } => write!(f, "{source_words} → {words}: figure changed"),
            Figures {
                source_words,
                words,
                change,
                ..
            } => write!(f, "{source_words} → {words}: {}", change.as_str()),
            Rounded(note) => match note.as_ref() {
                Figures {
                    source_words,
                    words,
                    ..
                } => write!(f, "{source_words} → {words}: rounded"),
                other => write!(f, "rounded: {other}"),
            },
            ImpliedOne {
                figure,
                noun,
                words,
            } => write!(f, "{figure} vs 1 {noun}: {words}"),
            SourceSaysOne { figure } => write!(f, "source says one, article {figure}"),
            SameTime { article } => write!(f, "same time: {article}"),
            Dates { source, article } => write!(f, "{source} vs {article}"),
            OnlyOneSide { side, words } => write!(f, "only the {}: {words}", side.as_str()),
            NamedOnly { side, name } => write!(f, "only the {} names {name}", side.as_str()),
            BothHedge { hedge } => write!(f, "both hedge: {hedge}"),
            HedgedDifferently { source, article } => {
                write!(f, "hedged differently: {source} vs {article}")
            }
            SamePlace { article } => write!(f, "same place: {article}"),
            NamesThePlace {
                class,
                source,
                article,
            } => write!(f, "the article names the {class}: {article} vs {source}"),
            Vaguer { source, article } => {
                write!(f, "the article is vaguer: {article} vs {source}")
            }
            SameName {
                kind,
                source,
                article,
            } => write!(f, "same {}: {source} = {article}", named_thing(*kind)),
            PartOf { source, article } => write!(
                f,
                "the article names a part of it: {article} (part of {source})"
            ),
            ParentBody { source, article } => write!(
                f,
                "the article names the parent body: {article} for {source}"
            ),
            OtherBody { source, article } => write!(f, "another body: {source} → {article}"),
            Titles { source, article } => write!(f, "title: {source} vs {article}"),
            NamesTheTitled { source, article } => {
                write!(f, "the article names the {source}: {article}")
            }
            OnlyTitle { source, article } => {
                write!(f, "the article says only {article} for {source}")
            }
            FirstNames { source, article } => {
                write!(f, "different first names: {source} vs {article}")
            }
            ShortenedName { source, article } => {
                write!(f, "name shortened: {source} → {article}")
            }
            PersonTitle {
                change,
                source,
                article,
            } => write!(f, "{}: {source} vs {article}", change.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(source: &str, article: &str) -> (String, String) {
        (source.to_string(), article.to_string())
    }

    /// The cases the gold pairs do not show keep the wording the notes had as strings.
    #[test]
    fn the_rarer_notes_keep_their_wording() {
        let (source, article) = words("about", "nearly");
        let hedged = DetailNote::HedgedDifferently { source, article };
        assert_eq!(hedged.to_string(), "hedged differently: about vs nearly");
        let (source, article) = words("P.S. 58", "a school");
        let vaguer = DetailNote::Vaguer { source, article };
        assert_eq!(
            vaguer.to_string(),
            "the article is vaguer: a school vs P.S. 58"
        );
        let (source, article) = words("USCIS", "DHS");
        let parent = DetailNote::ParentBody { source, article };
        assert_eq!(
            parent.to_string(),
            "the article names the parent body: DHS for USCIS"
        );
        let (source, article) = words("Bill de Blasio", "the mayor");
        let title = DetailNote::OnlyTitle { source, article };
        assert_eq!(
            title.to_string(),
            "the article says only the mayor for Bill de Blasio"
        );
        let (source, article) = words("Secretary of Homeland Security", "Secretary");
        let change = TitleChange::Shortened;
        let shortened = DetailNote::PersonTitle {
            change,
            source,
            article,
        };
        assert_eq!(
            shortened.to_string(),
            "title shortened: Secretary of Homeland Security vs Secretary"
        );
        let figure = "2".to_string();
        let one = DetailNote::SourceSaysOne { figure };
        assert_eq!(one.to_string(), "source says one, article 2");
        let (source, article) = words("12.6", "12.8");
        let (source_words, words) = ("$12.6 million".to_string(), "$13 million".to_string());
        let rounded = DetailNote::Rounded(Box::new(DetailNote::Figures {
            source,
            article,
            source_words,
            words,
            change: FigureChange::Compatible,
        }));
        assert_eq!(rounded.to_string(), "$12.6 million → $13 million: rounded");
    }
}
