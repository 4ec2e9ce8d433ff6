"""One part of a byline line: a byline phrase, a date, a time, or such run together.

``bylines.py`` cuts a line at its separators (``|``, ``•``, `` — ``); each
part is read here. A part is a ``bylines`` template ("by {author}", "{minutes}
min read", "updated {updated}"), a bare date or clock time; or, copied from
a page that had markup where the separators were, several of them run
together: "By Luke Kemp 11 February 2020", "Tina Klostermeier 15.12.2022",
"By Nada Tawfik, BBC News, New York", "Pubblicato il … Ultima modifica …".
What a part says goes into a ``Verdict``'s harvest; a part that says
nothing a byline says is no part (False).
"""

from __future__ import annotations

import re

from .base import Verdict
from .dates import is_day_word, is_month_name, is_numeric_date, is_time_only, parse_date, stated_day
from .lines import DIGIT
from .names import NAME_PARTICLES, bare_name, has_case_join, looks_like_label, names_role, strict_name
from .phrase import DATE_FIELDS, harvest_fields, wildcard_words
from .phrasebook import Family, LineMatches, PhraseMatch, first_word_key

# A contact address beside a byline's name ("jane.doe@paper.example",
# "E-Mail: jdoe@…", a list archive's "maren at holt.example", a handle
# "@janedoe"): no part of the name, and as a part of its own no byline, but
# no reason to doubt one.
_CONTACT = r"\(?(?:e-?mail:?\s*)?(?:[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}|@[\w.]+)\)?"
CONTACT_PART = re.compile(_CONTACT, re.I)
CONTACT_TAIL = re.compile(r"[\s,;]+" + _CONTACT + "$", re.I)
# A reading time is a few words: "3 Min. Lesezeit", "Tiempo de lectura: 5 minutos".
MAX_MINUTES_WORDS = 5
# Templates that are chrome only as WordPress prints them, lower case
# ("in Politics, World"); capitalised they open a heading or a sentence.
LOWER_CASE_ONLY = frozenset({"in {section}"})
# After a byline's name, what it says of the author is no field of its own:
# a role, employer or place after a comma ("By Nada Tawfik, BBC News, New
# York": at most this many comma pieces), or an e-mail address or handle.
MAX_ROLE_PIECES = 3
# A "*" in a byline template stands for a unit or a time ("3 Tagen", "10h15").
MAX_WILDCARD_WORDS = 2
# A dateline's lead word glued onto a name ("… Buckstegge Veröffentlicht am …")
# is cut off when it is at least this long (not "am", "by", "le").
LEAD_MIN_CHARS = 5
# Below the head, "Termin: 29.02.2020", "Deadline: 3 May 2024": a labelled
# date no byline template knows is a fact of the article (an event, a
# deadline), and "ab 1. Januar 2024 gilt der neue Satz." a sentence around a
# date. In the head the same shape is the dateline ("Publiziert: 03.04.2020").
_LABELLED_DATE = re.compile(r"^\s*[^\W\d][^\d:]*:\s*\d|[^\W\d]{4,}\.\s*$")


