"""Section lines → list items: numbered (``1.``, ``1)``, ``1.Text``), dashed (``-``, ``–``) or
bulleted (``·``, ``•``), with items that run over several paragraphs.

The first marker style seen is the list's own; other markers inside it (``a)``, a dash inside a
numbered item) are sub-points and stay in the item they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import LIST_MARKER
from .sections import join_lines


_YEAR_ITEM = re.compile(r"^\s*(\d{1,2})[.)](?=(?:1[89]|20)\d\d\b)")


@dataclass(frozen=True)
class Item:
    ordinal: int
    text: str
    written_number: int | None = None


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _number(m: re.Match) -> int | None:
    if m.group("num") or m.group("pnum"):
        return int(m.group("num") or m.group("pnum"))
    if m.group("roman"):
        values = [_ROMAN[c] for c in m.group("roman")]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None


def _style(m: re.Match) -> str:
    if m.group("num") or m.group("pnum") or m.group("roman"):
        return "number"
    if m.group("letter"):
        return "letter"
    return "bullet"


def split_items(lines: list[str]) -> tuple[str, list[Item]]:
    """Return (introductory text, items)."""
    intro: list[str] = []
    raw: list[tuple[int | None, list[str]]] = []
    style = None
    for line in (part for line in lines for part in _inline_items(line)):
        m = LIST_MARKER.match(line)
        year_item = _YEAR_ITEM.match(line)
        if m is None and year_item and (
                (style == "number" and raw and raw[-1][0] is not None and int(year_item.group(1)) == raw[-1][0] + 1)
                or (not raw and int(year_item.group(1)) == 1)):
            # "8.2030 жылға дейінгі …": the next number (or the first), then a year, with no
            # space between.
            style = "number"
            raw.append((int(year_item.group(1)), [line[year_item.end():].strip()]))
            continue
        if m and _style(m) != "letter" and (style is None or _style(m) == style):
            style = _style(m)
            body = line[m.end():].strip()
            if body:
                raw.append((_number(m), [body]))
            continue
        if raw:
            raw[-1][1].append(line)
        else:
            intro.append(line)
    if not raw:
        return "", _unmarked(intro)
    items = [Item(i, _tidy(join_lines(body)), number) for i, (number, body) in enumerate(raw, start=1)]
    return join_lines(intro), [it for it in items if it.text]


def _inline_items(line: str) -> list[str]:
    """"1) first; 2) second; 3) third" in one paragraph → one line per item. Only a run that
    starts at 1 and counts on, each number after a ';', '.' or ',' — not "see 2) above"."""
    first = re.match(r"^\s*(?:1([.)])|\(1\))\s*\S", line)
    if first is None:
        return [line]
    closing = first.group(1)
    parts, rest, n = [], line, 2
    while True:
        marker = rf"{n}\{closing}" if closing else rf"\({n}\)"
        m = re.search(rf"(?<=[;.,])\s+(?={marker}\s*\S)", rest)
        if m is None:
            break
        parts.append(rest[:m.start()])
        rest, n = rest[m.end():], n + 1
    return parts + [rest] if parts else [line]


def _unmarked(lines: list[str]) -> list[Item]:
    """A list written without markers: clauses separated by semicolons, else paragraphs."""
    text = join_lines(lines)
    clauses = [c.strip() for c in re.split(r";\s+", text) if c.strip()]
    if len(clauses) >= 2:
        parts = clauses
    else:
        parts = [p for p in text.split("\n") if p.strip()]
    return [Item(i, _tidy(p)) for i, p in enumerate(parts, start=1) if _tidy(p)]


def _tidy(text: str) -> str:
    return re.sub(r"[\s;,]+$", "", text).strip()
