//! The main text of a saved web page.
//!
//! A news page is mostly not the article: navigation, scripts, cookie banners, share
//! buttons, related-article lists, footers. `dom_smoothie` (a port of Mozilla's Readability,
//! the engine of Firefox's reader view, over the html5ever parser) picks the article's
//! content; its formatted text keeps paragraphs, headings and block quotes apart and decodes
//! entities. The headline comes from Readability's title when the content does not repeat it,
//! since articles quote people in headlines too. Regular expressions over HTML were rejected:
//! real pages are soup. This module never prints and never panics on malformed markup (the
//! parser recovers as browsers do).

use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

use super::{tidy, ExtractError};

/// Largest number of elements a page may have; a news page has a few thousand, and the
/// scoring is quadratic in the worst case.
const MAX_ELEMENTS: usize = 200_000;

/// Deepest element nesting accepted. Real pages stay under a hundred levels; Readability's
/// scoring walks every element's ancestors, so a page nested tens of thousands deep (a
/// fuzzer's favourite) would take minutes.
const MAX_DEPTH: usize = 512;

/// True when the bytes start like an HTML document (after whitespace and a byte-order mark).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(bytes)
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The article's text: title, then its paragraphs separated by blank lines.
pub fn extract(html: &str) -> Result<String, ExtractError> {
    // Refused before parsing: parsing itself is quadratic in the depth.
    if super::nesting::deeper_than(html, MAX_DEPTH) {
        return Err(ExtractError::TooDeep {
            depth: MAX_DEPTH + 1,
            limit: MAX_DEPTH,
        });
    }
    let depth = nesting_depth(&dom_query::Document::from(html));
    if depth > MAX_DEPTH {
        return Err(ExtractError::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    // Readability gives up on pages it finds too short; for those, relax the policy step by
    // step rather than fail, down to no cleaning at all.
    let mut article = None;
    for policy in [
        ParsePolicy::Strict,
        ParsePolicy::Moderate,
        ParsePolicy::Clean,
        ParsePolicy::Raw,
    ] {
        let Ok(mut readability) = Readability::new(html, None, Some(config.clone())) else {
            break;
        };
        match readability.parse_with_policy(policy) {
            Ok(a) if !a.text_content.trim().is_empty() => {
                article = Some(a);
                break;
            }
            Ok(_) | Err(dom_smoothie::ReadabilityError::GrabFailed) => continue,
            Err(_) => break,
        }
    }
    let Some(article) = article else {
        return Err(ExtractError::NoText { format: "HTML" });
    };
    let body = without_clutter(&article.text_content);
    let title = tidy(&article.title);
    let title = title.trim();
    // Readability usually removes the headline from the content; put it back unless one of
    // the first lines already holds it (or a longer form of it: the <title> is often cut).
    let lower_title = title.to_lowercase();
    let has_title = title.is_empty()
        || body.lines().take(3).any(|line| {
            let line = line.trim().to_lowercase();
            !line.is_empty()
                && (line.contains(&lower_title)
                    || (lower_title.contains(&line) && line.len() * 2 >= lower_title.len()))
        });
    if has_title {
        Ok(body)
    } else {
        Ok(format!("{title}\n\n{body}"))
    }
}

/// Labels a news site prints between the article's paragraphs ("Advertisement", "Story
/// continues below"), one a line, lower-cased.
const CLUTTER: &str = include_str!("../../assets/extract/clutter.txt");

/// True when a line is only a label from [`CLUTTER`]: compared lower-cased, without
/// the punctuation such labels end with.
fn is_clutter(line: &str) -> bool {
    let label = line
        .trim()
        .trim_end_matches([
            ':', '.', '\u{2026}', '>', '\u{203a}', '\u{bb}', '\u{2192}', ' ',
        ])
        .to_lowercase();
    !label.is_empty() && crate::lexicon::lines(CLUTTER).any(|l| l == label)
}

/// The text without the lines that are only clutter labels; the blank lines around a label
/// collapse as [`tidy`] does everywhere.
fn without_clutter(text: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|line| !is_clutter(line)).collect();
    tidy(&kept.join("\n"))
}

/// The depth of the deepest node, walked with an explicit stack (recursion would overflow on
/// exactly the documents this guards against).
fn nesting_depth(document: &dom_query::Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth + 1));
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Mayor says agents left school - City Ledger</title>
<script>window.dataLayer = [{"page": "article"}];</script>
<style>.nav { color: red }</style></head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sports">Sports</a></nav>
<div id="cookie-banner" class="gdpr-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<article>
<h1>Mayor says agents left school</h1>
<p class="byline">By Dana Ortiz</p>
<p>Mayor Bill de Blasio said Monday that the federal agents who came to P.S. 58 in Queens
&ldquo;were turned away at the door&rdquo; and left without speaking to any student.</p>
<p>&ldquo;Our schools are safe places for every child,&rdquo; de Blasio told reporters at City Hall,
adding that the Department of Education had followed its protocol to the letter.</p>
<blockquote>Nobody was taken into custody, and no child was questioned.</blockquote>
<p>The mayor met with Homeland Security officials in Washington on Tuesday to ask for
written guidance on enforcement near schools, his office said.</p>
</article>
<div class="share-buttons social"><a>Share on Facebook</a><a>Tweet this</a></div>
<aside class="related-articles"><h3>Related</h3><ul><li><a>Ten best bagels in Queens</a></li></ul></aside>
<footer class="site-footer">&copy; 2017 City Ledger. All rights reserved. Privacy policy</footer>
</body></html>"#;

    #[test]
    fn news_page_keeps_the_article_and_drops_the_clutter() {
        let text = extract(PAGE).unwrap();
        assert!(text.contains("\u{201c}were turned away at the door\u{201d}"));
        assert!(text.contains("\u{201c}Our schools are safe places for every child,\u{201d}"));
        assert!(text.contains("Nobody was taken into custody"));
        assert!(text.contains("written guidance"));
        for clutter in [
            "Politics",
            "cookies",
            "Accept all",
            "Share on Facebook",
            "bagels",
            "All rights reserved",
            "dataLayer",
            "color: red",
        ] {
            assert!(!text.contains(clutter), "{clutter:?} left in:\n{text}");
        }
        // Paragraphs stay apart.
        assert!(text.contains("student.\n\n"), "{text}");
    }

    #[test]
    fn labels_between_paragraphs_are_dropped() {
        let page = PAGE.replace(
            "<blockquote>",
            "<div class=\"ad-label\">Advertisement</div><p>Story continues below</p>\
             <p>Read more:</p><p>SIGN UP FOR OUR NEWSLETTER</p><blockquote>",
        );
        let text = extract(&page).unwrap();
        for label in [
            "Advertisement",
            "Story continues",
            "Read more",
            "NEWSLETTER",
        ] {
            assert!(!text.contains(label), "{label:?} left in:\n{text}");
        }
        assert!(text.contains("every child"), "{text}");
        assert!(text.contains("Nobody was taken into custody"), "{text}");
        // A sentence that only mentions a label stays.
        assert!(!is_clutter("Read more about the fund at city libraries."));
    }

    #[test]
    fn soup_without_structure_still_yields_its_text() {
        let text = extract("<p>The Mayor <b>said<p>no <i>such thing</b> happened").unwrap();
        assert!(text.contains("The Mayor said"), "{text}");
        assert!(text.contains("such thing happened"), "{text}");
    }

    #[test]
    fn absurd_nesting_is_refused_quickly() {
        let html = format!(
            "<body>{}<p>The Mayor said no.</p></body>",
            "<div>".repeat(2_000)
        );
        assert!(matches!(
            extract(&html).unwrap_err(),
            ExtractError::TooDeep { limit: 512, .. }
        ));
        let html = format!(
            "<body>{}<p>The Mayor said no.</p></body>",
            "<div>".repeat(100)
        );
        assert!(extract(&html).unwrap().contains("The Mayor said no."));
    }

    #[test]
    fn markup_without_text_is_an_error() {
        assert_eq!(
            extract("<html><body><script>var x = 1;</script></body></html>").unwrap_err(),
            ExtractError::NoText { format: "HTML" }
        );
    }
}
