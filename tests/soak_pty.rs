//! Soak: thousands of random keys (every key of the keymap, printable and CJK characters,
//! control keys, mouse clicks, drags and wheel turns) and resizes down to 1×1, sent to the
//! real binary in a pseudo-terminal, from a seeded generator so a failure can be replayed.
//!
//! After every batch folio must still answer (it redraws after a resize); whenever a random
//! key quits it (or at the end, after a scripted quit) it must exit with status 0 and leave
//! the terminal as it found it; afterwards the highlights file must load cleanly with every
//! highlight on its article's text. Every fourth session opens the article's folder as a
//! library instead of the article.
//!
//! The shared soak runs two readers and the CLI on one store at once (random keys with a
//! scripted note after every batch, `folio highlight` calls meanwhile) and then finds every
//! note any of them confirmed in the store. `FOLIO_SOAK_SHARED_KEYS` sets its total inputs
//! (default [`DEFAULT_SHARED_KEYS`]; the acceptance run is 10,000).
//!
//! `FOLIO_SOAK_KEYS` sets how many inputs each soak sends (default [`DEFAULT_KEYS`]),
//! `FOLIO_SOAK_SEED` the generator's seed.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use folio::article::Article;
use folio::highlights::Store;
use folio::reading::ReadingState;
use support::invariants::check_placement;
use support::pty::{Session, clears_in};

/// Inputs per soak in a plain `cargo test`: enough to reach every mode many times, quick
/// enough for CI.
const DEFAULT_KEYS: usize = 2_000;
/// Inputs sent between two checks that folio still answers.
const BATCH: usize = 40;
/// The screen vt100 keeps: as large as any size [`random_size`] picks, so that it never
/// shrinks under folio's output (see `Session::resize_terminal_only`).
const SCREEN: (u16, u16) = (300, 60);
/// How long folio may take to answer a resize before it counts as hung.
const PATIENCE: Duration = Duration::from_secs(30);

/// xorshift64*: small, fast, and the same sequence for the same seed everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: u16, high: u16) -> u16 {
        low + self.below(usize::from(high - low) + 1) as u16
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What a terminal sends for the keys the keymap names.
const NAMED: [(&str, &str); 15] = [
    ("Enter", "\r"),
    ("Esc", "\x1b"),
    ("Tab", "\t"),
    ("BackTab", "\x1b[Z"),
    ("Backspace", "\x7f"),
    ("Delete", "\x1b[3~"),
    ("Insert", "\x1b[2~"),
    ("Up", "\x1b[A"),
    ("Down", "\x1b[B"),
    ("Right", "\x1b[C"),
    ("Left", "\x1b[D"),
    ("PageUp", "\x1b[5~"),
    ("PageDown", "\x1b[6~"),
    ("Home", "\x1b[H"),
    ("End", "\x1b[F"),
];

const FUNCTION_KEYS: [&str; 12] = [
    "\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~", "\x1b[18~", "\x1b[19~",
    "\x1b[20~", "\x1b[21~", "\x1b[23~", "\x1b[24~",
];

/// The keys that end a session from the reader: drawn rarely, so sessions last long enough
/// to get deep into a mode.
const QUIT_KEYS: [&str; 2] = ["q", "\x03"];

/// The bytes for a key written as in the keymap ("j", "ctrl-d", "alt-x", "PageDown", "F1").
fn key_bytes(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("ctrl-") {
        let c = key_bytes(rest).chars().next().unwrap_or('@');
        return char::from((c.to_ascii_lowercase() as u8) & 0x1f).to_string();
    }
    if let Some(rest) = name.strip_prefix("alt-") {
        return format!("\x1b{}", key_bytes(rest));
    }
    if name == "Space" {
        return " ".into();
    }
    if let Some((_, bytes)) = NAMED.iter().find(|(n, _)| *n == name) {
        return (*bytes).into();
    }
    if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<usize>().ok()) {
        return FUNCTION_KEYS[n - 1].into();
    }
    name.into()
}

