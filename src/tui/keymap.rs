//! Keys to verbs, per mode: the defaults embedded from `assets/keymap.toml`, patched by the
//! user's `[keys.<mode>]` tables.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Which bindings apply: the focused pane's, then the global ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    Global,
    Reader,
    Outline,
    Library,
    Help,
    /// The reader while a selection is being made.
    Select,
    /// The list of the article's highlights.
    Highlights,
    /// The note editor: its keys are the editor's own, not bindable.
    Editor,
}

impl Mode {
    pub const ALL: [Mode; 8] = [
        Mode::Global,
        Mode::Reader,
        Mode::Outline,
        Mode::Library,
        Mode::Help,
        Mode::Select,
        Mode::Highlights,
        Mode::Editor,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Reader => "reader",
            Mode::Outline => "outline",
            Mode::Library => "library",
            Mode::Help => "help",
            Mode::Select => "select",
            Mode::Highlights => "notes",
            Mode::Editor => "editor",
        }
    }

    fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A key with its modifiers, normalised so that "G" and shift-g are the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// `KeyCode` does not order; the subset folio binds does, through this mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Named {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

const NAMES: [(&str, Named); 15] = [
    ("Enter", Named::Enter),
    ("Esc", Named::Esc),
    ("Tab", Named::Tab),
    ("BackTab", Named::BackTab),
    ("Backspace", Named::Backspace),
    ("Delete", Named::Delete),
    ("Insert", Named::Insert),
    ("Up", Named::Up),
    ("Down", Named::Down),
    ("Left", Named::Left),
    ("Right", Named::Right),
    ("PageUp", Named::PageUp),
    ("PageDown", Named::PageDown),
    ("Home", Named::Home),
    ("End", Named::End),
];

impl Key {
    /// The key of a terminal key event, or `None` for keys folio never binds.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(Named::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Delete => KeyCodeOrd::Named(Named::Delete),
            KeyCode::Insert => KeyCodeOrd::Named(Named::Insert),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        })
    }
}

impl FromStr for Key {
    type Err = ();

    fn from_str(s: &str) -> Result<Key, ()> {
        let mut key = Key {
            code: KeyCodeOrd::Char(' '),
            ctrl: false,
            alt: false,
        };
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && lower.starts_with("ctrl-") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 2 && lower.starts_with("alt-") {
                key.alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ if rest.eq_ignore_ascii_case("space") => KeyCodeOrd::Char(' '),
            _ => {
                if let Some((_, named)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)) {
                    KeyCodeOrd::Named(*named)
                } else if let Some(n) = rest
                    .strip_prefix(['F', 'f'])
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCodeOrd::F(n)
                } else {
                    return Err(());
                }
            }
        };
        Ok(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(named) => {
                let name = NAMES
                    .iter()
                    .find(|(_, n)| *n == named)
                    .map_or("?", |(s, _)| s);
                f.write_str(name)
            }
        }
    }
}

/// A problem with a key binding, naming where it is and what to write instead.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error("[keys.{0}]: no such mode; use one of global, reader, outline, library, help")]
    UnknownMode(String),
    #[error(
        "[keys.{mode}] \"{key}\": not a key; write a character (\"j\"), a name (PageDown, Space, Enter) or ctrl-/alt- before one"
    )]
    BadKey { mode: String, key: String },
    #[error("[keys.{mode}] \"{key}\" = \"{action}\": no such action; use one of {known}")]
    UnknownAction {
        mode: String,
        key: String,
        action: String,
        /// The action names there are, for the message.
        known: String,
    },
    #[error("the built-in keymap does not parse: {0}")]
    Default(String),
}

/// Bindings per mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    maps: BTreeMap<Mode, BTreeMap<Key, Action>>,
}

/// The shape of the keymap file and of the config's `[keys]` table: mode -> key -> action.
pub type KeyTables = BTreeMap<String, BTreeMap<String, String>>;

impl Keymap {
    /// The built-in bindings.
    pub fn defaults() -> Result<Keymap, KeymapError> {
        let tables: KeyTables =
            toml::from_str(DEFAULT_KEYMAP).map_err(|e| KeymapError::Default(e.to_string()))?;
        let mut keymap = Keymap {
            maps: BTreeMap::new(),
        };
        keymap.apply(&tables)?;
        Ok(keymap)
    }

    /// Patches the bindings with `tables` (binding to "none" removes a key).
    pub fn apply(&mut self, tables: &KeyTables) -> Result<(), KeymapError> {
        for (mode_name, keys) in tables {
            let mode = Mode::from_name(mode_name)
                .ok_or_else(|| KeymapError::UnknownMode(mode_name.clone()))?;
            let map = self.maps.entry(mode).or_default();
            for (key_name, action_name) in keys {
                let key: Key = key_name.parse().map_err(|()| KeymapError::BadKey {
                    mode: mode_name.clone(),
                    key: key_name.clone(),
                })?;
                if action_name == "none" {
                    map.remove(&key);
                    continue;
                }
                let action =
                    Action::from_name(action_name).ok_or_else(|| KeymapError::UnknownAction {
                        mode: mode_name.clone(),
                        key: key_name.clone(),
                        action: action_name.clone(),
                        known: Action::ALL
                            .iter()
                            .map(|a| a.name())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })?;
                map.insert(key, action);
            }
        }
        Ok(())
    }

