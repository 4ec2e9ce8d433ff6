"""Where on a page a byline line names the article's author.

Byline-shaped lines also sign other things: each teaser of a "Latest" menu
("By Ross Barkan"), another article in a related-posts box after the body,
a filter of a recipe index ("By Cuisine"). ``bylines.py`` drops them all
but harvests only what these rules leave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from .base import Block, Context
from .lines import DIGIT, DOTS, ends_sentence, is_prose, is_symbols
from .names import CONJUNCTION, MAX_ROLE_WORDS, bare_name, field_authors, introduces, name_with_role, names_role
from .phrasebook import Family, LineMatches, PhraseMatch

# The body has begun once this many prose blocks were seen; a tail header
# (related content, comments) after that ends what bylines look at.
BODY_MIN_PROSE = 2
# A teaser header inside the body: this many prose blocks follow within
# this many lines of it (its teasers, then the article again).
INLINE_WINDOW = 5
# A name with no lead word beside a date ("Uta Helkenberg | 04.02.2022", or
# on a line of its own over or under the dateline) is a byline only this
# many lines below the headline; further down it is a teaser's or a tag line's.
BARE_NAME_BELOW_TITLE = 6
# Authors listed on lines of their own under a lead ("Authors"), each perhaps
# over a line with their job: at most this many, that line this many words.
MAX_LISTED_AUTHORS = 6
MAX_AFFILIATION_WORDS = 14
# A row above the headline that holds a bare name's words and this many
# more items is the site's menu, the "name" its categories.
MENU_EXTRA_ITEMS = 2
# A first word this short before two more leads a byline ("Av", "Por", "Di"): no name.
LEAD_WORD_CHARS = 3
# What parts a byline line (a line break too: an HTML byline's parts may
# stand on lines of one paragraph).
PART_SEPARATORS = re.compile(rf"\s+[|{DOTS}—–/]\s+|\s*[|{DOTS}\n]\s*")


def tail_start(ctx: Context, prose: list[bool]) -> int:
    """Position in ``ctx.blocks`` where the after-body tail begins (len if
    none); ``prose``: which blocks are prose (``is_prose``).

    A teaser header with the article going on right under its teasers
    ("Читайте также:" / a headline / two more paragraphs) stands inside the
    body and begins no tail; a comment header always does.
    """
    teasers, comments = ctx.matches.hits("teaser_headers"), ctx.matches.hits("comment_headers")
    if not teasers and not comments:  # no header on the page: no tail
        return len(ctx.blocks)
    seen = 0
    for i, block in enumerate(ctx.blocks):
        if prose[i]:
            seen += 1
        elif seen >= BODY_MIN_PROSE and (block.text in comments or (block.text in teasers and not _inline(i, prose))):
            return i
    return len(ctx.blocks)


def _inline(at: int, prose: list[bool]) -> bool:
    """The teaser header at ``at`` stands inside the body: prose follows its teasers."""
    return sum(prose[at + 1 : at + 1 + INLINE_WINDOW]) >= BODY_MIN_PROSE


def inline_teasers(ctx: Context, prose: list[bool], top: int | None) -> set[int]:
    """Positions of the lines under a teaser header inside the body (below
    the headline at block index ``top``), up to the article's next paragraph
    (INLINE_WINDOW lines at most): a teaser's headline, its byline, its date."""
    teasers = ctx.matches.hits("teaser_headers")
    found: set[int] = set()
    if not teasers or top is None:
        return found
    for i, block in enumerate(ctx.blocks):
        if block.index > top and block.text in teasers and _inline(i, prose):
            k = i + 1
            while k < min(len(prose), i + 1 + INLINE_WINDOW) and not prose[k]:
                found.add(k)
                k += 1
    return found


