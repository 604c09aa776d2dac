"""A reviewer's CriticMarkup in a Markdown or text file (the marks editors such as iA Writer,
Obsidian's plugin and MultiMarkdown write): read with every change accepted, as the author's next
version will read. An insertion `{++ … ++}` stays, a deletion `{-- … --}` goes, a substitution
`{~~ old ~> new ~~}` is its new text, a highlight `{== … ==}` is its text, and a comment
`{>> … <<}` is the reviewer's, no word of the abstract.

Written by hand: the syntax is five pairs of marks, and no CriticMarkup parser is among the
project's dependencies (Python-Markdown and pandoc leave the marks as text).
"""
from __future__ import annotations

import re

_MARK = re.compile(r"\{\+\+(?P<added>.*?)\+\+\}|\{--(?P<deleted>.*?)--\}|\{~~(?P<old>.*?)~>(?P<new>.*?)~~\}|"
                   r"\{==(?P<highlighted>.*?)==\}|\{>>(?P<comment>.*?)<<\}", re.S)


def _accepted(m: re.Match) -> str:
    for group in ("added", "new", "highlighted"):
        if m.group(group) is not None:
            return m.group(group)
    return ""


def text(source: str) -> str:
    """`source` with its CriticMarkup changes accepted and comments removed, when it has two
    marks at least (one alone may be a template's braces); any other text as it is."""
    # (the spaces a deletion leaves on both sides are made one, as every run of spaces is, by reflow)
    if len(_MARK.findall(source)) < 2:
        return source
    return _MARK.sub(_accepted, source)
