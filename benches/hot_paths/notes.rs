//! The notes list's filter (issue 18): 10,000 highlights with roles and links, narrowed by
//! what is typed after `/`, one keystroke at a time (each keystroke filters the whole list
//! again, folding every quote, note and tag as it goes).

use std::path::PathBuf;

use divan::Bencher;
use folio::highlights::{AnchorStatus, Color, HighlightId, Link, Resolved, Role};
use folio::tui::model::HighlightList;
use folio::tui::model::highlights::Scope;
use folio::tui::protocol::LibraryNote;

const HIGHLIGHTS: usize = 10_000;

/// Highlights as a long-read library has them: English and Chinese quotes, notes, a tag,
/// every role, each linked to the one before.
fn highlights() -> Vec<Resolved> {
    (0..HIGHLIGHTS)
        .map(|i| {
            let quote = match i % 3 {
                0 => format!("Creators moved their audiences to Xiaohongshu, passage {i}."),
                1 => format!("小红书的电商野心仍处于起步阶段，第{i}段。"),
                _ => format!("This approach, known as social commerce, number {i}."),
            };
            Resolved {
                id: HighlightId(format!("{i:026}")),
                range: Some(i * 100..i * 100 + 60),
                status: AnchorStatus::Verified,
                color: Color::Yellow,
                note: format!("My note on passage {i}, about Platform Dynamics and trust."),
                tags: vec![format!("topic-{}", i % 50)],
                role: Some(Role::ALL[i % Role::ALL.len()]),
                links: (i > 0)
                    .then(|| Link {
                        target: format!("{:026}", i - 1),
                        kind: "supports".into(),
                        extra: Default::default(),
                    })
                    .into_iter()
                    .collect(),
                dangling: Vec::new(),
                section: vec!["Section".into()],
                quote,
                created_at: jiff::Timestamp::UNIX_EPOCH,
                updated_at: jiff::Timestamp::UNIX_EPOCH,
            }
        })
        .collect()
}

/// One keystroke: the list with `typed` as its filter, the rows it shows. The target is 50 ms.
#[divan::bench(args = ["s", "soc", "social comm", "电商", "evidence"], sample_count = 20)]
fn notes_filter_keystroke(bencher: Bencher, typed: &str) {
    let all = highlights();
    let list = HighlightList {
        filter: typed.to_string(),
        ..HighlightList::default()
    };
    bencher.bench(|| list.visible(&all).len());
}

/// Articles the library-wide list's 10,000 highlights are spread over.
const ARTICLES: usize = 500;

/// One keystroke in the notes list switched to the whole library (`w`): the same 10,000
/// highlights as the store hands them over, spread over 500 articles. The target is 50 ms.
#[divan::bench(args = ["s", "social comm", "电商"], sample_count = 20)]
fn library_notes_filter_keystroke(bencher: Bencher, typed: &str) {
    let notes = highlights()
        .into_iter()
        .enumerate()
        .map(|(i, h)| LibraryNote {
            id: h.id,
            title: format!("Article {}", i % ARTICLES),
            path: Some(PathBuf::from(format!("articles/{}.txt", i % ARTICLES))),
            quote: h.quote,
            note: h.note,
            tags: h.tags,
            role: h.role,
        })
        .collect();
    let list = HighlightList {
        filter: typed.to_string(),
        scope: Scope::Library(notes),
        ..HighlightList::default()
    };
    bencher.bench(|| list.visible_notes().len());
}
