//! Scores the HTML reader on real manual pages (the docs corpus: Sphinx, Publican and DocBook
//! XSL pages in eight languages): how much of each chapter's true text the reader shows (outside
//! folded furniture), how many of its true headings the outline finds and how many outline
//! entries are true headings, and whether the title is right. The development half was used for
//! tuning; the held-out half (other manuals, see `support::docs`) carries the assertions.
//! `cargo test --test corpus_docs_html -- --nocapture` prints both halves' figures; with
//! `FOLIO_EVAL_DEV_ONLY=1` only the development half is scored.

mod support;

use std::collections::HashSet;
use std::path::Path;

use folio::article::{Article, BlockKind};
use support::corpus::{ratio, token_recall};
use support::docs::{self, DocPage, tokens};

/// The comparison key of a heading: the corpus match key without its spaces, as the truth puts
/// spaces around inline elements inside CJK headings ("给 稳定版 使用者") that the page shows
/// without them.
fn key(text: &str) -> String {
    support::corpus::match_key(text).replace(' ', "")
}

/// What one page contributes to the scores.
struct Score {
    found: usize,
    true_headings: usize,
    entries: usize,
    title_right: bool,
    coverage: f64,
    misses: Vec<String>,
    extras: Vec<String>,
    title: String,
}

fn score(page: &DocPage) -> Score {
    let article = Article::from_bytes(&page.html, Some(Path::new("page.html")))
        .unwrap_or_else(|e| panic!("{}: {e}", page.name));
    let shown: String = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Chrome)
        .map(|(i, _)| article.block_text(i))
        .collect::<Vec<_>>()
        .join("\n");
    let truth: HashSet<String> = page.headings.iter().map(|(_, h)| key(h)).collect();
    let mut seen = HashSet::new();
    let entries: Vec<&str> = article
        .outline
        .iter()
        .map(|s| s.title.as_str())
        .filter(|t| seen.insert(key(t)))
        .collect();
    let keys: HashSet<String> = entries.iter().map(|t| key(t)).collect();
    Score {
        found: truth.intersection(&keys).count(),
        true_headings: truth.len(),
        entries: entries.len(),
        title_right: key(&article.title) == key(&page.title),
        coverage: token_recall(tokens(&page.body), tokens(&shown)),
        misses: page
            .headings
            .iter()
            .map(|(_, h)| h.clone())
            .filter(|h| !keys.contains(&key(h)))
            .collect(),
        extras: entries
            .iter()
            .filter(|t| !truth.contains(&key(t)))
            .map(|t| t.to_string())
            .collect(),
        title: article.title.clone(),
    }
}

/// Totals over a half.
struct Summary {
    recall: f64,
    precision: f64,
    titles_wrong: usize,
    lowest_coverage: f64,
}

fn summarise(label: &str, pages: &[DocPage], details: bool) -> Summary {
    let scores: Vec<Score> = pages.iter().map(score).collect();
    let found: usize = scores.iter().map(|s| s.found).sum();
    let true_headings: usize = scores.iter().map(|s| s.true_headings).sum();
    let entries: usize = scores.iter().map(|s| s.entries).sum();
    let summary = Summary {
        recall: ratio(found, true_headings),
        precision: ratio(found, entries),
        titles_wrong: scores.iter().filter(|s| !s.title_right).count(),
        lowest_coverage: scores.iter().map(|s| s.coverage).fold(1.0, f64::min),
    };
    for (page, s) in pages.iter().zip(&scores) {
        let flawed = !s.misses.is_empty() || !s.extras.is_empty() || !s.title_right;
        if details && (flawed || s.coverage < 0.98) {
            println!(
                "  {label} {}: title {:?} (true {:?}) coverage {:.3} missed {:?} extra {:?}",
                page.name, s.title, page.title, s.coverage, s.misses, s.extras
            );
        }
    }
    let below = scores.iter().filter(|s| s.coverage < 0.98).count();
    println!(
        "{label}: {} pages, {true_headings} true headings: recall {:.3}, precision {:.3}, \
         {} titles wrong, lowest coverage {:.3}, {below} pages under 0.98",
        pages.len(),
        summary.recall,
        summary.precision,
        summary.titles_wrong,
        summary.lowest_coverage
    );
    summary
}

#[test]
fn docs_html_on_held_out_manuals_or_skip() {
    let Some(pages) = docs::load() else {
        return;
    };
    let (dev, held_out) = docs::split(pages);
    summarise("docs dev", &dev, true);
    if std::env::var_os("FOLIO_EVAL_DEV_ONLY").is_some() {
        return;
    }
    let held = summarise("docs held-out", &held_out, false);
    assert!(held.recall >= 0.95, "heading recall {:.3}", held.recall);
    assert!(
        held.precision >= 0.95,
        "heading precision {:.3}",
        held.precision
    );
    assert_eq!(held.titles_wrong, 0, "titles wrong");
    // Issue 13's target: every held-out page shows at least 98% of its true text.
    assert!(
        held.lowest_coverage >= 0.98,
        "lowest text coverage {:.3}",
        held.lowest_coverage
    );
}
