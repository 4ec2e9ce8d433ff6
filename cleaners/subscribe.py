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
