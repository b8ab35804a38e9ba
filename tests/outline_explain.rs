//! `folio outline --explain` through the real binary: every candidate line with its evidence
//! and decision, the hard gates named, and a clear refusal for articles that are not plain text.

use std::path::Path;
use std::process::{Command, Output};

fn explain(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["outline", "--explain"])
        .arg(path)
        .output()
        .expect("run folio")
}

/// What `--explain` prints for a file it reads.
fn explained(path: &Path) -> String {
    let out = explain(path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A paragraph of prose for the stories below.
const BODY: &str = "This paragraph is body text of ordinary length, written in sentences, and it \
                    goes on for long enough to count as the prose of an article.";

/// What `--explain` prints for a story saved as `text`.
fn explained_story(text: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, text).expect("write");
    explained(&path)
}

/// The explanation's line for the block whose text is `text`.
fn line_for<'a>(stdout: &'a str, text: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.ends_with(&format!("  {text}")))
        .unwrap_or_else(|| panic!("no line for {text:?} in:\n{stdout}"))
}

/// Asserts that the explanation's line for the block `text` names all of `has` and none of
/// `lacks`.
fn assert_line(stdout: &str, text: &str, has: &[&str], lacks: &[&str]) {
    let line = line_for(stdout, text);
    assert!(
        has.iter().all(|h| line.contains(h)) && !lacks.iter().any(|l| line.contains(l)),
        "{line}\n{stdout}"
    );
}

#[test]
fn outline_explain_shows_evidence_and_decision_for_each_candidate() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/深圳的开源社区-mixed.txt");
    let stdout = explained(&sample);
    // The bundled sample's heading "成果" is a heading, and says why.
    let heading = line_for(&stdout, "成果");
    assert!(
        heading.contains("heading 2") && heading.contains("short"),
        "{heading}"
    );
    assert!(
        stdout
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("title") && l.contains("深圳的开源社区")),
        "{stdout}"
    );
}

#[test]
fn outline_explain_names_its_columns_and_starts_every_text_in_one_column() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/on-walking-slowly.txt");
    let stdout = explained(&sample);
    let mut lines = stdout.lines();
    let header = lines.next().expect("a header");
    let words: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(words, ["block", "became", "evidence", "text"], "{stdout}");
    let column = header.find("text").expect("text column");
    for line in lines {
        let (before, text) = line.split_at(column);
        assert!(before.ends_with("  ") && !text.starts_with(' '), "{stdout}");
    }
}

#[test]
fn outline_explain_names_the_gates_that_kept_a_line_from_being_a_heading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("manual.txt");
    let body =
        "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。".repeat(2);
    let text = format!(
        "第 4 章 配置\n\n{body}\n\n4.1. 网络\n\n{body}\n\n注意\n\n{body}\n\n图 2 网络结构\n\n{body}\n\n\
         Figure 4-1: The layout\n\n{body}\n\n4.2. 用户\n\n{body}\n"
    );
    std::fs::write(&path, text).expect("write");
    let stdout = explained(&path);
    assert!(
        line_for(&stdout, "第 4 章 配置").contains("title"),
        "{stdout}"
    );
    assert!(
        line_for(&stdout, "4.1. 网络").contains("number 4.1"),
        "{stdout}"
    );
    for (line, gate) in [
        ("注意", "gate: note label"),
        ("图 2 网络结构", "gate: caption"),
        ("Figure 4-1: The layout", "gate: caption"),
    ] {
        let explained = line_for(&stdout, line);
        assert!(
            explained.contains(gate) && !explained.contains("heading"),
            "{explained}"
        );
    }
}

