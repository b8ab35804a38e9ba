//! Scores the plain-text outline on real news pages saved as text (see `support::text_dump`):
//! heading recall and precision over each page's article region, on a development half and a
//! held-out half of the benchmark corpus.

mod support;

use std::path::Path;

use folio::article::Article;
use support::corpus::{self, Page, match_key};
use support::text_dump;

/// Found and predicted headings for one page.
#[derive(Default, Clone, Copy)]
struct Score {
    truth: usize,
    predicted: usize,
    correct: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.truth += o.truth;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.correct, self.truth)
    }
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// How many blocks may separate two copies of the headline.
const TITLE_COPY_GAP: usize = 3;

/// Key of the opening words of a body line, to find the line in the dump's blocks.
fn opening(line: &str) -> Option<String> {
    let key = match_key(line);
    let words: Vec<&str> = key.split(' ').take(8).collect();
    (words.len() >= 5).then(|| words.join(" "))
}

/// Scores one page. The article region runs from the block holding the title (or, failing
/// that, the body's first sentence) to the block holding the body's last line; headings the
/// parser puts outside it (in the page's chrome) are not scored.
fn score(page: &Page, verbose: bool) -> Score {
    let html = folio::article::detect::decode(&page.html)
        .map(|d| d.text)
        .unwrap_or_default();
    let dump = text_dump::to_text(&html);
    if verbose && let Some(dir) = std::env::var_os("FOLIO_EVAL_DUMPS") {
        let path = Path::new(&dir).join(page.name.replace(".html.gz", ".txt"));
        std::fs::write(&path, &dump).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let article = Article::from_bytes(dump.as_bytes(), Some(Path::new("page.txt")))
        .unwrap_or_else(|e| panic!("{}: {e}", page.name));
    let keys: Vec<String> = (0..article.blocks.len())
        .map(|i| match_key(article.block_text(i)))
        .collect();
    let body_lines: Vec<String> = page.body.lines().filter_map(opening).collect();
    let first = body_lines
        .first()
        .and_then(|o| keys.iter().position(|k| k.contains(o.as_str())));
    let last = body_lines
        .last()
        .and_then(|o| keys.iter().rposition(|k| k.contains(o.as_str())));
    let Some(first) = first else {
        if verbose {
            println!(
                "  {}: body not found in the dump, page not scored",
                page.name
            );
        }
        return Score::default();
    };
    // The headline nearest the body; pages often print it twice in a row (a share widget, a
    // print header), and the region starts at the first of those copies.
    let is_title = |i: usize| page.title_matches(article.block_text(i));
    let mut title_block = (0..first).rev().find(|i| is_title(*i));
    while let Some(t) = title_block
        && let Some(copy) = (t.saturating_sub(TITLE_COPY_GAP)..t).find(|i| is_title(*i))
    {
        title_block = Some(copy);
    }
    let start = title_block.unwrap_or(first);
    let end = last.unwrap_or(keys.len() - 1).max(first);

    let mut truth: Vec<String> = page.headings.iter().map(|h| match_key(h)).collect();
    truth.retain(|k| keys[start..=end].contains(k));
    let mut want_title = title_block.is_some();
    let total = truth.len() + usize::from(want_title);
    let mut s = Score {
        truth: total,
        ..Score::default()
    };
    for section in &article.outline {
        if !(start..=end).contains(&section.block) {
            continue;
        }
        s.predicted += 1;
        let key = match_key(&section.title);
        if want_title && page.title_matches(&section.title) {
            want_title = false;
            s.correct += 1;
        } else if let Some(at) = truth.iter().position(|t| *t == key) {
            truth.swap_remove(at);
            s.correct += 1;
        } else if verbose {
            println!("  {}: wrong heading {:?}", page.name, section.title);
        }
    }
    if verbose {
        if want_title {
            println!("  {}: missed title {:?}", page.name, page.title);
        }
        for t in &truth {
            println!("  {}: missed heading {t:?}", page.name);
        }
    }
    s
}

/// The target on the held-out half: 90% of the true headings at 90% precision.
const TARGET: f64 = 0.9;
/// A little under what the parser reached when this evaluation was written (held-out: recall
/// 75.9%, precision 57.5%): falling under it is a regression.
const FLOOR_RECALL: f64 = 0.74;
const FLOOR_PRECISION: f64 = 0.55;

/// Scores both halves and prints them; only the development half's misses (and, with
/// FOLIO_EVAL_DUMPS=dir, its dumps) are ever shown: the held-out half is for judging.
fn evaluate() -> Option<Score> {
    let pages = corpus::load()?;
    let (dev, held_out) = corpus::split(&pages);
    let verbose = std::env::var_os("FOLIO_EVAL_VERBOSE").is_some();
    let mut dev_score = Score::default();
    for page in dev {
        dev_score += score(page, verbose);
    }
    let mut held_score = Score::default();
    for page in held_out {
        held_score += score(page, false);
    }
    for (name, s) in [("development", dev_score), ("held-out", held_score)] {
        println!(
            "{name}: {} true headings, {} predicted, {} correct: recall {:.1}%, precision {:.1}%",
            s.truth,
            s.predicted,
            s.correct,
            100.0 * s.recall(),
            100.0 * s.precision()
        );
    }
    Some(held_score)
}

/// Fails unless the held-out half reaches both minimums.
fn assert_held_out(min_recall: f64, min_precision: f64) {
    let Some(held) = evaluate() else { return };
    assert!(
        held.recall() >= min_recall,
        "held-out recall {:.3}",
        held.recall()
    );
    assert!(
        held.precision() >= min_precision,
        "held-out precision {:.3}",
        held.precision()
    );
}

#[test]
fn outline_of_pages_saved_as_text_does_not_regress() {
    assert_held_out(FLOOR_RECALL, FLOOR_PRECISION);
}

#[test]
#[ignore = "not met yet: held-out recall 75.9%, precision 57.5% against the 90% target"]
fn outline_of_pages_saved_as_text_meets_the_target() {
    assert_held_out(TARGET, TARGET);
}
