//! Scores the plain-text outline on real pages saved as text, counting the whole dump: every
//! outline entry a reader sees, and the title. Two corpora (the news benchmark, `support::corpus`,
//! and the manuals of `support::docs`), each saved four ways (see [`Kind`]), each split into a
//! development half and a held-out half by page name (news) or by manual (docs), never page by
//! page. One table is printed: corpus × dump kind → precision, recall and title accuracy, on
//! both halves, with the wrong entries counted by where they lie (above the true article, in
//! it, below it), so that a half's figures say what kind of error dominates without showing
//! its pages.
//!
//! `cargo test --release --test corpus_text_outline -- --nocapture` prints it. With
//! `FOLIO_EVAL_DEV_ONLY` the held-out half is not scored at all (tune with it set); with
//! `FOLIO_EVAL_VERBOSE`, each development page's wrong title, missed headings and wrong entries
//! are listed; with `FOLIO_EVAL_FOLDS`, each development cell is also scored on the first and
//! the second half of its pages in name order (a heuristic should win on both folds, not on
//! the one holding the page it was made for); with `FOLIO_EVAL_DUMPS=dir`, each development page's dump is written there as
//! `<page>.<kind>.txt`. Dumps by lynx and w3m are kept in the test binary's temporary folder, so
//! a second run does not start the browsers again; a browser that is not installed is skipped
//! (CI installs both).
//!
//! **Scoring.** The true article of a page is the span of the parsed dump from its title (the
//! block holding the true title nearest above the body, or else the body's first line) to the
//! block holding the body's last line. The true headings are the page's section headings (the
//! title aside) that the dump shows as a block of their own inside that span. Every outline
//! entry counts: one outside the span is wrong; one inside it is right if it names a true
//! heading not yet found, and counts neither way if it repeats the title or a heading already
//! found (pages print their headline twice, tables of contents repeat headings); anything else
//! is wrong. The title is scored on pages whose dump shows it above the body.

mod support;

use std::path::{Path, PathBuf};

use folio::article::Article;
use support::corpus::{self, match_key, ratio};
use support::docs::{self, tokens};
use support::text_browsers::Browser;
use support::{text_dump, text_unwrap};

/// One page of either corpus, with what the scoring needs of its truth.
struct Case {
    name: String,
    html: Vec<u8>,
    /// Keys (see [`key`]) of every title that counts as right.
    title_keys: Vec<String>,
    /// The section headings, the title aside, in order.
    headings: Vec<String>,
    /// The article's text, one block a line.
    body: String,
}

/// The comparison key of a heading or a title: the corpus match key without its spaces (the
/// docs truth puts spaces around inline elements inside CJK headings that pages show without).
fn key(text: &str) -> String {
    match_key(text).replace(' ', "")
}

fn news_cases() -> Option<(Vec<Case>, Vec<Case>)> {
    let pages = corpus::load()?;
    let (dev, held_out) = corpus::split(&pages);
    let case = |p: &corpus::Page| Case {
        name: p.name.trim_end_matches(".html.gz").to_string(),
        html: p.html.clone(),
        title_keys: p.title_keys.iter().map(|k| k.replace(' ', "")).collect(),
        headings: p.headings.clone(),
        body: p.body.clone(),
    };
    Some((
        dev.iter().map(case).collect(),
        held_out.iter().map(case).collect(),
    ))
}

fn docs_cases() -> Option<(Vec<Case>, Vec<Case>)> {
    let (dev, held_out) = docs::split(docs::load()?);
    let case = |p: docs::DocPage| {
        let title = key(&p.title);
        Case {
            name: p.name,
            html: p.html,
            headings: p
                .headings
                .into_iter()
                .map(|(_, h)| h)
                .filter(|h| key(h) != title)
                .collect(),
            title_keys: vec![title],
            body: p.body,
        }
    };
    Some((
        dev.into_iter().map(case).collect(),
        held_out.into_iter().map(case).collect(),
    ))
}

/// How a page is saved as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A browser's "save as text" (`support::text_dump`): wrapped at 80 columns, every
    /// structural mark left out.
    Browser,
    /// `lynx -dump` (headings outdented from an indented body).
    Lynx,
    /// `w3m -dump`.
    W3m,
    /// The page's whole text with no hard wraps (`support::text_unwrap`), like the seed.
    Unwrapped,
}

