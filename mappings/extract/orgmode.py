"""Emacs Org mode source saved as text (an author's `.org` notes, renamed or exported as .txt):
read as the page Org's own export shows, the way wikitext.py and latex.py read theirs.

Org's markup is not the author's text: `#+TITLE:` / `#+AUTHOR:` keywords hold the title page
(read as the labelled lines a title page has), a `:PROPERTIES:` drawer holds properties (read as
"Label: value" lines, the way an infobox is), a headline's stars, TODO keyword, priority and
`:tags:` are the outliner's, a subtree tagged `:noexport:` (or `COMMENT`) is left out of every
export, `# …` lines are comments, `[[target][text]]` links show their text, check boxes and
emphasis markers are widgets and typography. A description list's item (`- Term :: text`) reads
"Term: text", as the term's label.

Checked: orgparse (maintained, pure Python) parses the outline, drawers, TODO keywords and tags,
but leaves links, emphasis, blocks, comments and export tags to its caller, which is most of
what a reader needs here; a dependency for half the job was not taken.
"""
from __future__ import annotations

import re

_MODE_LINE = re.compile(r"^#.*-\*-.*\bmode:\s*org\b.*-\*-", re.IGNORECASE)
_KEYWORD = re.compile(r"^[ \t]*#\+(?P<key>[A-Za-z_]+)(?:\[[^\]]*\])?:[ \t]*(?P<value>.*?)[ \t]*$")
_HEADLINE = re.compile(r"^(?P<stars>\*+)[ \t]+(?P<rest>.*?)[ \t]*$")
_TAGS = re.compile(r"[ \t]+:(?P<tags>(?:[\w@#%]+:)+)[ \t]*$")
_PRIORITY = re.compile(r"^\[#[A-Za-z0-9]\][ \t]*")
_COOKIE = re.compile(r"[ \t]*\[(?:\d+/\d+|\d+%)\]")
_DRAWER = re.compile(r"^[ \t]*:(?P<name>[\w-]+):[ \t]*$")
_PROPERTY = re.compile(r"^[ \t]*:(?P<key>[\w-]+?)(?:\+)?:[ \t]+(?P<value>\S.*?)[ \t]*$")
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_BLOCK = re.compile(r"^[ \t]*#\+(?P<end>begin|end)_(?P<kind>\w+)\b", re.IGNORECASE)
_CHECKBOX = re.compile(r"^(?P<bullet>[ \t]*(?:[-+]|\d+[.)])[ \t]+)\[[ xX-]\][ \t]+")
_DESCRIPTION = re.compile(r"^[ \t]*[-+][ \t]+(?P<term>\S[^\n]*?)[ \t]+::(?:[ \t]+(?P<text>.*))?$")
_LINK = re.compile(r"\[\[(?P<target>[^\[\]]+)\](?:\[(?P<shown>[^\[\]]+)\])?\]")
_FOOTNOTE_REF = re.compile(r"\[fn:[\w-]*\]")
_PLANNING = re.compile(r"^[ \t]*(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*[<\[][^>\]]*[>\]][ \t]*)+$")
# Emphasis as Org reads it: the marker after a line start, a space or an opening bracket, the
# text touching both markers, the closing marker before a space, punctuation or a line end.
_EMPHASIS = re.compile(r"(?<![^\s(\[{'\"«-])(?P<m>[*/_=~])(?P<text>[^\s*/_=~](?:[^\n]*?[^\s])?)(?P=m)(?=[\s.,;:!?)\]}'\"»-]|$)")
_TODO = frozenset({"TODO", "DONE"})
# Blocks whose content is no text of the page: code, a comment, an export for another backend.
_HIDDEN_BLOCKS = frozenset({"src", "comment", "export", "example"})
_TITLE_KEYS = {"title": "Title", "author": "Author", "subtitle": "Subtitle"}


