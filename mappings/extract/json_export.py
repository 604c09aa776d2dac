"""A site's answer saved as a .txt file: JSON (a council's or repository's API gives the abstract
as an object with its title page's fields and its sections as objects of a heading and
paragraphs or items). Read with the standard library's json and written back as the text a
reader sees on the page: the title page's values one a line, each section's heading on a line
of its own, its paragraphs, and its items numbered "1) …", as an array of strings under a
heading is a list. Machine fields (ids, ISO dates, file names, status words) are left out:
nobody reads them on a page, and a date or a file name read as prose only misleads.
"""
from __future__ import annotations

import json
import re

# Keys whose arrays of strings are running text, not a list: each string is a paragraph.
_PARAGRAPH_KEYS = re.compile(r"(?i)paragraph|text|body|content|abstract|summary|annotation")
# Keys whose string names the object it is in: a section's heading.
_HEADING_KEYS = re.compile(r"(?i)^(?:heading|title|name|label|caption|header)$")
# A key naming the work's author, or the object holding the author's names.
_AUTHOR_KEYS = re.compile(r"(?i)author|candidate|applicant|doctoral|student|creator")
_KEYWORD_KEYS = re.compile(r"(?i)keyword|key_words|tags")
# A value a machine wrote: an ISO date, a URL, a file name, a snake_case or one lower-case word.
_MACHINE = re.compile(r"(?i)^(?:\d{4}-\d\d-\d\d(?:[T ][\d:.+\-Z]*)?|[a-z]+://\S+|\S+\.(?:pdf|docx?|txt|md|json|html?)"
                      r"|[a-z0-9]+(?:_[a-z0-9]+)+|[a-z]{1,12})$")


def record(plain: str) -> str:
    """The JSON in `plain` as the text of the page it stands for; any other text as it is."""
    stripped = plain.strip().lstrip("\ufeff")
    if not stripped[:1] in ("{", "["):
        return plain
    try:
        data = json.loads(stripped)
    except ValueError:
        return plain
    lines: list[str] = []
    _write(data, "", lines, {"author": False})
    text = "\n".join(lines).strip()
    return text if text else plain


def _write(node, key: str, lines: list[str], seen: dict[str, bool], in_section: bool = False) -> None:
    if isinstance(node, dict):
        heading = next((k for k, v in node.items() if _HEADING_KEYS.match(k) and isinstance(v, str)), None)
        # A section is a flat object: its heading and its paragraphs or items. The record's own
        # object (with the title, the author's object, the sections) is no section.
        section = (heading is not None and any(isinstance(v, list) for v in node.values())
                   and not any(isinstance(v, dict) or isinstance(v, list) and any(isinstance(x, dict) for x in v)
                               for v in node.values()))
        if section:
            lines += ["", node[heading]]
        for k, v in node.items():
            if section and k == heading:
                continue
            if _AUTHOR_KEYS.search(k) and not seen["author"]:
                name = v if isinstance(v, str) else _first_string(v)
                if name:
                    seen["author"] = True
                    lines.append(f"Author: {name}")
                    continue
            _write(v, k, lines, seen, section)
        return
    if isinstance(node, list):
        strings = all(isinstance(x, str) for x in node)
        if strings and _KEYWORD_KEYS.search(key):
            lines.append("Keywords: " + "; ".join(node))
        elif strings and node and in_section and not _PARAGRAPH_KEYS.search(key):
            lines += [f"{n}) {x}" for n, x in enumerate(node, 1)]
        else:
            for x in node:
                _write(x, key, lines, seen, in_section)
        return
    if isinstance(node, str) and node.strip() and not _MACHINE.match(node.strip()):
        if _HEADING_KEYS.match(key) and key.lower() == "title" and not any(x.startswith("Title:") for x in lines):
            lines.append(f"Title: {node.strip()}")
        else:
            lines += node.strip().split("\n") + ([""] if _PARAGRAPH_KEYS.search(key) else [])


def _first_string(node) -> str | None:
    """The first name in an object of names ({"full_name": …, "short_name": …}): the fullest."""
    if isinstance(node, dict):
        for v in node.values():
            found = _first_string(v)
            if found:
                return found
    if isinstance(node, list):
        return next((s for s in map(_first_string, node) if s), None)
    return node.strip() if isinstance(node, str) and node.strip() else None