const KINDS: [Kind; 4] = [Kind::Browser, Kind::Lynx, Kind::W3m, Kind::Unwrapped];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Browser => "browser",
            Kind::Lynx => "lynx",
            Kind::W3m => "w3m",
            Kind::Unwrapped => "unwrapped",
        }
    }

    fn browser(self) -> Option<Browser> {
        match self {
            Kind::Lynx => Some(Browser::Lynx),
            Kind::W3m => Some(Browser::W3m),
            Kind::Browser | Kind::Unwrapped => None,
        }
    }

    fn available(self) -> bool {
        self.browser().is_none_or(Browser::available)
    }

    fn save(self, case: &Case) -> String {
        match self.browser() {
            Some(browser) => cached(browser, case),
            None => {
                let html = folio::article::detect::decode(&case.html)
                    .map(|d| d.text)
                    .unwrap_or_default();
                let dump = text_dump::to_text(&html);
                if self == Kind::Unwrapped {
                    text_unwrap::unwrap(&dump)
                } else {
                    dump
                }
            }
        }
    }
}

/// The browser's dump of the page, kept in the test binary's temporary folder (the pages never
/// change, and starting a browser for every page of every run is most of the evaluation's time).
fn cached(browser: Browser, case: &Case) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("text-dumps");
    let path = dir.join(format!("{}.{}.txt", case.name, browser.name()));
    if let Ok(dump) = std::fs::read_to_string(&path) {
        return dump;
    }
    let dump = browser.dump(&case.html);
    // A cache that cannot be written only costs time.
    let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, &dump));
    dump
}

/// Entries and titles of one cell of the table.
#[derive(Default, Clone, Copy, Debug)]
struct Score {
    truth: usize,
    predicted: usize,
    correct: usize,
    titled: usize,
    titles_right: usize,
    /// Wrong entries above the true article and below it (the rest of the wrong ones lie
    /// inside it).
    before: usize,
    after: usize,
    /// Wrong titles by where the chosen line lies: above the true article, inside it, below
    /// it (the rest are no block of the page, such as the file's name).
    title_before: usize,
    title_inside: usize,
    title_after: usize,
    /// Wrong titles by why the true one lost (see [`TitleMiss`]).
    misses: [usize; 4],
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.truth += o.truth;
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.titled += o.titled;
        self.titles_right += o.titles_right;
        self.before += o.before;
        self.after += o.after;
        self.title_before += o.title_before;
        self.title_inside += o.title_inside;
        self.title_after += o.title_after;
        for (m, o) in self.misses.iter_mut().zip(o.misses) {
            *m += o;
        }
    }
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.correct, self.truth)
    }
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn title_accuracy(&self) -> f64 {
        ratio(self.titles_right, self.titled)
    }
}

/// The tokens of a text joined by spaces, to find a body line inside a block.
fn token_key(text: &str) -> String {
    tokens(text).join(" ")
}

/// The opening tokens of a body line, if it has enough to be found reliably.
fn opening(line: &str) -> Option<String> {
    let words = tokens(line);
    (words.len() >= 5).then(|| words[..words.len().min(8)].join(" "))
}

/// How many blocks may separate two copies of the headline.
const TITLE_COPY_GAP: usize = 3;

/// The true article among blocks (`texts`, one per block): from the block holding the title (or,
/// failing that, the body's first line found) to the block holding the body's last line found,
/// and the title's block if it was found.
fn span(case: &Case, texts: &[&str]) -> Option<(usize, usize, Option<usize>)> {
    let keys: Vec<String> = texts.iter().map(|t| token_key(t)).collect();
    // The body's own copy of the title (the docs truth opens with it) would be found in a
    // navigation bar above the article.
    let body: Vec<String> = case
        .body
        .lines()
        .filter(|l| !case.title_keys.contains(&key(l)))
        .filter_map(opening)
        .collect();
    let first = body
        .iter()
        .find_map(|o| keys.iter().position(|k| k.contains(o.as_str())))?;
    let last = body
        .iter()
        .rev()
        .find_map(|o| keys.iter().rposition(|k| k.contains(o.as_str())))
        .unwrap_or(first)
        .max(first);
    let is_title = |i: usize| {
        let k = key(texts[i]);
        !k.is_empty() && case.title_keys.contains(&k)
    };
    // The headline nearest the body; pages often print it twice in a row (a share widget, a
    // print header), and the article starts at the first of those copies.
    let mut title = (0..first).rev().find(|i| is_title(*i));
    if title.is_none() && is_title(first) {
        title = Some(first);
    }
    while let Some(t) = title
        && let Some(copy) = (t.saturating_sub(TITLE_COPY_GAP)..t).find(|i| is_title(*i))
    {
        title = Some(copy);
    }
    Some((title.unwrap_or(first), last, title))
}

