"""A ResearchGate publication page saved as text (the browser's "Save as" text, or the whole page
copied): the site's menus and breadcrumbs, the work's record (title, journal line, DOI, authors
with their institutions, the abstract, figure captions), buttons ("Download full-text PDF",
"Request full-text", "Copy link"), counters ("Citations (0)", "References (5)"), the site's
invitations ("Discover the world's research", "Join for free"), and, where the author uploaded it,
the full text under "Public Full-text 1"; then the reference list with a button under each entry,
"Recommended publications" and the footer.

Read as the work: the uploaded full text where there is one (its own title page, in the language
and script of the work, the names as the journal printed them), else the record as a title page
(title, authors, the abstract). Everything the site adds is left out. Written by hand: the page is
a site's layout, not a format any library reads.
"""
from __future__ import annotations

import re

_SITE = re.compile(r"^(?:ResearchGate Logo|ResearchGate|© 20\d\d-20\d\d ResearchGate GmbH\..*)$", re.M)
_MARKS = ("Discover the world's research", "Join for free", "Download full-text PDF", "Read full-text",
          "Download citation", "Request full-text", "Recommended publications", "Discover more",
          "Copy link Link copied", "Abstract and figures", "Author content", "Content may be subject to copyright.")
_FULL_TEXT = re.compile(r"^Public Full-text(?: \d+)?$")
_UPLOAD_NOTICE = re.compile(r"^(?:Content uploaded by .+|Author content|Content may be subject to copyright\.|"
                            r"Available via license: .+|Content courtesy of .+)$")
_AFTER_TEXT = re.compile(r"^(?:Citations \(\d+\)|References \(\d+\)|Recommended publications|Discover more)$")
_KINDS = ("Article", "Conference Paper", "Thesis", "Chapter", "Preprint", "Book", "Technical Report")
_AUTHORS = re.compile(r"^Authors?:$")
_RECORD_END = re.compile(r"^(?:Download full-text PDF|Read full-text|Download citation|Copy link.*|Request full-text|"
                         r"Citations \(\d+\)|References \(\d+\)|Figures \(\d+\)|Abstract(?: and figures)?|"
                         r"Discover the world's research)$")


def is_page(plain: str) -> bool:
    head, tail = plain[:400], plain[-600:]
    if not (_SITE.search(head) or _SITE.search(tail)):
        return False
    lines = {line.strip() for line in plain.split("\n")}
    return sum(1 for mark in _MARKS if mark in lines) >= 3


def text(plain: str) -> str:
    """The work the page shows, when `plain` is a ResearchGate page; any other text as it is."""
    if not is_page(plain):
        return plain
    lines = [line.strip() for line in plain.split("\n")]
    start = next((i for i, line in enumerate(lines) if _FULL_TEXT.match(line)), None)
    if start is not None:
        i = start + 1
        while i < len(lines) and (not lines[i] or _UPLOAD_NOTICE.match(lines[i])):
            i += 1
        end = next((k for k in range(i, len(lines)) if _AFTER_TEXT.match(lines[k])), len(lines))
        body = [line for line in lines[i:end] if not _UPLOAD_NOTICE.match(line)]
        if sum(len(line.split()) for line in body) >= 100:
            return "\n".join(body)
    return _record(lines)


def _record(lines: list[str]) -> str:
    """The work's record as a title page: its title, the journal line, the authors, the abstract."""
    kind = next((i for i, line in enumerate(lines) if line in _KINDS), None)
    if kind is None or kind + 1 >= len(lines):
        return "\n".join(lines)
    out = [lines[kind + 1]]
    i = kind + 2
    while i < len(lines) and not _AUTHORS.match(lines[i]) and not _RECORD_END.match(lines[i]):
        out.append(lines[i])   # the journal line, the DOI, the licence
        i += 1
    if i < len(lines) and _AUTHORS.match(lines[i]):
        i += 1
        while i < len(lines) and lines[i] and not _RECORD_END.match(lines[i]):
            out.append(lines[i])   # each author, then the author's institution
            i += 1
    abstract = next((k for k in range(i, len(lines)) if lines[k] in ("Abstract", "Abstract and figures")), None)
    if abstract is not None:
        body = []
        for line in lines[abstract + 1:]:
            if line.startswith("Figures - uploaded by") or _RECORD_END.match(line) or line in _MARKS:
                break
            body.append(line)
        out += ["", "Abstract", *body]
    return "\n".join(out)
