"""Recipe cards: ingredients and method stay with the body (cleaners/recipes.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.phrasebook import LineMatches, default_phrasebook
from cleaners.recipes import CARD_NEAR, card_headings, recipe_card, with_card

STORY = [
    "This is the soup I make when the fridge is nearly empty and everyone is hungry at the end of a long day.",
    "Roasting the tomatoes first takes twenty minutes, but it gives the soup a deep and slightly smoky sweetness.",
    "Red lentils do the rest of the work: they cook down completely, so the soup turns thick without any cream.",
]
CARD = [
    "Ingredients",
    "800 g ripe tomatoes, halved",
    "1 large onion",
    "4 garlic cloves",
    "2 tbsp olive oil",
    "150 g red lentils",
    "Salt and pepper",
    "Instructions",
    "1",
    "Heat the oven to 200°C. Spread the tomatoes, onion and garlic on a tray and roast them for 20 minutes.",
    "2",
    "Tip everything from the tray into a large pan, add the lentils and the stock and simmer for 15 minutes.",
]


def matches(texts: list[str]) -> LineMatches:
    return LineMatches(default_phrasebook(), texts)


def scores(texts: list[str]) -> list[float]:
    """Prose lines (ending like a sentence) weigh, the rest cost: the region's scores in short."""
    return [5.0 if t.endswith(".") else -1.0 for t in texts]


@pytest.mark.parametrize(
    ("ingredients", "method"),
    [("Ingredients", "Instructions"), ("Zutaten:", "Zubereitung:"), ("Ingrédients", "Préparation"),
     ("Ingredientes para 4 personas", "Modo de preparación"), ("Składniki", "Sposób przygotowania")],
)
def test_a_card_runs_from_the_ingredients_heading_to_the_end_of_the_steps(ingredients: str, method: str) -> None:
    texts = ["Home", "Recipes", ingredients, "200 g flour", "1 egg", method, "Mix the flour and the egg.", "Bake it.", "Related recipes", "Pancakes"]
    assert recipe_card(texts, scores(texts), matches(texts)) == (2, 7)


def test_steps_parted_by_step_numbers_are_one_method() -> None:
    assert recipe_card(CARD, scores(CARD), matches(CARD)) == (0, 11)


def test_no_card_without_both_headings() -> None:
    menu = ["Home", "Ingredients", "Tools", "Mix the flour and the egg.", "Bake it."]  # a menu item, no method
    assert recipe_card(menu, scores(menu), matches(menu)) is None
    assert list(card_headings(menu, matches(menu))) == []


def test_no_card_when_no_steps_follow_the_method_heading() -> None:
    texts = ["Ingredients", "1 egg", "Instructions", "Print", "Share", "Rate", "Pin", "Save", "Mail", "Then a paragraph."]
    assert recipe_card(texts, scores(texts), matches(texts)) is None


def test_the_body_takes_in_a_card_above_its_steps_and_keeps_its_end() -> None:
    # The region chose the steps (9..11): the card brings the ingredients above them.
    assert with_card(9, 11, (0, 11)) == (0, 11)
    assert with_card(9, 30, (0, 11)) == (0, 30)


def test_the_body_takes_in_a_card_below_it_with_its_steps() -> None:
    # The story first (3..8), the card a few lines below (the recipe's name, servings and times between).
    assert with_card(3, 8, (15, 40)) == (3, 40)


def test_a_card_far_from_the_body_stays_out() -> None:
    assert with_card(3, 8, (8 + CARD_NEAR + 1, 80)) == (3, 8)
    assert with_card(3, 8, None) == (3, 8)


def capture(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_a_recipe_capture_keeps_its_ingredients() -> None:
    # Ratings and meta between the headline and the card: the steps alone are the densest prose.
    head = ["Recipes", "Soups", "About", "Roasted Tomato and Red Lentil Soup", "(12)", "Rate this recipe",
            "(Not for me)", "(Could be better)", "(Okay)", "(Tasty)", "(Perfect)", "Serves 4", "45 minutes", "Print", "Pin"]
    tail = ["Nutrition", "Energy 1310kJ", "Fat 14g", "You may also like", "Carrot soup", "Pea soup", "Privacy policy"]
    article = scraper.clean_text(capture(head, CARD, tail), url="https://example.org/roasted-tomato-red-lentil-soup/")
    assert article.title == "Roasted Tomato and Red Lentil Soup"
    assert article.paragraphs[0] == "Ingredients"
    assert "150 g red lentils" in article.paragraphs
    assert article.paragraphs[-1] == CARD[-1]
    assert "Carrot soup" not in article.paragraphs


def test_a_card_below_the_story_keeps_its_steps() -> None:
    meta = ["Roasted Tomato and Red Lentil Soup", "Servings", "4", "Prep time", "10", "minutes"]
    footer = ["Related", "Carrot soup", "Leave a Comment", "Your email address will not be published."]
    article = scraper.clean_text(capture(["Home", "Recipes", "Roasted Tomato and Red Lentil Soup", "Jump to Recipe"], STORY, ["Pin", "Print"], meta, CARD, footer))
    assert article.paragraphs[: len(STORY)] == tuple(STORY)
    assert "150 g red lentils" in article.paragraphs and article.paragraphs[-1] == CARD[-1]
