"""Subscribe, newsletter, paywall and sign-in prompts.

Three shapes: a prompt line that is exactly a phrase ("Subscribe", "Sign up
for our newsletter"); a newsletter pitch written as sentences below the
article ("Get the latest stories straight to your inbox with our weekly
newsletter."), which no line template can list: it is known by a keyword
(``keywords.subscribe`` in the phrase tables) and by where it stands; and,
on HTML, any line of a sign-up box the page's markup names as one
(``Document.boxes``), wherever it stands.
"""

from __future__ import annotations

from .base import Context
from .boxes import BoxCleaner
from .phrase import PhraseCleaner, TailSentences


class SubscribePrompt(PhraseCleaner):
    """Drop subscribe / newsletter / paywall / sign-in prompt lines.

    Removes ``Subscribe``, ``Sign up for our newsletter``,
    ``Already a subscriber? Log in``. A sentence that merely mentions
    subscribing is body text and stays.
    """

    name = "subscribe"
    family = "subscribe"
    # "Subscribe to our newsletter for the week's best stories": longer than a
    # credit, still far short of a paragraph.
    max_wildcard_words = 12


class SignupBox(BoxCleaner):
    """Drop lines that stand in a newsletter, sign-up or paywall box of the page's markup.

    Removes ``Sign up to get the best content of the week, and great gaming
    deals, as picked by the editors.`` where the page wraps it in
    ``<div class="newsletter-form">`` (kept as a paragraph by trafilatura),
    in the middle of the article as well as below it, and ``Unlimited
    articles on any device`` in a ``<div class="paywall">`` that asks to
    subscribe. HTML captures only.
    """

    name = "signup_box"
    reason = "in a sign-up, subscription or follow-us box (the page's class names say so)"

    def boxes(self, ctx: Context) -> tuple[str, ...]:
        paywalls = ctx.document.marked.paywalls
        if not paywalls:
            return ctx.document.marked.boxes
        # A paywall prompt says "subscribe"; the article a paywall class may wrap does not.
        keywords = ctx.phrases.keywords("subscribe")
        return ctx.document.marked.boxes + tuple(p for p in paywalls if keywords is not None and keywords.find(p) >= 0)


class SubscribePitch(TailSentences):
    """Drop newsletter and subscription pitches written as sentences in the article's tail.

    Removes ``Immer aktuell informiert: Melden Sie sich jetzt für unseren
    kostenlosen Newsletter an!`` and ``Mit der Anmeldung für den Newsletter
    haben Sie die Datenschutzhinweise zur Kenntnis genommen.`` below the last
    paragraph (at most one other prose line under them).
    """

    name = "subscribe_pitch"
    keywords = "subscribe"
    reason = "newsletter pitch below the article"
