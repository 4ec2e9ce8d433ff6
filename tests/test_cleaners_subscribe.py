"""SubscribePrompt, SignupBox and SubscribePitch: subscribe, newsletter, paywall and sign-in prompts (cleaners/subscribe.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.phrasebook import default_phrasebook
from cleaners.subscribe import SignupBox, SubscribePitch, SubscribePrompt
from scraper.document import Block, Document, Marked

import judging
from judging import drops

BODY = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.\n\n"
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.\n\n"
)


def dropped(*lines: str) -> list[str]:
    return judging.judge(SubscribePrompt(), lines)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe",
        "Subscribe now",
        "Sign up for our newsletter",
        "Subscribe to our newsletter for the week's best stories",
        "Already a subscriber? Log in",
        "Thanks for reading Kerbside Notes! Subscribe for free to receive new posts and support my work.",  # a newsletter platform's box
        "This article is for subscribers only.",
        "Download the free guide",  # a lead magnet's button in a B2B blog post
        "Try Ledgerline free for 14 days", "Subscribe on Apple Podcasts Spotify Overcast RSS",
        # a newsletter platform's (beehiiv's) sign-up and poll prompts
        "Join 14,000+ readers who get one story about bookselling every Saturday.",
        "Login or Subscribe to participate in polls.",
        "Jetzt abonnieren",
        "Bereits Abonnent? Hier anmelden",
        "Du bist eingeloggt als",
        "You are logged in as jdoe",
        "S'abonner",
        "Déjà abonné ? Se connecter",
        "Cet article est réservé aux abonnés",
        "Suscríbete",
        "¿Ya eres suscriptor? Inicia sesión",
        "Abbonati ora",
        "Assine já",
        "Abonneer nu",
        "Subskrybuj",
        "Zaloguj się",
        # a German paywall box in the middle of the article
        "Lesen Sie jetzt weiter mit Anzeiger+",
        "Jederzeit monatlich kündbar",
        "Die ersten 4 Wochen für nur 0,99 €",
        "Sie haben bereits ein Abo? Hier anmelden",
        # a Portuguese (pt-PT) one, and a Substack box
        "Este artigo é exclusivo para assinantes",
        "Assine a partir de 1€ no primeiro mês",
        "Slow Ledger is a reader-supported publication. To receive new posts and support our work, consider becoming a free or paid subscriber.",
        # a Ghost newsletter's members-only cut, and the tag line over its headline
        "This post is for paying subscribers only",
        "Small Towns Paid-members only",
    ],
)
def test_drops_prompts_in_many_languages(line: str):
    assert dropped(line) == [line]


def test_a_sign_up_box_between_its_prompts_goes_whole():
    box = ["Iscriviti alla newsletter", "Ogni venerdì le storie più belle di Altrove, direttamente nella tua casella di posta.",
           "Iscriviti", "Iscrivendoti accetti la nostra informativa sulla privacy."]
    story = "Il mulino di Pianelle macina ancora farina di castagne, come cento anni fa, ogni mattina d'autunno."
    assert sorted(dropped(story, *box[:3], story)) == sorted(box[:3])
    # a sentence between two prompts that names no sign-up word is the article's
    assert dropped("Subscribe", story, "Subscribe") == ["Subscribe", "Subscribe"]
    # a metered paywall's box: its offer (a sign-up word: "ingen binding") and a row of its buttons
    paywall = ["Du har læst dine 3 gratis artikler denne måned", "Log ind eller køb abonnement for at læse videre",
               "Få fri adgang til alle artikler – første måned for 1 kr. Derefter 149 kr. pr. måned. Ingen binding.",
               "Køb abonnement Log ind", "Er du allerede abonnent på den trykte avis? Så er digital adgang inkluderet."]
    assert sorted(dropped(story, *paywall, story)) == sorted(paywall)


@pytest.mark.parametrize(
    "line",
    [
        "📲 Participe do canal do Ágora Vale do Sereno no WhatsApp",  # an emoji before the prompt
        "Join our WhatsApp channel for the latest updates",
        "Follow us on Google News",
        "Síguenos en WhatsApp",
        "Folgen Sie uns auf WhatsApp",
        "Ikuti saluran WhatsApp Kabar Pesisir",
    ],
)
def test_drops_follow_us_on_a_messaging_channel(line: str):
    assert dropped(line) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Readers who subscribe to the print edition get the app free.",
        "Subscribe to the idea that a city can grow without cars, and you will find plenty of allies in the council chamber.",
        "Abonnenten der gedruckten Ausgabe erhalten die App kostenlos.",
        "Les abonnés au journal papier reçoivent l'application gratuitement.",
        "Don't miss the chance to see the northern lights this winter, experts say, because the sun is at its most active.",
    ],
)
def test_keeps_sentences_that_mention_subscribing(line: str):
    assert dropped(line) == []


def test_end_to_end_paywall_lines_leave_the_teaser_paragraphs():
    text = (
        "Shipping Firms Reroute Around the Cape\n\n" + BODY
        + "This article is for subscribers only.\nSubscribe now\nAlready a subscriber? Log in\nCancel anytime.\n"
    )
    article = scraper.clean_text(text)
    assert article.title == "Shipping Firms Reroute Around the Cape"
    assert len(article.paragraphs) == 2
    assert {r.cleaner for r in article.removed} == {"subscribe"}
    assert [r.text for r in article.removed][0] == "This article is for subscribers only."


# ------------------------------------------------------------ pitch sentences

ARTICLE = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
    "The mayor said the first projects would start in spring, once the contracts were signed.",
)


def pitched(*lines: str) -> list[str]:
    return drops(SubscribePitch(), *lines)


@pytest.mark.parametrize(
    "pitch",
    [
        "Get the latest stories straight to your inbox with our weekly newsletter.",
        "Immer aktuell informiert: Melden Sie sich jetzt für unseren kostenlosen Newsletter an!",
        "Mit der Anmeldung haben Sie die Datenschutzhinweise zur Kenntnis genommen.",
        "Recevez chaque semaine notre lettre d'information dans votre boîte de réception.",
        "Suscríbete gratis y recibe el boletín de la semana en tu correo.",
        "Zapisz się, a najważniejsze teksty trafią do twojej skrzynki.",
    ],
)
def test_drops_a_pitch_below_the_article(pitch: str):
    assert pitched(*ARTICLE, pitch) == [pitch]


def test_drops_a_pitch_with_one_paragraph_below_it():
    pitch = "Sign up for our newsletter and never miss a story from the city hall beat."
    assert pitched(*ARTICLE, pitch, "Comments are closed on this article after thirty days, as usual.") == [pitch]


def test_drops_the_header_of_a_sign_up_box_with_its_pitch():
    header = "Rejoins la petite lettre du dimanche"
    pitch = "Un e-mail par semaine, avec mes trouvailles, une recette de saison et zéro spam. Promis."
    assert pitched(*ARTICLE, header, pitch) == [header, pitch]


@pytest.mark.parametrize(
    "last",
    [
        "Sans recherche autonome, nous n'avons pas d'avenir",  # a slogan: its comma
        "Thanks for reading!",  # a sentence
        "Part 3 of 4",  # a number
    ],
)
def test_keeps_the_article_s_last_line_over_a_pitch_when_it_is_no_box_header(last: str):
    pitch = "Get the best of the city in your inbox every week with our free newsletter."
    assert pitched(*ARTICLE, last, pitch) == [pitch]


def test_keeps_a_pitch_like_sentence_inside_the_article():
    # The story goes on below: a sentence about a newsletter is the article's.
    line = "The city will announce the dates in its newsletter, officials said."
    assert pitched(ARTICLE[0], ARTICLE[1], ARTICLE[2], line, *ARTICLE) == []


def test_keeps_a_pitch_above_the_article_and_a_long_paragraph():
    assert pitched("Subscribe to our newsletter for the best stories of the week.", *ARTICLE) == []
    long = "Newsletters " + "were once a side business for the paper, " * 8 + "and now they pay the bills."
    assert pitched(*ARTICLE, long) == []


SUBSCRIPTION_STORY = (
    "Small presses have started selling annual subscriptions, four books a year posted to the reader's door.",
    "The first subscription year was a scramble of envelopes and labels, several publishers said this week.",
    "A reader who dislikes two books in a row rarely renews, and the presses say they plan for that churn.",
)


def test_keeps_the_last_paragraph_of_an_article_about_subscriptions():
    # Two paragraphs above name the keyword: the article is about it, and its tail sentence is its last word.
    last = "For publishers like these, a small and loyal base of subscribers may be worth more than passing traffic."
    assert pitched(*SUBSCRIPTION_STORY, last) == []


def test_a_notice_repeated_under_each_embed_does_not_make_the_article_about_it():
    notice = "By loading the video you accept the privacy policy of the newsletter provider."
    pitch = "Get the best of the city in your inbox every week with our free newsletter."
    article = [ARTICLE[0], notice, ARTICLE[1], notice, *ARTICLE]
    assert pitched(*article, pitch) == [pitch]


def test_end_to_end_the_pitch_leaves_after_the_region():
    text = "Budget Passes After Long Night\n\n" + "\n\n".join(ARTICLE) + "\n\nGet the best of the city in your inbox every week with our free newsletter.\n"
    article = scraper.clean_text(text)
    assert len(article.paragraphs) == 3
    assert [r.cleaner for r in article.removed] == ["subscribe_pitch"]


PARAGRAPHS = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night, members said.",
    "Sign up to get the best content of the week, and great deals, as picked by the editors.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue in the coming year.",
    "Submit",
)


def test_lines_inside_a_sign_up_box_are_dropped_wherever_they_stand():
    # trafilatura kept a box's pitch as a paragraph (real pages: a
    # <div class="newsletter-form__wrapper"> between two paragraphs).
    box = "PC Gamer NewsletterSign up to get the best content of the week, and great deals, as picked by the editors. Email Submit"
    blocks = tuple(Block(i, text, "paragraph", i) for i, text in enumerate(PARAGRAPHS))
    document = Document(blocks, "html", marked=Marked(boxes=(box,)))
    verdict = SignupBox().judge(Context(document, blocks, default_phrasebook(), None, "en"))
    # "Submit" is in the box too, but a word that short may be anyone's.
    assert [d.index for d in verdict.drops] == [1]
    text_capture = Document(blocks, "text")
    assert SignupBox().judge(Context(text_capture, blocks, default_phrasebook(), None, "en")).drops == []


def test_a_paywall_box_is_dropped_only_where_it_asks_to_subscribe():
    # A class naming a paywall marks the prompt, or the free part of the article itself.
    blocks = tuple(Block(i, text, "paragraph", i) for i, text in enumerate(PARAGRAPHS))
    prompt = "This article is for subscribers only " + PARAGRAPHS[1] + " Subscribe now"
    wrapper = PARAGRAPHS[0] + " " + PARAGRAPHS[2]
    for paywall, dropped in ((prompt, [1]), (wrapper, [])):
        document = Document(blocks, "html", marked=Marked(paywalls=(paywall,)))
        verdict = SignupBox().judge(Context(document, blocks, default_phrasebook(), None, "en"))
        assert [d.index for d in verdict.drops] == dropped