#[test]
fn outline_explain_shows_what_each_line_weighed_in_finding_the_article_s_end() {
    let stdout = explained_story(&format!(
        "Title of the Story\n\n{BODY}\n\nA Section\n\n{BODY}\n\nElsewhere\n\n\
         Markets fall again\n\nA new phone\n\nWeekly Letter\n\nWe write to you once a week, on Sundays.\n"
    ));
    let section = line_for(&stdout, "A Section");
    assert!(
        section.contains("heading 2")
            && section.contains("span: short line -100")
            && !section.contains("after the end"),
        "{stdout}"
    );
    let footer = line_for(&stdout, "Weekly Letter");
    assert!(
        !footer.contains("heading") && footer.contains("after the end"),
        "{stdout}"
    );
    assert!(
        line_for(&stdout, "We write to you once a week, on Sundays.").contains("span: prose +40"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_names_a_plain_line_in_a_dump_that_declares_its_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("manual.txt");
    let body =
        "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。".repeat(2);
    let text = format!(
        "第 10 章 基本网络设置\n\n10.9. 网络诊断工具\n\n{body}\n\n10.1. 网关\n\n{body}\n\n基本 TCP/UDP\n\n{body}\n\n\
         10.1.1. 封包\n\n{body}\n\n10.2. 虚拟专用网络\n\n{body}\n"
    );
    std::fs::write(&path, text).expect("write");
    let stdout = explained(&path);
    assert_line(
        &stdout,
        "基本 TCP/UDP",
        &["gate: plain line, headings declared", " paragraph "],
        &[],
    );
    assert_line(
        &stdout,
        "10.9. 网络诊断工具",
        &["gate: number out of sequence"],
        &["heading"],
    );
    assert_line(
        &stdout,
        "10.1.1. 封包",
        &["heading 3"],
        &["headings declared"],
    );
}

#[test]
fn outline_explain_says_a_heading_left_over_a_cut_menu_heads_a_menu() {
    let stdout = explained_story(&format!(
        "Title of the Story\n\n{BODY}\n\n{BODY}\n\nMost Popular Videos\n\n• Markets fall again\n\n\
         • A new phone\n\n• Rain all week\n\nNewsletter\n\nContact\n\nSign up today\n"
    ));
    let head = line_for(&stdout, "Most Popular Videos");
    assert!(
        head.contains("span: heads a menu -100; after the end") && !head.contains("heading"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_names_a_card_of_other_stories_and_the_label_over_them() {
    // As lynx saves a page: prose indented, headings and the cards' headlines at the left edge.
    let stdout = explained_story(&format!(
        "Title of the Story\n\n   {BODY}\n\nA Section\n\n   {BODY}\n\nRecent from Ed Cara\n\n\
         A Woman's Palms Revealed Her Lung Cancer\n\n   Ed Cara\n\n   Friday 5:11PM\n\n\
         Stop Using Public USB Ports\n\n   Emily Price\n\n   Saturday 4:08PM\n\n   {BODY}\n"
    ));
    for line in [
        "Recent from Ed Cara",
        "A Woman's Palms Revealed Her Lung Cancer",
        "Stop Using Public USB Ports",
    ] {
        let card = line_for(&stdout, line);
        assert!(
            card.contains("neighbours: card of a run") && !card.contains("heading"),
            "{stdout}"
        );
    }
    let section = line_for(&stdout, "A Section");
    assert!(
        section.contains("heading 2") && !section.contains("neighbours"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_says_the_author_s_box_names_the_author() {
    let stdout = explained_story(&format!(
        "Title of the Story\n\nBy Bill Hoppe | Special to the Pioneer Press\n\n{BODY}\n\n\
         A Section\n\n{BODY}\n\nBill Hoppe\n\nBill Hoppe covers hockey for the paper.\n"
    ));
    let author = line_for(&stdout, "Bill Hoppe");
    assert!(
        author.contains("neighbours: names the author") && !author.contains("heading"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_refuses_an_article_that_is_not_plain_text() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/terminal-notes.md");
    let out = explain(&sample);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--explain reads plain-text articles") && stderr.contains("markdown"),
        "{stderr}"
    );
}

#[test]
fn outline_explain_names_the_markup_that_made_a_heading() {
    // "Notes" alone would be a note box's label; written with `#` it is the title, and the
    // evidence says so rather than naming the gate markup overrides.
    let stdout = explained_story(&format!(
        "# Notes\n\n{BODY}\n\n## 2. 结果\n\n{BODY}\n\nЗаключение\n==========\n\n{BODY}\n"
    ));
    let title = line_for(&stdout, "Notes");
    assert!(
        title.contains("title") && title.contains("markup 1") && !title.contains("gate"),
        "{title}"
    );
    let numbered = line_for(&stdout, "2. 结果");
    assert!(
        numbered.contains("heading") && numbered.contains("markup 2, number 2"),
        "{numbered}"
    );
    let underlined = line_for(&stdout, "Заключение");
    assert!(underlined.contains("markup 1"), "{underlined}");
}

#[test]
fn outline_explain_shows_each_title_candidates_score_and_evidence() {
    let stdout = explained_story(&format!(
        "Select Language\n\nChinese hunter catches bubonic plague after eating rabbit\n\n\
         By Natalie Musumeci\n\nTwo patients diagnosed with plague as officials scramble\n\n\
         Two patients diagnosed with plague as officials scramble\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    ));
    let title = line_for(
        &stdout,
        "Chinese hunter catches bubonic plague after eating rabbit",
    );
    assert!(
        title.contains("title  ") && title.contains("title +") && title.contains("byline below"),
        "{stdout}"
    );
    let terse = line_for(&stdout, "Select Language");
    assert!(terse.contains("terse"), "{stdout}");
    // Each candidate's score is in its row; the title's is the highest.
    let score = |line: &str| -> i32 {
        let after = &line[line
            .find("title +")
            .or_else(|| line.find("title -"))
            .unwrap()
            + 6..];
        after[..after.find(':').unwrap()].parse().unwrap()
    };
    assert!(score(title) > score(terse), "{stdout}");
}

#[test]
fn outline_explain_names_a_line_that_opens_like_a_sentence() {
    let text = format!(
        "The New Laptop Reviewed\n\n{BODY}\n\nSpeakers\n\n{BODY}\n\n\
         There are six speakers in the new laptop\n\n{BODY}\n\nKeyboard\n\n{BODY}"
    );
    let stdout = explained_story(&text);
    let caption = line_for(&stdout, "There are six speakers in the new laptop");
    assert!(
        caption.contains("paragraph") && caption.contains("neighbours: opens a sentence"),
        "{caption}"
    );
    let heading = line_for(&stdout, "Keyboard");
    assert!(heading.contains("heading 2"), "{heading}");
}

#[test]
fn outline_explain_says_where_the_body_starts_that_the_title_is_looked_for_above() {
    // The opening paragraph is longer than any heading candidate; it is shown all the same.
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    for (headline, byline) in [
        (
            "Chinese hunter catches bubonic plague after eating rabbit",
            "By Natalie Musumeci",
        ),
        ("深圳的开源社区五年发展回顾", "记者 张三 2019年11月20日"),
        (
            "Охотник заразился бубонной чумой после охоты",
            "Текст: Венера Ерофеева",
        ),
    ] {
        let stdout = explained_story(&format!(
            "Select Language\n\n{headline}\n\n{byline}\n\n{opening}\n\n{BODY}\n"
        ));
        let starts: Vec<&str> = stdout
            .lines()
            .filter(|l| l.contains("body starts"))
            .collect();
        assert_eq!(starts.len(), 1, "{stdout}");
        assert!(starts[0].ends_with(&format!("  {opening}")), "{stdout}");
        let title = line_for(&stdout, headline);
        assert!(
            title.contains("title  ") && !title.contains("body starts"),
            "{stdout}"
        );
    }
}

#[test]
fn outline_explain_gives_a_headline_its_own_length_whatever_stands_near_it() {
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    for (headline, tenths) in [
        ("Senate passes the budget bill", 5),
        ("深圳的开源社区五年发展回顾", 6),
        ("Le Sénat adopte le budget", 5),
    ] {
        let alone = explained_story(&format!(
            "{headline}\n\nBy Natalie Musumeci\n\n{opening}\n\n{BODY}\n"
        ));
        // A longer headline of another story above it takes nothing from this one.
        let other = "Workers in the port city marched for higher wages on the longest day of \
                     the summer";
        let teased = explained_story(&format!(
            "{other}\n\n{headline}\n\nBy Natalie Musumeci\n\n{opening}\n\n{BODY}\n"
        ));
        let teaser = line_for(&teased, other);
        assert!(teaser.contains("length 10 +"), "{teased}");
        for stdout in [alone, teased] {
            let title = line_for(&stdout, headline);
            assert!(
                title.contains("title  ") && title.contains(&format!("length {tenths} +")),
                "{stdout}"
            );
        }
    }
}

#[test]
fn outline_explain_says_why_a_heading_like_line_above_the_body_was_not_weighed() {
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    let stdout = explained_story(&format!(
        "Opening Bell 11.18.19\n\nHome Depot sales miss and shares plunge\n\n\
         By Jonathan Garber\n\n{opening}\n\n{BODY}\n"
    ));
    assert!(
        line_for(&stdout, "By Jonathan Garber").contains("not title: byline (by)"),
        "{stdout}"
    );
    // A dated line of few words is weighed, against its date.
    assert!(
        line_for(&stdout, "Opening Bell 11.18.19").contains("dated -80"),
        "{stdout}"
    );
    let title = line_for(&stdout, "Home Depot sales miss and shares plunge");
    assert!(title.contains("title  "), "{stdout}");
}

#[test]
fn outline_explain_may_take_a_dated_headline_for_the_title_over_its_byline() {
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    let stdout = explained_story(&format!(
        "Markets\n\nOpening Bell 11.18.19\n\nBy Jonathan Garber\n\n{opening}\n\n{BODY}\n"
    ));
    let title = line_for(&stdout, "Opening Bell 11.18.19");
    assert!(
        title.contains("title  ") && title.contains("dated -80"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_weighs_headlines_with_a_date_a_count_or_many_words() {
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    for headline in [
        // A month and a number, and words enough for a headline: no dateline.
        "Trump may pardon 2 turkeys at the White House this year",
        // A count, read as a section number otherwise.
        "15 Places to Eat in Lisbon This Winter",
        "5 个让你更专注的习惯和方法",
        // Too long for a section's heading, and of two sentences.
        "Meth. We're On It: South Dakota's New Campaign Against the Drug Is Drawing Laughs and \
         Questions",
    ] {
        let stdout = explained_story(&format!(
            "Sections\n\n{headline}\n\nBy Natalie Musumeci\n\n{opening}\n\n{BODY}\n"
        ));
        let title = line_for(&stdout, headline);
        assert!(
            title.contains("title  ") && title.contains("byline below"),
            "{stdout}"
        );
    }
}

#[test]
fn outline_explain_says_a_chapter_s_number_chose_the_title() {
    for (chapter, sections) in [
        ("6. Package Management", ["6.1. Sources", "6.2. Upgrades"]),
        ("第 6 章 软件包管理", ["6.1. 软件源", "6.2. 升级"]),
    ] {
        let stdout = explained_story(&format!(
            "Handbook\n\n{chapter}\n\n{BODY}\n\n{}\n\n{BODY}\n\n{}\n\n{BODY}\n",
            sections[0], sections[1]
        ));
        let title = line_for(&stdout, chapter);
        assert!(
            title.contains("title  ") && title.contains("title: numbered over its sections"),
            "{stdout}"
        );
    }
}

#[test]
fn outline_explain_weighs_every_line_of_a_dump_whose_rule_among_the_furniture_is_dropped() {
    // The rule above the title is furniture and leaves no block: the evidence still lines up
    // with the blocks, and a line over a rule is no breadcrumb trail.
    let opening = format!("{BODY} It opens the story, so the title stands above it.");
    let stdout = explained_story(&format!(
        "Site Name\n\n* * *\n\nHome Depot sales miss and shares plunge\n\n\
         By Jonathan Garber\n\n{opening}\n\n{BODY}\n"
    ));
    let title = line_for(&stdout, "Home Depot sales miss and shares plunge");
    assert!(
        title.contains("title  ") && title.contains("span: lead"),
        "{stdout}"
    );
    assert!(
        line_for(&stdout, &opening).contains("body starts"),
        "{stdout}"
    );
    assert!(
        !line_for(&stdout, "Site Name").contains("breadcrumb"),
        "{stdout}"
    );
}

#[test]
fn outline_explain_names_why_a_line_is_furniture() {
    let stdout = explained_story(&format!(
        "Share this\n\nThe Harbour at Dawn\n\nBy Anna Lee\n\n{BODY}\n\nPhoto: Getty Images\n\n\
         {BODY}\n\nMost popular\n\n12 comments\n\n{BODY}"
    ));
    for (text, why) in [
        ("Share this", "chrome: widget"),
        ("Photo: Getty Images", "chrome: credit"),
        ("Most popular", "chrome: more"),
        ("12 comments", "chrome: counter"),
    ] {
        let line = line_for(&stdout, text);
        assert!(line.contains("furniture") && line.contains(why), "{line}");
    }
    // A line of the article names no such reason.
    assert!(!line_for(&stdout, "The Harbour at Dawn").contains("chrome:"));
}

#[test]
fn outline_explain_says_a_line_between_the_title_and_the_body_is_under_the_title() {
    let stdout = explained_story(&format!(
        "Cannabis Use Is Rising Where It Is Legal\n\nA study of two million people.\n\n\
         Health Science Politics\n\n{BODY}\n\nA second paragraph of the story goes on.\n\n\
         {BODY}\n\nA Section\n\n{BODY}\n"
    ));
    assert_line(
        &stdout,
        "Health Science Politics",
        &["paragraph", "under the title"],
        &[],
    );
    assert_line(&stdout, "A Section", &["heading 2"], &["under the title"]);
    // A section number makes a heading there, and the rule is not named.
    let stdout = explained_story(&format!(
        "Title of the Annual Report\n\nA short note.\n\n1. Background\n\n{BODY}\n\n\
         A second paragraph of the report goes on.\n\n{BODY}\n"
    ));
    assert_line(
        &stdout,
        "1. Background",
        &["heading 2"],
        &["under the title"],
    );
}
