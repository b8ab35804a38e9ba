//! What the neighbours of a heading-like line say it is instead of a section heading: a
//! picture's caption over its credit, another story's headline over its dateline or a "Read
//! more", a quotation over its attribution, the head of a list of links, an interview's answer;
//! and lines that call out to the reader or open like a sentence ("There are six speakers in the
//! new MacBook Pro") rather than name what follows. An interview's
//! questions, conversely, head their answers.

use super::headings::ends_like_sentence;
use super::meta::{capitalised, is_byline, is_credit};
use super::pieces::Piece;
use super::reflow::is_cjk;
use super::{cards, chrome, lexicon};

/// Longest picture credit.
const CREDIT_CHARS: usize = 80;
/// How many pieces above an attribution line its quotation may span.
const QUOTE_PIECES: usize = 3;
/// A paragraph this long ends a quotation looked for above an attribution: it is article prose.
const PROSE_CHARS: usize = 300;
/// Longest line of a list of links under a heading-like line.
const LINK_LINE_CHARS: usize = 100;

/// What the neighbours or the ending of a heading-like line show it to be instead of a
/// section heading, as `--explain` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instead {
    /// A line ending in "!" speaks to the reader.
    CallToReader,
    /// An interview's answer under its question.
    Answer,
    /// A picture's caption.
    Caption,
    /// A sentence set apart by its subject and verb: a pull quote, a caption.
    Sentence,
    /// Another story's headline over its dateline, byline or "Read more".
    Teaser,
    /// Another story's card in a run of them, or the run's label.
    Card,
    /// The author's box after the article: it names the author of the byline above.
    AuthorBox,
    /// A quotation over its attribution.
    Quotation,
    /// A line over a list of links.
    HeadsLinks,
}

impl Instead {
    /// The evidence's name in `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Instead::CallToReader => "call to the reader",
            Instead::Answer => "interview answer",
            Instead::Caption => "caption",
            Instead::Sentence => "opens a sentence",
            Instead::Teaser => "teaser",
            Instead::Card => "card of a run",
            Instead::AuthorBox => "names the author",
            Instead::Quotation => "quotation",
            Instead::HeadsLinks => "heads links",
        }
    }
}

/// A test of piece `i` among its neighbours.
type Check = fn(usize, &[Piece]) -> bool;

/// What the heading-like piece `i` is, by its neighbours or its ending, if it is something
/// other than a section heading.
pub fn something_else(i: usize, pieces: &[Piece]) -> Option<Instead> {
    let checks: [(Check, Instead); 9] = [
        (|i, p| calls_to_reader(p[i].text()), Instead::CallToReader),
        (
            |i, p| lexicon::opens_sentence(p[i].text()),
            Instead::Sentence,
        ),
        (is_interview_answer, Instead::Answer),
        (is_caption, Instead::Caption),
        (is_teaser, Instead::Teaser),
        (cards::is_card_or_label, Instead::Card),
        (names_the_author, Instead::AuthorBox),
        (is_quoted, Instead::Quotation),
        (heads_link_list, Instead::HeadsLinks),
    ];
    checks
        .iter()
        .find(|(check, _)| check(i, pieces))
        .map(|(_, instead)| *instead)
}

/// "Book your tickets today!", "Vote for Anna on the last page!": a line ending in an
/// exclamation mark (emoji aside) speaks to the reader; a section heading names what follows.
/// (A headline may shout; the title is chosen elsewhere.)
fn calls_to_reader(text: &str) -> bool {
    // Emoji and other symbols after the mark do not change how the line ends.
    let trailing = |c: char| {
        c.is_whitespace()
            || !(c.is_alphanumeric() || c.is_ascii_punctuation() || is_closing(c) || c == '！')
    };
    let core = text.trim_end_matches(trailing).trim_end_matches(is_closing);
    core.ends_with(['!', '！'])
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | '）' | '」' | '』')
}

