"""Contributor credit lines: who reported, edited or helped, not who wrote.

Wire copy and newspapers credit everyone who worked on a story below it or
under the byline. The names are no authors of the article, and the line is
no body text, so it is dropped and nothing is harvested.
"""

from __future__ import annotations

from .phrase import PhraseCleaner

# Share of capitalised words a contributor credit line needs (names, places).
MIN_CREDIT_CAPITALS = 1 / 3


class ContributorLine(PhraseCleaner):
    """Drop wire-style credit lines naming who reported, edited or helped.

    Removes ``Reporting by Danielle Okoro in Calgary; Editing by Priya
    Natarajan`` and ``— With files from Ben Cartwright``. Their names are
    contributors, not the article's authors, so nothing is harvested.
    """

    name = "contributors"
    family = "contributors"
    max_wildcard_words = 24  # a credit line lists several names and places

    def plausible(self, text: str) -> bool:
        # Names, places and agencies are capitalised; "Reporting by the council
        # found that the wall ..." is a sentence, not a credit.
        words = [w for w in text.split() if w[:1].isalpha()]
        return bool(words) and sum(w[:1].isupper() for w in words) >= len(words) * MIN_CREDIT_CAPITALS
