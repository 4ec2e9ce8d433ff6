"""Region: keep the body of a text capture, drop the page around it.

A text capture is the whole page as lines: menus, teaser lists, footers and
comment threads around one run of article prose. No phrase table can list
all of that chrome, but its *shape* gives it away, whatever the language:

- prose lines are long, end like sentences, and are full of small function
  words (the page language's stop words, or lower-case words);
- chrome lines are short, link- or menu-like (URLs, ``|`` / ``»`` separators,
  lone labels), come in long runs of short lines, and repeat (menus printed
  twice, ``Reply`` under every comment);
- the article is the densest run of prose; what lies far from it is not.

Each kept line gets a score (``line_scores.py``: positive for prose,
negative for chrome). The page splits into maximal-scoring runs of lines (a
run bridges a few short lines, such as sub-headings, list items or a
caption, when prose surrounds them). The body is the first run nearly as
heavy as the heaviest (comment threads and cookie notices come after the
article; a run right below the headline counts extra), grown over close
neighbour runs that carry weight. Everything above or below it is dropped,
with that reason. A comment section is no body however much prose it
holds: the body is looked for above its header (``comments_start``), and a
run full of comment entries ("Anna says:") that no header announced weighs
less. A paragraph right under the headline (the dek, the lead) opens the
body across the chrome between them. A long stretch of lines the earlier
cleaners removed (a comment form, a teaser list) still stands between the
runs around it and costs as much as that much chrome. Runs on text captures
only; HTML captures get their body from trafilatura's tree.

The constants below and in ``line_scores.py`` were tuned on the dev
corpus' text captures by coordinate search; tuning on half the pages and
scoring the other half gave the same gain (+0.01 F1 on each half), so they
are not fitted to pages.
"""

from __future__ import annotations

from collections.abc import Callable

from .base import Block, Cleaner, Context, Drop, Verdict
from .comments import comments_start, entry_marker
from .line_scores import CHROME_PENALTY, LIST_PENALTY, is_code_like, is_linky, line_scores
from .phrasebook import LineMatches
from .recipes import recipe_card, with_card
from .runs import best_run, runs, spaced, unspaced

__all__ = ["BodyRegion", "best_run", "body_region", "choose_region", "is_code_like", "is_linky", "line_scores", "runs"]

# Choosing among runs: the first run with this share of the heaviest run's
# weight is the body; a neighbour run joins it when it weighs this share of
# the body and the gap between costs at most MERGE_GAP times its weight.
FIRST_SHARE = 0.5
# A lone line that qualifies first (a long caption, a teaser) gives way to a
# later qualifying run of 2+ lines averaging this weight a line (prose, not a
# long list of scraps). 3-5 score the same on the dev corpus.
PARA_MEAN = 4.0
MERGE_SHARE = 0.1
MERGE_GAP = 2.0
# List entries in that gap (a recipe's steps, a specification list between
# two paragraphs) cost this share of their score: 0.5-0.6 gain on both
# halves of the dev corpus, 0.3 and 0.7 less.
LIST_GAP_SHARE = 0.5
# A run starting at most ANCHOR_WINDOW lines below the headline counts
# ANCHOR_BOOST times its weight when choosing the body.
ANCHOR_BOOST = 1.5
ANCHOR_WINDOW = 3
# A paragraph right under the headline (a dek or the lead: one of the
# DEK_LINES lines below it, scoring at least DEK_MIN_SCORE) opens the body
# when the chosen run starts at most DEK_REACH lines below the headline: what
# stands between them (a picture credit, a share bar, a table of contents, a
# paywall notice inside the article) is not where the article begins. List
# entries between them (a recipe's ingredients, a facts box) are the
# article's and do not count towards the reach.
DEK_LINES = 3
DEK_MIN_SCORE = 10.0
DEK_REACH = 20
# A run holding this many comment-entry lines ("Anna says:", "3. März 2024
# um 10:15 Uhr"), counting the line just above it, is a comment thread that
# no header announced: it weighs THREAD_WEIGHT times its mass when choosing.
THREAD_MIN_ENTRIES = 3
THREAD_WEIGHT = 0.25
# A run whose prose is at least this share (by weight) site notices (a
# cookie consent, an affiliate disclosure, a newsletter form's consent
# sentences: the phrase tables' ``disclosures`` and ``subscribe`` keywords;
# not ``notices``, whose bare "cookie*" a recipe would match) is site
# boilerplate: it weighs NOTICE_WEIGHT times its mass. 0.3-0.4 score the same.
NOTICE_SHARE = 0.3
NOTICE_WEIGHT = 0.25
# Lines the earlier cleaners removed still stood between the kept ones: a
# stretch of at least this many (a comment form, a teaser list, a share
# block) costs CHROME_PENALTY a line, so what lies beyond it (a sidebar, a
# comment thread) is not next to the body. Shorter stretches (an ad label or
# a caption inside the article) cost nothing. 3-8 all gain on both halves of
# the dev corpus; 4 gains most.
REMOVED_MIN_LINES = 4
# (Not the article's own table of contents: the ``toc_headers`` tables name its header.)
_NOTICE_LISTS = ("disclosures", "subscribe")
_new = tuple.__new__
_ABOVE = "above the article body (outside the densest run of prose)"
_BELOW = "below the article body (outside the densest run of prose)"


