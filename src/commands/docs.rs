//! `folio completions SHELL` and `folio man`: shell completions and the man page, generated
//! from the same clap definition as the parser, so they never drift from it.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<()> {
    // clap_complete panics when its writer fails (a closed pipe), so it writes to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut script);
    out.write_all(&script)
}

/// Writes the man page in roff.
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}
