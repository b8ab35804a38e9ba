//! Column widths fitted to the pane: each column as wide as its widest cell when they all fit,
//! else the widest columns give way first, down to a least width each; `None` when even the
//! least widths do not fit (the table is then shown as records).

/// The narrowest a column is made, in terminal columns, unless its text is narrower: room for
/// a short word or one wide character and a bit.
const LEAST: usize = 3;

/// A column is never made narrower than its longest word up to this width, so that a pane
/// too narrow for that shows records rather than words cut into pieces.
const WORD_CAP: usize = 10;

/// The least width of a column whose widest cell takes `natural` columns and whose longest
/// word takes `word`.
pub fn least(natural: usize, word: usize) -> usize {
    natural.min(word.clamp(LEAST, WORD_CAP))
}

/// Widths for columns that want `natural` columns and need at least `least`, together no
/// more than `room` columns.
pub fn fit(natural: &[usize], least: &[usize], room: usize) -> Option<Vec<usize>> {
    if least.iter().sum::<usize>() > room {
        return None;
    }
    if natural.iter().sum::<usize>() <= room {
        return Some(natural.to_vec());
    }
    let capped = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(least)
            .map(|(&n, &l)| n.min(cap).max(l))
            .collect()
    };
    // The widest cap that fits: the total grows with the cap, and fits at 0 (the least widths)
    // but not at the widest column's width (the natural widths).
    let (mut fits, mut too_wide) = (0, natural.iter().copied().max().unwrap_or(0));
    while too_wide - fits > 1 {
        let mid = (fits + too_wide) / 2;
        if capped(mid).iter().sum::<usize>() <= room {
            fits = mid;
        } else {
            too_wide = mid;
        }
    }
    // The columns still cut short share what is left, widest first.
    Some(widen(capped(fits), natural, room))
}

/// `widths` grown towards `natural` with what `room` has left, a column at a time, the
/// widest wanting first.
pub fn widen(mut widths: Vec<usize>, natural: &[usize], room: usize) -> Vec<usize> {
    let mut spare = room.saturating_sub(widths.iter().sum::<usize>());
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(natural[i]));
    while spare > 0 {
        let before = spare;
        for &i in &order {
            if spare > 0 && widths[i] < natural[i] {
                widths[i] += 1;
                spare -= 1;
            }
        }
        if spare == before {
            break;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_widest_columns_give_way_first() {
        assert_eq!(fit(&[4, 30, 20], &[3, 3, 3], 60), Some(vec![4, 30, 20]));
        assert_eq!(fit(&[4, 30, 20], &[3, 3, 3], 34), Some(vec![4, 15, 15]));
        assert_eq!(fit(&[4, 30, 20], &[3, 10, 10], 20), None);
        assert_eq!(least(2, 2), 2);
        assert_eq!(least(40, 14), 10);
    }

    proptest! {
        #[test]
        fn widths_fill_the_room_within_their_bounds(
            columns in prop::collection::vec((1usize..40, 1usize..12), 1..8),
            room in 0usize..120,
        ) {
            let natural: Vec<usize> = columns.iter().map(|c| c.0).collect();
            let least: Vec<usize> = columns.iter().map(|c| least(c.0, c.1)).collect();
            match fit(&natural, &least, room) {
                None => prop_assert!(least.iter().sum::<usize>() > room),
                Some(widths) => {
                    let total: usize = widths.iter().sum();
                    prop_assert_eq!(total, room.min(natural.iter().sum()));
                    for i in 0..widths.len() {
                        prop_assert!(least[i] <= widths[i] && widths[i] <= natural[i]);
                    }
                }
            }
        }
    }
}
