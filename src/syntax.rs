//! Syntax colours for code blocks that name their language: runs of code classed as keyword,
//! type, function, string, number or comment by syntect's grammars, which are loaded once, when
//! the first such block is coloured, so an article without one never pays for them.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::article::{Article, BlockKind};

/// Code blocks longer than this (in bytes) are shown without colours: a grammar runs its
/// regular expressions over every line from the block's start, and a huge block would hold
/// up the frame that first shows it.
pub const MAX_BYTES: usize = 256 * 1024;

/// What a run of code is, as far as its colour goes. Identifiers, operators and
/// punctuation have no class: they keep the code block's own look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Keyword,
    Type,
    Function,
    String,
    Number,
    Comment,
}

impl Class {
    /// Every class, in the order of [`Class::index`].
    pub const ALL: [Class; 6] = [
        Class::Keyword,
        Class::Type,
        Class::Function,
        Class::String,
        Class::Number,
        Class::Comment,
    ];

    /// The class's place in [`Class::ALL`], for tables of looks.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A classed run of code, as character offsets into the article's canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub chars: Range<usize>,
    pub class: Class,
}

/// The grammars and the scope prefixes that decide a class, loaded together on first use.
struct Grammars {
    syntaxes: SyntaxSet,
    /// Scope prefixes, most specific first; `None` keeps the block's look (operators).
    classes: Vec<(Scope, Option<Class>)>,
}

/// Scope names (TextMate conventions, which every bundled grammar follows) and their classes;
/// the first prefix of a run's innermost classed scope wins.
const SCOPES: &[(&str, Option<Class>)] = &[
    ("comment", Some(Class::Comment)),
    ("string", Some(Class::String)),
    ("constant.numeric", Some(Class::Number)),
    ("constant.language", Some(Class::Number)),
    ("constant.character", Some(Class::String)),
    ("keyword.operator.word", Some(Class::Keyword)),
    ("keyword.operator", None),
    ("keyword", Some(Class::Keyword)),
    ("storage.type", Some(Class::Keyword)),
    ("storage.modifier", Some(Class::Keyword)),
    ("variable.language", Some(Class::Keyword)),
    ("entity.name.tag", Some(Class::Keyword)),
    ("entity.name.function", Some(Class::Function)),
    ("variable.function", Some(Class::Function)),
    ("support.function", Some(Class::Function)),
    ("entity.other.attribute-name", Some(Class::Function)),
    ("entity.name", Some(Class::Type)),
    ("entity.other.inherited-class", Some(Class::Type)),
    ("support.type", Some(Class::Type)),
    ("support.class", Some(Class::Type)),
];

fn grammars() -> &'static Grammars {
    static GRAMMARS: OnceLock<Grammars> = OnceLock::new();
    GRAMMARS.get_or_init(|| Grammars {
        syntaxes: SyntaxSet::load_defaults_newlines(),
        classes: SCOPES
            .iter()
            .filter_map(|&(name, class)| Some((Scope::new(name).ok()?, class)))
            .collect(),
    })
}

impl Grammars {
    /// The class of a run under `stack`: the innermost scope that has one decides.
    fn class_of(&self, stack: &ScopeStack) -> Option<Class> {
        stack.as_slice().iter().rev().find_map(|&scope| {
            self.classes
                .iter()
                .find(|(prefix, _)| prefix.is_prefix_of(scope))
                .map(|&(_, class)| class)
        })?
    }
}

/// Whether block `index` is code in a named language small enough to colour.
pub fn is_colourable(article: &Article, index: usize) -> bool {
    let block = &article.blocks[index];
    block.kind == BlockKind::Code && block.lang.is_some() && block.bytes.len() <= MAX_BYTES
}

/// The classed runs of code block `index`, in text order; none when the block is not
/// colourable or no bundled grammar knows its language (the code then keeps its plain look).
pub fn tokens(article: &Article, index: usize) -> Vec<Token> {
    if !is_colourable(article, index) {
        return Vec::new();
    }
    let block = &article.blocks[index];
    let grammars = grammars();
    let Some(syntax) = block
        .lang
        .as_deref()
        .and_then(|lang| grammars.syntaxes.find_syntax_by_token(lang))
    else {
        return Vec::new();
    };
    let mut runs = Runs {
        tokens: Vec::new(),
        at: block.chars.start,
    };
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    for line in LinesWithEndings::from(article.block_text(index)) {
        // A grammar that fails on a line leaves the rest of the block in its plain look.
        let Ok(ops) = state.parse_line(line, &grammars.syntaxes) else {
            break;
        };
        let mut from = 0;
        for (byte, op) in ops {
            runs.push(&line[from..byte], grammars.class_of(&stack));
            from = byte;
            if stack.apply(&op).is_err() {
                return runs.tokens;
            }
        }
        runs.push(&line[from..], grammars.class_of(&stack));
    }
    runs.tokens
}

