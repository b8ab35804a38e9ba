//! `folio completions SHELL` and `folio man`: shell completions and the man page, generated
//! from the same clap definition as the parser (and, for the man page's key list, from the
//! keymap), so they never drift from them.

use std::io::Write;

use clap::{Arg, CommandFactory};

use crate::cli::{Cli, LONG_NOTES};
use crate::tui::keymap::{Keymap, Mode};

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<()> {
    // clap_complete panics when its writer fails (a closed pipe), so it writes to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut script);
    out.write_all(&script)
}

/// Writes the man page in roff: clap's title, synopsis, description and options, then every
/// command on this page (there are no per-command pages to point to), the notes of `--help`
/// kept line for line, and the keys of the built-in keymap.
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    let mut roff = String::new();
    commands_section(&command, &mut roff);
    notes_sections(LONG_NOTES, &mut roff);
    let keymap = Keymap::defaults().map_err(std::io::Error::other)?;
    keys_section(&keymap, &mut roff);
    out.write_all(roff.as_bytes())?;
    page.render_version_section(out)
}

/// COMMANDS: each subcommand's usage, description and options.
fn commands_section(command: &clap::Command, roff: &mut String) {
    roff.push_str(".SH COMMANDS\n");
    for sub in command.get_subcommands() {
        let name = format!("folio {}", sub.get_name());
        let usage = sub.clone().bin_name(&name).render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        roff.push_str(&format!(
            ".SS \"{}\"\n.nf\n{}\n.fi\n",
            escape(&name),
            escape(usage)
        ));
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(ToString::to_string);
        for paragraph in about.unwrap_or_default().split("\n\n") {
            roff.push_str(&format!(".PP\n{}\n", escape(paragraph)));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            roff.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                escape(&label(arg)),
                escape(&help(arg))
            ));
        }
    }
}

/// How an argument is written: `-w, --width <WIDTH>`, or `<FILE>...` for a positional one.
fn label(arg: &Arg) -> String {
    let values: Vec<String> = arg
        .get_value_names()
        .map(|names| names.iter().map(|n| format!("<{n}>")).collect())
        .unwrap_or_else(|| vec![format!("<{}>", arg.get_id().as_str().to_uppercase())]);
    let takes_values = arg.get_action().takes_values();
    let mut names: Vec<String> = arg
        .get_short()
        .map(|s| format!("-{s}"))
        .into_iter()
        .collect();
    names.extend(arg.get_long().map(|l| format!("--{l}")));
    let mut out = names.join(", ");
    if takes_values {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&values.join(" "));
        if arg.get_num_args().is_some_and(|n| n.max_values() > 1) {
            out.push_str("...");
        }
    }
    out
}

/// An argument's help, with its choices and default.
fn help(arg: &Arg) -> String {
    let mut text = arg
        .get_long_help()
        .or(arg.get_help())
        .map(ToString::to_string)
        .unwrap_or_default();
    if !text.is_empty() && !text.ends_with(['.', ')']) {
        text.push('.');
    }
    let choices: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !choices.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" One of: {}.", choices.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" Default: {}.", defaults.join(" ")));
    }
    text
}

/// The blocks of `notes` (each a `Heading:` line, then lines) as sections whose lines stay
/// as written: the examples' columns must not be filled into one paragraph.
fn notes_sections(notes: &str, roff: &mut String) {
    for block in notes
        .split("\n\n")
        .map(str::trim_end)
        .filter(|b| !b.is_empty())
    {
        let block = block.trim_start_matches('\n');
        let (heading, body) = block.split_once('\n').unwrap_or((block, ""));
        let heading = heading.trim_end_matches(':');
        let (name, aside) = match heading.split_once(" (") {
            Some((name, aside)) => (name, Some(aside.trim_end_matches(')'))),
            None => (heading, None),
        };
        roff.push_str(&format!(".SH {}\n", escape(&name.to_uppercase())));
        if let Some(aside) = aside {
            roff.push_str(&format!(".PP\n{}:\n", escape(&capitalised(aside))));
        }
        roff.push_str(&format!(".PP\n.nf\n{}\n.fi\n", escape(body)));
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// KEYS: every mode's bindings from the keymap, with the action names config.toml uses.
fn keys_section(keymap: &Keymap, roff: &mut String) {
    roff.push_str(
        ".SH KEYS\n.PP\nThe built\\-in keys of the reader, per mode, each with its action name \
         in parentheses: a [keys.MODE] table in config.toml binds a key to an action name \
         (see \\fBfolio config \\-\\-example\\fR). In the reader, \\fB?\\fR shows the keys in use.\n",
    );
    for mode in [
        Mode::Global,
        Mode::Reader,
        Mode::Select,
        Mode::Highlights,
        Mode::Outline,
        Mode::Library,
        Mode::Help,
    ] {
        roff.push_str(&format!(
            ".SS \"{} \\(em {}\"\n",
            mode.name(),
            where_used(mode)
        ));
        for (action, keys) in keymap.bindings(mode) {
            let keys: Vec<String> = keys
                .iter()
                .map(|k| format!("\\fB{}\\fR", escape(&k.to_string())))
                .collect();
            roff.push_str(&format!(
                ".TP\n{}\n{} (\\fI{}\\fR)\n",
                keys.join(", "),
                escape(action.description()),
                escape(action.name())
            ));
        }
    }
}

/// Where a mode's keys apply, for the KEYS section's headings.
fn where_used(mode: Mode) -> &'static str {
    match mode {
        Mode::Global => "everywhere, unless the mode below binds the key itself",
        Mode::Reader => "reading",
        Mode::Select => "while a selection is made (after v)",
        Mode::Highlights => "the list of highlights (A)",
        Mode::Outline => "the outline, when it has the focus (Tab)",
        Mode::Library => "the list of articles",
        Mode::Help => "the help overlay (?)",
        Mode::Editor => "the note editor",
    }
}

/// `text` made safe for roff: backslashes and minus signs escaped, and no line may start with
/// a control character (`.` or `'`).
fn escape(text: &str) -> String {
    text.replace('\\', "\\e")
        .replace('-', "\\-")
        .lines()
        .map(|line| {
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_control_characters_are_escaped() {
        assert_eq!(escape("a-b\\c\n.TH x\n'q"), "a\\-b\\ec\n\\&.TH x\n\\&'q");
    }
}
