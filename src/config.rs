//! The user's settings from `config.toml`: reading column, outline, key bindings and colours.
//!
//! A missing file means the defaults. A file that does not parse is an error naming the file
//! and line, and the caller carries on with the defaults; keys folio does not know are only
//! warnings, so a config written for a newer folio still loads.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::highlights::{Role, RolePalette};
use crate::layout::Furniture;

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file: {source}")]
    Read {
        path: PathBuf,
        source: crate::regular_file::OpenError,
    },
    #[error("{path}: the config file is not UTF-8 text")]
    NotText { path: PathBuf },
    #[error("{path}, line {line}: {message}; fix that line")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Everything `config.toml` can set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub reader: ReaderConfig,
    /// Key bindings per mode: mode name -> key -> action name, e.g. `[keys.reader] "x" =
    /// "next_section"`. Added on top of the built-in bindings; the reader checks the names.
    pub keys: BTreeMap<String, BTreeMap<String, String>>,
    pub colors: Theme,
    /// Each role's letter in the reader's role picker and the colour it implies.
    pub roles: RolesConfig,
    /// Keys in the file that folio does not know, one message each (`reader.colum_width`).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// How the reader pane lays out the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReaderConfig {
    /// The widest the text column gets, in display columns; the column is centred.
    pub column_width: u16,
    /// Whether the outline is shown beside the text when the terminal is wide enough.
    pub show_outline: bool,
    /// What the reader does with page furniture: each run folded to one line (`z` opens it),
    /// shown, or hidden.
    pub furniture: Furniture,
    /// Whether links are sent to the terminal as OSC 8 hyperlinks (clickable).
    pub hyperlinks: Hyperlinks,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            column_width: 80,
            show_outline: true,
            furniture: Furniture::Fold,
            hyperlinks: Hyperlinks::Auto,
        }
    }
}

/// When the reader makes links clickable with OSC 8 escape sequences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hyperlinks {
    /// In terminals known to support them, never inside tmux or screen.
    #[default]
    Auto,
    Always,
    Never,
}

/// Colours of the reader's parts. Foreground colours except `highlight` and `search_match`,
/// which colour the background behind the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Theme {
    pub heading: Color,
    pub quote: Color,
    pub code: Color,
    /// Page chrome (navigation, preambles) and other dimmed text.
    pub chrome: Color,
    pub highlight: Color,
    pub search_match: Color,
    pub outline_current: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            heading: Color::Cyan,
            quote: Color::Green,
            code: Color::Yellow,
            chrome: Color::DarkGray,
            highlight: Color::Yellow,
            search_match: Color::Cyan,
            outline_current: Color::Cyan,
        }
    }
}

/// `[roles]`: for each role, `key` (one letter) and `color` (a highlight colour: yellow,
/// green, blue, pink, purple).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RolesConfig {
    pub claim: RoleStyle,
    pub evidence: RoleStyle,
    pub objection: RoleStyle,
    pub question: RoleStyle,
    pub definition: RoleStyle,
}

/// One role's letter and colour.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleStyle {
    pub key: String,
    pub color: String,
}

impl Default for RolesConfig {
    fn default() -> Self {
        let style = |role: Role| RoleStyle {
            key: role.default_key().to_string(),
            color: role.default_color().name().to_string(),
        };
        RolesConfig {
            claim: style(Role::Claim),
            evidence: style(Role::Evidence),
            objection: style(Role::Objection),
            question: style(Role::Question),
            definition: style(Role::Definition),
        }
    }
}

impl RolesConfig {
    /// The palette these settings give, and a warning for each that cannot be used (that
    /// role keeps its default): a key that is not one letter, or taken by another role or
    /// by `x` (no role), or a colour that is not a highlight colour.
    pub fn palette(&self) -> (RolePalette, Vec<String>) {
        let mut palette = RolePalette::default();
        let mut warnings = Vec::new();
        let styles = [
            (Role::Claim, &self.claim),
            (Role::Evidence, &self.evidence),
            (Role::Objection, &self.objection),
            (Role::Question, &self.question),
            (Role::Definition, &self.definition),
        ];
        let mut taken = vec!['x'];
        for (role, style) in styles {
            // A role left out keeps its default letter, which must be free too.
            let given = match style.key.as_str() {
                "" => role.default_key().to_string(),
                given => given.to_string(),
            };
            let mut chars = given.chars();
            let key = match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_alphanumeric() && !taken.contains(&c) => c,
                _ => {
                    warnings.push(format!(
                        "roles.{role}.key {:?} is not a free letter",
                        style.key
                    ));
                    role.default_key()
                }
            };
            taken.push(key);
            let named = crate::highlights::Color::from_name(&style.color);
            let color = named
                .filter(|_| !style.color.is_empty())
                .unwrap_or_else(|| {
                    if style.color.is_empty() {
                        return role.default_color();
                    }
                    warnings.push(format!(
                        "roles.{role}.color {:?} is not a highlight colour",
                        style.color
                    ));
                    role.default_color()
                });
            palette.set(role, key, color);
        }
        (palette, warnings)
    }
}

