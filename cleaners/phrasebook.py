"""Phrase tables: per-language data files, compiled once into matchers.

Each ``phrases/<lang>.json`` holds ``stopwords`` and perhaps:

- ``dates``: month and weekday names, for ``dates.py``;
- ``roles``: words naming a journalist's job or employer ("reporter",
  "Redaktion", "news"), for bylines like "By Jane Doe, BBC News";
- ``placeholder_authors``: what a CMS prints where no author's name was
  entered ("unknown", "admin"), and the labels an author search picks up
  beside one ("Name", "Posted", "Autor", "Ort": no name starts with one);
- ``honorifics``: academic and courtesy titles before a name ("dr.",
  "prof.", "dott.ssa"), lower case: "Von Dr. Jana Reinholz" names Jana
  Reinholz;
- ``reply_prefixes``: what opens a reply's subject line in mail and forums
  ("re" of "Re: …", "aw" of "AW: …"), lower case, without the colon;
- ``keywords``: words that give a *sentence* away as chrome, found anywhere
  in it (``"newsletter*"``, a trailing ``*`` for any ending);
- ``families``: lists of line *templates* per cleaner family.

A template matches a whole chrome line after light normalisation (case,
quotes, edge punctuation, white space):

- plain words match themselves:            ``"view all comments"``
- ``{name}`` captures text for harvesting: ``"load more by {author}"``
- ``{count}`` / ``{minutes}`` capture a number: ``"{minutes} min read"``
- ``*`` matches anything (or nothing):      ``"subscribe to *"``

Tables of all languages are merged per family: pages mix languages in their
chrome (an English "Share" bar on a German article), and a line that is
exactly a chrome phrase is boilerplate whatever the page's language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from .dispatch import Dispatch, caseless, single_words
from .keywords import Keywords
from .lines import COUNT, DOTS

# Chrome lines are short; longer lines are prose and skip whole-line matching
# (also what keeps matching fast on long paragraphs).
MAX_CHROME_CHARS = 160
NUMERIC_FIELDS = frozenset({"count", "minutes"})

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_EDGE = " \t\"'-–—|›‹><:;#*()[]{}_=+~/\\.,!?¡¿…→←↑↓▶►▸◂◀❯❮✓✔✕×" + DOTS  # ¡¿: Spanish opens with them
_QUOTE_CHARS = re.compile("[%s]" % re.escape("".join(chr(c) for c in _QUOTES)))
NO_MATCHES: Mapping[str, PhraseMatch] = MappingProxyType({})
# Pictographs a prompt opens or ends with ("📲 Participe do canal …", "👉 Read more"),
# with the joiners and presentation selectors of emoji sequences.
_PICTOGRAPHS = "\u200d\ufe0e\ufe0f\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_PICTOGRAPH = re.compile(f"[{_PICTOGRAPHS}]")
_FIRST_PICTOGRAPH = _PICTOGRAPHS[0]  # (listed lowest first: a line whose edges lie below it has none there)
_LEADING_PICTOGRAPHS = re.compile(f"^[{_PICTOGRAPHS}\\s]+")
_TRAILING_PICTOGRAPHS = re.compile(f"[{_PICTOGRAPHS}\\s]+$")
_FIELD = re.compile(r"\{(\w+)\}|\*|\s+")
_LITERAL_OUT = re.compile(r"\{\w+\}|\*")


def fold(line: str) -> str:
    """Normalise a line for phrase matching; case is kept for harvesting."""
    # Shortcuts with the same result: NFKC leaves ASCII as it is, and
    # translate() is slow, so it runs only on lines with a quote to replace.
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
        if line[:1] >= _FIRST_PICTOGRAPH or line[-1:] >= _FIRST_PICTOGRAPH:  # (a comparison: most lines have none)
            line = _without_pictographs(line)
        if _QUOTE_CHARS.search(line):
            line = line.translate(_QUOTES)
    elif "`" in line:
        line = line.replace("`", "'")
    # A printable line holds no white space but " " (every other kind is a
    # control or separator character): with no run of spaces, the split and
    # join would only drop what the edge strip drops too.
    if "  " not in line and line.isprintable():
        return line.strip(_EDGE)
    return " ".join(line.split()).strip(_EDGE)  # split() splits where \s+ does


def _without_pictographs(line: str) -> str:
    """``line`` without pictographs at its edges (each end looked at first:
    a search for ``$`` would try every position of every line)."""
    if _PICTOGRAPH.match(line):
        line = _LEADING_PICTOGRAPHS.sub("", line)
    if line and _PICTOGRAPH.match(line, len(line) - 1):
        line = _TRAILING_PICTOGRAPHS.sub("", line)
    return line


def first_word_key(word: str) -> str:
    """``word`` as ``Family.first_words`` holds a template's first word (folded, lower case, no colon)."""
    return fold(word).lower().rstrip(":")


