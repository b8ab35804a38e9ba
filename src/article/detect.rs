//! Reading an article's bytes: refusing what is not text, finding the encoding, picking the format.

use std::path::Path;

use chardetng::{EncodingDetector, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::regular_file::{self, OpenError};

/// The formats folio reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Why an article could not be loaded. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, not an article (open it as a library: `folio {path}`)")]
    IsDirectory { path: String },
    #[error("{path}: looks like a binary file ({what}), not an article")]
    Binary { path: String, what: &'static str },
    #[error("{path}: {why}")]
    Refused { path: String, why: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Reads a file, turning the usual failures into clear errors. Only a regular file is read
/// (a FIFO or a device is refused at once, never waited on), and at most
/// [`regular_file::MAX_BYTES`] of it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let bytes = regular_file::read(path).map_err(|e| load_error(path, e))?;
    not_binary(bytes, path.display().to_string())
}

/// The clear error for a file at `path` that could not be opened or read.
pub fn load_error(path: &Path, error: OpenError) -> LoadError {
    let path = path.display().to_string();
    match error {
        OpenError::NotFound => LoadError::NotFound { path },
        OpenError::Directory => LoadError::IsDirectory { path },
        OpenError::Io(source) => LoadError::Io { path, source },
        refused => LoadError::Refused {
            path,
            why: refused.to_string(),
        },
    }
}

/// The first bytes of a file as text, cut after the last blank line among them (else the
/// last line break) so that no paragraph is cut in two: `None` unless they are UTF-8 (a BOM
/// aside) without a sign of binary data, since another encoding is only told from the whole.
pub fn utf8_beginning(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if Encoding::for_bom(bytes).is_some()
        || sniff_utf16(bytes).is_some()
        || binary_kind(bytes).is_some()
    {
        return None;
    }
    let line_ends = || (0..bytes.len()).rev().filter(|&i| bytes[i] == b'\n');
    // The end of a blank line (spaces and a `\r` count as blank) in the second half.
    let paragraph = line_ends().take_while(|&i| i > bytes.len() / 2).find(|&i| {
        let start = bytes[..i].iter().rposition(|&b| b == b'\n');
        start.is_some_and(|s| bytes[s + 1..i].iter().all(u8::is_ascii_whitespace))
    });
    let cut = paragraph.or_else(|| line_ends().next())? + 1;
    std::str::from_utf8(&bytes[..cut]).ok()
}

/// Reads standard input to its end (`folio -`, `cat f | folio`), refusing binary data as
/// [`read_file`] does.
pub fn read_stdin() -> Result<Vec<u8>, LoadError> {
    let shown = "standard input".to_string();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|e| {
        LoadError::Io {
            path: shown.clone(),
            source: e,
        }
    })?;
    not_binary(bytes, shown)
}

fn not_binary(bytes: Vec<u8>, shown: String) -> Result<Vec<u8>, LoadError> {
    if let Some(what) = binary_kind(&bytes) {
        return Err(LoadError::Binary { path: shown, what });
    }
    Ok(bytes)
}

/// Text decoded from bytes, with the encoding that was used.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes bytes: a BOM decides first, then UTF-16 by the pattern of its zero bytes, then UTF-8
/// (tolerating a few broken sequences), then chardetng's guess among legacy encodings.
/// Invalid sequences become U+FFFD; this never fails on text, only on binary data.
pub fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_len..]));
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return Ok(decode_with(encoding, bytes));
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(LoadError::Binary {
            path: "input".into(),
            what,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(decode_with(UTF_8, bytes));
    }
    let mut detector = EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    Ok(decode_with(encoding, bytes))
}

/// [`decode`] for bytes the caller hands over: UTF-8 without a BOM (the usual case) becomes
/// the text in place, so a large article is neither validated twice nor copied.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    let bytes = if Encoding::for_bom(&bytes).is_none()
        && sniff_utf16(&bytes).is_none()
        && binary_kind(&bytes).is_none()
    {
        match String::from_utf8(bytes) {
            // Valid UTF-8 is what `decode` would make of it too (`mostly_utf8` holds).
            Ok(text) => {
                return Ok(Decoded {
                    text,
                    encoding: UTF_8.name(),
                });
            }
            Err(not_utf8) => not_utf8.into_bytes(),
        }
    } else {
        bytes
    };
    decode(&bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    }
}

/// UTF-16 without a BOM shows up as zero bytes at every other position of ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if even * 10 >= pairs * 3 && odd * 20 < pairs {
        Some(UTF_16BE)
    } else if odd * 10 >= pairs * 3 && even * 20 < pairs {
        Some(UTF_16LE)
    } else {
        None
    }
}

/// True when the bytes are UTF-8, or UTF-8 with a few broken sequences in it (a file that was
/// cut or spliced), rather than some legacy encoding. Text in a legacy encoding forms far fewer
/// valid multi-byte UTF-8 sequences than broken ones (none in Latin, Greek or windows-1251
/// Cyrillic; about one per three or four in GBK, Big5, Shift_JIS, EUC-KR), so at least as many
/// valid ones as broken ones means UTF-8: an English page with three curly quotes and one bad
/// byte must not turn into mojibake (whose U+009D could then swallow the rest of the line).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    invalid == 0 || multibyte >= invalid
}

