"""The YAML front matter of a document that describes the work itself, as pandoc, R Markdown
and Quarto write it (`title`, `subtitle`, `author`, `institute`, and the work's `abstract`,
often a block scalar `abstract: |` holding whole sections): read as the title page and the
abstract's first part. A site generator's front matter (Hugo's, Docusaurus's: a page's title,
its slug, the site's author) holds no `abstract`, and stays unread.

Read with PyYAML (`safe_load`): front matter is YAML, and its quoting, block scalars and
flow lists are the parser's business. Only top-level text is wanted; nested mappings
(`output:`, `params:`) are a renderer's settings and are skipped, but an author written as a
mapping (pandoc's `- name: … affiliation: …`) gives its name. Front matter that is not valid
YAML is read as holding nothing.
"""
from __future__ import annotations

import yaml


def fields(front: str) -> dict[str, str]:
    """Top-level keys (lower-cased) → their text: scalars as written (a `|` block keeps its
    lines, a `>` block folds them), lists joined by "; "."""
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    out = {}
    for key, value in data.items():
        text = _text(value)
        if isinstance(key, str) and text:
            out[key.lower()] = text
    return out


def _text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return "; ".join(t for t in (_text(v) for v in value) if t) or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


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
