"""The one URL policy: which link targets the handbook keeps, and how lint reports the others.

Lint (X002, X003, X004) and the site (`site/safe.py`) both ask this module,
so a link that passes lint is never dropped by the site, and a link the site
drops is always reported. The policy, by what a URL starts with once read as
a browser reads it:

| target                               | site          | lint           |
|--------------------------------------|---------------|----------------|
| `https:`, `mailto:`, `tel:`          | kept          | clean          |
| `#fragment`                          | kept          | clean (C006 checks the anchor) |
| `http:`                              | kept          | X003 warning   |
| relative (`guide.md`, `../x`)        | dropped       | C006 error     |
| `javascript:`, `vbscript:`, `data:`, `file:` | dropped | X002 error (unsafe) |
| any other scheme, `//host`           | dropped       | X002 error     |
| a scheme only an entity or escape spells | dropped   | X002 error     |

"Read as a browser reads it": entities are decoded (`java&#09;script:`),
Markdown backslash escapes are removed (`javascript\\:`), ASCII whitespace and
control characters are dropped wherever they are (browsers strip tab and
newline inside a URL), and the scheme is case-insensitive (`JaVaScRiPt:`).
The site writes `&` literally, so `https&#58;//x` is a relative link there
but `https://x` to a Markdown renderer that decodes entities: when the two
readings disagree the URL is disguised, and it is dropped and reported.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache

from clausebook.core.markdown import html_tags, links
from clausebook.core.problems import Location
from clausebook.core.resolve import ResolvedClause

# Schemes the site keeps as links; `http` too, but lint warns about it.
SECURE_SCHEMES = frozenset({"https", "mailto", "tel"})
INSECURE_SCHEMES = frozenset({"http"})
KEPT_SCHEMES = SECURE_SCHEMES | INSECURE_SCHEMES
# Schemes that run code or carry a whole document: named as unsafe in messages.
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
# Schemes that load from another site when used as an image or embed source.
REMOTE_SCHEMES = frozenset({"http", "https", "ftp"})

# HTML attributes whose value is a URL (or, for srcset, ping and archive, a list of them).
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background",
                  "cite", "longdesc", "usemap", "ping", "codebase", "archive", "lowsrc", "dynsrc", "manifest",
                  "icon", "classid", "profile")
# Of those, the ones a loading element (img, video, link...) fetches its content from.
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "href", "xlink:href", "background", "lowsrc", "dynsrc")
_URL_LISTS = {"srcset": ",", "ping": None, "archive": None}  # separator; None: whitespace

_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*")


class Verdict(Enum):
    """What the site does with a link target and what lint says about it."""

    SECURE = "secure"  # kept, clean
    ANCHOR = "anchor"  # kept, clean here; C006 checks the anchor exists
    INSECURE = "insecure"  # kept, X003 warns
    RELATIVE = "relative"  # dropped, C006 reports it
    BLOCKED = "blocked"  # dropped, X002 reports it

    @property
    def kept(self) -> bool:
        """Whether the site keeps a link with this target."""
        return self in (Verdict.SECURE, Verdict.ANCHOR, Verdict.INSECURE)


def _compact(url: str) -> str:
    return _INVISIBLE.sub("", url).lower()


def _scheme_of(compact: str) -> str | None:
    name, colon, _ = compact.partition(":")
    return name if colon and _SCHEME.fullmatch(name) else None


def browser_reading(url: str) -> str:
    """`url` as a renderer that decodes entities and Markdown escapes reads it: lower-case, no whitespace."""
    return _compact(_MARKDOWN_ESCAPE.sub(r"\1", html.unescape(url)))


@lru_cache(maxsize=1 << 14)
def scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (entities and escapes decoded, whitespace dropped), lower-case."""
    return _scheme_of(browser_reading(url))


@lru_cache(maxsize=1 << 14)
def verdict(url: str) -> Verdict:
    """What happens to a link whose target an editor wrote as `url`."""
    decoded = browser_reading(url)
    literal = _compact(url)
    found = _scheme_of(decoded)
    if found != _scheme_of(literal) or decoded.startswith("#") != literal.startswith("#"):
        return Verdict.BLOCKED  # a scheme (or anchor) only an entity or escape spells: disguised
    if found is None:
        if decoded.startswith("#"):
            return Verdict.ANCHOR
        if decoded.replace("\\", "/").startswith("//"):  # browsers read a backslash as a slash
            return Verdict.BLOCKED  # protocol-relative: another site, by whatever scheme the page has
        return Verdict.RELATIVE
    if found in SECURE_SCHEMES:
        return Verdict.SECURE
    if found in INSECURE_SCHEMES:
        return Verdict.INSECURE
    return Verdict.BLOCKED


def site_keeps(url: str) -> bool:
    """Whether the site keeps a link or image whose target an editor wrote as `url`."""
    return verdict(url).kept


def html_attribute_allowed(value: str) -> bool:
    """Whether a URL attribute in generated HTML is acceptable: a kept scheme, or no scheme (our own pages)."""
    found = scheme(value)
    return found is None or found in KEPT_SCHEMES


def is_remote(url: str) -> bool:
    """Whether an image or embed source loads from another site."""
    return scheme(url) in REMOTE_SCHEMES or browser_reading(url).startswith("//")


def attribute_urls(name: str, value: str) -> list[tuple[str, int]]:
    """The URLs in one attribute value, with their offset in it (srcset, ping and archive hold several)."""
    if name not in _URL_LISTS:
        return [(value, 0)]
    found = []
    separator = _URL_LISTS[name]
    position = 0
    for piece in (value.split(separator) if separator else value.split()):
        start = value.find(piece, position)
        position = start + len(piece)
        stripped = piece.strip()
        if separator:  # a srcset candidate is "url [descriptor]"
            stripped = stripped.split()[0] if stripped.split() else ""
        if stripped:
            found.append((stripped, start + piece.find(stripped)))
    return found


def link_targets(text: str) -> Iterator[tuple[str, int]]:
    """(url, offset) of every link target in Markdown `text`: links, images, definitions, autolinks, HTML attributes.

    Bare URLs in running text are not links on the site (it shows them as
    text); `bare_urls` lists those.
    """
    for link in links(text):
        if link.target and link.kind != "bare":
            yield link.target, link.target_start
    for tag in html_tags(text):
        for name in URL_ATTRIBUTES:
            if name in tag.attributes:
                value, offset = tag.attributes[name]
                for url, at in attribute_urls(name, value):
                    yield url, offset + at


def bare_urls(text: str) -> Iterator[tuple[str, int]]:
    """(url, offset) of every URL written as running text (`see https://example.com`)."""
    for link in links(text):
        if link.target and link.kind == "bare":
            yield link.target, link.target_start


def reference_urls(clause: ResolvedClause) -> Iterator[tuple[str, Location]]:
    """(url, location) of each `references[].url` of a clause."""
    for index, reference in enumerate(clause.get("references") or []):
        if isinstance(reference, dict) and isinstance(reference.get("url"), str):
            yield reference["url"], clause.locate(("references", index, "url"))
