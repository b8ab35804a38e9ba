//! Issue 15's reader items: the caret kept in view, section keys from any position.

use super::*;
use crate::article::Article;

/// A model of `size` reading the bundled article `name` from `assets/articles/`.
fn asset_model(name: &str, size: (u16, u16)) -> Model {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/articles")
        .join(name);
    let bytes = std::fs::read(&path).expect("bundled article");
    let article = Article::from_bytes(&bytes, Some(&path)).expect("it loads");
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    model.reader = Some(Reader::new(article, None, 0, 80));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

/// The character range shown in the text pane.
fn on_screen(model: &Model) -> std::ops::Range<usize> {
    let r = reader(model);
    let height = usize::from(model.panes().text.height);
    let top = r.top_line();
    let lines = r.layout.lines(top..top + height);
    lines[0].chars.start..lines[lines.len() - 1].chars.end
}

fn assert_caret_in_view(model: &Model, after: &str) {
    let shown = on_screen(model);
    let caret = reader(model).cursor;
    assert!(
        shown.contains(&caret),
        "after {after} the caret ({caret}) is off screen ({shown:?})"
    );
}

#[test]
fn caret_stays_in_view_after_shrinking() {
    let mut model = asset_model("竹林的经济学.txt", (120, 40));
    search_for(&mut model, "四、结语");
    press(&mut model, &["Esc"]);
    update(&mut model, Msg::Resize(60, 15));
    assert_caret_in_view(&model, "shrinking to 60×15");
    press(&mut model, &["v"]);
    let selected = reader(&model).selected_range().expect("v selects");
    let shown = on_screen(&model);
    assert!(
        selected.start < shown.end && selected.end > shown.start,
        "v selected {selected:?}, out of sight of {shown:?}"
    );
    press(&mut model, &["Esc"]);
    for keys in [
        &["G"][..],
        &["g"],
        &["Space"],
        &["G", "b"],
        &["ctrl-d"],
        &["j"],
    ] {
        press(&mut model, keys);
        assert_caret_in_view(&model, &keys.join(" "));
    }
    press(&mut model, &["G"]);
    let r = reader(&model);
    let last_text = (0..r.layout.len()).rev().find(|&i| {
        r.layout
            .line(i)
            .is_some_and(|l| l.kind == crate::layout::LineKind::Text)
    });
    assert_eq!(
        Some(r.layout.line_of_offset(r.cursor)),
        last_text,
        "G puts the caret on the last line"
    );
    press(&mut model, &["g"]);
    assert_eq!(reader(&model).cursor, 0, "g puts the caret at the start");
}

#[test]
fn caret_stays_in_view_while_selecting_and_paging() {
    let mut model = long_model((80, 24));
    press(&mut model, &["v", "Space", "Space"]);
    assert_caret_in_view(&model, "v, then two pages down");
    let r = reader(&model);
    let selection = r.selection.expect("still selecting");
    assert_eq!(selection.head, r.cursor, "the selection's end is the caret");
    assert!(on_screen(&model).contains(&selection.head));
}

#[test]
fn bracket_after_end_visits_every_heading() {
    let mut blocks = long_article_blocks(4, 6);
    // Short last sections: several headings on the last page, below its top line.
    for name in ["Coda", "Notes", "Sources"] {
        blocks.push(format!("## {name}"));
        blocks.push(format!("A short paragraph in {name}."));
    }
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let mut model = model_for(&refs, (80, 24));
    let offsets: Vec<usize> = reader(&model)
        .article
        .outline
        .iter()
        .map(|s| s.offset)
        .collect();
    press(&mut model, &["G"]);
    let mut seen = Vec::new();
    for _ in 0..offsets.len() + 2 {
        press(&mut model, &["["]);
        if model.message.is_some() {
            break;
        }
        seen.push(reader(&model).top);
    }
    let backwards: Vec<usize> = offsets.iter().rev().copied().collect();
    assert_eq!(
        seen, backwards,
        "[ from the end, every heading last to first"
    );

    // Forward from the end of a section in the middle, then back from there.
    press(&mut model, &["G", "k", "k", "k"]);
    let from = reader(&model).top;
    let mut forward = Vec::new();
    while forward.len() <= offsets.len() {
        press(&mut model, &["]"]);
        if model.message.is_some() {
            break;
        }
        forward.push(reader(&model).top);
    }
    let expected: Vec<usize> = offsets.iter().copied().filter(|&o| o > from).collect();
    assert_eq!(forward, expected, "] from {from}");
}

#[test]
fn reload_says_what_moved_and_a_opens_on_it() {
    use crate::highlights::AnchorStatus;
    use crate::tui::protocol::Effect;
    let blocks = [
        "# Title",
        "One sentence here.",
        "Two sentence there.",
        "Three more.",
    ];
    let mut model = model_for(&blocks, (100, 20));
    model.reader.as_mut().unwrap().path = Some("/a.md".into());
    let mut highlights = vec![
        super::highlights::highlight_on(&model, "A", "One sentence", ""),
        super::highlights::highlight_on(&model, "B", "Two sentence", ""),
        super::highlights::highlight_on(&model, "C", "Three", ""),
    ];
    highlights[1].status = AnchorStatus::Fuzzy;
    highlights[2].range = None;
    highlights[2].status = AnchorStatus::Orphan;
    let reloaded = Msg::Reloaded {
        result: Ok(Box::new(article_of(&blocks))),
        on_disk: None,
    };
    assert_eq!(
        update(&mut model, reloaded),
        vec![Effect::LoadHighlights(shared(&model))]
    );
    super::highlights::give_highlights(&mut model, highlights.clone());
    assert_eq!(
        model.message.as_deref(),
        Some("reloaded: of 3 highlights, 1 fuzzy, 1 orphan — A lists them")
    );
    press(&mut model, &["A"]);
    assert_eq!(model.list.as_ref().map(|n| n.cursor.selected), Some(1));
    // Only once: the next list of highlights (a change saved) says nothing of a reload.
    press(&mut model, &["Esc"]);
    super::highlights::give_highlights(&mut model, highlights);
    assert_eq!(model.message, None);
}

#[test]
fn export_refused_offers_the_choice_in_the_reader() {
    use crate::tui::protocol::{Effect, ExportChoice};
    let mut model = long_model((100, 20));
    let refused = Msg::ExportRefused {
        path: "/exports/The Long Title.md".into(),
        why: "you edited the part folio writes".into(),
    };
    update(&mut model, refused);
    let said = model.message.clone().unwrap_or_default();
    assert!(
        said.contains("o overwrite") && !said.contains("--force"),
        "{said}"
    );
    assert_eq!(
        press(&mut model, &["o"]),
        vec![Effect::Export {
            article: shared(&model),
            choice: Some(ExportChoice::Overwrite)
        }]
    );
    assert_eq!(model.export_prompt, None);
    update(
        &mut model,
        Msg::ExportRefused {
            path: "/x.md".into(),
            why: "this file was not written by folio".into(),
        },
    );
    assert_eq!(
        press(&mut model, &["n"]),
        vec![Effect::Export {
            article: shared(&model),
            choice: Some(ExportChoice::Alongside)
        }]
    );
    update(
        &mut model,
        Msg::ExportRefused {
            path: "/x.md".into(),
            why: "x".into(),
        },
    );
    let top = reader(&model).top;
    assert!(
        press(&mut model, &["j"]).is_empty(),
        "any other key cancels"
    );
    assert_eq!(reader(&model).top, top, "and does nothing else");
}

#[test]
fn section_keys_land_on_the_section_after_a_table() {
    // The sample's "Tables" section holds tables, whose lines carry pieces of several cells;
    // `]` from there must show "Code", not skip to the last section.
    let model = asset_model("rich-text-tour.md", (120, 40));
    let code = reader(&model)
        .article
        .outline
        .iter()
        .find(|s| s.title == "Code")
        .expect("a Code section")
        .offset;
    // Wrapped whole, as the reader does while idle, and lazily.
    let cases = [true, false]
        .into_iter()
        .flat_map(|w| [40, 66, 80, 120].map(move |c| (w, c)));
    for (wrapped, column) in cases {
        let mut model = asset_model("rich-text-tour.md", (120, 40));
        model.column_width = column;
        update(&mut model, Msg::Resize(120, 40));
        if wrapped {
            reader(&model).layout.advance(usize::MAX);
        }
        // A frame between keys, as the reader draws one.
        let _ = super::roles::screen(&model);
        press(&mut model, &["]"]);
        let _ = super::roles::screen(&model);
        press(&mut model, &["]"]);
        let drawn = super::roles::screen(&model);
        let shown = on_screen(&model);
        assert_eq!(
            shown.start, code,
            "column {column}: the top shows {shown:?}"
        );
        let first_text_row = drawn.lines().nth(1).unwrap_or_default();
        assert!(first_text_row.contains("Code"), "{drawn}");
    }
}