@dataclass(frozen=True)
class PhraseMatch:
    """A template matched a line: which template, and the captured fields."""

    family: str
    template: str
    fields: dict[str, str]


def literal_chars(template: str) -> int:
    """How many characters of ``template`` are literal (no field, no ``*``): the tables' order, most first."""
    return len(_LITERAL_OUT.sub("", template))


def _template_regex(template: str, key: int) -> str:
    # The empty group naming the template goes at the END: an alternative that
    # starts with a literal lets re's BRANCH skip it on the first character,
    # which keeps a family of hundreds of templates fast (8x on bylines).
    parts = [""]
    pos = 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        token = m.group(0)
        if m.group(1):
            name = m.group(1)
            # (a count may be rounded: "1.2k shares", "3M views")
            body = COUNT + r"\+?" if name in NUMERIC_FIELDS else r".+?"
            parts.append(f"(?P<{name}__{key}_{len(parts)}>{body})")
        elif token == "*":
            parts.append(r".*?")
        else:
            parts.append(r"\s*" if parts[-1].endswith(".*?") else r"\s+")
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    parts.append(f"(?P<_t{key}>)")
    return "".join(parts)


class Family:
    """All templates of one family, compiled into anchored regexes.

    One alternation per first letter of the templates: a line only tries the
    templates that can start like it. Templates that open with a field or
    ``*`` ("* says", "{minutes} min read") are grouped by their *last* letter
    instead, and only those that both open and close with one are tried on
    every line. With every language merged a family holds hundreds of
    templates, and Python's ``re`` tries each alternative in turn. Groups are
    tried in that order (first letter, last letter, open); within each, the
    tables' order decides (the first matching template wins).
    """

    def __init__(self, name: str, templates: list[str]) -> None:
        self.name = name
        self.templates = list(dict.fromkeys(t.strip().lower() for t in templates if t.strip()))
        by_initial: dict[str, list[int]] = {}
        by_final: dict[str, list[int]] = {}
        for k, t in enumerate(self.templates):
            if t[0] not in "*{":
                by_initial.setdefault(_initial(t), []).append(k)
            else:
                by_final.setdefault("" if t[-1] in "*}" else _final(t), []).append(k)
        # Each group is compiled the first time a line asks for it: a page
        # meets a few dozen of a family's groups, and compiling all of every
        # family's (~1,400 regexes) cost a one-page run most of a second.
        self._groups = {("^", key): keys for key, keys in by_initial.items()}
        self._groups.update({("$", key): keys for key, keys in by_final.items()})
        self._regexes: dict[tuple[str, str], re.Pattern[str]] = {}
        self._fields: dict[int, list[str]] = {}  # template -> its field groups
        self._words = single_words(self.templates)
        self._first: dict[tuple[str, ...], frozenset[str]] = {}
        self._before: dict[str, frozenset[str]] = {}

    def first_words(self, *fields: str) -> frozenset[str]:
        """The first words of the templates that open with a word ("by", "von",
        "share"), without a closing colon; with ``fields``, of those that hold
        one of them ("{updated}": "updated", "ultima", "aktualisiert"). A line
        no such word opens matches none of those templates. (Remembered: the
        byline cleaner asks on every line.)"""
        if fields not in self._first:
            opening = (t for t in self.templates if t[0] not in "*{" and (not fields or any(f in t for f in fields)))
            self._first[fields] = frozenset(t.split()[0].rstrip(":") for t in opening)
        return self._first[fields]

    def words_before(self, field: str) -> frozenset[str]:
        """The words that stand right before ``field`` in the templates
        ("by", "von", "par", "autor:" before "{author}")."""
        if field not in self._before:
            pairs = (zip(t.split(), t.split()[1:]) for t in self.templates if field in t)
            self._before[field] = frozenset(word for pair in pairs for word, after in pair if after == field)
        return self._before[field]

    def _regex(self, group: tuple[str, str]) -> re.Pattern[str] | None:
        """The compiled alternation of ``group`` (("^", initial) or ("$", final); ("$", "") for
        templates that open and close with a field), None if no template is in it.

        Built once; two threads asking at once build equal regexes and field lists.
        """
        regex = self._regexes.get(group)
        if regex is None and group in self._groups:
            keys = self._groups[group]
            regex = re.compile("^(?:%s)$" % "|".join(_template_regex(self.templates[k], k) for k in keys), re.I)
            fields: dict[int, list[str]] = {}
            for name in regex.groupindex:
                if "__" in name:
                    fields.setdefault(int(name.split("__")[1].split("_")[0]), []).append(name)
            self._fields.update(fields)  # (before the regex is shared: a match reads its fields)
            self._regexes[group] = regex
        return regex

    def match(self, line: str) -> PhraseMatch | None:
        if not self.templates or len(line) > MAX_CHROME_CHARS:
            return None
        text = fold(line)
        return self.match_folded(text) if text else None

    def matches_word(self, word: str) -> bool:
        """``match(word) is not None`` for one white-space-free token, by a set look-up
        when the family's templates allow (see ``dispatch.single_words``)."""
        if self._words is not None and word.isascii():
            # fold() and caseless() of an ASCII token, their work that changes it only.
            return (word.replace("`", "'") if "`" in word else word).strip(_EDGE).lower() in self._words
        text = fold(word)
        if self._words is None or " " in text:  # (NFKC can make a space)
            return self.match(word) is not None
        return caseless(text) in self._words

    def match_folded(self, text: str) -> PhraseMatch | None:
        """``match`` for a line already folded (non-empty, at most MAX_CHROME_CHARS long)."""
        # Inline lookups: this runs for every candidate family of a short line.
        # ([:1]: "İ" lower-cases to "i" and a combining dot; re.IGNORECASE equates it with "i".)
        regex = self._regex(("^", text[0].lower()[:1]))
        m = regex.match(text) if regex is not None else None
        if m is None:
            regex = self._regex(("$", text[-1].lower()[:1]))
            m = regex.match(text) if regex is not None else None
            if m is None and (regex := self._regex(("$", ""))) is not None:
                m = regex.match(text)
        if m is None:
            return None
        key = int(str(m.lastgroup)[2:])  # the template's marker group closes last
        # Only this template's field groups: groupdict() over all costs more than the match.
        fields = {g.split("__")[0]: m.group(g).strip() for g in self._fields.get(key, ()) if m.group(g) is not None}
        return PhraseMatch(self.name, self.templates[key], fields)


