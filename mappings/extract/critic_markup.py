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
# A deletion or comment between two words leaves their two spaces: one is enough.
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def _accepted(m: re.Match) -> str:
    for group in ("added", "new", "highlighted"):
        if m.group(group) is not None:
            return m.group(group)
    return ""


def text(source: str) -> str:
    """`source` with its CriticMarkup changes accepted and comments removed, when it has two
    marks at least (one alone may be a template's braces); any other text as it is."""
    marks = list(_MARK.finditer(source))
    if len(marks) < 2:
        return source
    out, at, length, touched = [], 0, 0, set()
    for m in marks:
        for piece in (source[at:m.start()], _accepted(m)):
            out.append(piece)
            length += len(piece)
        touched.add(length)
        at = m.end()
    out.append(source[at:])
    joined = "".join(out)
    # (only the lines a mark stood on are respaced: a table's or a code block's spaces elsewhere stay)
    lines = {joined.count("\n", 0, end) for end in touched}
    return "\n".join(_DOUBLE_SPACE.sub(" ", line).rstrip() if n in lines else line
                     for n, line in enumerate(joined.split("\n")))
