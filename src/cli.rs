//! The command-line interface definition, kept in the library so the man page and shell
//! completions are generated from the same source as the parser.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::highlights::{Color, Role};
use crate::layout::Furniture;

/// Usage examples, shown by `--help` and, with the notes on files, by `--help` in long form
/// and the man page. A macro so both texts are built from one literal.
macro_rules! examples {
    () => {
        "\
Examples:
  folio article.txt                 read one article
  curl -s URL | folio               read what a program prints
  folio ~/articles                  browse a folder of articles
  folio outline --json page.html    print the outline as JSON
  folio render --width 72 notes.md  print the reading view as plain text
  folio add saved-page.html         copy an article into the library
  curl -s URL | folio add -         add the page a program prints
  folio highlight a.txt -q 'social commerce' -n 'a key term'
                                    highlight a passage and attach a note
  folio notes --json a.txt          list an article's highlights with their status
  folio import ~/folio-unsaved-notes.json
                                    add notes the reader could not save to the store
"
    };
}

const EXAMPLES: &str = examples!();

/// The notes `--help` prints after the options: examples, files, settings, environment. Each
/// block starts with a heading line ending in `:` (the man page makes them sections).
pub const LONG_NOTES: &str = concat!(
    examples!(),
    "
Files (under $XDG_DATA_HOME/folio, usually ~/.local/share/folio):
  library/          the articles `folio add` copies and `folio` opens
  state.json        reading positions
  annotations.json  highlights and notes
  exports/          Markdown exports
  drafts/           notes being written when folio was stopped, offered back

Settings:
  config.toml in $XDG_CONFIG_HOME/folio (usually ~/.config/folio)

Environment:
  FOLIO_HOME  one folder for all of folio's data and config.toml
  NO_COLOR    when set and not empty, no colours
"
);

/// A terminal reader for stored articles: outline, highlights, notes.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, after_help = EXAMPLES, after_long_help = LONG_NOTES)]
pub struct Cli {
    /// Articles or folders to open (default: the library folder); `-`, or no path with an
    /// article piped in, reads one from standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The highlights file to read and write (default: annotations.json in the data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub annotations: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print an article's outline (its headings, in document order).
    Outline(OutlineArgs),
    /// Print the reading view as text wrapped to a width, like a pager-less reader.
    Render(RenderArgs),
    /// Copy articles or folders of articles into the library; `-` reads one from standard input.
    Add(AddArgs),
    /// Highlight a passage of an article, found by its text, without opening the reader.
    ///
    /// Prints the new highlight's id. White space in the quote matches any white space in the
    /// article. A quote that is not in the article, or occurs more than once without
    /// --occurrence, is an error.
    Highlight(HighlightArgs),
    /// List highlights and notes with their anchoring status (verified, moved, fuzzy, review,
    /// orphan): one article's, or every article's in the store.
    Notes(NotesArgs),
    /// Export an article's highlights and notes as Markdown (for notes apps) or Web Annotation
    /// JSON-LD (for other tools).
    ///
    /// One article goes to standard output unless -o names a file; --all (or several
    /// articles) writes one file per article into a folder (-o DIR, default: the exports folder
    /// in the data folder). Exporting over an earlier export replaces only the part between
    /// folio's markers and keeps what you wrote around it; if you edited inside the markers,
    /// folio refuses unless --force, and then keeps your version as FILE.bak.
    Export(ExportArgs),
    /// Merge other annotations files into the highlights store: the file the reader wrote when
    /// it could not save (it names it on exit), or a copy from another machine.
    ///
    /// Highlights are matched by id: new ones are added, and of two versions of one the newer
    /// wins, so deletions stay deleted and importing a file twice changes nothing.
    Import(ImportArgs),
    /// Print a shell completion script.
    ///
    /// For example: `folio completions bash > ~/.local/share/bash-completion/completions/folio`,
    /// `folio completions zsh > ~/.zfunc/_folio`,
    /// `folio completions fish > ~/.config/fish/completions/folio.fish`.
    Completions(CompletionsArgs),
    /// Print the man page (roff); read it with `folio man | man -l -`.
    Man,
    /// Say where the settings file is; with --example, print every setting with its default
    /// (`folio config --example > FILE` starts one).
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// Print JSON: {"title": ..., "sections": [{"level", "title", "offset"}, ...]}.
    #[arg(long)]
    pub json: bool,
    /// For a plain-text article, print every line that could be a heading with the evidence
    /// read from it (shape, gates, section number) and what it became.
    #[arg(long, conflicts_with = "json")]
    pub explain: bool,
    /// The article to read (`-`: standard input).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Wrap at this many display columns (default: the terminal's width, else 80).
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(2..))]
    pub width: Option<u16>,
    /// When to use colours and bold.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Page furniture (site menus, share buttons, comment forms): left out, folded into one
    /// line per run, or shown.
    #[arg(long, value_enum, default_value_t = Furniture::Hide)]
    pub furniture: Furniture,
    /// The article to render (`-`: standard input).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the example settings file: every setting at its default, explained.
    #[arg(long)]
    pub example: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Articles or folders to copy (names are kept; a clash gets a numeric suffix), or `-` for
    /// one article on standard input, named after its title.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Annotations files to merge in.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles whose highlights to export.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Export every article in the highlights store, one file each.
    #[arg(long, conflicts_with = "files")]
    pub all: bool,
    /// A file, a folder, or `-` for standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Markdown, or W3C Web Annotation JSON-LD.
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Replace an earlier export even where you edited inside folio's markers (your version is
    /// kept as a .bak file).
    #[arg(long)]
    pub force: bool,
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown with YAML front matter.
    Md,
    /// W3C Web Annotation Data Model JSON-LD.
    Json,
}

