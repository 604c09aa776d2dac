"""A journal article's abstract as one summary, and its translations kept out of the body.

Kazakhstani journals print an article's front in its own language (title, authors, abstract,
keywords), the body, and then the same front in the two other languages. Two things follow
that section splitting alone gets wrong:
- the abstract is one block even when it has no "Abstract" heading (a paragraph between the
  title and "Түйін сөздер:") and even when sentences inside it open like sections ("The aim of
  the study is …", «Зерттеудің мақсаты – …»): the summary runs from its start to the keywords;
- the translated fronts at the end (or between the front and the body) are not part of the
  conclusion or of whatever section precedes them.
"""
from __future__ import annotations

import re

from . import language
from .errors import MappingError
from .front_matter import KEYWORD_LABELS
from .sections import Section, join_lines

# Sections that end an article's abstract: the keywords, the body's first parts, a second abstract.
_AFTER_SUMMARY = {"keywords", "introduction", "conclusion", "references", "publications", "abstract"}
_KEYWORDS = re.compile(rf"(?i)^[ \t*_]*(?:{'|'.join(f'(?P<{k}>{p})' for k, p in KEYWORD_LABELS.items())})[ \t*_]*[:.–—-]")
# "Abstract. …", «Аңдатпа. …», «Аннотация: …» opening a line (a translated front's abstract).
_SUMMARY_WORDS = r"abstract|annotation|summary|аннотация|резюме|аңдатпа|андатпа|түйіндеме"
_ABSTRACT_MARK = re.compile(rf"(?i)^[ \t*_]*(?:{_SUMMARY_WORDS})[ \t*_]*[:.–—-][ \t*_]*\S")
# A line of a front (title, authors, affiliation) rather than of prose: no full stop at its end.
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
_ADDRESS = re.compile(r"(?i)e-?mail|@|\bORCID\b|\bdoi\b")
# Authors with initials, either order, with affiliation marks: "Жумабаева А.Т., Касымов Е.С.",
# "A.T. Zhumabayeva¹, Ye.S. Kassymov²*".
_INITIALS = r"(?:[^\W\d_][^\W\d_]?\.\s?){1,3}"
_NAME = rf"(?:{_INITIALS}[^\W\d_][\w'’-]+|[^\W\d_][\w'’-]+\s+{_INITIALS})[\d¹²³⁴⁵*,\s]*"
_NAMES = re.compile(rf"(?:{_NAME})(?:(?:,|\sand\s|\sи\s|\sжәне\s)\s*{_NAME})*")
_AUTHORS_RUN = re.compile(rf"(?:{_NAME}(?:(?:and|и|және)\s+)?)+")


def _lang_of(lines: list[str]) -> str | None:
    try:
        return language.detect("\n".join(lines))
    except MappingError:
        return None


