"""Q&A pages: the question and its answers, by the page's schema.org microdata (scraper/qa.py)."""

from __future__ import annotations

import scraper
from scraper.html import parse_html
from scraper.qa import qa_blocks

PROSE = "with enough words in it to read as a real paragraph of a post on a question and answer site."


def _post(kind: str, prop: str, body: str, votes: int) -> str:
    return (
        f'<div itemprop="{prop}" itemscope itemtype="https://schema.org/{kind}">'
        f'<div class="votecell"><button>Up vote</button><div itemprop="upvoteCount">{votes}</div></div>'
        f'<div class="s-prose" itemprop="text">{body}</div>'
        '<div class="post-menu"><a>Share</a> <a>Improve this answer</a> <a>Follow</a></div>'
        f'<div class="user-info" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">user{votes}</span></div>'
        '<ul class="comments"><li>Thanks, that helped a lot! – someone 5 mins ago</li></ul><a>Add a comment</a>'
        "</div>"
    )


def _page(answers: int) -> str:
    question = _post("Question", "mainEntity", f"<p>The question itself, {PROSE}</p><pre><code>x = 1\nprint(x)</code></pre>", 3)
    posts = "".join(_post("Answer", "suggestedAnswer", f"<p>Answer {i}, {PROSE}</p>", 10 + i) for i in range(answers))
    return (
        '<html><head><title>python - Why is x one? - Stack Overflow</title></head><body itemscope itemtype="https://schema.org/QAPage">'
        '<header><a>Stack Overflow</a> <a>Log in</a></header><h1>Why is x one?</h1>'
        # (the answers are the question item's properties: inside it, as on Stack Exchange)
        f"<div id=\"mainbar\">{question[:-6]}<div id=\"answers\"><h2>{answers} Answers</h2>{posts}</div></div></div>"
        f'<div class="sidebar"><h4>Hot Network Questions</h4><ul><li><a>Another question {PROSE}</a></li></ul></div>'
        "</body></html>"
    )


def test_the_question_and_its_answers_are_the_article():
    article = scraper.clean_html(_page(answers=2))
    assert article.paragraphs == (f"The question itself, {PROSE}", "x = 1\nprint(x)", f"Answer 0, {PROSE}", f"Answer 1, {PROSE}")
    assert article.paragraph_kinds == ("paragraph", "code", "paragraph", "paragraph")


def test_the_fast_path_reads_them_too():
    assert scraper.clean_html(_page(answers=1), fast=True).paragraphs[-1] == f"Answer 0, {PROSE}"


def test_a_question_without_answers_is_left_to_the_extractors():
    tree = parse_html(_page(answers=0))
    assert tree is not None and qa_blocks(tree) is None
    assert qa_blocks(parse_html("<html><body><p>No microdata here.</p></body></html>")) is None


def test_each_post_keeps_containers_of_its_own():
    tree = parse_html(_page(answers=2))
    assert tree is not None
    blocks = qa_blocks(tree)
    assert blocks is not None and len({b.group for b in blocks[2:]}) == 2 and blocks[0].group not in {b.group for b in blocks[2:]}
