"""PhpDiagnostic: PHP warnings a misconfigured server prints into its pages (cleaners/server.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.base import Context
from cleaners.phrasebook import default_phrasebook
from cleaners.server import PhpDiagnostic
from scraper.document import Block, Document

import judging

ARTICLE = (
    "Es ist schon einige Zeit her, als Henry auf die Welt kam, und seitdem hat sich im Haus vieles verändert.\n\n"
    "Die ersten Wochen waren anstrengend, aber wir haben jeden Tag etwas Neues über ihn gelernt.\n\n"
)


def dropped(*lines: str) -> list[str]:
    return judging.judge(PhpDiagnostic(), lines)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Strict Standards: Only variables should be passed by reference in /www/htdocs/w00a2ebd/wp-includes/wp-db.php on line 785",
        "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /home/site/wp-content/themes/seelen/comments.php on line 12",
        "Deprecated: preg_replace(): The /e modifier is deprecated, use preg_replace_callback instead in /www/htdocs/w0094d70/wp-includes/formatting.php on line 83",
        "Notice: Undefined index: page in /var/www/html/index.php on line 7",
        "Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/wp-includes/plugin.php on line 170",
        "PHP Warning: Cannot modify header information in /srv/app/lib/session.inc on line 31.",
        "Warning: Invalid argument supplied for foreach() in /home/u/public_html/wp-content/plugins/x/x.php(12) : eval()'d code on line 4",
    ],
)
def test_php_diagnostics_are_dropped(line: str) -> None:
    assert dropped(line) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Warning: the bridge on line 4 of the tram network is closed until Monday.",
        "Notice: the meeting on line 12 of the agenda moves to the end.",
        "Open the file config.php on line 12 and change the database password there.",
        "Hinweis: Die Datei index.php on line 7 ist nur ein Beispiel.",
    ],
)
def test_prose_mentioning_lines_and_scripts_is_kept(line: str) -> None:
    assert dropped(line) == []


def test_a_block_of_warnings_goes_whole_and_a_mixed_block_stays() -> None:
    # An HTML paragraph keeps its <br>-separated lines in one block.
    warning = "Notice: Undefined index: page in /var/www/html/index.php on line 7"
    texts = [f"{warning}\n{warning}", f"{warning}\nThe council met on Tuesday."]
    doc = Document(tuple(Block(i, t, "paragraph") for i, t in enumerate(texts)), "html")
    verdict = PhpDiagnostic().judge(Context(doc, doc.blocks, default_phrasebook()))
    assert [d.index for d in verdict.drops] == [0]


def test_a_page_full_of_warnings_keeps_its_article() -> None:
    warnings = "\n".join(
        f"Strict Standards: Non-static method nggGallery::i18n() should not be called statically in "
        f"/www/htdocs/wp-content/plugins/nextgen-gallery/nggfunctions.php on line {n}"
        for n in range(300, 306)
    )
    article = scraper.clean_text(f"{warnings}\n\nHenry ist da\n\n{ARTICLE}{warnings}\n")
    assert article.paragraphs == tuple(p for p in ARTICLE.split("\n\n") if p)
    assert {r.cleaner for r in article.removed} == {"php_diagnostic"}
    assert sum(r.cleaner == "php_diagnostic" for r in article.removed) == 12
