"""A convention, a charter or a declaration named by the body that adopted it.

«Конвенция Совета Европы об отмывании …», «Конвенцию ООН о правах ребёнка», "the Council of
Europe Convention on Cybercrime": the body's name is known to the vocabularies, the treaty often
is not. The treaty is the thing named (an Initiative); the body inside its name is no mention of
its own, as a state that opens the name of its ministry is none.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

# the treaty's head, capitalised as a name's first word, just before the body (Russian: the body
# in the genitive follows its treaty)
_RU_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:Рамочн\w+\s+)?(?:Конвенци\w+|Хартии|Хартия|Хартию|Хартией|"
                             r"Декларац\w+|Устав[аеуы]?)\s+$")
# English: the body opens the treaty's name ("the Council of Europe Convention on …") or follows
# "of the" ("the Convention of the Council of Europe")
_EN_HEAD_AFTER = re.compile(r"\s+(?:Framework\s+)?(?:Convention|Charter|Declaration)\b"
                            r"(?:\s+(?:on|for|against)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of|and|the|[A-Z][\w-]*))*"
                            r"(?<!\sof)(?<!\sand)(?<!\sthe))?")
_EN_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:Convention|Charter|Declaration)\s+of\s+the\s+$")
_ABOUT = {"о", "об"}


def treaties_of_bodies(text: str, lang: str, tokens: Sequence, named: list, mentions: list,
                       bodies: set[str], about_end: Callable) -> tuple[list, list]:
    """Widen each body the vocabularies found beside a treaty's head into that treaty's name, a
    candidate Initiative, and drop the body's mention inside it. `about_end(tokens, k, limit,
    joins)` is the end of a Russian «о …» phrase that opens at token k."""
    if lang not in ("ru", "en"):
        return named, mentions
    taken = [(s, e) for s, e, _, _ in named]
    out_mentions, widened = [], []
    for m in mentions:
        span = _treaty_span(text, lang, tokens, m, about_end) if m.cls in bodies else None
        if span and not any(a < span[1] and span[0] < b for a, b in taken) and not any(
                o is not m and span[0] <= o.start < span[1] and o.cls not in bodies for o in mentions):
            widened.append((span[0], span[1], "Initiative", "body's treaty"))
            taken.append(span)
            continue
        out_mentions.append(m)
    return named + widened, out_mentions


def _treaty_span(text: str, lang: str, tokens: Sequence, m, about_end: Callable) -> tuple[int, int] | None:
    if lang == "en":
        after = _EN_HEAD_AFTER.match(text, m.end)
        if after:
            return m.start, after.end()
        before = _EN_HEAD_BEFORE.search(text, max(0, m.start - 40), m.start)
        return (before.start(), m.end) if before else None
    before = _RU_HEAD_BEFORE.search(text, max(0, m.start - 40), m.start)
    if not before:
        return None
    end = m.end
    k = next((j for j, t in enumerate(tokens) if t.start >= m.end), None)

    def joins(j: int) -> bool:
        return 0 < j < len(tokens) and text[tokens[j - 1].end:tokens[j].start].strip(" \u00a0,") == ""

    if k is not None and tokens[k].text.lower() in _ABOUT and text[m.end:tokens[k].start].strip() == "":
        last = about_end(tokens, k, len(tokens), joins)
        if last > k:
            end = tokens[last].end
    return before.start(), end

