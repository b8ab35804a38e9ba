//! Scores the plain-text outline on real news pages saved as text: section-heading recall and
//! precision over each page's article region, and title accuracy, on a development half and a
//! held-out half of the benchmark corpus.
//!
//! Pages are saved as text three ways: as a browser's text with every structural mark left
//! out, like a copy-and-paste dump (`support::text_dump`), and by the text-mode browsers lynx
//! and w3m (`support::text_browsers`), whose dumps keep some layout (lynx sets headings left of
//! an indented body; both centre captions and indent quotations). A test of a browser that is
//! not installed says it is skipped; CI installs both.
//!
//! The title is scored as the HTML evaluation scores it: on its own (is the article's title the
//! page's headline?), and outline entries that repeat the title count neither for nor against
//! the sections. The truth lists each heading once, so an entry that repeats a heading already
//! found counts neither way either.
//!
//! With `FOLIO_EVAL_VERBOSE`, each development page's misses and wrong headings are listed, with
//! tallies of what the parser made of the missed headings and of what follows the wrong ones;
//! with `FOLIO_EVAL_DUMPS=dir`, each development page's dump and a table of its article's blocks
//! (true heading or not, kind, text) are written there as `<page>.<saver>.txt` and `.tsv`; with
//! `FOLIO_EVAL_DEV_ONLY`, the held-out half is not scored at all.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use folio::article::Article;
use support::corpus::{self, Page, match_key};
use support::text_browsers::Browser;
use support::text_dump;

/// Found and predicted section headings, and titles, for one page or a set.
#[derive(Default, Clone, Copy)]
struct Score {
    truth: usize,
    predicted: usize,
    correct: usize,
    /// Pages whose headline the dump shows above the body.
    titled: usize,
    titles_right: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.truth += o.truth;
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.titled += o.titled;
        self.titles_right += o.titles_right;
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

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Counts of causes, over the development half.
#[derive(Default)]
struct Counts(BTreeMap<String, usize>);

impl Counts {
    fn add(&mut self, what: String) {
        *self.0.entry(what).or_default() += 1;
    }
}

/// What the parser made of missed headings, and what follows right and wrong ones.
#[derive(Default)]
struct Tally {
    missed: Counts,
    right: Counts,
    wrong: Counts,
}

/// How many blocks may separate two copies of the headline.
const TITLE_COPY_GAP: usize = 3;

/// Key of the opening words of a body line, to find the line in the dump's blocks.
fn opening(line: &str) -> Option<String> {
    let key = match_key(line);
    let words: Vec<&str> = key.split(' ').take(8).collect();
    (words.len() >= 5).then(|| words.join(" "))
}

/// The article region among `keys` (one per block): from the block holding the title (or,
/// failing that, the body's first line found) to the block holding the body's last line found,
/// and the title's block if it was found.
fn region(page: &Page, keys: &[String]) -> Option<(usize, usize, Option<usize>)> {
    let body_lines: Vec<String> = page.body.lines().filter_map(opening).collect();
    // The first and last body lines the blocks show (a line may be missing, or spaced
    // differently where the page glued two elements together).
    let first = body_lines
        .iter()
        .find_map(|o| keys.iter().position(|k| k.contains(o.as_str())))?;
    let last = body_lines
        .iter()
        .rev()
        .find_map(|o| keys.iter().rposition(|k| k.contains(o.as_str())));
    // The headline nearest the body; pages often print it twice in a row (a share widget, a
    // print header), and the region starts at the first of those copies.
    let is_title = |i: usize| page.title_keys.contains(&keys[i]) && !keys[i].is_empty();
    let mut title = (0..first).rev().find(|i| is_title(*i));
    while let Some(t) = title
        && let Some(copy) = (t.saturating_sub(TITLE_COPY_GAP)..t).find(|i| is_title(*i))
    {
        title = Some(copy);
    }
    let start = title.unwrap_or(first);
    let end = last.unwrap_or(keys.len() - 1).max(first);
    Some((start, end, title))
}

/// How a page is saved as text.
#[derive(Clone, Copy, Debug)]
enum Saver {
    /// `support::text_dump`: a browser's text with every structural mark left out.
    Plain,
    /// A text-mode browser's `-dump`.
    Browser(Browser),
}

impl Saver {
    fn save(self, page: &Page) -> String {
        match self {
            Saver::Plain => {
                let html = folio::article::detect::decode(&page.html)
                    .map(|d| d.text)
                    .unwrap_or_default();
                text_dump::to_text(&html)
            }
            Saver::Browser(browser) => browser.dump(&page.html),
        }
    }

