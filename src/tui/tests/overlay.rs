//! The help overlay drawn on narrow screens: wrapped between words, scrolled no further than
//! its last row.

use super::frames::{frame, row};
use super::*;

fn screen_rows(model: &Model) -> Vec<String> {
    let buf = frame(model);
    (0..buf.area.height).map(|y| row(&buf, y)).collect()
}

#[test]
fn help_overlay_wraps_at_30_columns_on_screen() {
    let mut model = long_model((30, 20));
    press(&mut model, &["?"]);
    let mut seen = String::new();
    // Bounded: an overlay that scrolled forever must fail, not hang.
    for _ in 0..400 {
        for line in screen_rows(&model) {
            seen.push_str(line.trim_matches(|c: char| c == '│' || c.is_whitespace()));
            seen.push(' ');
        }
        let before = model.help;
        press(&mut model, &["j"]);
        if model.help == before {
            break;
        }
    }
    let words: Vec<&str> = seen.split_whitespace().collect();
    let joined = words.join(" ");
    for wanted in [
        "Down one line, or to the next entry",
        "Next section: its heading to the top",
        "Cancel and go back to where you were",
    ] {
        assert!(joined.contains(wanted), "{wanted:?} not whole in {joined}");
    }
}

#[test]
fn help_overlay_stops_scrolling_at_its_end() {
    let mut model = long_model((30, 20));
    press(&mut model, &["?"]);
    press(&mut model, &["j"; 300]);
    let end = model.help.expect("help is open");
    let rows = screen_rows(&model);
    assert!(
        rows[18].contains("Delete the last"),
        "the last row at the bottom: {rows:#?}"
    );
    press(&mut model, &["j"]);
    assert_eq!(model.help, Some(end), "j at the end stays");
    press(&mut model, &["k"]);
    assert_eq!(model.help, Some(end - 1), "k moves at once");
    press(&mut model, &["G"]);
    assert_eq!(model.help, Some(end));
    update(&mut model, Msg::Resize(80, 40));
    let bigger = model.help.expect("still open");
    assert!(bigger < end, "a taller screen needs less scrolling");
}
