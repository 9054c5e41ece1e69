//! The HTML report: one self-contained page to send to an editor who has no terminal.
//!
//! Both documents side by side, every match highlighted on both sides with `data-match="ID"`
//! (the ids of the JSON report), the quotations with their status, the shared passages with
//! their word changes and the reviewer's verdicts, the compared details, and the coverage
//! figures. A click on a highlighted passage scrolls the other side to its counterpart;
//! buttons and keys (n/p, j/k) step through the matches. Everything is inline (CSS, a little
//! JavaScript, no fonts, no images, no network), so the file can be mailed and opened
//! offline. Highlights differ by underline style and a bracketed number as well as by colour,
//! so the page reads in greyscale and prints (a print stylesheet drops the controls and the
//! scrolling panes). Like the other reports it only reads the comparison.

use std::fmt::Write as _;
use std::io::Write;

use crate::comparison::{describe_edit, Comparison, EditPart, Match, QuoteStatus, Side};
use crate::details::Detail;
use crate::report::one_line;
use crate::review::{Review, Verdict};
use crate::span::{floor_char_boundary, Span};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the report as one HTML page.
pub fn write(c: &Comparison, review: Option<&Review>, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(page(c, review).as_bytes())
}

/// The whole page as a string.
pub fn page(c: &Comparison, review: Option<&Review>) -> String {
    let mut html = String::with_capacity((c.source.text.len() + c.article.text.len()) * 3);
    let title = format!("quotediff: {} \u{2192} {}", c.source.name, c.article.name);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"quotediff {version}\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(&title),
    );
    summary(&mut html, c, review);
    html.push_str("<main class=\"sides\">\n");
    side(&mut html, c, review, Side::Source);
    side(&mut html, c, review, Side::Article);
    html.push_str("</main>\n");
    quotations(&mut html, c);
    differences(&mut html, c);
    matches(&mut html, c, review);
    details(&mut html, c);
    let _ = write!(
        html,
        "<footer><p>Made by quotediff {} from the two documents named above; offsets refer to \
         the text shown here (the extracted text).</p></footer>\n<script>\n{SCRIPT}</script>\n\
         </body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    html
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn summary(html: &mut String, c: &Comparison, review: Option<&Review>) {
    let s = &c.stats;
    let count = |st: QuoteStatus| c.quotes.iter().filter(|q| q.status == st).count();
    let _ = write!(
        html,
        "<header>\n<h1>quotediff review</h1>\n<dl class=\"documents\">\
         <dt>Source</dt><dd>{} ({} words)</dd><dt>Article</dt><dd>{} ({} words)</dd></dl>\n\
         <ul class=\"figures\" id=\"coverage\">\
         <li><strong>{}</strong> of the article comes from the source</li>\
         <li>the article carries <strong>{}</strong> of the source</li>\
         <li><strong>{}</strong> of the article paraphrases it</li>\
         <li><strong>{}</strong> quotations: {} verified, {} altered, {} not in the source</li>\
         <li><strong>{}</strong> shared passages</li>",
        escape(&c.source.name),
        s.source_words,
        escape(&c.article.name),
        s.article_words,
        percent(s.article_from_source),
        percent(s.source_in_article),
        percent(s.article_paraphrased),
        c.quotes.len(),
        count(QuoteStatus::Verified),
        count(QuoteStatus::Altered),
        count(QuoteStatus::NotInSource),
        c.matches.len(),
    );
    if let Some(r) = review {
        let (reviewed, stops) = r.progress(c);
        let _ = write!(
            html,
            "<li>reviewed: <strong>{reviewed}/{stops}</strong> (matches and quotations without one)</li>"
        );
    }
    html.push_str("</ul>\n");
    let _ = write!(
        html,
        "<nav class=\"controls\" aria-label=\"Matches\">\
         <button type=\"button\" id=\"prev\" title=\"Previous match (p or k)\">\u{25c0} Previous</button> \
         <span id=\"position\">{} matches</span> \
         <button type=\"button\" id=\"next\" title=\"Next match (n or j)\">Next \u{25b6}</button> \
         <span class=\"hint\">Click a highlighted passage to see its counterpart; keys n/p or j/k step through.</span></nav>\n\
         <p class=\"legend\">\
         <mark class=\"m quotation exact\">quotation, word for word</mark> \
         <mark class=\"m quotation edited\">quotation, altered</mark> \
         <mark class=\"m reuse\">reused without quotation marks</mark> \
         <mark class=\"m paraphrase\">paraphrase</mark> \
         <span class=\"q not_in_source\">quotation not in the source</span> \
         <mark class=\"m flagged\">flagged by the reviewer</mark></p>\n</header>\n",
        c.matches.len()
    );
}

/// One highlight layer over a text: where it is and the element that wraps it.
struct Layer {
    span: Span,
    /// Sorts quotations outside matches, then by id.
    order: (u8, usize),
    open: String,
    close: &'static str,
    /// Attribute added to the first segment only (the anchor other parts link to).
    first: String,
}

/// A match's highlight on side `which`: its kind, fidelity and verdict, and a title saying
/// where a click goes.
fn match_layer(m: &Match, which: Side, review: Option<&Review>) -> Layer {
    let span = m.span(which);
    let verdict = review.map(|r| r.entry(m).verdict).unwrap_or_default();
    Layer {
        span,
        order: (1, m.id),
        open: format!(
            "<mark class=\"m {} {} {}\" data-match=\"{}\" data-side=\"{}\" title=\"{}\"",
            m.kind.as_str(),
            m.fidelity.as_str(),
            verdict.as_str(),
            m.id,
            which.as_str(),
            escape(&format!(
                "M{}: {}, {}{} \u{2014} click to see it in the {}",
                m.id,
                m.kind.as_str(),
                m.fidelity.as_str(),
                if verdict == Verdict::Unreviewed {
                    String::new()
                } else {
                    format!(", {}", verdict.as_str())
                },
                which.other().as_str()
            ))
        ),
        close: "</mark>",
        first: format!(" id=\"{}-m{}\" data-first=\"\"", which.as_str(), m.id),
    }
}

fn side(html: &mut String, c: &Comparison, review: Option<&Review>, which: Side) {
    let (document, label) = match which {
        Side::Source => (&c.source, "Source"),
        Side::Article => (&c.article, "Article"),
    };
    let text = &document.text;
    let mut layers = Vec::new();
    if which == Side::Article {
        for q in &c.quotes {
            layers.push(Layer {
                span: q.outer,
                order: (0, q.id),
                open: format!(
                    "<span class=\"q {}\" data-quote=\"{}\"",
                    q.status.as_str(),
                    q.id
                ),
                close: "</span>",
                first: format!(" id=\"quote-{}\"", q.id),
            });
        }
    }
    layers.extend(c.matches.iter().map(|m| match_layer(m, which, review)));
    let _ = write!(
        html,
        "<section class=\"side\" id=\"{id}\" aria-label=\"{label}\">\n\
         <h2>{label}: {name}</h2>\n<div class=\"text\" tabindex=\"0\">",
        id = which.as_str(),
        name = escape(&document.name),
    );
    for d in &c.differences {
        let Some(span) = (match which {
            Side::Source => d.source,
            Side::Article => d.article,
        }) else {
            continue;
        };
        layers.push(Layer {
            span,
            order: (2, d.id),
            open: format!(
                "<span class=\"d {}\" data-difference=\"{}\" title=\"{}\"",
                d.severity.as_str(),
                d.id,
                escape(&format!("X{}: {}", d.id, d.note()))
            ),
            close: "</span>",
            first: format!(" id=\"{}-d{}\"", which.as_str(), d.id),
        });
    }
    highlight(html, text, &mut layers);
    html.push_str("</div>\n</section>\n");
}

/// Writes `text` with every layer wrapped around the segments it covers. Layers may overlap
/// without nesting (two article passages drawn from overlapping source words), so the text is
/// cut at every layer boundary and each segment is wrapped in all the layers covering it; a
/// layer therefore may span several elements, all carrying its attributes.
fn highlight(html: &mut String, text: &str, layers: &mut [Layer]) {
    let clamp = |at: usize| floor_char_boundary(text, at);
    for layer in layers.iter_mut() {
        layer.span = Span::new(
            clamp(layer.span.start),
            clamp(layer.span.end).max(clamp(layer.span.start)),
        );
    }
    layers.sort_by_key(|l| l.order);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for layer in layers.iter() {
        cuts.push(layer.span.start);
        cuts.push(layer.span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut started = vec![false; layers.len()];
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start == end {
            continue;
        }
        let covering: Vec<usize> = (0..layers.len())
            .filter(|&i| layers[i].span.start <= start && layers[i].span.end >= end)
            .collect();
        for &i in &covering {
            html.push_str(&layers[i].open);
            if !started[i] {
                html.push_str(&layers[i].first);
                started[i] = true;
            }
            html.push('>');
        }
        html.push_str(&escape(&text[start..end]));
        for &i in covering.iter().rev() {
            html.push_str(layers[i].close);
        }
    }
}

/// Opens section `id` with its title; for an empty section (`empty` saying so), writes the
/// sentence, closes it and returns false.
fn section(html: &mut String, (id, title): (&str, &str), empty: Option<&str>) -> bool {
    let _ = writeln!(html, "<section id=\"{id}\">\n<h2>{title}</h2>");
    if let Some(none) = empty {
        let _ = writeln!(html, "<p>{none}</p>\n</section>");
        return false;
    }
    true
}

fn quotations(html: &mut String, c: &Comparison) {
    if !section(
        html,
        ("quotations", "Quotations"),
        c.quotes.is_empty().then_some("The article quotes nobody."),
    ) {
        return;
    }
    html.push_str(
        "<table><thead><tr><th>#</th><th>Status</th><th>Speaker</th><th>Quotation</th>\
         <th>In the source</th><th>Matches</th></tr></thead><tbody>\n",
    );
    for q in &c.quotes {
        let status = match q.status {
            QuoteStatus::Verified => "verified",
            QuoteStatus::Altered => "ALTERED",
            QuoteStatus::NotInSource => "NOT IN SOURCE",
        };
        let links: Vec<String> = q
            .matches
            .iter()
            .map(|id| format!("<a href=\"#article-m{id}\" data-goto=\"{id}\">M{id}</a>"))
            .collect();
        let _ = writeln!(
            html,
            "<tr class=\"{cls}\"><td><a href=\"#quote-{id}\">Q{id}</a></td><td class=\"status\">{status}</td>\
             <td>{speaker}</td><td>\u{201c}{text}\u{201d}</td><td>{coverage}</td><td>{links}</td></tr>",
            cls = q.status.as_str(),
            id = q.id,
            speaker = escape(q.speaker.as_deref().unwrap_or("\u{2014}")),
            text = escape(&one_line(q.article.slice(&c.article.text))),
            coverage = percent(q.coverage),
            links = links.join(" "),
        );
    }
    html.push_str("</tbody></table>\n</section>\n");
    who_is_quoted(html, c);
}

/// The "who is quoted" table: each speaker and how their quotations fare.
fn who_is_quoted(html: &mut String, c: &Comparison) {
    use crate::report::speakers;
    html.push_str(
        "<section id=\"speakers\">\n<h2>Who is quoted</h2>\n<table><thead><tr><th>Speaker</th>\
         <th>Quotations</th></tr></thead><tbody>\n",
    );
    for r in speakers::who_is_quoted(c) {
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&speakers::label(&r)),
            escape(&speakers::tally(&r))
        );
    }
    html.push_str("</tbody></table>\n</section>\n");
}

