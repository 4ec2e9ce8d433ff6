"""Bylines, datelines and reading time: chrome that carries metadata.

A byline line is cut at its separators (``|``, ``•``, ``·``, `` — ``) and
every part must be a known byline phrase (``bylines`` family: "by {author}",
"{minutes} min read", "updated {updated}", a bare date ...). The line is then
dropped and its parts harvested into ``authors``, ``published``, ``modified``,
``reading_time_minutes``, ``section`` and ``tags``: never silently lost.
Text copied from a page loses the markup between parts, so a part that is
no phrase is also tried as one run together: a byline and its date ("By
Luke Kemp 11 February 2020"), a byline and the author's role or contact
("By Nada Tawfik, BBC News, New York"), a dateline and its update
("Pubblicato il … Ultima modifica …"). Right under the headline a name
with no lead word beside a date ("Uta Helkenberg | 04.02.2022", "Tina
Klostermeier 15.12.2022") is the author: the page linked the name and
printed no "By". Dates are read by ``dates.py``.

Harvest must be right or absent, so where a line stands matters: a bare date
is the publication date only in the head, below the title and above the
second paragraph, or right over the title where no dateline follows it
(higher up it is the site header's "today", further down a teaser's or a
comment's date: dropped without harvest), and the tail
after the body (from a related-content or comment header on) is left to the
teaser and comment cleaners: its "By Jane Roe" names another article's author.

How one part of a line is read (a phrase, a date, a name and a date run
together) is in ``byline_parts.py``. Which byline lines name the article's
author (the one nearest the headline, not a teaser's "By …" in a menu; no
filter menu "By Cuisine") is in ``byline_page.py``; the author's bio box below the article in ``bios.py``.
"""

from __future__ import annotations

import re

from .base import Block, Cleaner, Context, Harvest, Verdict
from .byline_page import (
    BARE_NAME_BELOW_TITLE, BODY_MIN_PROSE, PART_SEPARATORS, declared_author_lines, filed_under, filter_menu,
    inline_teasers, name_after_lead, name_beside_dateline, stated_minutes, tail_start, teaser_signers,
)
from .byline_parts import (
    CONTACT_PART, CONTACT_TAIL, DATE_FIELDS, byline_part, dated_labels, filed_from, is_place, named_date, side_part,
)
from .credits import ends_with_credit
from .headlines import title_position
from .lines import DOTS, PROSE_MIN_WORDS, is_prose
from .names import bare_name, unglued
from .phrase import harvest_fields
from .phrasebook import MAX_CHROME_CHARS, LineMatches, first_word_key

# A dateline may stand this many lines above the headline (themes print the
# date over the title); further up a date is the site header's "today".
DATE_ABOVE_TITLE = 1
# A byline that names its author may stand this many lines above it.
SIGNED_ABOVE_TITLE = 3
# A theme may print all its meta over the headline (Wix: "Nov 12, 2026" /
# "4 min read" / "Updated: Nov 14, 2026" / headline): a run of byline lines
# ending right over it, at most this many, counts as a dateline right over it
# does (a header's "today" stands apart from the title). (A bare name over
# such a run is not taken: there it is as often a category, "Editors Pick".)
MAX_META_OVER_TITLE = 4
# A line that is no byline phrase as a whole can still be a byline only with
# a separator to cut at or a digit for a date or time: the rest is skipped.
_MAYBE_PARTS = re.compile(rf"[\d|{DOTS}—–/\n]")
# A short line with this share of its words numbers is dates and times run
# together, prose only by its abbreviations' dots ("27. november 2026 kl.
# 07.30 Opdateret 27. november 2026 kl. 11.05"); no sentence has so many.
NUMBERS_SHARE = 1 / 3
_NUMBER_WORD = re.compile(r"(?<!\S)\d")
# What a byline line's date parts fill: dates in the head's lines count
# (DATE_ABOVE_TITLE) only where no line below has one.
DATED = frozenset(DATE_FIELDS.values())


