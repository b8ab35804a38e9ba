//! The `folio` binary: parses the command line, runs one command, maps failures to exit codes.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use folio::article::Article;
use folio::cli::{Cli, ColorChoice, Command, OutlineArgs, RenderArgs};
use folio::commands;
use folio::config::Config;
use folio::paths::Paths;
use folio::reading::ReadingState;
use folio::tui::keymap::Keymap;
use folio::tui::ui::theme::Theme;
use folio::tui::{Ending, Settings, Start};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`folio render x | head`) is not an error worth reporting.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("folio: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Outline(args)) => outline(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Render(args)) => render(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Add(args)) => {
            let library = Paths::from_env()?.library_dir();
            commands::add::run(&args, &library, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions(args)) => {
            commands::docs::completions(args.shell, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            commands::docs::man(&mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        None => read(&cli.paths),
    }
}

/// The default command: the reader on one file. When standard output is not a terminal,
/// the reading view is printed instead, as `folio render` would.
fn read(paths: &[PathBuf]) -> Result<ExitCode> {
    let [path] = paths else {
        anyhow::bail!("the library view is not wired yet; open one file: `folio FILE`");
    };
    let article = Article::open(path)?;
    if !std::io::stdout().is_terminal() {
        let mut out = std::io::stdout().lock();
        out.write_all(folio::render::render(&article, 80, false).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let settings = reader_settings()?;
    let start = Start::Article {
        article,
        path: path.clone(),
    };
    Ok(match folio::tui::run(start, settings)? {
        Ending::Quit => ExitCode::SUCCESS,
        Ending::Signal(signal) => ExitCode::from(128u8.saturating_add(signal as u8)),
    })
}

/// The reader's settings: config file, keys, colours (none under NO_COLOR), saved positions.
/// A broken config or state file is reported on the first screen and the defaults are used;
/// a bad key binding is an error, since the user asked for keys that would not work.
fn reader_settings() -> Result<Settings> {
    let paths = Paths::from_env()?;
    let config_file = paths.config_file();
    let mut notices = Vec::new();
    let config = Config::load(&config_file).unwrap_or_else(|error| {
        notices.push(error.to_string());
        Config::default()
    });
    notices.extend(config.warnings.iter().cloned());
    let mut keymap = Keymap::defaults()?;
    keymap
        .apply(&config.keys)
        .with_context(|| format!("{}: fix the key binding", config_file.display()))?;
    let positions = ReadingState::load(&paths.state_file()).unwrap_or_else(|error| {
        notices.push(error.to_string());
        ReadingState::unsaved()
    });
    notices.extend(positions.warnings().iter().cloned());
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok(Settings {
        keymap,
        theme: Theme::from_config(&config.colors, color),
        column_width: config.reader.column_width,
        show_outline: config.reader.show_outline,
        positions,
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
    })
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
    // Blocks are small; the buffer turns them into a few large writes.
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    folio::render::render_each(&article, width, styled, |chunk| {
        out.write_all(chunk.as_bytes())
    })?;
    out.flush()?;
    Ok(())
}
