"""Programs named in a list with a program already known.

A work names the programs it computed in as a list, and the vocabularies or the words of use
(«в программе», "in") catch only some of them: «в программах Drillbench, Techlog и Minitab 20»,
«в пакете ANSYS и SYSWELD», «Microsoft Excel және Jamovi бағдарламаларында», "Stata 17 and
Mplus 8". A list joins names of one kind, so a Latin-script name joined by a comma or a
conjunction to a program is a program too, and the next one after it, along the whole list.

Only a program opens a list: a name in Latin letters that is a single word, capitalised or
shaped (an acronym, a capital inside, a digit), with its version if any. A method named by
ordinary words ("content analysis and Braun") opens none, and in an English text an ordinary
English word is no program ("SPSS and Excel" is, "SPSS and Table 2" is not: a digit alone after a
common word is a table's or a figure's number).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

# what joins two names of a list: a comma, a conjunction or both (Kazakh in Latin letters too)
_JOIN = r"(?:\s*,\s*(?:(?:and|or|и|или|және|немесе|мен|пен|бен|jäne|jane)\s+)?" \
        r"|\s+(?:and|or|и|или|және|немесе|мен|пен|бен|jäne|jane)\s+)"
# one Latin word, perhaps with a second capitalised one, and a version
_NAME = r"[A-Za-z][A-Za-z0-9+#]*(?:[./-][A-Za-z0-9+#]+)*(?:[ \t][A-Z][A-Za-z0-9+#]*)?(?:[ \t]\d{1,2}(?:\.\d{1,2}){0,2})?"
_NEXT = re.compile(rf"{_JOIN}({_NAME})(?![\w'’.–—-]?\w)")
_PREVIOUS = re.compile(rf"(?<![\w./-])({_NAME}){_JOIN}$")
_LATIN = re.compile(r"[A-Za-z]")
_GLUED = re.compile(r"(?:/[A-Za-z0-9]+)*")
# the program at the end of a name found («пакете ANSYS», "SPSS 26") or at its start
_TAIL = re.compile(r"[A-Za-z][^\s]*(?:[ \t]\d{1,2}(?:\.\d{1,2}){0,2})?$")
_HEAD = re.compile(r"^[A-Za-z][^\s,;]*")


def is_program(name: str) -> bool:
    """A name shaped like a program's: "SPSS 26", "Minitab", "EViews 12", "GPS-X", "pandas" is not
    (a lower-case word is no name to go by)."""
    words = name.split()
    head = words[0]
    if len(head) < 2 or not _LATIN.match(head) or not head[:1].isupper() and not re.search(r"[A-Z]", head[1:]):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


def _shaped(word: str) -> bool:
    return bool(re.search(r"[A-Z]", word[1:]) or re.search(r"\d", word) or "." in word.strip("."))


def listed(text: str, lang: str, methods: Iterable[tuple[int, int]],
           ordinary: Callable[[str], bool], known: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of every program listed with a program among `methods` (spans of methods
    already found), along the list in both directions. `ordinary(word)`: an English word.
    `known`: the spans among `methods` that a vocabulary names (not guessed from a shape)."""
    known = set(known)
    def program_at(s: int, e: int, end: bool) -> bool:
        m = (_TAIL if end else _HEAD).search(text[s:e])
        return m is not None and is_program(m.group()) and (lang != "en" or _program_shaped(m.group(), ordinary))

    todo = [(s, e, True, True) for s, e in sorted(set(methods))]
    seen = {(s, e) for s, e, _, _ in todo}
    out = []
    while todo:
        s, e, forward, backward = todo.pop()
        spans = []
        # (a name found short of its glued code, "SEEP" of "SEEP/W", lists on after the code)
        m = _NEXT.match(text, _GLUED.match(text, e).end()) if forward and program_at(s, e, True) else None
        if m:
            spans.append(m.span(1))
        m = _PREVIOUS.search(text, max(0, s - 60), s) if backward and program_at(s, e, False) else None
        if m:
            spans.append(m.span(1))
        for a, b in spans:
            name = text[a:b]
            if (a, b) in seen or not is_program(name):
                continue
            if lang == "en" and not _program_shaped(name, ordinary):
                continue   # "SPSS and Table 2": alike only by their capitals
            if lang == "en" and not _shaped(name.split()[0]) and (s, e) not in known:
                # a plain capitalised word follows a program only the vocabulary knows: a guess
                # from a company's capitals ("TotalEnergies and Masdar") lists no programs
                continue
            seen.add((a, b))
            out.append((a, b))
            todo.append((a, b, b > e, a < s))
    return sorted(out)


def _program_shaped(name: str, ordinary: Callable[[str], bool]) -> bool:
    head = name.split()[0]
    return _shaped(head) or not ordinary(head.lower())
