"""Image credits: credit lines and captions that end in one.

``Photo: Reuters``, ``Image credit: NASA``, ``© AP`` stand alone; a caption
ends in one after a colon, a ``©``, a full stop or an abbreviation
(``Pickers at work near Valencia. Foto: Jane Roe/dpa``), or in an agency's
credit (``… Premio Nobel (REUTERS/Denis Balibouse)``). The title and byline
cleaners ask ``ends_with_credit`` too: a caption is no headline, and its
photographer no author.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from functools import lru_cache

from .base import Block, Context
from .lines import inner_sentence_ends
from .names import strict_name
from .phrase import MAX_WILDCARD_WORDS, PhraseCleaner, wildcard_words
from .phrasebook import Family, LineMatches, PhraseBook, PhraseMatch, first_word_key

# A caption is a sentence or two; its credit ("Foto: Jane Roe/dpa") a few
# words, opened by one or two ("Image credit:") before a colon.
MAX_CAPTION_CHARS = 400
# Words a caption after its label may run to ("Image caption, …": a credits template ending ", *").
LABELLED_CAPTION_WORDS = 40
# A credits template signing a caption after a dash or a slash ("* - riproduzione riservata", "*/dpa").
_SIGNED_TEMPLATE = re.compile(r"\* ?[-–—/]")
# A caption closed by an agency credit: "… Premio Nobel (REUTERS/Denis Balibouse)",
# "… en la Antártida. EFE", "… el pasado octubre.ANTONIO LÓPEZ". A paragraph
# ends at its full stop, not after it.
# Not "(m/w/d)", "(IEC/EN 62053-21)", "(128 kbit/s)", "(http://…)", "GmbH & Co. KG".
END_CREDIT = re.compile(
    r"\([^()\d:]{3,}[^\W\d]/[^\W\d][^()\d:]*\)$"  # "(REUTERS/Denis Balibouse)"
    r"|[a-zß-ÿ]{2}[.!?]\s+[A-Z]{2,}(?:/[A-Z]+)?$"  # ". AFP"
    # ".ANTONIO LÓPEZ": the photographer in capitals, glued to the caption's stop as El País prints it
    r"|[a-zß-ÿ]{2}[.!?][A-ZÀ-Þ]{2,}(?: [A-ZÀ-Þ]{2,}){1,3}$"
    # ". Paco Ortega (EL MERIDIANO)": the photographer, then the outlet in capitals
    r"|[a-zß-ÿ]{2}[.!?]\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}\([A-ZÀ-Þ][A-ZÀ-Þ0-9 .&'’-]+\)$"
)

# A photo's credit as a name, a slash and the outlet ("Daniel Okafor/Public Radio North");
# after a caption's last full stop, a comma too ("… since 2023. Jordan Pike, Ridgeline Courier").
_CREDIT_PARTS = r"^([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)+)%s[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}$"
_SLASH_CREDIT = re.compile(_CREDIT_PARTS % "/")
_SIGNED_CREDIT = re.compile(_CREDIT_PARTS % "(?:/|, )")
# A caption is a sentence: a short line ending so is a label ("2 gestr. TL").
MIN_CAPTION_WORDS = 6
MAX_CREDIT_WORDS = 10
# A caption signed "Name, Outlet" holds at most this many sentences before it.
COMMA_CREDIT_SENTENCES = 2
CREDIT_MARK_WORDS = 2


class ImageCredit(PhraseCleaner):
    """Drop image credit lines: ``Photo: Reuters``, ``Image credit: NASA``, ``© AP``,
    and captions ending in one: ``Pickers at work near Valencia. Foto: Jane Roe/dpa``."""

    name = "credits"
    family = "credits"

    def wildcard_limit(self, match: PhraseMatch) -> int:
        # A labelled caption ("Image caption, Some stations on the … line
        # would lose their last train …") or one signed at its end ("I mosaici
        # emersi nell'area del parcheggio di Castel Serrano - RIPRODUZIONE
        # RISERVATA", "… /dpa"): the label or the credit says what the line
        # is, however long the caption beside it.
        template = match.template
        signed = _SIGNED_TEMPLATE.match(template) is not None and not template.endswith("*")
        return LABELLED_CAPTION_WORDS if template.endswith(", *") or signed else self.max_wildcard_words

    def shaped(self, ctx: Context) -> Iterator[tuple[Block, str]]:
        # (As a caption writes them: " fot. ", " Fot. ", " FOT. ".)
        credits = ctx.matches.family("credits")
        marks = tuple(f" {f} " for w in abbreviations(credits) for f in (w, w.capitalize(), w.upper()))
        for block in ctx.blocks:
            text = block.text
            # (Inline: the mark test spares most lines a function call.)
            # (Not after "。": a Chinese caption signed "… 摄" is never the headline, but the
            # dev pages keep it with the article: "…留念。新华社记者 才扬 摄".)
            marked = (":" in text or "©" in text or "＝" in text or any(map(text.__contains__, marks))
                      or _credit_sentence(text, credits) is not None)
            if marked and ends_with_credit(text, ctx.matches):
                yield block, "caption ending in an image credit"
            elif (text.endswith(")") or text[-1:].isupper()) and is_agency_caption(text):
                yield block, "caption ending in an agency credit"


def _credit_sentence(text: str, credits: Family) -> int | None:
    """Where a short last sentence begins that may be a credit, after a full
    stop: one a credit template opens ("Foto di …", "(Picture by …"), or
    with a slash or a comma ("Jonah Reeve/Stockline", "Jordan Pike,
    Ridgeline Courier"). None: no such sentence; nor after an
    abbreviation's dot ("vs. Teamkollege …", "Dr. …")."""
    dot = text.rfind(". ")
    if dot < 0 or text.count(" ", dot + 2) >= MAX_CREDIT_WORDS:
        return None
    if len(text[text.rfind(" ", 0, dot) + 1 : dot]) < 3:
        return None
    tail = text[dot + 2 :]
    signed = "/" in tail or ", " in tail
    return dot + 2 if signed or first_word_key(tail.split(None, 1)[0]) in credits.first_words() else None


def _book(phrases: PhraseBook | LineMatches) -> PhraseBook:
    return phrases.phrases if isinstance(phrases, LineMatches) else phrases


def is_slash_credit(text: str, stopwords: Container[str], comma: bool = False) -> bool:
    """A photo's credit: a person's name, a slash, the outlet ("Daniel
    Okafor/Public Radio North"; not "The Fed/ECB Divergence Explained", whose
    capitalised words hold a stop word). With ``comma``, a comma may stand
    for the slash: a caption's last sentence ("Jordan Pike, Ridgeline
    Courier"), never a headline ("Joe Biden, Senate Leaders Meet")."""
    m = (_SIGNED_CREDIT if comma else _SLASH_CREDIT).match(text)
    if m is None or not strict_name(m.group(1)):
        return False
    return not any(w.lower() in stopwords for w in m.group(1).split())


def is_agency_caption(text: str) -> bool:
    """A caption closed by an agency credit: ``… Premio Nobel (REUTERS/Denis Balibouse)``."""
    return len(text) <= MAX_CAPTION_CHARS and len(text.split()) >= MIN_CAPTION_WORDS and END_CREDIT.search(text) is not None


def _word_starts_before(text: str, end: int, count: int) -> list[int]:
    """Where the last ``count`` space-separated words before ``end`` begin, nearest first."""
    starts = []
    for _ in range(count):
        end = text.rfind(" ", 0, end)
        starts.append(end + 1)
        if end < 0:
            break
    return starts


@lru_cache(maxsize=4)
def abbreviations(credits: Family) -> tuple[str, ...]:
    """The credit templates' first words that are abbreviations ("fot. *"):
    a credit may open at one with no colon ("… w sobotę rano fot. Tomasz Wrona/APN")."""
    return tuple(sorted(w for w in credits.first_words() if w.endswith(".")))


def ends_with_credit(text: str, phrases: PhraseBook | LineMatches) -> bool:
    """True for a caption whose last words are a credit line of the ``credits`` family.

    The credit opens at the last ``©``, at the word or two before the last
    colon (``Foto:``, ``Image credit:``), at an abbreviation a credit
    template opens with (``fot.``) or after the last full stop (``… sul
    torrente Vessano. Foto di Luca Neri``) or after a Japanese caption's
    ``＝``; some text must come before it.
    """
    if len(text) > MAX_CAPTION_CHARS:
        return False
    openings: list[int] = []
    cut = max(text.rfind(":"), text.rfind("©"))
    if cut > 0 and text.count(" ", cut) < MAX_CREDIT_WORDS:  # (else no mark, or a sentence after it)
        openings = [cut] if text[cut] == "©" else _word_starts_before(text, cut, CREDIT_MARK_WORDS)
    # A Japanese caption sets its credit apart with "＝" ("…（２６日）＝木下翔撮影", "…＝共同"),
    # a Chinese one after its last full stop ("…驶出西岸客运站。林晓蔓 摄").
    for mark in ("＝", "。"):
        at = text.rfind(mark)
        if 0 < at < len(text) - 1:
            openings.append(at + 1)
    stop = _credit_sentence(text, phrases.family("credits"))
    if stop is not None:
        # After a full stop a credit names its photographer ("… since 2024.
        # Jonah Reeve/Stockline", "… Vessano. Foto di Luca Neri"); a bare
        # agency there signs a news paragraph ("… skeptisch geäußert. (dpa)").
        tail = text[stop:]
        match = phrases.match("credits", tail)
        # (A comma for the slash only after a sentence or two, as a caption has: after
        # more, "… Ich melde mich dann. Viele Grüße, Christoph Langner" signs a letter.)
        comma = inner_sentence_ends(text) <= COMMA_CREDIT_SENTENCES
        if is_slash_credit(tail, _book(phrases).any_stopword, comma) or (
            match is not None and "*" in match.template and wildcard_words(match, tail) <= MAX_WILDCARD_WORDS
        ):
            return True
    lower = text.lower()
    for word in abbreviations(phrases.family("credits")):
        # (In brackets too: "Ciepłownia miejska (fot. Paweł Zając / Horyzont24)".)
        at = max(lower.rfind(f" {word} "), lower.rfind(f"({word} ")) + 1
        if at > 0 and text.count(" ", at) < MAX_CREDIT_WORDS:
            openings.append(at)
    for start in openings:
        tail = text[start:]
        if start > 0 and len(tail.split()) <= MAX_CREDIT_WORDS:
            match = phrases.match("credits", tail)
            if match is not None and wildcard_words(match, tail) <= MAX_WILDCARD_WORDS:
                return True
    return False
