"""Names of software, models and companies written in Latin letters that no vocabulary lists,
recognised by their spelling and the words beside them (issue #10's entity goal).

- A product's name is spelled as no word is: inner capitals ("AquaCrop", "ResNet-50",
  "EfficientNet-B4", "CollectiveAccess") or a word joined by a hyphen to a code in capitals
  ("Grad-CAM", "C-MAPSS", "WRF-Chem"). It names a tool or technique where the text speaks of
  methods (the statement of methods, a word of use before it: "with", «в среде», a word for a
  tool after it: "model", «жүйесінде», a data set before it: «набор данных C-MAPSS») or in a list
  of such names; before a word for a body ("… Council") it is part of that body's name, which the
  capitalised names find. Surnames with inner capitals (McLuhan, DeLillo) are no products.
- A program named after a verb of computing: "modelled in Simcenter Amesim" (one plain English
  word there, "in Excel", "in Python", is left to the vocabularies).
- Kazakhstan's companies build their names on "Kaz"/"Qaz" (Kazakhmys, Kazgeology, KazTransOil,
  QazaqGaz): such a word, unknown to the vocabularies and to English, names a company.
- A company named by one or two capitalised words after a word that says it is one: "a company
  of Glencore", "rigs made by Epiroc and Boart Longyear", "a subsidiary of Vale".

The spans found are candidates for a curator (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re

# inner capitals, with a version or variant after a hyphen: ResNet-50, EfficientNet-B4, DepthmapX
_CAMEL = r"[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)?"
# a word and a code in capitals: Grad-CAM; a letter or two and a code: C-MAPSS; a code and a word: WRF-Chem
_CODED = r"[A-Z][a-z]+-[A-Z]{2,}[A-Za-z0-9]*|[A-Z]{1,2}-[A-Z]{3,}[A-Za-z0-9]*|[A-Z]{2,}-[A-Z][a-z]+"
PRODUCT = re.compile(rf"(?<![\w.@/-])(?:{_CAMEL}|{_CODED})(?![\w@/-]|\.\w)")
# surnames and particles that take an inner capital: McLuhan, MacArthur, DeLillo, VanDyke, O'Neil
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Du|St)[A-Z]")
_KAZ_COMPANY = re.compile(r"(?<![\w.@/-])(?!(?:Kazakh|Qazaq)(?:s|stan|stani|i)?\b)(?:Kaz|Qaz)[a-z]{3,}[A-Za-z]*(?![\w@/-])")
# a word that says a tool is meant, after the name (besides linking's words after an acronym)
_TOOL_AFTER = re.compile(r"\s+(?:system|platform|жүйес|систем)\w*", re.I)

_COMPANY_CUE = re.compile(
    r"\b(?:(?:a|the)\s+(?:company|subsidiary|division|unit|member)\s+of|(?:companies|subsidiaries|firms)\s+(?:of|like|such\s+as)|"
    r"(?:made|manufactured|produced|supplied|operated|owned)\s+by)\s+(?:the\s+)?$", re.I)
_COMPANY_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w-])")
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


# a program named after a verb of computing: "modelled in Simcenter Amesim", "simulated with
# Flow Studio", "processed using Seismo Toolkit"
_COMPUTED_IN = re.compile(r"\b(?:modell?ed|simulated|implemented|coded|programmed|computed|calculated|processed|"
                          r"drafted|rendered)\s+(?:in|with|using)\s+(?:the\s+)?"
                          r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?![\w-])")


def computed_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of a program's name after a verb of computing and "in"/"with"/"using"."""
    return [m.span(1) for m in _COMPUTED_IN.finditer(text)]


def products(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word spelled as a product's name."""
    out = []
    for m in PRODUCT.finditer(text):
        if _SURNAME_PREFIX.match(m.group()):
            continue
        out.append(m.span())
    return out


# a data set named before it: "the C-MAPSS dataset" is named after, «на наборе данных C-MAPSS» before
_TOOL_BEFORE = re.compile(r"(?:\bdata\s*set|\bbenchmark|набор[аеу]?\s+данных|деректер\w*)\s+$", re.I)


def tool_after(text: str, end: int) -> bool:
    return _TOOL_AFTER.match(text, end) is not None


def tool_before(text: str, start: int) -> bool:
    return _TOOL_BEFORE.search(text[max(0, start - 30):start]) is not None


def kaz_companies(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _KAZ_COMPANY.finditer(text)]


def companies(text: str) -> list[tuple[int, int]]:
    """(start, end) of each company named after a word that says it is one, through a list."""
    out = []
    for cue in re.finditer(r"\b(?:of|by|like|as)\s+(?:the\s+)?", text):
        if not _COMPANY_CUE.search(text[max(0, cue.end() - 60):cue.end()]):
            continue
        pos = cue.end()
        while True:
            m = _COMPANY_NAME.match(text, pos)
            if m is None:
                break
            out.append(m.span())
            nxt = _LIST_NEXT.match(text, m.end())
            if nxt is None:
                break
            pos = nxt.end()
    return out
