"""Reading names and labels (cleaners/names.py): the judgements behind every harvested author, section and tag."""

from __future__ import annotations

import pytest

import scraper
from cleaners.names import declared_author, field_authors, looks_like_label, looks_like_name, tidy_name
from cleaners.phrasebook import default_phrasebook


# Scripts without letter case have no capitals to judge by: "王晓明", "佐藤 美咲", "محمد أحمد".
@pytest.mark.parametrize("value", ["Desk Writer", "Marie-Claire d'Arc", "Jan de Vries", "Lucía Fernández", "AFP", "王晓明", "佐藤 美咲", "محمد أحمد", "Анна Смирнова"])
def test_names(value: str):
    assert looks_like_name(value)


# (Chinese names are two to four Han characters: "说了很多话但是没有人听" is a clause.)
@pytest.mark.parametrize("value", ["the time the polls closed", "Jane Doe. She said", "Room 101", "jane@example.com", "", "说了很多话但是没有人听",
                                   "Yazı Boyutu A- A+", "Schrift A+"])  # a text-size control's buttons
def test_not_names(value: str):
    assert not looks_like_name(value)


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("TANJA KARRASCH", "Tanja Karrasch"),  # a theme's capitals, copied from the screen
        ("HANS-PETER O'BRIEN", "Hans-Peter O'Brien"),
        ("LOUIS XIV", "Louis XIV"),
        ("Mat\u00adthi\u00adas Lauerer", "Matthias Lauerer"),  # soft hyphens
        ("Olivier Minot Olivier Minot", "Olivier Minot"),  # printed twice
        ("Ali Ali", "Ali Ali"),
        ("NDR", "NDR"),  # an agency's letters
        ("Jane  Doe", "Jane Doe"),
        ("Giulia R", "Giulia R."),  # the initial's full stop, stripped with the line's end
        ("Giulia R.", "Giulia R."),
        ("K A", "K A"),  # initials written without stops
    ],
)
def test_tidy_name(raw: str, tidy: str):
    assert tidy_name(raw) == tidy


def test_the_article_tidies_harvested_names_and_the_headline():
    capture = "\n\n".join([
        "Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum",
        "Von TANJA KARRASCH",
        *[f"Der Satz Nummer {n} erzählt, was die Ermittler in diesem Fall herausgefunden haben und warum." for n in range(4)],
    ])
    article = scraper.clean_text(capture)
    assert article.title == "Messengerdienste sind kein rechtsfreier Raum"
    assert article.authors == ("Tanja Karrasch",)


def test_labels():
    assert looks_like_label("World") and looks_like_label("Politik & Wirtschaft") and looks_like_label("U.S.")
    assert looks_like_label("U.S. Politics") and not looks_like_label("Ends here. Then more")
    assert not looks_like_label("2019, the company lost money")
    assert not looks_like_label("the end of the story as we know it today")
    assert not looks_like_label("tomatoes") and looks_like_label("tomatoes", capitalised=False)


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("Jane Doe, Tom Reed and Ann Lee", ["Jane Doe", "Tom Reed", "Ann Lee"]),
        ("Markus Balser, Berlin", ["Markus Balser"]),  # a place after the comma, no co-author
        # the names joined, then where they work: no third author
        ("Mariana Lopes e Rafael Tavares, Ágora Vale do Sereno", ["Mariana Lopes", "Rafael Tavares"]),
        ("Jane Roe and John Doe, Reuters", ["Jane Roe", "John Doe"]),
        # an aside in brackets says where the author filed from or what they do
        ("Claire Dubois (Vernelles, envoyée spéciale)", ["Claire Dubois"]),
        ("Jane Roe (AP) and Tom Lee", ["Jane Roe", "Tom Lee"]),
        ("der QuickType-Tastatur gelernte Wörter (erfordert iOS 11)", None),  # no names before it: a list item
        ("Prof. Dr. Karl Meier", ["Karl Meier"]),  # titles go: one person, one name
        ("admin", []),  # a placeholder: a byline naming nobody
        ("Bits und Bytes", None),  # a heading's nouns, not two people
        ("Ingrid Solbakken og Torstein Hagevik", ["Ingrid Solbakken", "Torstein Hagevik"]),  # Norwegian, Danish "og"
        ("Anna Lindqvist och Erik Berg", ["Anna Lindqvist", "Erik Berg"]),  # Swedish "och"
        ("the way it was", None),
        # a job after the last name with no comma: a role word in lower case ends the names
        ("Marcus Whitfield and Priya Nandakumar Courier staff writers", ["Marcus Whitfield", "Priya Nandakumar"]),
        ("Jane Roe staff writer", ["Jane Roe"]),
        ("Jordan Pike Staff Writer", ["Jordan Pike"]),  # two words, both roles: a job, however capitalised
        ("Emily Post", ["Emily Post"]),  # a role word capitalised ends many a name
    ],
)
def test_field_authors(raw: str, people: list[str] | None):
    assert field_authors(raw, default_phrasebook()) == people


@pytest.mark.parametrize(
    ("declared", "name"),
    [
        ("Par Stefan Häne", "Stefan Häne"),
        ("View all posts by Daniel Lemire", "Daniel Lemire"),
        ("Autor Jane Roe", "Jane Roe"),
        ("admin", None),
        ("Jane Roe staff writer", "Jane Roe"),
        ("Staff and news service reports", "Staff and news service reports"),  # no name before the job: as it is
        ("www.example.de", None),
        ("Copyright Example GmbH", None),
    ],
)
def test_declared_author(declared: str, name: str | None):
    assert declared_author(declared, default_phrasebook()) == name


# Japanese names mix kanji and kana, up to six characters a part; a longer run is a clause.
@pytest.mark.parametrize("value", ["山田 太郎", "長谷川 健太郎", "さくらももこ", "ジョージ・ワシントン"])
def test_japanese_names(value: str):
    assert looks_like_name(value)


@pytest.mark.parametrize("value", ["東京都、来年度から夜間バスを拡充へ", "最新ニュースを毎朝お届けします"])
def test_japanese_clauses_are_no_names(value: str):
    assert not looks_like_name(value)


def test_name_with_role():
    from cleaners.names import name_with_role
    from cleaners.phrasebook import LineMatches

    def named(text: str) -> str | None:
        return name_with_role(text, LineMatches(default_phrasebook(), [text]))

    assert named("Helen Pidd North of England editor") == "Helen Pidd"
    assert named("Jane Roe Staff Writer") == "Jane Roe"
    assert named("THROUGH THE DARKEST OF TIMES REVIEW") is None  # capitals, a stop word: a headline
    assert named("Boris Johnson Resigns As Party Leader") is None  # no role
    assert named("Jane Roe") is None  # no role: a bare name
