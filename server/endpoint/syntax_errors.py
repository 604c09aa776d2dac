"""Where a SPARQL syntax error is: Oxigraph says only `error at LINE:COLUMN: expected …`; this
adds the lines around that position with a caret under it, for the 400 body and `dkg query`."""
from __future__ import annotations

import re

_POSITION = re.compile(r"\berror at (\d+):(\d+)\b")
_BEFORE, _AFTER = 2, 1  # lines of context around the one with the error
_WIDTH = 100            # characters of a long line shown around the column


def explain(query: str, message: str) -> str:
    """`message` followed by the query text around the position it names (unchanged if none)."""
    m = _POSITION.search(message)
    if m is None:
        return message
    lines = query.splitlines() or [""]
    line_no = min(max(int(m.group(1)), 1), len(lines))
    column = max(int(m.group(2)), 1)
    out = [message.rstrip(), ""]
    gutter = len(str(min(line_no + _AFTER, len(lines))))
    for n in range(max(1, line_no - _BEFORE), min(len(lines), line_no + _AFTER) + 1):
        text, offset = _window(lines[n - 1], column if n == line_no else None)
        out.append(f"{n:>{gutter}} | {text}")
        if n == line_no:
            # Oxigraph counts columns in characters from 1; past the end means "at the end of the line".
            caret = min(column - 1 - offset, len(text))
            out.append(f"{'':>{gutter}} | {' ' * caret}^")
    return "\n".join(out)


def _window(line: str, column: int | None) -> tuple[str, int]:
    """The part of a long line that holds the column, and how many characters were cut before it."""
    line = line.expandtabs(1)  # one column per character, so the caret lines up
    if len(line) <= _WIDTH:
        return line, 0
    start = 0 if column is None else max(0, min(column - 1 - _WIDTH // 2, len(line) - _WIDTH))
    return line[start:start + _WIDTH], start
