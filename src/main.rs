//! The `folio` binary: parses the command line, runs one command, maps failures to exit codes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use folio::article::Article;
use folio::cli::{Cli, ColorChoice, Command, OutlineArgs, RenderArgs};
use folio::commands;
use folio::paths::Paths;

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
            // Messages quote file names, which may carry escape sequences of their own.
            let message = folio::article::sanitize::strip_controls(&format!("{err:#}"));
            eprintln!("folio: {message}");
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
        Some(Command::Highlight(args)) => {
            let store = annotations_file(&cli.annotations)?;
            commands::highlight::run(&args, &store, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes(args)) => {
            let store = annotations_file(&cli.annotations)?;
            commands::notes::run(&args, &store, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import(args)) => {
            let store = annotations_file(&cli.annotations)?;
            commands::import::run(&args, &store, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => {
            let paths = Paths::from_env()?;
            let store = annotations_file(&cli.annotations)?;
            commands::export::run(
                &args,
                &store,
                &paths.export_dir(),
                &mut std::io::stdout().lock(),
            )
        }
        Some(Command::Completions(args)) => {
            commands::docs::completions(args.shell, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config(args)) => {
            let config_file = Paths::from_env()?.config_file();
            commands::config::run(&args, &config_file, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            commands::docs::man(&mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        None => commands::read::run(&cli.paths, &annotations_file(&cli.annotations)?),
    }
}

/// The highlights file: `--annotations PATH`, else annotations.json in the data folder.
fn annotations_file(option: &Option<PathBuf>) -> Result<PathBuf> {
    match option {
        Some(path) => Ok(path.clone()),
        None => Ok(Paths::from_env()?.annotations_file()),
    }
}

/// The article at `path`, or on standard input for `-`.
fn open_article(path: &Path) -> Result<Article> {
    Ok(if path.as_os_str() == "-" {
        Article::from_stdin()?
    } else {
        Article::open(path)?
    })
}

/// `folio outline --explain`: the evidence for every line that could be a heading. It reads
/// the text the article was parsed from as well, to weigh its pieces again.
fn explain_outline(path: &Path, out: &mut impl Write) -> Result<()> {
    use folio::article::{detect, sanitize};
    let bytes = if path.as_os_str() == "-" {
        detect::read_stdin()?
    } else {
        detect::read_file(path)?
    };
    let article = Article::from_bytes(&bytes, Some(path))?;
    anyhow::ensure!(
        article.format == folio::article::Format::Plain,
        "--explain reads plain-text articles; {} is {}",
        path.display(),
        article.format.name()
    );
    let text = sanitize::normalize_owned(detect::decode(&bytes)?.text);
    for line in folio::article::explain(&article, &text) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn outline(args: &OutlineArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if args.explain {
        return explain_outline(&args.file, &mut out);
    }
    let article = open_article(&args.file)?;
    if args.json {
        let json = serde_json::json!({ "title": article.title, "sections": article.outline });
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        writeln!(out, "{}", article.title)?;
        // The title is usually the first heading too: printed once.
        let repeated = article
            .outline
            .first()
            .is_some_and(|s| s.title == article.title);
        for section in &article.outline[usize::from(repeated)..] {
            let indent = "  ".repeat(usize::from(section.level.saturating_sub(1)));
            writeln!(out, "{indent}{}", section.title)?;
        }
    }
    Ok(())
}

fn render(args: &RenderArgs) -> Result<()> {
    let article = open_article(&args.file)?;
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
    let view = folio::render::View {
        styled,
        marks: true,
        furniture: args.furniture,
    };
    folio::render::render_each(&article, width, view, |chunk| {
        out.write_all(chunk.as_bytes())
    })?;
    out.flush()?;
    Ok(())
}
