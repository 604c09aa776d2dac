"""Headings set with their letters spaced out, read back as words.

A heading set with expanded character spacing comes out of both PDF readers letter by letter
(«Т а қ ы р ы п т ы ң ө з е к т і л і г і»: one space between letters and none between words),
and one spaced out by typing keeps a wider gap between words («Ц Е Л Ь   З А Д А Ч И»). Either
way no keyword matches until the letters are one word again. Where the words part is not
written, it is found: the run is cut into the words headings are made of (the section keywords
and the heading words, in any of the three languages). A run is joined only when the result is
a heading's wording, so that spaced letters of anything else (a formula's variables «x y z w»,
initials «А. Б.», list letters «а) б)») stay as written.
"""
from __future__ import annotations

import re

from .heading_vocabulary import words as _words

_LETTER = r"[^\W\d_]"
# A run of at least four single letters, one to three spaces apart (a comma may close a word:
# «П О Л О Ж Е Н И Я,   В Ы Н О С И М Ы Е»), standing apart from other words.
_RUN = re.compile(rf"(?<![^\s(«\"“])(?:{_LETTER},?[ \t]{{1,3}}){{3,}}{_LETTER}(?=[\s.:,;)»\"”–—-]|$)")


def _fits(pattern: re.Pattern, word: str) -> bool:
    try:
        return pattern.fullmatch(word) is not None
    except re.error:
        return False


def _segment(letters: str) -> list[str] | None:
    """The letters cut into heading words, at least one of them a keyword; None if they are not.

    Of the cuts that read, fewest one-letter words first («задачи исследования», not «задач и
    исследования»), then most words (a keyword's open ending would swallow the words after it).
    """
    word, keyword = _words()
    n = len(letters)
    best: list[tuple | None] = [None] * (n + 1)
    best[0] = (0, 0, False, [])    # (one-letter words, -words, has keyword, words)
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            if prev is None:
                continue
            piece = letters[start:end]
            if not _fits(word, piece):
                continue
            cand = (prev[0] + (len(piece) == 1), prev[1] - 1, prev[2] or (len(piece) >= 4 and _fits(keyword, piece)), prev[3] + [piece])
            if best[end] is None or (cand[0], cand[1]) < (best[end][0], best[end][1]) or \
                    ((cand[0], cand[1]) == (best[end][0], best[end][1]) and cand[2] and not best[end][2]):
                best[end] = cand
    done = best[n]
    return done[3] if done and done[2] else None


def _rejoin(m: re.Match) -> str:
    run = m.group(0)
    groups = re.split(r"[ \t]{2,}", run)
    if len(groups) > 1:
        # typed spacing: the wider gaps are the word breaks
        words = [re.sub(r"[ \t]", "", g) for g in groups]
        if any(_segment(re.sub(r"\W", "", w)) for w in words):
            return " ".join(words)
        return run
    out = []
    for chunk in re.split(r"(?<=,)[ \t]", run):   # a comma closes a word
        letters = re.sub(r"[\s,]", "", chunk)
        cut = _segment(letters)
        if cut is None:
            return run
        out.append(" ".join(cut) + ("," if chunk.rstrip().endswith(",") else ""))
    return " ".join(out)


def rejoin(text: str) -> str:
    """The text with each letter-spaced heading's letters joined into its words."""
    return _RUN.sub(_rejoin, text)
