"""Section lines → list items: numbered (``1.``, ``1)``, ``1.Text``), dashed (``-``, ``–``) or
bulleted (``·``, ``•``), with items that run over several paragraphs.

The first marker style seen is the list's own; other markers inside it (``a)``, a dash inside a
numbered item) are sub-points and stay in the item they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import LIST_MARKER
from .sections import join_lines


_YEAR_ITEM = re.compile(r"^\s*(\d{1,2})[.)](?=(?:1[89]|20)\d\d\b)")


@dataclass(frozen=True)
class Item:
    ordinal: int
    text: str
    written_number: int | None = None


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _number(m: re.Match) -> int | None:
    if m.group("num") or m.group("pnum"):
        return int(m.group("num") or m.group("pnum"))
    if m.group("roman") or m.group("proman"):
        values = [_ROMAN[c] for c in (m.group("roman") or m.group("proman")).upper()]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None


def _style(m: re.Match) -> str:
    if m.group("num") or m.group("pnum") or m.group("roman") or m.group("proman"):
        return "number"
    if m.group("letter") or m.group("pletter"):
        return "letter"
    return "bullet"


# A table row laid out as text: its number cell, a space and the item's cell ("1 Предложена …").
_ROW = re.compile(r"^(\d{1,2})\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _table_rows(lines: list[str]) -> list[str]:
    """Lines opening with 1, 2, 3 … and a capital, with no other marker in the list: the rows of
    a numbered table (a PDF's text layer has no cell borders), written "1. …" so that each row
    is an item; anything else as it was."""
    rows = [(i, int(m.group(1))) for i, m in ((i, _ROW.match(x)) for i, x in enumerate(lines)) if m]
    if len(rows) < 2 or [n for _i, n in rows] != list(range(1, len(rows) + 1)) or any(map(LIST_MARKER.match, lines)):
        return lines
    out = list(lines)
    for i, _n in rows:
        out[i] = _ROW.sub(lambda m: m.group(1) + ". ", out[i], count=1)
    return out


# A row of a table of tasks whose second cell names the chapter that answers it ("№ | Chapter |
# Task": "1 1.1 to define …", "6 3.1–3.2 to propose …"). A PDF's text layer wraps each cell and may
# run one row into the line of the row before.
_REFERENCED_ROW = re.compile(
    r"(?:^|(?<=\s))(\d{1,2})\s+\d{1,2}(?:\.\d{1,2})+\.?(?:\s*[–—-]\s*\d{1,2}(?:\.\d{1,2})+\.?)?\s+(?=[^\W\d_])")


def _referenced_rows(lines: list[str]) -> list[str]:
    """Rows numbered 1, 2, 3 … each with a chapter reference after its number, and no other
    marker in the list: one line "1. …" per row, without the reference (it is the table's, not
    the item's text); anything else as it was. A number before a decimal in prose ("in 2 1.5 mm
    plates") is no run of rows counted from 1."""
    if any(map(LIST_MARKER.match, lines)):
        return lines
    found = [(i, m) for i, x in enumerate(lines) for m in _REFERENCED_ROW.finditer(x)]
    if len(found) < 2 or [int(m.group(1)) for _i, m in found] != list(range(1, len(found) + 1)):
        return lines
    first = found[0][0]
    out = list(lines[:first])
    if lines[first][:found[0][1].start()].strip():
        out.append(lines[first][:found[0][1].start()].strip())
    rows: list[str] = []
    for k, (i, m) in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and nxt[0] == i:
            rows.append(lines[i][m.end():nxt[1].start()].strip())
            continue
        parts = [lines[i][m.end():].strip()] + lines[i + 1:nxt[0] if nxt else len(lines)]
        if nxt is not None:
            parts.append(lines[nxt[0]][:nxt[1].start()].strip())
        rows.append(" ".join(x for x in parts if x))
    out += [f"{n}. {row}" for n, row in enumerate(rows, 1)]
    return out


# Items numbered by hand in a chapter's style ("1.1. …", "1.2. …", "1.3 …"): the chapter's number
# and the item's. The item's own number is the second; the text starts after both.
_CHAPTER_ITEM = re.compile(r"^(\s*)(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)")


def _chapter_numbers(lines: list[str]) -> list[str]:
    """Lines opening "n.1", "n.2", "n.3" … (one n, the second number counting from 1), with no
    other marker in the list, written "1. …", "2. …" so that each is an item; anything else as
    it was. A lone "2.5 mm" or a run that skips numbers is no such list."""
    rows = [(i, m) for i, m in ((i, _CHAPTER_ITEM.match(x)) for i, x in enumerate(lines)) if m]
    if len(rows) < 2 or len({m.group(2) for _i, m in rows}) != 1 \
            or [int(m.group(3)) for _i, m in rows] != list(range(1, len(rows) + 1)) \
            or any(map(LIST_MARKER.match, lines)):
        return lines
    out = list(lines)
    for i, m in rows:
        out[i] = f"{m.group(1)}{int(m.group(3))}. " + out[i][m.end():]
    return out


def split_items(lines: list[str]) -> tuple[str, list[Item]]:
    """Return (introductory text, items)."""
    lines = _chapter_numbers(_table_rows(_referenced_rows(lines)))
    if not any(LIST_MARKER.match(line) for line in lines):
        found = _ordinal_items(join_lines(lines)) or _counted_items(join_lines(lines))
        if found:
            return found
    if any(re.match(r"\s*i\)\s", x) for x in lines) and any(re.match(r"\s*ii\)\s", x) for x in lines):
        # "i) …⏎ii) …": a roman list, not the letter i; read as "(i)", "(ii)"
        lines = [re.sub(r"^(\s*)([ivx]{1,4})\)(?=\s)", r"\1(\2)", x) for x in lines]
    intro: list[str] = []
    raw: list[tuple[int | None, list[str]]] = []
    style = None
    expanded = [part for line in lines for part in _inline_items(line, numbers_only=True)]
    # Letters ("а) …; б) …"), roman numerals and ordinal words are sub-points inside a numbered
    # or dashed list, and the list's own markers when nothing else marks it.
    letters_are_items = not any((m := LIST_MARKER.match(x)) and _style(m) != "letter" and not m.group("proman")
                                for x in expanded)
    if letters_are_items:
        expanded = []
        for line in lines:
            # items so far: those a run numbered "(n)" and lines opening with a letter of their own
            # ("а) …;⏎б) …; в) …": the run on the second line goes on from the first line's item)
            runs = sum(bool(re.match(r"\(\d+\) ", x)) for x in expanded)
            lettered = sum(bool(re.match(r"\(?[^\W\d_]\)\s", x)) for x in expanded)
            expanded += _inline_items(line, counted=runs + lettered, keep_letters=lettered > 0 and not runs)
    for line in expanded:
        m = LIST_MARKER.match(line)
        year_item = _YEAR_ITEM.match(line)
        if m is None and year_item and (
                (style == "number" and raw and raw[-1][0] is not None and int(year_item.group(1)) == raw[-1][0] + 1)
                or (not raw and int(year_item.group(1)) == 1)):
            # "8.2030 жылға дейінгі …": the next number (or the first), then a year, with no
            # space between.
            style = "number"
            raw.append((int(year_item.group(1)), [line[year_item.end():].strip()]))
            continue
        restarts = bool(m and raw and _number(m) == 1 and len(raw[-1][1]) > 1 and raw[-1][1][-1].endswith(":"))
        if restarts:
            # "Applied results:" and a numbering that starts again at 1: the line named a group
            # of items and is no part of the item before it; the list goes on.
            raw[-1][1].pop()
        if m and (_style(m) != "letter" or letters_are_items) and (style is None or _style(m) == style) \
                and (restarts or not _wrapped_number(m, line, raw)):
            style = _style(m)
            body = line[m.end():].strip()
            if body:
                raw.append((_number(m), [body]))
            continue
        if raw and m and _wrapped_number(m, line, raw):
            raw[-1][1][-1] += " " + line
        elif raw:
            raw[-1][1].append(line)
        else:
            intro.append(line)
    if not raw:
        return "", _unmarked(intro)
    items = [Item(i, _tidy(join_lines(body)), number) for i, (number, body) in enumerate(raw, start=1)]
    return join_lines(intro), [it for it in items if it.text]


# Marker sequences of a list run on in one paragraph. Numbers keep their own closing ("1)",
# "1.", "(1)"); the others are counted by position and rewritten as "(n)".
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_SEQUENCES = (
    tuple(_ROMANS),
    tuple("abcdefghijk"),
    tuple("аәбвгғдеж"),   # Kazakh before Russian: "а) …; ә) …; б) …"
    tuple("абвгдежзик"),
)
_ORDINAL_WORDS = (
    (r"first(?:ly)?", r"second(?:ly)?", r"third(?:ly)?", r"fourth(?:ly)?", r"fifth(?:ly)?", r"sixth(?:ly)?",
     r"seventh(?:ly)?", r"eighth(?:ly)?"),
    (r"во-первых", r"во-вторых", r"в-третьих", r"в-четв[её]ртых", r"в-пятых", r"в-шестых", r"в-седьмых", r"в-восьмых"),
    (r"біріншіден", r"екіншіден", r"үшіншіден", r"төртіншіден", r"бесіншіден", r"алтыншыдан", r"жетіншіден",
     r"сегізіншіден"),
)


# Cheap tests before the runs are tried: a bullet after a separator, and the first marker of a
# lettered, roman or ordinal-word list at the start or after a colon.
_BULLETS_AFTER_SEPARATOR = re.compile(r"[;.]\s+([•▪●◦·–—-])\s")
_OTHER_FIRST = re.compile(r"^(?:[^:]*:)?\s*(?:\((?:i|a|а|ә)\)|(?:i|a|а|ә)\)|first(?:ly)?\s*,|во-первых\s*,|біріншіден\s*,)",
                          re.I)


def _inline_items(line: str, numbers_only: bool = False, counted: int = 0, keep_letters: bool = False) -> list[str]:
    """"1) first; 2) second; 3) third" in one paragraph → one line per item; likewise "(i) …;
    (ii) …", "а) …; б) …" and "first, …; second, …". Only a run that starts at the first marker
    (at the start of the line or after a colon) and counts on, each next marker after a ';',
    '.' or ',' — not "see 2) above". Text before a colon that opens the run stays apart."""
    roman = re.match(r"^\((?P<r>[ivx]{1,4})\)\s*\S", line)
    if roman and roman.group("r") in _ROMANS:
        # "(iii) …; (iv) …": a roman list going on in one paragraph after items of its own lines
        parts = _run(line, "", [rf"\({r}\)" for r in _ROMANS[_ROMANS.index(roman.group("r")):]],
                     r"\s*(?=\S)", keep=True)
        if parts:
            return parts
    if re.match(r"^I\.\s+\S", line):
        # "I. … II. … III. …": a roman list run on in one paragraph
        parts = _run(line, "", [rf"{r.upper()}\." for r in _ROMANS], r"\s+(?=\S)", keep=True)
        if parts:
            return parts
    # "[1] … [2] …": numbers in square brackets, as some pages number a run-on list (read only
    # as a run from the first at the start or after a colon, never a citation's "[1]" mid-text)
    bracketed = re.match(r"^(?P<pre>(?:[^:\[\]]*:)?)\s*\[1\]\s*\S", line)
    if bracketed is not None:
        parts = _run(line, bracketed.group("pre"), [rf"\[{n}\]" for n in range(1, 41)], r"\s*(?=\S)", keep=False,
                     seps=";.,")
        if parts:
            return parts
    first = (re.match(r"^(?P<pre>(?:[^:]*:)?)\s*(?:(?P<n>1)(?P<c>[.)°])|\((?P<p>1)\))\s*\S", line)
             # a run that goes on in the list's next paragraph: "5) … ; 6) …" (no introduction there)
             or re.match(r"^(?P<pre>)(?:(?P<n>[1-9]\d?)(?P<c>[.)])|\((?P<p>[1-9]\d?)\))\s*\S", line))
    if first is not None:
        closing, start = first.group("c"), int(first.group("n") or first.group("p"))
        markers = [rf"{n}\{closing}" if closing else rf"\({n}\)" for n in range(start, start + 40)]
        parts = _run(line, first.group("pre"), markers, r"\s*(?=\S)", keep=True, seps=";.,")
        if parts:
            return parts
    # "The study set out (1) to analyse …; (2) to trace …; (3) …": a sentence's words introduce
    # a bracketed run with no colon. At least three items, so that "equations (1), (2)" in prose
    # is no list.
    spoken = re.match(r"^(?P<pre>[^\W\d_][^():;\d\[\]]{0,150}?)\s+(?=\(1\)\s*[^\W\d_])", line)
    if spoken is not None:
        parts = _run(line, spoken.group("pre"), [rf"\({n}\)" for n in range(1, 41)], r"\s*(?=\S)", keep=True,
                     seps=";.,", least=3)
        if parts:
            return parts
    for bullet in _BULLETS_AFTER_SEPARATOR.findall(line)[:1]:
        # "– изучить …; – оценить …": bullets of one kind, each after a ';' or '.'.
        parts = _run(line, None, [re.escape(bullet)] * 40, r"\s+(?=\S)", keep=True)
        if parts:
            return parts
    if not numbers_only:
        going_on = re.match(r"^(\(?)([^\W\d_])\)\s", line)
        # the sequence whose next letter it is after the items counted so far ("в" is the third
        # Russian letter, the fourth Kazakh one)
        for seq in sorted(_SEQUENCES, key=lambda q: going_on.group(2) not in q or q.index(going_on.group(2)) != counted) \
                if going_on else ():
            k = seq.index(going_on.group(2)) if going_on.group(2) in seq else 0
            if k > 0 and k == counted:
                # "в) …; г) …" on the line after "а) …; б) …": the lettered run goes on, counted on
                opening = r"\(" if going_on.group(1) else ""
                # the items before kept their letters ("а) …" on a line of its own): so do these
                parts = _run(line, "", [rf"{opening}{re.escape(x)}\)" for x in seq[k:]], r"\s+(?=\S)",
                             keep=keep_letters, first=k + 1, least=1)
                if parts:
                    return parts
    if numbers_only or not _OTHER_FIRST.match(line):
        return [line]
    for seq in _SEQUENCES:
        for opening in (r"\(", ""):
            markers = [rf"{opening}{re.escape(x)}\)" for x in seq]
            parts = _run(line, None, markers, r"\s+(?=\S)", keep=False)
            if parts:
                return parts
    for words in _ORDINAL_WORDS:
        parts = _run(line, None, [rf"{w}\s*," for w in words], r"\s*(?=\S)", keep=False)
        if parts:
            return parts
    return [line]


def _run(line: str, pre: str | None, markers: list[str], after: str, keep: bool, seps: str = ";.",
         first: int = 1, least: int = 2) -> list[str]:
    """Cut `line` at a run of `markers` (in order, at least two, each after one of `seps`);
    [] when there is none. `keep` keeps the markers; else each item is numbered "(n)"."""
    if pre is None:
        m = re.match(rf"^(?P<pre>(?:[^:]*:)?)\s*(?={markers[0]}{after})", line, re.I)
        if m is None:
            return []
        pre = m.group("pre")
    body = line[len(pre):].strip()
    starts, at = [], 0
    for n, marker in enumerate(markers):
        found = (re.match(rf"{marker}{after}", body, re.I) if n == 0 else
                 re.search(rf"(?<=[{re.escape(seps)}])\s+(?={marker}{after})", body[at:], re.I))
        if found is None:
            break
        starts.append(at + found.end() if n else 0)
        at = starts[-1] + 1
    if len(starts) < least:
        return []
    chunks = [body[a:b].strip() for a, b in zip(starts, starts[1:] + [len(body)])]
    if not keep:
        chunks = [f"({n + first - 1}) " + re.sub(rf"^{markers[n - 1]}\s*", "", c, flags=re.I)
                  for n, c in enumerate(chunks, 1)]
    return ([pre.strip()] if pre.strip() else []) + chunks


# Items introduced by ordinal words, each at a paragraph start or after a sentence or clause
# end: "Біріншіден, … Екіншіден, …", "Бірінші қағида. … Екінші қағида. …", "Во-первых, …",
# "Первое положение: …", "The second provision. …", "Firstly, …". The k-th word must follow
# the (k-1)-th: a lone "second" in a sentence starts nothing.
_KK_ORDINALS = ("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші")
_RU_ORDINALS = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм")
_RU_DASHED = ("во-первых", "во-вторых", "в-третьих", "в-четв[её]ртых", "в-пятых", "в-шестых", "в-седьмых", "в-восьмых")
_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _ordinal(k: int) -> str:
    words = (rf"{_KK_ORDINALS[k]}(?:ден|дан|тен|тан)?|{_RU_ORDINALS[k]}(?:ое|ый|ая|ье|ий|ья)|{_RU_DASHED[k]}"
             rf"|(?:the\s+)?{_EN_ORDINALS[k]}(?:ly)?"
             # the number in digits with a Kazakh ending: «1-ден, …», «2-ші, …» (біріншіден, екінші)
             rf"|{k + 1}\s*-\s*(?:ден|дан|тен|тан|нен|нан|інші|ыншы|нші|ншы|ші|шы)")
    # the ordinal alone with a comma, colon, dash or full stop («Первое. Впервые …»), or with one
    # noun and a full stop or colon; in quotes too («Бірінші» – …). The first may follow a comma:
    # «тем, что, во-первых, …».
    after = r"[.;!?,:]" if k == 0 else r"[.;!?]"
    return (rf"(?:^|(?<={after})\s+|\n)[«\"“]?(?:{words})[»\"”]?(?:\s*[,:.]|\s*[–—](?=\s)|\s+[^\W\d_]+\s*[.:])"
            rf"\s+(?=\S)")


# Items counted by a number set in words around it: "1-тұжырым.", "Положение 2.", "Task 3:",
# by a number and a dash ("1 – определить …; 2 – установить …"), or by a label ("P1."). The
# numbers count on from 1.
_COUNTED = (
    r"{n}\s*-\s*(?:тұжырым|қағида|ереже|міндет|тапсырма)\w*\s*[.:–—]?",
    r"(?:положение|задача|тезис|provision|statement|task|thesis)\s+(?:№\s*)?{n}\s*[.:–—)]",
    r"{n}\s*[–—]",
    # a letter or two before the number, as Word's numbering writes a label: "P1.", "T2:", "Н3)"
    r"(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{1,2}})\s?{n}[.:)]",
    # the same label in brackets, as objectives are tagged inline: "(O1) …; (O2) …", "[T1] …"
    r"\((?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{1,2}})\s?{n}\)|\[(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{1,2}})\s?{n}\]",
)


# Letters and a full stop, each at a line start ("A. The first …⏎B. For the first …", "a. to
# study …⏎b. to test …"): a Word list lettered A, B, C or a, b, c; an initial ("A. Smith") is
# never followed by the next letter's line.
_LETTERED = ("ABCDEFGHIJKLMNOP", "АБВГДЕЖЗИКЛМНОП", "abcdefghijklmnop")


def _counted_items(text: str) -> tuple[str, list[Item]] | None:
    templates = [(t, False) for t in _COUNTED] + [(rf"[{letters}]", True) for letters in _LETTERED]
    for template, lettered in templates:
        starts: list[tuple[int, int]] = []
        at = 0
        for n in range(1, 41):
            if lettered:
                if n > len(template) - 2:
                    break
                lead, marker = r"(?:^|\n)", re.escape(template[n]) + r"\."
            else:
                lead = r"(?:^|(?<=[:.;])\s+|\n)" if n == 1 else r"(?:(?<=[.;])\s+|\n)"
                marker = template.format(n=n)
            m = re.compile(lead + marker + r"\s+(?=\S)", 0 if lettered else re.I).search(text, at)
            if m is None:
                break
            starts.append((m.start(), m.end()))
            at = m.end()
        if len(starts) >= 2:
            bodies = [text[b:e].strip() for (_a, b), (e, _b) in zip(starts, starts[1:] + [(len(text), 0)])]
            items = [Item(i, _tidy(body), i) for i, body in enumerate(bodies, start=1)]
            return text[:starts[0][0]].strip(), [it for it in items if it.text]
    return None


def _ordinal_items(text: str) -> tuple[str, list[Item]] | None:
    starts: list[tuple[int, int]] = []   # (where the marker starts, where the item's text starts)
    at = 0
    for k in range(len(_EN_ORDINALS)):
        m = re.compile(_ordinal(k), re.I).search(text, at)
        if m is None:
            break
        starts.append((m.start(), m.end()))
        at = m.end()
    if len(starts) < 2:
        return None
    bodies = [text[b:e].strip() for (_a, b), (e, _b) in zip(starts, starts[1:] + [(len(text), 0)])]
    items = [Item(i, _tidy(body)) for i, body in enumerate(bodies, start=1)]
    return text[:starts[0][0]].strip(), [it for it in items if it.text]


# A bullet the list readers do not know, repeated at the start of every line: a symbol font's
# glyph turned into the letter of its code point ("Ø" for Wingdings' arrow, "§" for its square,
# "ü" for its tick, as Word's plain-text export writes them) or a rarer glyph (✓, ❖, ➢). One
# character, then a space; a letter of the Latin, Cyrillic or Kazakh alphabet never counts (a
# Russian "В …" or "a …" is a word).
_GLYPH = re.compile(r"^([^\w\s«»\"“”(\[]|[^\W\d_a-zA-Zа-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ])\s+(?=\S)")


def _glyph_items(lines: list[str]) -> list[str]:
    """The items of a list bulleted by one such glyph (the first line opens with it, two lines
    or more do); a line without it goes on the item before. [] for any other lines."""
    marks = [_GLYPH.match(x) for x in lines]
    glyphs = {m.group(1) for m in marks if m}
    if not lines or not marks[0] or len(glyphs) != 1 or sum(map(bool, marks)) < 2:
        return []
    items: list[str] = []
    for line, m in zip(lines, marks):
        if m:
            items.append(line[m.end():])
        else:
            items[-1] += "\n" + line
    return items


def _unmarked(lines: list[str]) -> list[Item]:
    """A list written without markers: clauses separated by semicolons, else paragraphs."""
    bulleted = _glyph_items([x for x in lines if x.strip()])
    if bulleted:
        # each bullet opens an item, as a known bullet would
        return [Item(i, _tidy(join_lines(p.split("\n")))) for i, p in enumerate(bulleted, start=1) if _tidy(p)]
    text = join_lines(lines)
    clauses = [c.strip() for c in re.split(r";\s+", text) if c.strip()]
    announced = _ANNOUNCED.match(text)
    if len(clauses) >= 2:
        # "The novelty of the work consists in the following: X was …; Y …": the sentence that
        # announces the list introduces the items and is none of them
        if announced and announced.end() < len(clauses[0]):
            clauses[0] = clauses[0][announced.end():]
        parts = _without_shared_lead(clauses)
    elif announced and "\n" not in text[announced.end():].strip():
        # "The novelty of the work lies in the following. The first audit … was carried out. The
        # search behaviour … was described …": after an introduction that announces a list, one
        # paragraph of sentences is the list, a sentence each.
        parts = [p for p in _SENTENCE.split(text[announced.end():].strip()) if p.strip()]
    elif _sentence_list(text):
        parts = _sentence_list(text)
    else:
        parts = [p for p in text.split("\n") if p.strip()]
    while len(parts) > 1 and _PUBLISHING.search(parts[-1]):
        parts.pop()   # the publications' statement after the last item, its heading lost
    return [Item(i, _tidy(p)) for i, p in enumerate(parts, start=1) if _tidy(p)]


# A sentence that reports the work's publications, a count and a publishing verb ("Жұмыс
# нәтижелері бойынша 2 баяндама жарияланды.", "По теме опубликовано 5 статей.", "The results
# were published in 4 papers."): under a list written without markers (a text whose automatic
# numbers were lost) it is the publications section whose heading was lost, not the last item.
_PUBLICATION_WORDS = (r"publications?|articles?|papers?|reports?|theses|доклад\w*|публикаци\w*|стат(?:ья|ьи|ей|ьях)|"
                      r"работ\w*|труд\w*|тезис\w*|баяндама\w*|жарияланым\w*|мақала\w*|еңбек\w*|тезис\w*")
_PUBLISHED_VERB = r"published|опубликован\w*|жарияланды|жарияланған|жарық\s+көрді|басылып\s+шықты"
_PUBLISHING = re.compile(
    rf"(?i)(?=.*(?<!\w)(?:{_PUBLISHED_VERB})(?!\w))(?=.*(?<![\w.,])\d{{1,3}}\s+(?:[^\W\d_]+\s+){{0,2}}(?:{_PUBLICATION_WORDS})(?!\w))"
    r"^.{0,300}$")


# A short phrase and a comma that the clauses after it share: "For the first time, X was …;
# Y was …; Z …" (the next clauses go on in lower case, each under the same phrase). A comma before
# a subordinate clause ("установлено, что …", "показано, как …") is the clause's own grammar:
# the words before it are the first clause's verb, not a phrase the others share.
_LEAD_IN = re.compile(r"^(?:[^\W\d_]+\s+){0,4}[^\W\d_]+,\s+(?=\S)"
                      r"(?!(?:что|чтобы|как|где|когда|котор\w+|that|which|how|whether)(?!\w))", re.IGNORECASE)


def _without_shared_lead(clauses: list[str]) -> list[str]:
    lead = _LEAD_IN.match(clauses[0])
    if lead is None or not all(c[:1].islower() for c in clauses[1:]):
        return clauses
    goes_on = _ENUMERATION_GOES_ON.match(clauses[0], lead.end())
    lead_word = lead.group(0).rstrip(", ").split()[-1]
    if goes_on and len(lead_word) > 3 and _ending(goes_on.group("last")) == _ending(lead_word):
        return clauses   # "A, B және C біріктіретін индекс ұсынылды": the comma lists, it leads nothing
    return [clauses[0][lead.end():]] + clauses[1:]


def _ending(word: str) -> str:
    """A word's last two letters, Kazakh vowel harmony aside (-ын / -ін, -да / -де are one ending)."""
    return word[-2:].lower().translate(_HARMONY)


_HARMONY = str.maketrans("ыаұо", "іеүө")


# The words after the comma run to a coordinator within a few words, the last of them in the
# lead's own ending: the comma was the first of an enumeration of like words ("меншікті
# кірістердің үлесін, шығыстар құрылымының икемділігін және …"), not the end of a shared phrase.
_ENUMERATION_GOES_ON = re.compile(r"(?:[^\W\d_][\w-]*\s+){0,5}(?P<last>[^\W\d_][\w-]*)\s+"
                                  r"(?:және|мен|бен|пен|и|или|and|or)\s", re.IGNORECASE)


# A sentence that goes on from the one before it ("This …", "Бұл …", "Это …", "Таким образом"),
# so the sentences are one argument, not a list.
_GOES_ON_SENTENCE = re.compile(
    r"^(?:this|these|that|those|it|they|such|thus|hence|therefore|moreover|also|in\s+addition|furthermore|"
    r"бұл|осы|ол|олар|сол|сондай|сонымен|сондықтан|сонда|яғни|соның|"
    r"это|эти|этот|эта|он|она|они|таким|также|кроме|поэтому|итак|при\s+этом|тем\s+самым)\b", re.I)


# The words a finding opens with: "for the first time", a participle of finding or making.
_FINDING = re.compile(
    r"(?i)^(?:впервые|for\s+the\s+first\s+time|алғаш\s+рет|тұңғыш\s+рет|"
    r"(?:показан|установлен|выявлен|разработан|доказан|обоснован|предложен|определен|уточнен|получен)[аоы]?|"
    r"(?:it\s+(?:is|was|has\s+been)\s+)?(?:shown|established|revealed|developed|proposed|proved|demonstrated))(?!\w)")
# (a sentence may end with a bracket before its stop: "… у пожилых (17,6 %). Показана …")
_SENTENCE_OR_BRACKET = re.compile(r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=\)[.!?]))\s+(?=[«\"“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _sentence_list(text: str) -> list[str]:
    """One paragraph of three to six full sentences under a list's heading, none going on from the
    one before: the items written without markers, a sentence each (two may be prose: "Second,
    this is no list. The third is none either.") ("Ғылыми жаңалығы. X алғаш
    рет жасалды. Y толықтырылды. Z бейімделді.")."""
    if "\n" in text.strip():
        return []
    two = [p.strip() for p in _SENTENCE_OR_BRACKET.split(text.strip()) if p.strip()]
    if len(two) == 2 and all(_FINDING.match(p) and len(p.split()) >= 4 and p.endswith(".") for p in two):
        # Two sentences, each opening with what a novelty point opens with ("Впервые …
        # установлена …. Показана связь …"): two findings run on in one paragraph.
        return two
    sentences = [p.strip() for p in _SENTENCE.split(text.strip()) if p.strip()]
    if not 3 <= len(sentences) <= 6 or any(len(p.split()) < 4 or not p.endswith((".", "!")) for p in sentences):
        return []
    if all(_ADDITIVE.match(p) for p in sentences[1:]) and _FINALLY.match(sentences[-1]):
        # "X was shown. In addition, Y was found. Besides, Z … Finally, W …": points counted off
        # by connectives down to "finally", a point each, the connective no part of it.
        return sentences[:1] + [p[_ADDITIVE.match(p).end():] for p in sentences[1:]]
    if any(_GOES_ON_SENTENCE.match(p) for p in sentences[1:]):
        return []
    return sentences


# The connectives that count off points run on in one paragraph, and the one that ends them.
_ADDITIVE = re.compile(r"(?i)^(?:moreover|in\s+addition|besides|furthermore|also|next|finally|lastly|"
                       r"кроме\s+того|помимо\s+этого|также|вместе\s+с\s+тем|далее|наконец|"
                       r"сонымен\s+қатар|бұдан\s+басқа|сондай-ақ|одан\s+әрі|ақырында|соңында)(?:\s*,\s*|\s+)(?=\S)")
_FINALLY = re.compile(r"(?i)^(?:finally|lastly|наконец|ақырында|соңында)\b")


_ANNOUNCED = re.compile(r"(?is)^[^.:]{0,200}?\b(?:following|следующ\w+|мынадай|келесі\w*|төмендегідей)\s*[.:]\s+")
# A sentence ends at a full stop before a capital, not after an initial ("A.B. Smith")
# (or before a quotation that opens with one: «Көшпенділер» фильмі …)
_SENTENCE = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[«\"“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _wrapped_number(m: re.Match, line: str, raw: list) -> bool:
    """A line that a hard wrap opened with a number ("…, Vol. 21, No." / "3. – P. 45–52."): out
    of the list's sequence and going on with a dash or a small letter, it continues the item."""
    n = _number(m)
    if n is None or not raw or raw[-1][0] is None or n == raw[-1][0] + 1:
        return False
    if n == raw[-1][0] == 1:
        return False   # "1." before every item: Markdown's lazy numbering, which renders 1, 2, 3
    rest = line[m.end():].lstrip()
    return rest[:1] in ("–", "—", "-", ",", ";", ":", "/") or rest[:1].islower()


def _tidy(text: str) -> str:
    return re.sub(r"[\s;,]+$", "", text).strip()
