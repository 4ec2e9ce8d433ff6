"""Server noise: diagnostics a misconfigured site prints into its pages.

PHP prints its warnings into the HTML it serves when ``display_errors`` is
on, in one fixed English shape whatever the page's language: a level, a
message, the script's path and a line number. An old WordPress plugin can
print dozens of them above, inside and below the article. They are no
phrase of any language, so they are known by that shape, not by a table.
"""

from __future__ import annotations

import re

from .base import Cleaner, Context, Verdict

# "Warning: Use of undefined constant comments - assumed 'comments' in
# /www/htdocs/wp-content/themes/x/single.php on line 42": PHP's error levels
# (a "PHP " prefix when logged), the message, the script and its line.
PHP_DIAGNOSTIC = re.compile(
    r"^(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error|Parse error)\s*:"
    r".*\S\.(?:php\d?|inc|phtml)(?:\(\d+\) : eval\(\)'d code)? on line \d+\.?$"
)
# Cheap gate before the regex: every diagnostic names its line.
_MARK = " on line "


class PhpDiagnostic(Cleaner):
    """Drop PHP warnings and notices printed into the page.

    Removes ``Strict Standards: Only variables should be passed by reference
    in /www/htdocs/wp-includes/wp-db.php on line 785`` and ``Deprecated:
    preg_replace(): The /e modifier is deprecated in
    /www/htdocs/wp-includes/formatting.php on line 83``.
    """

    name = "php_diagnostic"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        for block in ctx.blocks:
            # (A block of several lines, one warning each, as HTML's <br>s leave them.)
            if _MARK in block.text and all(map(PHP_DIAGNOSTIC.match, block.text.split("\n"))):
                verdict.drop(block, "PHP diagnostic printed by the server")
        return verdict
