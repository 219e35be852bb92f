//! Article extraction from HTML: real pages, and hostile ones that must not hurt.

use unscrape::html::extract;

const DARING_FIREBALL: &str = include_str!("../fixtures/html/daringfireball-1.html");
const DARING_FIREBALL_EXPECTED: &str =
    include_str!("../fixtures/html/daringfireball-1.expected.txt");
const HIDDEN_NODES: &str = include_str!("../fixtures/html/hidden-nodes.html");
const SOCIAL_BUTTONS: &str = include_str!("../fixtures/html/social-buttons.html");

/// The words of a text, for comparing texts whatever their line breaks.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn a_blog_post_comes_out_as_its_article() {
    let article = extract(DARING_FIREBALL);
    let expected = words(DARING_FIREBALL_EXPECTED);
    let got = words(&article);
    // Every paragraph of the expected article is there, in order.
    for paragraph in DARING_FIREBALL_EXPECTED
        .split("\n\n")
        .filter(|p| p.len() > 80)
    {
        let start: Vec<&str> = words(paragraph).into_iter().take(8).collect();
        assert!(
            got.windows(start.len()).any(|w| w == start.as_slice()),
            "missing paragraph starting {start:?}"
        );
    }
    // And not much else: the site's menus and footer stay out.
    assert!(
        got.len() < expected.len() * 11 / 10,
        "{} words for {}",
        got.len(),
        expected.len()
    );
}

#[test]
fn hidden_elements_are_left_out() {
    let article = extract(HIDDEN_NODES);
    // The page holds the long paragraph three times: shown, display:none, and hidden. The
    // headings over the two hidden ones head nothing a reader sees, and go with them.
    assert!(!article.contains("Secondary header"), "{article}");
    let long_paragraphs = article
        .split("\n\n")
        .filter(|paragraph| paragraph.len() > 500)
        .count();
    assert_eq!(long_paragraphs, 1, "{article}");
}

#[test]
fn share_buttons_are_left_out() {
    let article = extract(SOCIAL_BUTTONS);
    assert!(article.contains("Ut enim ad minim veniam"));
    for widget in ["Share on Facebook", "Tweet", "Email"] {
        assert!(!article.contains(widget), "{widget} in:\n{article}");
    }
}

#[test]
fn inline_tags_never_glue_or_split_words() {
    let page = "<html><body><article><p>The <b>Kremlin</b> said the <a href='/t'>three-day</a> \
                trip will take place at the invitation of Vladimir Put<i>in</i>, in Moscow, on \
                Monday, Tuesday and Wednesday next week.</p><ul><li>First item</li><li>Second \
                item</li></ul><table><tr><td>Cell one</td><td>Cell two</td></tr></table>\
                </article></body></html>";
    assert_eq!(
        extract(page),
        "The Kremlin said the three-day trip will take place at the invitation of Vladimir \
         Putin, in Moscow, on Monday, Tuesday and Wednesday next week.\n\nFirst item\nSecond \
         item\n\nCell one\tCell two"
    );
}

#[test]
fn ruby_readings_stay_out_of_the_text() {
    // NHK News Web Easy writes a reading over each kanji (trafilatura's nhk.or.jp.k100 page).
    let page = "<html><body><article><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待\
                <rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ\
                </rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が<ruby>子<rt>こ</rt></ruby>\
                どもを<ruby>教育<rt>きょういく</rt></ruby>するために、たたいたり<ruby>蹴<rt>け\
                </rt></ruby>ったりする<ruby>体罰<rt>たいばつ</rt></ruby>を<ruby>禁止<rt>きんし\
                </rt></ruby>することになりました。</p></article></body></html>";
    assert_eq!(
        extract(page),
        "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、\
         たたいたり蹴ったりする体罰を禁止することになりました。"
    );
}

#[test]
fn a_hundred_thousand_nested_elements_cost_no_stack_and_no_quadratic_time() {
    // Too deep for the parser (html5ever's scope checks walk its stack of open elements:
    // 40 s at this depth): read without the DOM, in a fraction of a second.
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>Deep inside, the article says something long enough to be kept, with \
         commas, clauses, and a full stop at its end.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(extract(&page).contains("Deep inside"));
}

#[test]
fn a_page_just_below_the_depth_guard_is_still_parsed() {
    let depth = 1_500;
    let page = format!(
        "<html><body>{}<nav>Home News Sport</nav><p>Deep inside, the article says something \
         long enough to be kept, with commas, clauses, and a full stop at its end.</p>{}\
         </body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = extract(&page);
    assert!(
        article.contains("Deep inside") && !article.contains("Home News"),
        "{article}"
    );
}

#[test]
fn unclosed_tags_and_binary_bytes_do_not_panic() {
    let unclosed = "<html><body><div><p>Unclosed paragraph <b>bold <i>both <table><tr><td>cell";
    assert!(extract(unclosed).contains("Unclosed paragraph"));
    let binary: String = (0..=255u8).cycle().take(100_000).map(char::from).collect();
    let _ = extract(&binary);
    let _ = extract("");
}

#[test]
fn a_page_header_left_open_keeps_the_article_it_wraps() {
    // A Drupal page whose site header is never closed (diaadia.com.pa, trafilatura's
    // evaluation pages, shortened): the parser puts the whole page inside <header>.
    let page = "<html><body><div id='page'><header id='header' class='header'>\
                <div class='menu'><a href='/'>Inicio</a> <a href='/farandula'>Farándula</a></div>\
                <main><article class='node--type-article'><h1>Ulpiano pide exclusividad</h1>\
                <div class='field--name-body'><p>El reconocido artista de la música típica, \
                Ulpiano Vergara, presentó este jueves una solicitud para el uso exclusivo de su \
                nombre.</p><p>\"Mi nombre es lo que me representa\", dijo el cantante, que lleva \
                treinta años en los escenarios.</p></div></article></main></div></body></html>";
    let article = extract(page);
    assert!(article.contains("El reconocido artista"), "{article}");
    assert!(!article.contains("Farándula"), "{article}");
    let closed = "<html><body><header><a href='/'>Inicio</a> Día a Día</header>\
                  <p>El reconocido artista de la música típica presentó una solicitud.</p>\
                  </body></html>";
    assert_eq!(
        extract(closed),
        "El reconocido artista de la música típica presentó una solicitud."
    );
}
