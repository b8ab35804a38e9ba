//! Frames drawn on a `TestBackend` at 120×40, 80×24 and 30×8: what shows where, and in which
//! style (the current outline entry, search matches, NO_COLOR).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::*;
use crate::layout::display_width;
use crate::tui::ui::{draw, theme::Theme};

/// The frame `model` draws in colour.
pub fn frame(model: &Model) -> Buffer {
    frame_in(model, &Theme::new(true))
}

/// The frame `model` draws in the styles of `theme`.
pub fn frame_in(model: &Model, theme: &Theme) -> Buffer {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, model, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` as text; the cell hidden behind a wide character is skipped.
pub fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += crate::layout::display_width(symbol).max(1) as u16;
    }
    out
}

fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Position of the first cell of `needle` on screen, at or right of column `from`.
pub fn find_from(buf: &Buffer, needle: &str, from: u16) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let line = row(buf, y);
        line.match_indices(needle)
            .map(|(byte, _)| line[..byte].chars().count() as u16)
            .find(|&x| x >= from)
            .map(|x| (x, y))
    })
}

pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_from(buf, needle, 0)
}

/// Position of `needle` in the outline (left of column `outline_width`).
fn find_in_outline(buf: &Buffer, needle: &str, outline_width: u16) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let line = row(buf, y);
        let x = line[..]
            .find(needle)
            .map(|b| line[..b].chars().count() as u16)?;
        (x < outline_width).then_some((x, y))
    })
}

#[test]
fn wide_frame_shows_title_outline_text_and_status() {
    let mut model = long_model((120, 40));
    press(&mut model, &["]", "]"]);
    let buf = frame(&model);
    assert!(row(&buf, 0).contains("The Long Title"));
    let outline = model.panes().outline.unwrap();
    // The outline nests by level and shows the fold markers.
    assert!(row(&buf, 1).starts_with("▾ The Long Title"));
    assert!(row(&buf, 2).starts_with("  ▾ Section 1") || row(&buf, 2).starts_with("    Section 1"));
    assert!(row(&buf, 4).contains("      Part 2a"));
    // The current section is marked in the outline with its own style.
    let theme = Theme::new(true);
    let (x, y) = find_in_outline(&buf, "Section 2", outline.width).unwrap();
    assert_eq!(buf[(x, y)].fg, theme.outline_current.fg.unwrap());
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x1, y1) = find_in_outline(&buf, "Section 1", outline.width).unwrap();
    assert_ne!(buf[(x1, y1)].fg, theme.outline_current.fg.unwrap());
    // The heading is on top of the reader pane, in the centred column, styled as a heading.
    let text = model.panes().text;
    assert_eq!(find_from(&buf, "Section 2", text.x), Some((text.x, text.y)));
    assert_eq!(buf[(text.x, text.y)].fg, theme.heading.fg.unwrap());
    // A scrollbar thumb at the right edge shows where the view is.
    assert!((1..39).any(|y| buf[(119, y)].symbol() == "▐"));
    // Status: the section, the percentage, the keys.
    let status = row(&buf, 39);
    assert!(status.contains("§ Section 2"), "{status}");
    assert!(
        status.contains('%') && status.contains("? help"),
        "{status}"
    );
}

#[test]
fn search_matches_are_painted_and_counted() {
    let mut model = long_model((80, 24));
    search_for(&mut model, "dolor");
    let buf = frame(&model);
    let theme = Theme::new(true);
    let status = row(&buf, 23);
    assert!(status.contains("1/96"), "{status}");
    let mut current = 0;
    let mut others = 0;
    for y in 1..23 {
        let line = row(&buf, y);
        for (byte, _) in line.match_indices("dolor") {
            let x = line[..byte].chars().count() as u16;
            for dx in 0..5 {
                let cell = &buf[(x + dx, y)];
                assert_eq!(
                    cell.bg,
                    theme.search_match.bg.unwrap(),
                    "unpainted match at row {y}"
                );
                if cell.modifier.contains(Modifier::REVERSED) {
                    current += 1;
                } else {
                    others += 1;
                }
            }
        }
    }
    assert_eq!(current, 5, "exactly one current match");
    assert!(others >= 10, "other matches painted too");
}

#[test]
fn no_color_uses_modifiers_only() {
    let mut model = long_model((80, 24));
    press(&mut model, &["]"]);
    search_for(&mut model, "lorem");
    let buf = frame_in(&model, &Theme::new(false));
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let outline = model.panes().outline.unwrap();
    let (x, y) = find_in_outline(&buf, "Section 1", outline.width).unwrap();
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    let (x, y) = find(&buf, "lorem").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn narrow_frame_hides_the_outline_and_wraps_to_fit() {
    let model = long_model((30, 8));
    let buf = frame(&model);
    let text = screen(&buf);
    assert!(text.contains("The Long Title"), "{text}");
    assert!(!text.contains('▾'), "no outline at 30 columns:\n{text}");
    assert!(row(&buf, 7).contains('%'));
    // Six rows of text, none of them cut: every word of the first paragraph appears whole.
    assert!(text.contains("1.1 lorem ipsum dolor sit"), "{text}");
}

#[test]
fn too_small_terminals_get_one_line() {
    let model = long_model((19, 5));
    let buf = frame(&model);
    assert_eq!(row(&buf, 0), "terminal too small ");
    assert_eq!(row(&buf, 1).trim(), "");
}

#[test]
fn chinese_text_wraps_by_display_width() {
    let para = "小红书的电商野心能否留住从抖音海外版出走的创作者，这是一个值得讨论的问题。";
    let model = model_for(&["# 小红书", para], (30, 8));
    let buf = frame(&model);
    let text = screen(&buf);
    assert!(text.contains("小红书的电商野心能否留住从"), "{text}");
    for y in 1..7 {
        // A wide character never straddles the right edge.
        let last = &buf[(29, y)];
        assert!(
            last.symbol() == " " || last.symbol() == "",
            "row {y}: {:?}",
            last.symbol()
        );
    }
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut model = long_model((80, 24));
    press(&mut model, &["?"]);
    let text = screen(&frame(&model));
    assert!(text.contains("Keys"), "{text}");
    assert!(
        text.contains("Next section: its heading to the top"),
        "{text}"
    );
    assert!(text.contains("ctrl-d"), "{text}");
}

#[test]
fn the_library_lists_articles_and_marks_the_selection() {
    let mut model = library_model();
    model.library.as_mut().unwrap().entries[1].progress = Some(42);
    let buf = frame(&model);
    assert!(row(&buf, 0).contains("library"));
    let header = row(&buf, 1);
    assert!(
        header.contains("title") && header.contains("read"),
        "{header}"
    );
    assert!(row(&buf, 2).starts_with(" Zebra stripes"));
    assert!(row(&buf, 3).contains("42%"));
    let theme = Theme::new(true);
    assert_eq!(buf[(1, 2)].bg, theme.selected_row.bg.unwrap());
    assert_ne!(buf[(1, 3)].bg, theme.selected_row.bg.unwrap());
    assert!(row(&buf, 23).contains("3 articles"));
    type_text(&mut model, "/tk");
    let buf = frame(&model);
    assert!(row(&buf, 2).starts_with(" TikTok exodus"));
    assert!(row(&buf, 3).trim().is_empty());
    assert!(row(&buf, 23).contains("filter: tk"));
}

#[test]
fn issue15_17_library_rows_name_the_file_and_the_length_unit() {
    let mut model = library_model();
    model.library.as_mut().unwrap().entries[2].title = "Zebra stripes".into();
    let buf = frame(&model);
    let header = row(&buf, 1);
    assert!(
        header.contains("file") && header.contains("chars"),
        "{header}"
    );
    // Two articles of one title are told apart by their files.
    assert!(
        row(&buf, 2).contains("Zebra stripes.md"),
        "{}",
        row(&buf, 2)
    );
    assert!(row(&buf, 4).contains("Tea.md"), "{}", row(&buf, 4));
}

#[test]
fn issue15_17_the_selection_hint_is_never_cut_inside_a_word() {
    for width in [60, 80, 120] {
        let mut model = long_model((width, 20));
        press(&mut model, &["v"]);
        let status = row(&frame(&model), 19);
        assert!(status.contains("selected · h highlight"), "{status}");
        assert!(!status.contains('…'), "{width}: {status}");
    }
}

/// The number before the last `%` of a row.
fn percent_in(row: &str) -> u8 {
    let before = &row[..row.rfind('%').expect("a percentage")];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    before[before.len() - digits..].parse().expect("a number")
}

#[test]
fn issue15_4_the_status_line_and_the_library_show_the_same_percent() {
    let long = long_article_blocks(3, 8);
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let short = ["# Short", "One screen is enough for this one."];
    for (blocks, keys) in [(&long[..], &["Space"; 3][..]), (&short[..], &[][..])] {
        let mut model = library_model();
        update(
            &mut model,
            Msg::Opened {
                path: Some("/articles/Zebra stripes.md".into()),
                result: Ok(Box::new(article_of(blocks))),
                top: 0,
                on_disk: None,
            },
        );
        press(&mut model, keys);
        let in_reader = percent_in(&row(&frame(&model), 23));
        press(&mut model, &["q"]);
        let buf = frame(&model);
        assert!(row(&buf, 2).starts_with(" Zebra stripes"));
        assert_eq!(percent_in(&row(&buf, 2)), in_reader);
        if keys.is_empty() {
            assert_eq!(in_reader, 100, "an article on one screen is read");
        }
    }
}

#[test]
fn block_kinds_are_styled_distinctly_and_chrome_is_dimmed() {
    use crate::article::{BlockKind, Format, Parsed, RawBlock, build};
    let blocks = vec![
        RawBlock::new(BlockKind::Chrome, "Home | News | Login"),
        RawBlock::new(BlockKind::Heading { level: 2 }, "A heading"),
        RawBlock::new(BlockKind::Quote, "A quoted line"),
        RawBlock::new(BlockKind::Code, "let code = 1;"),
        RawBlock::new(BlockKind::Paragraph, "Plain prose."),
    ];
    let article = build(
        Parsed {
            title_hint: None,
            blocks,
        },
        Format::Html,
        "UTF-8",
        "t",
    );
    let mut model = model_for(&["x"], (80, 24));
    model.reader = Some(Reader::new(article, None, 0, 80));
    update(&mut model, Msg::Resize(80, 24));
    let buf = frame(&model);
    let style_at = |needle: &str| {
        let (x, y) = find(&buf, needle).unwrap();
        (buf[(x, y)].fg, buf[(x, y)].modifier)
    };
    let chrome = style_at("Home | News");
    let heading = style_at("A heading");
    let quote = style_at("A quoted line");
    let code = style_at("let code");
    let prose = style_at("Plain prose");
    assert!(chrome.1.contains(Modifier::DIM));
    assert!(heading.1.contains(Modifier::BOLD));
    assert!(quote.1.contains(Modifier::ITALIC));
    let all = [chrome, heading, quote, code, prose];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b, "two block kinds look the same");
        }
    }
    // A quote has its bar.
    let (x, y) = find(&buf, "A quoted line").unwrap();
    assert_eq!(buf[(x - 2, y)].symbol(), "│");
}

/// The terminal can change size after the model last heard of it (the Resize event is still
/// on its way when a frame is drawn): the frame must still be drawn, inside its own bounds.
/// The soak test found the scrollbar writing below a frame one row shorter than the model.
#[test]
fn a_frame_of_another_size_than_the_model_is_drawn_inside_its_bounds() {
    for (model_size, frame_size) in [
        ((151, 20), (151, 19)),
        ((151, 30), (151, 19)),
        ((151, 20), (150, 20)),
        ((151, 20), (79, 20)),
        ((100, 30), (20, 5)),
        ((100, 30), (1, 1)),
        ((40, 10), (120, 40)),
    ] {
        let mut model = long_model(model_size);
        press(&mut model, &["A"]);
        update(
            &mut model,
            Msg::Notice("a message long enough to need its own box ".repeat(4)),
        );
        for help in [None, Some(0)] {
            model.help = help;
            let mut terminal = Terminal::new(TestBackend::new(frame_size.0, frame_size.1)).unwrap();
            terminal
                .draw(|f| draw(f, &model, &Theme::new(true)))
                .unwrap();
            let buf = terminal.backend().buffer();
            // What fits of the model's frame shows: its title on top.
            if frame_size.0 >= 20 && help.is_none() {
                assert!(row(buf, 0).contains("The Long Title"), "{}", row(buf, 0));
            }
        }
    }
}

/// A model's frame cut to a narrower terminal (its Resize event still on the way) never ends
/// a row in half a wide character: the terminal would wrap it onto the next row, and ratatui's
/// diff of the next frame reads past the buffer when such a cell, styled, is the very last.
#[test]
fn a_narrower_frame_than_the_model_never_ends_a_row_in_half_a_wide_character() {
    let para =
        "小红书的电商野心能否留住从抖音海外版出走的创作者，这是一个值得讨论的问题。".repeat(8);
    let mut model = model_for(&["# 小红书", &para], (60, 12));
    search_for(&mut model, "小红书的电商");
    for width in 20..60 {
        let mut terminal = Terminal::new(TestBackend::new(width, 12)).unwrap();
        for step in 0..2 {
            terminal
                .draw(|f| draw(f, &model, &Theme::new(true)))
                .unwrap();
            let buf = terminal.backend().buffer();
            for y in 0..12 {
                let last = &buf[(width - 1, y)];
                assert!(
                    display_width(last.symbol()) <= 1,
                    "{width} columns, step {step}, row {y}: {:?}",
                    last.symbol()
                );
            }
            press(&mut model, &["j"]);
        }
    }
}

/// The section the status line names and the outline entry drawn as current.
fn shown_section(model: &Model) -> (String, String) {
    let buf = frame(model);
    let status = row(&buf, buf.area.height - 1);
    let named = status
        .trim_start()
        .strip_prefix("§ ")
        .and_then(|s| s.split("  ").next())
        .unwrap_or_default()
        .to_string();
    let outline = model.panes().outline.unwrap();
    let marked = (outline.y..outline.bottom())
        .find(|&y| buf[(outline.x, y)].modifier.contains(Modifier::BOLD))
        .map(|y| {
            let line = row(&buf, y);
            line.split('│').next().unwrap().trim().to_string()
        })
        .unwrap_or_default();
    (named, marked)
}

#[test]
fn at_the_end_the_last_heading_on_screen_is_current_however_the_end_was_reached() {
    let mut model = long_model((120, 40));
    let last = ("Section 6".to_string(), "Section 6".to_string());
    press(&mut model, &["G"]);
    // The last section starts below the top line, which is still in the one before.
    let r = reader(&model);
    assert_eq!(
        r.article.outline[r.article.section_at(r.top).unwrap()].title,
        "Section 5"
    );
    assert_eq!(shown_section(&model), last);
    press(&mut model, &["g"]);
    for _ in 0..100 {
        mouse(
            &mut model,
            ratatui::crossterm::event::MouseEventKind::ScrollDown,
            60,
            10,
        );
    }
    assert_eq!(shown_section(&model), last);
    // Reopened where it was left: at the end.
    let article = crate::article::Article::clone(&reader(&model).article);
    let top = article.char_len;
    let opened = Msg::Opened {
        path: Some("/a.md".into()),
        result: Ok(Box::new(article)),
        top,
        on_disk: None,
    };
    update(&mut model, opened);
    assert_eq!(shown_section(&model), last);
    update(&mut model, Msg::Resize(120, 44));
    assert_eq!(shown_section(&model), last);
    // `[` brings the current (last) section's heading up first, then the one before: the
    // end is left and the rule of the top line holds.
    press(&mut model, &["["]);
    assert_eq!(shown_section(&model), last);
    press(&mut model, &["["]);
    assert_eq!(shown_section(&model).0, "Section 5");
}

#[test]
fn an_article_that_fits_on_one_screen_is_read_from_its_first_section() {
    let mut model = model_for(&["# Short", "Text.", "## Last", "More text."], (120, 40));
    press(&mut model, &["G"]);
    assert_eq!(
        shown_section(&model),
        ("Short".to_string(), "▾ Short".to_string())
    );
}
