//! The `folio` binary: parses the command line, runs one command, maps failures to exit codes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use folio::article::Article;
use folio::cli::{Cli, ColorChoice, Command, OutlineArgs, RenderArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`folio render x | head`) is not an error worth reporting.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            // Messages quote file names, which may carry escape sequences of their own.
            let message = folio::article::sanitize::strip_controls(&format!("{err:#}"));
            eprintln!("folio: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Outline(args)) => outline(&args),
        Some(Command::Render(args)) => render(&args),
        None => anyhow::bail!("the reader is not built yet; try `folio render FILE`"),
    }
}

fn outline(args: &OutlineArgs) -> Result<()> {
    let article = Article::open(&args.file)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = serde_json::json!({ "title": article.title, "sections": article.outline });
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        writeln!(out, "{}", article.title)?;
        for section in &article.outline {
            let indent = "  ".repeat(usize::from(section.level.saturating_sub(1)));
            writeln!(out, "{indent}{}", section.title)?;
        }
    }
    Ok(())
}

fn render(args: &RenderArgs) -> Result<()> {
    let article = Article::open(&args.file)?;
    let stdout = std::io::stdout();
    let width = args.width.map(usize::from).unwrap_or_else(|| {
        if stdout.is_terminal() {
            crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w))
        } else {
            80
        }
    });
    let styled = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut out = stdout.lock();
    out.write_all(folio::render::render(&article, width, styled).as_bytes())?;
    out.flush()?;
    Ok(())
}