fn matches(html: &mut String, c: &Comparison, review: Option<&Review>) {
    if !section(
        html,
        ("matches", "Shared passages"),
        c.matches
            .is_empty()
            .then_some("The two documents share no passage."),
    ) {
        return;
    }
    html.push_str(
        "<table><thead><tr><th>#</th><th>Kind</th><th>Fidelity</th><th>Score</th>\
         <th>Source</th><th>Article</th><th>Changes</th><th>Verdict</th></tr></thead><tbody>\n",
    );
    for m in &c.matches {
        let entry = review.map(|r| r.entry(m)).unwrap_or_default();
        let note = entry
            .note
            .as_deref()
            .map(|n| format!("<br><span class=\"note\">{}</span>", escape(n)))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<tr class=\"{kind} {fidelity} {verdict}\"><td><a href=\"#article-m{id}\" data-goto=\"{id}\">M{id}</a></td>\
             <td>{kind}</td><td>{fidelity}</td><td>{score:.2}</td><td>{source}</td><td>{article}</td>\
             <td>{changes}</td><td class=\"verdict\">{verdict}{note}</td></tr>",
            id = m.id,
            kind = m.kind.as_str(),
            fidelity = m.fidelity.as_str(),
            score = m.score,
            source = escape(&one_line(m.source.slice(&c.source.text))),
            article = escape(&one_line(m.article.slice(&c.article.text))),
            changes = changes(c, m),
            verdict = entry.verdict.as_str(),
        );
    }
    html.push_str("</tbody></table>\n</section>\n");
}

