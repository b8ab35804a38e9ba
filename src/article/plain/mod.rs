//! Plain-text dumps (a browser's "save as text", a chatbot's answer, a README): re-flows
//! hard-wrapped paragraphs, infers headings from layout and marks the page chrome around the
//! article.

mod cards;
mod case;
mod chrome;
mod code;
mod context;
mod declared;
mod explain;
mod headings;
mod lexicon;
mod lists;
pub(crate) mod meta;
pub(crate) mod numbering;
mod outline;
mod phrase_set;
mod pieces;
pub(crate) mod reflow;
mod span;
mod title;

use super::Parsed;

pub use explain::explain;

/// Parses decoded, sanitised text (LF newlines, no tabs, no control characters).
pub fn parse(text: &str) -> Parsed {
    Parsed {
        title_hint: None,
        blocks: outline::blocks(pieces::pieces(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind::{self, Chrome, Heading, ListItem, Paragraph};

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        parse(text)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    fn headings(text: &str) -> Vec<(u8, String)> {
        parse(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b.kind {
                Heading { level } => Some((level, b.text)),
                _ => None,
            })
            .collect()
    }

    fn assert_headings(text: &str, want: &[(u8, &str)]) {
        let want: Vec<(u8, String)> = want.iter().map(|(l, t)| (*l, t.to_string())).collect();
        assert_eq!(headings(text), want);
    }

    const BODY: &str = "This paragraph is body text of ordinary length, written in sentences.";

    #[test]
    fn short_line_followed_by_body_is_a_heading() {
        let text = format!("My Title\n\n{BODY}\n\nA Section\n\n{BODY}");
        assert_headings(&text, &[(1, "My Title"), (2, "A Section")]);
    }

    #[test]
    fn short_line_not_followed_by_body_is_not() {
        let text = format!("Title\n\n{BODY}\n\nAn aside\n\nAnother aside\n\nThe end");
        assert_headings(&text, &[(1, "Title")]);
    }

    #[test]
    fn short_sentence_list_item_and_url_are_not_headings() {
        for line in [
            "It was late.",
            "• Item",
            "https://example.com",
            "fn main() {",
        ] {
            let text = format!("Title\n\n{BODY}\n\n{line}\n\n{BODY}");
            assert_eq!(headings(&text).len(), 1, "{line}");
        }
    }

    #[test]
    fn numbered_headings_alone_before_body() {
        let text =
            format!("1. Introduction\n\n{BODY}\n\n1.1 Background\n\n{BODY}\n\n2. Method\n\n{BODY}");
        assert_headings(
            &text,
            &[
                (2, "1. Introduction"),
                (3, "1.1 Background"),
                (2, "2. Method"),
            ],
        );
    }

    #[test]
    fn numbered_items_between_blank_lines_stay_list_items() {
        let text = format!("{BODY}\n\n1. Eggs\n\n2. Milk\n\n3. Flour");
        assert!(headings(&text).is_empty());
        assert_eq!(kinds(&text)[3], (ListItem { depth: 0 }, "3. Flour".into()));
    }

    #[test]
    fn chinese_numbered_headings() {
        let body = "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。";
        let text = format!("{body}\n\n一、背景\n\n{body}\n\n第三章 结论\n\n{body}");
        assert_headings(&text, &[(2, "一、背景"), (2, "第三章 结论")]);
    }

    #[test]
    fn captions_and_admonition_labels_are_never_headings_or_titles() {
        let zh = "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。";
        for line in ["Note", "WARNING", "注意", "警告", "Примечание"] {
            let text = format!("{line}\n\n{BODY}\n\n{zh}\n\n{BODY}");
            let title = headings(&text).first().map(|(_, t)| t.clone());
            assert_ne!(title.as_deref(), Some(line), "{line}");
        }
        for caption in [
            "Figure 4-1: The layout",
            "Listing 8-2: Closures",
            "图 2",
            "表 4.3. 参数",
        ] {
            let text = format!("Title\n\n{BODY}\n\n{caption}\n\n{BODY}");
            assert_headings(&text, &[(1, "Title")]);
        }
    }

    #[test]
    fn numbered_chapter_title_is_confirmed_by_its_sections_over_a_table_of_contents() {
        let zh =
            "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。".repeat(3);
        let toc: Vec<String> = (1..=10).map(|n| format!("6.{n}. 第{n}节的名字")).collect();
        let text = format!(
            "Download the ebook\n\n第 6 章 维护和更新\n\n{}\n\n{}\n\n{zh}\n\n6.1. 第1节的名字\n\n\
             {zh}\n\n6.2. 第2节的名字\n\n{zh}",
            toc[..5].join("\n"),
            toc[5..].join("\n\n"),
        );
        let got = headings(&text);
        assert_eq!(
            got.first(),
            Some(&(1, "第 6 章 维护和更新".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn numbered_sections_announced_by_a_table_of_contents_are_headings() {
        // The table of contents is one run of lines (as a browser dumps a `<dl>`); the
        // sections repeat its entries, some naming a file in lower case.
        let zh = "这一节说明这个文件的用途，以及在构建软件包时应当如何填写它的内容。".repeat(3);
        let ru = "В этом разделе описано назначение файла и то, как его заполнить.".repeat(3);
        let text = format!(
            "第 5 章 其他文件

目录

5.1. README.Debian
5.2. compat
5.3. Настройка сети

             {zh}

5.1. README.Debian

{zh}

5.2. compat

{zh}

5.3. Настройка сети

{ru}"
        );
        assert_headings(
            &text,
            &[
                (1, "第 5 章 其他文件"),
                (2, "5.1. README.Debian"),
                (2, "5.2. compat"),
                (2, "5.3. Настройка сети"),
            ],
        );
        // A numbered line repeated only below, or a teaser standing twice, is no section.
        let teaser = format!(
            "Title

{BODY}

Read more: the harbour at dawn

{BODY}

             Read more: the harbour at dawn

{BODY}"
        );
        assert_headings(&teaser, &[(1, "Title")]);
    }

    #[test]
    fn underlined_hash_and_capital_headings() {
        let text = format!(
            "Guide\n=====\n\n{BODY}\n\nInstalling\n----------\n\n{BODY}\n\n### Details\n\n\
             {BODY}\n\nLICENSE\n\n{BODY}"
        );
        assert_headings(
            &text,
            &[
                (1, "Guide"),
                (2, "Installing"),
                (3, "Details"),
                (2, "LICENSE"),
            ],
        );
    }

    #[test]
    fn a_marked_heading_shaped_like_a_credit_is_a_heading() {
        // "Name Name/Outlet" is a photo's credit ("Ann Lee/The Times") unless markup says the
        // line is a heading.
        let text = format!(
            "Guide\n=====\n\n{BODY}\n\nNative Load/Save Dialogs\n------------------------\n\n\
             {BODY}\n\n## Ann Lee/The Times\n\n{BODY}\n\nJason Cipriani/ZDNet\n\n{BODY}"
        );
        assert_headings(
            &text,
            &[
                (1, "Guide"),
                (2, "Native Load/Save Dialogs"),
                (2, "Ann Lee/The Times"),
            ],
        );
    }

    #[test]
    fn table_of_contents_run_is_not_headings() {
        let text = format!(
            "{BODY}\n\nIntroduction\n\nMethods\n\nResults\n\n{BODY}\n\nIntroduction\n\n{BODY}\n\n\
             Methods\n\n{BODY}\n\nResults\n\n{BODY}"
        );
        assert_headings(
            &text,
            &[(2, "Introduction"), (2, "Methods"), (2, "Results")],
        );
        assert_eq!(kinds(&text)[3], (Paragraph, "Results".into()));
    }

    #[test]
    fn navigation_and_preamble_above_the_title_are_chrome() {
        let text = format!(
            "Example News\n\nWorld\n\nBusiness\n\nSure! Here is the article you asked for:\n\n\
             Markets Rally After the Vote\n\nBy Jane Doe\n\n{BODY}\n\nRead more\n\nViews: 12"
        );
        let blocks = kinds(&text);
        let chrome: Vec<&str> = blocks
            .iter()
            .filter(|(k, _)| *k == Chrome)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            chrome,
            vec![
                "Example News",
                "World",
                "Business",
                "Sure! Here is the article you asked for:",
                "Read more",
                "Views: 12"
            ]
        );
        assert_headings(&text, &[(1, "Markets Rally After the Vote")]);
        assert_eq!(blocks[5], (Paragraph, "By Jane Doe".into()));
    }

    #[test]
    fn comment_form_is_chrome_and_never_a_heading() {
        let text = format!(
            "Title\n\n{BODY}\n\nLeave a Reply\n\nYour email address will not be published. \
             Required fields are marked *\n\nComment *\n\nName *\n\nEmail *\n\nWebsite\n\n\
             Post Comment"
        );
        let blocks = kinds(&text);
        assert!(blocks[2..].iter().all(|(k, _)| *k == Chrome), "{blocks:?}");
    }

    #[test]
    fn teasers_subtitles_bylines_and_credits_are_not_sections() {
        let text = format!(
            "Markets Rally After the Vote in Congress\n\n\
             Investors Cheer a Deal That Ends Months of Doubt\n\nBy Jane Doe\n\n{BODY}\n\n\
             Photo: Getty Images\n\n{BODY}\n\nNovember 18, 2019\n\n{BODY}\n\n\
             Another Story Entirely\n\n{BODY}\n\nRead more\n\nReal Section\n\n{BODY}"
        );
        assert_headings(
            &text,
            &[
                (1, "Markets Rally After the Vote in Congress"),
                (2, "Real Section"),
            ],
        );
        assert_eq!(kinds(&text)[4], (Chrome, "Photo: Getty Images".into()));
    }

    #[test]
    fn plain_lines_between_the_title_and_the_body_opening_are_its_lead() {
        let body = [BODY; 6].join("\n\n");
        for (title, dek, lead_line) in [
            (
                "Cannabis Use Is Rising Where It Is Legal",
                "A study of two million people.",
                "Health Marijuana Science",
            ),
            (
                "Markets Rally After the Vote",
                "Stocks rose.",
                "BREAKING NEWS",
            ),
            ("深圳的开源社区越来越活跃", "记者观察。", "科技 深圳 开源"),
            (
                "Город снова нашёл свою воду",
                "Репортаж.",
                "Общество Экология",
            ),
        ] {
            let text =
                format!("{title}\n\n{dek}\n\n{lead_line}\n\n{body}\n\nReal Section\n\n{body}");
            assert_headings(&text, &[(1, title), (2, "Real Section")]);
        }
        // A section number still makes a heading there.
        for numbered in ["1. Background", "一、背景"] {
            let text = format!("Title of the Report\n\nA short note.\n\n{numbered}\n\n{body}");
            assert_headings(&text, &[(1, "Title of the Report"), (2, numbered)]);
        }
    }

    #[test]
    fn numbered_heading_may_open_onto_an_unnumbered_one() {
        let text = format!("{BODY}\n\n2. Findings\n\nWhat We Saw\n\n{BODY}");
        assert_headings(&text, &[(2, "2. Findings"), (3, "What We Saw")]);
    }

    /// `text` laid out as lynx saves a page: prose indented by three columns, headings at the
    /// left edge.
    fn lynx(blocks: &[&str]) -> String {
        blocks
            .iter()
            .map(|b| match b.strip_prefix('#') {
                Some(heading) => heading.to_string(),
                None => format!("   {b}"),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn headings_left_of_an_indented_body_are_headings() {
        let text = lynx(&[
            "#Title of the Story",
            BODY,
            BODY,
            "#Meal 1",
            "Eat every two hours",
            BODY,
            "#Meal 2",
            "Eat every two hours",
            BODY,
            "#Meal 1",
            BODY,
            "#Defensive Line",
            "Pos Player Plays\n   Ward Smith 74",
        ]);
        assert_headings(
            &text,
            &[
                (1, "Title of the Story"),
                (2, "Meal 1"),
                (2, "Meal 2"),
                (2, "Meal 1"),
                (2, "Defensive Line"),
            ],
        );
    }

    #[test]
    fn at_the_margin_of_such_a_dump_only_capitals_and_numbers_head_sections() {
        let text = lynx(&[
            "#Title of the Story",
            BODY,
            "#A Section",
            BODY,
            "The slimmer bezels of the new model",
            BODY,
            "FRANCE WINS",
            BODY,
        ]);
        assert_headings(
            &text,
            &[
                (1, "Title of the Story"),
                (2, "A Section"),
                (2, "FRANCE WINS"),
            ],
        );
        // Without headings set apart, a line at the margin is judged by its words.
        let text = format!("Title of the Story\n\n{BODY}\n\nA Section\n\n{BODY}");
        assert_headings(&text, &[(1, "Title of the Story"), (2, "A Section")]);
    }

    #[test]
    fn a_run_of_headlines_left_of_the_margin_is_not_sections() {
        let text = lynx(&[
            "#Title of the Story",
            BODY,
            "#Origin of Black Death traced to Russia",
            "#Prairie dogs force a cancellation",
            "#A Section",
            BODY,
        ]);
        assert_headings(&text, &[(1, "Title of the Story"), (2, "A Section")]);
    }

    #[test]
    fn centred_captions_and_indented_quotations_are_not_code() {
        // Prose wrapped at 60 columns, so that the dump's width is known.
        let prose = textwrap::fill(&[BODY; 4].join(" "), 60);
        let quote = textwrap::fill(
            "Stadia is an attempt to make cloud gaming happen, and it delivers on most of what \
             was promised, at least on a television and with a good connection.",
            textwrap::Options::new(60)
                .initial_indent("    ")
                .subsequent_indent("    "),
        );
        let list = "    Where is this variable used?\n    What functions call this one?";
        let text = format!(
            "Title of the Story\n\n{prose}\n\n              The slimmer bezels of the model\n\n\
             {prose}\n\n{quote}\n\n    Cargo Build Release\n\n{list}\n\n{prose}"
        );
        let kinds = kinds(&text);
        assert_eq!(
            kinds[2],
            (Paragraph, "The slimmer bezels of the model".into())
        );
        assert_eq!(kinds[4].0, BlockKind::Quote);
        // Indented but not centred: code, as is a list of one short line per item.
        assert_eq!(
            kinds[5],
            (BlockKind::Code, "    Cargo Build Release".into())
        );
        assert_eq!(kinds[6], (BlockKind::Code, list.into()));
        assert_headings(&text, &[(1, "Title of the Story")]);
    }

    #[test]
    fn a_listing_that_prints_a_forms_blanks_stays_code() {
        // A form's blank outside a listing is page furniture; inside one it is the code's.
        let prose = textwrap::fill(&[BODY; 4].join(" "), 60);
        let listing = "    print(\"Name: ____________________\")\n    input(\"[          ]\")";
        let text = format!(
            "Title of the Story\n\n{prose}\n\n{listing}\n\n{prose}\n\nName * ____________________"
        );
        let kinds = kinds(&text);
        assert_eq!(kinds[2], (BlockKind::Code, listing.into()));
        assert_eq!(kinds.last().map(|k| k.0), Some(Chrome));
    }

    #[test]
    fn a_headline_over_an_agency_byline_is_the_title() {
        let text = format!(
            "Markets Rally After the Vote\n\nBy Jane Doe, Associated Press\n\n{BODY} {BODY}\n\n\
             {BODY} {BODY}\n\nWhat Comes Next\n\n{BODY} {BODY}"
        );
        assert_headings(
            &text,
            &[(1, "Markets Rally After the Vote"), (2, "What Comes Next")],
        );
    }

    #[test]
    fn a_breadcrumb_ending_with_the_headline_is_not_the_title() {
        let text = format!(
            "HomeNewsMarkets Rally After the Vote\n\nMarkets Rally After the Vote\n\n{BODY}"
        );
        assert_headings(&text, &[(1, "Markets Rally After the Vote")]);
        let text = format!("Markets Rally After the Vote\n\nInvestors cheer the deal\n\n{BODY}");
        assert_headings(&text, &[(1, "Markets Rally After the Vote")]);
        // A breadcrumb long enough to pass for prose does not start the body either.
        let headline = "Ascom announces a distribution partnership with GE Healthcare in Europe";
        let text = format!(
            "Contact us\n\nHomeNewsBusiness News{headline}\n\n{headline}\n\n{BODY} {BODY}\n\n\
             {BODY} {BODY}\n\n{BODY} {BODY}"
        );
        assert_headings(&text, &[(1, headline)]);
    }

    #[test]
    fn a_long_link_over_the_headline_does_not_start_the_body() {
        let text = format!(
            "A seasonal job can be a good career strategy\n\nMenuSections\n\nBREAKING NEWS\n\n\
             https://www.example.com/news/crime/article/The-Latest-Man-stabbed-to-death-on-a-train-1484.php\n\n\
             The Latest: Man Stabbed on a Train\n\n{BODY} {BODY}\n\n{BODY} {BODY}\n\n{BODY}"
        );
        assert_eq!(
            headings(&text)[0],
            (1, "The Latest: Man Stabbed on a Train".into())
        );
    }

    #[test]
    fn a_line_over_a_picture_credit_is_a_caption() {
        for credit in [
            "(Walt Disney Co.)",
            "Photo: Getty Images",
            "Jason Cipriani/ZDNet",
        ] {
            let text = format!(
                "Title of the Story\n\n{BODY}\n\nKevin Mayer, the Executive in Charge\n\n\
                 {credit}\n\n{BODY}\n\nA Section\n\n{BODY}"
            );
            assert_headings(&text, &[(1, "Title of the Story"), (2, "A Section")]);
        }
        let text = format!("Title of the Story\n\n{BODY}\n\nA Section\n\n(see below)\n\n{BODY}");
        assert_headings(&text, &[(1, "Title of the Story"), (2, "A Section")]);
    }

    #[test]
    fn a_section_may_open_straight_onto_its_first_subsection() {
        let text = format!(
            "Title of the Review\n\n{BODY}\n\nBattery Life\n\nLonger Than Before\n\n{BODY}"
        );
        assert_headings(
            &text,
            &[
                (1, "Title of the Review"),
                (2, "Battery Life"),
                (2, "Longer Than Before"),
            ],
        );
    }

    #[test]
    fn credits_cries_and_menus_over_a_heading_are_not_sections() {
        for above in [
            "Nintendo",
            "DJI",
            "Vote for Anna on the last page!",
            "Home\n\nNews",
        ] {
            let text = format!("Title of the Review\n\n{BODY}\n\n{above}\n\nA Section\n\n{BODY}");
            assert_headings(&text, &[(1, "Title of the Review"), (2, "A Section")]);
        }
    }

    #[test]
    fn a_capitals_section_may_open_onto_its_first_subsection() {
        let text = format!("Title of the Review\n\n{BODY}\n\nPART ONE\n\nThe Beginning\n\n{BODY}");
        assert_headings(
            &text,
            &[
                (1, "Title of the Review"),
                (2, "PART ONE"),
                (2, "The Beginning"),
            ],
        );
    }

    #[test]
    fn a_paragraph_broken_by_hand_still_opens_the_body() {
        // Too few wrapped lines to tell the wrap width: every break stays, and the opening
        // paragraph comes in pieces that do not end like sentences.
        let text = format!(
            "The Real Title of It\n\nOver the course of the year the team has been working on its\n\
             user experience, as the plan said it would.\n\nA Section Below the Opening Paragraph\n\n{BODY} {BODY} \
             {BODY} {BODY} {BODY} {BODY}"
        );
        assert_headings(
            &text,
            &[
                (1, "The Real Title of It"),
                (2, "A Section Below the Opening Paragraph"),
            ],
        );
    }

    #[test]
    fn furniture_after_the_article_heads_no_section() {
        let zh = "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。\
                  标题下面的正文要足够长，读者才会认出它是文章的开头，而不是导航栏里的一句话。";
        let ru = "Это первый абзац основного текста обычной длины, написанный предложениями, \
                  и он достаточно длинный, чтобы считаться прозой статьи.";
        for (body, footer) in [
            (
                BODY,
                [
                    "Elsewhere",
                    "Markets fall again",
                    "A new phone",
                    "Weekly Letter",
                ],
            ),
            (zh, ["热门文章", "市场再次下跌", "新手机发布", "订阅"]),
            (
                ru,
                [
                    "Популярное",
                    "Рынки снова падают",
                    "Новый телефон",
                    "Рассылка",
                ],
            ),
        ] {
            let text = format!(
                "Title of the Story\n\n{body} {body}\n\nA Section\n\n{body}\n\n{}\n\n\
                 We write to you once a week, on Sundays.",
                footer.join("\n\n")
            );
            assert_headings(&text, &[(1, "Title of the Story"), (2, "A Section")]);
        }
    }

    #[test]
    fn a_heading_after_a_run_of_short_lines_inside_the_article_stays() {
        // A meal plan as lynx saves it: headings outdented, each over short lines at the margin
        // and a line or two of prose.
        let meal = |n: &str| {
            [
                format!("#Meal {n}"),
                "Eat every 2–3 hours".to_string(),
                "Portion Fix Containers: 1 Green".to_string(),
                "Beachbody Performance Recharge".to_string(),
                "Tomato Cucumber Salad (½ cup cherry tomatoes, ½ cup cucumber slices, ¼ cup \
                 feta cheese, 2 tsp. olive oil and red wine vinegar)."
                    .to_string(),
            ]
        };
        let mut blocks = vec!["#Title of the Plan".to_string(), BODY.to_string()];
        for n in ["1", "2", "3", "4"] {
            blocks.extend(meal(n));
        }
        let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
        let text = lynx(&blocks);
        assert_headings(
            &text,
            &[
                (1, "Title of the Plan"),
                (2, "Meal 1"),
                (2, "Meal 2"),
                (2, "Meal 3"),
                (2, "Meal 4"),
            ],
        );
    }

    #[test]
    fn dump_without_headings_has_no_title_heading() {
        let text = format!("{BODY}\n\n{BODY}\n\nThe end.");
        assert!(headings(&text).is_empty());
    }

    #[test]
    fn huge_inputs_are_handled() {
        let line = "word ".repeat(2_000_000);
        let parsed = parse(&line);
        assert_eq!(parsed.blocks.len(), 1);
        assert!(parse(&"\n".repeat(1_000_000)).blocks.is_empty());
        let many = "Short line\n\n".repeat(100_000);
        assert_eq!(parse(&many).blocks.len(), 100_000);
    }
}