def _initial(text: str) -> str:
    """The first letter, lower case (templates are lower case, lines are not)."""
    return text[0].lower()


def _final(text: str) -> str:
    """The last letter, lower case."""
    return text[-1].lower()


class PhraseBook:
    """Every language's phrase tables, merged per family, plus stop words."""

    def __init__(self, tables: dict[str, dict]) -> None:
        self.languages = tuple(sorted(tables))
        self.stopwords = {lang: frozenset(t.get("stopwords", ())) for lang, t in tables.items()}
        self.any_stopword = frozenset().union(*self.stopwords.values())
        # Month and weekday names and the words around them, where a table has them (cleaners/dates.py).
        self.dates = {lang: t["dates"] for lang, t in tables.items() if "dates" in t}
        # Role and employer words of every language: a German page may credit "Reuters, Korrespondent".
        # (A sorted tuple: str.endswith takes a tuple of endings.)
        self.roles = tuple(sorted({word for t in tables.values() for word in t.get("roles", ())}))
        # What a byline says where no name was entered ("Publié par Unknown", "By admin").
        self.placeholder_authors = frozenset(w for t in tables.values() for w in t.get("placeholder_authors", ()))
        # Titles before a name ("Dr.", "Prof.", "Dott.ssa"), folded.
        self.honorifics = frozenset(w for t in tables.values() for w in t.get("honorifics", ()))
        # What a reply's subject line opens with ("Re:", "AW:"), folded.
        self.reply_prefixes = frozenset(w for t in tables.values() for w in t.get("reply_prefixes", ()))
        # Keyword lists per language; compiled per combination of lists and languages asked for.
        self._keyword_lists = {lang: t.get("keywords", {}) for lang, t in tables.items()}
        self._keywords: dict[tuple[tuple[str, ...], tuple[str, ...]], Keywords | None] = {}
        merged: dict[str, list[str]] = {}
        for _, table in sorted(tables.items()):
            for family, templates in table.get("families", {}).items():
                merged.setdefault(family, []).extend(templates)
        # The first template that matches wins: across languages too, the most
        # literal first ("publicado el {date} por {author}" before "publicado
        # {date}"), whatever order the tables were read in.
        self._families = {name: Family(name, sorted(templates, key=literal_chars, reverse=True))
                          for name, templates in merged.items()}
        self.names = frozenset(self._families)
        self._dispatch = Dispatch({name: f.templates for name, f in self._families.items()})

    def names_nobody(self, name: str) -> bool:
        """``name`` is what a CMS prints where no author was entered ("admin", "Unknown")."""
        return name.lower() in self.placeholder_authors

    def family(self, name: str) -> Family:
        try:
            return self._families[name]
        except KeyError:
            raise KeyError(f"no phrase family {name!r}; have {sorted(self._families)}") from None

    def match(self, family: str, line: str) -> PhraseMatch | None:
        return self.family(family).match(line)

    def keywords(self, *names: str, language: str | None = None) -> Keywords | None:
        """The compiled ``keywords`` lists ``names`` as one (None if no table
        has any): a line is lower-cased and searched once for all of them.

        With the page's ``language`` (one the tables know), only its lists
        and English ones: a keyword is a word of a *sentence*, and a page's
        sentences are in its language, or in English where a widget came
        untranslated. A French "mission" says nothing in an English
        paragraph, and every language's keywords in one scan cost each long
        line of every page. Without one, every language's lists.
        """
        languages = tuple(dict.fromkeys((language, "en"))) if language in self._keyword_lists else self.languages
        key = (names, languages)
        if key not in self._keywords:  # built once per combination (two threads at once build equal ones)
            listed = [word for lang in languages for name in names
                      for word in self._keyword_lists.get(lang, {}).get(name, ())]
            self._keywords[key] = Keywords(listed) if listed else None
        return self._keywords[key]

    def match_all(self, line: str) -> Mapping[str, PhraseMatch]:
        """Every family's match for ``line``, by family name (most lines: none).

        The same answers as ``match`` per family, for the cost of one
        dispatch: only the families whose templates could fit the line try.
        """
        return self.match_each([line])[0]

    def match_each(self, lines: Sequence[str]) -> list[Mapping[str, PhraseMatch]]:
        """``match_all`` of each of ``lines``, dispatched together (see ``Dispatch.candidates_each``)."""
        texts = [fold(line) if len(line) <= MAX_CHROME_CHARS else "" for line in lines]
        short = [text for text in texts if text]
        found: list[Mapping[str, PhraseMatch]] = []
        candidates = iter(self._dispatch.candidates_each(short))
        for text in texts:
            names = next(candidates) if text else None
            found.append(self._matches(text, names) if names else NO_MATCHES)  # most lines: no candidate
        return found

    def _matches(self, text: str, names: Iterable[str]) -> Mapping[str, PhraseMatch]:
        """The matches of the families ``names`` for a folded line."""
        found: dict[str, PhraseMatch] = {}
        for name in names:
            match = self._families[name].match_folded(text)
            if match is not None:
                found[name] = match
        return found or NO_MATCHES