class Byline(Cleaner):
    """Drop byline/dateline/reading-time lines, harvesting what they say.

    Removes ``5 min read`` (reading_time_minutes 5),
    ``By Jane Doe | March 3, 2024`` (authors ["Jane Doe"], published 2024-03-03),
    ``Von Anna Schmidt`` and ``Tags: Klima, Energie`` (tags).
    """

    name = "byline"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        prose = 0  # a dek paragraph may sit above the dateline: head ends at the 2nd
        # Further above the title a bare date is the site header's "today", not the article's.
        top = title_position(ctx)
        matches = ctx.matches
        family = matches.family("bylines")
        bylines = matches.hits("bylines")
        menu = filter_menu(ctx.blocks, bylines)
        # A dateline right over the headline, or opening with a place: its dates count where no other line has one.
        over: list[Harvest] = []
        people: list[tuple[int, list[str]]] = []  # each byline line's authors, by block index
        dated: set[int] = set()  # block indices of the head's byline lines giving a date
        paragraphs = [is_prose(b.text) for b in ctx.blocks]
        tail = tail_start(ctx, paragraphs)
        teased = inline_teasers(ctx, paragraphs, top)  # a teaser's lines inside the body: its byline signs the teaser
        over_title = self._meta_over_title(ctx, top)
        for k, block in enumerate(ctx.blocks[:tail]):
            text = block.text
            if block.index in menu:
                verdict.drop(block, "filter menu of byline-shaped links (no author)")
                continue
            # A line a template matches whole is judged even when it reads like
            # prose ("This entry was posted in News. Bookmark the permalink.").
            sentence = paragraphs[k] and not (len(text) <= MAX_CHROME_CHARS and _numbers_run(text))
            glued = False  # "ByJ.R. Stone": its name was a link
            if len(text) <= MAX_CHROME_CHARS and not sentence and text not in bylines:
                spaced = unglued(text, family)
                glued = spaced != text and matches.match("bylines", spaced) is not None
                text = spaced if glued else text
            if len(text) <= MAX_CHROME_CHARS and (
                glued or text in bylines or (not sentence and _MAYBE_PARTS.search(text))
            ):
                head = prose < BODY_MIN_PROSE and (top is None or block.index >= top - DATE_ABOVE_TITLE
                                                    or block.index in over_title)
                head = head and not (k and _labels_next(ctx.blocks[k - 1].text, matches))
                right_over = top is not None and (top - DATE_ABOVE_TITLE <= block.index < top or block.index in over_title)
                named = top is not None and 0 < block.index - top <= BARE_NAME_BELOW_TITLE
                # (Above the headline, "FIT FOR FUN — 02.01.23 09:51" is a print header's "now";
                # in a table, "Designated | 14 March 1975" is a row of facts.)
                placed = head and (top is None or block.index > top) and block.kind != "table"
                found = Verdict()
                # Lines of one paragraph are parts; failing that, one run ("Von Roland
                # Brockmann und Sebastian Drescher" over the place it was filed from).
                runs = (text, text.replace("\n", " ")) if "\n" in text else (text,)
                judged = False
                near_over = top is not None and top - SIGNED_ABOVE_TITLE <= block.index < top
                if not head and prose < BODY_MIN_PROSE and near_over:
                    # A byline naming its author over the headline and a kicker ("Written by Tess
                    # Okafor November 27, 2026" / "Maintenance, Commuting" / headline): its date
                    # is the article's where no line below gives one.
                    judged = any(self._judge_line(block, run, matches, ctx.language, True, found) for run in runs)
                    if judged and found.has("authors"):
                        right_over = True
                    elif judged:
                        found, judged = Verdict(), False
                if judged or any(
                    self._judge_line(block, run, matches, ctx.language, head, found, named, placed, over)
                    for run in runs
                ):
                    verdict.drops += found.drops
                    if k in teased:  # ("Lesen Sie auch" / a headline / "von Jesse Coghlan")
                        found.harvest = [h for h in found.harvest if h.field != "authors"]
                    verdict.harvest += [h for h in found.harvest if not (right_over and h.field in DATED)]
                    over += [h for h in found.harvest if right_over and h.field in DATED]
                    people.append((block.index, [str(h.value) for h in found.harvest if h.field == "authors"]))
                    if head and any(h.field in DATED for h in found.harvest):
                        dated.add(block.index)
                    continue
            # The article's paragraphs, not a sidebar's above it, nor a photo's
            # caption ending in its credit ("… 1990-talet. Foto: Erik Sandberg").
            if sentence and (top is None or block.index > top) and prose < BODY_MIN_PROSE:
                prose += not ends_with_credit(text, matches)
        for block, match in filed_under(ctx.blocks[tail:], bylines):  # a post footer under the related posts
            if harvest_fields(match, verdict, ctx.phrases):
                verdict.drop(block, f"byline/dateline: section and tags ('{match.template}')")
        meta = ctx.document.meta
        dropped = {d.index for d in verdict.drops}
        for block in declared_author_lines(ctx.blocks, meta.authors + meta.marked_authors, ctx.phrases.roles, dropped):
            verdict.drop(block, "byline: names the author the page declares")
            dropped.add(block.index)
        unnamed = not any(names for _, names in people)
        if unnamed and (parted := name_after_lead(ctx.blocks, top, matches)):
            lines, names = parted
            for block in lines:
                verdict.drop(block, f"byline: authors={', '.join(names)} (the lead word and the names on lines of their own)")
            for name in names:
                verdict.take("authors", name)
        elif beside := name_beside_dateline(ctx.blocks, dated, top, matches):
            # (named elsewhere too, by "Written by …" under the article: the line goes, the name is known)
            known = {str(h.value) for h in verdict.harvest if h.field == "authors"}
            for block, name in beside:
                if unnamed or name in known:
                    co_authors = ", ".join(n for b, n in beside if b is block)
                    if block.index not in dropped:  # (co-authors on one line: one drop)
                        dropped.add(block.index)
                        verdict.drop(block, f"byline/dateline: authors={co_authors} (a name on its own line"
                                            " beside the dateline)")
                if unnamed:
                    verdict.take("authors", name)
        # A signature the page sets right under the article: the author where no byline named one.
        for block in _signatures(ctx, paragraphs):
            verdict.drop(block, "signature set right under the article")
            if not verdict.has("authors") and _signed_name(block.text, matches):
                verdict.take("authors", block.text)
        signed = teaser_signers(people, top)
        verdict.harvest = [h for h in verdict.harvest if h.field != "authors" or h.value not in signed]
        said = {h.field for h in verdict.harvest}
        verdict.harvest += [h for h in over if h.field not in said]
        if not verdict.has("reading_time_minutes"):
            verdict.take("reading_time_minutes", stated_minutes(ctx.document.marked.reading, ctx.phrases.family("bylines")))
        return verdict

    def _meta_over_title(self, ctx: Context, top: int | None) -> set[int]:
        """Block indices of the run of two or more byline lines ending right over the title (MAX_META_OVER_TITLE)."""
        if top is None:
            return set()
        by_index = {b.index: b for b in ctx.blocks[:top]}  # (a block stands at or before its index)
        run: set[int] = set()
        while len(run) < MAX_META_OVER_TITLE and (block := by_index.get(top - len(run) - 1)) is not None:
            if len(block.text) > MAX_CHROME_CHARS or not self._judge_line(block, block.text, ctx.matches, ctx.language,
                                                                            True, Verdict()):
                break
            run.add(block.index)
        return run if len(run) > 1 else set()

    def _judge_line(
        self, block: Block, text: str, matches: LineMatches, language: str | None, head: bool, verdict: Verdict,
        named: bool = False, placed: bool = False, weak: list[Harvest] | None = None,
    ) -> bool:
        """Drop ``block`` (reading ``text``) into ``verdict`` when it is a byline line (True).

        ``named``: the line stands right under the headline, where a bare name beside a date is the author.
        ``placed``: the line stands in the head below the headline, where a dateline may open with the place
        it was filed from ("Ciudad de México / 27.11.2026 22:40 hrs."); such a line's dates go to ``weak``
        (they count where no other line gives one: a print header's "FIT FOR FUN — 02.01.23 09:51" reads the same).
        """
        found = Verdict()
        parts = [p for p in PART_SEPARATORS.split(text) if p.strip()]
        # "Posted on … by … — Leave a comment": a comment link may ride along
        # on a byline line, never make one by itself. (Part by part: most
        # lines fail at their first part, and the rest is never matched.)
        real = False
        name = None  # "Arne Sjöström | 30. Dezember 2022": a bare name beside a date, in the head
        place = False  # "Ciudad de México / 27.11.2026 22:40 hrs.": where the story was filed, then its date
        for part in parts:
            if len(parts) > 1 and (matches.match("comments", part) or CONTACT_PART.fullmatch(part.strip())):
                continue
            # (The name first: a lenient date parser reads "Tina Klostermeier 15.12.2022" whole.)
            if (named and len(parts) == 1 and (named_date(part, matches, language, found)
                                                 or dated_labels(part, language, found))) or byline_part(
                part, matches, language, head, found
            ):
                real = True
                continue
            # (Not after a lead word's author: "By Dana Whitcomb | Staff Reporter" names her job.)
            if (named and name is None and not found.has("authors")
                    and bare_name(bare := CONTACT_TAIL.sub("", part).strip(), matches)):
                name = bare  # (with no address after it: "Maren Holt maren at holt.example")
                continue
            if filed_from(part, found):
                continue
            if len(parts) > 1 and side_part(part, matches, found):
                continue
            if placed and part is parts[0] and len(parts) > 1 and is_place(part):
                place = True
                continue
            return False
        if not real or place and not found.has("published"):
            return False
        if name is not None:
            if not found.has("published"):
                return False
            found.take("authors", name)
        if place and weak is not None:
            weak += [h for h in found.harvest if h.field in DATED]
            found.harvest = [h for h in found.harvest if h.field not in DATED]
        said = ", ".join(f"{h.field}={h.value}" for h in found.harvest) or "no metadata kept"
        verdict.drop(block, "byline/dateline: " + said)
        verdict.harvest.extend(found.harvest)
        return True