    fn available(self) -> bool {
        match self {
            Saver::Plain => true,
            Saver::Browser(browser) => browser.available(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Saver::Plain => "plain dump",
            Saver::Browser(browser) => browser.name(),
        }
    }
}

/// Scores one page. True headings are those the dump shows as a block of their own inside the
/// article region; predicted ones are the outline's entries inside the region of the parsed
/// blocks, the title's repeats aside. With `tally`, misses and wrong headings are printed and
/// tallied.
fn score(page: &Page, saver: Saver, tally: Option<&mut Tally>) -> Score {
    let dump = saver.save(page);
    // Where this page's dump and table go: `<page>.<saver>.txt` and `.tsv`.
    let study = std::env::var_os("FOLIO_EVAL_DUMPS")
        .filter(|_| tally.is_some())
        .map(|dir| {
            let stem = page.name.replace(".html.gz", "");
            let saver = saver.name().replace(' ', "-");
            move |extension: &str| Path::new(&dir).join(format!("{stem}.{saver}.{extension}"))
        });
    if let Some(study) = &study {
        let path = study("txt");
        std::fs::write(&path, &dump).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let dump_keys: Vec<String> = dump.split("\n\n").map(match_key).collect();
    let article = Article::from_bytes(dump.as_bytes(), Some(Path::new("page.txt")))
        .unwrap_or_else(|e| panic!("{}: {e}", page.name));
    let keys: Vec<String> = (0..article.blocks.len())
        .map(|i| match_key(article.block_text(i)))
        .collect();
    let (Some((dump_start, dump_end, dump_title)), Some((start, end, _))) =
        (region(page, &dump_keys), region(page, &keys))
    else {
        if tally.is_some() {
            println!(
                "  {}: body not found in the dump, page not scored",
                page.name
            );
        }
        return Score::default();
    };
    let mut truth: Vec<String> = page.headings.iter().map(|h| match_key(h)).collect();
    truth.retain(|k| dump_keys[dump_start..=dump_end].contains(k));
    if let Some(study) = &study {
        write_table(&study("tsv"), &article, &truth, start..=end);
    }
    let mut s = Score {
        truth: truth.len(),
        titled: usize::from(dump_title.is_some()),
        titles_right: usize::from(dump_title.is_some() && page.title_matches(&article.title)),
        ..Score::default()
    };
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    let mut found: Vec<String> = Vec::new();
    for section in &article.outline {
        let key = match_key(&section.title);
        // The truth lists each heading once: a repeat of one found counts neither way, as
        // the title's repeats do.
        if !(start..=end).contains(&section.block)
            || page.title_matches(&section.title)
            || found.contains(&key)
        {
            continue;
        }
        s.predicted += 1;
        if let Some(at) = truth.iter().position(|t| *t == key) {
            truth.swap_remove(at);
            found.push(key);
            s.correct += 1;
            right.push(section.block);
        } else {
            wrong.push(section.block);
        }
    }
    // What follows a heading: the kind of the next block, and whether it is a long one.
    let then = |b: usize| {
        article
            .blocks
            .get(b + 1)
            .map_or("then end".to_string(), |n| {
                let long = article.block_text(b + 1).chars().count() > 100;
                format!("then {:?}{}", n.kind, if long { " (long)" } else { "" })
            })
    };
    if let Some(tally) = tally {
        if dump_title.is_some() && s.titles_right == 0 {
            println!("  {}: wrong title {:?}", page.name, article.title);
        }
        for t in &truth {
            let block = keys.iter().position(|k| k == t);
            let made = block.map_or("no block of its own".to_string(), |b| {
                format!("{:?}", article.blocks[b].kind)
            });
            println!("  {}: missed {t:?} ({made})", page.name);
            tally.missed.add(made);
        }
        for b in wrong {
            println!(
                "  {}: wrong {:?} ({})",
                page.name,
                article.block_text(b),
                then(b)
            );
            tally.wrong.add(then(b));
        }
        for b in right {
            tally.right.add(then(b));
        }
    }
    s
}

/// One line per block of the article region, for studying misses and wrong headings: whether
/// the block is a true heading, its kind, and its text.
fn write_table(
    path: &Path,
    article: &Article,
    truth: &[String],
    region: std::ops::RangeInclusive<usize>,
) {
    let rows: Vec<String> = region
        .map(|b| {
            let text = article.block_text(b);
            let truth = truth.contains(&match_key(text));
            format!(
                "{}\t{:?}\t{}",
                u8::from(truth),
                article.blocks[b].kind,
                text.replace(['\n', '\t'], " ")
            )
        })
        .collect();
    std::fs::write(path, rows.join("\n")).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The target on the held-out half: 90% of the true headings at 90% precision.
const TARGET: f64 = 0.9;

/// A little under what the parser reaches now on the held-out half, with section headings as
/// `support::corpus` defines them and the title scored apart: falling under it is a
/// regression. Held-out figures when these were set (development half in brackets):
/// - plain dump: recall 86.9%, precision 72.3% (82.0%, 78.9%);
/// - lynx: recall 84.1%, precision 79.0% (88.3%, 90.4%);
/// - w3m: recall 87.5%, precision 60.0% (81.9%, 81.9%).
fn floor(saver: Saver) -> (f64, f64) {
    match saver {
        Saver::Plain => (0.86, 0.71),
        Saver::Browser(Browser::Lynx) => (0.83, 0.78),
        Saver::Browser(Browser::W3m) => (0.87, 0.59),
    }
}

/// Scores both halves and prints them; only the development half's misses (and, with
/// FOLIO_EVAL_DUMPS=dir, its dumps) are ever shown: the held-out half is for judging.
fn evaluate(saver: Saver) -> Option<Score> {
    if !saver.available() {
        return None;
    }
    let pages = corpus::load()?;
    println!("pages saved as text by: {}", saver.name());
    let (dev, held_out) = corpus::split(&pages);
    let verbose = std::env::var_os("FOLIO_EVAL_VERBOSE").is_some();
    let mut tally = Tally::default();
    let mut dev_score = Score::default();
    for page in dev {
        dev_score += score(page, saver, verbose.then_some(&mut tally));
    }
    if verbose {
        println!("missed headings, as parsed: {:?}", tally.missed.0);
        println!("right headings, by what follows: {:?}", tally.right.0);
        println!("wrong headings, by what follows: {:?}", tally.wrong.0);
    }
    print_score("development", dev_score);
    if std::env::var_os("FOLIO_EVAL_DEV_ONLY").is_some() {
        // While tuning, the held-out half is not even scored, so its figures are not seen.
        return None;
    }
    let mut held_score = Score::default();
    for page in held_out {
        held_score += score(page, saver, None);
    }
    print_score("held-out", held_score);
    Some(held_score)
}

fn print_score(name: &str, s: Score) {
    println!(
        "{name}: {} true section headings, {} predicted, {} correct: recall {:.1}%, \
         precision {:.1}%; title right on {} of {} pages ({:.1}%)",
        s.truth,
        s.predicted,
        s.correct,
        100.0 * s.recall(),
        100.0 * s.precision(),
        s.titles_right,
        s.titled,
        100.0 * s.title_accuracy()
    );
}

/// Fails unless the held-out half reaches both minimums.
fn assert_held_out(saver: Saver, min_recall: f64, min_precision: f64) {
    let Some(held) = evaluate(saver) else { return };
    assert!(
        held.recall() >= min_recall,
        "{}: held-out recall {:.3}",
        saver.name(),
        held.recall()
    );
    assert!(
        held.precision() >= min_precision,
        "{}: held-out precision {:.3}",
        saver.name(),
        held.precision()
    );
}

#[test]
fn outline_of_pages_saved_as_text_does_not_regress_or_skip() {
    let (recall, precision) = floor(Saver::Plain);
    assert_held_out(Saver::Plain, recall, precision);
}

#[test]
fn outline_of_pages_saved_by_lynx_does_not_regress_or_skip() {
    let saver = Saver::Browser(Browser::Lynx);
    let (recall, precision) = floor(saver);
    assert_held_out(saver, recall, precision);
}

#[test]
fn outline_of_pages_saved_by_w3m_does_not_regress_or_skip() {
    let saver = Saver::Browser(Browser::W3m);
    let (recall, precision) = floor(saver);
    assert_held_out(saver, recall, precision);
}

#[test]
#[ignore = "not met: held-out recall/precision 86.9%/72.3% (plain dump), 84.1%/79.0% (lynx), 87.5%/60.0% (w3m) against 90%/90%; picture and video captions, teasers and other stories' headlines inside the article read like section headings"]
fn outline_of_pages_saved_as_text_meets_the_target() {
    for saver in [
        Saver::Plain,
        Saver::Browser(Browser::Lynx),
        Saver::Browser(Browser::W3m),
    ] {
        assert_held_out(saver, TARGET, TARGET);
    }
}
