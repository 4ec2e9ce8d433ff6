"""SubscribePrompt: subscribe, newsletter, paywall and sign-in prompts (cleaners/subscribe.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.phrasebook import default_phrasebook
from cleaners.subscribe import SubscribePrompt
from scraper.document import segment_text

BODY = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.\n\n"
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.\n\n"
)


def dropped(*lines: str) -> list[str]:
    doc = segment_text("\n".join(lines))
    ctx = Context(doc, doc.blocks, default_phrasebook())
    verdict = SubscribePrompt().judge(ctx)
    by_index = {b.index: b.text for b in doc.blocks}
    return [by_index[d.index] for d in verdict.drops]


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe",
        "Subscribe now",
        "Sign up for our newsletter",
        "Subscribe to our newsletter for the week's best stories",
        "Already a subscriber? Log in",
        "This article is for subscribers only.",
        "Jetzt abonnieren",
        "Bereits Abonnent? Hier anmelden",
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
    ],
)
def test_drops_prompts_in_many_languages(line: str):
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