def choose_region(
    scores: list[float],
    anchor: int | None = None,
    entries: Callable[[int, int], int] | None = None,
    notice: Callable[[int], bool] | None = None,
) -> tuple[int, int]:
    """The body among the runs: the first run nearly as heavy as the heaviest
    (comment threads and cookie texts come *after* the article), grown over
    close neighbours that carry real weight.

    ``anchor``: the line position where the headline stood, if known. A run
    that starts just below it weighs ``ANCHOR_BOOST`` times more: a short
    article right under its headline beats a longer cookie notice or a
    sign-up form elsewhere on the page. A paragraph right under the headline
    (the dek, the lead) opens the body, across the chrome between it and the run.
    ``notice(i)``: line ``i`` is a site notice; a run made of such lines weighs less,
    and never joins the body as its neighbour.
    """
    found = runs(scores)
    if not found:
        return (0, -1)
    boosted = set()
    if anchor is not None:
        boosted = {s for _, s, _ in found if anchor <= s <= anchor + ANCHOR_WINDOW}
        found = [(m * ANCHOR_BOOST if s in boosted else m, s, e) for m, s, e in found]
    if entries is not None:  # a comment thread no header announced (counting the line above)
        found = _discount(found, THREAD_WEIGHT, lambda s, e: entries(max(s - 1, 0), e) >= THREAD_MIN_ENTRIES)
    if notice is not None:
        found = _discount(found, NOTICE_WEIGHT, lambda s, e: _mostly_notices(scores, notice, s, e))
    k = _first_heavy(found)
    # The boost chooses the body; neighbours join by its mass without it (a
    # last paragraph under a table would weigh too little beside a boosted body).
    mass = {s: m / ANCHOR_BOOST if s in boosted else m for m, s, _ in found}
    _, start, end = found[k]
    body = mass[start]

    def joins(s: int, e: int, gap: float) -> bool:  # (a site notice never joins: a consent text over the menu)
        return _joins(mass[s], gap, body) and not (notice is not None and _mostly_notices(scores, notice, s, e))

    for _, s, e in found[k + 1:]:  # grow downwards
        if not joins(s, e, _gap(scores, end + 1, s)):
            break
        end = e
    for _, s, e in reversed(found[:k]):  # and upwards
        if not joins(s, e, _gap(scores, e + 1, start)):
            break
        start = s
    if anchor is not None and anchor < start and start - anchor - _list_entries(scores, anchor, start) <= DEK_REACH:
        start = _dek_start(scores, anchor, start)
    return start, end


def _first_heavy(found: list[tuple[float, int, int]]) -> int:
    """The first run nearly as heavy as the heaviest; a lone line (a long
    caption, a teaser) gives way to a later such run of two or more lines."""
    top = max(r[0] for r in found)
    heavy = [i for i, r in enumerate(found) if r[0] >= FIRST_SHARE * top]
    if found[heavy[0]][1] == found[heavy[0]][2]:
        return next((i for i in heavy if _paragraphs(found[i])), heavy[0])
    return heavy[0]


