"""Does a piece of text name the site? Its declared name or its host name.

A title's "| hejfish.com", a breadcrumb's first crumb "MDR.DE": compared
letters and digits only, case-blind, with the host name with or without its
top-level domain ("DW" for dw.com). Read by the metadata (a title's site
part) and by the breadcrumb cleaner (a trail's root).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A text ending in the host's name names the site from this many characters
# on ("Der Tagesspiegel" on tagesspiegel.de; "Welt" is too short to tell).
MIN_HOST_KEY = 5
_ALNUM = re.compile(r"[^\W_]+")
# Legal forms a declared name may carry that the title's site part leaves
# out ("Alder & Quay Arts Inc." declared, "— Alder & Quay Arts" in the title),
# letters only, lower case.
LEGAL_FORMS = ("inc", "ltd", "llc", "plc", "corp", "gmbh", "ag", "kg", "sarl", "sas", "srl", "spa", "bv", "nv", "oy", "pty")


def folded(text: str) -> str:
    """``text``'s letters and digits, lower case: "Jungle.World" reads "jungleworld"."""
    return "".join(_ALNUM.findall(text.lower()))


def host_of(url: str | None) -> str:
    """The URL's host name without "www." ("": none, or an address that does not parse)."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    except ValueError:  # "http://[::1/x": Invalid IPv6 URL
        return ""


def names_site(text: str, site_name: str | None, url: str | None, ending: bool = False) -> bool:
    """``text`` is the declared site name (with or without a legal form) or
    the host name, with or without its top-level domain; ``ending``: or ends in a host name of MIN_HOST_KEY
    characters or more (a breadcrumb's first crumb, "Der Tagesspiegel")."""
    key = folded(text)
    if not key:
        return False
    host = host_of(url)
    hosts = {folded(host), *(folded(x) for x in host.split(".")[:-1])} - {""}
    name = folded(site_name or "")
    if key == name or key in hosts or (name.startswith(key) and name[len(key):] in LEGAL_FORMS):
        return True
    return ending and any(len(h) >= MIN_HOST_KEY and key.endswith(h) for h in hosts)
