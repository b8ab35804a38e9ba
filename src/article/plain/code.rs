//! Program code in a dump that lost its markup: a browser's text dump shows a manual's code
//! listing as lines like any other, and a comment in it ("# Just sleep for a bit") would read
//! as a heading. Lines are told by the forms code takes in most languages (a call, an
//! assignment, a statement opened by a lower-case keyword, brackets), never by a site's words.

use super::headings::is_code_like;

/// Lower-case words that open a statement in the languages manuals show most (Python, shell,
/// C and its kin, JavaScript, Rust, Go). Prose opens a sentence with a capital, so a line
/// starting with one of these, not ending like a sentence, is a statement.
const KEYWORDS: &[&str] = &[
    "import", "from", "def", "class", "return", "if", "elif", "else", "for", "while", "try",
    "except", "finally", "with", "raise", "yield", "async", "await", "lambda", "pass", "var",
    "let", "const", "function", "fn", "pub", "use", "impl", "struct", "enum", "package", "func",
    "public", "private", "static", "void", "int", "char", "#include", "#define", "sudo", "echo",
    "export", "cd", "print",
];

/// What one line of a group says about being code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// A statement, a call, an assignment or a bracket: code in any language.
    Code,
    /// A comment ("# …", "// …"): code only among code.
    Comment,
    /// Anything else.
    Other,
}

/// Whether a group of consecutive lines (no blank line between) is a code listing: two lines
/// or more, at least two in three of them code or comments, and one of them code proper; or a
/// single line that is a whole call on a dotted name (`time.sleep(0.01)`) or gives a name a
/// literal (`LOG_FILENAME = 'example.out'`).
pub fn reads_as_code(lines: &[&str]) -> bool {
    match lines {
        [] => false,
        [one] => is_dotted_call(one.trim()) || gives_a_literal(one.trim()),
        _ => {
            let kinds: Vec<Line> = lines.iter().map(|l| line(l.trim())).collect();
            let code = kinds.iter().filter(|k| **k == Line::Code).count();
            let comments = kinds.iter().filter(|k| **k == Line::Comment).count();
            // A block of comments set apart by a bare `#` is a configuration file's header
            // ("# mdadm.conf", "#", "# !NB! Run update-initramfs …"), whatever line a dump
            // ran into it (the listing's caption); headings are never empty.
            let comment_block =
                comments * 3 >= lines.len() * 2 && lines.iter().any(|l| l.trim() == "#");
            code >= 1 && (code + comments) * 3 >= lines.len() * 2 || comment_block
        }
    }
}

fn line(t: &str) -> Line {
    if t.starts_with("# ") || t.starts_with("// ") || t == "#" {
        return Line::Comment;
    }
    if ends_like_a_sentence(t) {
        return Line::Other;
    }
    let first = t.split([' ', '(']).next().unwrap_or_default();
    let statement = KEYWORDS.contains(&first) && t.len() > first.len();
    if statement
        || is_command(t)
        || is_code_like(t)
        || is_assignment(t)
        || has_call(t)
        || is_bracket(t)
        || is_mapping_entry(t)
    {
        Line::Code
    } else {
        Line::Other
    }
}

/// A command or a configuration line: a program's name in lower case, then arguments among
/// which an address, an absolute path, an option or a redirection (`make -j2`, `echo 1 >
/// /proc/sys/net/ipv4/ip_forward`, `deb http://deb.debian.org/debian bullseye main`). Prose
/// in any language opens a sentence with a capital or names no such argument.
pub fn is_command(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let program = words.next().unwrap_or_default();
    let named = program.starts_with(|c: char| c.is_ascii_lowercase())
        && program
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    let argument = |w: &str| {
        ["http://", "https://", "ftp://", "file:", "/", "~/", "./"]
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len())
            || w.strip_prefix("--")
                .or_else(|| w.strip_prefix('-'))
                .is_some_and(|o| o.starts_with(|c: char| c.is_ascii_alphabetic()))
            || matches!(w, ">" | ">>" | "|" | "&&" | "<" | "2>")
    };
    named && !ends_like_a_sentence(t) && words.any(argument)
}

/// A sentence of prose: words, then a full stop (a call's closing bracket does not count).
fn ends_like_a_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '。', '！', '？']) && t.split_whitespace().nth(3).is_some()
}

/// `name = value`, `a.b[0] += 1`: a name without spaces, then an assignment operator.
fn is_assignment(t: &str) -> bool {
    let Some((left, right)) = t.split_once('=') else {
        return false;
    };
    let left = left
        .trim_end()
        .trim_end_matches(['+', '-', '*', '/', ':', '|', '&']);
    !left.is_empty()
        && !right.starts_with('=')
        && !right.trim().is_empty()
        && left
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.[]'\"".contains(c))
}

/// A name right before an opening bracket, closed on the line: `logger.debug('Hello')`,
/// `def useful():`.
fn has_call(t: &str) -> bool {
    t.match_indices('(').any(|(at, _)| {
        let named = t[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        named && t[at..].contains(')')
    }) && t.ends_with([')', ':', ',', '(', '{', ';'])
}

/// A quoted key and its value in a mapping: `'version': 1,`, `"level": "INFO"`.
fn is_mapping_entry(t: &str) -> bool {
    t.starts_with(['\'', '"']) && (t.contains("':") || t.contains("\":"))
}

/// An assignment of a quoted string, a number or a bracket to a name: `LOG_FILENAME =
/// 'example.out'`, `retries = 3`, `handlers = []`.
fn gives_a_literal(t: &str) -> bool {
    is_assignment(t)
        && t.split_once('=').is_some_and(|(_, value)| {
            value
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || "'\"[{(".contains(c))
        })
}

