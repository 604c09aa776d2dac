"""A page of an outliner (Logseq; Roam and Obsidian's outliner plugins write the same) saved as
Markdown: every paragraph a block "- " indented by tabs, the page's and the blocks' properties
written `key:: value`, links `[[…]]`, and a numbered list kept not as numbers but as a property
on each of its blocks (`logseq.order-list-type:: number`), which the outliner numbers on screen.

Read as the page a reader sees: the bullets and the indentation go (a block is a paragraph, a
heading block "- ## Objectives" a heading), properties go, links keep their words, and the
blocks of a numbered list get their numbers back, counted among their siblings as the outliner
counts them. Written by hand: no Python library reads this Markdown dialect (Markdown parsers see
a nested bullet list, properties and all), and the rules are these few.
"""
from __future__ import annotations

import re

# (indented by tabs, or, as Roam exports it, by four or two spaces a level)
_BLOCK = re.compile(r"^(?P<indent>(?:\t| {4}| {2})*)- (?P<text>.*)$")
_PROPERTY = re.compile(r"^\s*[\w.-]+:: ")
# a property written as a block of its own ("- Tags:: [[…]]", Roam's page attributes)
_PROPERTY_BLOCK = re.compile(r"^(?:\t| {2,4})*- [\w.-]+:: ")
_NUMBERED = re.compile(r"^\s*logseq\.order-list-type:: number\s*$")
_LINK = re.compile(r"\[\[([^\[\]\n]+)\]\]")


def is_outline(md: str) -> bool:
    lines = md.split("\n")
    blocks = sum(1 for line in lines if _BLOCK.match(line))
    properties = sum(1 for line in lines if _PROPERTY.match(line) or _PROPERTY_BLOCK.match(line))
    return blocks >= 5 and blocks >= 0.5 * sum(1 for line in lines if line.strip()) and properties >= 1


def text(md: str) -> str:
    """The page as read, when `md` is an outliner's page; any other Markdown as it is."""
    if not is_outline(md):
        return md
    lines = md.split("\n")
    # each block: its depth, its text (continuation lines joined) and whether it is numbered
    blocks: list[list] = []
    for line in lines:
        if _PROPERTY_BLOCK.match(line):
            continue
        m = _BLOCK.match(line)
        if m:
            depth = len(m.group("indent").replace("    ", "\t").replace("  ", "\t"))
            blocks.append([depth, m.group("text"), False])
        elif _NUMBERED.match(line) and blocks:
            blocks[-1][2] = True
        elif _PROPERTY.match(line) or not line.strip():
            continue
        elif blocks:
            blocks[-1][1] += " " + line.strip()
    out: list[str] = []
    counters: dict[int, int] = {}
    for depth, body, numbered in blocks:
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        if numbered:
            counters[depth] = counters.get(depth, 0) + 1
            body = f"{counters[depth]}. {body}"
        else:
            counters.pop(depth, None)
        out.append(_LINK.sub(r"\1", body))
        out.append("")
    return "\n".join(out)
