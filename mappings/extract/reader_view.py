"""A page a browser's reader mode shows, copied or saved as text (Firefox's Reader View; Safari's
and Edge's Immersive Reader lay it out alike): the site's domain alone on the first line, the
title, the byline, then the estimated reading time ("9–13 минут", "5–6 minutes", "8 мин.") before
the article's text, one paragraph a line.

Read as the article: the domain and the reading time are the browser's (between the title and the
body the reading time would otherwise stand where a title page's lines are read). Written by hand:
reader mode's header is a browser's layout, not a format any library reads.
"""
from __future__ import annotations

import re

_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
_READING_TIME = re.compile(r"^\d{1,3}(?:\s*[–-]\s*\d{1,3})?\s*(?:minutes?|mins?\.?|минут[аы]?|мин\.?)$", re.I)
_HEAD_LINES = 12      # the title and a byline of several lines come before the reading time


def text(plain: str) -> str:
    """The article, when `plain` opens as a reader mode page; any other text as it is."""
    lines = plain.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _DOMAIN.match(lines[first].strip()):
        return plain
    timed = next((i for i in range(first + 1, min(len(lines), first + _HEAD_LINES))
                  if _READING_TIME.match(lines[i].strip())), None)
    if timed is None:
        return plain
    after = timed + 1 + (timed + 1 < len(lines) and not lines[timed + 1].strip())
    return "\n".join(lines[first + 1:timed] + lines[after:]).lstrip("\n")