fn changes(c: &Comparison, m: &Match) -> String {
    let items: Vec<String> = m
        .edits
        .iter()
        .map(|e| {
            let what: String = describe_edit(e, &c.source.text, &c.article.text)
                .into_iter()
                .map(|part| match part {
                    EditPart::Wording(words) => escape(words),
                    EditPart::Removed(words) => format!("<del>{}</del>", escape(&one_line(words))),
                    EditPart::Added(words) => format!("<ins>{}</ins>", escape(&one_line(words))),
                })
                .collect();
            format!("<li>{what}</li>")
        })
        .collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"edits\">{}</ul>", items.concat())
    }
}

/// The differences, major first, each linked to its words on both sides.
fn differences(html: &mut String, c: &Comparison) {
    if !section(
        html,
        ("differences", "Differences"),
        c.differences.is_empty().then_some("No difference found."),
    ) {
        return;
    }
    let mut ranked: Vec<_> = c.differences.iter().collect();
    ranked.sort_by_key(|d| d.severity);
    html.push_str("<ol class=\"differences\">\n");
    for d in ranked {
        let link = |sp: Option<Span>, text: &str, side: Side| {
            sp.map_or_else(
                || "\u{2014}".to_string(),
                |sp| {
                    format!(
                        "<a href=\"#{}-d{}\">{}</a>",
                        side.as_str(),
                        d.id,
                        escape(&one_line(sp.slice(text)))
                    )
                },
            )
        };
        let _ = writeln!(
            html,
            "<li class=\"{severity}\" id=\"difference-{id}\"><strong>X{id}</strong> \
             <span class=\"severity\">{severity}</span> · {kind}: {note}<br>\
             source: {source} · article: {article}</li>",
            id = d.id,
            severity = d.severity.as_str(),
            kind = d.kind.as_str(),
            note = escape(&d.note()),
            source = link(d.source, &c.source.text, Side::Source),
            article = link(d.article, &c.article.text, Side::Article),
        );
    }
    html.push_str("</ol>\n</section>\n");
}

