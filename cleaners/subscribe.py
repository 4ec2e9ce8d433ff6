"""Subscribe, newsletter, paywall and sign-in prompts."""

from __future__ import annotations

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
