"""Teasers and related content: links out of the article, not the article.

Three shapes: single teaser lines ("Keep Reading", "Load More By Desk Writer",
which also name the author and section), teaser *boxes*: a header such as
"Check Also" or "Related Articles" followed by teaser titles and excerpts,
and headlines trailing the article's last paragraph, whatever their header.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .base import Block, Cleaner, Context, Harvest, Verdict
from .dates import parse_date
from .headlines import title_position
from .lines import DIGIT, ends_sentence, ends_with_ellipsis, is_headline_like, is_one_question, is_prose
from .names import looks_like_name
from .phrase import PhraseCleaner, harvest_fields, says_only, wildcard_words
from .phrasebook import MAX_CHROME_CHARS, PhraseMatch

# A teaser box lists a handful of items; past this it is not one box.
MAX_BOX_ITEMS = 12
# A header's "*" ("More from *") names a site or section: a few words, not a sentence.
MAX_HEADER_WILDCARD_WORDS = 4
# A teaser's meta line ("March 1, 2024", "By Jane Roe", "4 min read") is short.
MAX_META_CHARS = 40
# Blog themes mark the links to the older and newer post with arrows: "←
# Older post's title", "Newer post's title →". (fold() strips arrows, so no
# template can ask for them.)
PREVIOUS_MARK = "←"
NEXT_MARK = "→"


class TeaserLink(PhraseCleaner):
    """Drop single teaser/"more" lines, harvesting named author and section.

    Removes ``Keep Reading``, ``Read more``, ``Load More By Desk Writer``
    (authors ["Desk Writer"]), ``Load More In World`` (section "World"),
    and the arrowed links to the older and newer post: ``← Spring Planting``.
    """

    name = "teaser_link"
    family = "teasers"
    # "Read more: <another article's headline>" carries a whole headline
    # ("À lire aussi Valcrème annonce la fermeture de son site du Lauragais :
    # « un coup de massue » pour les producteurs": 17 words).
    max_wildcard_words = 20

    def kept(self, harvest: list[Harvest]) -> list[Harvest]:
        """A link to more of one author's work names one author: the first
        ("More from Rowan Achterberg and Quiet Compiler", Medium's: the
        author, then the publication). An author of one word ("Mais de
        Cidades", "More from Reuters") is a section, a site or a handle: the
        line is a teaser header all the same."""
        first = next((h for h in harvest if h.field == "authors"), None)
        return [h for h in harvest if h.field != "authors" or (h is first and len(str(h.value).split()) > 1)]

    def shaped(self, ctx: Context) -> Iterator[tuple[Block, str]]:
        for block in ctx.blocks:
            text = block.text
            if (text.startswith(PREVIOUS_MARK) or text.endswith(NEXT_MARK)) and len(text) <= MAX_CHROME_CHARS:
                yield block, "link to the older or newer post (arrow)"


def _is_teaser_item(block: Block) -> bool:
    """A teaser title, its meta line or a truncated excerpt; running prose ends the box.

    A headline of two sentences with no full stop at its end ("Ostrzeżenia
    przed roztopami w całym powiecie. Synoptycy apelują o ostrożność") is a title.
    """
    text = block.text
    if ends_with_ellipsis(text):
        return True
    if len(text) <= MAX_META_CHARS and not ends_sentence(text):
        return True
    return is_headline_like(text) and not (ends_sentence(text) and is_prose(text))


def _dated(text: str, language: str | None) -> bool:
    """A teaser's meta line giving a date: short, no sentence ("12 febbraio 2026",
    "Marc L. 4/5 le 02/03/2026"; not the heading "Ingredientes para 24 tamales")."""
    return (
        len(text) <= MAX_META_CHARS and DIGIT.search(text) is not None and not ends_sentence(text)
        and parse_date(text, language) is not None
    )


def _in_box(blocks: tuple[Block, ...], i: int, links: Mapping[str, PhraseMatch], language: str | None) -> bool:
    """``blocks[i]`` is a teaser item, or a card's excerpt: a whole sentence
    with its "Read more" button on the next line ("Siste saker" / a headline /
    "Det var et samlet norsk landbruk som …" / "Les mer"; not an author box's
    "View all posts by …"); or a headline asking a question, with another
    teaser under it ("Bữa trưa học đường: đủ chất hay chỉ đủ no?"); or a
    card's excerpt between its date and the next card's headline ("Val
    Serrina in bici: …" / "12 febbraio 2026" / "Un itinerario ad anello …" /
    "Zuppa di farro e castagne: …")."""
    if _is_teaser_item(blocks[i]):
        return True
    if i + 1 == len(blocks):
        return False
    text, after = blocks[i].text, blocks[i + 1]
    if (is_one_question(text) or _dated(blocks[i - 1].text, language)) and _is_teaser_item(after):
        return True
    button = links.get(after.text)
    return button is not None and says_only(button, after.text)


def _bare_contents_headers(ctx: Context) -> Iterator[Block]:
    """The header of the article's table of contents ("Daftar Isi") right
    over a paragraph: the extraction dropped its links, the header stayed."""
    contents = ctx.matches.hits("toc_headers")
    blocks = ctx.blocks
    for k, block in enumerate(blocks[:-1] if contents else ()):
        if block.text in contents and is_prose(blocks[k + 1].text):
            yield block


class TeaserBox(Cleaner):
    """Drop a related-content box: its header and the teasers under it (and
    the header of a table of contents whose entries are gone).

    Removes ``Check Also`` / ``UAE Tops the World in 223 Global Competitiveness
    Indicators`` / ``Thanks to its clever management … human develo…``.
    """

    name = "teaser_box"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        for block in _bare_contents_headers(ctx):
            verdict.drop(block, "table-of-contents header without its entries")
        headers = ctx.matches.hits("teaser_headers")
        if not headers:
            return verdict
        blocks = ctx.blocks
        title = title_position(ctx)
        links = ctx.matches.hits("teasers")
        i = 0
        while i < len(blocks):
            match = headers.get(blocks[i].text)
            if match is None or wildcard_words(match, blocks[i].text) > MAX_HEADER_WILDCARD_WORDS:
                i += 1
                continue
            # "More in Science" names the section; an implausible capture is no header.
            if not harvest_fields(match, verdict, ctx.phrases):
                i += 1
                continue
            header = blocks[i]
            i += 1
            items: list[Block] = []
            while i < len(blocks) and len(items) < MAX_BOX_ITEMS and blocks[i].text not in headers:
                # A "Latest News" list above the article ends where its title begins.
                if not _in_box(blocks, i, links, ctx.language) or (title is not None and header.index < title < blocks[i].index):
                    break
                items.append(blocks[i])
                i += 1
            # A header with no teasers under it that is also a plain link ("Keep
            # Reading", the article going on below) is TeaserLink's; one naming
            # someone stays the box's ("More from The Telegraph": as a link it
            # would make "The Telegraph" an author).
            link = links.get(header.text)
            if items or link is None or link.fields:
                verdict.drop(header, f"related-content header '{match.template}'")
            for item in items:
                verdict.drop(item, f"teaser under '{match.template}'")
        return verdict


# Lines of a teaser card above its excerpt: headline, byline, date.
MAX_CARD_HEAD = 3
# One excerpt + "Read more" may be the article's own teaser (a paywall); a
# list of them is an index page or a related-posts grid.
MIN_CARDS = 2


class TeaserCards(Cleaner):
    """Drop a list of teaser cards: headline, byline, date, truncated excerpt, "Read more".

    Removes ``Rams sign veteran linebacker`` / ``By Kevin Marsh`` /
    ``March 12, 2024`` / ``The team filled its biggest gap…`` / ``Read more``
    when two or more such cards follow each other (a category page). Runs
    before the byline cleaner: a card's author is not the article's.
    """

    name = "teaser_cards"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        links = ctx.matches.hits("teasers")
        if not links:  # no "Read more" under an excerpt: no card
            return verdict
        blocks = ctx.blocks
        cards = [
            i for i in range(len(blocks) - 1)
            if blocks[i + 1].text in links and ends_with_ellipsis(blocks[i].text)
        ]
        if len(cards) < MIN_CARDS:
            return verdict
        floor = 0  # a card's head never reaches into the previous card
        for i in cards:
            head = i
            while head > max(floor, i - MAX_CARD_HEAD) and not is_prose(blocks[head - 1].text):
                head -= 1
            for block in blocks[head:i + 2]:
                verdict.drop(block, "teaser card")
            floor = i + 2
        # Cards and no prose of its own: an index page (category, tag, search
        # results). What is left is menus and pagination, not an article.
        in_cards = {d.index for d in verdict.drops}
        rest = [b for b in blocks if b.index not in in_cards]
        if not any(is_prose(b.text) for b in rest):
            for block in rest:
                verdict.drop(block, "index page: teaser cards and no article text")
        return verdict


# The article has this many prose lines: what trails them is not all there is.
TRAIL_MIN_PROSE = 3
# Headlines in the trail: one short line may be a sign-off or a caption.
TRAIL_MIN_HEADLINES = 2
# A body paragraph has this many words; a teaser's excerpt is shorter.
BODY_PARAGRAPH_WORDS = 40
# An article's own labels and questions ("What we like:", "Is it safe?",
# "Sign the petition!") end like this; another article's headline does not.
_NOT_TEASER_END = ("!", ":", "?")


def _teaser_headline(text: str) -> bool:
    return is_headline_like(text) and not text.rstrip().endswith(_NOT_TEASER_END)


# An author's sign-off is a bare name of this many words, each capitalised.
SIGNOFF_WORDS = (2, 4)


def _is_signoff(text: str) -> bool:
    """A bare name ("Antje Rávic Strubel"), not a headline ("Störung bei der Suchfunktion")."""
    words = text.split()
    return (
        SIGNOFF_WORDS[0] <= len(words) <= SIGNOFF_WORDS[1]
        and all(w[:1].isupper() for w in words)
        and looks_like_name(text.strip())
    )


def _teaser_trail(trail: tuple[Block, ...]) -> bool:
    """Headlines, each short prose line an excerpt right under one of them.

    An author's name with one line under it (the source, a date) signs the
    article off; it is no list of headlines.
    """
    if len(trail) == 2 and _is_signoff(trail[0].text):
        return False
    headlines = [_teaser_headline(b.text) for b in trail]
    for k, block in enumerate(trail):
        if is_prose(block.text) and not (k > 0 and headlines[k - 1]):
            return False
    return sum(headlines) >= TRAIL_MIN_HEADLINES


class TrailingTeasers(Cleaner):
    """Drop the lines below the article's last paragraph when they are a list of headlines.

    Removes ``Read next`` / ``Council delays vote on new stadium`` /
    ``Five things to know about the budget`` (each perhaps with a short
    excerpt under it) below the last body paragraph, whatever their header
    says (``Lue seuraavaksi:``, ``La rédaction vous conseille :``). Runs
    after the region cleaner, on what it kept. A trail of the article's own
    labels (``What we like:``, ``Is it safe?``) or of short paragraphs
    without headlines over them stays.
    """

    name = "trailing_teasers"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        blocks = ctx.blocks
        # The trail starts below the last body paragraph, or failing that
        # below the last prose line of any length.
        for long_only in (True, False):
            last = len(blocks)
            while last > 0 and not self._ends_body(blocks[last - 1].text, long_only):
                last -= 1
            trail = blocks[last:]
            # (The trail first: it is short, or empty, and rarely a list of headlines.)
            if _teaser_trail(trail) and sum(map(is_prose, [b.text for b in blocks[:last]])) >= TRAIL_MIN_PROSE:
                for block in trail:
                    verdict.drop(block, "headlines below the article's last paragraph")
                break
        return verdict

    @staticmethod
    def _ends_body(text: str, long_only: bool) -> bool:
        return is_prose(text) and (not long_only or text.count(" ") + 1 >= BODY_PARAGRAPH_WORDS)
