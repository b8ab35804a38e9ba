//! Running totals of display lines per block (a Fenwick tree), so that the first display line
//! of any block, and the block holding any display line, are found in O(log blocks) while the
//! counts change as blocks are laid out lazily.

/// Per-block line counts with prefix sums.
#[derive(Clone, Debug)]
pub struct LineIndex {
    counts: Vec<usize>,
    /// 1-based Fenwick tree over `counts`.
    tree: Vec<usize>,
}

impl LineIndex {
    /// Builds the index over `counts` in linear time.
    pub fn new(counts: Vec<usize>) -> LineIndex {
        let n = counts.len();
        let mut tree = vec![0; n + 1];
        for i in 1..=n {
            tree[i] += counts[i - 1];
            let parent = i + (i & i.wrapping_neg());
            if parent <= n {
                tree[parent] += tree[i];
            }
        }
        LineIndex { counts, tree }
    }

    pub fn count(&self, block: usize) -> usize {
        self.counts[block]
    }

    /// Changes the count of `block`.
    pub fn set(&mut self, block: usize, count: usize) {
        let old = self.counts[block];
        if old == count {
            return;
        }
        self.counts[block] = count;
        let mut i = block + 1;
        while i < self.tree.len() {
            self.tree[i] = self.tree[i] + count - old;
            i += i & i.wrapping_neg();
        }
    }

    /// Sum of the counts of the blocks before `block`: the index of its first line.
    pub fn prefix(&self, block: usize) -> usize {
        let mut sum = 0;
        let mut i = block.min(self.counts.len());
        while i > 0 {
            sum += self.tree[i];
            i -= i & i.wrapping_neg();
        }
        sum
    }

    pub fn total(&self) -> usize {
        self.prefix(self.counts.len())
    }

    /// The block whose lines hold line `line`: the last block whose prefix is at most `line`
    /// (among blocks with a non-zero count). Past the end, the number of blocks.
    pub fn find(&self, line: usize) -> usize {
        let n = self.counts.len();
        let mut pos = 0;
        let mut rest = line;
        let mut step = n.checked_ilog2().map_or(0, |b| 1usize << b);
        while step > 0 {
            if pos + step <= n && self.tree[pos + step] <= rest {
                pos += step;
                rest -= self.tree[pos];
            }
            step >>= 1;
        }
        pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Prefix sums and lookups agree with a plain scan after any sequence of updates.
        #[test]
        fn agrees_with_a_scan(
            counts in prop::collection::vec(1usize..6, 1..40),
            updates in prop::collection::vec((0usize..40, 1usize..9), 0..20),
        ) {
            let mut plain = counts.clone();
            let mut index = LineIndex::new(counts);
            for (block, count) in updates {
                let block = block % plain.len();
                plain[block] = count;
                index.set(block, count);
            }
            let total: usize = plain.iter().sum();
            prop_assert_eq!(index.total(), total);
            let mut start = 0;
            for (block, &count) in plain.iter().enumerate() {
                prop_assert_eq!(index.prefix(block), start);
                for line in start..start + count {
                    prop_assert_eq!(index.find(line), block);
                }
                start += count;
            }
            prop_assert_eq!(index.find(total), plain.len());
        }
    }
}