/// Why a page's true title lost, as `folio outline --explain` tells it.
#[derive(Clone, Copy, Debug)]
enum TitleMiss {
    /// The body was found to start at or above it: it was never looked at.
    BodyAbove,
    /// It was above the body but not weighed: not heading-like, or out of the window.
    NotWeighed,
    /// It was weighed and another line scored higher.
    Outscored,
    /// No line was weighed: a chapter's number chose another line.
    Numbered,
}

/// `folio outline --explain`'s rows for a page saved as `dump`.
fn explained(article: &Article, dump: &str) -> Vec<String> {
    let text = folio::article::sanitize::normalize_owned(dump.to_string());
    folio::article::explain(article, &text)
}

/// An explanation row's columns: block, decision, evidence, text.
fn columns(row: &str) -> Vec<&str> {
    row.split("  ")
        .filter(|c| !c.is_empty())
        .map(str::trim)
        .collect()
}

/// The block an explanation row is about.
fn block(row: &str) -> Option<usize> {
    row.split_whitespace().next()?.parse().ok()
}

/// Why the true title (block `t`) of a page lost, by the page's explanation `rows`.
fn title_miss(rows: &[String], t: usize) -> TitleMiss {
    let block = |row: &String| block(row);
    let body = rows
        .iter()
        .find(|r| r.contains("body starts"))
        .and_then(block);
    if body.is_some_and(|b| b <= t) {
        return TitleMiss::BodyAbove;
    }
    if rows
        .iter()
        .any(|r| r.contains("title: numbered over its sections"))
    {
        return TitleMiss::Numbered;
    }
    match rows.iter().find(|r| block(r) == Some(t)) {
        Some(row) if row.contains(" title ") => {
            if std::env::var_os("FOLIO_EVAL_MISSES").is_some() {
                // Both lines' title evidence (rule names and figures only), and how far the
                // chosen line stands from the true one in blocks, never the lines' text.
                let evidence = |r: &String| {
                    r.split(", title ")
                        .nth(1)
                        .and_then(|e| e.split("  ").next())
                        .unwrap_or_default()
                        .to_string()
                };
                let became = |r: &String| columns(r).get(1) == Some(&"title");
                if let Some(chosen) = rows.iter().find(|r| became(r)) {
                    let gap = block(chosen).map_or(0, |c| c as i64 - t as i64);
                    println!(
                        "outscored: chosen at {gap:+} {}; true {}",
                        evidence(chosen),
                        evidence(row)
                    );
                }
            }
            TitleMiss::Outscored
        }
        row => {
            if std::env::var_os("FOLIO_EVAL_MISSES").is_some() {
                // The decision and the evidence (rule names only), never the line's text.
                let why = row.map_or("no row".to_string(), |r| {
                    let columns = columns(r);
                    let evidence = columns.get(2).copied().unwrap_or_default();
                    let evidence = evidence.split(", span:").next().unwrap_or_default();
                    let passed = r
                        .split(", not title: ")
                        .nth(1)
                        .map(|w| w.split("  ").next());
                    format!("{} {evidence}; {:?}", columns[1], passed.flatten())
                });
                println!("not weighed: {why}");
            }
            TitleMiss::NotWeighed
        }
    }
}

/// What one page's outline got wrong, for `FOLIO_EVAL_VERBOSE`.
#[derive(Default)]
struct Flaws {
    /// The dump does not show the title above the body.
    untitled: bool,
    title: Option<String>,
    missed: Vec<String>,
    wrong: Vec<String>,
}

