"""Site template: the lines a site prints on page after page.

Given its other pages (a batch of captures from one site), a line that most
of them hold is the site's template, not this article's text: a menu, a
footer, a sidebar's "Most read" titles, the newsletter pitch or affiliate
disclosure a theme writes into every post. No phrase table needs to know
its words; the evidence is the repetition (``scraper/site_evidence.py``).
Without such evidence (one page, or a site seen too few times) it drops
nothing.
"""

from __future__ import annotations

from .base import Cleaner, Context, Verdict


class TemplateLine(Cleaner):
    """Drop the lines most pages of the site hold.

    Removes "Join 5,000 gardeners who get our weekly notes from the plot."
    when 9 of the 12 pages the batch read from the site hold it.
    """

    name = "site_template"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        template = ctx.document.site
        if template is None:
            return verdict
        for block in ctx.blocks:
            pages = template.holds(block.text)
            if pages:
                verdict.drop(block, f"on {pages} of {template.pages} pages read from {template.site}")
        return verdict
