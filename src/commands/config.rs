//! `folio config`: where the settings file is, and (`--example`) every setting with its
//! default, from the example file built into the binary.

use std::io::Write;
use std::path::Path;

use crate::cli::ConfigArgs;

/// The example settings file, every setting at its default and explained.
pub const EXAMPLE: &str = include_str!("../../assets/config.example.toml");

/// Prints the example settings file, or says where the settings file is and how to start one.
pub fn run(args: &ConfigArgs, config_file: &Path, out: &mut impl Write) -> std::io::Result<()> {
    if args.example {
        return out.write_all(EXAMPLE.as_bytes());
    }
    let shown = config_file.display();
    if config_file.exists() {
        writeln!(out, "{shown}")
    } else {
        writeln!(
            out,
            "{shown} (not created yet; to start one: folio config --example > {shown})"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_file_it_says_how_to_make_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        let mut out = Vec::new();
        run(&ConfigArgs { example: false }, &file, &mut out).unwrap();
        let said = String::from_utf8(out).unwrap();
        assert!(said.contains("folio config --example >"), "{said}");
        std::fs::write(&file, "").unwrap();
        let mut out = Vec::new();
        run(&ConfigArgs { example: false }, &file, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n", file.display())
        );
    }
}
