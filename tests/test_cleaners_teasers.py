"""Teaser links, related-content boxes and teaser-card lists (cleaners/teasers.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.teasers import TeaserBox, TeaserCards, TeaserLink, TrailingTeasers
from scraper.errors import NoArticleError

import judging

PROSE = [
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
]


def judge(cleaner, lines: list[str], title: str | None = None):  # type: ignore[no-untyped-def]
    return judging.judge(cleaner, lines, title=title, title_left=True)


@pytest.mark.parametrize(
    ("line", "harvest"),
    [
        ("Keep Reading", []),
        ("Read more", []),
        ("Load More By Desk Writer", [("authors", "Desk Writer")]),
        ("Load More In World", [("section", "World")]),
        # one word after "more from" is a section, a site or a handle: the line goes, no author
        ("Mais de Cidades", []),
        ("More from Reuters", []),
        # Medium's "more from the author and the publication": the author, not the publication
        ("More from Rowan Achterberg and Quiet Compiler", [("authors", "Rowan Achterberg")]),
        ("Read more: How the city plans to pay for the new bridge", []),
        ("Weiterlesen", []),
        ("Lesen Sie auch: Was das neue Heizungsgesetz für Mieter bedeutet", []),
        ("Lire la suite", []),
        ("À lire aussi : Nos dix plus belles criques du Finistère", []),
        # a whole French headline: 17 words, its « : » marks no words
        ("À lire aussi Valcrème annonce la fermeture de son site du Lauragais : « un coup de massue » pour les producteurs", []),
        ("Mirá también Bajante del Paraná: los isleños piden asistencia urgente al municipio", []),  # Rioplatense
        ("Leer más", []),
        ("Lee también Los embalses cierran el invierno por debajo de la media", []),  # no colon
        ("Czytaj także Nowe buspasy na Głogowskiej od kwietnia", []),
        ("PUEDES VER: ¿Qué es la Sunedu y para qué sirve?", []),
        ("Zeige alle Beiträge von Jane Roe →", [("authors", "Jane Roe")]),
        ("Leggi anche: Il piano del governo per le pensioni", []),
        ("Czytaj także: Nad Bałtykiem coraz więcej sinic", []),
        ("続きを読む", []),
        ("اقرأ المزيد", []),
    ],
)
def test_link_drops_teaser_lines(line: str, harvest: list):  # type: ignore[type-arg]
    assert judge(TeaserLink(), [line]) == ([line], harvest)


@pytest.mark.parametrize(
    "line",
    [
        "More than half of voters said they were undecided.",
        "Read more carefully, the report says something else entirely about the budget.",
        "Load more trucks onto the ferry, the captain ordered, and the crew obeyed.",
        "Lesen Sie auch, was der Minister am Montag dazu gesagt hat, bevor Sie urteilen.",
    ],
)
def test_link_keeps_sentences(line: str):
    assert judge(TeaserLink(), [line]) == ([], [])


@pytest.mark.parametrize("line", ["← Die ersten Schneeglöckchen", "Ein neues Hochbeet aus Lärchenholz →", "← Older Posts", "→"])
def test_link_drops_the_arrowed_older_and_newer_post(line: str):
    assert judge(TeaserLink(), [*PROSE, line]) == ([line], [])


@pytest.mark.parametrize("line", ["→ Tipp: Die Samen vorher eine Nacht in Wasser einweichen.", "Preise: 12 € ← 15 €"])
def test_link_keeps_arrows_that_open_a_list_entry_or_sit_inside(line: str):
    assert judge(TeaserLink(), [*PROSE, line]) == ([], [])


def test_box_drops_header_titles_and_excerpt_until_prose():
    box = ["Check Also", "UAE Tops the World in 223 Global Competitiveness Indicators", "Thanks to its clever management…"]
    assert judge(TeaserBox(), [*PROSE, *box, PROSE[0]])[0] == box


def test_box_takes_a_title_of_two_sentences_and_stops_at_prose():
    box = ["Czytaj także", "Modernizacja wału na Zarzeczu. Przetarg znowu unieważniony",
           "Ostrzeżenia przed roztopami w całym powiecie. Synoptycy apelują o ostrożność"]
    assert judge(TeaserBox(), [*PROSE, *box, PROSE[0]])[0] == box


def test_box_takes_a_cards_excerpt_with_its_read_more_button():
    # A whole sentence in a box is the article's prose, unless its "Read more" follows it.
    card = ["Landbrukets klimakalkulator er her", PROSE[1], "Les mer"]
    assert judge(TeaserBox(), [*PROSE, "Siste saker", *card, *card])[0] == ["Siste saker", *card, *card]
    bio = ["About Jane Doe", PROSE[1], "View all posts by Jane Doe"]
    assert judge(TeaserBox(), [*PROSE, "Related Posts", *bio])[0] == ["Related Posts", "About Jane Doe"]


def test_box_takes_a_question_headline_between_teasers():
    box = ["Related Stories", "Ticks spread north as winters warm",
           "Where did the longhorned ticks come from?", "Lyme cases double in a decade"]
    assert judge(TeaserBox(), [*PROSE, *box, PROSE[0]])[0] == box
    # A question in the article under the box, with prose after it, is no teaser.
    question = "What does the new rent cap mean for the tenants living on the estate?"
    assert judge(TeaserBox(), [*PROSE, *box[:2], question, PROSE[0]])[0] == box[:2]


def test_box_takes_a_cards_excerpt_between_its_date_and_the_next_headline():
    cards = ["Val Serrina in bici: tre giorni tra vigne e castelli", "12 febbraio 2026",
             "Un itinerario ad anello di 140 chilometri, con tappe brevi e tante soste golose lungo la strada.",
             "Zuppa di farro e castagne: la ricetta della nonna Ada", "28 gennaio 2026"]
    assert judge(TeaserBox(), [*PROSE, "Articoli correlati", *cards, PROSE[0]])[0] == ["Articoli correlati", *cards]


def test_box_under_keep_reading_takes_the_post_cards():
    # A newsletter platform's "Keep Reading" over cards of other issues.
    lines = [*PROSE, "Keep Reading", "What a returns clerk at a book distributor knows that you don’t",
             "The case for a smaller front table"]
    assert judge(TeaserBox(), lines)[0] == lines[-3:]


def test_box_under_a_portals_most_watched_videos():
    lines = [*PROSE, "VÍDEOS: mais assistidos do r1 Triângulo Mineiro", "Chuva de granizo assusta moradores de Campo Alegre"]
    assert judge(TeaserBox(), lines)[0] == lines[-2:]


def test_box_in_german_and_french():
    de = ["Ähnliche Artikel", "Heizungsgesetz: Was Eigentümer jetzt wissen müssen", "Fernwärme wird teurer"]
    fr = ["Sur le même sujet", "Nos dix plus belles criques du Finistère"]
    most_read = ["Die meistgelesenen Artikel bei SWR.de/Sport", "Neue Regeln im Volleyball"]
    more = ["Weitere Inhalte:", "Formel 1: Gasly will um die WM kämpfen"]
    assert judge(TeaserBox(), [*PROSE, *de])[0] == de
    assert judge(TeaserBox(), [*PROSE, *most_read])[0] == most_read
    assert judge(TeaserBox(), [*PROSE, *more])[0] == more
    assert judge(TeaserBox(), [*PROSE, *fr])[0] == fr


def test_box_header_names_the_section():
    drops, harvest = judge(TeaserBox(), [*PROSE, "More in Science", "Why the Antarctic Sea Ice Did Not Come Back"])
    assert drops == ["More in Science", "Why the Antarctic Sea Ice Did Not Come Back"]
    assert harvest == [("section", "Science")]


def test_box_stops_at_the_title():
    title = "City Council Approves Plan to Rebuild Riverside Park"
    lines = ["Latest News", "Storm damage closes two lanes on Route 9", title, "Staff report", *PROSE]
    drops, _ = judge(TeaserBox(), lines, title=title)
    assert drops == ["Latest News", "Storm damage closes two lanes on Route 9"]


def test_box_header_with_a_sentence_in_its_wildcard_is_no_header():
    line = "More from the interview with the minister is available on our website later today"
    assert judge(TeaserBox(), [*PROSE, line, "Short line"]) == ([], [])


CARDS = [
    "Rams sign veteran linebacker to one-year deal", "By Kevin Marsh", "March 12, 2024",
    "The team filled its biggest gap on defense a day after free agency opened…", "Read more",
    "Why the draft’s best quarterback might fall", "By Lena Ortiz", "March 11, 2024",
    "Scouts love his arm. Teams are less sure about everything else…", "Read more",
]


def test_cards_are_dropped_with_their_bylines():
    drops, harvest = judge(TeaserCards(), [*PROSE, *CARDS])
    assert drops == CARDS and harvest == []


def test_a_single_card_may_be_the_article_and_stays():
    assert judge(TeaserCards(), [*PROSE, *CARDS[:5]]) == ([], [])


def test_end_to_end_index_page_has_no_article():
    with pytest.raises(NoArticleError):
        scraper.clean_text("\n".join(["Football", "Latest Football News", *CARDS, "Page 1 of 12", "1", "2"]))


def test_end_to_end_teasers_leave_the_body():
    text = "\n\n".join(["Budget Passes After All-Night Debate", *PROSE, "Keep Reading", "Related Articles",
                        "Mayor Opens New Bridge", "The bridge cost more than planned…"])
    article = scraper.clean_text(text)
    assert list(article.paragraphs) == PROSE
    assert [r.cleaner for r in article.removed] == ["teaser_link", "teaser_box", "teaser_box", "teaser_box"]


# ------------------------------------------------------------ trailing teasers

ARTICLE = [*PROSE, "The mayor said the first projects would start in spring, once the contracts were signed."]


def trailing(*lines: str) -> list[str]:
    return judge(TrailingTeasers(), list(lines))[0]


@pytest.mark.parametrize(
    "trail",
    [
        ("Read next", "Council delays vote on new stadium", "Five things to know about the budget"),
        ("Lue seuraavaksi:", "Kaupunki lykkää stadionin äänestystä", "Viisi asiaa budjetista"),
        ("La rédaction vous conseille :", "Le conseil reporte le vote sur le stade", "Cinq choses à savoir sur le budget"),
    ],
)
def test_drops_headlines_below_the_last_paragraph(trail: tuple[str, ...]):
    assert trailing(*ARTICLE, *trail) == list(trail)


def test_keeps_headlines_with_prose_below_them():
    trail = ("Council delays vote on new stadium", "Five things to know about the budget")
    assert trailing(*ARTICLE, *trail, ARTICLE[0]) == []


def test_keeps_the_articles_own_labels_and_questions():
    assert trailing(*ARTICLE, "Our verdict:", "Is it worth the price?", "A good family car") == []
    assert trailing(*ARTICLE, "Is it safe to go?", "Sign the petition now!", "Share this") == []


def test_keeps_an_authors_signoff_and_source_line():
    assert trailing(*ARTICLE, "Jane Roe Miller", "From: The City Book. Metro Press, 2015") == []
    # A capitalised headline with a small word in it is no name.
    trail = ("Delays on the Northern Line", "Council delays vote on new stadium")
    assert trailing(*ARTICLE, *trail) == list(trail)


def test_keeps_a_single_line_and_short_pages():
    assert trailing(*ARTICLE, "Council delays vote on new stadium") == []
    assert trailing(ARTICLE[0], "Council delays vote on new stadium", "Five things to know about the budget") == []


LONG = (
    "The mayor said the first projects would start in spring, once the contracts were signed, and that the"
    " council would publish a list of every street to be repaved before the summer holidays begin in July,"
    " with the first works planned for the old town."
)


def test_drops_headlines_with_excerpts_below_the_last_body_paragraph():
    trail = (
        "Council delays vote on new stadium",
        "The vote was moved to March after members asked for a new traffic study of the area.",
        "Five things to know about the budget",
        "From bus fares to library hours, here is what changes for residents next year.",
    )
    assert trailing(*ARTICLE, LONG, *trail) == list(trail)


def test_keeps_short_closing_paragraphs_without_headlines_over_them():
    ending = (
        "Council delays vote on new stadium",
        "The vote was moved to March after members asked for a new traffic study of the area.",
        "Residents can send comments to the council until the end of the month, the clerk said.",
    )
    assert trailing(*ARTICLE, LONG, *ending) == []


def test_box_drops_a_contents_header_whose_entries_are_gone():
    story = "Sudah lama saya penasaran dengan Gunung Lintang Sari, terutama setelah beberapa teman bercerita tentang jalurnya."
    assert judge(TeaserBox(), [story, "Daftar Isi", story, story])[0] == ["Daftar Isi"]
    # over its entries it is the article's own list: the box rules judge it (no box header here)
    assert judge(TeaserBox(), [story, "Inhaltsverzeichnis", "Anreise", "Unterkunft", story])[0] == []
