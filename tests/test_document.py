"""Text segmentation into blocks (scraper/document.py)."""

from __future__ import annotations

import unicodedata

from scraper.document import ZERO_WIDTH, Block, normalize_space, preformatted_parts, segment_text


def test_lines_groups_and_hard_wrapped_paragraphs():
    wrapped = "This paragraph was wrapped by a mail client at a fixed width of\nsixty characters or so, long ago"
    doc = segment_text(f"Title\nBy Jane Doe\n\n{wrapped}\n\n\nLast line.")
    assert [(b.index, b.text, b.group) for b in doc.blocks] == [
        (0, "Title", 0),
        (1, "By Jane Doe", 0),
        (2, wrapped.replace("\n", " "), 1),
        (3, "Last line.", 2),
    ]
    assert doc.capture == "text" and all(b.kind == "line" for b in doc.blocks)


def test_a_row_copied_from_a_table_is_a_table_block():
    # A browser puts tabs between a row's cells; a tab at a line's edge is white space.
    doc = segment_text("Line-ups\nDefenders\tNava, Rentería\t Fuentes, Zamudio\n\tHome\tAway\t\nAfter the table.")
    assert [(b.text, b.kind) for b in doc.blocks] == [
        ("Line-ups", "line"), ("Defenders Nava, Rentería Fuentes, Zamudio", "table"), ("Home Away", "table"),
        ("After the table.", "line"),
    ]


def test_long_headline_over_a_line_is_not_a_wrapped_paragraph():
    # A headline long enough to pass for a wrapped line, with commas and no
    # full stop, stays apart from the line below it. Wrapped groups of three
    # lines are still joined, and two lines when the second goes on with a
    # sentence (see the test above).
    head = "Wind, rain, snow and ice close roads across the north"
    doc = segment_text(f"{head}\nThe storm reached the coast on Sunday night and is moving inland.")
    assert [b.text for b in doc.blocks][0] == head and len(doc.blocks) == 2
    wrapped = ["Wind, rain, snow and ice closed many roads across the north on", "Sunday night, when the storm reached the coast and moved on", "inland."]
    assert [b.text for b in segment_text("\n".join(wrapped)).blocks] == [" ".join(wrapped)]


def test_text_is_normalised_as_line_by_line():
    # Whole-text normalisation must give what normalising each line gives:
    # odd spaces, combining marks after a line break, every kind of line break.
    text = "Cafe\u0301\u00a0 au\tlait \n\u0301x\r\ny\x0b \u200bz\u3000 \u2028q \u2005 r\u2029s\x85t  \n\n  u"
    expected = [normalize_space(unicodedata.normalize("NFC", raw).translate(ZERO_WIDTH)) for raw in text.splitlines()]
    assert [b.text for b in segment_text(text).blocks] == [line for line in expected if line]


def test_invisible_characters_leave_copied_text():
    # Text copied from a page keeps the markup's soft hyphens and zero-width
    # spaces: invisible on screen, they split words for search and matching.
    # The HTML path drops them too, so both captures of a page read alike.
    text = "Wäh\u00adrend Sie über den Markt schlen\u00addern\nwww.example.org/\u200bnews/\u200bindex\n\ufeffHallo\u2060Welt"
    assert [b.text for b in segment_text(text).blocks] == [
        "Während Sie über den Markt schlendern",
        "www.example.org/news/index",
        "HalloWelt",
    ]


def test_blocks_are_immutable_values():
    block = Block(0, "Share")
    assert block == Block(index=0, text="Share", kind="line", group=0, link_density=0.0)
    try:
        block.text = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a Block must not change")


MAIL = """Hi all,

I would like to propose that we deprecate the old buffer API in the next
release. It has been superseded by the new buffer protocol for two releases
now, and keeping both around costs us maintenance time.

Concretely, the following would change:

    PyObject_AsReadBuffer()   -> PyObject_GetBuffer()
    PyObject_AsWriteBuffer()  -> PyObject_GetBuffer()

Comments welcome. If nobody objects by the end of the month I will write
up a PEP with the details and a migration guide.

Cheers,
Jane"""


def test_a_preformatted_mail_becomes_paragraphs():
    # A list archive's <pre> holds a hard-wrapped mail, not code.
    assert preformatted_parts(MAIL) == [
        ("paragraph", "Hi all,"),
        ("paragraph", "I would like to propose that we deprecate the old buffer API in the next release. It has been "
                      "superseded by the new buffer protocol for two releases now, and keeping both around costs us "
                      "maintenance time."),
        ("paragraph", "Concretely, the following would change:"),
        ("code", "PyObject_AsReadBuffer()   -> PyObject_GetBuffer()\nPyObject_AsWriteBuffer()  -> PyObject_GetBuffer()"),
        ("paragraph", "Comments welcome. If nobody objects by the end of the month I will write up a PEP with the "
                      "details and a migration guide."),
        ("paragraph", "Cheers,"),
        ("paragraph", "Jane"),
    ]


def test_preformatted_code_stays_one_block():
    code = '''def tidy(lines):
    """Strip each line and drop the blank ones, keeping the order they came in."""
    stripped = (line.strip() for line in lines if line and not line.isspace())

    return [line for line in stripped if line]  # the empty ones are gone by now

print(tidy(["  a ", "", " b"]))'''
    assert preformatted_parts(code) == [("code", code)]
    # Wrapped prose in a comment block is a small share of the code around it.
    commented = "# This helper was written long ago by a colleague who has since left the\n# team for another project, and it still works.\n" + code
    assert preformatted_parts(commented) == [("code", commented)]
