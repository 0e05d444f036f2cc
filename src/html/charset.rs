//! The encoding of an HTML page: a byte order mark, then the page's own
//! `<meta charset>` or `<meta http-equiv="Content-Type" content="...;
//! charset=...">` (read from its first bytes, the way browsers prescan),
//! then the detection every other input gets ([`crate::decode::decode`]).

use crate::decode::{decode, DecodeError, Decoded};
use encoding_rs::Encoding;

/// How far into the page a `<meta>` declaration is looked for (browsers
/// read 1024 bytes; pages with long `<head>` scripts put it later).
const PRESCAN: usize = 8192;

/// Decode an HTML page: `forced` (`--encoding`) wins, then a BOM, then the
/// declared charset, then detection. A declared legacy encoding is not
/// believed when the bytes are valid UTF-8 with non-ASCII letters (a page
/// saved as UTF-8 keeps its old declaration more often than legacy bytes
/// happen to form valid UTF-8).
pub fn decode_html(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if forced.is_some() || Encoding::for_bom(bytes).is_some() {
        return decode(bytes, forced);
    }
    match declared(bytes) {
        Some(enc) if enc != encoding_rs::UTF_8 && !valid_non_ascii_utf8(bytes) => {
            decode(bytes, Some(enc))
        }
        _ => decode(bytes, None),
    }
}

fn valid_non_ascii_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && simdutf8::basic::from_utf8(bytes).is_ok()
}

/// The encoding a page declares in a `<meta>` tag of its first bytes.
/// UTF-16 labels mean UTF-8 there (a page whose `<meta>` reads as ASCII is
/// not UTF-16), as in browsers; an unknown label is no declaration.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &head[at..]) {
        let rest = &head[at + i..];
        if rest.starts_with(b"<!--") {
            let end = memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            at += i + end;
            continue;
        }
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = &rest[..end];
        at += i + end.max(1);
        if tag.len() > 5 && tag[1..5].eq_ignore_ascii_case(b"meta") && tag[5].is_ascii_whitespace()
        {
            if let Some(enc) = meta_charset(&String::from_utf8_lossy(&tag[5..])) {
                return Some(enc);
            }
        }
    }
    None
}

/// The charset of one `<meta ...>` tag's attributes.
fn meta_charset(attrs: &str) -> Option<&'static Encoding> {
    let attrs = attributes(&attrs.to_ascii_lowercase());
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let label = if let Some(v) = get("charset") {
        v
    } else if get("http-equiv").is_some_and(|v| v.trim() == "content-type") {
        let content = get("content")?;
        let i = content.find("charset")?;
        let v = content[i + 7..].trim_start().strip_prefix('=')?;
        v.trim_start()
            .trim_start_matches(['"', '\''])
            .split([';', ' ', '"', '\''])
            .next()?
    } else {
        return None;
    };
    let enc = crate::decode::encoding_for_label(label.trim()).ok()?;
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        },
    )
}

/// The `name=value` pairs of a tag's attribute text (values quoted or not;
/// an attribute without a value has an empty one).
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if name_len == 0 {
            return out;
        }
        let name = rest[..name_len].to_string();
        rest = rest[name_len..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, used) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let v = &after[1..];
                let end = v.find(q).unwrap_or(v.len());
                (&v[..end], 1 + (end + 1).min(v.len()))
            }
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (after[..end].trim_end_matches('/'), end)
            }
        };
        out.push((name, value.to_string()));
        rest = &after[used..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv_are_read() {
        let d = |s: &str| declared(s.as_bytes()).map(|e| e.name());
        assert_eq!(
            d("<html><head><meta charset=\"windows-1256\">"),
            Some("windows-1256")
        );
        assert_eq!(d("<meta charset=UTF-8/>"), Some("UTF-8"));
        assert_eq!(
            d("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">"),
            Some("windows-1256")
        );
        assert_eq!(
            d("<meta content='text/html;charset=iso-8859-6' http-equiv='content-type'>"),
            Some("ISO-8859-6")
        );
        assert_eq!(
            d("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"cp1256\">"),
            Some("windows-1256")
        );
        assert_eq!(d("<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(
            d("<meta name=\"description\" content=\"charset=koi8-r\">"),
            None
        );
        assert_eq!(d("<meta charset=\"klingon\">"), None);
        assert_eq!(d("<metadata charset=\"koi8-r\">"), None);
    }

    #[test]
    fn declared_windows_1256_decodes_and_utf8_bytes_win() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><p>زار الوزير بغداد</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
        let d = decode_html(&bytes, None).unwrap();
        assert_eq!(
            (d.encoding.as_str(), d.text.as_str()),
            ("windows-1256", page)
        );
        // the same declaration over UTF-8 bytes: the bytes win
        let d = decode_html(page.as_bytes(), None).unwrap();
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("utf-8", page));
    }
}