def teaser_signers(people: list[tuple[int, list[str]]], top: int | None) -> set[str]:
    """Names on byline lines other than the one nearest the headline (the
    first, where none is known): they sign teasers in a menu or a sidebar
    ("By Ross Barkan" under each headline of a "Latest" list), not the article."""
    named = [(index, names) for index, names in people if names]
    if len(named) < 2:
        return set()
    nearest = named[0] if top is None else min(named, key=lambda line: (abs(line[0] - top), line[0] < top))
    return {name for _, names in named for name in names} - set(nearest[1])


def filter_menu(blocks: tuple[Block, ...], bylines: Mapping[str, PhraseMatch]) -> set[int]:
    """"By Method" / "By Product" / "By Cuisine": neighbouring lines that each
    name a different single word after a byline phrase are a menu of filters,
    not authors (the same name twice is one author's list of posts)."""
    words = [_one_word_author(bylines.get(b.text)) for b in blocks]
    return {
        b.index for i, b in enumerate(blocks)
        if words[i] and any(0 <= j < len(blocks) and words[j] not in (None, words[i]) for j in (i - 1, i + 1))
    }


def _one_word_author(match: PhraseMatch | None) -> str | None:
    """The author a match names when that is all it names, in one word."""
    if match is None or list(match.fields) != ["author"] or len(match.fields["author"].split()) != 1:
        return None
    return match.fields["author"].lower()


def name_beside_dateline(
    blocks: tuple[Block, ...], dated: set[int], top: int | None, matches: LineMatches
) -> list[tuple[Block, str]]:
    """A bare name on a line of its own right over or under a dated byline
    line (block indices ``dated``) below the headline, and the author it
    names. In ``City to expand night buses`` / ``March 4, 2026`` / ``Tom
    Reed`` / ``3 min read`` it is "Tom Reed" (a theme printing name and date
    apart, copied as text); in ``Helen Pidd North of England editor`` over
    the date, "Helen Pidd" (a name and the person's job). A role alone
    ("Forum Moderator") is none, nor a row of buttons ("Social Share"), nor a
    byline whose lead word no table knows ("Av Anna Lindqvist": a short first
    word before two more is a lead word more often than a name). Co-authors
    set out the same way stand on the lines right over it (``Helen Marlowe,
    Senior Lecturer in Rural Health, University of Northvale`` / ``Tomas
    Okafor, Research Fellow, …`` / ``Published: …``). Empty: no such name."""
    if top is None or not dated:
        return []
    leads = _author_leads(matches)
    dated = {b.index for b in blocks if b.index in dated and not _signed(b.text, leads)}
    if not dated:
        return []
    roles = matches.phrases.roles
    for i, block in enumerate(blocks):
        if not 0 < block.index - top <= BARE_NAME_BELOW_TITLE or block.index in dated:
            continue  # (most lines: the loop does no more for them)
        if not _beside_dated(blocks, i, dated, matches):
            continue
        if i and sectioned(blocks[i - 1].text, block.text, matches):  # ("Published in" / "Quiet Compiler")
            continue
        # (A name in capitals, as El País prints it, "MARTA RUIZ GARCÍA", read in title case.)
        text = block.text.title() if block.text.isupper() else block.text
        if (bare_name(text, matches) and not names_role(text, roles) and not _led(text)
                and not any(matches.all(word) for word in text.split()) and not _menu_items(text, blocks, top)):
            return [(block, text)]
        people = _co_named(text, matches)  # "Maya Okafor and Dev Ramaswamy"
        if people:
            return [(block, name) for name in people]
        named = name_with_role(text, matches)
        if named is not None:
            found = [(block, named)]
            while i > 0 and blocks[i - 1].index > top and (named := name_with_role(blocks[i - 1].text, matches)):
                i -= 1
                found.insert(0, (blocks[i], named))
            return found
    return []


def sectioned(label: str, text: str, matches: LineMatches) -> bool:
    """``text`` is the section or publication its line above leads in
    ("Published in" / "Quiet Compiler", Medium's): no author's name."""
    match = matches.match("bylines", f"{label} {text}")
    return match is not None and "section" in match.fields


