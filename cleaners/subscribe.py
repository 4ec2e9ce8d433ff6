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

from .base import Block, Context, Verdict
from .boxes import BoxCleaner
from .phrase import PhraseCleaner, TailSentences, is_notice
from .rows import is_chrome_row

# A sign-up box in the middle of the article: its prompts ("Iscriviti alla
# newsletter" … "Iscriviti") hold at most this many lines between them.
MAX_BOX_LINES = 3


class SubscribePrompt(PhraseCleaner):
    """Drop subscribe / newsletter / paywall / sign-in prompt lines, and the
    sentences of a sign-up box between two of them.

    Removes ``Subscribe``, ``Sign up for our newsletter``,
    ``Already a subscriber? Log in``; and, between ``Iscriviti alla
    newsletter`` and ``Iscriviti``, ``Ogni venerdì le storie più belle,
    direttamente nella tua casella di posta.`` (each line of the box naming a
    ``keywords.subscribe`` word). A sentence that merely mentions subscribing
    is body text and stays.
    """

    name = "subscribe"
    family = "subscribe"
    # "Subscribe to our newsletter for the week's best stories": longer than a
    # credit, still far short of a paragraph.
    max_wildcard_words = 12

    def judge(self, ctx: Context) -> Verdict:
        verdict = super().judge(ctx)
        keywords = ctx.keywords("subscribe")
        if len(verdict.drops) < 2 or keywords is None:
            return verdict
        position = {b.index: k for k, b in enumerate(ctx.blocks)}
        prompts = sorted(position[b.index] for b in verdict.drops)
        for first, last in zip(prompts, prompts[1:]):
            box: list[Block] = list(ctx.blocks[first + 1 : last])
            # (A row of its buttons, "Køb abonnement Log ind", is in the box too.)
            if 0 < len(box) <= MAX_BOX_LINES and all(
                is_notice(b.text, keywords) or is_chrome_row(b.text, ctx.matches) for b in box
            ):
                for block in box:
                    verdict.drop(block, "in a sign-up box, between its prompts")
        return verdict


class SignupBox(BoxCleaner):
    """Drop lines that stand in a newsletter, sign-up, call-to-action or paywall box of the page's markup.

    Removes ``Sign up to get the best content of the week, and great gaming
    deals, as picked by the editors.`` where the page wraps it in
    ``<div class="newsletter-form">`` (kept as a paragraph by trafilatura),
    in the middle of the article as well as below it, and ``Unlimited
    articles on any device`` in a ``<div class="paywall">`` that asks to
    subscribe. HTML captures only.
    """

    name = "signup_box"
    reason = "in a sign-up, subscription, follow-us or call-to-action box (the page's class names say so)"

    def boxes(self, ctx: Context) -> tuple[str, ...]:
        paywalls = ctx.document.marked.paywalls
        if not paywalls:
            return ctx.document.marked.boxes
        # A paywall prompt says "subscribe"; the article a paywall class may wrap does not.
        keywords = ctx.keywords("subscribe")
        return ctx.document.marked.boxes + tuple(p for p in paywalls if keywords is not None and keywords.find(p) >= 0)


class SubscribePitch(TailSentences):
    """Drop newsletter and subscription pitches written as sentences in the article's tail.

    Removes ``Immer aktuell informiert: Melden Sie sich jetzt für unseren
    kostenlosen Newsletter an!`` and ``Mit der Anmeldung für den Newsletter
    haben Sie die Datenschutzhinweise zur Kenntnis genommen.`` below the last
    paragraph (at most one other prose line under them); and the box's header
    right over them: ``Rejoins la petite lettre du dimanche`` over ``Un e-mail
    par semaine, avec mes trouvailles … et zéro spam. Promis.``
    """

    name = "subscribe_pitch"
    keywords = "subscribe"
    reason = "newsletter pitch below the article"
    headed = True
