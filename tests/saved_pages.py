"""Saved page files for the tests: a page as a browser saves it in one file."""

from __future__ import annotations

import quopri


def mhtml(html: str, boundary: str = "----MultipartBoundary--7d3Kq----") -> bytes:
    """A page as Chrome saves it as "Webpage, single file": quoted-printable HTML, then its resources."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return "\r\n".join([
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://news.example/2024/05/night-buses-return",
        "Subject: Night buses return",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"',
        "", "",
        f"--{boundary}",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://news.example/2024/05/night-buses-return",
        "", body,
        f"--{boundary}",
        "Content-Type: text/css",
        "Content-Location: cid:css-1@mhtml.blink",
        "", "body { margin: 0 }",
        f"--{boundary}--", "",
    ]).encode("ascii")