def byline_part(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """One part of a byline line is a byline phrase, a date or a time; or, run
    together with no separator, a byline phrase followed by such parts."""
    return (
        byline_phrase(part, matches, language, head, found)
        or _run_together(part, matches, language, head, found)
        or _with_tail(part, matches, language, head, found)
        or _with_second(part, matches, language, head, found)
        or _with_comment_count(part, matches, language, head, found)
    )


def _with_comment_count(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """"25.11.2026, 14:20 Uhr Lesezeit: 5 Min. 23 Kommentare": a byline part,
    then the comment count a theme prints beside it with no separator."""
    words = part.split()
    if len(words) < 3 or not words[-2][:1].isdigit() or matches.match("comments", " ".join(words[-2:])) is None:
        return False
    return byline_part(" ".join(words[:-2]), matches, language, head, found)


def _run_together(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """"By Luke Kemp 11 February 2020", "Von Jule Radeck Vom 3. Februar 2022":
    a copied byline whose separators were markup. Cut before a number (or the
    word before it, a month or "Vom"): the words up to the cut must be a byline
    phrase, the rest a date, a time or a reading time (itself cut once more:
    "Feb 8, 2020 5 min read")."""
    words = part.split()
    if len(words) < 3 or not DIGIT.search(part):
        return False
    # The left part opens a template: most lines fail here, before any date is parsed.
    if not words[0][:1].isdigit() and first_word_key(words[0]) not in matches.family("bylines").first_words():
        return False
    numbers = _number_cuts(words, language)
    # "By Tom Francis published 9 August 2012": a phrase of its own
    # ("published {date}") may start before the number; at its own word, not
    # at a field ("Morland and Tomás Elridge November 25, 2026 Updated 4:10
    # p.m." read as "{date} updated {updated}" would cut a name in two).
    phrases = [c for c in range(2, min(numbers, default=0))
               if (m := matches.match("bylines", " ".join(words[c:]))) and not m.template.startswith("{")]
    for cut in phrases + numbers:
        left = " ".join(words[:cut]).rstrip(",;")
        if matches.match("bylines", left) is None:
            continue
        trial = Verdict()
        if (
            byline_phrase(left, matches, language, head, trial)
            and all(strict_name(h.value) for h in trial.harvest if h.field == "authors")
            and _rest(words[cut:], matches, language, head, trial)
        ):
            found.harvest.extend(trial.harvest)
            return True
    return False


def named_date(part: str, matches: LineMatches, language: str | None, found: Verdict) -> bool:
    """"Tina Klostermeier 15.12.2022", "1. Februar 2022 , Daniel Dillenburg":
    a bare name and a date run together or after a comma."""
    if has_case_join(part):  # "Shana Nys DambrotNovember 6, 2023": where the name ends is lost
        return False
    words = part.split()
    pieces = [p.strip() for p in part.split(",")]
    cuts = _number_cuts(words, language)
    trials = [(" ".join(words[:cut]).rstrip(",;"), " ".join(words[cut:])) for cut in cuts]
    if len(pieces) == 2:
        trials += [(pieces[0], pieces[1]), (pieces[1], pieces[0])]
    for name, rest in trials:
        if not bare_name(name, matches):
            continue
        trial = Verdict()
        if byline_phrase(rest, matches, language, True, trial) and trial.has("published"):
            found.harvest.extend(trial.harvest)
            found.take("authors", name)
            return True
    return False


def dated_labels(part: str, language: str | None, found: Verdict) -> bool:
    """A numeric date and the post's categories run together, as a news
    extension lists them under the headline ("27.11.2026 Fußball Erste
    Mannschaft, Kreisliga A", TYPO3's): the date is the article's. Further
    down the same shape is a teaser's ("24.11.2026 Jahreshauptversammlung
    2027: Einladung …"), which the caller does not ask about."""
    date, _, labels = part.strip().partition(" ")
    if not labels or DIGIT.search(labels) or not is_numeric_date(date):
        return False
    published = parse_date(date, language)
    if published is None or not all(looks_like_label(label.strip()) for label in labels.split(",")):
        return False
    found.take("published", published)
    return True


def _with_tail(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """"By Owen Pritchard, Local Democracy Reporter", "Por Mariano Martín
    mmartin@example.com": a byline phrase, then what it says of the author
    (``_untailed``). The author must be name-shaped and two words at least:
    a footer's "by WordPress, E-Mail" is no byline."""
    left = _untailed(part, matches.phrases.roles)
    if left is None:
        return False
    trial = Verdict()
    if not byline_phrase(left, matches, language, head, trial):
        return False
    names = [str(h.value) for h in trial.harvest if h.field == "authors"]
    if not names or not all(strict_name(n) and len(n.split()) >= 2 for n in names):
        return False
    found.harvest.extend(trial.harvest)
    return True


def _with_second(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """"Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
    "07.03.2026 11:20 Aktualizacja: 07.03.2026 12:05", "Publicado el 14 de
    febrero de 2026 por María Ruiz Tiempo de lectura: 5 minutos", "Stand:
    27.11.2026, 09:14 Uhr 3 Min. Lesezeit": a byline part and an update or a
    reading time run together. Cut where an update or reading-time phrase
    opens (``Family.first_words``), or at a number opening a reading time;
    before must be a byline part, after that phrase."""
    words = part.split()
    bylines = matches.family("bylines")
    leads = bylines.first_words("{updated}", "{minutes}")
    # (As first_word_key reads a plain word, without folding it.)
    cuts = (
        k for k in range(1, len(words))
        if words[k].lstrip("(").lower().rstrip(":") in leads
        or (words[k][:1].isdigit() and len(words) - k <= MAX_MINUTES_WORDS and _minutes(words[k:], matches))
    )
    for cut in cuts:
        trial = Verdict()
        left, right = " ".join(words[:cut]).rstrip(" ,;.("), " ".join(words[cut:]).lstrip("(").rstrip(" )")
        if byline_part(left, matches, language, head, trial) and byline_phrase(right, matches, language, head, trial):
            found.harvest.extend(trial.harvest)
            return True
    return False


def _minutes(words: list[str], matches: LineMatches) -> bool:
    """``words`` state a reading time ("3 Min. Lesezeit", "5 min read")."""
    match = matches.match("bylines", " ".join(words))
    return match is not None and "minutes" in match.fields


def _rest(words: list[str], matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """The words after a byline phrase: a date and then one part, or one part
    (in that order: the lenient date parser reads "Feb 8, 2020 5 min read" whole).
    The last part may be the comment count a theme prints beside the date
    ("Por Nerea Salvatierra 14 noviembre, 2026 3 comentarios")."""
    # Cut before a number, or before a word that opens a byline template
    # ("Vandaag, 08:15 Leestijd: 3 min": a time, then a reading time).
    openers = matches.family("bylines").first_words()
    for cut in (k for k in range(1, len(words)) if words[k][:1].isdigit() or first_word_key(words[k]) in openers):
        trial = Verdict()
        left, right = " ".join(words[:cut]).rstrip(",;"), " ".join(words[cut:])
        if byline_phrase(left, matches, language, head, trial) and (
            byline_phrase(right, matches, language, head, trial) or matches.match("comments", right) is not None
        ):
            found.harvest.extend(trial.harvest)
            return True
    return byline_phrase(" ".join(words), matches, language, head, found)


def byline_phrase(part: str, matches: LineMatches, language: str | None, head: bool, found: Verdict) -> bool:
    """``part`` is one ``bylines`` template ("by {author}", "updated {updated}"),
    or a bare date or clock time; what it says goes into ``found`` (dates only
    in the ``head``: further down a date is a teaser's or an event's)."""
    match = matches.match("bylines", part)
    if match is not None and match.template in LOWER_CASE_ONLY and not part.lstrip()[:1].islower():
        match = None  # "In Aktion", "In 10 Schritten zum …": a heading, not a category link
    if match is not None and wildcard_words(match, part) > MAX_WILDCARD_WORDS:
        match = None  # "vor {count} *" is "vor 3 Tagen", not "Vor 100 Jahren wurde die Stadt …"
    if match is not None and "author" in match.fields and part.rstrip().endswith(":"):
        return False  # "By Cuisine:", "By the numbers:": a label over what follows, no byline
    if match is not None and "author" in match.fields and DATE_FIELDS.keys() & match.fields.keys():
        match = _lead_cut(match, matches.family("bylines"))
    if match is None:
        if not DIGIT.search(part):  # dates and clock times have digits; most lines none
            return False
        if not head and _LABELLED_DATE.search(part):
            return False
        date = parse_date(part.strip(), language) if len(part) < 60 else None
        if date and head and stated_day(part, date):
            found.take("published", date)
        # "12.03.2024 – 14:32": the time beside a date is chrome with it.
        # Below the head, a word before the time ("Contest 12:00 Uhr")
        # makes it an entry of a programme the article gives.
        return date is not None or (is_time_only(part) and (head or part.lstrip()[:1].isdigit()))
    for name, target in DATE_FIELDS.items():
        if name in match.fields:
            raw = match.fields[name]  # matches are shared (cached): read, never pop
            date = parse_date(raw, language)
            if date is None and not is_time_only(raw):
                match = _co_authors(match) or _name_run_on(match, part)
                if match is None:
                    return False
                continue
            found.take(target, date if date and stated_day(raw, date) else None)  # a time alone is chrome, but no date
    return harvest_fields(match, found, matches.phrases)


def side_part(part: str, matches: LineMatches, found: Verdict) -> bool:
    """A part a byline line carries beside its date and name, never a line by
    itself (the ``byline_parts`` tables): Hugo's "January 27, 2026 · 5 min ·
    1012 words · Tomasz Wierzbicki | Suggest Changes". A lone "4 min" is an
    audio player's length as often as a reading time."""
    match = matches.match("byline_parts", part)
    return match is not None and harvest_fields(match, found, matches.phrases)


def filed_from(part: str, found: Verdict) -> bool:
    """A part of a byline line after the one naming the author is the place
    it was filed from, the author's desk, or the post's categories: "Por
    Camila Antunes — São Paulo", "By Jane Roe | Berlin", "Von Lena Vogt |
    19. November 2026 | Allgemein, Tipps | 0 Kommentare" (Divi's). Labels'
    shape, no digits; not harvested."""
    return found.has("authors") and all(map(is_place, part.split(",")))


def is_place(part: str) -> bool:
    """A place's or a desk's shape: a short label, no digits ("São Paulo",
    "Ciudad de México" of "Ciudad de México / 27.11.2026 22:40 hrs.")."""
    return looks_like_label(part.strip()) and not DIGIT.search(part)


def _co_authors(match: PhraseMatch) -> PhraseMatch | None:
    """"By Jane Doe, Tom Reed" matched "by {author}, {date}": a closing date
    field with no digit is more authors, or the first author's place or
    employer (``harvest_fields`` judges which), after a name of two words at
    least; None when it is no such case."""
    if not match.template.endswith("{author}, {date}"):
        return None
    author, raw = match.fields["author"], match.fields["date"]
    if DIGIT.search(raw) or len(author.split()) < 2 or not strict_name(author):  # "By WordPress, News Theme"
        return None
    fields = {k: v for k, v in match.fields.items() if k != "date"}
    fields["author"] = f"{author}, {raw}"
    return PhraseMatch(match.family, match.template, fields)


def _name_run_on(match: PhraseMatch, part: str) -> PhraseMatch | None:
    """"Par Julien Le Goff" matched "par {author} le {date}": where the word
    joining author and date is a name particle ("le", "de", "van") and the
    date has no digit, it is the rest of the name. The match as the lead
    word's template with all the words after it, if they are a name; None
    when it is no such case."""
    head, _, rest = match.template.partition("{author}")
    lead, joining = head.split(), rest.split()[:1]
    if len(lead) != 1 or "{" in head or not joining or joining[0] not in NAME_PARTICLES:
        return None
    if DIGIT.search(" ".join(v for k, v in match.fields.items() if k != "author")):
        return None
    author = " ".join(part.split()[1:])
    return PhraseMatch(match.family, f"{lead[0]} {{author}}", {"author": author}) if strict_name(author) else None


def _lead_cut(match: PhraseMatch, bylines: Family) -> PhraseMatch:
    """"von Diane Buckstegge Veröffentlicht am 1. Mai 2019" matched "von
    {author} am {date}": a word that opens a dateline template (at least
    LEAD_MIN_CHARS long: "veröffentlicht", "posted", not "am" or "by") ends no name."""
    words = match.fields["author"].split()
    leads = bylines.first_words("{date}", "{updated}")
    if len(words) < 2 or len(words[-1]) < LEAD_MIN_CHARS or words[-1].lower() not in leads:
        return match
    return PhraseMatch(match.family, match.template, {**match.fields, "author": " ".join(words[:-1])})


def _untailed(part: str, roles: tuple[str, ...]) -> str | None:
    """``part`` without its trailing e-mail address or handle, or without the
    comma pieces after the name when the first names a role or an employer
    (``roles`` in the phrase tables: "Reporter", "BBC News", "Korrespondentin
    in Rom") and all are short labels; None when it has no such tail."""
    if "@" not in part and " at " not in part and ", " not in part:  # most lines: no tail
        return None
    contact = CONTACT_TAIL.search(part)
    if contact is not None and len(part[: contact.start()].split()) >= 2:
        return part[: contact.start()]
    left, comma, rest = part.partition(", ")
    pieces = [p.strip() for p in rest.split(",")]
    if not comma or len(pieces) > MAX_ROLE_PIECES or not names_role(pieces[0], roles):
        return None
    return left if all(looks_like_label(p, capitalised=False) for p in pieces) else None


def _number_cuts(words: list[str], language: str | None) -> list[int]:
    """Where a run-together byline may be cut, before the first number: there,
    or a word earlier when that word is part of the date ("Feb 8, 2020": the
    date does not parse without it; "Vom 3. Februar": a short lead word after
    a name of two words or more; "Vandaag, 08:15": a day's word and a comma)."""
    at = next((k for k in range(1, len(words)) if words[k][:1].isdigit()), None)
    if at is None:
        return []
    before = words[at - 1]
    rest = " ".join(words[at:])
    month = (
        at >= 3 and is_month_name(before) and parse_date(" ".join(words[at - 1:]), language) is not None
        and parse_date(rest, language) is None
    )
    lead = at >= 4 and len(before) <= 3 and before.isalpha()
    day = at >= 3 and is_day_word(before)  # "Vandaag, 08:15", "Today, 10:15"
    return [at - 1, at] if month or lead or day else [at]
