//! Where each pane sits for a screen size; shared by `update` (scroll amounts, mouse hits) and
//! `draw`, so the two never disagree.

use ratatui::layout::{Position, Rect};

/// Below this many columns or rows only a "terminal too small" line is drawn.
pub const MIN_SIZE: (u16, u16) = (20, 6);

/// Narrower than this, the outline hides itself to leave room for the text.
pub const OUTLINE_MIN_SCREEN: u16 = 60;

/// Rows the library list's column header takes.
pub const LIBRARY_HEADER_ROWS: u16 = 1;

/// The rectangles of one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    pub too_small: bool,
    pub title: Rect,
    /// The outline, including its right border, when it is shown.
    pub outline: Option<Rect>,
    /// The reader pane (or the library list).
    pub body: Rect,
    /// The text column inside the reader pane: centred, at most the configured width.
    pub text: Rect,
    pub status: Rect,
}

impl Panes {
    pub fn compute((width, height): (u16, u16), outline_wanted: bool, column_width: u16) -> Panes {
        let screen = Rect::new(0, 0, width, height);
        if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
            return Panes {
                too_small: true,
                title: screen,
                outline: None,
                body: Rect::default(),
                text: Rect::default(),
                status: Rect::default(),
            };
        }
        let title = Rect::new(0, 0, width, 1);
        let status = Rect::new(0, height - 1, width, 1);
        let main = Rect::new(0, 1, width, height - 2);
        let (outline, body) = if outline_wanted && width >= OUTLINE_MIN_SCREEN {
            let w = (width / 4).clamp(16, 40);
            (
                Some(Rect::new(0, main.y, w, main.height)),
                Rect::new(w, main.y, width - w, main.height),
            )
        } else {
            (None, main)
        };
        // A column of margin each side once there is room for it.
        let margin = if body.width >= 24 { 2 } else { 0 };
        let text_width = column_width.max(2).min(body.width - margin);
        let text = Rect::new(
            body.x + (body.width - text_width) / 2,
            body.y,
            text_width,
            body.height,
        );
        Panes {
            too_small: false,
            title,
            outline,
            body,
            text,
            status,
        }
    }

    /// Whether `(column, row)` lies in the outline.
    pub fn in_outline(&self, column: u16, row: u16) -> bool {
        self.outline
            .is_some_and(|r| r.contains(Position::new(column, row)))
    }

    /// Whether `(column, row)` lies in the reader pane (or library list).
    pub fn in_body(&self, column: u16, row: u16) -> bool {
        self.body.contains(Position::new(column, row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_get_an_outline_and_a_centred_column() {
        let p = Panes::compute((120, 40), true, 80);
        assert!(!p.too_small);
        let outline = p.outline.unwrap();
        assert_eq!(outline.width, 30);
        assert_eq!(p.body.x, 30);
        assert_eq!(p.text.width, 80);
        assert_eq!(p.text.x, 30 + 5);
        assert_eq!((p.body.height, p.status.y), (38, 39));
    }

    #[test]
    fn narrow_screens_drop_the_outline_and_the_margins() {
        let p = Panes::compute((50, 15), true, 80);
        assert!(p.outline.is_none());
        assert_eq!(p.text.width, 48);
        let p = Panes::compute((20, 6), true, 80);
        assert_eq!((p.text.width, p.text.height), (20, 4));
        assert!(Panes::compute((19, 6), true, 80).too_small);
        assert!(Panes::compute((20, 5), true, 80).too_small);
        assert!(Panes::compute((0, 0), true, 80).too_small);
    }
}
