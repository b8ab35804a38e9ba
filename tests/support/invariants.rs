//! The properties every loaded article, layout, annotations file and re-anchored highlight must
//! have, whatever the input: shared by the proptest suite (tests/properties.rs) and the
//! cargo-fuzz targets (fuzz/), which include this file by path so both check exactly the same
//! thing.
//!
//! Each check returns the first broken property as a message instead of panicking, so a
//! proptest can shrink on it and a fuzz target can show it.

use std::path::Path;

use folio::article::sanitize::is_unsafe;
use folio::article::{Article, BlockKind, Format, Parsed, RawBlock, build};
use folio::highlights::anchor::target_for;
use folio::highlights::reanchor::place_all;
use folio::highlights::{AnchorStatus, Store};
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
/// boundaries, the text shown (a line's range, or the pieces of a table's line) comes in order,
/// only whitespace (and a table's borders) falls between, so every other character is shown
/// exactly once, and no line is wider than the width, indent and quote bar included.
pub fn check_layout(article: &Article, layout: &Layout) -> Result<(), String> {
    let text = &article.text;
    let offsets = char_offsets(text);
    // What each line shows: (bytes, chars, line number, whether a table's border may be
    // skipped before it).
    let mut shown = Vec::new();
    // The layout is lazy: wrap every block, then walk all the lines.
    layout.advance(usize::MAX);
    for (i, line) in layout.lines(0..layout.len()).iter().enumerate() {
        check_range(&format!("line {i}"), &offsets, &line.bytes, &line.chars)?;
        let body = &text[line.bytes.clone()];
        if line.kind == LineKind::Gap && !body.is_empty() {
            return Err(format!("gap line {i} shows {body:?}"));
        }
        let bar = if line.quote { 2 } else { 0 };
        let drawn = match &line.table {
            None => {
                shown.push((line.bytes.clone(), line.chars.clone(), i, false));
                display_width(body)
            }
            Some(table) => {
                for piece in &table.pieces {
                    check_range(&format!("line {i}"), &offsets, &piece.bytes, &piece.chars)?;
                    shown.push((piece.bytes.clone(), piece.chars.clone(), i, true));
                }
                table_width(text, table)
            }
        };
        let width = usize::from(line.indent) + bar + drawn;
        if width > layout.width {
            return Err(format!(
                "line {i} {body:?} takes {width} columns, more than {}",
                layout.width
            ));
        }
    }
    shown.sort_by_key(|s| s.0.start);
    let mut previous_end = 0;
    for (bytes, chars, i, table) in shown {
        if bytes.start < previous_end {
            return Err(format!("line {i} {chars:?} overlaps what is shown before"));
        }
        let skipped = &text[previous_end..bytes.start];
        if !skipped
            .chars()
            .all(|c| c.is_whitespace() || table && c == '│')
        {
            return Err(format!("line {i}: {skipped:?} is never shown"));
        }
        previous_end = bytes.end;
    }
    let rest = &text[previous_end..];
    if !rest.chars().all(|c| c.is_whitespace() || c == '│') {
        return Err(format!("{rest:?} after the last line is never shown"));
    }
    Ok(())
}

/// Columns a table line takes: up to the end of its last piece or mark.
fn table_width(text: &str, table: &folio::layout::TableLine) -> usize {
    let pieces = table
        .pieces
        .iter()
        .map(|p| p.x + display_width(&text[p.bytes.clone()]));
    let marks = table.marks.iter().map(|m| m.x + display_width(&m.text));
    pieces.chain(marks).max().unwrap_or(0)
}

/// What `folio render` prints at `width`: no character that must not reach a terminal, and no
/// line wider than the width.
pub fn check_render(article: &Article, width: usize) -> Result<(), String> {
    let view = folio::render::View {
        furniture: folio::layout::Furniture::Show,
        ..folio::render::View::default()
    };
    let out = folio::render::render(article, width, view);
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
    let shared = std::sync::Arc::new(article.clone());
    check_layout(article, &Layout::new(&shared, width))?;
    check_render(article, width)
}

