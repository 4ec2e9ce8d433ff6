"""Title of a text capture and its repetitions (cleaners/headlines.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.headlines import DuplicateHeadline, TitleLine, title_position
from cleaners.slugs import slug_of
from cleaners.phrasebook import default_phrasebook
from scraper.document import segment_text

import judging

PROSE = [
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
]


def title_of(lines: list[str], url: str | None = None) -> str | None:
    doc = segment_text("\n".join(lines), url)
    verdict = TitleLine().judge(Context(doc, doc.blocks, default_phrasebook()))
    return next((h.value for h in verdict.harvest if h.field == "title"), None)  # type: ignore[return-value]


def test_the_url_slug_names_the_headline():
    url = "https://example.org/2024/03/05/budget-passes-after-all-night-debate/"
    # a menu between the headline and the body, a teaser title right above the body
    menu = ["Council", "Weather", "Sports", "Traffic", "Schools", "Letters", "Events", "Obituaries", "Jobs"]
    lines = ["Budget Passes After All-Night Debate", *menu, "Our Weekly Newsletter Roundup", *PROSE]
    assert title_of(lines) == "Our Weekly Newsletter Roundup"
    assert title_of(lines, url) == "Budget Passes After All-Night Debate"
    # umlauts spelled out or dropped in the slug; "ß" as "ss"
    assert title_of(["Menü", "Große Pläne für die Straße", "Anzeige", *PROSE], "https://x.de/grosse-plaene-fur-die-strasse.html") == (
        "Große Pläne für die Straße"
    )


def test_slug_words_come_from_the_longest_path_segment():
    slug = slug_of("https://example.org/news/2024/budget-passes-after-debate-1.4445845")
    assert slug is not None and slug.words == {"budget", "passes", "after", "debate"} and not slug.digraphs
    assert slug_of("https://example.org/item/show/132240/1") is None
    assert slug_of(None) is None
    assert slug_of("http://[::1") is None  # does not parse: no slug, no error
    # an umlaut spelled out: slug and lines fold it alike
    umlaut = slug_of("https://x.de/grosse-plaene-fuer-morgen")
    assert umlaut is not None and umlaut.digraphs and umlaut.names("Große Pläne für morgen")


def test_headline_above_chrome_and_body():
    lines = ["Menu", "World", "Budget Passes After All-Night Debate", "By Jane Doe", "5 min read", "Share", *PROSE]
    assert title_of(lines) == "Budget Passes After All-Night Debate"


def test_a_headline_a_byline_template_misreads_is_still_the_headline():
    # "{date} by {author}" reads it, but with no date and no name in its fields.
    headline = "Flint flake tool partially covered by birch tar adds to evidence of Neanderthal complex thinking"
    assert title_of(["Other Sciences", "Archaeology & Fossils", "October 22, 2019 report", headline, *PROSE]) == headline


def test_a_headline_a_dateline_template_misreads_is_still_the_headline():
    # "le {date}" (French) reads the Italian headline, with no date in its field.
    headline = "Le ultime custodi dei mulini ad acqua della Val Vessana"
    assert title_of(["Viaggi", "Cibo", "Viaggi", headline, *PROSE]) == headline


def test_a_caption_ending_in_its_credit_is_not_the_headline():
    headline = "Schools safe amidst surge"
    caption = "Chief Education Officer Dr Ramona Archer. (Picture by Jameel Springer)"
    assert title_of(["News", headline, "Article by", "Barry Alleyne", caption, "Social Share", *PROSE]) == headline


def test_a_long_caption_with_its_credit_after_a_comma_is_not_the_headline():
    headline = "Harlan County approves $14.2M replacement of Old Mill Road bridge"
    caption = ("Traffic crosses the Old Mill Road bridge over Tessler Creek on Monday. The one-lane span has "
               "carried a 10-ton weight limit since 2023. Jordan Pike, Ridgeline Courier")
    lines = ["News", "Top Story", headline, "By Jordan Pike Staff Writer", "Nov 26, 2026 Updated 3 hrs ago",
             "Copy article link", caption, *PROSE]
    assert title_of(lines) == headline


@pytest.mark.parametrize(
    "consent",
    [
        "Wir und unsere 142 Partner speichern und/oder greifen auf Informationen auf Ihrem Gerät zu, um "
        "personalisierte Anzeigen und Inhalte, Anzeigen- und Inhaltsmessungen sowie Erkenntnisse über Zielgruppen "
        "zu ermöglichen. Sie können Ihre Auswahl jederzeit widerrufen.",
        "We and our partners store and/or access information on a device, such as cookies, and process personal "
        "data for personalised ads and content, ad and content measurement, audience insights and product development.",
    ],
)
def test_a_consent_dialogs_sentence_opens_no_body(consent: str):
    # The IAB consent framework's standard wording, above the page's menu.
    headline = "Streit um Baugebiet am Mühlbach: Gemeinderat vertagt Entscheidung"
    lines = ["Ihre Privatsphäre ist uns wichtig", consent, "Akzeptieren und weiter", "Lokales", "Region", "Politik",
             headline, "Von Anna Berger Veröffentlicht am 26.11.2026, 18:42 Uhr", *PROSE]
    assert title_of(lines) == headline


def test_the_publication_under_published_in_is_no_author():
    headline = "We Deleted Our Service Mesh and Our Pager Finally Went Quiet"
    lines = ["Quiet Compiler", "Search", "Member-only story", headline, "Rowan Achterberg", "Follow", "Published in",
             "Quiet Compiler", "8 min read", "Nov 24, 2026", "Listen", "Share", *PROSE]
    assert title_of(lines) == headline
    article = scraper.clean_text("\n".join(lines))
    assert article.title == headline and "Quiet Compiler" not in article.authors


def test_academics_named_with_their_jobs_are_not_the_headline():
    headline = "Why small coastal towns are losing their doctors – and what could bring them back"
    lines = ["Health", "Get newsletter Become an author Sign up as a reader Sign in", headline,
             "Helen Marlowe, Senior Lecturer in Rural Health, University of Northvale",
             "Tomas Okafor, Research Fellow, Eastbrook Institute of Public Health", "Published: November 27, 2026 6:12am GMT", *PROSE]
    assert title_of(lines) == headline


def test_a_compound_ending_in_foto_is_no_photo_credit():
    headline = "Neuer Blick auf das „Blue Marble“-Foto: Ein Modell simuliert das Klima mit 1 km Auflösung"
    assert title_of(["Aktuelles", "Im Fokus", "Seminare", headline, *PROSE]) == headline
    assert title_of(["Aktuelles", "Im Fokus", "Seminare", "Der Hafen im Winter. Foto: Jane Roe", *PROSE]) != "Der Hafen im Winter. Foto: Jane Roe"


def test_long_share_bar_does_not_hide_the_headline():
    bar = ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Print", "Copy link", "Photo: Jane Roe/AP", "Advertisement"]
    assert title_of(["Budget Passes After All-Night Debate", "By Jane Doe", *bar, *PROSE]) == "Budget Passes After All-Night Debate"


def test_headline_wins_over_a_longer_dek_without_a_full_stop():
    dek = "Las reservas suben once puntos en un mes, aunque siguen muy por debajo de la media de la década"
    assert title_of(["Los embalses recuperan agua tras las lluvias de marzo", dek, "Por Lucía Fernández", *PROSE]) == (
        "Los embalses recuperan agua tras las lluvias de marzo"
    )


def test_kicker_above_the_headline_is_not_a_headline_over_a_dek():
    lines = ["Ehrenamt Jugendverbände 23.01.2020", "Bundespräsident würdigte das ehrenamtliche Engagement", *PROSE]
    assert title_of(lines) == "Bundespräsident würdigte das ehrenamtliche Engagement"


@pytest.mark.parametrize(
    "kicker",
    ["MENU r1 Triângulo Mineiro", "Billing & Invoicing Operations", "La interna oficial"],  # a menu's label, tags, a kicker
)
def test_a_short_line_over_a_headline_twice_as_long_is_a_kicker_not_its_headline(kicker: str):
    headline = "Seis meses após tarifa zero, ônibus de São Bento do Cerrado transportam 58% mais passageiros"
    dek = "Prefeitura diz que custo do sistema subiu R$ 1,9 milhão no ano e estuda ampliar frota; comerciantes relatam movimento"
    assert title_of([kicker, headline, dek, "26/11/2026 08h15", *PROSE]) == headline


def test_the_entries_of_a_table_of_contents_above_the_body_are_no_headline():
    headline = "The Five-Day Close: What We Learned Watching 40 Small Finance Teams"
    lines = [headline, "Published on", "November 10, 2026", "On this page", "Start the close before the month ends",
             "Reconcile daily, not monthly", "What didn’t help", *PROSE]
    assert title_of(lines) == headline


def test_a_dek_over_the_byline_is_not_the_headline_above_it():
    lines = ["Alta velocità, il nuovo orario taglia 25 minuti sulla Milano-Bari",
             "Con il raddoppio tra Termoli e Lesina i treni veloci guadagneranno fino a 25 minuti. Ecco orari e prezzi",
             "di Marco Bellini", "Un treno in transito lungo la costa adriatica (Imagoeconomica)", *PROSE]
    assert title_of(lines) == lines[0]


def test_a_byline_line_with_a_clock_time_is_no_headline():
    # The dateline's parts copied without their separators (CSS draws the dots):
    # the headline is the line above it, and "John 3:16" stays a possible headline.
    lines = ["Twee weekenden geen treinen tussen Utrecht en Arnhem", "Door Sanne de Boer Vandaag, 08:15 Leestijd: 3 min", *PROSE]
    assert title_of(lines) == "Twee weekenden geen treinen tussen Utrecht en Arnhem"
    assert title_of(["What John 3:16 Means to Readers Today", *PROSE]) == "What John 3:16 Means to Readers Today"


def test_cookie_notice_is_not_the_first_paragraph():
    lines = ["Impressum Menü", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
             "Startseite", "Adele zeigt sich schlanker denn je", *PROSE]
    assert title_of(lines) == "Adele zeigt sich schlanker denn je"


def test_a_row_of_buttons_is_not_the_title():
    # "Print Recipe" and "Pin Recipe" copied as one line (cleaners/rows.py).
    assert title_of(["Roasted Tomato Soup", "Print Recipe Pin Recipe", *PROSE]) == "Roasted Tomato Soup"


def test_a_consent_notice_does_not_open_the_body():
    # The headline is the one above the article's first paragraph, not the
    # consent dialog's heading above its cookie sentence.
    lines = [
        "Hinweis zur Verwendung von Cookies",
        "Unsere Website verwendet Cookies für verschiedene Zwecke, insbesondere zur Analyse des Nutzungsverhaltens.",
        "Schließen",
        "Neue Regeln für die Tabaksteuer",
        "Der Bundestag hat am Donnerstag die Reform der Tabaksteuer beschlossen, die ab Januar gilt.",
        "Betroffen sind vor allem Hersteller von erhitztem Tabak und von Liquids für E-Zigaretten.",
    ]
    assert title_of(lines) == "Neue Regeln für die Tabaksteuer"
    # A Polish one: its heading, and its sentence on withdrawing consent ("wycofać zgodę").
    lines = [
        "Szanujemy Twoją prywatność",
        "Możesz w każdej chwili wycofać zgodę lub zmienić jej zakres w Ustawieniach prywatności dostępnych w stopce serwisu.",
        "Przejdź do serwisu",
        "Ciepło w Borowcu podrożeje o 31 procent. Mieszkańcy zapowiadają protest",
        "Miejska spółka ciepłownicza złożyła wniosek o nową taryfę. Rachunki wzrosną od stycznia o jedną trzecią.",
        "Prezes spółki tłumaczy, że podwyżka wynika z rosnących kosztów uprawnień do emisji dwutlenku węgla.",
    ]
    assert title_of(lines) == "Ciepło w Borowcu podrożeje o 31 procent. Mieszkańcy zapowiadają protest"


def test_a_caption_below_a_byline_in_parts_is_not_the_title():
    # The Newspaper theme's meta copies one part a line; the picture's caption
    # stands between the share buttons and the first paragraph.
    headline = "Cum mi-am salvat roșiile de mană anul acesta, fără stropiri chimice"
    meta = ["de", "Ioana Mărgineanu", "-", "27 noiembrie 2026", "4", "1284", "Distribuie", "Facebook"]
    caption = "Recolta din august, soiurile tolerante în lădițele din stânga"
    assert title_of([headline, *meta, caption, *PROSE]) == headline
    # (Not across a menu of labels: there the line over the body is the headline.)
    assert title_of(["Start Chronik Österreich", "Home", "Österreich im Spitzenfeld bei Alkoholkonsum", *PROSE]) == (
        "Österreich im Spitzenfeld bei Alkoholkonsum")


def test_a_headline_in_sentences_over_its_dek_and_byline():
    headline = "Our CI cache hit rate was 4%. The culprit was a timestamp."
    dek = "We spent two weeks blaming the cache server. The real problem was hiding inside every tarball we built."
    lines = ["Nightly Build", "Home", "Engineering", headline, dek, "Tomasz Reinholt", "Mar 3, 2026 · 7 min read", *PROSE]
    assert title_of(lines) == headline
    # A first paragraph with no byline under the next one is the body's.
    lead = "The ticket prices rise on 1 January by 12.7 percent on average."
    lines = ["Fares go up across the network", "6 November 2023", lead, PROSE[0], "The key fares from 01.01.2024", *PROSE]
    assert title_of(lines) == "Fares go up across the network"


def test_a_caption_below_a_long_dateline_is_not_the_title():
    # A byline of a dozen words with its update time still marks the headline above it.
    headline = "إطلاق مبادرة لغرس مليون نخلة في واحات الجنوب خلال خمس سنوات"
    dek = "المرحلة الأولى تنطلق في أبريل المقبل بغرس 150 ألف فسيلة، والري سيعتمد على الطاقة الشمسية"
    byline = "بقلم: سامي الحداد - 4 مارس 2026 - 10:30 - آخر تحديث: 12:05"
    caption = "فلاحون يتفقدون فسائل نخيل حديثة الغرس في إحدى واحات إقليم زاكورة (الواحة نيوز)"
    body = ["أعلنت وزارة الفلاحة، اليوم الأربعاء، عن إطلاق مبادرة وطنية لغرس مليون نخلة في واحات الجنوب الشرقي على مدى خمس سنوات.",
            "وقال المدير الجهوي للمبادرة إن المرحلة الأولى ستنطلق في أبريل المقبل بغرس 150 ألف فسيلة من أصناف محلية."]
    assert title_of([headline, dek, byline, "شارك فيسبوك إكس واتساب تيليغرام", caption, *body]) == headline


def test_a_chinese_caption_signed_by_its_photographer_is_not_the_title():
    headline = "青澜市首条有轨电车线路今日起试运营 全程票价2元"
    caption = "11月27日，T1线首班车驶出西岸客运站。林晓蔓 摄"
    body = ["11月27日上午9时，青澜市首条有轨电车线路——T1线正式开启试运营。首班车从西岸客运站驶出，沿滨江大道一路向东。",
            "T1线全长17.6公里，共设车站22座，其中换乘站3座，可与地铁1号线、3号线实现换乘，市民出行更加方便快捷。"]
    assert title_of([headline, "来源：青澜日报 作者：林晓蔓 2026-11-27 09:30", caption, *body]) == headline


def test_a_byline_glued_to_its_name_is_not_the_title():
    assert title_of(["Budget Passes After All-Night Debate", "ByJ.R. Stone", *PROSE]) == "Budget Passes After All-Night Debate"


def test_author_name_line_is_not_the_title():
    lines = ["How to Move Your Photos Off the Cloud", "Liam Foster", "November 2, 2023", *PROSE]
    assert title_of(lines) == "How to Move Your Photos Off the Cloud"


def test_breadcrumb_row_and_widget_lines_are_not_the_title():
    assert title_of(["Home » Recipes » Soups", "Roasted Tomato Soup", "4 min", *PROSE]) == "Roasted Tomato Soup"


def test_a_trail_copied_without_separators_gives_way_to_the_headline_it_ends_with():
    # Both lines name the URL's slug; the first of them, the trail, was taken.
    headline = "If your network is slow on Windows 10, switching off auto-tuning may help."
    url = "https://example.org/if-your-network-is-slow-on-windows-10-switching-off-auto-tuning-may-help/"
    for trail in ("HomeNetwork" + headline, "Forum>Windows>" + headline):
        article = scraper.clean_text("\n".join(["Menu", "Search", trail, headline, *PROSE]), url=url)
        assert article.title == headline and trail not in article.paragraphs
        assert (trail, "title") in [(r.text, r.cleaner) for r in article.removed]
    # A shorter line a headline happens to end with is no headline of its own.
    assert title_of(["Council Approves Budget After All-Night Debate", "Debate", *PROSE]) == "Council Approves Budget After All-Night Debate"


def test_a_headline_with_a_date_in_it_counts_where_the_url_names_it():
    # "vom 05.03.2024" would mark a meta line; the slug says it is the headline.
    headline = "Budget report of 05.03.2024 – what the council decided"
    url = "https://example.org/articles/budget-report-of-05-03-2024-what-the-council-decided"
    lines = ["News", "Shop", "Anna Berger", "Anna Berger / 05.03.2024 / 06:15 / 12 comments", headline, *PROSE]
    assert title_of(lines) == "Anna Berger"  # a name was all that was left without the URL
    assert title_of(lines, url) == headline


def test_a_trail_or_date_glued_before_the_named_headline_gives_way_to_it():
    # The slug names both lines; the glued copy stands nearer the body, and holds no more of it.
    headline = "Night buses return to six routes"
    url = "https://example.org/news/night-buses-return-to-six-routes/"
    for glued in ("Start Archive " + headline, "5 March 2024 " + headline):
        assert title_of(["Menu", headline, "Share", "Print", glued, *PROSE], url) == headline
    # Words of the headline are no chrome: the longer line the slug names stays the title.
    longer = "Easy night buses return to six routes"
    assert title_of(["Menu", headline, "Share", longer, *PROSE], "https://example.org/easy-night-buses-return-to-six-routes/") == longer


def test_a_label_glued_to_the_headline_gives_way_to_the_headline_above_it():
    # A share widget's label and the headline, copied as one line under the article's head.
    headline = "Council Approves Budget After All-Night Debate"
    lines = [headline, "By Jane Roe", "Share All sharing options for: " + headline, *PROSE]
    assert title_of(lines) == headline
    # Without a colon the longer line is a headline of its own that happens to end alike.
    assert title_of(["Budget Debate", "Mayor Wins the Budget Debate", *PROSE]) == "Mayor Wins the Budget Debate"


def test_a_comment_header_naming_the_post_is_not_the_title():
    headline = "Warum die Stadt eine staufreie Straße braucht"
    for header in ("1 Comment on " + headline, "3 Responses to " + headline):
        assert title_of([headline, "5 min read", header, *PROSE]) == headline


def test_headline_over_the_dateline_beats_a_label_under_it():
    for meta in ["September 28, 2020", "28 kwietnia 2021, 06:29", "By Ian Mohr"]:
        lines = ["Vegan Char Kway Teow (Stir Fry Flat Rice Noodles)", meta, "Jump to Recipe Print", *PROSE]
        assert title_of(lines) == "Vegan Char Kway Teow (Stir Fry Flat Rice Noodles)", meta


def test_headline_over_the_share_bar_beats_a_video_title_under_it():
    lines = ["Voters in South Carolina are crucial for Democrats", "Share", "Tweet", "Email", "Voters in S.C. on the Democrats", *PROSE]
    assert title_of(lines) == "Voters in South Carolina are crucial for Democrats"


def test_longer_line_under_the_dateline_stays_the_title():
    lines = ["World News", "September 28, 2020", "Budget Passes After All-Night Debate", *PROSE]
    assert title_of(lines) == "Budget Passes After All-Night Debate"


def test_breadcrumb_with_doubled_separators_is_not_the_title():
    assert title_of(["Home ›› Politik ›› Ausland", "Berlusconis Prozess geht weiter", *PROSE]) == "Berlusconis Prozess geht weiter"


def test_category_list_is_not_the_title():
    lines = ["Digitalpolitische Jahrestagung der Stiftung", "Jane Roe", "Aus den Ländern, Blog, sonstiges, Termine", *PROSE]
    assert title_of(lines) == "Digitalpolitische Jahrestagung der Stiftung"
    # two tags in lower case, and the first post's meta line, of a forum topic (Discourse)
    lines = ["Backup job fails after upgrading to 2.4", "Support", "backup, docker", "mkoenig Mar 4 1", *PROSE]
    assert title_of(lines) == "Backup job fails after upgrading to 2.4"


def test_headline_with_commas_stays_a_headline():
    line = "Berlin, Paris, Rome: Europe Votes on Its Budget"
    assert title_of([line, *PROSE]) == line


def test_link_rows_and_fragments_are_not_titles():
    for line in ["← vorheriger Beitrag", "<Alle Shops im Bereich Korsetts", "… den Autor", "via heise online https://www.heise.de/",
                 "Kommunikation – Lebensentwürfe – Rollenbilder", "Muratov, Premio Nobel de la Paz (REUTERS/Denis Balibouse)", "Justice Montoya-Lewis is sworn in,", "Auch Grönemeyer gehört zu den Unterstützern. Bild: dpa", "Lesen Sie hier weiter:"]:
        assert title_of(["Budget Passes After Debate", line, *PROSE]) == "Budget Passes After Debate", line


def test_a_headline_in_title_case_ending_in_a_full_stop_is_the_headline():
    headline = "I Stopped Tracking Every Minute of My Workday. Here's What Changed."
    dek = "Three years of time logs taught me a lot about my habits and almost nothing about doing good work."
    assert title_of(["Write", "Sign up", "Sign in", headline, dek, "Helena Marsh", "Nov 27, 2026", *PROSE]) == headline
    # German capitalises its nouns: a sentence of them is no title case
    line = "Es verfügt über 4 Schlafzimmer, 2 Bäder, Küche mit Spülmaschine und Mikrowelle."
    doc = segment_text("\n".join(["Ferienhaus Feinen", line, *PROSE]))
    verdict = TitleLine().judge(Context(doc, doc.blocks, default_phrasebook(), language="de"))
    assert [h.value for h in verdict.harvest if h.field == "title"] == ["Ferienhaus Feinen"]


def test_two_sentence_headline_is_not_the_first_paragraph():
    headline = "Bałtyk ociepla się szybciej niż oceany. Naukowcy ostrzegają przed skutkami dla ryb"
    assert title_of(["Kurier Nadwiślański", headline, "Autor: Katarzyna Nowak", *PROSE]) == headline


def test_teaser_excerpts_are_not_the_first_paragraph():
    lines = ["Rams sign veteran linebacker", "The team filled its biggest gap on defense a day after free agency opened…"]
    assert title_of(lines) is None


def test_lower_case_copy_below_keeps_the_original_as_title():
    lines = ["Japan’s Plan Angers Russia", "5 min read", "japan's plan angers russia", *PROSE]
    assert title_of(lines) == "Japan’s Plan Angers Russia"


def test_no_prose_no_title():
    assert title_of(["Home", "World News Today", "Sports Results"]) is None


def dup_drops(lines: list[str], title: str) -> list[str]:
    return judging.judge(DuplicateHeadline(), lines, title=title)[0]


def test_duplicates_folded_and_truncated_are_dropped():
    title = "Japan’s Plan to Send Patriot Missiles to Ukraine Angers Russia"
    lines = ["japan's plan to send patriot missiles to ukraine angers russia", *PROSE, "Japan's Plan to Send Patriot Missiles…"]
    assert dup_drops(lines, title) == [lines[0], lines[-1]]


def test_reply_subjects_repeating_the_title_are_dropped():
    # Forum threads and mail archives head each reply with the subject again.
    title = "Rear derailleur skipping under load"
    lines = ["Re: Rear derailleur skipping under load", *PROSE, "AW: Re: Rear derailleur skipping under load",
             "Re: a different question", "Regards: Rear derailleur skipping under load"]
    assert dup_drops(lines, title) == lines[:1] + lines[len(PROSE) + 1 : len(PROSE) + 2]
    # a title that is a reply's subject itself still finds its copy
    assert dup_drops(["Re: Reading list for the summer", *PROSE], "Re: Reading list for the summer") == [
        "Re: Reading list for the summer"
    ]


def test_a_section_label_over_the_copied_headline_goes_as_the_section():
    title = "Budget Passes After All-Night Debate"
    assert judging.judge(DuplicateHeadline(), ["Analysis", title, *PROSE], title=title) == (
        ["Analysis", title], [("section", "Analysis")]
    )
    # not a phrase of a family, a sentence, or a label further up
    assert dup_drops(["Member-only story", title, *PROSE], title) == [title]
    assert dup_drops(["It passed.", title, *PROSE], title) == [title]
    assert dup_drops(["Analysis", "Menu", title, *PROSE], title) == [title]


def test_sentence_starting_like_the_title_stays():
    title = "Japan’s Plan Angers Russia"
    assert dup_drops(["Japan’s plan angers Russia, officials in Moscow said on Monday evening.", *PROSE], title) == []


def test_title_position_is_found_in_the_document():
    doc = segment_text("\n".join(["Menu", "Budget Passes", *PROSE]))
    kept = tuple(b for b in doc.blocks if b.text != "Budget Passes")
    assert title_position(Context(doc, kept, default_phrasebook(), "Budget Passes")) == 1
    assert title_position(Context(doc, doc.blocks, default_phrasebook(), None)) is None


def test_end_to_end_title_and_duplicate():
    article = scraper.clean_text("\n\n".join(["Budget Passes After Debate", "budget passes after debate", *PROSE]))
    assert article.title == "Budget Passes After Debate"
    assert [(r.text, r.cleaner) for r in article.removed] == [("budget passes after debate", "duplicate_headline")]


def test_the_cheap_first_character_test_is_that_of_the_folded_line():
    from cleaners.headlines import _may_fold_to
    from cleaners.lines import fold_title

    lines = ["e\u0301cole", "ﬁn du jeu", "…", "’Tis the season", "① one", "Straße", "ΣΊΣΥΦΟΣ", "İstanbul", "_x", "«Le» monde…", "[…]", "Plain"]
    for line in lines:
        folded = fold_title(line)
        for first in {folded[:1], "a", "e", "é", "s", "f", "1", "σ", "i", "p"} - {""}:
            assert _may_fold_to(line, first) == (folded[:1] == first), (line, first)


def test_a_label_and_a_number_or_a_name_is_no_headline():
    # A reading time or a byline in a language no table knows ("Lästid": Swedish, "Tác giả": Vietnamese).
    headline = "Stockholm bygger ut nattbussarna nästa år"
    assert title_of(["Hem", headline, "Av Anna Lindqvist", "Lästid: 3 min", *PROSE]) == headline
    assert title_of(["Trang chủ", headline, "Tác giả: Nguyễn Văn An", *PROSE]) == headline
    # A headline with a label keeps it: a longer value, a label of three words or more, a name in capitals.
    for labelled in ("Exclusive: Apple Plans to Buy Beats", "Paris Haute Couture SS14: Serkan Cura", "Garden: 3 Expert Tips", "Opinion: A City Without Night Buses"):
        assert title_of(["Menu", labelled, "By Jane Doe", *PROSE]) == labelled


def test_a_newsletters_description_between_its_sign_up_lines_opens_no_body():
    headline = "The quiet return of the savings account"
    lines = ["The Weekly Ledger", "Discover more from The Weekly Ledger",
             "Money, markets and the people who move them. Every Sunday.", "Over 48,000 subscribers", "Subscribe",
             headline, "Hannah Whitfield", *PROSE]
    assert title_of(lines) == headline


def test_a_headline_printed_twice_above_the_body_is_the_title():
    # A recipe's facts stand nearest the body, a podcast player's row too; the
    # headline the capture prints twice (the breadcrumb's copy, the h1) is the title.
    recipe = ["Recettes", "Gratin de chou-fleur au comté et aux noisettes",
              "Gratin de chou-fleur au comté et aux noisettes", "Temps total : 45 min", "Coût : bon marché"]
    assert title_of([*recipe, *PROSE]) == "Gratin de chou-fleur au comté et aux noisettes"
    player = ["142: How Small Towns Rebuild Their Grocery Stores", "Main Street Ledger",
              "142: How Small Towns Rebuild Their Grocery Stores", "Play",
              "Mute/Unmute Rewind 10 Seconds 1x Fast Forward 30 seconds"]
    assert title_of([*player, *PROSE]) == "142: How Small Towns Rebuild Their Grocery Stores"
    # A trail ending in the headline is its copy; a theme's capitals are not taken over it.
    trail = ["Início Cidades Ponte Padre Anselmo será demolida e reconstruída", "Cidades",
             "Ponte Padre Anselmo será demolida e reconstruída", "Obra de R$ 18,7 milhões prevê ponte de 86 metros"]
    assert title_of([*trail, *PROSE]) == "Ponte Padre Anselmo será demolida e reconstruída"
    capitals = ["NIGHT BUSES RETURN TO SIX ROUTES", "Night buses return to six routes", "Drivers were hired over the winter"]
    assert title_of([*capitals, *PROSE]) == "Night buses return to six routes"
    # Printed once each: the line nearest the body, as before.
    assert title_of(["Budget passes after all-night debate", "Council sets tax rate for next year", *PROSE]) == (
        "Council sets tax rate for next year")


def test_a_headline_holding_every_word_of_a_shorter_slug_is_named_by_it():
    url = "https://example.org/weekend-borgo-san-vitale/"
    headline = "Weekend a Borgo San Vitale: cosa vedere e dove mangiare"
    # (the slug would otherwise name the article's first subheading, "Come arrivare …")
    lines = ["Viaggi in Italia", headline, PROSE[0], "Come arrivare a Borgo San Vitale", PROSE[1]]
    assert title_of(lines, url) == headline


def test_a_tabloids_headline_stands_over_its_highlights_and_the_byline():
    headline = ("Grandmother, 78, finds 140-year-old message in a bottle on her daily beach walk - "
                "and discovers it was written by a relative")
    highlights = ["Margaret Pryce spotted the green glass bottle poking out of shingle at Gullet Point",
                  "The rolled-up note inside was dated August 1886 and signed by a ship's boy"]
    assert title_of(["Coast & Country", headline, *highlights, "By JANE HOLLOWAY FOR THE DAILY CLARION", *PROSE]) == headline
    # With no byline under them, lines under a long one are a list of teasers: the last line stands.
    assert title_of(["Coast & Country", headline, *highlights, *PROSE]) == highlights[-1]


def test_the_line_saying_who_the_author_is_is_no_headline():
    lines = ["Britain's new homes are being built for investors", "Priya Nandakumar",
             "Priya Nandakumar is a housing researcher", "Fri 6 Mar 2026 07.00 GMT", *PROSE]
    assert title_of(lines) == "Britain's new homes are being built for investors"


def test_a_photo_credit_on_its_own_line_is_no_headline():
    from cleaners.title_shapes import title_shaped

    stopwords = default_phrasebook().any_stopword
    assert not title_shaped("Daniel Okafor/Public Radio North", stopwords) and not title_shaped("Evan Vucci/AP", stopwords)
    assert title_shaped("The Fed/ECB Divergence Explained", stopwords) and title_shaped("AC/DC Announce World Tour", stopwords)
    assert not title_shaped("★★★★½ Rating: 4.5 out of 5.", stopwords)  # a review's rating
