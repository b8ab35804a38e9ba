//! Issue 16: links in the reader pane wrapped cell by cell in OSC 8 hyperlinks after a frame
//! is drawn, the rest of the text untouched, and nothing marked under an overlay.

use super::frames::frame;
use super::rich_frames::{cells_of, rich_model};
use crate::tui::hyperlink::CLOSE;
use crate::tui::ui::hyperlinks::mark;

const OPEN: &str = "\x1b]8;id=folio-";

#[test]
fn hyperlinks_wrap_each_cell_of_a_link_even_where_it_wraps() {
    for size in [(120, 40), (50, 20)] {
        let m = rich_model(size);
        let mut buf = frame(&m);
        let link = cells_of(
            &buf,
            &m,
            "a link that runs on across several words of the line",
        );
        let plain = cells_of(&buf, &m, "Opening words");
        mark(&m, &mut buf);
        for &(x, y) in &link {
            let symbol = buf[(x, y)].symbol();
            let url = symbol
                .strip_prefix(OPEN)
                .and_then(|s| s.strip_suffix(CLOSE))
                .unwrap_or_else(|| panic!("({x}, {y}): {symbol:?}"));
            assert!(url.contains(";https://example.org/long\x1b\\"), "{url:?}");
        }
        for &(x, y) in &plain {
            assert!(!buf[(x, y)].symbol().contains('\x1b'), "({x}, {y})");
        }
    }
}

#[test]
fn hyperlinks_are_not_laid_under_an_overlay() {
    let mut m = rich_model((120, 40));
    m.help = Some(0);
    let mut buf = frame(&m);
    let before = buf.clone();
    mark(&m, &mut buf);
    assert_eq!(buf, before);
}
