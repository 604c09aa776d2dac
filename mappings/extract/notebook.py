"""A Jupyter notebook exported to Markdown (`jupyter nbconvert --to markdown`): what its code cells
printed left out, the way plain.py leaves out the code itself.

nbconvert writes each code cell as a fenced block with its language and the cell's output after
it: printed text as an indented block, a pandas DataFrame as an HTML `<table class="dataframe">`
(in a `<div>`), a plot as `![png](<name>_files/<name>_3_0.png)`. The output is the program's,
not the author's prose: a count listing read as text gives lines like «KOKSNVO journal 3» and
«Name: venue_type, dtype: int64», a DataFrame's index reads as headings. An indented block is
taken for output only right after a code fence (elsewhere it may be a paragraph typed with an
indent); the DataFrame and the image by their own marks.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[ \t]*(\S*)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_DATAFRAME = re.compile(r"<table\b[^>]*\bclass=\"[^\"]*\bdataframe\b", re.IGNORECASE)
_OUTPUT_IMAGE = re.compile(r"^[ \t]*!\[(?:png|svg|jpeg|jpg|gif)\]\([^()\s]*_files/[^()\s]+\)[ \t]*$", re.IGNORECASE)


def text(md: str) -> str:
    """The Markdown without its code cells' output; a Markdown with no code cell as it is."""
    lines = md.split("\n")
    if not any((m := _FENCE.match(line)) and m.group(2) for line in lines):
        return md
    out: list[str] = []
    i = 0
    fence: str | None = None
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if fence is None and m and m.group(2):
            fence = m.group(1)
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
                i = _after_output(lines, i + 1, out)
                continue
        elif _OUTPUT_IMAGE.match(line):
            pass
        else:
            out.append(line)
        i += 1
    return "\n".join(out)


def _after_output(lines: list[str], i: int, out: list[str]) -> int:
    """Past the output that follows a code cell at `i` (blank lines kept, output dropped)."""
    while i < len(lines):
        if not lines[i].strip():
            out.append("")
            i += 1
        elif _INDENTED.match(lines[i]):
            while i < len(lines) and (not lines[i].strip() or _INDENTED.match(lines[i])):
                i += 1
        elif lines[i].lstrip().lower().startswith(("<div", "<table")) and _table_block_is_dataframe(lines, i):
            i = _block_end(lines, i)
        elif _OUTPUT_IMAGE.match(lines[i]):
            i += 1
        else:
            break
    return i


def _block_end(lines: list[str], i: int) -> int:
    """The line after the HTML block opening at `i`: where its outermost element closes."""
    depth = 0
    tag = "div" if lines[i].lstrip().lower().startswith("<div") else "table"
    for k in range(i, len(lines)):
        depth += len(re.findall(rf"<{tag}\b", lines[k], re.IGNORECASE))
        depth -= len(re.findall(rf"</{tag}\s*>", lines[k], re.IGNORECASE))
        if depth <= 0:
            return k + 1
    return len(lines)


def _table_block_is_dataframe(lines: list[str], i: int) -> bool:
    return bool(_DATAFRAME.search("\n".join(lines[i:_block_end(lines, i)])))