/// Longest interview question taken for a heading: about four lines of a dump.
const QUESTION_CHARS: usize = 300;

/// An interview set out as "Q: …" and "A: …": each question heads its answer, however it is
/// worded (questions end with a question mark and may run long).
pub fn is_interview_question(i: usize, pieces: &[Piece]) -> bool {
    let text = pieces[i].text();
    matches!(&pieces[i], Piece::Text(_))
        && opens_with_label(text, 'Q')
        && text.chars().nth(QUESTION_CHARS).is_none()
        && pieces
            .get(i + 1)
            .is_some_and(|next| opens_with_label(next.text(), 'A'))
}

/// The answer under an interview question, which it belongs to.
fn is_interview_answer(i: usize, pieces: &[Piece]) -> bool {
    i > 0 && opens_with_label(pieces[i].text(), 'A') && is_interview_question(i - 1, pieces)
}

/// "Q: …", "A. …".
fn opens_with_label(text: &str, letter: char) -> bool {
    let mut chars = text.chars();
    chars.next() == Some(letter)
        && matches!(chars.next(), Some(':' | '.'))
        && chars.next() == Some(' ')
}

/// A picture's caption: a line with a picture credit right under it, with its credit glued on
/// by the dump ("… medical use.Statista"), or ending with its source ("… keyboard via iFixit").
fn is_caption(i: usize, pieces: &[Piece]) -> bool {
    let over_credit = pieces.get(i + 1).map(Piece::text).is_some_and(|next| {
        next.chars().nth(CREDIT_CHARS).is_none() && is_credit(next.trim_start_matches(['•', ' ']))
    });
    over_credit || carries_credit(pieces[i].text())
}

/// A caption by its own text: its credit glued on, its source at the end, or its credit in
/// brackets after its sentence. (A line over a credit may also be a headline over an agency's
/// byline, so that alone does not rule out a title.)
pub fn carries_credit(text: &str) -> bool {
    has_glued_credit(text) || ends_with_source(text) || has_credit_after_sentence(text)
}

/// Most words on either side of the slash in a bracketed credit ("(NASA's Goddard Space Flight
/// Center/David Ladd)").
const CREDIT_SIDE_WORDS: usize = 6;

/// "The plumes. (NASA/JPL-Caltech)", "… at the White House. (AP Photo/Evan Vucci)": a sentence,
/// then in brackets a credit by its words, or a source and a photographer, each capitalised,
/// either side of a slash; at most one word after it (a section's label the dump ran on). A
/// heading with a bracketed note ("Installing (Debian/Ubuntu)") has no sentence before it.
fn has_credit_after_sentence(text: &str) -> bool {
    let Some((before, rest)) = text.rsplit_once(". (") else {
        return false;
    };
    let Some((inner, after)) = rest.split_once(')') else {
        return false;
    };
    let credit = is_credit(inner)
        || inner.split_once('/').is_some_and(|(source, who)| {
            capitalised(source, CREDIT_SIDE_WORDS) && capitalised(who, CREDIT_SIDE_WORDS)
        });
    !before.trim().is_empty() && credit && after.split_whitespace().count() <= 1
}

/// "… via iFixit", "… via The Verge": a source of one to three words after "via", each with a
/// capital.
fn ends_with_source(text: &str) -> bool {
    text.rsplit_once(" via ").is_some_and(|(_, source)| {
        let words: Vec<&str> = source.split_whitespace().collect();
        (1..=3).contains(&words.len()) && words.iter().all(|w| w.chars().any(char::is_uppercase))
    })
}

/// A sentence's full stop with a capitalised word glued to it ("use.Statista"), as a dump
/// joins a caption and its credit; initials ("U.S.") and domains ("Wday.ru") are not.
fn has_glued_credit(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(4)
        .any(|w| w[0].is_lowercase() && w[1] == '.' && w[2].is_uppercase() && w[3].is_lowercase())
}

