"""Recipe cards: the ingredients and the method are the article's, not chrome.

A recipe page copied as text reads: a heading, a list of short lines, a
second heading and the steps::

    Zutaten
    300 g Mehl
    1 TL Backpulver
    Zubereitung
    Alle Zutaten in eine Schüssel geben und zu einem glatten Teig verarbeiten.

The list scores as chrome (short lines, no sentence, no stop word), so the
densest run of prose is the method alone, or the blogger's story above the
card: the region would keep the steps and drop the ingredients, which leaves
no recipe. A card is found by its two headings (phrase data:
``recipe_ingredients``, ``recipe_method``) and ends where the steps (runs
of prose after the method heading) end; the region takes it in when it
overlaps the body or stands next to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .phrasebook import LineMatches
from .runs import runs

# The method heading comes at most this many lines below the ingredients
# heading (a long list of ingredients, grouped under sub-headings).
CARD_REACH = 80
# The steps start at most this many lines below the method heading (step
# numbers, a preparation time, "Hide images" stand between).
STEPS_WITHIN = 6
# Steps are runs of prose that at most this many lines part (a step's
# number, a blank mark, a photo's label).
STEP_GAP = 3
# A card joins the body when at most this many lines stand between them
# (the recipe's name, servings and times above its ingredients).
CARD_NEAR = 25


def recipe_card(texts: Sequence[str], scores: list[float], matches: LineMatches) -> tuple[int, int] | None:
    """The inclusive line span of the first recipe card among ``texts``, or None.

    ``scores``: the region's line scores of ``texts`` (prose positive).
    """
    for first, heading in card_headings(texts, matches):
        end = _steps_end(scores, heading)
        if end is not None:
            return first, end
    return None


def card_headings(lines: Iterable[str], matches: LineMatches) -> Iterator[tuple[int, int]]:
    """Positions of an ingredients heading and of the method heading below it, in reading order."""
    ingredients = matches.hits("recipe_ingredients")
    method = matches.hits("recipe_method")
    if not ingredients or not method:  # nearly every page: the lines are never read
        return
    texts = list(lines)
    for first, text in enumerate(texts):
        if text in ingredients:
            reach = range(first + 1, min(first + CARD_REACH, len(texts)))
            heading = next((k for k in reach if texts[k] in method), None)
            if heading is not None:
                yield first, heading


def _steps_end(scores: list[float], heading: int) -> int | None:
    """Where the steps below the method heading at ``heading`` end (None: no steps)."""
    end = None
    for _, start, last in runs(scores):
        if start <= heading:
            continue
        if (end is None and start > heading + STEPS_WITHIN) or (end is not None and start > end + STEP_GAP + 1):
            break
        end = last
    return end


def with_card(start: int, end: int, card: tuple[int, int] | None) -> tuple[int, int]:
    """The body span ``start``..``end`` grown over a recipe card that overlaps it or stands near.

    Where the body already holds the steps (prose, which the region finds on
    its own), it keeps its end: the card only brings the ingredients above
    them. A card below the body (the story first, then the card) brings its steps too.
    """
    if card is None or card[0] > end + CARD_NEAR or card[1] < start - CARD_NEAR:
        return start, end
    if card[0] > end:
        return start, card[1]
    return min(start, card[0]), end
