"""Mail: what a message carries besides its text, in list archives and copied mail.

A mailing-list archive page (Mailman's pipermail, hypermail) shows a message
as the mail client wrote it. Its signature stands under a delimiter line
of two dashes and a space (RFC 3676, 4.3): the sender's name again, a role,
a phone number. It is chrome of the message, no part of what it says. The
delimiter is no phrase of any language, so it is known by that shape.
"""

from __future__ import annotations

from .base import Cleaner, Context, Verdict
from .lines import is_prose

# What the delimiter line reads once white space is trimmed ("-- ").
SIGNATURE_DELIMITER = "--"
# A signature is a few lines (netiquette's limit is four); longer, or running
# into prose, what follows the dashes is text.
MAX_SIGNATURE_LINES = 4
# The message's text comes first: at least this many lines of prose above.
MIN_PROSE_ABOVE = 1


class MailSignature(Cleaner):
    """Drop a mail's signature: the ``--`` delimiter line and the lines under it.

    Removes ``--`` / ``Maren Holt`` / ``Tidewater maintainer`` below the
    message (the lines of the same paragraph group, at most four, no prose).
    """

    name = "mail_signature"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        blocks = ctx.blocks
        prose = 0
        for k, block in enumerate(blocks):
            if block.text != SIGNATURE_DELIMITER or prose < MIN_PROSE_ABOVE:
                prose += is_prose(block.text)
                continue
            lines = [b for b in blocks[k + 1 : k + 2 + MAX_SIGNATURE_LINES] if b.group == block.group]
            if lines and len(lines) <= MAX_SIGNATURE_LINES and not any(is_prose(b.text) for b in lines):
                verdict.drop(block, "mail signature delimiter")
                for line in lines:
                    verdict.drop(line, "mail signature")
                break  # one signature a message
        return verdict
