"""Research and design institutes named, the Soviet way, by a syllable of their field and the
acronym of their kind (issue #10's entity goal, fifteenth held-out corpus).

- «…НИИ» (научно-исследовательский институт) after a syllable in lower case: КаздорНИИ, СибНИИ,
  КазНИИСХ; in Latin letters KazNII…; written in one case, the older «Союздорнии», «Гипродорнии»,
  which the dictionary does not know (so never «Германии», «управлении»).
- A body of Kazakhstan built on «Каз»: Казгидромет, Казавтодор, Казгипроград; not a word of the
  language (Казань, казачий, казна) nor Kazakhstan's own name (Казахстан, казахский).

Both are organisations wherever they stand: the acronym says what they are.
"""
from __future__ import annotations

import re

from . import morphology

_NII = re.compile(r"(?<![\w-])([А-ЯЁA-Z][а-яёa-z]{1,8}(?:НИИ|NII)[А-ЯЁA-Z]{0,5}|[А-ЯЁ][а-яё]{2,8}нии)(?![\w-])")
_KAZ = re.compile(r"(?<![\w-])(Каз(?!ах|ан|ач|н|арм|ус|ино|ем|ак)[а-яё]{5,})(?![\w-])")
# case endings a Russian text puts on «Казгидромет» (Казгидромета, Казгидрометом)
_CASE = re.compile(r"(?:ом|ой|ами|ах|ам|ы|а|у|е)$")


def _unknown(word: str) -> bool:
    return not morphology._analyzer().word_is_known(word.lower())


def find(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each institute or body named so; a Russian case ending stays in the span."""
    if lang not in ("ru", "kk", "en"):
        return []
    out = []
    for m in _NII.finditer(text):
        word = m.group(1)
        if word.endswith("нии") and not _unknown(word):
            continue
        out.append(m.span(1))
    if lang == "ru":
        for m in _KAZ.finditer(text):
            word = m.group(1)
            if _unknown(word) and _unknown(_CASE.sub("", word) or word):
                out.append(m.span(1))
    return out
