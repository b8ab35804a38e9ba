//! The command-line interface definition, kept in the library so the man page and shell
//! completions are generated from the same source as the parser.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Usage examples, shown by `--help` and, with the notes on files, by `--help` in long form
/// and the man page. A macro so both texts are built from one literal.
macro_rules! examples {
    () => {
        "\
Examples:
  folio article.txt                 read one article
  folio ~/articles                  browse a folder of articles
  folio outline --json page.html    print the outline as JSON
  folio render --width 72 notes.md  print the reading view as plain text
  folio add saved-page.html         copy an article into the library
  curl -s URL | folio add -         add the page a program prints
"
    };
}

const EXAMPLES: &str = examples!();

const LONG_NOTES: &str = concat!(
    examples!(),
    "
Files (under $XDG_DATA_HOME/folio, usually ~/.local/share/folio):
  library/          the articles `folio add` copies and `folio` opens
  state.json        reading positions
  annotations.json  highlights and notes
  exports/          Markdown exports

Settings:
  config.toml in $XDG_CONFIG_HOME/folio (usually ~/.config/folio)

Environment:
  FOLIO_HOME  one folder for all of folio's data and config.toml
  NO_COLOR    when set and not empty, no colours
"
);

/// A terminal reader for stored articles: outline, highlights, notes.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, after_help = EXAMPLES, after_long_help = LONG_NOTES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Articles or folders to open (default: the library folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

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
    /// Print a shell completion script.
    ///
    /// For example: `folio completions bash > ~/.local/share/bash-completion/completions/folio`,
    /// `folio completions zsh > ~/.zfunc/_folio`,
    /// `folio completions fish > ~/.config/fish/completions/folio.fish`.
    Completions(CompletionsArgs),
    /// Print the man page (roff); read it with `folio man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// Print JSON: {"title": ..., "sections": [{"level", "title", "offset"}, ...]}.
    #[arg(long)]
    pub json: bool,
    /// The article to read.
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
    /// The article to render.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Articles or folders to copy (names are kept; a clash gets a numeric suffix), or `-` for
    /// one article on standard input, named after its title.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
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
