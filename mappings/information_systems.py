"""Information systems named by a quoted name and the words for an information system: «информационной
системы «Параграф»», «ИС «Юрист»», «АИС «Заказ»», «"Әділет" ақпараттық-құқықтық жүйесі»,
«"Е-лицензиялау" автоматтандырылған ақпараттық жүйесінің», "the «Kadastr» information system".

An abstract names the legal databases, registers and state systems it drew its data from this
way; the quoted word alone («Параграф», «Әділет» "justice", «Юрист» "lawyer») is an ordinary
word or would pass for a programme's name, so the name is the kind words and the quotes together,
a tool the work used (dkg:Method), as the vocabularies list such systems. The spans found are
candidates for a curator (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re

_QUOTED = r"[«“\"„][^«»“”\"\n]{2,60}[»”\"“]"
# Russian and English put the kind first: «информационной системы «Параграф»», «ИС «Юрист»»
# (a bare «системы «свая – грунт»» is a system of engineering, not of information),
# «информационно-правовой системы «Заң»», "the information system «Kadastr»"
_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:[Аа]втоматизированн|[Ии]нформационно-правов|[Ии]нформационно-аналитическ|[Гг]осударственн|"
    r"[Ее]дин)[а-яё]{2,3}\s+)?(?:[Ии]нформационн[а-яё]{2,3}|[Ии]нформационно-[а-яё]+)\s+систем[а-яё]{0,3}\s+" + _QUOTED +
    r"|(?<![\w-])(?:ИС|АИС|ИАС|ИПС|ГИС)\s+" + _QUOTED +
    r"|(?<![\w-])(?:[Ii]nformation|[Dd]atabase)\s+(?:system\s+)?" + _QUOTED)
# Kazakh and English put it after: «"Әділет" ақпараттық-құқықтық жүйесі», "the «Kadastr» information system"
_KIND_AFTER = re.compile(
    _QUOTED + r"\s+(?:(?:[Аа]втоматтандырылған|[Мм]емлекеттік|[Бб]ірыңғай)\s+)?ақпараттық(?:-[а-яәғқңөұүһі]+)?\s+"
    r"жүйе[а-яәғқңөұүһі]*"
    r"|" + _QUOTED + r"\s+(?:[Ii]nformation|[Ll]egal\s+information|[Dd]atabase)\s+system")


def find(text: str) -> list[tuple[int, int]]:
    """(start, end) of every information system named with its kind, the kind words included."""
    if not re.search(r"систем|ИС|ақпараттық|[Ii]nformation|[Dd]atabase", text):
        return []
    spans = [m.span() for rx in (_KIND_BEFORE, _KIND_AFTER) for m in rx.finditer(text)]
    # a name ending in a word of the kind ("…системы «X»" before "«X» …жүйесі") is taken once, longest
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda p: (p[0], -(p[1] - p[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out