class LineMatches:
    """One document's phrase matches: each distinct line folded and dispatched once.

    Every cleaner of a run asks about the same lines; they share one of these
    (``Context.matches``). ``match`` and ``all`` answer for any text (a line,
    or a part of one); ``hits`` lists a family's matches among ``lines``.
    """

    def __init__(self, phrases: PhraseBook, lines: Iterable[str] = ()) -> None:
        self.phrases = phrases
        self._families = phrases.names
        distinct = list(dict.fromkeys(lines))
        self._memo: dict[str, Mapping[str, PhraseMatch]] = dict(zip(distinct, phrases.match_each(distinct)))
        self._hits: dict[str, dict[str, PhraseMatch]] = {}
        self._parts: dict[tuple[str, str], PhraseMatch | None] = {}
        for line, found in self._memo.items():
            for family, match in found.items():
                self._hits.setdefault(family, {})[line] = match

    def all(self, text: str) -> Mapping[str, PhraseMatch]:
        """``PhraseBook.match_all``, remembered."""
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = self.phrases.match_all(text)
        return found

    def match(self, family: str, text: str) -> PhraseMatch | None:
        """``PhraseBook.match``, remembered."""
        found = self._memo.get(text)
        if found is not None:
            self._known(family)
            return found.get(family)
        # A part of a line (a byline's piece, a caption's credit) is asked
        # about for a family or two: those alone try, not every family's
        # dispatch (the same answer, in half the time).
        key = (family, text)
        if key not in self._parts:
            self._parts[key] = self.phrases.match(family, text)
        return self._parts[key]

    def family(self, name: str) -> Family:
        """``PhraseBook.family``: a LineMatches stands in for the book it reads."""
        return self.phrases.family(name)

    def hits(self, family: str) -> Mapping[str, PhraseMatch]:
        """Line text -> match, for the document's lines that ``family`` matches."""
        self._known(family)
        return self._hits.get(family, NO_MATCHES)

    def _known(self, family: str) -> None:
        if family not in self._families:
            self.phrases.family(family)  # raises: an unknown family is an error, not "no match"


@lru_cache(maxsize=1)
def default_phrasebook() -> PhraseBook:
    """The phrase tables shipped in ``cleaners/phrases`` (loaded once, read-only)."""
    folder = resources.files("cleaners").joinpath("phrases")
    tables = {
        entry.name[:-5]: json.loads(entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)  # (one order on every machine)
        if entry.name.endswith(".json")
    }
    return PhraseBook(tables)