/// Every key the default keymap binds, in any mode, as bytes; the quit keys left out.
fn keymap_keys() -> Vec<String> {
    let tables: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(include_str!("../assets/keymap.toml")).expect("the keymap parses");
    let mut keys: Vec<String> = tables
        .values()
        .flat_map(|map| map.keys())
        .map(|name| key_bytes(name))
        .filter(|bytes| !QUIT_KEYS.contains(&bytes.as_str()))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// A size for the terminal: often ordinary, sometimes tiny or extreme.
fn random_size(rng: &mut Rng) -> (u16, u16) {
    match rng.below(10) {
        0 => *rng.pick(&[(1, 1), (20, 5), (2, 40), (300, 3), (59, 10), (60, 3)]),
        1 | 2 => (rng.between(1, 12), rng.between(1, 6)),
        _ => (rng.between(20, 200), rng.between(5, 60)),
    }
}

/// One random input.
enum Input {
    Bytes(String),
    Resize(u16, u16),
}

fn random_input(rng: &mut Rng, keys: &[String], (cols, rows): (u16, u16)) -> Input {
    let roll = rng.below(1000);
    let text = match roll {
        0..=549 => rng.pick(keys).clone(),
        550..=699 => {
            // Printable ASCII, without `q`, which the quit keys stand for.
            let c = char::from(rng.between(0x20, 0x7e) as u8);
            if c == 'q' { "Q".into() } else { c.to_string() }
        }
        700..=769 => {
            let cjk = [
                '小', '红', '书', '的', '。', '，', '「', '」', '　', '🙂', 'é', 'ß',
            ];
            rng.pick(&cjk).to_string()
        }
        770..=839 => {
            let names: Vec<&str> = NAMED.iter().map(|(_, b)| *b).collect();
            rng.pick(&names).to_string()
        }
        840..=909 => mouse(rng, cols, rows),
        910..=959 => {
            // Control keys; not ctrl-c (a quit key) nor ctrl-z (suspend, were it not raw).
            let letter = *rng.pick(b"abdefghijklmnoprstuvwxy");
            char::from(letter & 0x1f).to_string()
        }
        960..=979 => rng.pick(&FUNCTION_KEYS).to_string(),
        980..=997 => {
            let (cols, rows) = random_size(rng);
            return Input::Resize(cols, rows);
        }
        _ => rng.pick(&QUIT_KEYS).to_string(),
    };
    Input::Bytes(text)
}

/// An SGR mouse report: a click, release, drag or wheel turn, sometimes just off screen.
fn mouse(rng: &mut Rng, cols: u16, rows: u16) -> String {
    let x = rng.between(1, cols.saturating_add(2));
    let y = rng.between(1, rows.saturating_add(2));
    let (button, end) = *rng.pick(&[
        (0, 'M'),
        (0, 'm'),
        (32, 'M'),
        (64, 'M'),
        (65, 'M'),
        (2, 'M'),
        (1, 'M'),
    ]);
    if button == 0 && end == 'M' && rng.below(3) == 0 {
        // A double click: two presses and releases at one place.
        return format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").repeat(2);
    }
    format!("\x1b[<{button};{x};{y}{end}")
}

/// The terminal is as folio found it.
fn restored(screen: &vt100::Screen) -> bool {
    !screen.alternate_screen()
        && !screen.hide_cursor()
        && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
}

/// One soak: folio, its home, and what happened so far.
struct Soak {
    home: PathBuf,
    /// The temporary home, removed when the soak ends; `None` when it is shared.
    _owned: Option<tempfile::TempDir>,
    /// What sessions open: the article, or (every fourth session, unless `shared`) its
    /// folder as a library, where letters type into the filter.
    targets: [String; 2],
    /// A soak sharing its store with others: only the article is opened, and no random key
    /// saves a note (`Ctrl-s`), so every note text comes from a scripted, logged save.
    shared: bool,
    rng: Rng,
    keys: Vec<String>,
    size: (u16, u16),
    /// Every size the terminal took in this session, and the scripted notes' size. folio
    /// draws at the size the terminal has when it gets to a resize, so it may have drawn at
    /// any of them and never at the sizes after: a resize back to one need not clear the
    /// screen, and only a size never taken tests whether folio answers.
    taken: Vec<(u16, u16)>,
    sessions: usize,
}

impl Soak {
    fn new(article: &Path, seed: u64) -> Soak {
        let owned = tempfile::tempdir().expect("a temporary home");
        let mut soak = Soak::sharing(article, seed, owned.path());
        soak._owned = Some(owned);
        soak.shared = false;
        soak
    }

    /// A soak in `home`, which other soaks and the CLI use at the same time.
    fn sharing(article: &Path, seed: u64, home: &Path) -> Soak {
        std::fs::create_dir_all(home.join("tmp")).expect("a temporary folder");
        let folder = article.parent().expect("the article's folder");
        Soak {
            home: home.to_path_buf(),
            _owned: None,
            shared: true,
            targets: [
                article.to_string_lossy().into_owned(),
                folder.to_string_lossy().into_owned(),
            ],
            rng: Rng(seed.max(1)),
            keys: keymap_keys(),
            size: (80, 24),
            taken: Vec::new(),
            sessions: 0,
        }
    }

    /// Starts folio with `$EDITOR` a program that returns at once, and waits until it has
    /// the terminal (keys sent before that would reach a cooked terminal).
    fn start(&mut self) -> Session {
        let target = &self.targets[usize::from(!self.shared && self.sessions % 4 == 3)];
        self.sessions += 1;
        let tmp = self.home.join("tmp");
        let env = [
            ("EDITOR", "true"),
            ("TMPDIR", tmp.to_str().expect("a UTF-8 temporary path")),
        ];
        let mut folio = Session::start_with_env(&[target], &self.home, SCREEN, &env);
        folio.resize_terminal_only(self.size.0, self.size.1);
        self.taken = vec![SCREEN, SCRIPT_SIZE, self.size];
        folio.wait_until("folio to take the terminal", |s| s.alternate_screen());
        folio
    }

    /// Resizes to a new random size and waits until folio redraws, or exits; `Some(code)`
    /// when it has exited. A resize not answered in time is followed by one more; panics
    /// (with the screen and what reached it) when that one is not answered either.
    fn answers(&mut self, folio: &mut Session) -> Option<u32> {
        let mut missed = None;
        loop {
            let before = folio.clears();
            let written = folio.written().len();
            let mut size = random_size(&mut self.rng);
            while self.taken.contains(&size) {
                size = random_size(&mut self.rng);
            }
            self.resize(folio, size);
            let start = Instant::now();
            while start.elapsed() < PATIENCE {
                if let Some(code) = folio.exit_code() {
                    return Some(code);
                }
                if folio.clears() > before {
                    if let Some(first) = missed {
                        eprintln!("{first}; the next resize was answered");
                    }
                    return None;
                }
                thread::sleep(Duration::from_millis(5));
            }
            let what = format!(
                "folio did not answer a resize in {} s (session {}, {}×{}; {} bytes \
                 reached the screen since, {} clears counted of {} written)",
                PATIENCE.as_secs(),
                self.sessions,
                size.0,
                size.1,
                folio.written().len() - written,
                folio.clears(),
                clears_in(&folio.written()),
            );
            assert!(
                missed.is_none(),
                "{}, nor the next one: {what}; the screen shows:\n{}",
                missed.unwrap_or_default(),
                folio.text()
            );
            missed = Some(what);
        }
    }

    /// Resizes the terminal (folio hears of it in its own time).
    fn resize(&mut self, folio: &mut Session, size: (u16, u16)) {
        self.size = size;
        self.taken.push(size);
        folio.resize_terminal_only(size.0, size.1);
    }

    /// The exit of a session: status 0 and the terminal restored.
    fn ended(&self, folio: &Session, code: u32) {
        assert_eq!(
            code,
            0,
            "folio exited with {code} in session {}; the screen shows:\n{}",
            self.sessions,
            folio.text()
        );
        folio.wait_until("the terminal restored", restored);
        // A panic in another thread than the main one would not show in the exit status.
        assert!(!folio.text().contains("panicked"), "{}", folio.text());
    }

    /// Sends `count` random inputs, starting a new session whenever one quits.
    fn run(&mut self, count: usize) -> Session {
        let mut folio = self.start();
        let mut sent = 0;
        while sent < count {
            sent += self.batch(&mut folio, BATCH.min(count - sent));
        }
        folio
    }

    /// Sends up to `count` random inputs (fewer when folio quits) and checks that folio
    /// still answers, starting a new session if it ended; how many were sent.
    fn batch(&mut self, folio: &mut Session, count: usize) -> usize {
        let mut sent = 0;
        while sent < count && folio.exit_code().is_none() {
            sent += 1;
            match random_input(&mut self.rng, &self.keys, self.size) {
                // Shared, no random key saves a note: the log of saves stays complete.
                Input::Bytes(bytes) if self.shared && bytes.contains('\x13') => {}
                Input::Bytes(bytes) => folio.send(&bytes),
                Input::Resize(cols, rows) => self.resize(folio, (cols, rows)),
            }
        }
        if let Some(code) = self.answers(folio) {
            self.ended(folio, code);
            *folio = self.start();
        }
        sent.max(1)
    }

    /// Closes whatever is open (a note being written asks before discarding: Esc again
    /// answers yes) and quits: Esc, one at a time so none joins the next key as Alt, then q.
    fn quit(&mut self, mut folio: Session) {
        for finish in ["q", "\x03"] {
            for _ in 0..4 {
                folio.send("\x1b");
                thread::sleep(Duration::from_millis(150));
            }
            folio.send(finish);
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(5) {
                if let Some(code) = folio.exit_code() {
                    self.ended(&folio, code);
                    return;
                }
                thread::sleep(Duration::from_millis(20));
            }
        }
        panic!(
            "the scripted quit did not end folio; the screen shows:\n{}",
            folio.text()
        );
    }

    /// The files folio wrote are sound: the highlights file opens without damage and every
    /// highlight in it sits on its article's text; reading positions load; `folio notes
    /// --json` reads it all. Returns how many highlights it holds (deleted ones too).
    fn check_files(&self) -> usize {
        let data = self.home.join("folio");
        let file = data.join("annotations.json");
        if file.exists() {
            let bytes = std::fs::read(&file).expect("read annotations.json");
            serde_json::from_slice::<serde_json::Value>(&bytes).expect("annotations.json is JSON");
        }
        let (store, warnings) = Store::open(&file).expect("the highlights file opens");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(store.read_only().is_none());
        let mut highlights = 0;
        for (key, doc) in store.documents() {
            highlights += doc.annotations.len();
            let path = doc.paths.last().expect("a document has a path");
            let article = Article::open(Path::new(path)).expect("the article opens");
            for ann in &doc.annotations {
                let position = &ann.target.position;
                assert!(position.start < position.end, "{position:?}");
            }
            for hl in store.resolve(&key, &article) {
                check_placement(&article, hl.range.as_ref(), hl.status, &hl.quote)
                    .unwrap_or_else(|broken| panic!("{path}: {broken}"));
            }
        }
        ReadingState::load(&data.join("state.json")).expect("the reading positions load");
        let notes = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["notes", "--json"])
            .env("FOLIO_HOME", &data)
            .output()
            .expect("run folio notes");
        assert!(
            notes.status.success(),
            "{}",
            String::from_utf8_lossy(&notes.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&notes.stdout).expect("notes --json is JSON");
        highlights
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn soak(article: &Path) {
    let count = env_number("FOLIO_SOAK_KEYS", DEFAULT_KEYS as u64) as usize;
    let seed = env_number("FOLIO_SOAK_SEED", 0x5eed_f011_0000_0007);
    let started = Instant::now();
    let mut soak = Soak::new(article, seed);
    let folio = soak.run(count);
    soak.quit(folio);
    let highlights = soak.check_files();
    eprintln!(
        "soak of {}: {count} inputs, seed {seed:#x}, {} sessions, {highlights} highlights \
         stored, {:.1} s",
        article.display(),
        soak.sessions,
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn soak_on_a_bundled_article() {
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/harbour-ferries-web-dump.txt");
    soak(&article);
}

#[test]
fn soak_on_the_seed_article_or_skip() {
    let article: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles/tiktok-xiaohongshu.txt");
    if !article.exists() {
        eprintln!("skipped: ../shared/articles/tiktok-xiaohongshu.txt not found");
        return;
    }
    soak(&article);
}

/// Inputs in all of a shared soak in a plain `cargo test` (two readers and the CLI);
/// `FOLIO_SOAK_SHARED_KEYS` sets another count (the acceptance run uses 10,000).
const DEFAULT_SHARED_KEYS: usize = 1_000;
/// The size scripted notes are written at, so the screen says what they need to see.
const SCRIPT_SIZE: (u16, u16) = (100, 30);
/// Passages of the bundled article the scripted notes go on, each found once in it.
const PASSAGES: [&str; 4] = [
    "built from larch and oak",
    "ride the short, steep chop",
    "two battery-powered catamarans",
    "Fishermen worry about the wash",
];

/// Waits up to [`PATIENCE`] for `ready`; whether it came. Gives up when folio has left the
/// alternate screen: random keys before may have quit it.
fn within(folio: &Session, ready: impl Fn(&str) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < PATIENCE && folio.screen().alternate_screen() {
        if ready(&folio.text()) {
            return true;
        }
        thread::sleep(Duration::from_millis(20));
    }
    false
}

impl Soak {
    /// Writes a note holding `token` on `passage` as a person would: Esc until nothing is
    /// open (one at a time, so none joins the next key as Alt), a search, `v`, `a` (which
    /// opens a highlighted passage's note), the token after the words there, `Ctrl-s`.
    /// Whether folio confirmed it: the editor closed and nothing said NOT SAVED. Random keys
    /// may have left folio where this cannot be done (the outline focused): not confirmed.
    fn scripted_note(&mut self, folio: &mut Session, passage: &str, token: &str) -> bool {
        // The batch before ended on a size never taken, so this one clears the screen.
        let before = folio.clears();
        self.resize(folio, SCRIPT_SIZE);
        if !within(folio, |_| folio.clears() > before) {
            return false;
        }
        for _ in 0..4 {
            folio.send("\x1b");
            thread::sleep(Duration::from_millis(150));
        }
        folio.send(&format!("g/{passage}\r"));
        folio.send("va");
        if !within(folio, |s| s.contains("Ctrl-s save")) {
            return false;
        }
        folio.send(&format!(" {token}"));
        if !within(folio, |s| s.contains(token)) {
            return false;
        }
        folio.send("\x13");
        within(folio, |s| !s.contains("Ctrl-s save")) && !folio.text().contains("NOT SAVED")
    }

    /// Sends `count` inputs, random ones with a scripted note after every batch; the tokens
    /// of the notes folio confirmed, named `«{who}N»`.
    fn run_confirming(&mut self, count: usize, who: &str) -> Vec<String> {
        let mut folio = self.start();
        let mut confirmed = Vec::new();
        let mut sent = 0;
        for n in 0.. {
            if sent >= count {
                break;
            }
            sent += self.batch(&mut folio, BATCH.min(count - sent));
            let token = format!("«{who}{n}»");
            let passage = PASSAGES[self.rng.below(PASSAGES.len())];
            if self.scripted_note(&mut folio, passage, &token) {
                confirmed.push(token);
            }
            sent += 1;
            if let Some(code) = folio.exit_code() {
                self.ended(&folio, code);
                folio = self.start();
            }
        }
        self.quit(folio);
        confirmed
    }
}

/// `count` notes added with `folio highlight` meanwhile; the tokens of those it confirmed.
fn cli_notes(home: &Path, article: &Path, count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed.max(1));
    let mut confirmed = Vec::new();
    for n in 0..count {
        let token = format!("«C{n}»");
        let passage = PASSAGES[rng.below(PASSAGES.len())];
        let out = Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("highlight")
            .arg(article)
            .args(["--quote", passage, "--note", &token])
            .env("FOLIO_HOME", home.join("folio"))
            .output()
            .expect("run folio highlight");
        if out.status.success() && !out.stdout.is_empty() {
            confirmed.push(token);
        }
        thread::sleep(Duration::from_millis(rng.below(200) as u64));
    }
    confirmed
}

/// Two readers and the CLI write one store at once; afterwards every note any of them
/// confirmed is in it, word for word (in a live highlight or one a random `d` deleted).
fn shared_soak(article: &Path) {
    let text = std::fs::read_to_string(article).expect("the article");
    for passage in PASSAGES {
        assert_eq!(text.matches(passage).count(), 1, "{passage}");
    }
    let count = env_number("FOLIO_SOAK_SHARED_KEYS", DEFAULT_SHARED_KEYS as u64) as usize;
    let seed = env_number("FOLIO_SOAK_SEED", 0x5eed_f011_0000_0007);
    let started = Instant::now();
    let home = tempfile::tempdir().expect("a temporary home");
    let per_reader = count * 9 / 20;
    let readers: Vec<_> = ["A", "B"]
        .into_iter()
        .enumerate()
        .map(|(i, who)| {
            let (article, home) = (article.to_path_buf(), home.path().to_path_buf());
            thread::spawn(move || {
                let mut soak = Soak::sharing(&article, seed + i as u64, &home);
                let confirmed = soak.run_confirming(per_reader, who);
                (confirmed, soak.sessions)
            })
        })
        .collect();
    let cli = cli_notes(home.path(), article, count - 2 * per_reader, seed + 2);
    let mut confirmed = vec![("C", cli)];
    let mut sessions = 0;
    for (reader, who) in readers.into_iter().zip(["A", "B"]) {
        let (tokens, n) = reader.join().expect("a reader's soak");
        confirmed.push((who, tokens));
        sessions += n;
    }
    let checker = Soak::sharing(article, seed, home.path());
    let highlights = checker.check_files();
    let (store, _) = Store::open(&home.path().join("folio/annotations.json")).expect("the store");
    let notes: Vec<&str> = store
        .documents()
        .flat_map(|(_, doc)| doc.annotations.iter().map(|a| a.note.as_str()))
        .collect();
    let mut total = 0;
    for (who, tokens) in &confirmed {
        assert!(!tokens.is_empty(), "{who} confirmed no note at all");
        total += tokens.len();
        for token in tokens {
            assert!(
                notes.iter().any(|n| n.contains(token.as_str())),
                "{who}'s confirmed note {token} is not in the store; its notes: {notes:#?}"
            );
        }
    }
    eprintln!(
        "shared soak of {}: {count} inputs, seed {seed:#x}, {sessions} reader sessions, \
         {total} confirmed notes (A {}, B {}, CLI {}) all present, {highlights} highlights \
         stored, {:.1} s",
        article.display(),
        confirmed[1].1.len(),
        confirmed[2].1.len(),
        confirmed[0].1.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn two_readers_and_the_cli_share_a_store_and_keep_every_confirmed_note() {
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/harbour-ferries-web-dump.txt");
    shared_soak(&article);
}