    /// The verb `key` means in `mode`.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let own = self.maps.get(&mode).and_then(|m| m.get(&key)).copied();
        if own.is_some() {
            return own;
        }
        self.maps.get(&Mode::Global)?.get(&key).copied()
    }

    /// A key that means `action` in `mode`, for messages that tell the user what to press.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<Key> {
        [mode, Mode::Global]
            .iter()
            .filter_map(|m| self.maps.get(m))
            .flat_map(|map| map.iter())
            .find(|&(&key, &a)| a == action && self.lookup(mode, key) == Some(action))
            .map(|(&key, _)| key)
    }

    /// The keys bound in `mode` itself (not through global), grouped by verb in help order.
    pub fn bindings(&self, mode: Mode) -> Vec<(Action, Vec<Key>)> {
        let Some(map) = self.maps.get(&mode) else {
            return Vec::new();
        };
        Action::ALL
            .iter()
            .filter_map(|&action| {
                let keys: Vec<Key> = map
                    .iter()
                    .filter(|&(_, &a)| a == action)
                    .map(|(&k, _)| k)
                    .collect();
                (!keys.is_empty()).then_some((action, keys))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        ))
        .unwrap()
    }

    #[test]
    fn key_strings_parse_and_print() {
        for s in [
            "j", "]", "G", "ctrl-d", "PageDown", "Space", "F1", "alt-x", "BackTab",
        ] {
            let key: Key = s.parse().unwrap();
            assert_eq!(key.to_string(), s);
        }
        assert_eq!("pagedown".parse::<Key>(), "PageDown".parse::<Key>());
        assert!("Ctrl-".parse::<Key>().is_err());
        assert!("F13".parse::<Key>().is_err());
        assert!("nope".parse::<Key>().is_err());
    }

    #[test]
    fn events_match_parsed_keys() {
        let shift_g = event(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(shift_g, "G".parse().unwrap());
        let ctrl_d = event(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(ctrl_d, "ctrl-d".parse().unwrap());
        let back_tab = event(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(back_tab, "BackTab".parse().unwrap());
    }

    #[test]
    fn defaults_cover_the_documented_keys() {
        let keymap = Keymap::defaults().unwrap();
        let at = |mode, s: &str| keymap.lookup(mode, s.parse().unwrap());
        assert_eq!(at(Mode::Reader, "j"), Some(Action::Down));
        assert_eq!(at(Mode::Reader, "ctrl-u"), Some(Action::HalfPageUp));
        assert_eq!(at(Mode::Reader, "]"), Some(Action::NextSection));
        assert_eq!(at(Mode::Outline, "Enter"), Some(Action::Open));
        assert_eq!(at(Mode::Outline, "j"), Some(Action::Down));
        // The library moves with the same keys; `/` starts its filter.
        assert_eq!(at(Mode::Library, "j"), Some(Action::Down));
        assert_eq!(at(Mode::Library, "/"), Some(Action::Filter));
        assert_eq!(at(Mode::Library, "Down"), Some(Action::Down));
        assert_eq!(at(Mode::Reader, "R"), Some(Action::Reload));
    }

    #[test]
    fn the_key_for_a_verb_is_one_that_reaches_it() {
        let mut keymap = Keymap::defaults().unwrap();
        let r: Key = "R".parse().unwrap();
        assert_eq!(keymap.key_for(Mode::Reader, Action::Reload), Some(r));
        // A reader binding shadowing the global one leaves no key for the verb there.
        let mut tables = KeyTables::new();
        tables
            .entry("reader".into())
            .or_default()
            .insert("R".into(), "top".into());
        keymap.apply(&tables).unwrap();
        assert_eq!(keymap.key_for(Mode::Reader, Action::Reload), None);
        assert_eq!(keymap.key_for(Mode::Outline, Action::Reload), Some(r));
    }

    #[test]
    fn user_tables_rebind_remove_and_report_mistakes() {
        let mut keymap = Keymap::defaults().unwrap();
        let mut tables = KeyTables::new();
        tables
            .entry("reader".into())
            .or_default()
            .extend([("x".to_string(), "page_down".to_string())]);
        tables
            .entry("global".into())
            .or_default()
            .extend([("j".to_string(), "none".to_string())]);
        keymap.apply(&tables).unwrap();
        assert_eq!(
            keymap.lookup(Mode::Reader, "x".parse().unwrap()),
            Some(Action::PageDown)
        );
        assert_eq!(keymap.lookup(Mode::Reader, "j".parse().unwrap()), None);

        let mut bad = KeyTables::new();
        bad.entry("reader".into())
            .or_default()
            .insert("x".into(), "fly".into());
        assert!(matches!(
            keymap.apply(&bad),
            Err(KeymapError::UnknownAction { .. })
        ));
        let mut bad = KeyTables::new();
        bad.entry("pager".into()).or_default();
        assert_eq!(
            keymap.apply(&bad),
            Err(KeymapError::UnknownMode("pager".into()))
        );
    }
}