def is_org(source: str) -> bool:
    """Org's own mode line, or two `#+KEY:` keyword lines, or a property drawer under a
    headline: markers no other format an abstract comes in writes together."""
    lines = source.split("\n")[:400]
    if lines and _MODE_LINE.match(lines[0].strip("\ufeff\r")):
        return True
    if sum(bool(_KEYWORD.match(line.rstrip("\r"))) for line in lines) >= 2:
        return True
    return any(_HEADLINE.match(a) and b.strip().upper() == ":PROPERTIES:" for a, b in zip(lines, lines[1:]))


def text(source: str) -> str:
    """The exported page's text of an Org source; any other text as it is."""
    if not is_org(source):
        return source
    lines = [line.rstrip("\r") for line in source.lstrip("\ufeff").split("\n")]
    keywords = _TODO | {w.split("|")[0].strip("()") for line in lines
                        if (m := _KEYWORD.match(line)) and m.group("key").lower() in ("todo", "seq_todo", "typ_todo")
                        for w in re.findall(r"[^\s|]+", m.group("value"))}
    excluded = {"noexport"} | {t for line in lines if (m := _KEYWORD.match(line))
                               and m.group("key").lower() == "exclude_tags" for t in m.group("value").split()}
    head: list[str] = []
    out: list[str] = []
    skip_level = 0          # inside a subtree left out of the export (its headline's level)
    drawer: str | None = None
    block: str | None = None
    for line in lines:
        headline = _HEADLINE.match(line)
        if headline and skip_level and len(headline.group("stars")) > skip_level:
            continue
        if headline:
            skip_level = 0
            title, tags = _headline(headline.group("rest"), keywords)
            if tags & excluded or title.startswith("COMMENT"):
                skip_level = len(headline.group("stars"))
                continue
            out += ["", _inline(title), ""]
            continue
        if skip_level:
            continue
        if block is not None:
            end = _BLOCK.match(line)
            if end and end.group("end").lower() == "end":
                block = None
            elif block not in _HIDDEN_BLOCKS:
                out.append(_inline(line))
            continue
        if drawer is not None:
            if line.strip().upper() == ":END:":
                drawer = None
            elif drawer == "PROPERTIES" and (prop := _PROPERTY.match(line)):
                label = prop.group("key").replace("_", " ").capitalize()
                out.append(f"{label}: {_inline(prop.group('value'))}")
            continue
        begin = _BLOCK.match(line)
        if begin and begin.group("end").lower() == "begin":
            block = begin.group("kind").lower()
            continue
        opened = _DRAWER.match(line)
        if opened and opened.group("name").upper() != "END":
            drawer = opened.group("name").upper()
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            label = _TITLE_KEYS.get(keyword.group("key").lower())
            if label and keyword.group("value"):
                head.append(f"{label}: {_inline(keyword.group('value'))}")
            continue
        if _COMMENT.match(line) or _PLANNING.match(line):
            continue
        line = _CHECKBOX.sub(r"\g<bullet>", line)
        described = _DESCRIPTION.match(line)
        if described:
            line = f"{described.group('term')}: {described.group('text') or ''}".rstrip()
        out.append(_inline(line))
    page = "\n".join(head + out)
    return re.sub(r"\n{3,}", "\n\n", page).strip("\n") + "\n"


def _headline(rest: str, keywords: set[str]) -> tuple[str, set[str]]:
    """A headline's title and tags, without its TODO keyword, priority and progress cookie."""
    tags: set[str] = set()
    m = _TAGS.search(" " + rest)
    if m:
        tags = {t for t in m.group("tags").split(":") if t}
        rest = (" " + rest)[:m.start()].strip()
    first, _, after = rest.partition(" ")
    if first in keywords:
        rest = after.strip()
    return _COOKIE.sub("", _PRIORITY.sub("", rest)).strip(), tags


def _link(m: re.Match) -> str:
    if m.group("shown"):
        return m.group("shown")
    target = m.group("target")
    # a bare file link is a picture or an attachment shown as itself, not a word of the text
    return "" if target.startswith(("file:", "./", "/")) else re.sub(r"^[a-z]+:(?://)?", "", target)


def _inline(s: str) -> str:
    s = _FOOTNOTE_REF.sub("", _LINK.sub(_link, s))
    return _EMPHASIS.sub(lambda m: m.group("text"), s).rstrip()