/// Where the store put a highlight on `article`: inside the text, nowhere for an orphan only,
/// and, when it claims `verified` or `moved`, on exactly the words of its quote (only `fuzzy`
/// and `review`, which the reader flags, may sit on other text).
pub fn check_placement(
    article: &Article,
    range: Option<&std::ops::Range<usize>>,
    status: AnchorStatus,
    quote: &str,
) -> Result<(), String> {
    let Some(range) = range else {
        return match status {
            AnchorStatus::Orphan => Ok(()),
            _ => Err(format!("{status} highlight of {quote:?} placed nowhere")),
        };
    };
    if status == AnchorStatus::Orphan {
        return Err(format!("orphan of {quote:?} placed at {range:?}"));
    }
    if range.start >= range.end || range.end > article.char_len {
        return Err(format!(
            "{status} highlight of {quote:?} at {range:?} in a text of {} characters",
            article.char_len
        ));
    }
    let shown = article.slice(range.clone());
    if matches!(status, AnchorStatus::Verified | AnchorStatus::Moved) && shown != quote {
        return Err(format!(
            "{status} highlight of {quote:?} shown on {shown:?}"
        ));
    }
    Ok(())
}

/// An article of plain paragraphs (blank lines part them), built without the plain-text
/// heuristics so re-anchoring can be exercised quickly.
pub fn paragraphs(text: &str) -> Article {
    let blocks = text
        .split("\n\n")
        .map(|p| RawBlock::new(BlockKind::Paragraph, p))
        .collect();
    let parsed = Parsed {
        title_hint: None,
        blocks,
    };
    build(parsed, Format::Plain, "UTF-8", "generated")
}

/// One edit of a text: `removed` characters at character `at` (both wrapped into range)
/// replaced by `inserted`.
#[derive(Clone, Debug)]
pub struct Edit {
    pub at: usize,
    pub removed: usize,
    pub inserted: String,
}

fn apply(text: &str, edit: &Edit) -> String {
    let len = text.chars().count();
    let at = edit.at % (len + 1);
    let end = (at + edit.removed).min(len);
    let mut out: String = text.chars().take(at).collect();
    out.push_str(&edit.inserted);
    out.extend(text.chars().skip(end));
    out
}

/// A highlight made on `text` at `start` (wrapped into range), `len` + 1 characters long, is
/// verified in place on the unchanged text and placed soundly after `edits`. With `forged`, a
/// copy of it claiming the edited text's hash but quoting `forged` (as a hand-edited or damaged
/// store may) is placed soundly too.
pub fn check_reanchor(
    text: &str,
    start: usize,
    len: usize,
    edits: &[Edit],
    forged: Option<&str>,
) -> Result<(), String> {
    let before = paragraphs(text);
    if before.char_len == 0 {
        return Ok(());
    }
    let start = start % before.char_len;
    let end = (start + 1 + len).min(before.char_len);
    let Ok(target) = target_for(&before, start..end) else {
        return Ok(());
    };
    let same = &place_all([&target], &before)[0];
    if same.range != Some(start..end) || same.status != AnchorStatus::Verified {
        return Err(format!(
            "on the unchanged text: {same:?}, not verified at {start}..{end}"
        ));
    }
    let edited = edits.iter().fold(before.text.clone(), |t, e| apply(&t, e));
    let after = paragraphs(&edited);
    let mut targets = vec![target.clone()];
    if let Some(forged) = forged {
        let mut lie = target;
        lie.quote.exact = forged.to_string();
        lie.text_hash = after.text_hash.clone();
        targets.push(lie);
    }
    for (t, placed) in targets.iter().zip(place_all(&targets, &after)) {
        check_placement(&after, placed.range.as_ref(), placed.status, &t.quote.exact)
            .map_err(|broken| format!("{broken} (edited text {edited:?})"))?;
    }
    Ok(())
}

/// Whether the bytes at least claim to be a store: JSON with our `format` and a version.
fn claims_to_be_a_store(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes).is_ok_and(|v| {
        v.get("format").and_then(|f| f.as_str()) == Some("folio-annotations")
            && v.get("schema_version")
                .is_some_and(serde_json::Value::is_u64)
    })
}

/// Opens `data` as the annotations file `path` (in a folder with no backups): no panic, the
/// file is never rewritten, a damaged file never opens as a writable store, and every stored
/// highlight placed on `article` is placed soundly.
pub fn check_store_open(path: &Path, data: &[u8], article: &Article) -> Result<(), String> {
    std::fs::write(path, data).map_err(|e| format!("writing {}: {e}", path.display()))?;
    let Ok((store, _warnings)) = Store::open(path) else {
        return Ok(());
    };
    if std::fs::read(path).ok().as_deref() != Some(data) {
        return Err("opening the store rewrote its file".into());
    }
    if store.read_only().is_none() && !claims_to_be_a_store(data) {
        return Err("a damaged file opened as a writable store".into());
    }
    for (key, _) in store.documents() {
        for hl in store.resolve(&key, article) {
            check_placement(article, hl.range.as_ref(), hl.status, &hl.quote)?;
        }
    }
    Ok(())
}
