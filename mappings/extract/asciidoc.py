"""An AsciiDoc source saved as text (a journal's or a department's template, whatever the file's
extension): its markup undone as the rendered page shows it. The document title ("= Title") and
the author line under it (or `:author:`) are the document's properties, read as labelled lines
("Title: …", "Authors: …", without the e-mails), as a form's fields are; section titles
("== Abstract") are lines of their own; `:keywords:` is the page's metadata, read as a keyword line where the body has none,
and other attributes are settings; block attributes ("[abstract]", "[source,bibtex]"), block
titles (".How to cite") and the delimiters of sidebars, examples and quotes are markup around
the author's text, which stays; listing and literal blocks (code, a BibTeX "how to cite") and
comments are no prose of the page; an admonition's label ("NOTE:") is an icon; a footnote's
text goes to the page's foot; "include::" pulls in another file, which is not here; ordered
items (". item") are numbered as rendered; table cells are lines of their own.

Read by hand: the Python AsciiDoc processors (asciidoc-py 10, asciidoc3) render to HTML or
DocBook through their configuration files and would need an HTML reader after them, and
Asciidoctor is Ruby (or JavaScript); only the markup an article or abstract uses for its front,
its prose and its lists is undone here, as wikitext.py and latex.py do for theirs.
"""
from __future__ import annotations

import re

_TITLE = re.compile(r"^=[ \t]+(?P<text>\S.*?)[ \t]*$")
# Section titles open with two to six "=" and, unlike a wiki's, do not close with them
_SECTION = re.compile(r"^(?P<level>={2,6})[ \t]+(?P<text>\S.*?)[ \t]*$")
_ATTRIBUTE = re.compile(r"^:(?P<name>!?[\w-]+!?):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[(?:[\w.#%,=\"' -]*)\][ \t]*$")
_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])[^\n]*$")
_DELIMITER = re.compile(r"^(?P<mark>\*{4,}|={4,}|_{4,}|-{4,}|\.{4,}|\+{4,}|/{4,}|--)[ \t]*$")
_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_INCLUDE = re.compile(r"^(?:include|image|toc|ifdef|ifndef|ifeval|endif)::[^\n]*\[[^\n]*\][ \t]*$")
_ORDERED = re.compile(r"^(?P<dots>\.{1,5})[ \t]+(?=\S)")
_UNORDERED = re.compile(r"^(?P<stars>\*{1,5}|-)[ \t]+(?=\S)")
_TABLE_EDGE = re.compile(r"^\|={3,}[ \t]*$")
_FOOTNOTE = re.compile(r"footnote(?::[\w-]*)?:\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]")
_EMAIL = re.compile(r"[ \t]*<[^<>\s]+@[^<>\s]+>")
_REVISION = re.compile(r"^v?\d[\w.]*,[ \t]*\d{4}-\d{2}-\d{2}|^\d{4}-\d{2}-\d{2}")
_LINK = re.compile(r"(?:link:)?(?:https?|ftp|mailto):[^\s\[]*\[(?P<text>[^\]]*)\]|link:\S+?\[(?P<plain>[^\]]*)\]")
_XREF = re.compile(r"<<[^,>]+(?:,[ \t]*(?P<text>[^>]+))?>>")
_ANCHOR = re.compile(r"\[\[[^\]]*\]\]|\[#[\w-]+\]")
_SUPER = re.compile(r"\^([^\s^]{1,6})\^")
_SUB = re.compile(r"(?<!~)~([^\s~]{1,6})~(?!~)")
_HARD_BREAK = re.compile(r"[ \t]+\+[ \t]*$")
_CONSTRAINED = re.compile(r"(?<![\w*_`#+])([*_`#])(?=\S)(.+?)(?<=\S)\1(?![\w*_`#+])")
_UNCONSTRAINED = re.compile(r"(\*\*|__|``|##)(.+?)\1")
_ATTRIBUTE_REF = re.compile(r"\{(?P<name>[\w-]+)\}")

# The markers of the format: none of them is written in Markdown or plain prose at a line's start
_MARKS = (
    ("title", re.compile(r"^=[ \t]+\S")),
    ("section", re.compile(r"^={2,6}[ \t]+\S(?!.*[ \t]=+[ \t]*$)")),
    ("attribute", re.compile(r"^:[\w-]+:(?:[ \t]|$)")),
    ("block", re.compile(r"^\[(?:abstract|source|quote|verse|NOTE|TIP|WARNING|appendix|bibliography|"
                         r"preface|abstract|sidebar|listing|literal|cols=|\.[\w-]+)[^\]\n]*\][ \t]*$")),
    ("include", re.compile(r"^include::\S*\[")),
    ("footnote", re.compile(r"footnote:\[")),
    ("table", re.compile(r"^\|={3,}[ \t]*$")),
)
_MARKS_NEEDED = 3


