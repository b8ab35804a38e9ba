//! The properties every loaded article and every layout must have, whatever the input: shared by
//! the proptest suite (tests/properties.rs) and the cargo-fuzz targets (fuzz/), which include
//! this file by path so both check exactly the same thing.
//!
//! Each check returns the first broken property as a message instead of panicking, so a
//! proptest can shrink on it and a fuzz target can show it.

use folio::article::Article;
use folio::article::sanitize::is_unsafe;
use folio::layout::{Layout, LineKind, display_width};

/// The first character (if any) that must never reach a terminal: anything [`is_unsafe`] but
/// the newline.
pub fn unsafe_char(text: &str) -> Option<char> {
    text.chars().find(|&c| c != '\n' && is_unsafe(c))
}

/// Fails naming the first character of `text` that must not reach a terminal.
pub fn check_clean(what: &str, text: &str) -> Result<(), String> {
    if let Some(c) = unsafe_char(text) {
        return Err(format!("{what} holds control character {c:?}: {text:?}"));
    }
    Ok(())
}

/// Character offset of every char boundary of `text`, indexed by byte (None inside a character).
fn char_offsets(text: &str) -> Vec<Option<usize>> {
    let mut offsets = vec![None; text.len() + 1];
    for (n, (byte, _)) in text.char_indices().enumerate() {
        offsets[byte] = Some(n);
    }
    offsets[text.len()] = Some(text.chars().count());
    offsets
}

/// Checks that a byte range and a character range name the same stretch of `text`.
fn check_range(
    what: &str,
    offsets: &[Option<usize>],
    bytes: &std::ops::Range<usize>,
    chars: &std::ops::Range<usize>,
) -> Result<(), String> {
    if bytes.start > bytes.end || bytes.end >= offsets.len() {
        return Err(format!("{what}: bytes {bytes:?} outside the text"));
    }
    let start = offsets[bytes.start];
    let end = offsets[bytes.end];
    if start != Some(chars.start) || end != Some(chars.end) {
        return Err(format!(
            "{what}: bytes {bytes:?} are chars {start:?}..{end:?}, not {chars:?}"
        ));
    }
    Ok(())
}

/// The model's invariants: clean text and title, a true `char_len`, blocks whose byte and
/// character ranges agree, lie on character boundaries inside the text, in order and without
/// overlap, and an outline whose entries point at the starts of their heading blocks.
pub fn check_article(article: &Article) -> Result<(), String> {
    let text = &article.text;
    check_clean("canonical text", text)?;
    check_clean("title", &article.title)?;
    let offsets = char_offsets(text);
    let char_count = offsets[text.len()].unwrap_or_default();
    if article.char_len != char_count {
        return Err(format!(
            "char_len {} but the text has {char_count} characters",
            article.char_len
        ));
    }
    let mut previous_end = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        check_range(&format!("block {i}"), &offsets, &block.bytes, &block.chars)?;
        if block.chars.start < previous_end {
            return Err(format!(
                "block {i} {:?} overlaps the one before",
                block.chars
            ));
        }
        previous_end = block.chars.end;
    }
    let mut previous_offset = 0;
    for (i, section) in article.outline.iter().enumerate() {
        let Some(block) = article.blocks.get(section.block) else {
            return Err(format!("section {i} names missing block {}", section.block));
        };
        if section.offset != block.chars.start || section.offset > char_count {
            return Err(format!(
                "section {i} at {} but its block starts at {}",
                section.offset, block.chars.start
            ));
        }
        if section.offset < previous_offset {
            return Err(format!("section {i} is out of document order"));
        }
        previous_offset = section.offset;
        check_clean("section title", &section.title)?;
    }
    Ok(())
}

/// The layout's invariants at its width: every line's ranges agree and lie on character
/// boundaries, lines come in order, only whitespace falls between them (so every other character
/// is shown exactly once, in order), and no line is wider than the width, indent and quote bar
/// included.
pub fn check_layout(article: &Article, layout: &Layout) -> Result<(), String> {
    let text = &article.text;
    let offsets = char_offsets(text);
    let mut previous_end = 0;
    for (i, line) in layout.lines.iter().enumerate() {
        check_range(&format!("line {i}"), &offsets, &line.bytes, &line.chars)?;
        if line.bytes.start < previous_end {
            return Err(format!("line {i} {:?} overlaps the one before", line.chars));
        }
        let skipped = &text[previous_end..line.bytes.start];
        if !skipped.chars().all(char::is_whitespace) {
            return Err(format!("line {i}: {skipped:?} is never shown"));
        }
        previous_end = line.bytes.end;
        let body = &text[line.bytes.clone()];
        if line.kind == LineKind::Gap && !body.is_empty() {
            return Err(format!("gap line {i} shows {body:?}"));
        }
        let bar = if line.quote { 2 } else { 0 };
        let width = usize::from(line.indent) + bar + display_width(body);
        if width > layout.width {
            return Err(format!(
                "line {i} {body:?} takes {width} columns, more than {}",
                layout.width
            ));
        }
    }
    let rest = &text[previous_end..];
    if !rest.chars().all(char::is_whitespace) {
        return Err(format!("{rest:?} after the last line is never shown"));
    }
    Ok(())
}

/// What `folio render` prints at `width`: no character that must not reach a terminal, and no
/// line wider than the width.
pub fn check_render(article: &Article, width: usize) -> Result<(), String> {
    let out = folio::render::render(article, width, false);
    check_clean("rendered output", &out)?;
    let width = width.max(folio::layout::MIN_WIDTH);
    match out.lines().find(|line| display_width(line) > width) {
        Some(line) => Err(format!("rendered line {line:?} is wider than {width}")),
        None => Ok(()),
    }
}

/// Every property of a loaded article, of its layout at `width` and of its rendering.
pub fn check_all(article: &Article, width: usize) -> Result<(), String> {
    check_article(article)?;
    check_layout(article, &Layout::new(article, width))?;
    check_render(article, width)
}
