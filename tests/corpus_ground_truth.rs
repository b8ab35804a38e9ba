//! Checks that the benchmark corpus loads and that the derived truth (titles, headings) is sound,
//! so the HTML and plain-text evaluations score against something meaningful.

mod support;

use support::corpus;

#[test]
fn corpus_loads_with_bodies_titles_and_headings_or_skip() {
    let Some(pages) = corpus::load() else {
        return;
    };
    assert!(pages.len() >= 100, "only {} pages", pages.len());
    for page in &pages {
        assert!(!page.html.is_empty(), "{}: empty page", page.name);
        assert!(!page.body.trim().is_empty(), "{}: no true body", page.name);
        let title = page.title.as_deref().unwrap_or_default();
        assert!(page.title_matches(title), "{}: title {title:?}", page.name);
        for heading in &page.headings {
            assert!(!page.title_matches(heading), "{}: {heading:?}", page.name);
        }
    }
    let with_headings = pages.iter().filter(|p| !p.headings.is_empty()).count();
    let headings: usize = pages.iter().map(|p| p.headings.len()).sum();
    println!(
        "{} pages, {} with true headings, {} headings",
        pages.len(),
        with_headings,
        headings
    );
    assert!(
        with_headings * 10 >= pages.len(),
        "too few pages with headings"
    );
}

#[test]
fn split_is_by_sorted_name_into_halves_or_skip() {
    let Some(pages) = corpus::load() else {
        return;
    };
    let (dev, held_out) = corpus::split(&pages);
    assert_eq!(dev.len() + held_out.len(), pages.len());
    assert!(dev.len().abs_diff(held_out.len()) <= 1);
    assert!(dev.last().map(|p| &p.name) < held_out.first().map(|p| &p.name));
}

#[test]
fn match_key_ignores_case_punctuation_and_spacing() {
    assert_eq!(
        corpus::match_key("Só quem se  Ama…"),
        corpus::match_key("só quem se ama...")
    );
    assert_eq!(corpus::match_key("“We’re on it.”"), "we re on it");
    assert_eq!(corpus::match_key("  — "), "");
}