/// A terminal colour: one of the sixteen named ones, the terminal's own default, or `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Color {
    /// The terminal's default colour.
    Default,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
    Rgb(u8, u8, u8),
}

const COLOR_NAMES: [(&str, Color); 17] = [
    ("default", Color::Default),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

impl Color {
    /// Reads a colour name (any case; `-`, ` ` or nothing may stand for `_`; `grey` for `gray`)
    /// or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Color> {
        let text = text.trim();
        if let Some(hex) = text.strip_prefix('#') {
            let channel = |i: usize| {
                hex.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            };
            return match (hex.len(), channel(0), channel(2), channel(4)) {
                (6, Some(r), Some(g), Some(b)) => Some(Color::Rgb(r, g, b)),
                _ => None,
            };
        }
        let key: String = text
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("grey", "gray");
        COLOR_NAMES
            .iter()
            .find(|(name, _)| name.replace('_', "") == key)
            .map(|&(_, color)| color)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            named => {
                let name = COLOR_NAMES
                    .iter()
                    .find(|(_, c)| c == named)
                    .map_or("default", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

impl TryFrom<String> for Color {
    type Error = String;

    fn try_from(text: String) -> Result<Color, String> {
        Color::parse(&text).ok_or_else(|| {
            let names: Vec<&str> = COLOR_NAMES.iter().map(|(name, _)| *name).collect();
            format!(
                "unknown colour {text:?}: use #rrggbb or one of {}",
                names.join(", ")
            )
        })
    }
}

impl From<Color> for String {
    fn from(color: Color) -> String {
        color.to_string()
    }
}

impl Config {
    /// Loads the config file at `path`; a missing file gives the defaults. Anything but a
    /// regular file there (a FIFO, a device) is refused at once instead of read without end.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        use crate::regular_file::{OpenError, read};
        match read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(&text, path),
                Err(_) => Err(ConfigError::NotText {
                    path: path.to_path_buf(),
                }),
            },
            Err(OpenError::NotFound) => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parses the text of a config file; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let syntax = |err: toml::de::Error| {
            let line = err
                .span()
                .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
            ConfigError::Syntax {
                path: path.to_path_buf(),
                line,
                message: err.message().trim().to_string(),
            }
        };
        let table: toml::Table = toml::from_str(text).map_err(syntax)?;
        let mut config: Config = toml::from_str(text).map_err(syntax)?;
        // The defaults, written out, list every key folio knows; `keys` is free-form by design.
        if let Ok(toml::Value::Table(known)) = toml::Value::try_from(Config::default()) {
            unknown_keys(&table, &known, "", &mut config.warnings);
        }
        for warning in &mut config.warnings {
            // Key names are the file's own text: nothing in them may reach the terminal.
            *warning = format!(
                "{}: unknown setting `{}` ignored (`folio config --example` lists every setting)",
                path.display(),
                crate::article::sanitize::strip_controls(warning)
            );
        }
        Ok(config)
    }
}

/// Collects dotted names of keys in `given` that `known` lacks.
fn unknown_keys(given: &toml::Table, known: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (key, value) in given {
        let name = format!("{prefix}{key}");
        match known.get(key) {
            _ if name == "keys" => {}
            None => out.push(name),
            Some(toml::Value::Table(inner)) => {
                if let toml::Value::Table(value) = value {
                    unknown_keys(value, inner, &format!("{name}."), out);
                }
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    #[test]
    fn missing_file_gives_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let config = Config::load(&tmp.path().join("config.toml")).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.reader.column_width, 80);
        assert!(config.reader.show_outline);
    }

    #[test]
    fn partial_file_keeps_other_defaults() {
        let config = parse(
            "[reader]\ncolumn_width = 66\n\n[keys.reader]\n\"x\" = \"next_section\"\n\n\
             [colors]\nheading = \"#FF8000\"\nquote = \"Dark Grey\"\n",
        )
        .unwrap();
        assert_eq!(config.reader.column_width, 66);
        assert!(config.reader.show_outline);
        assert_eq!(config.keys["reader"]["x"], "next_section");
        assert_eq!(config.colors.heading, Color::Rgb(255, 128, 0));
        assert_eq!(config.colors.quote, Color::DarkGray);
        assert_eq!(config.colors.code, Theme::default().code);
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let err = parse("[reader]\ncolumn_width = 70\nshow_outline = yes\n").unwrap_err();
        let message = err.to_string();
        assert!(
            matches!(err, ConfigError::Syntax { line: 3, .. }),
            "{message}"
        );
        assert_eq!(
            message,
            "/cfg/config.toml, line 3: string values must be quoted, expected literal string; \
             fix that line"
        );
        // One line, whatever the parser said, so it fits the status line.
        for broken in [
            "[reader\n",
            "x = \"abc\n",
            "a = 1\n\0\n",
            "[reader]\nx = 1\nx = 2\n",
        ] {
            let message = parse(broken).unwrap_err().to_string();
            assert!(!message.contains('\n'), "{message}");
            assert!(message.contains(", line "), "{message}");
        }
    }

    #[test]
    fn bad_values_are_errors_with_their_line() {
        let err = parse("[colors]\nheading = \"cyan\"\nquote = \"purpel\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { line: 3, .. }), "{err}");
        assert!(err.to_string().contains("purpel"), "{err}");
        let err = parse("[reader]\ncolumn_width = -4\n").unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { line: 2, .. }), "{err}");
    }

    #[test]
    fn unknown_keys_warn_but_load() {
        let config = parse(
            "theme = \"dark\"\n[reader]\ncolum_width = 60\n[colors]\nlink = \"red\"\n\
             [keys.library]\n\"z\" = \"open\"\n",
        )
        .unwrap();
        assert_eq!(config.reader, ReaderConfig::default());
        let names: Vec<&str> = config
            .warnings
            .iter()
            .map(|w| w.split('`').nth(1).unwrap())
            .collect();
        assert_eq!(names, ["colors.link", "reader.colum_width", "theme"]);
        assert!(config.warnings[0].starts_with("/cfg/config.toml: unknown setting"));
        // A key name carrying a terminal escape (a title change) is shown without it.
        let config = parse("\"\\u001b]0;owned\\u0007x\" = 1\n").unwrap();
        assert_eq!(config.warnings.len(), 1);
        assert!(
            config.warnings[0].contains("setting `x` ignored"),
            "{:?}",
            config.warnings
        );
    }

    #[test]
    fn colours_round_trip_through_their_names() {
        for (name, color) in COLOR_NAMES {
            assert_eq!(Color::parse(name), Some(color));
            assert_eq!(color.to_string(), name);
        }
        assert_eq!(Color::parse("DarkGrey"), Some(Color::DarkGray));
        assert_eq!(Color::parse("#0a0B0c").unwrap().to_string(), "#0a0b0c");
        for bad in ["#12345", "#1234567", "#gg0000", "", "pink"] {
            assert_eq!(Color::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn issue15_11_an_unknown_setting_names_the_command_that_lists_them() {
        let config = parse("[reader]\ncolum_width = 60\n").unwrap();
        assert_eq!(config.warnings.len(), 1);
        assert!(
            config.warnings[0].contains("`folio config --example` lists every setting"),
            "{:?}",
            config.warnings
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_config_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // On another thread, so that a load that blocks fails the test instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        let probe = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Config::load(&probe).map_err(|e| e.to_string()));
        });
        let loaded = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("loading a FIFO config returns instead of waiting for a writer");
        let message = loaded.expect_err("a FIFO is not a config file");
        assert!(message.contains("not a regular file"), "{message}");
    }

    #[test]
    fn example_file_documents_the_defaults() {
        let text = include_str!("../assets/config.example.toml");
        let config = parse(text).unwrap();
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        assert_eq!(config, Config::default());
        // Every setting folio knows appears in the example, so none goes undocumented.
        let toml::Value::Table(known) = toml::Value::try_from(Config::default()).unwrap() else {
            panic!("defaults are a table");
        };
        for (section, value) in &known {
            if let toml::Value::Table(inner) = value {
                for key in inner.keys() {
                    assert!(
                        text.contains(&format!("\n{key} = ")),
                        "{section}.{key} missing"
                    );
                }
            }
        }
    }
}
