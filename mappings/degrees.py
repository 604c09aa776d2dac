"""The degree a work is submitted for, read from its title page.

Kazakhstan awards the PhD (since 2005) and, before it, the Soviet-style Candidate and Doctor of
Sciences, whose autoreferats still circulate («АВТОРЕФЕРАТ диссертации на соискание ученой
степени кандидата исторических наук», «… ғылымдарының докторы ғылыми дәрежесін алу үшін»);
master's and bachelor's theses have abstracts of the same shape. The degree a document names
first on its title page is the one it is submitted for: later mentions are people's titles
(a supervisor, "доктор исторических наук, профессор") or the subject of the research
("bachelor students").
"""
from __future__ import annotations

import re

_I = re.IGNORECASE | re.UNICODE
_W = r"[\w-]+"

# degree → patterns, each naming the degree itself, never a person holding it.
PATTERNS: dict[str, list[str]] = {
    "candidate": [
        rf"кандидат\w*\s+(?:{_W}\s+){{0,3}}?наук",
        r"ғылым(?:дарының|ының|дар)?\s+кандидат\w*",
        rf"candidate\s+of\s+(?:{_W}\s+){{0,2}}?sciences?",
    ],
    "doctor": [
        rf"доктор\w*\s+(?!философии)(?:{_W}\s+){{0,3}}?наук",
        r"ғылым(?:дарының|ының|дар)?\s+доктор\w*",
        rf"doctor\s+of\s+(?!philosophy)(?:{_W}\s+){{0,2}}?sciences?\b",
    ],
    "phd": [
        r"\bPh\.?\s?D\b(?!\s*(?:student|candidate|студент\w*|докторант\w*))",
        r"doctor\s+of\s+philosophy", r"доктор\w*\s+философии", r"философия\s+доктор\w*",
        r"doctoral\s+(?:dissertation|thesis)", r"докторск\w+\s+диссертаци\w*(?!\s+на\s+соискание)",
    ],
    "master-arts": [r"master\s+of\s+arts\b", r"магистр\w*\s+гуманитарн\w+\s+наук", r"гуманитарлық\s+ғылымдар\w*\s+магистр\w*"],
    "master-science": [r"master\s+of\s+(?:\w+\s+)?sciences?\b", rf"магистр\w*\s+(?:{_W}\s+){{0,2}}?наук",
                       r"ғылымдар(?:ының)?\s+магистр\w*"],
    "master": [
        r"master(?:'s|’s)?\s+(?:thesis|dissertation|degree|project)", r"master\s+of\s+[A-Z]\w+",
        r"магистерск\w+\s+(?:диссертаци|работ|проект)\w*", r"(?:степени|степень)\s+магистр\w*",
        r"магистрлік\s+(?:диссертаци|жоба|жұмыс)\w*", r"магистр\s+(?:академиялық\s+)?дәреже\w*",
    ],
    "bachelor": [
        r"bachelor(?:'s|’s)?\s+(?:thesis|degree\s+(?:thesis|project|work)|project|work)", r"bachelor\s+of\s+[A-Z]\w+",
        r"graduation\s+(?:thesis|project)", r"diploma\s+(?:thesis|project|work)",
        r"бакалаврск\w+\s+работ\w*", r"(?:степени|степень)\s+бакалавр\w*", r"дипломн\w+\s+(?:работ|проект)\w*",
        r"выпускн\w+\s+квалификационн\w+\s+работ\w*",
        r"бакалавр\s+(?:академиялық\s+)?дәреже\w*", r"дипломдық\s+(?:жұмыс|жоба)\w*", r"бітіру\s+жұмыс\w*",
    ],
}
MASTERS = frozenset({"master", "master-arts", "master-science"})
DOCTORAL = frozenset({"phd", "candidate", "doctor"})
_COMPILED = [(degree, re.compile(p, _I)) for degree, pats in PATTERNS.items() for p in pats]

# What presents a person names that person's degree, not the work's: an article's author lines
# (initials, e-mail), a supervisor or opponent to the end of the line, a degree followed by an
# academic title ("доктор исторических наук, профессор"). A label's word is read with its
# ending ("руководитель", "оппоненты", "жетекшісі").
_AUTHOR_LINE = re.compile(
    r"(?i)e-?mail|@|^\W*[^\W\d_]\.\s?(?:[^\W\d_]\.\s?)?[^\W\d_]{2,}|^\W*[^\W\d_]{2,}\s+[^\W\d_]\.\s?(?:[^\W\d_]\.)?(?:\W|$)")
_SUPERVISOR = re.compile(
    r"(?i)(?:научн\w+\s+(?:руководител|консультант)|ғылыми\s+(?:жетекші|кеңесші)|(?:scientific\s+)?supervisors?|"
    r"(?:scientific\s+)?advis[oe]rs?|consultants?|официальн\w+\s+оппонент|ресми\s+оппонент|official\s+opponents?|"
    r"ведущ\w+\s+организаци|рецензент|(?:учён|учен)\w+\s+секретар|ғалым\s+хатшы|scientific\s+secretary)\w*\b.*$")
_TITLED = re.compile(r"(?i)[\w-]+\s+(?:[\w-]+\s+){0,4}?(?:наук|sciences?|ғылымдарының\s+\w+)\w*\s*,\s*"
                     r"(?:профессор|доцент|professor|associate|assistant|академик|academician|член)\w*")

# _TITLED tries its five leading words at every word of a line; a line without its noun skips it
# (a title page's degree was 60 % of its time in _TITLED).
_TITLED_NOUN = re.compile(r"(?i)наук|science|ғылымдарының")


def _titles_out(line: str) -> str:
    return _TITLED.sub(" ", line) if _TITLED_NOUN.search(line) else line


# An autoreferat under a Soviet-style code (05.16.02) names who guided the work by the degree it
# seeks: a Candidate of Sciences has a supervisor (научный руководитель), a Doctor of Sciences a
# consultant (научный консультант).
_OLD_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}")
_GUIDED = [("doctor", re.compile(r"(?i)научн\w+\s+консультант|ғылыми\s+кеңесші|scientific\s+consultant")),
           ("candidate", re.compile(r"(?i)научн\w+\s+руководител|ғылыми\s+жетекші|scientific\s+supervisor"))]


def _guided_by(head: str) -> str | None:
    found = [(m.start(), degree) for degree, pat in _GUIDED for m in [pat.search(head)] if m]
    return min(found)[1] if found else None


def degree(head: str, specialty_code: str | None = None) -> str | None:
    """The degree the title page submits the work for; the specialty code's level decides when
    no degree is named (Kazakhstan's codes: 5B/6B bachelor, 6M/7M master, 6D/8D doctoral)."""
    lines = [_titles_out(_SUPERVISOR.sub("", line)) for line in head.split("\n") if not _AUTHOR_LINE.search(line)]
    text = "\n".join(lines)
    found = [(m.start(), degree) for degree, pat in _COMPILED for m in [pat.search(text)] if m]
    if found:
        first = min(found)[1]
        if first in MASTERS:  # "master's thesis … for the degree of Master of Arts": the named one
            first = next((d for _, d in sorted(found) if d in ("master-arts", "master-science")), first)
        return first
    if specialty_code and _OLD_CODE.fullmatch(specialty_code):
        return _guided_by(head)
    if specialty_code and len(specialty_code) > 1 and specialty_code[1] in "DBM" and specialty_code[0] in "5678":
        return {"D": "phd", "M": "master", "B": "bachelor"}[specialty_code[1]] if not (
            specialty_code[1] == "D" and specialty_code[0] not in "68") else None
    return None


