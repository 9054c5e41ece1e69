//! Alignment: cutting texts into sentences and finding which source sentences each article
//! sentence retells.
//!
//! [`sentences`] is the sentence cutter (one abbreviation list, in `assets/`);
//! [`paraphrase`] aligns sentences by BM25 over stems and returns links between sentence
//! numbers. Nothing here writes into a comparison: the details and the pipeline decide what
//! the links mean.

pub(crate) mod paraphrase;
pub(crate) mod sentences;
pub(crate) mod stems;
