//! Styles for everything the reader draws, in colour or (under `NO_COLOR`) with bold,
//! underline, reverse and dim only.

use ratatui::style::{Color, Modifier, Style};

use crate::article::{BlockKind, Style as Markup};
use crate::config;
use crate::syntax::Class;

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
    /// Highlights, one style per colour in the order of [`crate::highlights::Color::ALL`].
    pub highlights: [Style; 5],
    /// Added to a highlight whose place is doubtful (fuzzy or review).
    pub flagged: Style,
    pub selection: Style,
    pub cursor: Style,
    /// The gutter mark beside a highlight with a note.
    pub note_mark: Style,
    /// Inline markup, patched over the block's style: strong, emphasis, struck, code, link.
    pub strong: Style,
    pub emphasis: Style,
    pub strike: Style,
    pub inline_code: Style,
    pub link: Style,
    /// Syntax colours of code in a named language, one per [`Class`] in the order of
    /// [`Class::ALL`]; `None` without colours, when code keeps its plain look.
    pub syntax: Option<[Style; Class::ALL.len()]>,
}

/// Bold, dim, reversed, underlined and italic text, the looks both themes build on.
const ATTRIBUTES: [Style; 5] = [
    Style::new().add_modifier(Modifier::BOLD),
    Style::new().add_modifier(Modifier::DIM),
    Style::new().add_modifier(Modifier::REVERSED),
    Style::new().add_modifier(Modifier::UNDERLINED),
    Style::new().add_modifier(Modifier::ITALIC),
];

impl Theme {
    /// The default colours, or none at all when `color` is false.
    pub fn new(color: bool) -> Theme {
        Theme::from_config(&config::Theme::default(), color)
    }

    /// The colours of the config's `[colors]` table, or (when `color` is false, as under
    /// `NO_COLOR`) bold, underline, italic, reverse and dim instead.
    pub fn from_config(colors: &config::Theme, color: bool) -> Theme {
        let plain = Theme::plain();
        if color {
            Theme::colored(colors, plain)
        } else {
            plain
        }
    }

    /// Text attributes only. Without colours, underline means a highlight and reverse a
    /// search match (as in less), so headings are only bold: a highlighted heading then looks
    /// highlighted.
    fn plain() -> Theme {
        let [bold, dim, reverse, underline, italic] = ATTRIBUTES;
        Theme {
            title: bold,
            heading_1: bold,
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
            search_match: reverse,
            search_current: reverse.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected_row: reverse,
            dim,
            highlights: [underline; 5],
            flagged: Style::new()
                .add_modifier(Modifier::ITALIC)
                .add_modifier(Modifier::DIM),
            selection: reverse.add_modifier(Modifier::ITALIC),
            cursor: underline.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            note_mark: bold,
            // Without colours every style is an attribute: code is dim (no prose is), a link
            // underlined and bold so it differs from a highlight's plain underline.
            strong: bold,
            emphasis: italic,
            strike: Style::new().add_modifier(Modifier::CROSSED_OUT),
            inline_code: dim,
            link: underline.add_modifier(Modifier::BOLD),
            syntax: None,
        }
    }

