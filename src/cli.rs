//! The command-line interface definition, kept in the library so the man page and shell
//! completions are generated from the same source as the parser.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  folio article.txt                 read one article
  folio ~/articles                  browse a folder of articles
  folio outline --json page.html    print the outline as JSON
  folio render --width 72 notes.md  print the reading view as plain text
";

/// A terminal reader for stored articles: outline, highlights, notes.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
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

/// Whether output carries terminal styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only when writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}
