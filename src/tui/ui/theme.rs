//! Styles for everything the reader draws, in colour or (under `NO_COLOR`) with bold,
//! underline, reverse and dim only.

use ratatui::style::{Color, Modifier, Style};

use crate::article::BlockKind;

/// Every style the panes use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading_1: Style,
    pub heading: Style,
    pub paragraph: Style,
    pub quote: Style,
    pub quote_bar: Style,
    pub code: Style,
    pub chrome: Style,
    pub rule: Style,
    pub border: Style,
    pub outline_entry: Style,
    /// The section being read.
    pub outline_current: Style,
    /// The outline's cursor while the outline has focus.
    pub outline_cursor: Style,
    pub status: Style,
    pub status_key: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub selected_row: Style,
    pub dim: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        let italic = Style::new().add_modifier(Modifier::ITALIC);
        if !color {
            return Theme {
                title: bold,
                heading_1: bold.add_modifier(Modifier::UNDERLINED),
                heading: bold,
                paragraph: Style::new(),
                quote: italic,
                quote_bar: dim,
                code: Style::new(),
                chrome: dim,
                rule: dim,
                border: dim,
                outline_entry: Style::new(),
                outline_current: bold.add_modifier(Modifier::UNDERLINED),
                outline_cursor: reverse,
                status: reverse,
                status_key: reverse.add_modifier(Modifier::BOLD),
                search_match: underline,
                search_current: reverse,
                selected_row: reverse,
                dim,
            };
        }
        Theme {
            title: bold.fg(Color::LightCyan),
            heading_1: bold
                .fg(Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
            heading: bold.fg(Color::LightYellow),
            paragraph: Style::new(),
            quote: italic.fg(Color::Gray),
            quote_bar: Style::new().fg(Color::DarkGray),
            code: Style::new().fg(Color::LightGreen),
            chrome: dim.fg(Color::DarkGray),
            rule: Style::new().fg(Color::DarkGray),
            border: Style::new().fg(Color::DarkGray),
            outline_entry: Style::new().fg(Color::Gray),
            outline_current: bold.fg(Color::LightYellow),
            outline_cursor: Style::new().bg(Color::DarkGray).fg(Color::White),
            status: Style::new().bg(Color::Indexed(236)).fg(Color::Gray),
            status_key: Style::new().bg(Color::Indexed(236)).fg(Color::LightCyan),
            search_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            search_current: Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected_row: Style::new().bg(Color::DarkGray).fg(Color::White),
            dim,
        }
    }

    /// How text of a block kind looks.
    pub fn block(&self, kind: BlockKind) -> Style {
        match kind {
            BlockKind::Heading { level: 1 } => self.heading_1,
            BlockKind::Heading { .. } => self.heading,
            BlockKind::Paragraph | BlockKind::ListItem { .. } => self.paragraph,
            BlockKind::Quote => self.quote,
            BlockKind::Code | BlockKind::Table => self.code,
            BlockKind::Chrome => self.chrome,
            BlockKind::Rule => self.rule,
        }
    }
}
