"""Comment widgets and comment threads (cleaners/comments.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.comments import CommentThread, CommentWidget, entry_marker
from cleaners.phrasebook import default_phrasebook
from scraper.document import segment_text

TITLE = "Starting Tomatoes From Seed Indoors"
BODY = [
    "Every year I tell myself I will buy tomato plants from the nursery, and every year I end up with forty seedlings.",
    "Timing matters more than anything else. Count back six to eight weeks from your last expected frost and sow then.",
    "Harden the plants off for a week before planting out, a few hours outside on the first day and longer after that.",
]
THREAD = [
    "3 thoughts on “Starting Tomatoes From Seed Indoors”",
    "Mark Benson says:",
    "April 13, 2023 at 8:14 am",
    "Great post! I always sowed too early and wondered why my plants were so spindly. Trying your timing this year.",
    "Reply",
    "Priya says:",
    "April 15, 2023 at 6:47 pm",
    "Do you use a heat mat for germination, or is a warm room enough for the seeds to sprout?",
    "Reply",
]


def context(lines: list[str]) -> tuple[Context, dict[int, str]]:
    doc = segment_text("\n\n".join(lines))
    return Context(doc, doc.blocks, default_phrasebook()), {b.index: b.text for b in doc.blocks}


def dropped_by(cleaner, lines: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    ctx, by_index = context(lines)
    return [by_index[d.index] for d in cleaner.judge(ctx).drops]


@pytest.mark.parametrize(
    "line",
    [
        "Notify of", "guest", "0 Comments", "Oldest", "Newest Most Voted", "Inline Feedbacks", "View all comments",
        "Leave a Reply", "Your email address will not be published. Required fields are marked *",
        "Comments powered by Disqus", "Kommentare", "12 Kommentare", "Schreibe einen Kommentar",
        "Laisser un commentaire", "3 commentaires", "Deja un comentario", "Lascia un commento",
        "Deixe um comentário", "Reacties", "Dodaj komentarz",
        "Kommentarfeed", "Trackback-URL", "Sorted by: Reset to default",  # a blog's feed links; a Q&A site's sort control
        # a funeral home's guestbook under an obituary
        "Sign the Guestbook Light a Candle", "14 condolences · 22 candles lit", "Post Condolence",
        "K článku se vyjádřilo 34 čtenářů.",  # a Czech discussion box's count
        # a recipe card's star rating, as WP Recipe Maker prints it in each language
        "4.88 from 16 votes", "4.9 da 23 voti", "3.65 von 1990 Bewertungen", "5 de 12 votos", "4.5 de 8 votes",
        "Para comentar debes registrarte y completar los datos generales.",
        # A letters page's call for readers' letters: the newspaper's comment form.
        "Submit your letter to the editor via this form. Read more Letters to the Editor.",
        "We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.",
    ],
)
def test_widget_drops_controls_in_many_languages(line: str):
    assert dropped_by(CommentWidget(), [line]) == [line]


# WordPress.com's (Jetpack's) comment form, as copied from a blog in each language.
@pytest.mark.parametrize(
    "line",
    [
        "Enter your comment here...", "Fill in your details below or click an icon to log in:",
        "You are commenting using your WordPress.com account. ( Log Out / Change )",
        "Gib hier deinen Kommentar ein ...", "E-Mail (Adresse wird niemals veröffentlicht)",
        "Du kommentierst mit Deinem Google-Konto. ( Abmelden / Ändern )",
        "Hinterlassen Sie eine Antwort", "Entrez votre commentaire...",
        "Vous commentez à l’aide de votre compte WordPress.com. ( Déconnexion / Changer )",
        "Introduce aquí tu comentario...", "Recibir nuevas entradas por email.",
    ],
)
def test_widget_drops_the_wordpress_com_comment_form(line: str):
    assert dropped_by(CommentWidget(), [line]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Reply to the ministry's letter came two weeks later, according to officials.",
        "Comments from the minister were not available on Monday.",
        "The guest list included three former prime ministers and a famous chef.",
    ],
)
def test_widget_keeps_sentences(line: str):
    assert dropped_by(CommentWidget(), [line]) == []


def test_thread_after_the_body_is_dropped_with_comment_text():
    assert dropped_by(CommentThread(), [TITLE, *BODY, *THREAD]) == THREAD


def test_thread_stops_after_its_last_entry_marker():
    tail = ["Recent Posts", "Why I Stopped Digging My Vegetable Beds"]
    assert dropped_by(CommentThread(), [*BODY, *THREAD, *tail]) == THREAD


def test_a_header_quoting_an_exclaimed_headline_opens_the_thread():
    # "… noch da!”" ends like a sentence: the header must still be seen as one.
    thread = ["2 Antworten zu “Sunday Thoughts: Ein wenig lost, aber immer noch da!”", "Aylin sagt:",
              "Danke für deine Ehrlichkeit! Ich kann mir vorstellen, dass es einigen ähnlich geht zur Zeit.", "Antworten"]
    assert dropped_by(CommentThread(), [*BODY, *thread]) == thread
    long_thread = [*thread, *(["Birgit sagt:", BODY[0], "Antworten"] * 3)]
    article = scraper.clean_text("\n\n".join(["Ein wenig lost, aber immer noch da!", *BODY, *long_thread, "Impressum"]))
    assert article.paragraphs == tuple(BODY)


def test_french_thread():
    thread = [
        "2 réflexions sur « Trois jours sur le GR34 »",
        "Julien dit :",
        "13 mars 2024 à 9 h 15 min",
        "Merci pour ce récit ! Est-ce que la portion entre Trégastel et l’île Grande est praticable avec des enfants ?",
        "Répondre",
    ]
    assert dropped_by(CommentThread(), [*BODY, *thread]) == thread


@pytest.mark.parametrize(
    "header",
    ["2 Kommentare zu „Tomaten im Mai“", "Ein Kommentar zu „Tomaten im Mai“", "3 commentaires sur « Tomates en mai »",
     "5 comentarios en “Tomates en mayo”", "4 commenti su “Pomodori a maggio”"],
)
def test_wordpress_headers_naming_the_post_in_many_languages(header: str):
    assert default_phrasebook().match("comment_headers", header) is not None


@pytest.mark.parametrize("header", ["HOUSE RULES", "Community guidelines", "Comment policy", "Netiquette", "Diskussionsregeln", "Charte de modération",
                                    "Guestbook", "Share a Memory"])  # (an obituary's condolences)
def test_a_comment_policy_heading_opens_the_comment_section(header: str):
    assert default_phrasebook().match("comment_headers", header) is not None


def test_end_to_end_house_rules_below_the_article_are_dropped():
    rules = [
        "HOUSE RULES",
        "We welcome reader comments on the top stories of the day. Some comments may be republished in the newspaper.",
        "Please understand that comments are moderated and it is not always possible to publish all that have been submitted.",
        "We ask that comments are civil and free of libellous or hateful material, and that you stick to the topic.",
    ]
    article = scraper.clean_text("\n\n".join(["Stone thrown at a police station", *BODY, *BODY, *rules, "Latest News", "Privacy Policy"]))
    assert article.paragraphs[: len(BODY)] == tuple(BODY)
    assert not any(rule in article.paragraphs for rule in rules)


def test_header_before_the_body_is_no_thread():
    lines = ["Comments", "Reply", BODY[0], "Reply", BODY[1]]
    assert dropped_by(CommentThread(), lines) == []


def test_widget_controls_alone_are_left_to_the_widget_cleaner():
    # The seed's wpDiscuz block: no entry ("says:", timestamp, "Reply"), so no thread.
    widget = ["Notify of", "guest", "0 Comments", "Oldest", "Newest Most Voted", "Inline Feedbacks", "View all comments"]
    assert dropped_by(CommentThread(), [*BODY, *widget]) == []


def test_entry_markers():
    phrases = default_phrasebook()
    assert entry_marker("Mark Benson says:", phrases) == 2
    assert entry_marker("March 3, 2024 at 5:12 pm", phrases) == 2
    assert entry_marker("3. März 2024 um 10:15 Uhr", phrases) == 2
    assert entry_marker("Rosa Delgado • 2 years ago", phrases) == 2
    assert entry_marker("Pingback von Lesezeichen - Papierkorb | 11.09.2011 23:31", phrases) == 2
    # an entry's age on a line of its own, in the page's language
    for age in ("Hace 12 minutos", "Há 3 horas", "Il y a 2 jours", "Vor 5 Minuten", "2 ore fa", "3 dni temu"):
        assert entry_marker(age, phrases) == 2, age
    assert entry_marker("Oldest", phrases) == 1
    assert entry_marker(BODY[0], phrases) == 0


def test_end_to_end_comment_date_is_not_the_publication_date():
    article = scraper.clean_text("\n\n".join([TITLE, *BODY, *THREAD]))
    assert article.title == TITLE
    assert list(article.paragraphs) == BODY
    assert article.published is None
    assert article.authors == ()
    assert {r.cleaner for r in article.removed} == {"comment_thread"}