/// Another story's headline: over a "Read more" link (after a short blurb) or with one glued
/// on ("Plan Suffers Setback Read more"), or straight over its own dateline or byline. A line straight under a byline continues it (the author's role,
/// the outlet).
fn is_teaser(i: usize, pieces: &[Piece]) -> bool {
    let read_more = pieces[i + 1..pieces.len().min(i + 3)]
        .iter()
        .any(|p| chrome::is_read_more(p.text()))
        || chrome::ends_with_read_more(pieces[i].text());
    let dated = pieces.get(i + 1).is_some_and(|next| is_byline(next.text()));
    let signed = i > 0 && pieces[i - 1].text().starts_with("By") && is_byline(pieces[i - 1].text());
    read_more || dated || signed
}

/// How far down the dump the byline of the article's author is looked for.
const BYLINE_PIECES: usize = 300;
/// Longest byline looked at.
const BYLINE_CHARS: usize = 150;

/// The author's box after an article ("Bill Hoppe", "Über Moritz Bachmann", "Sobre Carlos
/// Nadalim", over a short biography): a person's name, alone or after one word, that a byline
/// above ("By Bill Hoppe | Special to …", "Von Moritz Bachmann, 25. September 2018") names. A
/// section is about the article's subject, not about its author.
fn names_the_author(i: usize, pieces: &[Piece]) -> bool {
    let names = author_names(pieces[i].text());
    !names.is_empty()
        && pieces[..i.min(BYLINE_PIECES)].iter().any(|p| {
            let text = p.text();
            text.chars().nth(BYLINE_CHARS).is_none()
                && names.iter().any(|name| text.contains(name))
                && is_byline(text)
        })
}

/// The persons a line may name: the whole line and what follows its first word ("About",
/// "Über", "关于"), each if it is a name of two words or more, or of CJK characters.
fn author_names(text: &str) -> Vec<&str> {
    let text = text.trim();
    let full_name =
        |name: &str| cards::is_name(name) && (name.contains(' ') || name.chars().all(is_cjk));
    let rest = text.split_once(' ').map(|(_, rest)| rest.trim());
    [Some(text), rest]
        .into_iter()
        .flatten()
        .filter(|n| full_name(n))
        .collect()
}

/// A quotation: an embedded post's text ("… pic.twitter.com/x1y2"), or one of the short
/// pieces just above an attribution line ("— Ann Lee (@ann) May 1, 2019") with no prose
/// paragraph between.
fn is_quoted(i: usize, pieces: &[Piece]) -> bool {
    if pieces[i].text().contains("pic.twitter.com/") {
        return true;
    }
    let end = pieces.len().min(i + 1 + QUOTE_PIECES);
    (i + 1..end)
        .take_while(|j| pieces[*j].text().chars().nth(PROSE_CHARS).is_none())
        .any(|j| is_attribution(pieces[j].text()))
}

/// "— Ann Lee (@ann) May 1, 2019", "– Ann Lee, 2019": a dash, then who said it, with a handle
/// or a date.
fn is_attribution(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['—', '–', '―']) else {
        return false;
    };
    let words = rest.split_whitespace().count();
    let dated = is_byline(rest) || rest.contains("(@");
    (1..=15).contains(&words) && dated
}

/// A line over a list of links: the next piece is one of several short lines the page broke
/// by hand (its group held more than one line), worded like a headline (opening with a
/// capital or a digit: a list of references opens with its marks and addresses), and reading neither as
/// prose nor as a row of a table (cells apart by wide gaps).
fn heads_link_list(i: usize, pieces: &[Piece]) -> bool {
    let Some(Piece::Text(next)) = pieces.get(i + 1) else {
        return false;
    };
    // A line the layout sets apart as a heading heads whatever follows: a table, a list.
    !pieces[i].is_outdented()
        && !next.alone
        && next
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && next.text.chars().nth(LINK_LINE_CHARS).is_none()
        && !ends_like_sentence(&next.text)
        && !next.text.trim_end().ends_with(['?', '!'])
        && !next.text.contains("  ")
}