impl ExportFormat {
    /// The file-name extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Json => "json",
        }
    }
}

#[derive(Debug, Args)]
pub struct HighlightArgs {
    /// The article.
    pub file: PathBuf,
    /// The words to highlight, as they appear in the article.
    #[arg(long, short)]
    pub quote: String,
    /// A note to attach (Markdown).
    #[arg(long, short, default_value = "")]
    pub note: String,
    /// The highlight's colour (default: the role's colour, or yellow).
    #[arg(long, short, value_parser = color_parser())]
    pub color: Option<Color>,
    /// Which occurrence of the quote to highlight, counting from 1, when it occurs more than once.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub occurrence: Option<u32>,
    /// The passage's part in the argument.
    #[arg(long, value_parser = role_parser())]
    pub role: Option<Role>,
    /// The id of a highlight (of any article) this passage supports, as evidence for a claim.
    #[arg(long, value_name = "ID")]
    pub supports: Vec<String>,
    /// The id of a highlight this passage opposes, as an objection to a claim.
    #[arg(long, value_name = "ID")]
    pub opposes: Vec<String>,
    /// The id of a highlight (a question) this passage answers.
    #[arg(long, value_name = "ID")]
    pub answers: Vec<String>,
}

fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    clap::builder::PossibleValuesParser::new(Role::ALL.map(Role::name))
        .map(|name| Role::from_name(&name).unwrap_or(Role::Claim))
}

fn color_parser() -> impl clap::builder::TypedValueParser<Value = Color> {
    clap::builder::PossibleValuesParser::new(Color::ALL.map(Color::name))
        .map(|name| Color::from_name(&name).unwrap_or_default())
}

#[derive(Debug, Args)]
pub struct NotesArgs {
    /// Print JSON (the shape is described in the README).
    #[arg(long)]
    pub json: bool,
    /// Only highlights whose quote, note or tags hold every word of PATTERN, ignoring case and
    /// the width of letters and digits (fullwidth `ＡＢＣ` finds `abc`).
    #[arg(long, value_name = "PATTERN")]
    pub grep: Option<String>,
    /// Only highlights of this role.
    #[arg(long, value_parser = role_parser())]
    pub role: Option<Role>,
    /// Only highlights with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// The article whose highlights to list (default: every article in the store).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Whether output carries terminal styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only when writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}
