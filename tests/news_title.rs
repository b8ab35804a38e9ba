//! Issue 12, the title of news pages saved as text, through the real binary: the headline is
//! found by the evidence around it (a byline under it, words it shares with the body's
//! opening), not taken from the nearest teaser, a site's tagline, a section's label or a line
//! of encoded picture, and a headline that asks a question can be the title.

mod support;

use support::first_hour::folio_ok;

/// The first line `folio outline` prints (the title) for a dump saved as `text`.
fn title_of(text: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("page.txt");
    std::fs::write(&path, text).expect("write");
    let stdout = folio_ok(dir.path(), &["outline", path.to_str().expect("utf-8 path")]);
    stdout.lines().next().unwrap_or_default().trim().to_string()
}

/// The page's story: a few paragraphs of prose about the headline's subject.
const PLAGUE_BODY: &str = "\
A case of the bubonic plague was reported in China over the weekend, after two other people \
there were diagnosed with the pneumonic plague last week.

The hunter from Inner Mongolia caught and ate a wild rabbit early this month, according to \
the state news agency, and was taken to hospital a few days later.

Twenty-eight people who were in close contact with the patient were put under medical \
quarantine. No one has shown symptoms such as fever so far, the commission said.
";

#[test]
fn news_title_is_the_headline_over_its_byline_not_a_teaser_nearer_the_body() {
    let page = format!(
        "\
News

• Facebook

• Twitter

Chinese hunter catches bubonic plague after eating wild rabbit

By Natalie Musumeci

Most Popular Today

November 18, 2019 | 4:10pm

More On:

Two patients diagnosed with plague in China as officials scramble to prevent outbreak

Origin of Black Death plague which ravaged Europe traced to Russia

see also

Two patients diagnosed with plague in China as officials scramble to prevent outbreak

{PLAGUE_BODY}"
    );
    assert_eq!(
        title_of(&page),
        "Chinese hunter catches bubonic plague after eating wild rabbit"
    );
}

#[test]
fn news_title_is_not_a_tagline_over_teaser_cards_nor_a_line_of_encoded_picture() {
    // A line of encoded picture and the teasers' one-line summaries make a mass of "prose"
    // under the tagline; the body starts at the first paragraph of real prose.
    let page = r#"We come from the future

[gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==]

It's Time to Kick Big Pharma Out of Antibiotics Research, Scientists Argue

Drug makers have all but left the field, they say.

Ed Cara

Yesterday 2:45PM

A Woman's 'Velvety' Palms Revealed Her Lung Cancer

The skin of her hands gave the first warning sign.

Ed Cara

Friday 5:11PM

Health

A Man Developed 'Feather Duvet Lung' After Getting New Bedding

[gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOwR0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==] Ed Cara

Monday 6:30PM

A UK man's innocent decision to change his bedding caused him to develop a strange, rare condition that left him gasping for air, his doctors say. In a new case study they detail how the man came down with a rare allergy to the bird feathers in his new duvet.

According to the study, the 43-year-old man had suffered months of dizziness, fatigue and breathlessness by the time he visited his local doctor in November 2016.

At first, his doctor assumed he had a lower respiratory tract infection, and his symptoms did improve soon after. But by December they worsened again.
"#;
    assert_eq!(
        title_of(page),
        "A Man Developed 'Feather Duvet Lung' After Getting New Bedding"
    );
}

#[test]
fn news_title_of_a_chinese_page_is_the_headline_over_its_byline_not_a_related_story() {
    // The related story's headline, nearer the body, stands twice in the page.
    let page = r#"首页

新闻

科技

体育

深圳开源社区五年发展回顾

记者 张三

2019年11月20日 08:00

相关阅读

深圳举办第五届开源大会吸引数千名开发者参加

深圳的开源社区在过去五年里发展得很快，越来越多的公司开始把自己的代码公开出来，让更多的人参与进来。社区的聚会从最初的几十个人，变成了今天几千人参加的大会，讨论的话题也从工具扩展到了硬件、教育和政策等各个方面。

组织者说，开源社区的成长离不开志愿者的付出，也离不开本地公司的支持。今年的大会吸引了来自全国各地的开发者。

明年，社区计划在深圳举办更多的活动，并邀请海外的开发者参加。

更多新闻

深圳举办第五届开源大会吸引数千名开发者参加
"#;
    assert_eq!(title_of(page), "深圳开源社区五年发展回顾");
}

#[test]
fn news_title_may_ask_a_question() {
    let page = format!(
        "\
Markets

Select Language

Is the bubonic plague back in China?

By Natalie Musumeci

{PLAGUE_BODY}"
    );
    assert_eq!(title_of(&page), "Is the bubonic plague back in China?");
}

#[test]
fn news_title_is_not_a_label_over_a_dateline_run_into_the_next_line() {
    // "Business News" and its dateline are one group of lines, long enough to pass for a
    // paragraph: a dateline opens no body.
    let page = r#"  • World
  • Politics
  • More

United States

Business News
November 19, 2019 / 12:21 AM / Updated 14 hours ago

Oversupply angst drags oil lower, stocks drift near highs

Rodrigo Campos

NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge of stocks across the globe rose for a seventh straight session to hover near a record high.

Traders cited the lingering uncertainty over whether the United States and China could agree to end a near trade war as a reason for stocks to drift and bond prices to go higher.

Oil fell after sources told Reuters that Russia is unlikely to agree to cut its oil output further at a meeting with fellow exporters next month.
"#;
    assert_eq!(
        title_of(page),
        "Oversupply angst drags oil lower, stocks drift near highs"
    );
}

#[test]
fn news_title_is_the_headline_not_its_subtitle_past_a_comment_counter() {
    let page = r#"Log in or sign up

The Verge main menu

Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct

New, 15 comments

The fourth in the 2009 reboot series of Star Trek films

By Chaim Gartenberg Nov 19, 2019, 7:53pm EST

Paramount is moving ahead with a fourth film in the rebooted Star Trek series, and it has hired Fargo and Legion creator Noah Hawley to write and direct it, according to a report.

The studio had been developing another sequel with the cast of the 2009 film for years, but talks with the actors stalled over pay last summer, and the project was put on hold.

Hawley will reportedly bring a new story and new characters, though some of the familiar crew may still appear, the report says.
"#;
    assert_eq!(
        title_of(page),
        "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct"
    );
}

#[test]
fn news_title_is_not_over_a_run_of_links_or_a_byline_that_ends_no_sentence() {
    // The menu run together and the two-line byline are long enough to pass for paragraphs,
    // but an article's opening paragraph ends as a sentence does.
    let page = r#"Argus Leader

Home News Sports Business Opinion Obituaries Weather Jobs Cars Homes Classifieds Subscribe

South Dakota launches anti-meth campaign that gets the nation talking

Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader
Published 10:02 AM EST Nov 19, 2019

People across the nation are talking about it: South Dakota is on meth, according to a new advertising campaign led by the governor.

The buzz on both national news and social media focused on the campaign, which was launched on Monday with posters and television spots.

The governor said the campaign was meant to raise awareness of the epidemic, and that the ad going viral on its first day showed it was already working.
"#;
    assert_eq!(
        title_of(page),
        "South Dakota launches anti-meth campaign that gets the nation talking"
    );
}