#[cfg(test)]
mod tests {
    use crate::article::BlockKind;
    use crate::article::plain::parse;

    const BODY: &str = "This paragraph is body text of ordinary length, written in sentences.";

    /// The section headings found when `line` stands between two paragraphs of an article,
    /// with `after` right under it.
    fn sections(line: &str, after: &str) -> Vec<String> {
        headings(&format!(
            "The Title of the Story\n\n{BODY}\n\n{line}\n\n{after}\n\n{BODY}"
        ))
    }

    /// The section headings of `text`.
    fn headings(text: &str) -> Vec<String> {
        parse(text)
            .blocks
            .into_iter()
            .filter(|b| b.kind == BlockKind::Heading { level: 2 })
            .map(|b| b.text)
            .collect()
    }

    fn is_section(line: &str, after: &str) -> bool {
        sections(line, after) == [line]
    }

    #[test]
    fn calls_to_the_reader_are_not_sections() {
        for line in [
            "Vote for Anna on the last page!",
            "We hope to see you soon! 🙂",
            "Lowest Prices Anywhere!",
            "Проголосовать за Оксану вы можете!",
            "\"Go now!\"",
        ] {
            assert!(!is_section(line, BODY), "{line}");
        }
        assert!(is_section("What Comes Next?", BODY));
        assert!(is_section("Results", BODY));
    }

    #[test]
    fn a_sentence_set_apart_is_not_a_section() {
        // A pull quote or a caption reads as a sentence that lost its full stop; a section
        // heading names what follows.
        for line in [
            "There are six speakers in the new MacBook Pro",
            "This will be Hawley’s second film",
            "Es gibt keine einfache Lösung",
            "C'est la fin d'une époque",
            "这是城市最糟糕的一周",
            "Это было неизбежно",
        ] {
            assert!(!is_section(line, BODY), "{line}");
        }
        for line in [
            "This Week in Tech",
            "Thereafter",
            "Here's What You Need to Know",
            "Ist das die Zukunft?",
            "这些年的变化",
            "Этот год",
        ] {
            assert!(is_section(line, BODY), "{line}");
        }
    }

    #[test]
    fn interview_questions_head_their_answers() {
        let question = "Q: Favorite apps?";
        assert_eq!(
            sections(question, "A: Maps, mail and a calendar"),
            [question]
        );
        let long = "Q: When you woke up that first morning and you were in charge, what were the two \
                    words that came to mind?";
        assert_eq!(sections(long, "A: Inspired and humbled!"), [long]);
        // Without an answer under it, a long question is judged as any other line.
        assert!(sections(long, BODY).is_empty());
    }

    #[test]
    fn captions_and_credits_are_not_sections() {
        assert!(!is_section("Kevin Mayer in 2019", "Photo: Getty Images"));
        assert!(is_section("A Section", "(see below)"));
        assert!(!is_section("States where it is legal.Statista", BODY));
        assert!(is_section("Made in the U.S.A. Again", BODY));
        assert!(is_section("Sites Like Wday.ru Grow", BODY));
        assert!(!is_section(
            "The new scissor switch keyboard via iFixit",
            BODY
        ));
        assert!(is_section("Travelling via Rome and Milan", BODY));
        let plumes = "Artist's impression of the plumes. (NASA's Goddard Space Flight Center/David \
                      Ladd) SPACE";
        assert!(!is_section(plumes, BODY));
        assert!(!is_section(
            "Der Kanzler im Bundestag. (Foto: Michael Kappeler/dpa)",
            BODY
        ));
        assert!(is_section("Installing the Package (Debian/Ubuntu)", BODY));
        assert!(is_section("Why It Matters. (And/or Why Not)", BODY));
    }

