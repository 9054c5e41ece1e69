//! The prose of a Markdown file, markup removed.
//!
//! `pulldown-cmark` (the CommonMark parser rustdoc uses) turns the file into events; this
//! module keeps the text events, joins soft line breaks with a space, separates blocks
//! (paragraphs, headings, list items, block quotes) with a blank line, and drops what is not
//! prose (link targets, image addresses, raw HTML tags). Links keep their text. Typography is
//! left as written (no "smart" quotes): the text must stay the author's. Stripping
//! markup with regular expressions was rejected: emphasis, escapes and reference links
//! interact in ways only a real parser gets right. Never fails: every string is Markdown.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::tidy;

/// The text of a Markdown document, one block per paragraph.
pub fn extract(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = String::with_capacity(markdown.len());
    let mut in_image = 0usize;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(text) | Event::Code(text) if in_image == 0 => out.push_str(&text),
            Event::Text(_) | Event::Code(_) => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Item) => block_break(&mut out),
            Event::Start(Tag::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            ) => block_break(&mut out),
            Event::Rule => block_break(&mut out),
            // Raw HTML, footnote references, task markers: not prose.
            _ => {}
        }
    }
    tidy(&out)
}

fn block_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str("\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_link_text_stays() {
        let md = "# Statement on P.S. 58\n\n\
                  Mayor **Bill de Blasio** said the agents \"were turned away\"\n\
                  at the door, according to [the readout](https://example.org/readout).\n\n\
                  > Our schools are safe places.\n\n\
                  - No child was *questioned*.\n\
                  - No one was detained.\n\n\
                  ![Photo of City Hall](hall.jpg)\n";
        let text = extract(md);
        assert_eq!(
            text,
            "Statement on P.S. 58\n\n\
             Mayor Bill de Blasio said the agents \"were turned away\" at the door, \
             according to the readout.\n\n\
             Our schools are safe places.\n\n\
             No child was questioned.\n\n\
             No one was detained.\n"
        );
    }
}
