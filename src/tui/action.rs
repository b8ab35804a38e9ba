//! The verbs a key can be bound to. Each verb's doc comment is also its line in the help
//! overlay, and its name is what `config.toml` uses (`[keys.reader] "x" = "page_down"`).

/// Declares the verbs once, so the enum, its config names and its help texts never drift apart.
macro_rules! verbs {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )+) => {
        /// A thing the user can ask for; what it does can depend on the focused pane.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Action {
            /// Every verb, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)+
                }
            }

            /// One line saying what the verb does.
            pub fn description(self) -> &'static str {
                match self {
                    $(Action::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }
        }
    };
}

verbs! {
    /// Down one line, or to the next entry
    Down = "down",
    /// Up one line, or to the previous entry
    Up = "up",
    /// Down one page
    PageDown = "page_down",
    /// Up one page
    PageUp = "page_up",
    /// Down half a page
    HalfPageDown = "half_page_down",
    /// Up half a page
    HalfPageUp = "half_page_up",
    /// To the beginning
    Top = "top",
    /// To the end
    Bottom = "bottom",
    /// Next section: its heading to the top
    NextSection = "next_section",
    /// Previous section (or the start of this one)
    PrevSection = "prev_section",
    /// Search forward; every match is highlighted (smart-case; \v starts a regex)
    Search = "search",
    /// Filter the list by title as you type (Esc clears the filter)
    Filter = "filter",
    /// Search backward from the caret (then n goes up, N down)
    SearchBack = "search_back",
    /// Next search match
    NextMatch = "next_match",
    /// Previous search match
    PrevMatch = "prev_match",
    /// Jump to the section / open the article
    Open = "open",
    /// Fold the entry (hide its subsections), or go to its parent
    Fold = "fold",
    /// Unfold the entry (show its subsections)
    Unfold = "unfold",
    /// Show or hide the outline
    ToggleOutline = "toggle_outline",
    /// Switch focus between outline and text
    SwitchFocus = "switch_focus",
    /// Show or hide this help
    Help = "help",
    /// Close the overlay, clear the search or filter
    Close = "close",
    /// Back to the library, or quit
    Back = "back",
    /// Quit folio
    Quit = "quit",
    /// Select the sentence at the cursor
    Select = "select",
    /// Cursor or selection to the end of the next word
    WordForward = "word_forward",
    /// Cursor or selection back to the start of a word
    WordBack = "word_back",
    /// Cursor or selection to the end of the sentence
    SentenceForward = "sentence_forward",
    /// Cursor or selection back to the start of a sentence
    SentenceBack = "sentence_back",
    /// Cursor or selection to the end of the paragraph
    ParagraphForward = "paragraph_forward",
    /// Cursor or selection back to the start of a paragraph
    ParagraphBack = "paragraph_back",
    /// Swap the selection's ends (the other end moves next)
    SwapEnds = "swap_ends",
    /// Highlight the selection
    Highlight = "highlight",
    /// Highlight the selection and write a note, or edit the note of the highlight here
    Annotate = "annotate",
    /// Colour 1 (yellow) for the selection or the highlight here
    Color1 = "color_1",
    /// Colour 2 (green)
    Color2 = "color_2",
    /// Colour 3 (blue)
    Color3 = "color_3",
    /// Colour 4 (pink)
    Color4 = "color_4",
    /// Colour 5 (purple)
    Color5 = "color_5",
    /// Give the highlight here (or the selection, highlighting it) a role: claim, evidence…
    SetRole = "set_role",
    /// Tag the highlight here: type a tag (Tab completes), Enter adds it, -tag removes it
    Tag = "tag",
    /// Link the highlight here to another: the notes list opens to pick it (Enter)
    Link = "link",
    /// Delete the highlight here
    DeleteHighlight = "delete_highlight",
    /// Bring back the highlight deleted last
    Undo = "undo",
    /// Next highlight (also ]a)
    NextHighlight = "next_highlight",
    /// Previous highlight (also [a)
    PrevHighlight = "prev_highlight",
    /// Show or hide the list of this article's highlights and notes
    ListHighlights = "notes",
    /// In the notes list: list the whole library's highlights, or this article's again
    WholeLibrary = "whole_library",
    /// Export this article's highlights to Markdown in the export folder
    Export = "export",
    /// List the links of the section being read, with where they lead
    Links = "links",
    /// Try again now to save highlight changes that could not be saved
    RetrySave = "retry_save",
    /// Read the article's file again (after it changed on disk), keeping the place
    Reload = "reload",
    /// Unfold or fold the page furniture at the caret (all of it when the caret is elsewhere)
    ToggleFurniture = "toggle_furniture",
}

impl Action {
    /// The verb with config name `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_verb_is_described() {
        for &action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
            assert!(!action.description().is_empty());
            assert!(!action.description().starts_with(' '));
        }
        assert_eq!(Action::from_name("no_such_verb"), None);
    }
}