/// Tokens being collected: adjacent runs of one class join, runs without one are skipped.
struct Runs {
    tokens: Vec<Token>,
    /// Character offset of the next run.
    at: usize,
}

impl Runs {
    fn push(&mut self, text: &str, class: Option<Class>) {
        let start = self.at;
        self.at += text.chars().count();
        let Some(class) = class.filter(|_| self.at > start) else {
            return;
        };
        match self.tokens.last_mut() {
            Some(last) if last.class == class && last.chars.end == start => {
                last.chars.end = self.at;
            }
            _ => self.tokens.push(Token {
                chars: start..self.at,
                class,
            }),
        }
    }
}

/// The tokens of an article's code blocks, classed when the reader is idle: drawing asks for
/// the blocks it shows and uses those classed already, and the driver classes the others
/// between inputs and draws again (a grammar's first use compiles its regular expressions,
/// tens of milliseconds, which the first frame does not wait for). Drawing borrows the model,
/// hence the `RefCell`s.
#[derive(Debug, Default)]
pub struct Memo {
    blocks: RefCell<HashMap<usize, Arc<[Token]>>>,
    /// Blocks drawn before they were classed, in block order.
    wanted: RefCell<BTreeSet<usize>>,
}

impl Memo {
    /// The tokens of block `index`, if classed already; if not, the block is wanted.
    pub fn shown(&self, index: usize) -> Option<Arc<[Token]>> {
        let tokens = self.blocks.borrow().get(&index).map(Arc::clone);
        if tokens.is_none() {
            self.wanted.borrow_mut().insert(index);
        }
        tokens
    }

    /// Whether blocks are waiting to be classed.
    pub fn is_pending(&self) -> bool {
        !self.wanted.borrow().is_empty()
    }

    /// Classes one wanted block of `article` (the article this memo belongs to); true when
    /// none is left waiting, so the frame should be drawn again.
    pub fn advance(&self, article: &Article) -> bool {
        let Some(index) = self.wanted.borrow_mut().pop_first() else {
            return false;
        };
        let classed = tokens(article, index).into();
        self.blocks.borrow_mut().insert(index, classed);
        !self.is_pending()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn md(text: &str) -> Article {
        Article::from_bytes(text.as_bytes(), Some(Path::new("a.md"))).expect("parse")
    }

    /// The class of the first run of `word` in the article, if it has one.
    fn class_of(article: &Article, word: &str) -> Option<Class> {
        let start = article.text[..article.text.find(word)?].chars().count();
        let index = article.block_at(start);
        tokens(article, index)
            .into_iter()
            .find(|t| t.chars.contains(&start))
            .map(|t| t.class)
    }

    #[test]
    fn keywords_strings_and_comments_are_classed_in_two_languages() {
        let rust =
            md("```rust\nfn count(line: &str) -> usize { 42 } // note\nlet s = \"hi\";\n```\n");
        assert_eq!(class_of(&rust, "fn"), Some(Class::Keyword));
        assert_eq!(class_of(&rust, "42"), Some(Class::Number));
        assert_eq!(class_of(&rust, "// note"), Some(Class::Comment));
        assert_eq!(class_of(&rust, "\"hi\""), Some(Class::String));
        assert_eq!(class_of(&rust, "line"), None);
        let python = md("```python\ndef count(line):\n    return len(line)\n```\n");
        assert_eq!(class_of(&python, "def"), Some(Class::Keyword));
        assert_eq!(class_of(&python, "return"), Some(Class::Keyword));
        assert_eq!(class_of(&python, "line"), None);
    }

    #[test]
    fn code_without_a_known_language_has_no_tokens() {
        let article = md("```\nfn f() {}\n```\n\n```no-such-language\nfn f() {}\n```\n");
        assert!(tokens(&article, 0).is_empty());
        assert!(tokens(&article, 1).is_empty());
    }

    #[test]
    fn tokens_are_in_order_apart_and_inside_their_block() {
        let article = md("Intro ünïcode.\n\n```rust\nlet ü = \"ö\"; // ä\n```\n");
        let block = &article.blocks[1];
        let tokens = tokens(&article, 1);
        assert!(!tokens.is_empty());
        for pair in tokens.windows(2) {
            assert!(pair[0].chars.end <= pair[1].chars.start);
        }
        for token in &tokens {
            assert!(block.chars.start <= token.chars.start && token.chars.end <= block.chars.end);
        }
        assert_eq!(article.slice(tokens[1].chars.clone()), "\"ö\"");
    }
}
