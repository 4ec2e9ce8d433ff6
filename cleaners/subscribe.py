"""Subscribe, newsletter, paywall and sign-in prompts.

Two shapes: a prompt line that is exactly a phrase ("Subscribe", "Sign up
for our newsletter"), and a newsletter pitch written as sentences below the
article ("Get the latest stories straight to your inbox with our weekly
newsletter."), which no line template can list: it is known by a keyword
(``keywords.subscribe`` in the phrase tables) and by where it stands.
"""

from __future__ import annotations

from .base import Cleaner, Context, Verdict
from .lines import is_prose
from .phrase import PhraseCleaner


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


# A pitch is a sentence or two; a paragraph about newsletters is an article's.
MAX_PITCH_WORDS = 50
# The article has begun: this many prose lines stand above the pitch.
MIN_PROSE_ABOVE = 3
# The pitch is in the tail: at most this many prose lines without a keyword
# follow it (a last paragraph the region kept under a sign-up box).
MAX_PROSE_BELOW = 1


class SubscribePitch(Cleaner):
    """Drop newsletter and subscription pitches written as sentences in the article's tail.

    Removes ``Immer aktuell informiert: Melden Sie sich jetzt für unseren
    kostenlosen Newsletter an!`` and ``Mit der Anmeldung für den Newsletter
    haben Sie die Datenschutzhinweise zur Kenntnis genommen.`` below the last
    paragraph. Runs after the region cleaner, on what it kept: the tail is
    then the end of the kept text. The same sentence in the middle of the
    article, with the story going on below it, stays.
    """

    name = "subscribe_pitch"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        keywords = ctx.phrases.keywords("subscribe")
        if keywords is None:
            return verdict
        blocks = ctx.blocks
        prose = [is_prose(b.text) for b in blocks]
        above = sum(prose)
        below = 0  # prose lines without a keyword under the current one
        # From the end up: the tail is short, and the keyword search (a
        # paragraph costs tens of microseconds) stops where it ends.
        for k in range(len(blocks) - 1, -1, -1):
            text = blocks[k].text
            above -= prose[k]
            pitch = text.count(" ") < MAX_PITCH_WORDS and keywords.search(text) is not None
            if pitch and above >= MIN_PROSE_ABOVE:
                verdict.drop(blocks[k], "newsletter pitch below the article")
            elif prose[k] and not pitch:
                below += 1
                if below > MAX_PROSE_BELOW:
                    break
        verdict.drops.reverse()  # in reading order
        return verdict
