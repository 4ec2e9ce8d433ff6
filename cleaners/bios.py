"""Author bio boxes below the article: chrome about the author.

Removes the "About Jane Roe" / "Jane is our science editor ..." box, and a
lone "Jane Roe is a senior writer covering energy." or "Hej! Ich bin
Christoph, Angler und Autor dieses Artikels." in the tail of the kept text.
A bio harvests nothing (a bio's name is not always the byline's); it
is told by where it stands and by role words (``bio`` keywords per language),
or by a header naming no one ("About the author", "Autoreninfo"), which
announces a bio wherever it stands.
"""

from __future__ import annotations

from collections.abc import Mapping

from .base import Cleaner, Context, Verdict
from .keywords import Keywords
from .lines import is_prose
from .names import looks_like_name
from .phrasebook import PhraseMatch

# The article has begun: this many prose lines stand above a bio.
BIO_MIN_PROSE_ABOVE = 3
# A bio is in the tail: at most this many prose lines follow it (a second
# bio, a licence note, a teaser's excerpt, the site's self-description).
BIO_MAX_PROSE_BELOW = 2
# A bio under a name header opens with a few sentences: it has this many words.
BIO_MIN_WORDS = 8
# A bio sentence without a header is a paragraph, not a chapter.
BIO_MAX_WORDS = 80
# The role ("editor", "Redakteurin") is named early: within this many words
# of a headed bio, of a "Jane Roe is a ..." sentence.
BIO_ROLE_WORDS = 25
BIO_SENTENCE_ROLE_WORDS = 12
# A first-person introduction starts the bio: "Hi, I'm Kathrin".
BIO_SELF_CHARS = 16
# "Ich bin Steffi,": the intro and a name, this many words up to the comma.
BIO_INTRO_WORDS = 5
# A name header is a person's name: two or three capitalised words.
BIO_NAME_WORDS = (2, 3)


def _name_header(text: str, stopwords: frozenset[str]) -> bool:
    """Two or three capitalised words, none a stop word ("Zum Hintergrund" is no name)."""
    words = text.split()
    return (
        BIO_NAME_WORDS[0] <= len(words) <= BIO_NAME_WORDS[1]
        and all(w[:1].isupper() and w.casefold() not in stopwords for w in words)
        and looks_like_name(text)
    )


def _announced(header: str, headers: Mapping[str, PhraseMatch], bio: str) -> bool:
    """``header`` is a bio header naming no one ("About the author", "Autoreninfo")
    over a paragraph: a bio box wherever it stands ("About Jane" may head a section)."""
    match = headers.get(header)
    return match is not None and not match.fields and len(bio.split()) >= BIO_MIN_WORDS


