//! The parts a highlight can play in an argument (its role) and how highlights relate (links).

use std::fmt;

use super::model::Color;

/// What a highlighted passage does in the article's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Claim,
    Evidence,
    Objection,
    Question,
    Definition,
}

impl Role {
    /// Every role, in the order the picker shows them.
    pub const ALL: [Role; 5] = [
        Role::Claim,
        Role::Evidence,
        Role::Objection,
        Role::Question,
        Role::Definition,
    ];

    /// The name stored in the file and accepted on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Role::Claim => "claim",
            Role::Evidence => "evidence",
            Role::Objection => "objection",
            Role::Question => "question",
            Role::Definition => "definition",
        }
    }

    /// Parses a stored or typed role name (case-insensitive).
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The colour a highlight of this role gets when the user chose none (see `[roles]` in
    /// the config to change it).
    pub fn default_color(self) -> Color {
        match self {
            Role::Claim => Color::Blue,
            Role::Evidence => Color::Green,
            Role::Objection => Color::Pink,
            Role::Question => Color::Purple,
            Role::Definition => Color::Yellow,
        }
    }

    /// The letter that picks this role in the reader's role picker, unless configured.
    pub fn default_key(self) -> char {
        match self {
            Role::Claim => 'c',
            Role::Evidence => 'e',
            Role::Objection => 'o',
            Role::Question => 'q',
            Role::Definition => 'd',
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The letter that picks each role in the reader and the colour it implies: the defaults, or
/// what `[roles]` in the config says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RolePalette {
    keys: [char; 5],
    colors: [Color; 5],
}

impl Default for RolePalette {
    fn default() -> Self {
        RolePalette {
            keys: Role::ALL.map(Role::default_key),
            colors: Role::ALL.map(Role::default_color),
        }
    }
}

impl RolePalette {
    fn index(role: Role) -> usize {
        Role::ALL.iter().position(|&r| r == role).unwrap_or(0)
    }

    /// Sets `role`'s letter and colour.
    pub fn set(&mut self, role: Role, key: char, color: Color) {
        self.keys[Self::index(role)] = key;
        self.colors[Self::index(role)] = color;
    }

    /// The letter that picks `role`.
    pub fn key(&self, role: Role) -> char {
        self.keys[Self::index(role)]
    }

    /// The colour `role` implies.
    pub fn color(&self, role: Role) -> Color {
        self.colors[Self::index(role)]
    }

    /// The role letter `key` picks, if any.
    pub fn role_for(&self, key: char) -> Option<Role> {
        Role::ALL.into_iter().find(|&r| self.key(r) == key)
    }
}

/// How one highlight relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// Evidence for a claim (or for anything).
    Supports,
    /// An objection to it.
    Opposes,
    /// A claim answering a question.
    Answers,
}

impl LinkKind {
    /// Every kind, in the order they are offered.
    pub const ALL: [LinkKind; 3] = [LinkKind::Supports, LinkKind::Opposes, LinkKind::Answers];

    /// The name stored in the file.
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Supports => "supports",
            LinkKind::Opposes => "opposes",
            LinkKind::Answers => "answers",
        }
    }

    /// Parses a stored kind name (case-insensitive).
    pub fn from_name(name: &str) -> Option<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_and_link_names_parse_back() {
        for r in Role::ALL {
            assert_eq!(Role::from_name(&r.name().to_uppercase()), Some(r));
        }
        for k in LinkKind::ALL {
            assert_eq!(LinkKind::from_name(k.name()), Some(k));
        }
        assert_eq!(Role::from_name("rebuttal"), None);
    }
}
