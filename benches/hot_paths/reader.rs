//! The reader on a `TestBackend`: the first frame, one frame, key presses and a resize, on a
//! 10 KB and a 10 MB article. Each timed key or resize starts from a freshly opened article
//! (made outside the timing), so the lazy layout has wrapped only the first screen, as after
//! a real open.

use std::path::PathBuf;

use divan::Bencher;
use folio::tui::keymap::Keymap;
use folio::tui::model::Model;
use folio::tui::protocol::Msg;
use folio::tui::ui::{draw, theme::Theme};
use folio::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::inputs;

const SIZES: [&str; 2] = ["en-10k", "en-10m"];

type Screen = Terminal<TestBackend>;

/// A 120×40 model with input `name` open in the middle, and the screen it is drawn on.
fn opened(name: &str) -> (Model, Screen) {
    let article = inputs::article(name);
    let keymap = Keymap::defaults().expect("the default keymap parses");
    let mut model = Model::new(keymap, 80, (120, 40));
    let top = article.char_len / 2;
    let result = Ok(Box::new((*article).clone()));
    let path = PathBuf::from(inputs::file_name(name));
    update(
        &mut model,
        Msg::Opened {
            path: Some(path),
            result,
            top,
            on_disk: None,
        },
    );
    let screen = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    (model, screen)
}

fn frame(model: &Model, screen: &mut Screen) {
    screen
        .draw(|f| draw(f, model, &Theme::new(true)))
        .expect("drawing on a test terminal");
}

/// Opening an already loaded article and drawing its first frame.
#[divan::bench(args = inputs::NAMES, sample_count = 20, sample_size = 1)]
fn first_frame(bencher: Bencher, name: &str) {
    bencher
        .with_inputs(|| opened(name))
        .bench_local_values(|(model, mut screen)| {
            frame(&model, &mut screen);
            (model, screen)
        });
}

/// Drawing one frame of an open article.
#[divan::bench(args = SIZES)]
fn draw_frame(bencher: Bencher, name: &str) {
    let (model, mut screen) = opened(name);
    frame(&model, &mut screen);
    bencher.bench_local(|| frame(&model, &mut screen));
}

/// One key press and the frame after it, right after opening: `j` (line), Space (page), `]`
/// (next section), `G` (end), each on the 10 KB and the 10 MB article.
#[divan::bench(
    args = [
        "j/en-10k", "j/en-10m", "Space/en-10k", "Space/en-10m",
        "]/en-10k", "]/en-10m", "G/en-10k", "G/en-10m",
    ],
    sample_count = 30,
    sample_size = 1
)]
fn key(bencher: Bencher, case: &str) {
    let (key, name) = case.split_once('/').unwrap_or((case, "en-10k"));
    let key = if key == "Space" {
        ' '
    } else {
        key.chars().next().unwrap_or('j')
    };
    let modifiers = if key.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    let event = KeyEvent::new(KeyCode::Char(key), modifiers);
    bencher
        .with_inputs(|| {
            let (model, mut screen) = opened(name);
            frame(&model, &mut screen);
            (model, screen)
        })
        .bench_local_values(|(mut model, mut screen)| {
            update(&mut model, Msg::Key(event));
            frame(&model, &mut screen);
            (model, screen)
        });
}

/// A resize to 100×30 and the frame after it.
#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn resize(bencher: Bencher, name: &str) {
    bencher
        .with_inputs(|| {
            let (model, mut screen) = opened(name);
            frame(&model, &mut screen);
            (
                model,
                Terminal::new(TestBackend::new(100, 30)).expect("a test terminal"),
            )
        })
        .bench_local_values(|(mut model, mut screen)| {
            update(&mut model, Msg::Resize(100, 30));
            frame(&model, &mut screen);
            (model, screen)
        });
}
