//! The role picker's state (`r`): what the next letter gives a role to.

use std::ops::Range;

use crate::highlights::{HighlightId, Role};

/// What the role picker is open on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleTarget {
    /// A highlight already made.
    Highlight(HighlightId),
    /// A selection, highlighted when the role is picked.
    Selection(Range<usize>),
}

/// A role picked for a selection whose highlight the store has not reported yet: given to
/// the highlight on exactly `range` once it is listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingRole {
    pub range: Range<usize>,
    pub role: Role,
}