def _co_named(text: str, matches: LineMatches) -> list[str]:
    """The names of a line that is two or more bare names joined by a
    conjunction or a comma ("Maya Okafor and Dev Ramaswamy"); else none."""
    if not CONJUNCTION.search(text) and "," not in text:
        return []
    people = field_authors(text, matches.phrases) or []
    return people if len(people) > 1 and all(bare_name(p, matches) for p in people) else []


def _beside_dated(blocks: tuple[Block, ...], i: int, dated: set[int], matches: LineMatches) -> bool:
    """``blocks[i]`` stands over or under a dated line (block indices ``dated``),
    with only the byline's other bits between: separators, buttons, a reading
    time (``Priya Venkataraman`` / ``·`` / ``Follow`` / ``8 min read`` / ``·`` /
    ``Mar 4, 2026``, a blog platform's byline copied as text), or the line
    saying who the person is (``Priya Nandakumar is a housing researcher``)."""
    name = blocks[i].text
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and blocks[j].index not in dated and (
            _byline_bit(blocks[j].text, matches) or introduces(blocks[j].text, name)
        ):
            j += step
        if 0 <= j < len(blocks) and blocks[j].index in dated:
            return True
    return False


def _byline_bit(text: str, matches: LineMatches) -> bool:
    """A separator, a button or a byline phrase that names nobody ("8 min read")."""
    if is_symbols(text) or matches.match("share", text) is not None:
        return True
    match = matches.match("bylines", text)
    return match is not None and "author" not in match.fields


def _menu_items(text: str, blocks: tuple[Block, ...], top: int) -> bool:
    """Each word of ``text`` is an item of a longer row above the headline
    (block index ``top``): the post's categories, as the site's menu lists
    them ("料理 暮らし" under the headline, "ホーム 料理 暮らし おでかけ" above it),
    not a name. (Names of a script without case pass ``bare_name``'s test of
    capitals: this is what tells them apart.)"""
    words = text.split()
    rows = (b.text.split() for b in blocks if b.index < top and not DIGIT.search(b.text))  # (a dateline is no menu)
    return any(len(row) >= len(words) + MENU_EXTRA_ITEMS and all(w in row for w in words) for row in rows)


def name_after_lead(
    blocks: tuple[Block, ...], top: int | None, matches: LineMatches
) -> tuple[list[Block], list[str]] | None:
    """A byline's lead word alone on a line, the name alone on the next, right
    under the headline: a block theme prints "by" and the author as blocks of
    their own (WordPress's Twenty Twenty-Four: "—" / "by" / "Marta Ellison" /
    "in" / "Travel"); co-authors follow on the lines after a conjunction
    ("By" / "David Brand" / "and" / "Ramsey Khalifeh"), or each under the
    job of the one before ("Authors" / "Amara Osei" / "Senior Lecturer in
    Urban Climate, University of Eastbridge" / "Rhys Calloway" / …). The
    lines and the names."""
    if top is None:
        return None
    leads = _author_leads(matches)
    for i, lead in enumerate(blocks[:-1]):
        if not (0 < lead.index - top <= BARE_NAME_BELOW_TITLE and _is_lead(lead.text, leads, matches)):
            continue
        if not bare_name(blocks[i + 1].text, matches):
            continue
        lines, names, k = [lead, blocks[i + 1]], [blocks[i + 1].text], i + 2
        while k < len(blocks) and len(names) < MAX_LISTED_AUTHORS:
            named = k + 1 < len(blocks) and bare_name(blocks[k + 1].text, matches)
            if CONJUNCTION.fullmatch(blocks[k].text.strip().lower()) and named:
                lines += blocks[k : k + 2]
            elif _affiliation(blocks[k].text, matches):  # the job of the author above, then perhaps the next
                lines.append(blocks[k])
                if not named:
                    break
                lines.append(blocks[k + 1])
            else:
                break
            names.append(blocks[k + 1].text)
            k += 2
        return lines, names
    return None


