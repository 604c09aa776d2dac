"""A library catalogue's MARC 21 record as its text display shows it (Koha's, IRBIS' or Aleph's
"full record" or "MARC view" saved as text, or a MARCMaker `.mrk` file): one line a field, the tag
and the indicators, then subfields each after a delimiter ("245 10 $a Title / $c Author", "=245
10$aTitle"), a long field wrapped onto indented lines.

The record describes a work and carries its abstract: the author (100), the title (245), the
dissertation note with the degree and the programme (502), the people with their roles (700),
the keywords (653) and the abstract itself, often cut into many summary fields (520). Read, it
becomes the page it describes: the title page's lines, then each summary field a paragraph. The
catalogue's own fields (the leader, control fields, call numbers, physical description, links)
say nothing of the work and are left out, as are the catalogue's lines around the record.

Hand-written: pymarc reads binary MARC, MARCXML and MARC-in-JSON, not a catalogue's text display.
"""
from __future__ import annotations

import re

# a field's line: the tag (or LDR), the indicators (digits, '#', '_' or blanks), the subfields
_FIELD = re.compile(r"^=?(?P<tag>LDR|\d{3})(?:[ \t]+(?P<ind>[0-9#_\\ ]{1,2}))?[ \t]*(?P<value>[$‡|][a-z0-9].*|\S.*)?$")
_SUBFIELD = re.compile(r"[$‡|](?P<code>[a-z0-9])[ \t]?")
_MIN_FIELDS = 6


def _subfields(value: str) -> list[tuple[str, str]]:
    marks = list(_SUBFIELD.finditer(value))
    return [(m.group("code"), value[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(value)].strip())
            for i, m in enumerate(marks)]


def _surname_first(name: str) -> str:
    """"Surname, Given" as a title page prints it, without the catalogue's comma."""
    return re.sub(r"^([^,]+),\s+", r"\1 ", name.strip().rstrip(",."), count=1)


def _fields(lines: list[str]) -> list[tuple[str, str]] | None:
    fields: list[tuple[str, str]] = []
    for line in lines:
        m = _FIELD.match(line.rstrip())
        if m and (m.group("tag") == "LDR" or m.group("value")):
            fields.append((m.group("tag"), m.group("value") or ""))
        elif fields and line[:1] in (" ", "\t") and line.strip():
            tag, value = fields[-1]
            fields[-1] = (tag, value + " " + line.strip())   # the field wrapped onto the next line
        elif line.strip() and len(fields) >= _MIN_FIELDS:
            break   # the catalogue's line under the record ("Save the record: MARC 21 | …")
        elif line.strip():
            fields = []   # the catalogue's lines over the record
    return fields


def record(plain: str) -> str:
    """The page a MARC record's text display describes; any other text as it is. A text is such a
    record when six fields at least follow one another, a title (245) or a summary (520) among them,
    each with its subfields."""
    if not any(mark + "a" in plain for mark in "$‡|"):
        return plain   # (a cheap look before the lines are read: no subfield a, no record)
    fields = _fields(plain.split("\n"))
    if not fields or len(fields) < _MIN_FIELDS or not any(t in ("245", "520") for t, _ in fields) \
            or not any(_SUBFIELD.match(v) for _, v in fields):
        return plain
    head, body, keywords = [], [], []
    for tag, value in fields:
        sub = _subfields(value)
        first = next((v for c, v in sub if c == "a"), "")
        if tag == "245":
            title = " ".join(v.rstrip(" /:;") for c, v in sub if c in "abnp")
            head.append(f"Title: {title.rstrip(' /:;.')}")
        elif tag == "100" and first:
            head.append(f"Author: {_surname_first(first)}")
        elif tag == "502":
            head.extend(v.rstrip(" .,") for c, v in sub if c in "abcd" and v)
        elif tag == "700" and first:
            role = next((v for c, v in sub if c == "e"), "")
            if role:
                head.append(f"{role[:1].upper() + role[1:]}: {_surname_first(first)}")
        elif tag == "653":
            keywords.extend(v.rstrip(" .;") for c, v in sub if c == "a" and v)
        elif tag == "520":
            body.extend(v for c, v in sub if c in "ab" and v)
    if not body and not head:
        return plain
    tail = [f"Keywords: {'; '.join(keywords)}"] if keywords else []
    return "\n".join(head + [""] + body + tail)
