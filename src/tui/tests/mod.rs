//! Shared test helpers for the TUI: articles built from short strings, models around them.

use crate::article::{Article, BlockKind, Format, Parsed, RawBlock, build};

use super::keymap::Keymap;
use super::model::{Library, LibraryEntry, Model, Reader};
use super::protocol::Msg;
use super::update::update;

/// An article from one string per block: "# x" is a heading of level 1, "## x" level 2, "> x"
/// a quote, "- x" a list item, "    x" code, "~ x" page furniture, anything else a paragraph.
pub fn article_of(blocks: &[&str]) -> Article {
    let raw = blocks
        .iter()
        .map(|b| {
            let hashes = b.chars().take_while(|&c| c == '#').count();
            if hashes > 0 {
                RawBlock::new(
                    BlockKind::Heading {
                        level: hashes as u8,
                    },
                    b[hashes..].trim(),
                )
            } else if let Some(q) = b.strip_prefix("> ") {
                RawBlock::new(BlockKind::Quote, q)
            } else if let Some(item) = b.strip_prefix("- ") {
                RawBlock::new(BlockKind::ListItem { depth: 0 }, format!("• {item}"))
            } else if let Some(code) = b.strip_prefix("    ") {
                RawBlock::new(BlockKind::Code, code)
            } else if let Some(chrome) = b.strip_prefix("~ ") {
                RawBlock::new(BlockKind::Chrome, chrome)
            } else {
                RawBlock::new(BlockKind::Paragraph, *b)
            }
        })
        .collect();
    build(
        Parsed {
            title_hint: None,
            blocks: raw,
        },
        Format::Markdown,
        "UTF-8",
        "fixture",
    )
}

/// A reader on such an article, laid out `width` columns wide.
pub fn reader_for(blocks: &[&str], width: usize) -> Reader {
    Reader::new(article_of(blocks), None, 0, width)
}

/// A model of `size` reading such an article, in colour.
pub fn model_for(blocks: &[&str], size: (u16, u16)) -> Model {
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    model.reader = Some(Reader::new(article_of(blocks), None, 0, 80));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

mod beginning;
mod code_frames;
mod disk;
mod frames;
mod furniture;
mod highlight_frames;
mod highlights;
mod hyperlink_frames;
mod library_notes;
mod looks;
mod navigation;
mod overlay;
mod rich_frames;
mod roles;
mod screenshot;
mod searching;
mod table_frames;
mod tags;
mod unsaved;
mod update;
mod work;

/// A key event for a key written as in the keymap ("j", "G", "ctrl-d", "Enter", "Esc").
pub fn key_event(spec: &str) -> ratatui::crossterm::event::KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (ctrl, rest) = match spec.strip_prefix("ctrl-") {
        Some(rest) => (true, rest),
        None => (false, spec),
    };
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageDown" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        _ => KeyCode::Char(rest.chars().next().expect("a key")),
    };
    let mut modifiers = KeyModifiers::NONE;
    if ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if rest.chars().count() == 1 && rest.chars().all(char::is_uppercase) {
        modifiers |= KeyModifiers::SHIFT;
    }
    KeyEvent::new(code, modifiers)
}

/// A mouse event of `kind` at `(column, row)`.
pub fn mouse(
    model: &mut Model,
    kind: ratatui::crossterm::event::MouseEventKind,
    column: u16,
    row: u16,
) {
    let event = ratatui::crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    };
    update(model, Msg::Mouse(event));
}

/// Presses each key in turn; returns the effects of the last.
pub fn press(model: &mut Model, keys: &[&str]) -> Vec<super::protocol::Effect> {
    let mut effects = Vec::new();
    for k in keys {
        effects = update(model, Msg::Key(key_event(k)));
    }
    effects
}

/// Types `text` one character at a time.
pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        let spec = c.to_string();
        press(model, &[&spec]);
    }
}

/// A long article: a title, then `sections` sections of `paragraphs` paragraphs each, the
/// second section with two subsections. Paragraph n of section s reads "s.n lorem ...".
pub fn long_article_blocks(sections: usize, paragraphs: usize) -> Vec<String> {
    let mut blocks = vec!["# The Long Title".to_string()];
    for s in 1..=sections {
        blocks.push(format!("## Section {s}"));
        for n in 1..=paragraphs {
            blocks.push(format!(
                "{s}.{n} lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod \
                 tempor incididunt ut labore et dolore magna aliqua."
            ));
            if s == 2 && n == paragraphs / 2 {
                blocks.push(format!("### Part {s}a"));
            }
        }
        if s == 2 {
            blocks.push(format!("### Part {s}b"));
            blocks.push("A needle in the haystack.".into());
        }
    }
    blocks
}

/// A model reading [`long_article_blocks`].
pub fn long_model(size: (u16, u16)) -> Model {
    let blocks = long_article_blocks(6, 8);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    model_for(&refs, size)
}

/// The open reader of a model.
pub fn reader(model: &Model) -> &Reader {
    model.reader.as_ref().expect("an article is open")
}

/// Searches for `query` as a user would: `/`, the query, Enter.
pub fn search_for(model: &mut Model, query: &str) {
    press(model, &["/"]);
    type_text(model, query);
    press(model, &["Enter"]);
}

/// A library entry for a made-up Markdown file.
pub fn entry(title: &str) -> LibraryEntry {
    LibraryEntry {
        path: format!("/articles/{title}.md").into(),
        title: title.into(),
        format: "markdown".into(),
        chars: 1000,
        progress: None,
        id: None,
        highlights: Some(0),
    }
}

/// A model showing a library of three articles.
pub fn library_model() -> Model {
    let keymap = crate::tui::keymap::Keymap::defaults().unwrap();
    let mut model = Model::new(keymap, 80, (80, 24));
    let entries = vec![entry("Zebra stripes"), entry("TikTok exodus"), entry("Tea")];
    model.library = Some(Library {
        shown: (0..entries.len()).collect(),
        entries,
        ..Library::default()
    });
    model
}

/// The open article as effects carry it.
pub fn shared(model: &Model) -> crate::tui::protocol::Shared {
    crate::tui::protocol::Shared(reader(model).article.clone())
}
