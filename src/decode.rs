//! Bytes to text: encoding detection and decoding, binary refusal, line endings.
//!
//! Order of decisions: an explicit encoding wins; then a BOM (UTF-8,
//! UTF-16 LE/BE); then a guard for BOM-less UTF-16 (many NULs on one byte
//! parity); then NUL bytes mean binary; then valid UTF-8, or UTF-8 with a
//! few malformed sequences (decoded with replacement characters); then
//! chardetng (restricted to the legacy encodings real Arabic archives use).
//! Line endings are unified to `\n` (CRLF and lone CR), the way Python's
//! text mode reads a file, so offsets agree with `open(path).read()`.

use encoding_rs::Encoding;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("binary file (NUL bytes), not text")]
    Binary,
    #[error("unknown encoding '{0}'")]
    UnknownEncoding(String),
    #[error("not valid {0}: {1} malformed byte sequences")]
    Malformed(&'static str, usize),
}

/// A decoded text and the encoding it was decoded from.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used, lowercase (`utf-8`, `utf-16le`, `windows-1256`...).
    pub encoding: String,
    /// True when the file started with a byte order mark (excluded from the text).
    pub bom: bool,
    /// Number of replacement characters inserted for malformed sequences.
    pub replacements: usize,
}

/// Look up an encoding label (`utf-8`, `cp1256`, `windows-1256`, `iso-8859-6`, `utf-16le`...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    let l = label.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "cp1256" | "1256" | "arabic" => "windows-1256",
        "utf16le" | "utf-16-le" => "utf-16le",
        "utf16be" | "utf-16-be" => "utf-16be",
        "utf8" => "utf-8",
        other => other,
    };
    Encoding::for_label(l.as_bytes()).ok_or_else(|| DecodeError::UnknownEncoding(label.to_string()))
}

/// Decode bytes, detecting the encoding unless `forced` is given.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(enc) = forced {
        let (bytes, bom) = strip_bom_for(bytes, enc);
        return Ok(finish(bytes, enc, bom));
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return Ok(finish(&bytes[len..], enc, true));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return Ok(finish(bytes, enc, false));
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::Binary);
    }
    // (vectorized validation: most input is valid UTF-8, nearly all of it
    // two-byte Arabic letters, where the standard library's check is slow)
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // what `finish` gives valid UTF-8, without decoding it again
        return Ok(Decoded {
            text: unify_line_endings(text),
            encoding: "utf-8".to_string(),
            bom: false,
            replacements: 0,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(finish(bytes, encoding_rs::UTF_8, false));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(Some(b"ar"), true);
    // chardetng may answer a non-Arabic legacy encoding for short inputs;
    // between the Arabic ones, prefer what it says, else windows-1256.
    let enc = if guess == encoding_rs::ISO_8859_6 || guess == encoding_rs::WINDOWS_1256 {
        guess
    } else if looks_like_iso_8859_6(bytes) {
        encoding_rs::ISO_8859_6
    } else if guess == encoding_rs::UTF_8 || is_cjk_or_unlikely(guess) {
        encoding_rs::WINDOWS_1256
    } else {
        guess
    };
    Ok(finish(bytes, enc, false))
}

/// UTF-8 with a few malformed sequences (a file cut inside its last
/// character, a stray byte) reads better as UTF-8 with replacement
/// characters than as a legacy encoding, which would garble every letter.
/// Legacy Arabic text is full of malformed UTF-8 (letters are lead bytes
/// followed by lead bytes), so it never passes the 1-in-20 bar.
fn mostly_utf8(bytes: &[u8]) -> bool {
    // only the last character is cut short
    let cut_tail = matches!(std::str::from_utf8(bytes), Err(e) if e.error_len().is_none());
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if cut_tail {
        good > 0
    } else {
        good >= 20 * bad
    }
}

fn is_cjk_or_unlikely(enc: &'static Encoding) -> bool {
    [
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::ISO_2022_JP,
        encoding_rs::WINDOWS_1252,
        encoding_rs::WINDOWS_1255,
        encoding_rs::ISO_8859_8,
    ]
    .contains(&enc)
}

/// ISO-8859-6 puts Arabic letters in 0xC1..=0xDA and 0xE0..=0xF2 and leaves
/// 0x80..=0x9F unused; windows-1256 uses 0x80..=0x9F for letters too.
fn looks_like_iso_8859_6(bytes: &[u8]) -> bool {
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    if high.is_empty() {
        return false;
    }
    let in_range = high
        .iter()
        .filter(|&&b| {
            (0xC1..=0xDA).contains(&b)
                || (0xE0..=0xF2).contains(&b)
                || b == 0xAC
                || b == 0xBB
                || b == 0xBF
                || b == 0xA0
        })
        .count();
    let c1 = high.iter().filter(|&&b| b < 0xA0).count();
    c1 == 0 && in_range * 100 >= high.len() * 98
}

fn strip_bom_for<'a>(bytes: &'a [u8], enc: &'static Encoding) -> (&'a [u8], bool) {
    match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (&bytes[len..], true),
        _ => (bytes, false),
    }
}