def _paragraphs(run: tuple[float, int, int]) -> bool:
    """Two or more lines carrying prose weight (not a long list of scraps)."""
    mass, start, end = run
    return end > start and mass >= PARA_MEAN * (end - start + 1)


def _discount(
    found: list[tuple[float, int, int]], weight: float, boilerplate: Callable[[int, int], bool]
) -> list[tuple[float, int, int]]:
    """Runs heavy enough to be chosen that ``boilerplate(start, end)`` calls
    site or reader chrome weigh ``weight`` times their mass (lighter runs are
    not looked at: the test reads phrase tables)."""
    top = max(r[0] for r in found)
    return [(m * weight if m >= FIRST_SHARE * top and boilerplate(s, e) else m, s, e) for m, s, e in found]


def _mostly_notices(scores: list[float], notice: Callable[[int], bool], start: int, end: int) -> bool:
    """The run's prose is mostly site notices (cookie consent, affiliate links), by weight.

    Heaviest lines first, and no further once the answer is sure: in an
    article's run, looking up the lines that carry most of its weight
    already shows the notices cannot reach their share (each look-up
    searches a paragraph for the keywords of every language).
    """
    prose = sorted((i for i in range(start, end + 1) if scores[i] > 0), key=scores.__getitem__, reverse=True)
    left = sum(scores[i] for i in prose)  # (weight not looked up yet)
    needed, found = NOTICE_SHARE * left, 0.0
    for i in prose:
        if found >= needed:
            return True
        if found + left < needed:
            return False
        left -= scores[i]
        if notice(i):
            found += scores[i]
    return found >= needed


def _gap(scores: list[float], first: int, stop: int) -> float:
    """What the lines from ``first`` up to ``stop`` cost a run that would join
    across them; list entries, the article's own (steps, specifications), cost
    LIST_GAP_SHARE of their score."""
    lines = scores[first:stop]  # (sum and count in C: a gap may be hundreds of lines)
    return -sum(lines) - (1 - LIST_GAP_SHARE) * LIST_PENALTY * lines.count(-LIST_PENALTY)


def _list_entries(scores: list[float], first: int, stop: int) -> int:
    """How many of the lines from ``first`` up to ``stop`` read like list entries."""
    return scores[first:stop].count(-LIST_PENALTY)


def _dek_start(scores: list[float], anchor: int, start: int) -> int:
    """Where the body starts when a paragraph stands right under the headline."""
    for i in range(anchor, min(anchor + DEK_LINES, start)):
        if scores[i] >= DEK_MIN_SCORE:
            return i
    return start


def _joins(run_mass: float, gap: float, body_mass: float) -> bool:
    """A neighbouring run joins the body: heavy enough, and the lines between light enough."""
    return run_mass >= MERGE_SHARE * body_mass and gap <= MERGE_GAP * run_mass


