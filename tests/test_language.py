"""Language detection from script and the phrase tables' stop words (scraper/language.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.phrasebook import default_phrasebook
from scraper.language import detect_language

SAMPLES = {
    "en": "The council approved the budget on Tuesday after a debate that lasted most of the night, and the mayor said it was a fair deal for the city.",
    "de": "Der Absatz von Wärmepumpen ist im vergangenen Jahr eingebrochen, weil viele Hausbesitzer nicht wissen, welche Förderung es in Zukunft geben wird.",
    "fr": "Le sentier des douaniers longe toute la côte bretonne, mais cette portion est sans doute la plus belle et nous l'avons parcourue en trois jours.",
    "es": "Las lluvias de marzo han dado un respiro a los embalses, que almacenan hoy más agua que hace un mes, según los datos publicados por la Junta.",
    "it": "Il governo ha approvato il piano per le pensioni dopo una lunga discussione, ma i sindacati hanno detto che non è sufficiente per i giovani.",
    "pt": "O governo aprovou o orçamento na terça-feira depois de um longo debate, e o ministro disse que não haverá novos impostos para as famílias.",
    "nl": "De gemeenteraad heeft de begroting dinsdag goedgekeurd na een debat dat bijna de hele nacht duurde, maar de oppositie is er niet blij mee.",
    "pl": "Temperatura wód Bałtyku wzrosła w ciągu ostatnich lat o ponad dwa stopnie, a naukowcy ostrzegają, że to jest bardzo groźne dla ryb, które tu żyją.",
    "ru": "Мэрия утвердила график строительства новой линии метро, и первые две станции должны принять пассажиров уже через три года.",
    "zh": "杭州地铁三期建设规划的全部项目已经建成，新增线路总长一百零五公里，运营里程由此突破五百公里。",
    "ja": "東京都は月曜日、新しい防災計画を発表した。計画では、首都直下地震に備えて避難所の数を増やす。",
    "ar": "أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم المزارعين في المناطق التي تضررت من الجفاف خلال العام الماضي.",
    "ko": "서울시는 월요일 새로운 방재 계획을 발표했다. 계획에 따르면 대피소의 수를 늘리고 주민 교육을 강화한다.",
    "tr": "Belediye meclisi bütçeyi salı günü uzun bir tartışmanın ardından onayladı ve başkan bunun şehir için adil bir anlaşma olduğunu söyledi.",
    "id": "Dewan kota menyetujui anggaran pada hari Selasa setelah perdebatan yang berlangsung hampir sepanjang malam, dan wali kota mengatakan itu adil.",
    "fi": "Kaupunginvaltuusto hyväksyi talousarvion tiistaina pitkän keskustelun jälkeen, ja pormestari sanoi, että se on reilu sopimus kaupungille.",
    "hu": "A városi közgyűlés kedden hosszú vita után elfogadta a költségvetést, és a polgármester szerint ez igazságos megállapodás a város számára.",
    "ro": "Consiliul local a aprobat marți bugetul după o dezbatere care a durat aproape toată noaptea, iar primarul a spus că este o înțelegere corectă.",
    "el": "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τον προϋπολογισμό μετά από μια συζήτηση που κράτησε σχεδόν όλη τη νύχτα, και ο δήμαρχος είπε ότι είναι δίκαιη.",
}


GERMAN = [
    SAMPLES["de"],
    "Die Stadt hat am Dienstag beschlossen, die Brücke über den Fluss im nächsten Jahr für den Verkehr zu sperren.",
    "Wer mit dem Auto in die Innenstadt fahren will, muss dann einen Umweg von etwa zehn Kilometern in Kauf nehmen.",
    "Für Radfahrer und Fußgänger soll es während der Bauzeit eine Behelfsbrücke geben, die schon im März fertig ist.",
]


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_language_from_one_paragraph(lang: str):
    assert detect_language([SAMPLES[lang]], default_phrasebook().stopwords) == lang


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"])
def test_english_chrome_lines_do_not_outvote_the_body(lang: str):
    chrome = ["Share", "Subscribe", "Read more", "Sign in", "Privacy Policy"]
    assert detect_language([*chrome, SAMPLES[lang], SAMPLES[lang]], default_phrasebook().stopwords) == lang


def test_a_long_menu_above_the_body_does_not_outvote_it():
    # An English menu of many short lines fills a first-lines sample on its
    # own; the vote is taken on the prose lines when they hold enough text.
    menu = ["Home", "News", "Sign in", "About us", "Contact the team", "The best of the week", "All of our videos"] * 300
    assert detect_language([*menu, *GERMAN], default_phrasebook().stopwords) == "de"


def test_a_long_line_printed_many_times_votes_once():
    # A server warning per widget, in English, above a German article.
    warning = "Strict Standards: Non-static method Gallery::get_option() should not be called statically in /www/index.php"
    assert detect_language([warning] * 60 + GERMAN, default_phrasebook().stopwords) == "de"


def test_short_lines_vote_when_there_is_no_prose():
    lines = ["Der Plan für die Stadt", "Mit der Bahn in die Berge", "Und was ist mit dem Wetter?", "Das ist nicht gut"]
    assert detect_language(lines, default_phrasebook().stopwords) == "de"


def test_too_little_text_is_no_language():
    assert detect_language(["Home", "Menu"], default_phrasebook().stopwords) is None


def test_end_to_end_language_field():
    text = "Wärmepumpen-Absatz bricht ein\n\n" + SAMPLES["de"] + "\n\n" + SAMPLES["de"]
    assert scraper.clean_text(text).language == "de"


def test_word_split_is_the_word_regex():
    from scraper.language import _WORD, _words

    text = "l'homme, «dogs'» 'tis a.b x_y ² rock'n'roll (2024) «übrigens» — ¿qué? 日本語のテキスト"
    assert _words(text) == _WORD.findall(text)
    for limit in range(len(_WORD.findall(text)) + 2):  # a sample stops after as many words
        assert _words(text, limit) == _WORD.findall(text)[:limit]
    many = "x_y a.b, c;d " * 5 + "end"  # more words than tokens
    assert _words(many) == _WORD.findall(many) and _words(many, 7) == _WORD.findall(many)[:7]
