"""The YAML front matter of a document that describes the work itself, as pandoc, R Markdown
and Quarto write it (`title`, `subtitle`, `author`, `institute`, and the work's `abstract`,
often a block scalar `abstract: |` holding whole sections): read as the title page and the
abstract's first part. A site generator's front matter (Hugo's, Docusaurus's: a page's title,
its slug, the site's author) holds no `abstract`, and stays unread.

Read by hand: no YAML parser is among the project's dependencies, and only top-level scalars,
quoted strings and block scalars are wanted here; nested mappings (`output:`, `params:`) are
a renderer's settings and are skipped.
"""
from __future__ import annotations

import re

_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_BLOCK = re.compile(r"^[|>][+-]?\d?$")


def fields(front: str) -> dict[str, str]:
    """Top-level keys → their text: plain or quoted scalars, block scalars (`|` keeps the
    lines, `>` folds them), a list of `- item` lines joined by "; "."""
    out: dict[str, str] = {}
    lines = front.split("\n")
    i = 0
    while i < len(lines):
        m = _KEY.match(lines[i])
        i += 1
        if m is None:
            continue
        key, value = m.group("key").lower(), (m.group("value") or "")
        nested = []
        while i < len(lines) and (not lines[i].strip() or lines[i][:1] in (" ", "\t", "-")):
            nested.append(lines[i])
            i += 1
        while nested and not nested[-1].strip():
            nested.pop()
        if _BLOCK.match(value):
            indent = min((len(x) - len(x.lstrip()) for x in nested if x.strip()), default=0)
            body = [x[indent:] for x in nested]
            out[key] = "\n".join(body) if value.startswith("|") else re.sub(r"(?<!\n)\n(?!\n)", " ", "\n".join(body))
        elif value:
            out[key] = _unquoted(value)
        elif nested and all(x.lstrip().startswith("- ") for x in nested if x.strip()):
            out[key] = "; ".join(_unquoted(x.lstrip()[2:]) for x in nested if x.strip())
    return out


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].replace('\\"', '"') if value[0] == '"' else value[1:-1].replace("''", "'")
    return value


def page(front: str) -> str | None:
    """The title page and abstract the front matter holds; None when it holds no abstract (a
    site's front matter, read as nothing)."""
    f = fields(front)
    if not f.get("abstract", "").strip():
        return None
    lines = []
    if f.get("title"):
        lines.append(f"Title: {f['title']}")
    if f.get("subtitle"):
        lines.append(f["subtitle"])
    if f.get("author"):
        lines.append(f"Author: {f['author']}")
    for key in ("institute", "institution", "affiliation", "organization"):
        if f.get(key):
            lines.append(f[key])
    lines += ["", f["abstract"].strip(), ""]
    return "\n".join(lines)
