"""A web page flattened by a scraper: every block glued to the next with no space or break.

A page's headings are elements of their own; a scraper that drops the elements leaves each
heading glued to the sentence before it and to its own text («… reserves.Aim of the researchTo
assess …», «Objectives of the research1. To analyse …»), and the title page's lines glued into
one («… SerikkyzyPopulation dynamics … land use8D05107 – Ecology»). No heading then starts a line.
The joints show where the blocks met: a sentence's end with no space before a capital, and a
word in lower case run into a capital or a number. A phrase between two joints that is a heading
(headings.heading_phrase: its keyword and heading words only) is put on its own line. The page
is read so only when three headings at least are glued so: a camel-cased name («DeepMind»,
«WhatsApp») in an ordinary text is never cut.
"""
from __future__ import annotations

import re

from . import headings

# Where a block may begin: after a sentence's end with no space, or where a lower-case word
# runs into a capital.
_START = re.compile(r"(?:(?<=[.;:!?»)])|(?<=[a-zа-яёәғқңөұүһі]))(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# Where a heading may end: a lower-case letter run into a capital (a word of its text) or into
# a number (its list's first marker).
_END = re.compile(r"(?<=[a-zа-яёәғқңөұүһі])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\d)")
# A word in lower case run into a capitalised word or a code: two blocks of a title page.
# (a year run into the next block, «Astana, 2024Download …», and a name's initials, «EcologyL.N.»)
_TITLE_JOINT = re.compile(r"(?:(?<=[a-zа-яёәғқңөұүһі]{3})|(?<=\d{4}))"
                          r"(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2}|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\d[\dA-ZА-Я.]{3})")
# A list's items glued at their markers («…2003–2023;2. To model …», «… River.2. Fences …»).
_ITEM_JOINT = re.compile(r"(?<=[;.])(?=\d{1,2}[.)]\s)")
_MIN_GLUED = 3
# Words of the longest heading: English ones run to eleven ("Theoretical and practical significance
# of the results of the dissertation research"); heading_phrase takes heading words only, so the
# bound only saves time.
_LONGEST_HEADING = 12


def _glued(line: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) of each heading glued between two joints of the line."""
    found: list[tuple[int, int]] = []
    ends = [m.start() for m in _END.finditer(line)]
    at = 0
    for s in _START.finditer(line):
        start = s.start()
        if start < at or not (start == 0 or not line[start - 1].isspace()):
            continue
        for end in ends:
            if end <= start:
                continue
            phrase = line[start:end]
            if len(phrase.split()) > _LONGEST_HEADING:
                break
            if headings.heading_phrase(phrase, lang):
                found.append((start, end))
                at = end
                break
    # a heading opening the line (the line break survived, the gap after the heading did not)
    if not found or found[0][0] != 0:
        for end in ends:
            if len(line[:end].split()) > _LONGEST_HEADING:
                break
            if line[:1].isupper() and headings.heading_phrase(line[:end], lang):
                found.insert(0, (0, end))
                break
    return found


def split(text: str, lang: str) -> str:
    """The text with each glued heading on a line of its own (and the title page's glued
    blocks apart), when the text is such a flattened page; any other text as it is."""
    lines = text.split("\n")
    glued = [_glued(line, lang) for line in lines]
    if sum(len(g) for g in glued) < _MIN_GLUED:
        return text
    first = next((i for i, g in enumerate(glued) if g), len(lines))
    out: list[str] = []
    for i, (line, spans) in enumerate(zip(lines, glued)):
        if i < first:
            # the title page before the first heading: its blocks apart
            out.extend(part.strip() for part in _TITLE_JOINT.split(line))
            continue
        at = 0
        for start, end in spans:
            if line[at:start].strip():
                out.append(line[at:start].strip())
            out.append(line[start:end].strip())
            at = end
        out.append(line[at:].strip())
    out = [item for part in out for item in _ITEM_JOINT.split(part)]
    return "\n".join(part for part in out if part)