    /// The colours of `colors` over the attributes of `plain`.
    fn colored(colors: &config::Theme, plain: Theme) -> Theme {
        let [bold, dim, reverse, underline, italic] = ATTRIBUTES;
        let fg = |c: config::Color| Style::new().fg(to_ratatui(c));
        let bar = Style::new().bg(Color::Indexed(236)).fg(Color::Gray);
        Theme {
            title: bold.patch(fg(colors.heading)),
            heading_1: bold
                .add_modifier(Modifier::UNDERLINED)
                .patch(fg(colors.heading)),
            heading: bold.patch(fg(colors.heading)),
            quote: italic.patch(fg(colors.quote)),
            quote_bar: fg(colors.chrome),
            code: fg(colors.code),
            chrome: dim.patch(fg(colors.chrome)),
            rule: fg(colors.chrome),
            border: fg(colors.chrome),
            outline_current: bold.patch(fg(colors.outline_current)),
            outline_cursor: Style::new().bg(Color::DarkGray).fg(Color::White),
            status: bar,
            status_key: bar.fg(to_ratatui(colors.heading)),
            // Matches are underlined on their own background (no highlight colour's), and the
            // current one is that reversed and bold: three looks no highlight has.
            search_match: underline
                .bg(to_ratatui(colors.search_match))
                .fg(Color::Black),
            search_current: underline
                .bg(to_ratatui(colors.search_match))
                .fg(Color::Black)
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_row: Style::new().bg(Color::DarkGray).fg(Color::White),
            highlights: [
                (Color::Yellow, Color::Black),
                (Color::Green, Color::Black),
                (Color::LightBlue, Color::Black),
                (Color::LightMagenta, Color::Black),
                (Color::Magenta, Color::White),
            ]
            .map(|(bg, fg)| Style::new().bg(bg).fg(fg)),
            // A dotted look is not in every terminal; underlined italics are.
            flagged: underline.add_modifier(Modifier::ITALIC),
            selection: Style::new().bg(Color::Blue).fg(Color::White),
            cursor: reverse.add_modifier(Modifier::BOLD),
            note_mark: bold.patch(fg(colors.heading)),
            inline_code: Style::new().bg(Color::Indexed(236)).patch(fg(colors.code)),
            link: underline.fg(Color::LightBlue),
            syntax: Some(syntax_colors(colors)),
            ..plain
        }
    }

    /// How inline markup looks over the block's own style. Superscript and subscript have
    /// no look a terminal can give; their text shows as it is.
    pub fn markup(&self, markup: Markup) -> Style {
        match markup {
            Markup::Strong => self.strong,
            Markup::Emphasis => self.emphasis,
            Markup::Strike => self.strike,
            Markup::Code => self.inline_code,
            Markup::Link => self.link,
            Markup::Superscript | Markup::Subscript => Style::new(),
        }
    }

    /// How text of a block kind looks.
    pub fn block(&self, kind: BlockKind) -> Style {
        match kind {
            BlockKind::Heading { level: 1 } => self.heading_1,
            BlockKind::Heading { .. } => self.heading,
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Table => self.paragraph,
            BlockKind::Quote => self.quote,
            BlockKind::Code => self.code,
            BlockKind::Chrome => self.chrome,
            BlockKind::Rule => self.rule,
        }
    }
}

/// Looks of code classes. Strings and comments take the quote and chrome colours of the
/// `[colors]` table; the rest are named terminal colours, which follow the terminal's own
/// palette (light or dark) and differ from the code's own colour.
fn syntax_colors(colors: &config::Theme) -> [Style; Class::ALL.len()] {
    let fg = |c: Color| Style::new().fg(c);
    Class::ALL.map(|class| match class {
        Class::Keyword => fg(Color::LightMagenta),
        Class::Type => fg(Color::LightCyan),
        Class::Function => fg(Color::LightBlue),
        Class::String => fg(to_ratatui(colors.quote)),
        Class::Number => fg(Color::LightRed),
        Class::Comment => fg(to_ratatui(colors.chrome)).add_modifier(Modifier::ITALIC),
    })
}

fn to_ratatui(color: config::Color) -> Color {
    use config::Color as C;
    match color {
        C::Default => Color::Reset,
        C::Black => Color::Black,
        C::Red => Color::Red,
        C::Green => Color::Green,
        C::Yellow => Color::Yellow,
        C::Blue => Color::Blue,
        C::Magenta => Color::Magenta,
        C::Cyan => Color::Cyan,
        C::Gray => Color::Gray,
        C::DarkGray => Color::DarkGray,
        C::LightRed => Color::LightRed,
        C::LightGreen => Color::LightGreen,
        C::LightYellow => Color::LightYellow,
        C::LightBlue => Color::LightBlue,
        C::LightMagenta => Color::LightMagenta,
        C::LightCyan => Color::LightCyan,
        C::White => Color::White,
        C::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}
