//! The README's screenshot: a frame of the reader drawn on a `TestBackend` and written as SVG,
//! so the picture is made by the program itself. The test fails when the committed picture no
//! longer matches what folio draws; `FOLIO_UPDATE_SCREENSHOT=1 cargo test screenshot` redraws it.

use std::fmt::Write;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::article::Article;
use crate::tui::ui::{draw, theme::Theme};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const BACKGROUND: &str = "#1e1f24";
const FOREGROUND: &str = "#d8d8d2";

#[test]
fn screenshot_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = Article::open(&root.join("assets/articles/harbour-ferries-web-dump.txt"))
        .expect("sample article");
    let size = (110, 32);
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    let mut reader = Reader::new(article, None, 0, 80);
    // As a user sees it: page furniture as the default config treats it.
    let furniture = crate::config::Config::default().reader.furniture;
    reader.lay_out(80, crate::layout::Folds::new(furniture));
    model.reader = Some(reader);
    update(&mut model, Msg::Resize(size.0, size.1));
    for key in ["]", "]"] {
        update(&mut model, Msg::Key(key_event(key)));
    }
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    terminal
        .draw(|f| draw(f, &model, &Theme::new(true)))
        .expect("draw");
    let svg = to_svg(terminal.backend().buffer());

    let path = root.join("assets/screenshot.svg");
    if std::env::var_os("FOLIO_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(&path, &svg).expect("write screenshot");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == svg,
        "assets/screenshot.svg is out of date; redraw it with `FOLIO_UPDATE_SCREENSHOT=1 cargo test screenshot`"
    );
}

/// The buffer as SVG: one rectangle per background run, one text element per cell run of the
/// same style (wide characters placed on their own, so fonts cannot shift the grid).
fn to_svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" viewBox="0 0 {:.0} {:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f32::from(w) * CELL_W + 16.0,
        f32::from(h) * CELL_H + 16.0,
        f32::from(w) * CELL_W + 16.0,
        f32::from(h) * CELL_H + 16.0,
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" rx="6" fill="{BACKGROUND}"/>"#
    );
    let _ = writeln!(
        out,
        r#"<g transform="translate(8 8)" xml:space="preserve">"#
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let (fg, bg) = colours(cell.fg, cell.bg, cell.modifier);
            let (text, end) = run(buf, x, y);
            let (px, py) = (f32::from(x) * CELL_W, f32::from(y) * CELL_H);
            let cells = f32::from(end - x);
            if bg != BACKGROUND {
                let _ = writeln!(
                    out,
                    r#"<rect x="{px:.1}" y="{py:.1}" width="{:.1}" height="{CELL_H:.1}" fill="{bg}"/>"#,
                    cells * CELL_W
                );
            }
            if !text.trim().is_empty() {
                let mut attrs = format!(r#"x="{px:.1}" y="{:.1}" fill="{fg}""#, py + CELL_H * 0.75);
                attrs.push_str(&text_attributes(cell.modifier));
                let _ = writeln!(
                    out,
                    r#"<text {attrs} textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
                    cells * CELL_W,
                    escape(&text)
                );
            }
            x = end;
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The run of cells from `(x, y)` drawn as one piece of text: a wide character alone, or
/// narrow cells with the same look. Its text, and the column after it.
fn run(buf: &Buffer, x: u16, y: u16) -> (String, u16) {
    let cell = &buf[(x, y)];
    let symbol = cell.symbol();
    let wide = crate::layout::display_width(symbol) > 1;
    let mut text = String::from(symbol);
    let mut end = x + if wide { 2 } else { 1 };
    while !wide && end < buf.area.width {
        let next = &buf[(end, y)];
        if next.fg != cell.fg
            || next.bg != cell.bg
            || next.modifier != cell.modifier
            || crate::layout::display_width(next.symbol()) > 1
        {
            break;
        }
        text.push_str(next.symbol());
        end += 1;
    }
    (text, end)
}

/// The SVG attributes for a cell's bold, italic, dim and underline.
fn text_attributes(modifier: Modifier) -> String {
    let mut attrs = String::new();
    if modifier.contains(Modifier::BOLD) {
        attrs.push_str(r#" font-weight="bold""#);
    }
    if modifier.contains(Modifier::ITALIC) {
        attrs.push_str(r#" font-style="italic""#);
    }
    if modifier.contains(Modifier::DIM) {
        attrs.push_str(r#" opacity="0.55""#);
    }
    if modifier.contains(Modifier::UNDERLINED) {
        attrs.push_str(r#" text-decoration="underline""#);
    }
    attrs
}

fn colours(fg: Color, bg: Color, modifier: Modifier) -> (String, String) {
    let fg = hex(fg).unwrap_or(FOREGROUND).to_string();
    let bg = hex(bg).unwrap_or(BACKGROUND).to_string();
    if modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// A palette close to common terminal defaults.
fn hex(color: Color) -> Option<&'static str> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => "#1e1f24",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#6b7080",
        Color::LightRed => "#f08890",
        Color::LightGreen => "#b5e0a0",
        Color::LightYellow => "#f0d8a0",
        Color::LightBlue => "#8cc8ff",
        Color::LightMagenta => "#dda0f0",
        Color::LightCyan => "#8ee0e8",
        Color::White => "#f0f0ea",
        _ => "#d8d8d2",
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