def body_region(
    texts: list[str],
    stopwords: frozenset[str] = frozenset(),
    groups: list[int] | None = None,
    anchor: int | None = None,
    entries: Callable[[int, int], int] | None = None,
    notice: Callable[[int], bool] | None = None,
    removed: list[int] | None = None,
    matches: LineMatches | None = None,
    rows: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """The inclusive line span of the article body among ``texts``.

    ``entries(start, end)``: how many of those lines (inclusive) are comment
    entries ("Anna says:", a timestamp); ``notice(i)``: line ``i`` names a
    site notice's keyword; see ``choose_region``. ``removed[k]``: how many
    lines earlier cleaners took out right above line ``k``. ``matches``: the
    lines' phrase matches, to find a recipe card (``recipes.py``).
    """
    scores = line_scores(texts, stopwords, groups, rows)
    if not removed or max(removed) < REMOVED_MIN_LINES:
        return _with_recipe(texts, scores, choose_region(scores, anchor, entries, notice), matches)
    # The long removed stretches stand in the scores as one chrome line each;
    # positions are told to choose_region in that spaced sequence.
    scores, at = spaced(scores, removed, REMOVED_MIN_LINES, CHROME_PENALTY)
    line = {pos: k for k, pos in enumerate(at)}
    place = None if anchor is None else at[anchor] if anchor < len(at) else len(scores) + anchor - len(at)

    def spaced_entries(first: int, last: int) -> int:
        start, end = unspaced(at, first, last)
        return entries(start, end) if entries is not None and start <= end else 0

    def spaced_notice(i: int) -> bool:
        return notice is not None and i in line and notice(line[i])

    span = choose_region(scores, place, spaced_entries if entries else None, spaced_notice if notice else None)
    if matches is not None and matches.hits("recipe_method"):  # (only a recipe page pays for the lines)
        lines = [""] * len(scores)  # the removed stretches stand as blank lines
        for k, pos in enumerate(at):
            lines[pos] = texts[k]
        span = _with_recipe(lines, scores, span, matches)
    return unspaced(at, *span)


def _with_recipe(
    texts: list[str], scores: list[float], span: tuple[int, int], matches: LineMatches | None
) -> tuple[int, int]:
    """``span`` grown over a recipe card next to it (``recipes.py``)."""
    if matches is None or span[1] < span[0]:
        return span
    return with_card(*span, recipe_card(texts, scores, matches))


class BodyRegion(Cleaner):
    """Drop the lines of a text capture that lie outside the article body.

    Menus above (``Home`` / ``Traktoren`` / ``Kontakt``…), teaser lists and
    footers below, a comment thread after the article: all outside the
    densest run of prose, all dropped.
    """

    name = "region"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        blocks = ctx.blocks
        if ctx.capture != "text" or not blocks:
            return verdict
        stopwords = ctx.phrases.stopwords.get(ctx.language or "", frozenset())
        tail = comments_start(ctx)
        body = blocks if tail is None else tuple(b for b in blocks if b.index < tail)
        texts = [b.text for b in body]
        notices = ctx.keywords(*_NOTICE_LISTS)

        def entries(first: int, last: int) -> int:
            return sum(1 for t in texts[first:last + 1] if entry_marker(t, ctx.matches) == 2)

        def notice(i: int) -> bool:
            return notices is not None and notices.find(texts[i]) >= 0

        removed = self._removed(ctx, body)
        groups = [b.group for b in body]
        start, end = body_region(
            texts, stopwords, groups, self._anchor(ctx), entries, notice, [0, *removed], ctx.matches,
            frozenset(k for k, b in enumerate(body) if b.kind == "table"),
        )
        if end < start:  # no prose anywhere: leave the capture as it is
            return verdict
        # Built in one go: on most pages this drops a hundred lines or more.
        below = [b for b in blocks if b.index > body[end].index]
        # (tuple.__new__ with both fields: Drop(...) adds a Python call a line.)
        above = [_new(Drop, (b.index, _ABOVE)) for b in body[:start]]
        verdict.drops = above + [_new(Drop, (b.index, _BELOW)) for b in below]
        return verdict

    @staticmethod
    def _removed(ctx: Context, body: tuple[Block, ...]) -> list[int]:
        """How many lines the earlier cleaners removed between each two kept
        lines of ``body``; none where the stretch is the article's own table
        of contents ("Tabla de contenidos" and its entries, taken as a teaser
        box): the article goes on below it."""
        lines = ctx.document.blocks
        out = []
        for a, b in zip(body, body[1:]):
            n = b.index - a.index - 1
            first = lines[a.index + 1] if n >= REMOVED_MIN_LINES else None  # (blocks are numbered by position)
            if first is not None and first.index == a.index + 1 and ctx.matches.match("toc_headers", first.text):
                n = 0
            out.append(n)
        return out

    @staticmethod
    def _anchor(ctx: Context) -> int | None:
        """Where the headline stood, counted in kept lines (None if unknown)."""
        if not ctx.title:
            return None
        at = next((b.index for b in ctx.document.blocks if b.text == ctx.title), None)
        if at is None:
            return None
        return sum(1 for b in ctx.blocks if b.index < at)
