"""The body-region finder for text captures (cleaners/region.py).

Hand-made captures in the shapes no phrase table lists: menus of lone
labels, lists of headlines, footers, comment threads. Every page here is
written for the test; none is copied from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.base import Context
from cleaners.phrasebook import default_phrasebook
import random

from cleaners.region import BodyRegion, best_run, body_region, choose_region, is_code_like, line_scores, runs
from cleaners.runs import spaced, unspaced
from scraper.document import Document, segment_text

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = [
    "The city council voted on Tuesday to extend the night bus network to the northern districts, after a year of complaints from shift workers.",
    "The new lines will run every twenty minutes between midnight and five in the morning, and the first buses are expected in the spring.",
    "Schedules",
    "Residents who work in the hospitals and the logistics parks on the edge of town have asked for the change since the last timetable was published.",
    "The transport authority said that the cost would be covered by the regional budget and that fares would not rise this year.",
]
MENU = ["Home", "News", "Sport", "Weather", "Travel", "Culture", "Contact", "Login"]
HEADLINES = [
    "Mayor opens new bridge",
    "Schools close early for the holidays",
    "Local team wins the cup",
    "Storm warning for the coast",
    "Market prices fall again",
]
FOOTER = ["About us", "Imprint", "Privacy policy", "Terms of use", "© 2024 Example Media"]


def capture(*parts: list[str], blank_between: bool = True) -> str:
    """Menus and lists as one block of lines, article lines as paragraphs."""
    out = []
    for part in parts:
        if part is ARTICLE:
            out.extend(line + "\n" for line in part)
        else:
            out.append("\n".join(part) + "\n")
    return "\n".join(out) if blank_between else "".join(out)


def judge(text: str, language: str | None = "en"):
    doc = segment_text(text)
    ctx = Context(doc, doc.blocks, default_phrasebook(), None, language)
    verdict = BodyRegion().judge(ctx)
    dropped = {d.index for d in verdict.drops}
    kept = [b.text for b in doc.blocks if b.index not in dropped]
    return kept, verdict


def test_menu_headlines_and_footer_around_the_article_are_dropped():
    kept, verdict = judge(capture(MENU, ARTICLE, HEADLINES, FOOTER))
    assert kept == ARTICLE
    assert len(verdict.drops) == len(MENU) + len(HEADLINES) + len(FOOTER)


def test_every_drop_carries_a_reason():
    _, verdict = judge(capture(MENU, ARTICLE, FOOTER))
    assert verdict.drops and all(d.reason for d in verdict.drops)
    reasons = {d.reason.split(" (")[0] for d in verdict.drops}
    assert reasons == {"above the article body", "below the article body"}


def test_short_heading_inside_the_article_is_kept():
    kept, _ = judge(capture(MENU, ARTICLE, FOOTER))
    assert "Schedules" in kept


def test_works_without_stop_words_for_the_language():
    kept, _ = judge(capture(MENU, ARTICLE, FOOTER), language=None)
    assert kept == ARTICLE


def test_comment_thread_after_the_article_is_cut_off():
    thread = []
    for name, text in (("anna", "Great, finally!"), ("bob", "About time."), ("carl", "Will it stop at the station too?")):
        thread += [f"{name} says:", text, "Reply"]
    kept, _ = judge(capture(MENU, ARTICLE, ["3 comments"], thread, FOOTER))
    assert kept == ARTICLE


def test_list_of_ingredients_and_steps_in_one_block_is_kept():
    card = [
        "Ingredients",
        "500 g potatoes, peeled",
        "2 onions, sliced thin",
        "1 tbsp butter",
        "salt and black pepper",
        "Method",
        "Boil the potatoes in salted water until a knife slides through them, about twenty minutes.",
        "Fry the onions in the butter over a low heat until they are soft and golden brown.",
        "Mash the potatoes with the onions and season well with salt and black pepper.",
    ]
    intro = [ARTICLE[0], ARTICLE[1]]
    text = "\n".join(MENU) + "\n\n" + "\n\n".join(intro) + "\n\n" + "\n".join(card) + "\n\n" + "\n".join(FOOTER)
    kept, _ = judge(text)
    assert kept == intro + card


def test_non_european_script_counts_characters():
    para = ["市议会星期二投票决定将夜间公交网络延伸到北部地区，此前倒班工人抱怨了一年。新线路将在午夜至凌晨五点之间每二十分钟运行一班。"] * 3
    text = "\n".join(MENU) + "\n\n" + "\n\n".join(para) + "\n\n" + "\n".join(FOOTER)
    kept, _ = judge(text, language="zh")
    assert kept == para


def test_no_prose_leaves_the_capture_alone():
    kept, verdict = judge("\n".join(MENU + FOOTER))
    assert verdict.drops == [] and kept == MENU + FOOTER


def test_html_captures_are_not_touched():
    doc = segment_text(capture(MENU, ARTICLE, FOOTER))
    html_doc = Document(doc.blocks, "html", doc.meta)
    verdict = BodyRegion().judge(Context(html_doc, html_doc.blocks, default_phrasebook(), None, "en"))
    assert verdict.drops == []


def test_scores_and_runs():
    scores = line_scores(["Home", ARTICLE[0], "Contact"])
    assert scores[0] < 0 < scores[1] and scores[2] < 0
    assert best_run([-1, 5, -2, 4, -9, 3]) == (1, 3)
    assert best_run([-1, -2]) == (0, -1)
    assert body_region([]) == (0, -1)


def _runs_by_recursion(scores, lo=0, hi=None):
    hi = len(scores) if hi is None else hi
    start, end = best_run(scores[lo:hi])
    if end < start:
        return []
    start, end = start + lo, end + lo
    return (_runs_by_recursion(scores, lo, start) + [(sum(scores[start:end + 1]), start, end)]
            + _runs_by_recursion(scores, end + 1, hi))


def test_runs_are_the_recursive_maximal_runs():
    rnd = random.Random(7)
    for _ in range(500):
        scores = [float(rnd.choice([-32, -14, -6, 2, 5, 12, 40])) for _ in range(rnd.randint(0, 30))]
        assert runs(scores) == _runs_by_recursion(scores)


def test_first_heavy_run_wins_and_close_neighbours_join():
    # article (60) ... long chrome gap ... heavier comment thread (100): the article
    assert choose_region([60, -14] + [-32] * 6 + [100]) == (0, 0)
    # a small run right after the body, across a one-line gap, joins it
    assert choose_region([60, -6, 10]) == (0, 2)
    # list entries (-7) between runs are the article's steps: they cost half
    # when the body grows over them; as many labels (-14) still part the runs
    assert choose_region([60.0] + [-7.0] * 10 + [20.0]) == (0, 11)
    assert choose_region([60.0] + [-14.0] * 5 + [20.0]) == (0, 0)


def test_a_lone_line_gives_way_to_a_later_run_of_paragraphs():
    gap = [-32.0] * 6
    # a long caption (40) above a three-paragraph article (30 + 25 + 20): the article
    assert choose_region([40.0] + gap + [30.0, 25.0, 20.0]) == (7, 9)
    # but not to a long list of scraps that only adds up (30 lines of 2)
    assert choose_region([40.0] + gap + [2.0] * 30) == (0, 0)
    # a run of paragraphs first still wins over a later one
    assert choose_region([30.0, 25.0] + gap + [40.0, 30.0]) == (0, 1)


def test_headline_anchor_prefers_the_run_below_it():
    scores = [15.0, -32, -32, -32, 25.0]  # a cookie notice, chrome, then a short article
    assert choose_region(scores) == (0, 0)
    assert choose_region(scores, anchor=4) == (4, 4)
    # The boost chooses the body; a neighbour joins by the body's own mass:
    # a last paragraph (46) under a table (8 entries) after a body of 432.
    scores = [432.0] + [-7.0] * 8 + [46.0]
    assert choose_region(scores) == (0, 9)
    assert choose_region(scores, anchor=0) == (0, 9)


def test_a_table_copied_between_paragraphs_is_the_articles():
    # A browser copies a table row as its cells with tabs between them: rows
    # of names (no number, capitalised) are entries of the article's table,
    # not a menu, and the paragraph after the table is the article's too.
    table = ["\tHome team\tAway team", "Goalkeeper\tSamuel Ortega\tIsrael Cárdenas",
             "Defenders\tNava, Rentería, Gallardo\tFuentes, Zamudio, Leyva", "Coach\tArturo Lemus\tHéctor Balderas"]
    last = "The second leg is played on Saturday, at a time the league will confirm once the other quarter-final is over."
    text = capture(MENU, ARTICLE, ["Line-ups", *table], [last], FOOTER)
    kept, _ = judge(text)
    assert kept[-2:] == ["Coach Arturo Lemus Héctor Balderas", last] and "Home" not in kept
    assert {b.kind for b in segment_text(text).blocks if "Lemus" in b.text} == {"table"}


def test_a_run_of_site_notices_weighs_less():
    # a consent/affiliate notice (60) above a shorter article (40): the article
    scores = [30.0, 30.0] + [-32.0] * 6 + [25.0, 15.0]
    assert choose_region(scores) == (0, 1)
    assert choose_region(scores, notice=lambda i: i < 2) == (8, 9)
    # one notice line inside an article is no reason to pass it over
    assert choose_region(scores, notice=lambda i: i == 1 or i == 8) == (0, 1)


def test_a_site_notice_never_joins_the_body_as_its_neighbour():
    # a consent text (65) over a menu (-112) over a long article (400): by
    # mass alone it would join across the menu; a notice does not.
    scores = [37.0, 28.0] + [-14.0] * 8 + [100.0] * 4
    assert choose_region(scores) == (0, 13)
    assert choose_region(scores, notice=lambda i: i < 2) == (10, 13)


def test_a_cookie_consent_above_a_short_article_is_dropped():
    consent = [
        "We use cookies to give you the best experience on our website and to show you relevant advertising from our partners.",
        "By clicking accept you agree to the use of cookies as described in our privacy policy, which you can change at any time.",
        "Some of the links on this page are affiliate links, and we may earn a commission when you buy through them at no cost to you.",
    ]
    kept, _ = judge(capture(consent, MENU, ARTICLE[:2]))
    assert kept == ARTICLE[:2]


def test_a_cookie_settings_dialog_below_a_short_article_is_dropped():
    # A consent plugin's settings dialog (German): more prose than the article,
    # but its sentences are about the site's cookies.
    article = [
        "Der Gemeinderat hat am Dienstag beschlossen, das Nachtbusnetz bis in die nördlichen Stadtteile zu verlängern.",
        "Die neuen Linien sollen zwischen Mitternacht und fünf Uhr morgens alle zwanzig Minuten fahren, wie die Stadt mitteilte.",
    ]
    dialog = [
        "Wir verwenden Cookies auf unserer Website, um Ihnen die relevanteste Erfahrung zu bieten, indem wir uns an Ihre Vorlieben erinnern.",
        "Überblick zum Datenschutz",
        "Diese Website verwendet Cookies, um Ihre Erfahrungen zu verbessern, während Sie durch die Website navigieren und sie nutzen.",
        "Notwendige Cookies sind für das einwandfreie Funktionieren der Website absolut notwendig und sorgen für die grundlegenden Funktionen.",
        "Analytische Cookies werden verwendet, um zu verstehen, wie Besucher mit der Website interagieren, und um die Seite zu verbessern.",
        "Funktionale Cookies helfen dabei, bestimmte Funktionen auszuführen, wie das Teilen von Inhalten der Website auf anderen Plattformen.",
    ]
    kept, _ = judge(capture(MENU, article, FOOTER, dialog), language="de")
    assert kept[:2] == article and not set(kept) & set(dialog)


def test_a_newsletter_form_below_a_one_paragraph_article_is_dropped():
    # The form's consent sentences outweigh the article's one paragraph.
    article = [
        "Die bundesweite Vorbereitungstagung der Interkulturellen Woche findet am 11. und 12. Februar im Online-Format statt, "
        "und der Verband ist mit einem eigenen Workshop zur Arbeit mit Jugendlichen vertreten, wie die Geschäftsstelle mitteilte.",
    ]
    form = [
        "Ich willige darin ein, dass der Verband mir regelmäßig aktuelle Informationen aus seiner Arbeit per E-Mail zusendet.",
        "Ich bin mit der Verarbeitung meiner Daten nach der Datenschutzerklärung einverstanden. Nach der Anmeldung erhalte ich eine E-Mail.",
        "Senden",
        "Sie haben eine E-Mail zum Double-Opt-In-Verfahren erhalten. Vielen Dank für Ihr Interesse an unserem Newsletter!",
    ]
    kept, _ = judge(capture(MENU, article, FOOTER, HEADLINES, form), language="de")
    assert kept == article


def test_repeated_short_lines_count_as_chrome():
    scores = line_scores(["Reply", "x", "Reply", "y", "Reply"])
    assert scores[0] < line_scores(["Reply"])[0]


def test_registered_after_every_common_cleaner_for_text_captures():
    from cleaners import default_cleaners

    names = [c.name for c in default_cleaners("text")]
    if "region" not in names:
        pytest.xfail("the region cleaner is not registered in cleaners/__init__.py yet")
    # Only chrome rows (a kept footer row walls the body off from the footer)
    # and the cleaners that judge the edges of what the region kept come
    # after it; HTML captures run the same ones on trafilatura's body, minus
    # the trailing-teaser one; symbol-only lines go last on both.
    late = ["chrome_row", "head_notice", "mail_signature", "author_bio", "subscribe_pitch", "tail_notice", "tail_disclosure"]
    html = [c.name for c in default_cleaners("html")]
    assert html[-len(late) - 1:] == [*late, "symbols"]
    assert names[: names.index("region")] == html[: -len(late) - 1]
    assert names[names.index("region") + 1:] == [*late, "trailing_teasers", "symbols"]


def test_seed_keeps_its_thirteen_body_paragraphs():
    text = (ROOT / "seeds" / "000_0920f87e93d8de82.txt").read_text("utf-8")
    kept, verdict = judge(text)
    assert [k for k in kept if k.startswith("Russia on Monday warned Japan")]
    article = scraper.clean_text(text)
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].startswith("Russia on Monday warned Japan")
    assert article.paragraphs[-1].endswith("providing it with military aid.")
    assert not [r for r in article.removed if r.cleaner == "region"]


COMMENTS = [
    "I tried this route last winter and the buses were always late, so I hope the new schedule is better than the old one.",
    "Great news for everyone who works nights at the hospital, my sister has been waiting for this change for a long time now.",
    "Why does it take until spring? The buses are already there and the drivers could start next week if the council wanted it.",
    "Twenty minutes is still a long wait in the cold, but it is a start and much better than the single bus we have today.",
]


def test_the_comment_section_ends_the_body_even_when_it_holds_more_prose():
    kept, _ = judge(capture(MENU, ARTICLE, ["4 Comments"], COMMENTS))
    assert kept == ARTICLE


def test_a_comments_link_above_most_of_the_article_ends_nothing():
    dek = ARTICLE[:2]
    rest = ARTICLE[3:] + COMMENTS  # the article goes on below the link
    kept, _ = judge(capture(MENU, dek, ["Comments (32)"], rest))
    assert kept == dek + ["Comments (32)"] + rest


def test_code_lines_look_like_code_and_labels_do_not():
    for line in ('headers = {"user-agent": UA}', "resp = requests.get(url)", "# see https://example.org/t/1", "$ pip install -r requirements.txt", "}"):
        assert is_code_like(line), line
    for line in ("Home", "Prices (incl. VAT)", "Crime & Courts", "Contact us", "Terms of use"):
        assert not is_code_like(line), line


def test_a_code_listing_does_not_cut_the_article_in_two():
    listing = [
        "import os",
        "from app import settings",
        "def setUp(self):",
        "    self.cache = {}",
        "    storage._wrapped = empty",
        "    os.environ['MODE'] = 'test'",
        "    self.client.get('/')",
        "}",
    ]
    second = [
        "With the cache cleared before every test, the suite passed on the first run and has kept passing ever since.",
        "The same fix works for any storage backend that keeps its state between tests in the same process.",
    ]
    kept, _ = judge(capture(MENU, ARTICLE, listing, second, FOOTER))
    assert kept == ARTICLE + [line.strip() for line in listing] + second


def test_a_paragraph_right_under_the_headline_opens_the_body():
    # headline at 0; a dek (20), a share bar and a credit, then the heavy body
    scores = [20.0, -14, -14, -32, 100, 80, -32, -32, -32]
    assert choose_region(scores) == (4, 5)
    assert choose_region(scores, anchor=0) == (0, 5)
    # no paragraph right under the headline: the body starts where it did
    assert choose_region([-14.0, -14, -14, -32, 100, 80], anchor=0) == (4, 5)
    # far below the headline, the run is no continuation of the dek
    far = [20.0] + [-14.0] * 30 + [100, 80]
    assert choose_region(far, anchor=0) == (31, 32)
    # ... unless what stands between is a list of the article's (a recipe's
    # ingredients): list entries do not count towards the reach
    recipe = [20.0, -14.0, -14.0] + [-7.0] * 24 + [-14.0, 100, 80]
    assert choose_region(recipe, anchor=0) == (0, 29)


def test_a_comment_thread_without_a_header_is_no_body():
    comment = ("I tried this route last winter and the buses were always late, so I hope the new timetable "
               "will be kept better than the old one, because many of us depend on it to get to work at night.")
    # entries as a browser copies them: each line its own paragraph, no "3 comments" header
    thread = "\n".join(f"{name} says:\n\n{comment}\n" for name in "anna bob carl dora emil fritz".split())
    kept, _ = judge(capture(MENU, ARTICLE, HEADLINES, MENU) + "\n" + thread + "\n" + "\n".join(FOOTER))
    assert kept == ARTICLE


def test_thread_runs_weigh_less_only_with_entries():
    scores = [60.0] + [-32.0] * 6 + [200.0]
    assert choose_region(scores) == (7, 7)
    assert choose_region(scores, entries=lambda first, last: 3 if first >= 6 else 0) == (0, 0)
    assert choose_region(scores, entries=lambda first, last: 2) == (7, 7)


def test_long_removed_stretches_stand_back_in_the_scores():
    scores, at = spaced([50.0, 40.0, 9.0], [0, 2, 6], min_gap=4, cost=32.0)
    assert scores == [50.0, 40.0, -192.0, 9.0] and at == [0, 1, 3]
    assert unspaced(at, 0, 1) == (0, 1) and unspaced(at, 2, 3) == (2, 2) and unspaced(at, 0, -1) == (0, -1)
    # the article (90) and a small run 6 removed lines further down no longer join
    assert body_region(ARTICLE[:2] + ["Ich liebe den Norden, das Meer und die Berge."]) == (0, 2)
    texts = ARTICLE[:2] + ["Ich liebe den Norden, das Meer und die Berge."]
    assert body_region(texts, removed=[0, 0, 6]) == (0, 1)


SIDEBAR = [
    "What I love:",
    "♥ the sea in winter, when the beach is empty.",
    "♥ long walks with the dog, whatever the weather.",
    "♥ baking bread on Sunday mornings.",
    "♥ old maps and the places they show.",
]
# Under a header of the blog's own words ("Leave your traces..."), which no table lists.
WORDPRESS_COM_FORM = [
    "Leave your traces...",
    "Enter your comment here...",
    "Fill in your details below or click an icon to log in:",
    "Email (required) (Address never made public)",
    "You are commenting using your WordPress.com account. ( Log Out / Change )",
    "Notify me of new posts via email.",
]


def test_a_sidebar_beyond_a_removed_comment_form_is_not_the_article():
    text = capture(["My little blog"], ARTICLE, WORDPRESS_COM_FORM, SIDEBAR)
    assert list(scraper.clean_text(text).paragraphs) == ARTICLE


def test_the_articles_own_table_of_contents_is_no_chrome_between_its_parts():
    # The table of contents goes as a teaser box; the article's two parts
    # around it are one body, not a lead and a second page region.
    lead = ARTICLE[:2]
    toc = ["Table of contents", "Toggle", "Why now", "What it costs", "What riders say", "When it starts", "What comes next"]
    rest = ["Why now", ARTICLE[3], "What it costs", ARTICLE[4], "What riders say", ARTICLE[0], "When it starts", ARTICLE[1]]
    text = "\n".join(["Night buses return to the northern districts", *lead, *toc, *rest, *FOOTER])
    kept = scraper.clean_text(text).paragraphs
    assert ARTICLE[4] in kept and ARTICLE[3] in kept and "Table of contents" not in kept
