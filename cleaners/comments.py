"""Comment widgets: wpDiscuz, Disqus, WordPress native comment forms."""

from __future__ import annotations

from .phrase import PhraseCleaner


class CommentWidget(PhraseCleaner):
    """Drop the controls of a comment widget.

    Removes wpDiscuz's ``Notify of`` / ``guest`` / ``0 Comments`` / ``Oldest`` /
    ``Newest Most Voted`` / ``Inline Feedbacks`` / ``View all comments``, and
    ``Leave a Reply``, ``Your email address will not be published.``
    """

    name = "comments"
    family = "comments"