/// A line of closing or opening brackets alone: `})`, `]`, `{`.
fn is_bracket(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| "()[]{},;".contains(c))
}

/// A call on a dotted name, the whole line: `time.sleep(0.01)`, `root.setLevel(logging.DEBUG)`.
fn is_dotted_call(t: &str) -> bool {
    let Some(open) = t.find('(') else {
        return false;
    };
    let name = &t[..open];
    name.contains('.')
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && t.ends_with(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> bool {
        let lines: Vec<&str> = text.lines().collect();
        reads_as_code(&lines)
    }

    #[test]
    fn listings_in_several_languages_read_as_code() {
        assert!(code(
            "def useful():\n    # Just a representative event logged from the library\n    \
             logger.debug('Hello from webapplib!')\n    # Just sleep for a bit so other \
             threads get to run\n    time.sleep(0.01)"
        ));
        assert!(code(
            "# main.py\nimport argparse\nfrom contextvars import ContextVar\nimport logging"
        ));
        assert!(code(
            "root = logging.getLogger()\nroot.setLevel(logging.DEBUG)"
        ));
        assert!(code(
            "const x = require('fs');\nfunction read(p) {\n  return x.readFileSync(p)\n}"
        ));
        assert!(code(
            "# 安装依赖\nsudo apt install build-essential\nmake -j2"
        ));
        assert!(code("fn main() {\n    println!(\"hi\");\n}"));
        assert!(code(
            "# Security updates\ndeb http://security.debian.org/ bullseye-security main\n\
             deb-src http://security.debian.org/ bullseye-security main"
        ));
        assert!(code("# 编译\nmake -j2\ncp build/foo ~/bin/"));
        assert!(code("# Сборка\nmake -j2\nsudo make install"));
        assert!(code(
            "# mdadm.conf\n#\n# !NB! Run update-initramfs -u after updating this file.\n#"
        ));
        assert!(code(
            "   Пример 12.1. Конфигурационный файл\n# mdadm.conf\n#\n# !NB! Run update-initramfs -u.\n#"
        ));
        assert!(code("time.sleep(0.01)"));
        assert!(code("logging.basicConfig(level=logging.DEBUG)"));
        assert!(code("LOG_FILENAME = 'logging_rotatingfile_example.out'"));
        assert!(code(
            "d = {\n    'version': 1,\n    'formatters': {\n        'detailed': {\n            \
             'class': 'logging.Formatter',\n            'format': '%(message)s'\n        }\n    },\n}"
        ));
    }

    #[test]
    fn a_configuration_listing_s_comments_head_no_section() {
        let body = "This paragraph is body text of ordinary length, written in sentences.";
        let text = format!(
            "Title\n\n{body}\n\n# Security updates\ndeb http://security.debian.org/ bullseye-security \
             main\ndeb-src http://security.debian.org/ bullseye-security main\n\n{body}\n\n\
             # mdadm.conf\n#\n# Please refer to mdadm.conf(5) for information about this file.\n\
             #\n\n{body}\n\n# echo 1 > /proc/sys/net/ipv4/conf/default/forwarding\n\n{body}"
        );
        let headings: Vec<String> = crate::article::plain::parse(&text)
            .blocks
            .into_iter()
            .filter(|b| matches!(b.kind, crate::article::BlockKind::Heading { .. }))
            .map(|b| b.text)
            .collect();
        assert_eq!(headings, ["Title"]);
    }

    #[test]
    fn prose_headings_and_lists_do_not() {
        // Sentences that name functions stay prose, in any language.
        assert!(!code(
            "The open() function and BZ2File class for reading and writing compressed files.\n\
             The compress() and decompress() functions for one-shot (de)compression."
        ));
        assert!(!code(
            "If you want to log to a file, use basicConfig().\nFor example, see below."
        ));
        assert!(!code(
            "Для этого вызовите функцию open().\nЗатем закройте файл."
        ));
        assert!(!code("调用 open() 函数打开文件。\n然后关闭它。"));
        // A heading, a markdown-style heading over its text, a function's name alone.
        assert!(!code("Incremental (de)compression"));
        assert!(!code(
            "# Installing\nRun the installer and follow the steps on screen."
        ));
        assert!(!code("open()"));
        assert!(!code("Photo (Getty Images)"));
        // Comments alone are not a listing: a dump's "#" lines may be headings.
        assert!(!code("# Notes\n# More notes"));
        assert!(!code("Intro line\nAnother line\n# Notes\n#"));
        // Lines that name a path or an option in a sentence are prose.
        assert!(!code(
            "# Installing\nCopy the files to /usr/local/bin with the -v option.\n\
             Then run the program from ~/bin as usual."
        ));
        assert!(!code(
            "# Установка\nСкопируйте файлы в /usr/local/bin и запустите -v."
        ));
        assert!(!code(
            "# 安装\n把文件复制到 /usr/local/bin 目录，然后运行 -v 选项。"
        ));
        assert!(!code(
            "# Notes\nsee /etc/hosts for the names. It lists them."
        ));
        // Menus and bylines.
        assert!(!code("Home\nNews\nSport (live)"));
        assert!(!code("By Jane Doe (Reuters)\nUpdated 3 hours ago"));
        // Quotations and an equation in prose.
        assert!(!code(
            "\"Our plan,\" she said: \"build it.\"\n\"When?\" he asked."
        ));
        assert!(!code("E = mc²"));
    }
}
