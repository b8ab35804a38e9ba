//! The tag prompt's state (`t`): the highlight being tagged and the tag typed so far.

use crate::highlights::HighlightId;

/// The tag prompt, while it is open on a highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPrompt {
    /// The highlight the tag goes to.
    pub id: HighlightId,
    /// Its tags when the prompt opened, shown so that `-tag` knows what it can take away.
    pub current: Vec<String>,
    /// What was typed: a tag to add, or `-tag` to take one away.
    pub typed: String,
}

impl TagPrompt {
    /// Whether what is typed takes a tag away (`-tag`) rather than adding one.
    pub fn removing(&self) -> bool {
        self.typed.starts_with('-')
    }

    /// The tag typed, without the `-` that takes it away.
    pub fn tag(&self) -> &str {
        self.typed.strip_prefix('-').unwrap_or(&self.typed).trim()
    }

    /// The tags what is typed may complete to: for a tag to add, those used anywhere in the
    /// store (`known`) and not on this highlight yet; for `-tag`, the highlight's own.
    /// Matched from the start, ignoring case.
    pub fn candidates<'a>(&'a self, known: &'a [String]) -> Vec<&'a str> {
        let begun = self.tag().to_lowercase();
        let from: Vec<&String> = match self.removing() {
            true => self.current.iter().collect(),
            false => (known.iter())
                .filter(|t| !self.current.contains(t))
                .collect(),
        };
        (from.into_iter())
            .filter(|t| t.to_lowercase().starts_with(&begun))
            .map(String::as_str)
            .collect()
    }
}
