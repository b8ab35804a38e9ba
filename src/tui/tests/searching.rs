//! Searching backward (ctrl-r), smart-case, and regular expressions after `\v`.

use super::*;

fn matched(model: &Model) -> Vec<String> {
    let r = reader(model);
    r.search
        .matches
        .iter()
        .map(|m| r.article.slice(m.clone()).to_string())
        .collect()
}

#[test]
fn search_backward_smart_case_and_regex() {
    let mut model = long_model((80, 24));
    press(&mut model, &["G"]);
    let caret = reader(&model).cursor;
    press(&mut model, &["ctrl-r"]);
    type_text(&mut model, "lorem");
    press(&mut model, &["Enter"]);
    let r = reader(&model);
    let current = r.search.current.expect("a current match");
    let starts: Vec<usize> = r.search.matches.iter().map(|m| m.start).collect();
    assert_eq!(
        starts[current],
        *starts.iter().rev().find(|&&s| s < caret).unwrap(),
        "the first match is the last one before the caret"
    );
    // n goes on in the search's direction (up), N back down.
    press(&mut model, &["n"]);
    assert_eq!(reader(&model).search.current, Some(current - 1));
    press(&mut model, &["N", "N"]);
    let count = starts.len();
    assert_eq!(reader(&model).search.current, Some((current + 1) % count));

    // Smart-case: lower case ignores case, a capital makes it count.
    search_for(&mut model, "section");
    assert!(matched(&model).iter().all(|m| m == "Section"));
    assert!(!matched(&model).is_empty());
    search_for(&mut model, "SECTION");
    assert!(reader(&model).search.matches.is_empty());
    assert_eq!(model.message.as_deref(), Some("not found: SECTION"));

    // `\v` starts a regular expression; a broken one says why on Enter.
    search_for(&mut model, "\\vsection [12]\\b");
    assert_eq!(matched(&model), ["Section 1", "Section 2"]);
    search_for(&mut model, "\\v(part");
    assert!(
        model
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("not a regular expression")),
        "{:?}",
        model.message
    );
}
