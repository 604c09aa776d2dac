"""A repository's metadata export in CSV (DSpace's "Export metadata", a batch import sheet): a
header of Dublin Core fields ("dc.contributor.author", "dc.title[kk]", "dc.description.abstract")
and one row an item, the whole abstract quoted in one cell.

Read with Python's own `csv` module: the first item is the page it describes — its author and
title as a title page labels them, its supervisors, its keywords, then the abstract's text. The
other columns (identifiers, dates, the collection's handle) are the repository's, not the work's.
Several values in one cell are joined by "||", DSpace's separator.
"""
from __future__ import annotations

import csv
import io
import re

_HEADER = re.compile(r"^[^\n]*\bdc\.[a-z]+(?:\.[a-z]+)?(?:\[[\w-]*\])?[^\n]*,[^\n]*\bdc\.[a-z]", re.I)
_LABELS = (("dc.contributor.author", "Author"), ("dc.creator", "Author"), ("dc.title", "Title"),
           ("dc.contributor.advisor", "Supervisor"), ("dc.subject", "Keywords"))


def _field(name: str) -> str:
    return re.sub(r"\[[\w-]*\]$", "", name.strip().lower())


def _surname_first(name: str) -> str:
    return re.sub(r"^([^,]+),\s+", r"\1 ", name.strip(), count=1)


def record(plain: str) -> str:
    """The first item of a Dublin Core CSV export as the page it describes; any other text as it is."""
    if not _HEADER.match(plain):
        return plain
    try:
        rows = list(csv.DictReader(io.StringIO(plain)))
    except csv.Error:
        return plain
    if not rows:
        return plain
    item = {_field(k): (v or "").strip() for k, v in rows[0].items() if k}
    lines = []
    for field, label in _LABELS:
        values = [v.strip() for v in item.get(field, "").split("||") if v.strip()]
        if not values:
            continue
        if label in ("Author", "Supervisor"):
            values = [_surname_first(v) for v in values]
        lines.append(f"{label}: {', '.join(values) if label == 'Keywords' else '; '.join(values)}")
    abstract = item.get("dc.description.abstract") or item.get("dc.description", "")
    return "\n".join(lines + ["", abstract]) if abstract else plain
