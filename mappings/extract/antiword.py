"""The text `antiword` (or catdoc's kin) prints from an old Word .doc, saved as .txt: its own
marks undone so the rest of the pipeline reads the document, recognised by those marks.

- «[pic]» on a line of its own is where a picture was: no word of the text.
- A table is drawn with «|» at fixed columns, each cell padded to its column's width and a cell
  that does not fit wrapped onto the next printed lines, inside its column. Read line by line, a
  row comes apart («Статьи в изданиях, рекомендованных» | «3», then «КОКСНВО МНВО РК» alone, a
  line that looks like a heading). Each row is put back together, its cells joined by " – " as
  plain.py joins a grid table's.
- A footnote's mark is printed «[1]» glued to the word or stop it follows, and the notes after a
  rule of dashes at the very end. The marks go (a reader of the page sees a raised number, not
  a word «предметов.[1]»); the notes stay, each a paragraph of its own, without the rule.
"""
from __future__ import annotations

import re

_PICTURE = re.compile(r"^[ \t]*\[pic\][ \t]*$")
_ROW = re.compile(r"^\|.*\|[ \t]*$")
# a rule row has a dash or an equals sign: a row of empty cells is a spacer row of the table
_DASHES = re.compile(r"^\|[\s:|+]*[=-][\s:|+=-]*\|[ \t]*$")
_RULE = re.compile(r"^[ \t]*-{10,}[ \t]*$")
_NOTE = re.compile(r"^\[(\d{1,3})\][ \t]+\S")
# a mark right after a letter, digit, closing quote or stop: never a bracketed reference «[1]»
# standing after a space, as a bibliography's citation does
_MARK = r"(?<=[^\s\[(])\[{n}\]"


def text(plain: str) -> str:
    """The document's text without antiword's picture marks, table borders and footnote marks;
    any other text as it is."""
    lines = plain.split("\n")
    lines = [line for line in lines if not _PICTURE.match(line.rstrip("\r"))]
    lines = _tables(lines)
    return _footnotes("\n".join(lines))


def _bars(line: str) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(line.rstrip("\r").rstrip()) if c == "|")


def _tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _ROW.match(lines[j].rstrip("\r")) and _bars(lines[j]) == _bars(lines[i]):
            j += 1
        # two printed lines at least with their borders at the same columns
        # (a Markdown table typed into a .txt has a rule row of dashes under its header)
        if j - i < 2 or len(_bars(lines[i])) < 2 or any(_DASHES.match(line.rstrip("\r")) for line in lines[i:j]):
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        bars = _bars(lines[i])
        for line in lines[i:j]:
            cells = [line[a + 1:b].strip() for a, b in zip(bars, bars[1:])]
            if rows and _continues(rows[-1], cells):
                rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells)]
            else:
                rows.append(cells)
        out += [" – ".join(cell for cell in row if cell) for row in rows]
        i = j
    return out


def _continues(row: list[str], cells: list[str]) -> bool:
    """A printed line is the row above wrapped when it leaves empty a cell the row filled (a
    data row fills every cell: the name and its count), or when a cell goes on in lower case."""
    if not any(cells):
        return True
    empties = any(old and not new for old, new in zip(row, cells))
    return empties or any(new[:1].islower() for new in cells if new)


def _footnotes(plain: str) -> str:
    lines = plain.split("\n")
    rule = next((k for k in range(len(lines) - 1, -1, -1) if _RULE.match(lines[k].rstrip("\r"))), None)
    if rule is None:
        return plain
    notes = [m.group(1) for line in lines[rule + 1:] if (m := _NOTE.match(line))]
    # the notes are all that follows the rule: otherwise the rule is the author's separator
    tail = [line for line in lines[rule + 1:] if line.strip()]
    if not notes or not tail or not _NOTE.match(tail[0]):
        return plain
    body = "\n".join(lines[:rule])
    for n in notes:
        body = re.sub(_MARK.format(n=n), "", body)
    return body + "\n\n" + "\n".join(lines[rule + 1:])