    #[test]
    fn headlines_over_a_dateline_or_read_more_are_teasers() {
        assert!(!is_section(
            "Nissan Sentra Debuts in Los Angeles",
            "November 20, 2015"
        ));
        assert!(!is_section(
            "Nissan Sentra Debuts in Los Angeles",
            "By Jane Doe"
        ));
        assert!(!is_section("Another Story", "Its blurb.\n\nRead more"));
        assert!(!is_section("Plan Suffers Setback Read more", BODY));
        assert!(is_section("What to Read More Of", BODY));
        assert!(is_section(
            "Nissan Sentra",
            "The car sells well in November."
        ));
        assert!(!is_section(
            "By Jane Doe",
            &format!("Opinion Columnist\n\n{BODY}")
        ));
        assert!(sections("By Jane Doe", &format!("Opinion Columnist\n\n{BODY}")).is_empty());
    }

    #[test]
    fn quotations_over_their_attribution_are_not_sections() {
        let tweet = "Delhi has turned into a gas chamber";
        let signed = "Masks are handed out today\n\n— A. Kejriwal (@ak) November 1, 2019";
        assert!(!is_section(tweet, signed));
        assert!(!is_section(
            "Who are we as a nation pic.twitter.com/s96jjh8AlD",
            BODY
        ));
        assert!(is_section(
            "Our Reply",
            "— a dash that opens a sentence of the reply"
        ));
        let long = format!("{BODY} {BODY} {BODY} {BODY} {BODY}");
        assert!(is_section(
            tweet,
            &format!("{long}\n\n— A. Kejriwal (@ak) 2019")
        ));
    }

    /// The section headings of an article signed by `byline`, with `line` over `after` at its
    /// end.
    fn signed_sections(byline: &str, line: &str, after: &str) -> Vec<String> {
        headings(&format!(
            "The Title of the Story\n\n{byline}\n\n{BODY}\n\nA Section\n\n{BODY}\n\n{line}\n\n{after}"
        ))
    }

    #[test]
    fn the_author_s_box_after_the_article_is_not_a_section() {
        for (byline, line, bio) in [
            (
                "By Bill Hoppe | Special to the Pioneer Press",
                "Bill Hoppe",
                "Bill Hoppe covers hockey for the paper, and has done so for twenty years.",
            ),
            (
                "Von Moritz Bachmann, 25. September 2018",
                "Über Moritz Bachmann",
                "Als Inbound Sales Manager bildet Moritz Bachmann die Schnittstelle zum Vertrieb.",
            ),
            (
                "作者：王小明 2019年11月18日",
                "王小明",
                "王小明是本报记者，长期关注城市交通和公共服务，写过很多关于地铁的报道。",
            ),
        ] {
            assert_eq!(signed_sections(byline, line, bio), ["A Section"], "{line}");
        }
        // A person the byline does not name heads a section about them; so does a name with
        // no byline above.
        assert_eq!(
            signed_sections(
                "By Bill Hoppe | Special to the Pioneer Press",
                "Jason Zucker",
                BODY
            ),
            ["A Section", "Jason Zucker"]
        );
        assert_eq!(
            signed_sections("作者：王小明 2019年11月18日", "李华", BODY),
            ["A Section", "李华"]
        );
        assert_eq!(
            signed_sections("Das ist der Vorspann.", "Über Moritz Bachmann", BODY),
            ["A Section", "Über Moritz Bachmann"]
        );
    }

    #[test]
    fn a_line_over_a_list_of_links_is_not_a_section() {
        let links = "Origin of Black Death traced to Russia\nPrairie dogs force a cancellation";
        assert!(!is_section("Two Patients Diagnosed With Plague", links));
        let labelled = "Recipe:\nThe steps of the recipe";
        assert!(is_section("Anna Smith", labelled));
        assert!(is_section(
            "References",
            "[0] https://www.openssh.com/\n[1] https://example.org/"
        ));
        assert!(is_section(
            "Cornerback",
            "Pos   Player   Plays\nCB   Ward   74"
        ));
        assert!(is_section("Two Patients Diagnosed With Plague", BODY));
    }
}
