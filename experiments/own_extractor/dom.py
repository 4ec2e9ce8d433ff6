"""Prototype: raw DOM -> blocks with features."""
import re, math, unicodedata
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\ufeff\u2060\u200b"), None)

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option",
                  "button", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map", "math"})
BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3",
                   "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td",
                   "th", "tbody", "thead", "figure", "figcaption", "hr", "address", "center", "details", "summary",
                   "form", "fieldset", "body", "caption", "menu", "legend", "label"})
STRUCT = ("nav", "footer", "header", "aside", "form", "figure", "a", "table", "li", "article", "main", "blockquote")
CATS = [re.compile(p, re.I) for p in (
    r"comment|disqus|respond|reply|discussion",
    r"related|recommend|popular|trending|more-|read-?next|also|teaser|similar|latest|most-",
    r"share|social|sharing|follow",
    r"nav|menu|breadcrumb|pagination|pager|skip",
    r"foot|copyright|legal|colophon",
    r"\bads?\b|advert|sponsor|promo|banner|outbrain|taboola|dfp|gpt",
    r"meta|byline|author|date|time|tags?\b|categor|info",
    r"sidebar|widget|aside|rail",
    r"caption|credit|figure|media|image|photo|gallery",
    r"newsletter|subscri|signup|cookie|consent|modal|popup|overlay|paywall",
    r"head|title|masthead|hero|top",
    r"article|content|entry|post|story|body|text|main|blog|prose|rich|single")]
NEG = re.compile(r"nav|menu|foot|sidebar|widget|related|comment|share|social|sharing|\bad|ads\b|advert|promo|banner|"
                 r"cookie|consent|newsletter|subscri|breadcrumb|\btags?\b|author|byline|caption|popular|recommend|"
                 r"trending|login|modal|popup|hidden|meta|date|teaser|more|next|prev|pagination|toolbar|masthead|"
                 r"header|sponsor|outbrain|taboola|print|rating|badge|disclaimer|copyright", re.I)
POS = re.compile(r"article|content|entry|post|story|body|text|main|blog|prose|rich|page-content|single", re.I)
KIND = {"p": 0, "h1": 1, "h2": 2, "h3": 2, "h4": 2, "h5": 2, "h6": 2, "li": 3, "td": 4, "th": 4, "pre": 5,
        "blockquote": 6, "dt": 7, "dd": 7, "figcaption": 8}
SPACE = re.compile(r"\s+")


class Blk:
    __slots__ = ("text", "links", "tag", "stack", "owner", "lines")


def segment(body):
    blocks = []
    buf = []
    links = [0]
    stack = []  # (elem, tag, neg, pos)

    def flush(owner, tag):
        raw = "".join(buf)
        buf.clear()
        if not raw.strip():
            links[0] = 0
            return
        raw = unicodedata.normalize("NFC", raw).translate(INVISIBLE)
        lines = [SPACE.sub(" ", x).strip() for x in raw.split("\n")]
        lines = [x for x in lines if x]
        if not lines:
            links[0] = 0
            return
        b = Blk()
        b.text = " ".join(lines)
        b.lines = lines
        b.links = links[0]
        b.tag = tag
        b.stack = tuple(stack)
        b.owner = owner
        blocks.append(b)
        links[0] = 0

    def walk(el, in_link):
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP:
            return
        if tag == "br":
            buf.append("\n")
            return
        block = tag in BLOCK
        if block:
            flush(stack[-1][0] if stack else None, stack[-1][1] if stack else "body")
            cls = (el.get("class") or "") + " " + (el.get("id") or "")
            m = 0
            if el.get("hidden") is not None or "none" in (el.get("style") or ""):
                m |= 1 << 12
            if cls.strip():
                for k, rx in enumerate(CATS):
                    if rx.search(cls):
                        m |= 1 << k
            stack.append((el, tag, bool(NEG.search(cls)), bool(POS.search(cls)), m))
        link = in_link or tag == "a"
        if el.text:
            buf.append(el.text)
            if link:
                links[0] += len(el.text.strip())
        for child in el:
            walk(child, link)
            if child.tail:
                buf.append(child.tail)
                if link:
                    links[0] += len(child.tail.strip())
        if block:
            flush(el, tag)
            stack.pop()

    walk(body, False)
    return blocks


def best_container(blocks):
    score = {}
    for b in blocks:
        n = len(b.text)
        if n < 25 or b.links > 0.5 * n:
            continue
        s = 1 + b.text.count(",") + min(n // 100, 3)
        anc = [e for e, t, *_ in b.stack if t not in ("td", "tr", "tbody", "table")][::-1]
        if anc:
            score[anc[0]] = score.get(anc[0], 0) + s
        if len(anc) > 1:
            score[anc[1]] = score.get(anc[1], 0) + s / 2
    if not score:
        return None, 0
    best = max(score, key=score.get)
    return best, score[best]


def features(blocks, title=None):
    best, bscore = best_container(blocks)
    inb = [any(e is best for e, *_ in b.stack) for b in blocks]
    idx_in = [i for i, x in enumerate(inb) if x]
    first = idx_in[0] if idx_in else 0
    last = idx_in[-1] if idx_in else 0
    n = len(blocks)
    tl = (title or "").strip().lower()
    rows = []
    dup = {}
    for b in blocks:
        dup[b.text] = dup.get(b.text, 0) + 1
    for i, b in enumerate(blocks):
        L = len(b.text)
        ld = min(1.0, b.links / L)
        words = b.text.count(" ") + 1
        f = [math.log1p(L), ld, ld > 0.5, math.log1p(words), b.text[-1] in ".!?\"”»)。", min(b.text.count(","), 5),
             min(b.text.count("."), 8), sum(c.isdigit() for c in b.text) / L, L < 20, L < 50, L > 150]
        k = [0] * 10
        k[KIND.get(b.tag, 9)] = 1
        f += k
        tags = {t for _, t, *_ in b.stack}
        f += [t in tags for t in STRUCT]
        # nearest neg/pos class distance
        dneg = dpos = 99
        for d, (_, _, ng, ps, _m) in enumerate(reversed(b.stack)):
            if ng and dneg == 99:
                dneg = d
            if ps and dpos == 99:
                dpos = d
        f += [dneg == 0, dneg <= 2, dneg < 99, dpos <= 2, dpos < 99, dneg < dpos]
        ib = inb[i]
        f += [ib, b.owner is best, i < first, i > last, (first - i) / n if i < first else 0, (i - last) / n if i > last else 0,
              i / n, math.log1p(bscore), len(b.stack) / 20]
        for j in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= j < n:
                o = blocks[j]
                f += [math.log1p(len(o.text)), min(1, o.links / len(o.text)), inb[j]]
            else:
                f += [0, 0, 0]
        f += [bool(tl) and b.text.strip().lower() == tl]
        near = 0
        anym = 0
        below = 0
        seen_best = False
        for d, (e, _, _, _, m) in enumerate(reversed(b.stack)):
            if d < 3:
                near |= m
            anym |= m
            if e is best:
                seen_best = True
            if not seen_best:
                below |= m
        f += [(near >> k) & 1 for k in range(13)] + [(anym >> k) & 1 for k in range(13)] + [((below >> k) & 1) and ib for k in range(12)]
        ws = b.text.split()
        lw = sum(1 for w in ws if w[:1].islower())
        f += [lw / len(ws), sum(map(len, ws)) / len(ws), dup.get(b.text, 0) > 1, b.text.count("|") > 1, b.text[:1].islower()]
        rows.append([float(x) for x in f])
    return rows