fn details(html: &mut String, c: &Comparison) {
    let none = "No details (numbers, dates, names, places) were compared.";
    if !section(
        html,
        ("details", "Details"),
        c.details.is_empty().then_some(none),
    ) {
        return;
    }
    html.push_str(
        "<table><thead><tr><th>#</th><th>Kind</th><th>Relation</th><th>Source</th>\
         <th>Article</th><th>Note</th><th>Match</th></tr></thead><tbody>\n",
    );
    for d in &c.details {
        detail_row(html, c, d);
    }
    html.push_str("</tbody></table>\n</section>\n");
}

fn detail_row(html: &mut String, c: &Comparison, d: &Detail) {
    let words = |sp: Option<Span>, text: &str| {
        sp.map(|sp| escape(&one_line(sp.slice(text))))
            .unwrap_or_else(|| "\u{2014}".to_string())
    };
    let link = d
        .match_id
        .map(|id| format!("<a href=\"#article-m{id}\" data-goto=\"{id}\">M{id}</a>"))
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<tr class=\"{relation}\"><td>D{id}</td><td>{kind}</td><td class=\"relation\">{relation}</td>\
         <td>{source}</td><td>{article}</td><td>{note}</td><td>{link}</td></tr>",
        id = d.id,
        kind = d.kind.as_str(),
        relation = d.relation.as_str(),
        source = words(d.source, &c.source.text),
        article = words(d.article, &c.article.text),
        note = escape(&d.note.to_string()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, CompareOptions};
    use crate::document::{bundled_pair, Document};

    #[test]
    fn every_match_is_marked_on_both_sides() {
        let (s, a) = bundled_pair();
        let c = compare(s, a, &CompareOptions::default());
        assert!(!c.matches.is_empty());
        let html = page(&c, None);
        for m in &c.matches {
            for side in ["source", "article"] {
                assert!(
                    html.contains(&format!("id=\"{side}-m{}\"", m.id)),
                    "match {} missing on the {side} side",
                    m.id
                );
            }
            assert!(html.contains(&format!("data-match=\"{}\"", m.id)));
        }
        // Self-contained: nothing is fetched.
        assert!(!html.contains("src=\""));
        assert!(!html.contains("href=\"http"));
        assert!(!html.contains("@import"));
    }

    #[test]
    fn verdicts_and_notes_are_shown() {
        let (s, a) = bundled_pair();
        let c = compare(s, a, &CompareOptions::default());
        let mut review = Review::new(&c);
        review.set_verdict(&c.matches[0], Verdict::Flagged);
        review.set_note(&c.matches[0], "the readout says <two> agents");
        review.set_verdict(&c.matches[1], Verdict::Accepted);
        let html = page(&c, Some(&review));
        let stops = crate::review::stop_keys(&c).len();
        assert!(
            stops > c.matches.len(),
            "quotations without a match are stops too"
        );
        assert!(html.contains(&format!("reviewed: <strong>2/{stops}</strong>")));
        let first = &c.matches[0];
        assert!(html.contains(&format!(
            "<mark class=\"m {} {} flagged\" data-match=\"1\"",
            first.kind.as_str(),
            first.fidelity.as_str()
        )));
        assert!(html.contains("<td class=\"verdict\">flagged<br><span class=\"note\">the readout says &lt;two&gt; agents</span>"));
        assert!(html.contains("<td class=\"verdict\">accepted</td>"));
    }

    #[test]
    fn document_text_is_escaped_and_overlaps_are_cut() {
        let source = Document::from_text(
            "release <draft>.txt",
            "The Mayor said the city will <not> cooperate with agents who arrive without a warrant at any school.",
        );
        let article = Document::from_text(
            "story.html",
            "Officials said \u{201c}the city will <not> cooperate with agents who arrive without a warrant\u{201d} on Monday.",
        );
        let c = compare(source, article, &CompareOptions::default());
        assert_eq!(c.matches.len(), 1, "{:?}", c.matches);
        let html = page(&c, None);
        assert!(html.contains("release &lt;draft&gt;.txt"));
        assert!(html.contains("will &lt;not&gt; cooperate"));
        assert!(!html.contains("<not>"));
        // The quotation wraps the match on the article side.
        assert!(
            html.contains("data-quote=\"1\" id=\"quote-1\">\u{201c}</span>"),
            "{html}"
        );
    }

    #[test]
    fn overlapping_layers_each_keep_their_attributes() {
        let mut html = String::new();
        let layer = |start, end, id: usize| Layer {
            span: Span::new(start, end),
            order: (1, id),
            open: format!("<mark data-match=\"{id}\""),
            close: "</mark>",
            first: format!(" id=\"m{id}\""),
        };
        let mut layers = vec![layer(0, 9, 1), layer(4, 14, 2)];
        highlight(&mut html, "the agents left", &mut layers);
        assert_eq!(
            html,
            "<mark data-match=\"1\" id=\"m1\">the </mark>\
             <mark data-match=\"1\"><mark data-match=\"2\" id=\"m2\">agent</mark></mark>\
             <mark data-match=\"2\">s lef</mark>t"
        );
    }
}