def _prose(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (len(line) >= 60 and bool(_SENTENCE_END.search(line)) and not _ADDRESS.search(line)
            and sum(c.isupper() for c in letters) < 0.5 * len(letters))


def _front_end(lines: list[str], i: int, lang: str) -> int | None:
    """Where the front in another language that lines[i] opens (its abstract or its keyword
    line) ends, or None when lines[i] opens none."""
    k = _KEYWORDS.match(lines[i])
    if k:
        return _after_keywords(lines, i) if next(x for x in KEYWORD_LABELS if k.group(x)) != lang else None
    if not _ABSTRACT_MARK.match(lines[i]):
        return None
    # A paragraph on one line (a reflowed text) is evidence enough; read with the lines after
    # it, the article's own abstract that follows would outvote a short translated one.
    seen = _lang_of([lines[i]]) if len(lines[i]) >= 150 else _lang_of([ln for ln in lines[i:i + 4] if ln.strip()])
    if seen is None or seen == lang:
        return None
    for j in range(i + 1, min(len(lines), i + 16)):
        if _KEYWORDS.match(lines[j]):
            return _after_keywords(lines, j)
        if _ABSTRACT_MARK.match(lines[j]):
            return j
    # No keyword line of its own (a PDF's layout ran it into the abstract's paragraph): the
    # front goes on while its lines are in its language. A PDF's clean text may have no blank
    # line at all, and reading to the next one dropped the body after the translation with it.
    j = i + 1
    while j < len(lines) and lines[j].strip() and _lang_of([lines[j]]) == seen:
        j += 1
    return j


def _after_keywords(lines: list[str], j: int) -> int:
    # a keyword list that wraps goes on in lower case until it ends in a full stop
    j += 1
    while j < len(lines) and lines[j][:1].islower() and not lines[j - 1].rstrip().endswith("."):
        j += 1
    return j


def without_translations(clean: str, lang: str) -> str:
    """The text without the fronts printed in its other languages: each from the title and
    author lines above its abstract (or keyword line) to the end of its keyword line."""
    lines, out, i = clean.split("\n"), [], 0
    while i < len(lines):
        end = _front_end(lines, i, lang)
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        _drop_front_lines(out, lang, _front_language(lines, i))
        i = end
    return "\n".join(out)


# "Түйін. …", «Резюме: …» opening a translated front's abstract (the Kazakh «Түйін» alone is a
# summary's mark only there: before a keyword line in Kazakh)
_TRANSLATED_MARK = re.compile(rf"(?i)^[ \t*_]*(?:{_SUMMARY_WORDS}|түйін)[ \t*_]*[:.–—-][ \t*_]*")


def translated_summaries(clean: str, lang: str) -> dict[str, str]:
    """The abstracts a journal prints in its other languages, each the prose above its keyword
    line (back to its "Аннотация." or to the front's title and authors): the article's summary
    in that language, read and linked as the article's own is."""
    lines, out = clean.split("\n"), {}
    for j, line in enumerate(lines):
        k = _KEYWORDS.match(line)
        other = next(x for x in KEYWORD_LABELS if k.group(x)) if k else None
        if other is None or other == lang or other in out:
            continue
        prose: list[str] = []
        i = j - 1
        # (a line alone may be too short to tell Kazakh from Russian: its script is checked here,
        # the language of the whole below)
        while i >= 0 and j - i <= 30:
            above = lines[i]
            if not above.strip():
                if prose:
                    break
            elif _KEYWORDS.match(above) or _latin(above) != (other == "en"):
                break
            elif _TRANSLATED_MARK.match(above):
                prose.append(_TRANSLATED_MARK.sub("", above, count=1))
                break
            elif _prose(above) or (prose and not _capitals(above)):
                prose.append(above)
            else:
                break
            i -= 1
        text = join_lines(prose[::-1]).strip() if prose else ""
        if _lang_of([text]) != other:
            continue
        # a summary set as its citation runs on from the authors («Сейткали А.Б., Омарова Ж.К.
        # Механические и термические свойства …»): the authors are the front's, not its text's
        names = _AUTHORS_RUN.match(text)
        if names and len(names.group().split()) >= 2:
            text = text[names.end():].lstrip(" ,.")
        if len(text.split()) >= 12:
            out[other] = text
    return out


def _front_language(lines: list[str], i: int) -> str | None:
    k = _KEYWORDS.match(lines[i])
    if k:
        return next(x for x in KEYWORD_LABELS if k.group(x))
    return _lang_of([ln for ln in lines[i:i + 4] if ln.strip()])


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _latin(line: str) -> bool:
    letters = sum(c.isalpha() for c in line) or 1
    return sum(c.isascii() and c.isalpha() for c in line) / letters > 0.5


def _drop_front_lines(out: list[str], lang: str, front_lang: str | None = None) -> None:
    # the title and author lines just above a translated abstract belong to it
    kept_blank, popped = [], []
    while out and len(popped) < 4:
        line = out[-1]
        if not line.strip():
            kept_blank.append(out.pop())
            continue
        if _prose(line) or _KEYWORDS.match(line) or _ABSTRACT_MARK.match(line) or not _front_line(line, lang):
            break
        if front_lang is not None and (front_lang == "en") != (lang == "en") and _latin(line) == (lang == "en"):
            # A translation in the other script (a Kazakh abstract in an English article) has
            # its title in that script: a line in the article's own script above it is the
            # article's own title or authors, printed before the translation.
            break
        popped.append(out.pop())
    if popped and not any(_prose(line) for line in out) and _titled_in(out + popped[::-1], lang):
        # Still on the title page, under a title in the article's own language: the translation
        # is printed first (a Kazakh abstract before the Russian article's own), and the authors
        # and affiliations above it are the article's, shared by its fronts.
        out.extend(line for line in reversed(popped + kept_blank) if line.strip())
        return
    out.extend(kept_blank[:1])


def _titled_in(page: list[str], lang: str) -> bool:
    """Whether the title page's lines above a translation open with a title in the article's
    own language: the first line that is no journal header, code or author line."""
    lines = [line for line in page if line.strip() and not _KEYWORDS.match(line)]
    title = next((line for line in lines if len(line) >= 30 and not _NAMES.fullmatch(line.strip())
                  and not _ADDRESS.search(line) and _lang_of([line]) is not None), "")
    return bool(title) and _lang_of([title]) == lang


def _front_line(line: str, lang: str) -> bool:
    # A title or author line: in another script, or short and without a full stop, or names
    # with initials ("Жумабаева А.Т., Касымов Е.С.").
    latin = sum(c.isascii() and c.isalpha() for c in line)
    letters = sum(c.isalpha() for c in line) or 1
    other_script = (latin / letters > 0.5) != (lang == "en")
    short = len(line) < 120
    return other_script or (short and not _SENTENCE_END.search(line)) or (short and bool(_NAMES.fullmatch(line.strip())))


def summary(found: list[Section], clean: str) -> Section | None:
    """The article's abstract in `clean` (the text its sections were split from, without the
    translated fronts): from its heading (or, without one, the first line of prose after the
    title) to the keywords or the first part of the body, with the sentences inside it that
    opened other sections."""
    cursor, starts = 0, []
    for sec in found:
        probe = sec.heading or (sec.lines[0] if sec.lines else "")
        at = clean.find(probe, cursor) if probe else -1
        starts.append(at if at >= 0 else cursor)
        cursor = starts[-1]
    begin, first, heading = None, None, ""
    for n, sec in enumerate(found):
        if sec.kind == "abstract" and sec.lines:
            begin, first, heading = clean.find(sec.lines[0], starts[n]), n, sec.heading
            break
    if begin is None and found and found[0].kind == "preamble":
        # The title page's paragraphs (blank-line apart), the last of them prose: hard-wrapped
        # lines mended first, since a wrapped sentence is prose and its pieces are not.
        head = clean[starts[0]:starts[1] if len(starts) > 1 else len(clean)]
        blocks = [b for b in re.split(r"\n\s*\n", head) if b.strip()]
        k = len(blocks)
        while k > 0 and all(_prose(p) for p in join_lines(blocks[k - 1].strip().splitlines()).split("\n")):
            k -= 1
        if k < len(blocks):
            begin, first = clean.find(blocks[k].strip(), starts[0]), 0
    if begin is None or begin < 0:
        return None
    end = len(clean)
    for n in range(first + 1, len(found)):
        if found[n].kind in _AFTER_SUMMARY and starts[n] > begin:
            end = starts[n]
            break
    body = Section("abstract", heading, [ln.strip() for ln in clean[begin:end].splitlines() if ln.strip()])
    return body if join_lines(body.lines).strip() else None
