//! Fuzzes re-anchoring: a highlight made on a random text is looked for again after random
//! edits. It is verified in place on the unchanged text, and on the edited one it never claims
//! `verified` or `moved` on words other than its quote, even when its target is forged.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Shared with the proptest suite; not every target uses every check.
#[allow(dead_code)]
#[path = "../../tests/support/invariants.rs"]
mod invariants;

use invariants::Edit;

fuzz_target!(
    |input: (String, u16, u8, Vec<(u16, u8, String)>, Option<String>)| {
        let (text, start, len, edits, forged) = input;
        let edits: Vec<Edit> = edits
            .into_iter()
            .take(8)
            .map(|(at, removed, inserted)| Edit {
                at: at.into(),
                removed: removed.into(),
                inserted,
            })
            .collect();
        let checked =
            invariants::check_reanchor(&text, start.into(), len.into(), &edits, forged.as_deref());
        if let Err(broken) = checked {
            panic!("{broken}");
        }
    }
);
