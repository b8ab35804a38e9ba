//! Approximate string matching over characters: edit distance between two strings, and the
//! places where a pattern occurs in a text with at most `k` edits (Sellers' dynamic programme,
//! tracking where each alignment starts).

use std::ops::Range;

/// An approximate occurrence: `range` in the searched text, `edits` to turn it into the pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub edits: usize,
}

/// Levenshtein distance (insertions, deletions, substitutions) between `a` and `b`.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Every place in `text` where `pattern` matches with at most `k` edits, one per run of
/// neighbouring end positions (the run's best), in text order. `cells` counts the work done,
/// so callers can bound it.
pub fn find_approx(pattern: &[char], text: &[char], k: usize, cells: &mut usize) -> Vec<Hit> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    // cost[i]: fewest edits aligning pattern[..i] with some text[s..j]; from[i]: that s.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    let mut hits = Vec::new();
    let mut run: Option<Hit> = None;
    for (j, &c) in text.iter().enumerate() {
        let end = j + 1;
        let (mut diag, mut diag_from) = (cost[0], from[0]);
        from[0] = end;
        for i in 1..=m {
            let (left, left_from) = (cost[i], from[i]);
            let sub = diag + usize::from(pattern[i - 1] != c);
            let (mut best, mut best_from) = (sub, diag_from);
            if cost[i - 1] + 1 < best {
                (best, best_from) = (cost[i - 1] + 1, from[i - 1]);
            }
            if left + 1 < best {
                (best, best_from) = (left + 1, left_from);
            }
            (diag, diag_from) = (left, left_from);
            cost[i] = best;
            from[i] = best_from;
        }
        *cells += m;
        if cost[m] <= k {
            let hit = Hit {
                range: from[m]..end,
                edits: cost[m],
            };
            run = Some(match run.take() {
                Some(best) if best.edits <= hit.edits => best,
                _ => hit,
            });
        } else if let Some(best) = run.take() {
            hits.push(best);
        }
    }
    hits.extend(run);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn find(pattern: &str, text: &str, k: usize) -> Vec<(String, usize)> {
        let text_chars = chars(text);
        find_approx(&chars(pattern), &text_chars, k, &mut 0)
            .into_iter()
            .map(|h| (text_chars[h.range].iter().collect(), h.edits))
            .collect()
    }

    #[test]
    fn edit_distance_counts_each_kind_of_edit() {
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("小红书"), &chars("小绿书")), 1);
        assert_eq!(edit_distance(&chars("same"), &chars("same")), 0);
    }

    #[test]
    fn finds_exact_and_approximate_occurrences_with_their_extent() {
        assert_eq!(
            find("quick brown", "the quick brown fox", 0),
            vec![("quick brown".to_string(), 0)]
        );
        assert_eq!(
            find("quick brown fox", "a quick brawn fox jumps", 2),
            vec![("quick brawn fox".to_string(), 1)]
        );
        assert_eq!(
            find("social commerce", "a social-ecommerce site", 3),
            vec![("social-ecommerce".to_string(), 2)]
        );
    }

    #[test]
    fn separate_occurrences_are_reported_separately() {
        let found = find("needle", "a needle, a neexdle and no nedle", 1);
        let texts: Vec<_> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["needle", "neexdle", "nedle"]);
    }

    #[test]
    fn nothing_beyond_the_bound() {
        assert!(find("entirely different", "nothing like it here at all", 3).is_empty());
    }
}
