//! Exports of the knowledge graph: DOT (and SVG/PNG through Graphviz),
//! GraphML for networkx/igraph/yEd/Cytoscape (and a reader for it), GEXF 1.3
//! for Gephi, and the evidence browser, one HTML page ([`html`]).
//!
//! Every export iterates the graph in sorted order (nodes by id, edges by
//! source, target, relation, polarity), so the same graph gives the same
//! bytes.
//!
//! Text from articles may hold anything. The rules, the same in every export:
//!
//! - XML 1.0 forbids C0 control characters other than tab, LF and CR, and
//!   U+FFFE/U+FFFF: each becomes U+FFFD ([`crate::graph::clean_text`]; merging
//!   already applies it, exports apply it again for graphs built otherwise).
//! - XML text escapes `& < >` and CR (`&#13;`, so parsers do not fold CRLF);
//!   XML attributes also escape `"`, LF, TAB and CR as character references,
//!   so attribute normalisation keeps them.
//! - DOT: [`dot_quote`] quotes every id and attribute value: `\` and `"` are
//!   backslash-escaped and line breaks become `\n` (a centred line break in
//!   Graphviz labels).
//! - Bidi marks, Arabic, quotes and newlines survive unchanged.
//! - GraphML and GEXF node ids must be ASCII NMTOKENs: entity ids of the
//!   lexicon already are; other ids are written with [`xml_id`] (a reversible
//!   `.XX` hex escape of every byte outside `[A-Za-z0-9_-]`).

pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod layout;

pub use dot::{render, to_dot, DotOptions, Labels};
pub use gexf::to_gexf;
pub use graphml::{read_graphml, to_graphml, GraphmlError};
pub use html::{to_html, HtmlOptions};

use crate::graph::clean_text;
use std::borrow::Cow;

/// Quote and escape a string for DOT: the one function every DOT id and
/// attribute value goes through. The result is always a double-quoted
/// string that Graphviz and graphviz-rust's parser read back as `s` (labels
/// show `s`; line breaks become `\n`).
pub fn dot_quote(s: &str) -> String {
    let s = clean_text(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escape text for XML element content.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escape text for a double-quoted XML attribute value.
pub fn xml_attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, attr: bool) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '\r') || (attr && matches!(c, '"' | '\n' | '\t'));
    let s = clean_text(s);
    if !s.chars().any(needs) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An entity id as an ASCII XML NMTOKEN: `[A-Za-z0-9_-]` stay, every other
/// byte (the dot included) becomes `.XX` (upper-case hex). Lexicon ids are
/// unchanged; [`from_xml_id`] reverses it.
pub fn xml_id(id: &str) -> Cow<'_, str> {
    let ok = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    if !id.is_empty() && id.bytes().all(ok) {
        return Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() * 3);
    for b in id.bytes() {
        if ok(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!(".{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    Cow::Owned(out)
}

/// Reverse [`xml_id`]; an id that is not such an escape is returned as is.
pub fn from_xml_id(x: &str) -> Cow<'_, str> {
    if !x.contains('.') {
        return Cow::Borrowed(x);
    }
    let b = x.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'.' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(x),
    }
}

/// The XML writer both GraphML and GEXF use.
pub(crate) type W = quick_xml::Writer<Vec<u8>>;

/// An element start with its attributes escaped once, here.
pub(crate) fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> quick_xml::events::BytesStart<'a> {
    use quick_xml::events::attributes::Attribute;
    let mut s = quick_xml::events::BytesStart::new(name);
    for (k, v) in attrs {
        s.push_attribute(Attribute { key: quick_xml::name::QName(k.as_bytes()), value: Cow::Owned(xml_attr(v).into_owned().into_bytes()) });
    }
    s
}

pub(crate) fn ev(w: &mut W, e: quick_xml::events::Event) {
    w.write_event(e).expect("writing to a Vec cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_quote_escapes_quotes_backslashes_newlines() {
        assert_eq!(dot_quote("plain"), "\"plain\"");
        assert_eq!(dot_quote("say \"no\""), "\"say \\\"no\\\"\"");
        assert_eq!(dot_quote("a\\b"), "\"a\\\\b\"");
        assert_eq!(dot_quote("ends with \\"), "\"ends with \\\\\"");
        assert_eq!(dot_quote("one\ntwo\r\nthree\rfour"), "\"one\\ntwo\\nthree\\nfour\"");
        assert_eq!(dot_quote("bell\u{7}"), "\"bell\u{FFFD}\"");
    }

    #[test]
    fn dot_quote_keeps_arabic_and_bidi_marks() {
        assert_eq!(dot_quote("فيلق القدس"), "\"فيلق القدس\"");
        assert_eq!(dot_quote("\u{200F}إيران\u{200E}"), "\"\u{200F}إيران\u{200E}\"");
        assert_eq!(dot_quote(""), "\"\"");
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(xml_text("a < b & c > d \"q\" 'x'\nnext"), "a &lt; b &amp; c &gt; d \"q\" 'x'\nnext");
        assert_eq!(xml_attr("a<\"b\"\n\tc\r"), "a&lt;&quot;b&quot;&#10;&#9;c&#13;");
        assert_eq!(xml_text("crlf\r\n"), "crlf&#13;\n");
        assert_eq!(xml_text("nul\u{0}esc\u{1b}\u{FFFF}"), "nul\u{FFFD}esc\u{FFFD}\u{FFFD}");
        assert!(matches!(xml_text("إيران"), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_ids_are_ascii_nmtokens_and_reversible() {
        for id in ["iran", "quds_force", "a.b", "إيران", "x y", "a.2E", "-", "Ω", "."] {
            let x = xml_id(id);
            assert!(x.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)), "{x}");
            assert_eq!(from_xml_id(&x), id, "{id} -> {x}");
        }
        assert_eq!(xml_id("iran"), "iran");
        assert_eq!(xml_id("a b"), "a.20b");
    }
}