def is_asciidoc(text: str) -> bool:
    """Three kinds of AsciiDoc's own markers at least (a "= Title", "==" sections that do not
    close, ":name:" attributes, block attributes, include::, footnote:[…], a "|===" table)."""
    lines = text.split("\n")
    found = {kind for line in lines for kind, mark in _MARKS if mark.search(line.rstrip("\r"))}
    return len(found) >= _MARKS_NEEDED


def text(source: str) -> str:
    """The rendered page's text of an AsciiDoc source; any other text as it is."""
    if not is_asciidoc(source):
        return source
    lines = [line.rstrip("\r") for line in source.split("\n")]
    attributes: dict[str, str] = {}
    out: list[str] = []
    footnotes: list[str] = []
    skipping: str | None = None     # the delimiter of a block whose content is no prose
    counters: dict[int, int] = {}
    in_header = True                # the title, the author and revision lines, the attributes
    after_title = 0
    for line in lines:
        if skipping:
            if line.strip() == skipping:
                skipping = None
            continue
        if line.startswith("//"):
            if re.fullmatch(r"/{4,}[ \t]*", line):
                skipping = line.strip()
            continue
        delimiter = _DELIMITER.match(line)
        if delimiter:
            if delimiter.group("mark")[0] in "-.+" and delimiter.group("mark") != "--":
                skipping = line.strip()   # a listing, literal or passthrough block
            continue
        attribute = _ATTRIBUTE.match(line)
        if attribute:
            name, value = attribute.group("name"), (attribute.group("value") or "").strip()
            attributes[name] = value
            if name == "author" and value:
                out.append(f"Authors: {_EMAIL.sub('', value)}")
            continue
        title = _TITLE.match(line)
        if title and in_header:
            out.append("Title: " + _inline(title.group("text"), attributes, footnotes))
            after_title = 2
            continue
        if after_title and line.strip():
            after_title -= 1
            if _REVISION.match(line.strip()):
                continue
            if after_title == 1:   # the author line: names separated by semicolons
                names = [n.strip() for n in _EMAIL.sub("", line).split(";") if n.strip()]
                out.append("Authors: " + ", ".join(names))
                continue
        if not line.strip():
            after_title = 0
            out.append("")
            continue
        if _BLOCK_ATTRIBUTES.match(line) or _BLOCK_TITLE.match(line) or _INCLUDE.match(line) \
                or _TABLE_EDGE.match(line):
            continue
        section = _SECTION.match(line)
        if section:
            in_header = False
            out += ["", _inline(section.group("text"), attributes, footnotes), ""]
            counters.clear()
            continue
        in_header = False
        line = _ADMONITION.sub("", line)
        ordered = _ORDERED.match(line)
        if ordered:
            depth = len(ordered.group("dots"))
            counters[depth] = counters.get(depth, 0) + 1
            for deeper in [d for d in counters if d > depth]:
                del counters[deeper]
            number = ".".join(str(counters.get(d, 1)) for d in range(1, depth + 1))
            out.append(f"{number}. {_inline(line[ordered.end():], attributes, footnotes)}")
            continue
        unordered = _UNORDERED.match(line)
        if unordered:
            out.append("• " + _inline(line[unordered.end():], attributes, footnotes))
            continue
        if line.lstrip().startswith("|"):
            out.extend(_inline(cell, attributes, footnotes) for cell in line.split("|") if cell.strip())
            continue
        out.append(_inline(line, attributes, footnotes))
    keywords = attributes.get("keywords")
    if keywords and not any(re.match(r"(?i)key\s*words\b", line) for line in out):
        # the page's metadata, printed by the template only where the body has no keyword line
        out += ["", f"Keywords: {keywords}"]
    if footnotes:
        out += [""] + footnotes
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"


def _inline(s: str, attributes: dict[str, str], footnotes: list[str]) -> str:
    def footnote(m: re.Match) -> str:
        footnotes.append(m.group("text").strip())
        return ""
    s = _FOOTNOTE.sub(footnote, s)
    s = _ATTRIBUTE_REF.sub(lambda m: attributes.get(m.group("name"), m.group(0)), s)
    s = _LINK.sub(lambda m: m.group("text") or m.group("plain") or "", s)
    s = _XREF.sub(lambda m: m.group("text") or "", s)
    s = _ANCHOR.sub("", s)
    s = _HARD_BREAK.sub("", s)
    s = _SUB.sub(r"\1", _SUPER.sub(r"\1", s))
    for _ in range(2):
        s = _UNCONSTRAINED.sub(r"\2", s)
        s = _CONSTRAINED.sub(r"\2", s)
    return s.strip()