class AuthorBio(Cleaner):
    """Drop the author's bio box below the article.

    Removes ``About Jane Roe`` / ``Jane is our science editor. Before joining
    the paper she ...``, ``Jane Roe`` / ``Ich bin Jane, Redakteurin für ...``
    and a lone ``Jane Roe is a senior writer covering energy.`` when they
    stand in the tail of the kept text (after the article's prose, at most
    ``BIO_MAX_PROSE_BELOW`` prose lines below). Runs last, on what the others
    kept (on text captures after the region cleaner; on HTML, on
    trafilatura's body). A
    name heading a section of the article, with the story going on below, stays.
    """

    name = "author_bio"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        roles, intro, copula = (ctx.keywords(n) for n in ("bio", "bio_self", "bio_copula"))
        if roles is None or intro is None or copula is None:
            return verdict
        blocks = ctx.blocks
        prose = [is_prose(b.text) for b in blocks]
        headers = ctx.matches.hits("bio_headers")
        stopwords = ctx.phrases.stopwords.get(ctx.language or "", frozenset())
        # Names over paragraphs more than once: the article is a list of
        # people ("Billy Porter" / "The Tony winner ..."), no name nor
        # "Billy Porter is an actor and author ..." is a bio box.
        named = [
            not prose[k] and prose[k + 1] and _name_header(blocks[k].text.strip(), stopwords)
            for k in range(len(blocks) - 1)
        ]
        names = sum(named) <= 1
        above, below = 0, sum(prose)
        taken = -1  # the bio under a header, already dropped
        for k, block in enumerate(blocks):
            below -= prose[k]
            if above >= BIO_MIN_PROSE_ABOVE and k > taken:
                # (A bio may end in a book's title, with no full stop: read it as prose.)
                sentence = prose[k] or block.text.count(" ") >= BIO_MIN_WORDS
                if names and sentence and below <= BIO_MAX_PROSE_BELOW and (
                    self._bio_sentence(block.text, roles, copula) or _self_introduction(block.text, intro)
                ):
                    verdict.drop(block, "author bio")
                elif not prose[k] and k + 1 < len(blocks) and below - prose[k + 1] <= BIO_MAX_PROSE_BELOW:
                    bio = blocks[k + 1].text
                    known = stopwords if names else None
                    if len(bio.split()) >= BIO_MIN_WORDS and self._headed(block.text, bio, headers, (roles, intro, copula), known):
                        verdict.drop(block, "author bio header")
                        verdict.drop(blocks[k + 1], "author bio")
                        taken = k + 1
            elif k > taken and k + 1 < len(blocks) and _announced(block.text, headers, blocks[k + 1].text):
                # "Autoreninfo" / "Moritz Gathmann leitet das Ressort ...": the
                # header says what follows, wherever it stands.
                verdict.drop(block, "author bio header")
                verdict.drop(blocks[k + 1], "author bio")
                taken = k + 1
            above += prose[k]
        return verdict

    @staticmethod
    def _headed(
        header: str,
        bio: str,
        headers: Mapping[str, PhraseMatch],
        cues: tuple[Keywords, Keywords, Keywords],
        stopwords: frozenset[str] | None,
    ) -> bool:
        """``header`` / ``bio`` is a bio box: "About the author", or a name over
        a role or an "I'm ..." (names only when ``stopwords`` is given)."""
        match = headers.get(header)
        if match is not None:
            author = match.fields.get("author")
            return author is None or looks_like_name(author)
        if stopwords is None or not _name_header(header.strip(), stopwords):
            return False
        # "Inga Buller" / "Inga Buller ist Head of Social bei ..." or "Inga ist
        # ...": the box names its author twice, whatever the role is called.
        roles, intro, copula = cues
        first = bio.split(None, 2)
        if bio.startswith(header.strip() + " ") or (
            len(first) > 2 and first[0] == header.split()[0] and copula.fullmatch(first[1])
        ):
            return True
        if roles.find(" ".join(bio.split()[:BIO_ROLE_WORDS])) >= 0:
            return True
        return _intro_at(bio, intro) >= 0

    @staticmethod
    def _bio_sentence(text: str, roles: Keywords, copula: Keywords) -> bool:
        """"Jane Roe is a senior writer ...": a name, "is", a role early on."""
        words = text.split()
        if len(words) > BIO_MAX_WORDS:
            return False
        for n in range(1, BIO_NAME_WORDS[1] + 1):  # "Jake is", "Jane Roe is", "Jane M. Roe is"
            if n < len(words) and copula.fullmatch(words[n]):
                name = " ".join(words[:n])
                return (
                    all(w[:1].isupper() for w in words[:n])
                    and looks_like_name(name)
                    and roles.find(" ".join(words[:BIO_SENTENCE_ROLE_WORDS])) >= 0
                )
        return False


def _self_introduction(text: str, intro: Keywords) -> bool:
    """"Ich bin Steffi, bekennende Tiernärrin ...", "Hej! Ich bin Christoph,
    Angler und Autor dieses Artikels": the author introduces themself by
    name at the start of a short paragraph (the intro, a capitalised name, a comma)."""
    if len(text.split()) > BIO_MAX_WORDS:
        return False
    at = _intro_at(text, intro)
    if at < 0:
        return False
    head, comma, _ = text[at:].partition(",")
    words = head.split()
    return bool(comma) and len(words) <= BIO_INTRO_WORDS and words[-1][:1].isupper()


def _intro_at(text: str, intro: Keywords) -> int:
    """Where a first-person introduction ("I'm", "Ich bin") opens ``text``,
    within its first BIO_SELF_CHARS characters ("Hi, I'm Kathrin"); -1 if none."""
    at = intro.find(text[:BIO_SELF_CHARS + 12])  # (a few characters more: the intro's words whole)
    return at if 0 <= at <= BIO_SELF_CHARS else -1
