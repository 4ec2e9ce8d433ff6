"""Subscribe, newsletter, paywall and sign-in prompts.

Two shapes: a prompt line that is exactly a phrase ("Subscribe", "Sign up
for our newsletter"), and a newsletter pitch written as sentences below the
article ("Get the latest stories straight to your inbox with our weekly
newsletter."), which no line template can list: it is known by a keyword
(``keywords.subscribe`` in the phrase tables) and by where it stands.
"""

from __future__ import annotations

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
