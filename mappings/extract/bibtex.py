"""A BibTeX record of the work (a journal's or library's export, or a README's "cite as" block)
as the text of the title page and abstract it describes: "Title: …", "Authors: …" (surname
first, as the record has them, less the catalogue's comma), "Keywords: …", then the abstract.
LaTeX's spellings are undone as a reader sees them typeset ("--" a dash, "<<…>>" «…», "~" a
space, "\\%" a percent sign, "{HPLC}" HPLC).

Written by hand: no BibTeX parser is among the project's dependencies, and the record's shape
read here (entries of brace-balanced "name = {value}" fields) is small and fixed.
"""
from __future__ import annotations

import re

_ENTRY = re.compile(r"@(?P<type>[A-Za-z]+)\s*\{\s*(?P<key>[^,\s{}]*)\s*,")
_FIELD = re.compile(r"\s*(?P<name>[A-Za-z][\w-]*)\s*=\s*")
# Fields a reader sees on the page; the rest (doi, url, issn, pages, note …) are a catalogue's.
_SHOWN = ("title", "author", "journal", "booktitle", "school", "institution", "year", "keywords", "abstract")


def entries(text: str) -> list[tuple[str, dict[str, str], int, int]]:
    """Each entry as (type, fields, start, end) in `text`; an unbalanced entry ends the reading."""
    found = []
    at = 0
    while (m := _ENTRY.search(text, at)) is not None:
        fields: dict[str, str] = {}
        i = m.end()
        while True:
            f = _FIELD.match(text, i)
            if f is None:
                break
            value, i = _value(text, f.end())
            if value is None:
                return found
            fields[f.group("name").lower()] = value
            i = re.match(r"\s*,?", text[i:]).end() + i
        close = re.match(r"\s*\}", text[i:])
        if close is None:
            return found
        found.append((m.group("type").lower(), fields, m.start(), i + close.end()))
        at = i + close.end()
    return found


def _value(text: str, i: int) -> tuple[str | None, int]:
    if i < len(text) and text[i] in "{\"":
        closing, depth, j = ("}" if text[i] == "{" else "\""), 0, i
        while j < len(text):
            c = text[j]
            if c == "\\":
                j += 2
                continue
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if closing == "}" and depth == 0:
                    return text[i + 1:j], j + 1
            elif c == "\"" and closing == "\"" and j > i and depth == 0:
                return text[i + 1:j], j + 1
            j += 1
        return None, i
    m = re.match(r"[\w.:-]+", text[i:])
    return (m.group(0), i + m.end()) if m else (None, i)


def latex_text(value: str) -> str:
    """A field's LaTeX as typeset text."""
    s = re.sub(r"\\(?:textit|textbf|emph|textsc|textrm|mathrm|text)\{([^{}]*)\}", r"\1", value)
    s = s.replace("---", "—").replace("--", "–").replace("<<", "«").replace(">>", "»")
    s = re.sub(r"\\([%&$#_{}])", r"\1", s)
    s = re.sub(r"(?<!\\)~", " ", s)
    s = re.sub(r"(?<!\\)[{}]", "", s)
    return re.sub(r"[ \t]+", " ", s).strip()


def _names(authors: list[str]) -> list[str]:
    """"Surname, Given" → "Surname Given"; "Given Surname" as it is. When the record abbreviates
    any given name ("Seitkali, Aruzhan T."), every author is printed with initials, "Seitkali
    A.T.", "Keller T.": a byline has one form for all its names, and half initials is none."""
    split = [re.match(r"^([^,]+),\s*(.+)$", a.strip()) for a in authors]
    initials = any(m and re.search(r"(?:^|\s)\w\.", m.group(2)) for m in split)
    out = []
    for a, m in zip(authors, split):
        if m is None:
            out.append(a.strip())
        elif initials:
            out.append(f"{m.group(1).strip()} " + "".join(p[0] + "." for p in m.group(2).split()))
        else:
            out.append(f"{m.group(1).strip()} {m.group(2).strip()}")
    return out


def page(fields: dict[str, str]) -> list[str]:
    """The lines a reader of the record's work sees: the title page, then the abstract."""
    shown = {k: latex_text(v) for k, v in fields.items() if k in _SHOWN}
    lines = []
    if shown.get("title"):
        lines.append(f"Title: {shown['title']}")
    if shown.get("author"):
        names = _names([a for a in re.split(r"\s+and\s+", shown["author"]) if a.strip()])
        lines.append(("Authors: " if len(names) > 1 else "Author: ") + ", ".join(names))
    for k in ("journal", "booktitle", "school", "institution", "year"):
        if shown.get(k):
            lines.append(shown[k])
    if shown.get("keywords"):
        lines.append(_keyword_label(shown["keywords"]) + "; ".join(x.strip() for x in re.split(r"[;,]", shown["keywords"]) if x.strip()))
    if shown.get("abstract"):
        lines += [""] + [p.strip() for p in re.split(r"\n\s*\n", latex_text_keeping_paragraphs(fields["abstract"]))]
    return lines


def _keyword_label(words: str) -> str:
    """The label in the keywords' own language: the list's language is read from its label."""
    if re.search(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]", words):
        return "Түйін сөздер: "
    if re.search(r"[А-Яа-яЁё]", words):
        return "Ключевые слова: "
    return "Keywords: "


def latex_text_keeping_paragraphs(value: str) -> str:
    return "\n\n".join(latex_text(p) for p in re.split(r"\n\s*\n|\\par\b", value) if p.strip())


def record(text: str) -> str:
    """A text that is a BibTeX record (its lines, less "%" comments, open with an entry) as the
    page it describes; any other text as it is."""
    body = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("%"))
    if not body.lstrip().startswith("@"):
        return text
    found = [e for e in entries(body) if e[0] not in ("comment", "preamble", "string")]
    if not found or body[found[-1][3]:].strip():
        return text
    return "\n".join(page(found[0][1]))
