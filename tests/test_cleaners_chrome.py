"""Share bars, cookie banners, navigation, ad labels, breadcrumbs, notices (cleaners/chrome.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.chrome import (
    AdLabel, Breadcrumbs, CookieBanner, HeadNotice, NavigationLabel, ShareBar, Symbols, TailDisclosure, TailNotice,
)
from cleaners.phrasebook import default_phrasebook
from scraper.document import segment_text

import judging
from judging import drops

PROSE = [
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
]


def judge(cleaner, lines: list[str], title: str | None = None):  # type: ignore[no-untyped-def]
    return judging.judge(cleaner, lines, title=title)


DROPS = [
    (ShareBar(), "Share"),
    (AdLabel(), "SKIP ADVERTISEMENT"),
    (AdLabel(), "Bei Amazon ansehen*"),  # a product box's affiliate button
    (ShareBar(), "Share on Facebook"),
    (ShareBar(), "Artikel teilen"),
    (ShareBar(), "Partager sur WhatsApp"),
    (ShareBar(), "Compartir en X"),
    (ShareBar(), "Share this article with anyone — Gift Article"),
    (ShareBar(), "Comparte esta receta:"),  # a recipe blog's label over its buttons
    (ShareBar(), "Escuchar nota 4 min"),  # a read-aloud player's button
    (ShareBar(), "Épinglez-moi sur Pinterest"),  # a pin button over a blog's photo
    (ShareBar(), "Pin it for later"),
    (ShareBar(), "Republish this story"),  # a nonprofit newsroom's Creative Commons button
    (ShareBar(), "Send Flowers Plant a Tree"),  # an obituary's buttons
    (ShareBar(), "Suggerisci Facebook X Stampa Scrivi alla redazione"),  # a row with a button of three words
    # a recipe card plugin's buttons, in the blog's language
    (ShareBar(), "Valorar esta receta"),
    (ShareBar(), "Rezept bewerten:"),
    (ShareBar(), "¿Has probado esta receta? Etiqueta a @lacuchara en Instagram"),
    (ShareBar(), "Vous avez testé cette recette ? Identifiez @petitfournil.leonie ou laissez une note en bas de page !"),
    (ShareBar(), "J’aime chargement…"),
    (ShareBar(), "Stampa Pin Vota"),  # WP Recipe Maker's buttons, in Italian
    (ShareBar(), "Hai provato questa ricetta?Menziona @ilmattarello o tagga #ilmattarello!"),  # two spans, no space
    (CookieBanner(), "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies."),
    (CookieBanner(), "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können."),
    (CookieBanner(), "Alle akzeptieren"),
    # the GOV.UK design system's banner, which many public bodies' sites use
    (CookieBanner(), "We’d like to set additional cookies to understand how you use the website, remember your settings and improve council services."),
    (CookieBanner(), "Tout refuser"),
    # a consent dialog's heading, and its sentences (by their keywords)
    (CookieBanner(), "Szanujemy Twoją prywatność"),
    (CookieBanner(), "We respect your privacy"),
    (NavigationLabel(), "Skip to content"),
    (NavigationLabel(), "Zum Inhalt springen"),
    (NavigationLabel(), "Aller au contenu"),
    (NavigationLabel(), "Fehler gefunden? Jetzt melden."),  # a correction prompt
    (NavigationLabel(), "Нашли ошибку? Выделите её и нажмите Ctrl+Enter"),
    (NavigationLabel(), "© 2024 The Daily Ledger. All rights reserved."),
    (NavigationLabel(), "Impressum"),
    (AdLabel(), "Advertisement"),
    (AdLabel(), "Anzeige"),
    (AdLabel(), "Publicidad"),
    # Finnish, Hungarian, Romanian and Greek tables
    (ShareBar(), "Jaa artikkeli"), (ShareBar(), "Megosztás"), (ShareBar(), "Distribuie"), (ShareBar(), "Κοινοποίηση"),
    (AdLabel(), "Mainos"), (AdLabel(), "Hirdetés"), (AdLabel(), "Publicitate"), (AdLabel(), "Διαφήμιση"),
    (CookieBanner(), "Tämä sivusto käyttää evästeitä"), (CookieBanner(), "Ez a weboldal sütiket használ"),
    (CookieBanner(), "Acest site folosește cookie-uri"), (CookieBanner(), "Αυτός ο ιστότοπος χρησιμοποιεί cookies"),
    (AdLabel(), "bestbuy Halden SoundArc 700 (Slate) $299.99 at Best Buy View Deal"),  # a deals widget's row
    (NavigationLabel(), "Please turn on JavaScript to use this feature"),
    (ShareBar(), "شارك فيسبوك إكس واتساب تيليغرام"),
    (ShareBar(), "Simak berita lainnya di Google News"),
    (NavigationLabel(), "News provided by"),  # a press-release wire's label over the issuer's name
    (AdLabel(), "This post may contain affiliate links. Please read our disclosure policy."),
    # the footer of a WordPress plugin's Amazon product box (AAWP), under every box
    (AdLabel(), "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API"),
    (AdLabel(), "Last update on 2022-02-02 / Affiliate links / Images from Amazon Product Advertising API"),
    (ShareBar(), "Mit Freunden teilen"),
    (ShareBar(), "Teile diesen Beitrag auf Social Media."),
    (ShareBar(), "Rezept drucken"),
    (ShareBar(), "Dieses Skript als PDF herunterladen"),
    # an Instagram embed's labels, as the page's language prints them
    (ShareBar(), "View this post on Instagram"),
    (ShareBar(), "Sieh dir diesen Beitrag auf Instagram an"),
    (ShareBar(), "Ein Beitrag geteilt von Little Years (@littleyears)"),
    (ShareBar(), "Voir cette publication sur Instagram"),
    (CookieBanner(), "Empfohlener redaktioneller Inhalt"),
    (CookieBanner(), "Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden."),
    (CookieBanner(), "By loading the video, you agree to YouTube's privacy policy."),
    (CookieBanner(), "Load video"),
    (NavigationLabel(), "Auf einer Seite lesen"),
    (ShareBar(), "シェア"),
    (ShareBar(), "شارك"),
    (AdLabel(), "スポンサーリンク"),
    (NavigationLabel(), "الصفحة الرئيسية"),
]


@pytest.mark.parametrize(("cleaner", "line"), DROPS, ids=[f"{c.name}:{line[:30]}" for c, line in DROPS])
def test_drops_chrome_lines(cleaner, line: str):  # type: ignore[no-untyped-def]
    assert judge(cleaner, [line])[0] == [line]


KEEPS = [
    (ShareBar(), "Share prices fell 3% on Monday."),
    (ShareBar(), "Print newspapers lost a third of their readers in ten years, the study found."),
    (CookieBanner(), "Accept that the council will not change its mind, the mayor told reporters."),
    (NavigationLabel(), "Home is where the heart is, the saying goes, and she agreed with it wholeheartedly."),
    (NavigationLabel(), "Contact with the crew was lost shortly after midnight."),
    (AdLabel(), "The advertisement ran in three newspapers last week."),
]


@pytest.mark.parametrize(("cleaner", "line"), KEEPS, ids=[f"{c.name}:{line[:30]}" for c, line in KEEPS])
def test_keeps_body_sentences(cleaner, line: str):  # type: ignore[no-untyped-def]
    assert judge(cleaner, [line]) == ([], [])


def test_share_rows_on_one_line():
    assert judge(ShareBar(), ["Feed Twitter Facebook Youtube"])[0] == ["Feed Twitter Facebook Youtube"]
    assert judge(ShareBar(), ["Facebook WhatsApp E-Mail Drucken"])[0] == ["Facebook WhatsApp E-Mail Drucken"]
    assert judge(ShareBar(), ["Facebook reported record profits"]) == ([], [])


def test_a_count_beside_the_share_buttons_goes_with_them():
    assert drops(ShareBar(), "Share full article", "128", *PROSE) == ["Share full article", "128"]
    assert sorted(drops(ShareBar(), "1.2K", "Tweet", *PROSE)) == ["1.2K", "Tweet"]
    # one count per button of a toolbar: claps, responses, then the share button
    assert sorted(drops(ShareBar(), "1.2K", "27", "Share", *PROSE)) == ["1.2K", "27", "Share"]
    # a number elsewhere is a table's cell, a list's step, a score
    assert drops(ShareBar(), PROSE[0], "128", PROSE[1]) == []


def test_breadcrumbs_drop_the_trail_and_name_the_section():
    assert judge(Breadcrumbs(), ["Home > World > Asia"]) == (["Home > World > Asia"], [("section", "World")])
    assert judge(Breadcrumbs(), ["Startseite > Wissen > Klima"]) == (["Startseite > Wissen > Klima"], [("section", "Wissen")])
    assert judge(Breadcrumbs(), ["Accueil › Voyage"])[1] == [("section", "Voyage")]


def test_the_section_is_the_first_crumb_past_the_roots():
    assert judge(Breadcrumbs(), ["Home > News > World > Asia"])[1] == [("section", "World")]
    assert judge(Breadcrumbs(), ["首页 > 新闻 > 社会"])[1] == [("section", "社会")]
    assert judge(Breadcrumbs(), ["Home > News"]) == (["Home > News"], [])


def test_a_trail_above_the_article_may_carry_a_label():
    for line, section in [
        ("You are here: Home > World > Asia", "World"),
        ("Sie sind hier: Startseite > Politik > Ausland", "Politik"),
        ("Vous êtes ici : Accueil > Monde", "Monde"),
        ("当前位置：首页 > 新闻 > 社会", "社会"),
    ]:
        assert judge(Breadcrumbs(), [line, *PROSE]) == ([line], [("section", section)])
    # Below the article's prose it stays: the region finder keeps the footer apart by it.
    assert judge(Breadcrumbs(), [*PROSE, "Navigation: Start » Biologie » Hummeln"]) == ([], [])


def test_breadcrumb_ending_in_the_title_names_no_section():
    drops, harvest = judge(Breadcrumbs(), ["Home › Starting Tomatoes"], title="Starting Tomatoes")
    assert drops == ["Home › Starting Tomatoes"] and harvest == []


def test_cookie_banner_longer_than_a_chrome_line_is_out_of_phrase_reach():
    # Whole-line phrase matching stops at MAX_CHROME_CHARS (160): such banners
    # are left to the body-region finder.
    line = "We use cookies to improve your experience on our site. " * 4
    assert judge(CookieBanner(), [line.strip()]) == ([], [])


def test_a_comparison_is_no_breadcrumb():
    assert judge(Breadcrumbs(), ["Revenue > costs this year, the CFO said"]) == ([], [])


def test_end_to_end_chrome_is_removed_and_body_kept():
    text = "\n".join(["Skip to content", "Budget Passes After Debate", "Share", "Facebook", "Photo: Jane Roe/AP",
                      PROSE[0], "Advertisement", PROSE[1], "Share prices fell 3% on Monday.", "Accept all"])
    article = scraper.clean_text(text)
    assert list(article.paragraphs) == [*PROSE, "Share prices fell 3% on Monday."]
    assert [r.cleaner for r in article.removed] == ["navigation", "share", "share", "credits", "ads", "cookies"]


# ------------------------------------------------------------ tail notices

STORY = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
    "The mayor said the first projects would start in spring, once the contracts were signed.",
)


def noticed(*lines: str) -> list[str]:
    return drops(TailNotice(), *lines)


@pytest.mark.parametrize(
    "notice",
    [
        "Diese Website verwendet Akismet, um Spam zu reduzieren.",
        "© 2020 Example Media. All rights reserved.",
        "Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
        "Ce site utilise des cookies. Tous droits réservés.",
        "Du bist am Thema interessiert? Folge uns auf:",
        "If you're running an ad-blocker it's costing us money: our site relies on advertisements.",
        "If you enjoyed reading this post, would you consider supporting our work? Thanks!",
        "For the latest stories and breaking news updates download the Example News apps for iOS and Android.",
        "Deshalb unterstütze uns (monatlich oder auch einmalig) und wir sorgen weiter für freien Journalismus.",
        "El periodismo independiente necesita tu apoyo. Hazte miembro.",
        "Har du et tip? Skriv til redaktionen på tip@egebjergavis.dk eller ring på 75 12 34 00.",  # a newsroom's tip line
        "Cet article vous a été utile ? Sachez que vous pouvez suivre Ouest-France Quimper dans notre application.",
        "Se adhiere a los criterios de The Trust Project",
        "版权声明：本文系钱塘晚报授权发布，未经书面许可，任何单位和个人不得转载。",
        "Masz informacje o podtopieniach w swojej okolicy? Napisz do nas: alarm@kurier.example",  # a tip line
        # a comment section's rules, where the postings follow
        "Bitte beachten Sie unsere Forenregeln. Postings, die gegen diese Regeln verstoßen, werden entfernt.",
        "Got a news tip? Send us a tip at tips@example.com or call our newsroom.",
        "Sie haben einen Hinweis? Schreiben Sie uns an redaktion@example.de.",
    ],
)
def test_drops_site_notices_below_the_article(notice: str):
    assert noticed(*STORY, notice) == [notice]


@pytest.mark.parametrize(
    "disclosure",
    [
        "Advertising disclosure: We may receive compensation for some of the links in our stories. Thank you for supporting us.",
        "* Links mit Sternchen sind sogenannte Affiliate-Links: Wenn du darauf klickst und etwas kaufst, unterstützt du meine Arbeit.",
    ],
)
def test_drops_affiliate_disclosures_below_the_article(disclosure: str):
    assert drops(TailDisclosure(), *STORY, disclosure) == [disclosure]
    assert drops(TailDisclosure(), *STORY, disclosure, *STORY) == []  # the story goes on: an article's sentence


def test_keeps_a_notice_like_sentence_with_the_article_going_on():
    line = "The bakery sold cookies to raise money for the new roof, organisers said."
    assert noticed(*STORY, line, *STORY) == []


def test_keeps_a_last_paragraph_about_donations():
    # giving is the story here, not a pitch to the reader
    line = "Auch in diesem Jahr wird es wieder Tombolas, Spenden und Versteigerungen zugunsten der Kinderhilfe geben."
    assert noticed(*STORY, line) == []


def head_noticed(*lines: str) -> list[str]:
    return drops(HeadNotice(), *lines)


@pytest.mark.parametrize(
    "notice",
    [
        "When you purchase through links on our site, we may earn an affiliate commission.",
        "Dieser Beitrag enthält Affiliate-Links. Kaufst du darüber ein, erhalten wir eine Provision.",
        "* Wir erhalten bei einem Kauf über diese Links eine Provision. Für Sie entstehen dabei keine Mehrkosten.",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "We and our partners use cookies and similar technologies to personalise content and ads, and to run the site.",
    ],
)
def test_drops_site_notices_above_the_article(notice: str):
    assert head_noticed(notice, *STORY) == [notice]
    assert head_noticed(STORY[0], notice, *STORY) == [notice]  # under a dek


def test_keeps_a_notice_like_sentence_inside_the_article():
    line = "The shop says it uses cookies only to count visitors, a claim regulators doubt."
    assert head_noticed(*STORY, line, *STORY) == []
    assert head_noticed(line, STORY[0]) == []  # no article below it


def test_lines_without_a_letter_or_digit_go_but_code_stays():
    lines = ["--", ":", "…", "×", "* * *", "-----", "“", "});"]
    assert judge(Symbols(), [*lines, *PROSE]) == (lines[:-1], [])
    assert judge(Symbols(), ["1.", "A", "§ 5"]) == ([], [])


def test_counts_over_a_share_button_are_chrome():
    # a newsletter platform's like / comment / restack counts, their icons lost in the copy
    lines = ["Hannah Lindqvist", "Nov 27, 2026", "214", "37 18", "Share", *PROSE]
    doc = segment_text("\n".join(lines))
    book = default_phrasebook()
    kept = tuple(b for b in doc.blocks if b.text != "Share")  # (the share bar's cleaner took it first)
    verdict = Symbols().judge(Context(doc, kept, book))
    assert sorted(d.index for d in verdict.drops) == [2, 3]
    # a number in the body, no share button below it, stays; a rounded count never does
    assert judge(Symbols(), [*PROSE, "2", *PROSE]) == ([], [])
    assert judge(Symbols(), [PROSE[0], "1.2K", *PROSE]) == (["1.2K"], [])
    # a count the article would open with: a shop's cart, a notification badge
    assert judge(Symbols(), ["0", *PROSE]) == (["0"], [])
    # a media player's position and length
    assert judge(Symbols(), [PROSE[0], "0:00 / 42:17", *PROSE]) == (["0:00 / 42:17"], [])
