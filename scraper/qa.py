"""Question-and-answer pages: the question and its answers, as the page marks them.

A Q&A page (Stack Exchange's sites, and the many that follow schema.org's
``QAPage``) is read for the question *and* its answers, but its posts sit
in separate containers between vote buttons, user cards and comment
threads: a main-content extractor keeps one post (trafilatura: the question)
or a mix of posts and chrome. The page says which text is which in its
microdata: each post is an item of type ``Question`` or ``Answer`` whose
``itemprop="text"`` element holds the post's body. Those bodies, in page
order, are the article; everything else (votes, cards, comments, "Your
Answer" forms, sidebars) is left out by construction.
"""

from __future__ import annotations

from lxml import etree

from .document import Block
from .dom_blocks import dom_blocks
from .extract import as_blocks

# schema.org types of a Q&A page's posts (http or https, any prefix before the name).
POST_TYPES = ("/Question", "/Answer")
# A Q&A page needs a question and at least this many answers.
MIN_ANSWERS = 1


def qa_blocks(tree: etree._Element) -> tuple[Block, ...] | None:
    """The question's and the answers' bodies as blocks, in page order (None: no such page)."""
    posts = [e for e in tree.xpath("//*[@itemtype]") if e.get("itemtype", "").rstrip("/").endswith(POST_TYPES)]
    bodies = [(post, body) for post in posts if (body := _body(post)) is not None]
    kinds = [post.get("itemtype", "").rstrip("/").endswith("/Question") for post, _ in bodies]
    if not any(kinds) or len(kinds) - sum(kinds) < MIN_ANSWERS:
        return None
    out: list[Block] = []
    groups = 0
    for _, body in bodies:
        blocks = as_blocks(dom_blocks(body).blocks)
        # Each post's containers are numbered from 0: shifted past the posts before.
        out += [b._replace(index=len(out) + i, group=b.group + groups) for i, b in enumerate(blocks)]
        groups += 1 + max((b.group for b in blocks), default=0)
    return tuple(out) or None


def _body(post: etree._Element) -> etree._Element | None:
    """The post's own ``itemprop="text"`` element (not one of an item inside it)."""
    for elem in post.iterdescendants(etree.Element):
        if elem.get("itemprop") == "text" and _owner(elem) is post:
            return elem
    return None


def _owner(elem: etree._Element) -> etree._Element | None:
    """The nearest item (``itemscope``) above ``elem``."""
    return next((a for a in elem.iterancestors() if a.get("itemscope") is not None), None)