def _signatures(ctx: Context, paragraphs: list[bool]) -> list[Block]:
    """The lines the page sets right (``Marked.signatures``) below the
    article's first paragraph: "Nguyễn Minh Anh", "(jg)", "PM DJV/fh"."""
    signatures = ctx.document.marked.signatures
    if not signatures:
        return []
    first = next((k for k, prose in enumerate(paragraphs) if prose), len(paragraphs))
    return [b for b in ctx.blocks[first + 1 :] if b.text in signatures]


def _signed_name(text: str, matches: LineMatches) -> bool:
    """A signature that is a person's name, each word capitalised as names
    are ("Nguyễn Minh Anh"; not initials or an agency, "PM DJV/fh")."""
    return bare_name(text, matches) and all(w[1:].islower() for w in text.split() if w[:1].isupper())


def _labels_next(text: str, matches: LineMatches) -> bool:
    """A label over the line below ("Video verfügbar bis:", "Beginn:"): a date
    there is what the label says (an expiry, an event), no dateline. Not a
    dateline's own label ("Veröffentlicht:", "Published:"), nor a chrome
    phrase's colon ("Teilen:", "Anna sagt:")."""
    if not text.endswith(":") or matches.all(text):
        return False
    return first_word_key(text.split(None, 1)[0]) not in matches.family("bylines").first_words("{date}", "{updated}")


def _numbers_run(text: str) -> bool:
    """At least NUMBERS_SHARE of the words of ``text`` open with a digit (of
    PROSE_MIN_WORDS or more: not "6. 第21届金曲奖获奖名单（2010）", whose words are no words)."""
    words = text.count(" ") + 1  # (single spaces: a block's text is normalised)
    return words >= PROSE_MIN_WORDS and len(_NUMBER_WORD.findall(text)) >= NUMBERS_SHARE * words