/// Scores one page saved one way; `None` when the dump does not show the article's body.
fn score(case: &Case, kind: Kind) -> Option<(Score, Flaws)> {
    let dump = kind.save(case);
    let dump_blocks: Vec<&str> = dump.split("\n\n").collect();
    let (dump_start, dump_end, dump_title) = span(case, &dump_blocks)?;
    let article = Article::from_bytes(dump.as_bytes(), Some(Path::new("page.txt")))
        .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    // The page's explanation, made once and only when a wrong title or FOLIO_EVAL_MISSES asks.
    let explanation = std::cell::OnceCell::new();
    let rows = || {
        explanation
            .get_or_init(|| explained(&article, &dump))
            .as_slice()
    };
    let texts: Vec<&str> = (0..article.blocks.len())
        .map(|i| article.block_text(i))
        .collect();
    let (start, end, true_title) = span(case, &texts)?;
    let shown: Vec<String> = dump_blocks[dump_start..=dump_end]
        .iter()
        .map(|b| key(b))
        .collect();
    let mut truth: Vec<String> = case.headings.iter().map(|h| key(h)).collect();
    truth.retain(|k| shown.contains(k));
    let title_right = case.title_keys.contains(&key(&article.title));
    let mut s = Score {
        truth: truth.len(),
        titled: usize::from(dump_title.is_some()),
        titles_right: usize::from(dump_title.is_some() && title_right),
        ..Score::default()
    };
    let mut where_title = "";
    let mut print_miss = String::new();
    if dump_title.is_some() && !title_right {
        let chosen = key(&article.title);
        where_title = match texts.iter().position(|t| key(t) == chosen) {
            Some(b) if b < start => {
                s.title_before += 1;
                "(before) "
            }
            Some(b) if b <= end => {
                s.title_inside += 1;
                "(inside) "
            }
            Some(_) => {
                s.title_after += 1;
                "(after) "
            }
            None => "(elsewhere) ",
        };
        if let Some(t) = true_title {
            let miss = title_miss(rows(), t);
            s.misses[miss as usize] += 1;
            print_miss = format!("{miss:?} ");
        }
    }
    let mut flaws = Flaws {
        untitled: dump_title.is_none(),
        title: (dump_title.is_some() && !title_right).then(|| {
            let truth = true_title.map_or("", |t| texts[t]);
            format!(
                "{where_title}{print_miss}{:?} (true: {truth:?})",
                article.title
            )
        }),
        ..Flaws::default()
    };
    // For FOLIO_EVAL_MISSES: the evidence of each wrong entry (above, inside or below the
    // article) and of each true heading missed (rule names only, never the line).
    let evidence_of = |b: usize| {
        std::env::var_os("FOLIO_EVAL_MISSES")?;
        let row = rows().iter().find(|r| block(r) == Some(b))?;
        let columns = columns(row);
        Some(format!(
            "{} | {}",
            columns[1],
            columns.get(2).unwrap_or(&"")
        ))
    };
    let corpus = if case.name.len() == 64 {
        "news"
    } else {
        "docs"
    };
    let mut found: Vec<String> = Vec::new();
    // The title's own entry opens the outline; it is scored as the title.
    let title_entry = article
        .outline
        .iter()
        .position(|e| e.title == article.title);
    for (n, entry) in article.outline.iter().enumerate() {
        let k = key(&entry.title);
        let inside = (start..=end).contains(&entry.block);
        if Some(n) == title_entry || inside && (case.title_keys.contains(&k) || found.contains(&k))
        {
            continue;
        }
        s.predicted += 1;
        match truth.iter().position(|t| *t == k).filter(|_| inside) {
            Some(at) => {
                found.push(truth.swap_remove(at));
                s.correct += 1;
            }
            None => {
                let (place, label) = match entry.block {
                    b if b < start => {
                        s.before += 1;
                        ("above", "(before) ")
                    }
                    b if b > end => {
                        s.after += 1;
                        ("below", "(after) ")
                    }
                    _ => ("inside", ""),
                };
                if let Some(evidence) = evidence_of(entry.block) {
                    println!("wrong {place} {corpus} {}: {evidence}", kind.name());
                }
                flaws.wrong.push(format!("{label}{:?}", entry.title));
            }
        }
    }
    // The same for each true heading missed: what its block became and why (its block is
    // looked for only when asked).
    if std::env::var_os("FOLIO_EVAL_MISSES").is_some() {
        for k in &truth {
            let block = (start..=end).find(|b| key(texts[*b]) == *k);
            if let Some(evidence) = block.and_then(evidence_of) {
                println!("missed {corpus} {}: {evidence}", kind.name());
            }
        }
    }
    flaws.missed = truth;
    if let Some(dir) = std::env::var_os("FOLIO_EVAL_DUMPS") {
        let path = Path::new(&dir).join(format!("{}.{}.txt", case.name, kind.name()));
        std::fs::write(&path, &dump).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    Some((s, flaws))
}

/// One half of one corpus saved one way.
fn cell(cases: &[Case], kind: Kind, verbose: bool) -> Score {
    let mut total = Score::default();
    for case in cases {
        let Some((s, flaws)) = score(case, kind) else {
            if verbose {
                println!(
                    "  {} ({}): body not in the dump, not scored",
                    case.name,
                    kind.name()
                );
            }
            continue;
        };
        total += s;
        if verbose {
            let name = format!("{} ({})", case.name, kind.name());
            if flaws.untitled {
                println!("  {name}: title not shown above the body, not scored");
            }
            if let Some(title) = flaws.title {
                println!("  {name}: wrong title {title}");
            }
            for m in flaws.missed {
                println!("  {name}: missed {m:?}");
            }
            for w in flaws.wrong {
                println!("  {name}: wrong {w}");
            }
        }
    }
    total
}

/// The least each development cell may score, as (corpus, dump kind, precision, recall, title
/// accuracy): a point under the figures when they were last set (the README's table). Falling
/// under one is a regression.
const FLOORS: [(&str, Kind, f64, f64, f64); 8] = [
    ("news", Kind::Browser, 0.78, 0.81, 0.92),
    ("news", Kind::Lynx, 0.92, 0.87, 0.91),
    ("news", Kind::W3m, 0.86, 0.80, 0.88),
    ("news", Kind::Unwrapped, 0.78, 0.81, 0.92),
    ("docs", Kind::Browser, 0.96, 0.97, 0.99),
    ("docs", Kind::Lynx, 0.94, 0.97, 0.99),
    ("docs", Kind::W3m, 0.94, 0.98, 0.97),
    ("docs", Kind::Unwrapped, 0.96, 0.97, 0.99),
];

fn floor(corpus: &str, kind: Kind) -> (f64, f64, f64) {
    FLOORS
        .iter()
        .find(|f| f.0 == corpus && f.1 == kind)
        .map_or((0.0, 0.0, 0.0), |f| (f.2, f.3, f.4))
}

/// The targets for the held-out half, as (precision, recall, title accuracy).
fn target(corpus: &str) -> (f64, f64, f64) {
    match corpus {
        "news" => (0.80, 0.85, 0.90),
        _ => (0.90, 0.90, 0.95),
    }
}

fn row(corpus: &str, kind: Kind, half: &str, s: Score) -> String {
    format!(
        "| {corpus} | {} | {half} | {:.3} | {:.3} | {:.1}% ({}/{}) | {}/{}/{} | {}/{}/{} | {}/{}/{}/{} | {}/{}/{}/{} |",
        kind.name(),
        s.precision(),
        s.recall(),
        100.0 * s.title_accuracy(),
        s.titles_right,
        s.titled,
        s.correct,
        s.predicted,
        s.truth,
        s.before,
        s.predicted - s.correct - s.before - s.after,
        s.after,
        s.title_before,
        s.title_inside,
        s.title_after,
        s.titled - s.titles_right - s.title_before - s.title_inside - s.title_after,
        s.misses[0],
        s.misses[1],
        s.misses[2],
        s.misses[3]
    )
}

/// Every cell scored, in the table's order: corpus, dump kind, half, score.
type Cells = Vec<(&'static str, Kind, &'static str, Score)>;

/// Scores every cell (the held-out half only without `FOLIO_EVAL_DEV_ONLY`) and prints the table.
fn evaluate() -> Cells {
    evaluate_corpora(&["news", "docs"])
}

/// The table of `evaluate`, for the named corpora only.
fn evaluate_corpora(names: &[&str]) -> Cells {
    let dev_only = std::env::var_os("FOLIO_EVAL_DEV_ONLY").is_some();
    let verbose = std::env::var_os("FOLIO_EVAL_VERBOSE").is_some();
    let folds = std::env::var_os("FOLIO_EVAL_FOLDS").is_some();
    let mut cells = Cells::new();
    let mut table = vec![
        "| corpus | dump | half | precision | recall | title | right/entries/true | wrong above/in/below | wrong titles above/in/below/elsewhere | true title: body above/not weighed/outscored/numbered |"
            .to_string(),
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |".to_string(),
    ];
    let corpora = [("news", news_cases as fn() -> _), ("docs", docs_cases)];
    for (corpus, cases) in corpora.iter().filter(|c| names.contains(&c.0)) {
        let Some((dev, held_out)) = &cases() else {
            continue;
        };
        for kind in KINDS.into_iter().filter(|k| k.available()) {
            let s = cell(dev, kind, verbose);
            table.push(row(corpus, kind, "development", s));
            cells.push((corpus, kind, "development", s));
            if folds {
                // Two folds of the development half, in name order: a change that wins on
                // one fold only fits the pages it was made on.
                let (a, b) = dev.split_at(dev.len() / 2);
                table.push(row(corpus, kind, "development A", cell(a, kind, false)));
                table.push(row(corpus, kind, "development B", cell(b, kind, false)));
            }
            if !dev_only {
                // Never verbose: the held-out half is for judging, not for studying.
                let s = cell(held_out, kind, false);
                table.push(row(corpus, kind, "held-out", s));
                cells.push((corpus, kind, "held-out", s));
            }
        }
    }
    println!("{}", table.join("\n"));
    cells
}

#[test]
fn outline_of_pages_saved_as_text_keeps_its_floors_or_skips() {
    let mut low = Vec::new();
    for (corpus, kind, half, s) in evaluate() {
        let (precision, recall, title) = floor(corpus, kind);
        if half == "development"
            && (s.precision() < precision || s.recall() < recall || s.title_accuracy() < title)
        {
            low.push(row(corpus, kind, half, s));
        }
    }
    assert!(low.is_empty(), "under the floor:\n{}", low.join("\n"));
}

/// The held-out cells of `corpus` under issue 12's targets (none when the held-out half was
/// not scored).
fn under_target(corpus: &str) -> Vec<String> {
    let (precision, recall, title) = target(corpus);
    let held_out: Cells = evaluate_corpora(&[corpus])
        .into_iter()
        .filter(|(_, _, half, _)| *half == "held-out")
        .collect();
    if held_out.is_empty() {
        println!("skipped: the held-out half of {corpus} was not scored");
    }
    held_out
        .into_iter()
        .filter(|(_, _, _, s)| {
            s.precision() < precision || s.recall() < recall || s.title_accuracy() < title
        })
        .map(|(corpus, kind, half, s)| row(corpus, kind, half, s))
        .collect()
}

#[test]
fn manuals_saved_as_text_meet_the_target_on_the_held_out_half_or_skip() {
    let low = under_target("docs");
    assert!(low.is_empty(), "under the target:\n{}", low.join("\n"));
}

#[test]
#[ignore = "not met yet for news: see the README's table of the held-out half"]
fn news_pages_saved_as_text_meet_the_target_on_the_held_out_half() {
    let low = under_target("news");
    assert!(low.is_empty(), "under the target:\n{}", low.join("\n"));
}

#[test]
fn unwrapped_dump_joins_wrapped_lines_and_keeps_the_page_s_own() {
    let words = "word ".repeat(40);
    let han = "汉字".repeat(60);
    let html = format!(
        "<body><p>{words}</p><ul><li>one</li><li>two</li></ul><p>{han}</p><div>a</div><div>b</div></body>"
    );
    let dump = text_dump::to_text(&html);
    assert!(dump.lines().count() > 8, "the dump wraps: {dump}");
    let unwrapped = text_unwrap::unwrap(&dump);
    let lines: Vec<&str> = unwrapped.lines().collect();
    assert_eq!(
        lines,
        [
            words.trim(),
            "",
            "  • one",
            "  • two",
            "",
            han.as_str(),
            "",
            "a",
            "b"
        ]
    );
}