def _is_lead(text: str, leads: frozenset[str], matches: LineMatches) -> bool:
    """A line that is a byline's lead word alone: "by", "Von", "Authors" (a
    template's "authors:"); or its lead words ("Written by": a template "written by {author}")."""
    low = text.strip().lower()
    if low in leads or low + ":" in leads:
        return True
    words = low.split()
    return 1 < len(words) <= 3 and words[-1] in leads and f"{low} {{author}}" in matches.family("bylines").templates


def _affiliation(text: str, matches: LineMatches) -> bool:
    """A line of its own saying what an author listed above it does: "Senior
    Lecturer in Urban Climate, University of Eastbridge", "Reporter": a
    role, or capitalised pieces after a comma, short, no sentence."""
    words = text.split()
    return (
        0 < len(words) <= MAX_AFFILIATION_WORDS and text[:1].isupper() and not ends_sentence(text)
        and (names_role(text, matches.phrases.roles) or ", " in text) and not bare_name(text, matches)
    )


def _author_leads(matches: LineMatches) -> frozenset[str]:
    """The words a byline template puts right before its author ("by", "von", "par")."""
    return matches.family("bylines").words_before("{author}")


def _signed(text: str, leads: frozenset[str]) -> bool:
    """A dated line with an author slot of its own: a lead word before a word
    with no digit. "Publiziert am 13. Januar 2014 von uriebe" says who wrote
    the post even where the name rules reject a handle; the line beside it
    is no author (there: the post's title, "Liebe Menschen Europas")."""
    words = text.lower().split()
    return any(w in leads and any(c.isalpha() for c in w) and not any(c.isdigit() for c in after)
               for w, after in zip(words, words[1:]))


def _led(text: str) -> bool:
    """A short word leads two or more others: "Av Anna Lindqvist", "Por Ana Souza"."""
    words = text.split()
    return len(words) > 2 and len(words[0]) <= LEAD_WORD_CHARS


def stated_minutes(chrome: tuple[str, ...], family: Family) -> int | None:
    """The reading time stated by page chrome outside the body ("• 6 min read")."""
    for line in chrome:
        for part in PART_SEPARATORS.split(line):
            match = family.match(part) if part.strip() else None
            if match is not None and "minutes" in match.fields:
                minutes = int(re.sub(r"\D", "", match.fields["minutes"]) or 0)
                if minutes:
                    return minutes
    return None


def declared_author_lines(
    blocks: tuple[Block, ...], authors: Iterable[str], roles: tuple[str, ...], dropped: set[int]
) -> list[Block]:
    """Lines above the body that hold nothing but an author the page declares
    (in its metadata or an author-classed element), maybe with a role run on:
    "Sarah CollinsTransport correspondent" where an HTML byline's name and
    role stood in two elements. A name of one word is left alone (a handle)."""
    names = [a for a in dict.fromkeys(authors) if len(a.split()) > 1]
    found: list[Block] = []
    prose = 0
    for block in blocks if names else ():
        if is_prose(block.text):
            prose += 1
            if prose >= BODY_MIN_PROSE:
                break
        elif block.index not in dropped and any(_names_only(block.text.strip(), name, roles) for name in names):
            found.append(block)
    return found


def _names_only(text: str, name: str, roles: tuple[str, ...]) -> bool:
    """``text`` is ``name``, or ``name`` and a role of a few words."""
    if not text.startswith(name):
        return False
    rest = text[len(name):].strip(" ,|-–—" + DOTS)
    return not rest or (len(rest.split()) <= MAX_ROLE_WORDS and names_role(rest, roles))


def filed_under(blocks: Iterable[Block], bylines: Mapping[str, PhraseMatch]) -> Iterator[tuple[Block, PhraseMatch]]:
    """Lines after the article's tail began (a related-posts box, comments)
    that file the post under a section and tags at once: "Posted in Desserts
    Tagged crumble, ginger" (a theme's post footer, printed under the
    related posts). A date or a name there is a teaser's; a line naming both
    a section and tags is the post's own."""
    for block in blocks:
        match = bylines.get(block.text)
        if match is not None and set(match.fields) == {"section", "tag"}:
            yield block, match