/// BOM-less UTF-16: ASCII and Arabic text in UTF-16 has a NUL or a 0x06 in
/// one byte of most code units. Decide by counting per parity.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let n = bytes.len() / 2;
    let sample = n.min(4096);
    let (mut even_hi, mut odd_hi) = (0usize, 0usize);
    for i in 0..sample {
        let (a, b) = (bytes[2 * i], bytes[2 * i + 1]);
        // "high" byte of a code unit typical of Latin/Arabic text
        if a == 0 || a == 0x06 || a == 0x20 && b != 0x20 {
            even_hi += 1;
        }
        if b == 0 || b == 0x06 {
            odd_hi += 1;
        }
    }
    let threshold = sample * 7 / 10;
    let zeros = bytes.iter().take(sample * 2).filter(|b| **b == 0).count();
    if zeros == 0 {
        return None;
    }
    if odd_hi >= threshold && odd_hi > even_hi {
        Some(encoding_rs::UTF_16LE)
    } else if even_hi >= threshold && even_hi > odd_hi {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn finish(bytes: &[u8], enc: &'static Encoding, bom: bool) -> Decoded {
    let (cow, _) = enc.decode_without_bom_handling(bytes);
    let replacements = if enc == encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_ok() {
        0
    } else {
        cow.chars().filter(|c| *c == '\u{FFFD}').count()
    };
    let text = unify_line_endings(&cow);
    Decoded {
        text,
        encoding: enc.name().to_ascii_lowercase(),
        bom,
        replacements,
    }
}

/// CRLF and lone CR become LF.
/// The characters of `text`: `text.chars().collect()`, with the vector
/// sized exactly first (a vectorized count) and fast paths for one- and
/// two-byte characters (ASCII, Arabic letters).
pub fn chars_of(text: &str) -> Vec<char> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.chars().count());
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            out.push(x as char);
            i += 1;
        } else if let (0xC0..=0xDF, Some(&y)) = (x, b.get(i + 1)) {
            // valid UTF-8: a two-byte lead byte and its continuation byte
            let cp = (x as u32 & 0x1F) << 6 | (y as u32 & 0x3F);
            out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
            i += 2;
        } else {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

pub fn unify_line_endings(s: &str) -> String {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn chars_of_is_the_chars() {
        for text in [
            "",
            "abc",
            "مصر والعراق",
            "é ü ß",
            "€ 中文 𝄞 🙂",
            "a\u{7ff}\u{800}\u{ffff}\u{10000}z",
        ] {
            assert_eq!(
                super::chars_of(text),
                text.chars().collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    use super::*;

    const AR: &str = "زار الرئيس العراقي دمشق اليوم.\nوبحث الجانبان العلاقات الثنائية بين البلدين.";

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode(AR.as_bytes(), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str(), d.bom),
            (AR, "utf-8", false)
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(AR.as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!((d.text.as_str(), d.bom), (AR, true));
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            let b = if le { u.to_le_bytes() } else { u.to_be_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode(&utf16(AR, true, true), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (AR, "utf-16le"));
        let d = decode(&utf16(AR, false, true), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (AR, "utf-16be"));
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let d = decode(&utf16(AR, true, false), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (AR, "utf-16le"));
        let d = decode(&utf16(AR, false, false), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (AR, "utf-16be"));
    }

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(AR);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, AR);
    }

    #[test]
    fn iso_8859_6_is_detected() {
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(AR);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "iso-8859-6");
        assert_eq!(d.text, AR);
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(AR);
        let enc = encoding_for_label("cp1256").unwrap();
        assert_eq!(decode(&bytes, Some(enc)).unwrap().text, AR);
        assert!(encoding_for_label("klingon").is_err());
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        let d = decode("أ\r\nب\rج\n".as_bytes(), None).unwrap();
        assert_eq!(d.text, "أ\nب\nج\n");
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        // cut inside the last character
        let b = AR.as_bytes();
        let d = decode(&b[..b.len() - 1], None).unwrap();
        assert_eq!(d.encoding, "utf-8");
        let cut = &AR[..AR.len() - 1]; // the final '.' is ASCII
        let d = decode(&cut.as_bytes()[..cut.len() - 1], None).unwrap();
        assert_eq!((d.encoding.as_str(), d.replacements), ("utf-8", 1));
        // one stray legacy byte in a long UTF-8 text
        let mut b = AR.as_bytes().to_vec();
        b.insert(7, 0xE1); // after "زار "
        let d = decode(&b, None).unwrap();
        assert_eq!((d.encoding.as_str(), d.replacements), ("utf-8", 1));
        // windows-1256 stays windows-1256
        let (w, _, _) = encoding_rs::WINDOWS_1256.encode(AR);
        assert_eq!(decode(&w, None).unwrap().encoding, "windows-1256");
    }

    #[test]
    fn binary_is_refused() {
        let bytes = [
            0x7F, b'E', b'L', b'F', 0, 0, 0, 1, 2, 3, 0, 0xFF, 0xFE, 0x13,
        ];
        assert_eq!(decode(&bytes, None).unwrap_err(), DecodeError::Binary);
    }
}