/// Names the kind of binary file the bytes look like, if they do.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"%PDF-", "PDF document"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1f\x8b", "gzip archive"),
        (b"\x7fELF", "executable"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    if Encoding::for_bom(bytes).is_some() || sniff_utf16(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    if zeros > 0 && zeros * 100 >= sample.len().max(1) || controls * 10 > sample.len().max(1) {
        Some("binary data")
    } else {
        None
    }
}

/// Picks the format from the extension, checked against the content: a page saved as `.txt`
/// that is really HTML is read as HTML; a file without a known extension is sniffed.
pub fn detect_format(path: Option<&Path>, text: &str) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let by_ext = match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn" | "mdtext" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "txt" | "text" => Some(Format::Plain),
        _ => None,
    };
    let looks_html = looks_like_html(text);
    match by_ext {
        Some(Format::Html) if !looks_html && !text.contains('<') => Format::Plain,
        Some(Format::Html) => Format::Html,
        Some(_) if looks_html => Format::Html,
        Some(format) => format,
        None if looks_html => Format::Html,
        None if looks_like_markdown(text) => Format::Markdown,
        None => Format::Plain,
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with("<head") || head.starts_with("<body") || head.starts_with("<meta"))
}

/// Markdown shows itself by ATX headings, fences, link syntax and list markers.
fn looks_like_markdown(text: &str) -> bool {
    let mut score = 0;
    for line in text.lines().take(400) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            score += 3;
        } else if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
            score += 2;
        } else if t.contains("](") && t.contains('[') {
            score += 1;
        } else if t.starts_with("- [ ] ") || t.starts_with("| ") && t.ends_with('|') {
            score += 2;
        }
    }
    score >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes()).unwrap().text, "héllo");
        let d = decode(b"\xef\xbb\xbfhi").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let text = "中文 and English";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let with_bom = [&[0xff, 0xfe][..], &le].concat();
        assert_eq!(decode(&with_bom).unwrap().text, text);
        let with_bom = [&[0xfe, 0xff][..], &be].concat();
        assert_eq!(decode(&with_bom).unwrap().text, text);
        let ascii = "plain English text in UTF-16";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let sample = "这是一篇关于电子商务和社交平台的中文文章，讨论了小红书的发展。".repeat(3);
        let (bytes, _, _) = encoding_rs::GBK.encode(&sample);
        assert_eq!(decode(&bytes).unwrap().text, sample);
        let traditional =
            "這是一篇關於電子商務和社交平台的中文文章，討論了小紅書的發展與創作者。".repeat(3);
        let (bytes, _, _) = encoding_rs::BIG5.encode(&traditional);
        assert_eq!(decode(&bytes).unwrap().text, traditional);
        let japanese = "これは日本語の文章です。東京の天気について書いています。".repeat(3);
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&japanese);
        assert_eq!(decode(&bytes).unwrap().text, japanese);
        let korean = "이것은 한국어 문장입니다. 서울의 날씨에 대해 씁니다.".repeat(3);
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(&korean);
        assert_eq!(decode(&bytes).unwrap().text, korean);
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Café crème brûlée, naïve façade — “quoted”.");
        assert_eq!(
            decode(&bytes).unwrap().text,
            "Café crème brûlée, naïve façade — “quoted”."
        );
    }

    #[test]
    fn broken_utf8_becomes_replacement_characters() {
        let mut bytes = "中文中文中文中文 text ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe\xc3");
        bytes.extend_from_slice("更多中文".as_bytes());
        let text = decode(&bytes).unwrap().text;
        assert!(text.contains('\u{fffd}'));
        assert!(text.starts_with("中文中文") && text.ends_with("更多中文"));
    }

    #[test]
    fn a_few_curly_quotes_outweigh_one_broken_byte() {
        let bytes = b"It\xe2\x80\x99s a \xe2\x80\x9cshort\xe2\x80\x9d note, \xff then the rest.";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(
            decoded.text,
            "It\u{2019}s a \u{201c}short\u{201d} note, \u{fffd} then the rest."
        );
    }

    #[test]
    fn binary_data_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(decode(b"PK\x03\x04\x14\0\0\0").is_err());
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 5, 6, 0, 0, 0, 7, 200, 0, 0, 9][..]).is_err());
        assert!(decode(b"").is_ok());
    }

    #[test]
    fn format_by_extension_and_content() {
        let p = |s: &str| Some(Path::new(s).to_path_buf());
        assert_eq!(
            detect_format(p("a.md").as_deref(), "text"),
            Format::Markdown
        );
        assert_eq!(
            detect_format(p("a.txt").as_deref(), "<!DOCTYPE html><p>x"),
            Format::Html
        );
        assert_eq!(
            detect_format(p("a.html").as_deref(), "just words"),
            Format::Plain
        );
        assert_eq!(
            detect_format(None, "# Title\n\nSome text\n\n```\ncode\n```\n"),
            Format::Markdown
        );
        assert_eq!(detect_format(None, "Just a plain note.\n"), Format::Plain);
        assert_eq!(
            detect_format(None, "<html><body>x</body></html>"),
            Format::Html
        );
    }
}
