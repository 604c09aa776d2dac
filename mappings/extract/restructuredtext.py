"""A reStructuredText source saved as text (a Sphinx or docutils page of a department, a thesis
written in RST): the page as docutils renders it. The document title (the over- and underlined
line) and its bibliographic fields (":Author:", ":Date:", ":University: …") are the document's
properties, read as labelled lines ("Title: …", "Author: …"), as a form's fields are; section
titles are lines of their own; auto-numbered items ("#.") are numbered as rendered; directives
that are settings or generated ("meta", "contents", comments, targets, substitutions, code) are
no prose of the page; an admonition's text stays, its label ("Note") is an icon.

Parsed with docutils, the reference reader of the format, with file inclusion and raw output off:
a text names no file of ours to include. A text is taken for RST only when it carries two of the
format's own marks (a directive, an explicit target, a field list of two fields, two "#." items,
an over- and underlined title), so plain prose with one underlined heading is left to
`plain.underlined_headings`.
"""
from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"^\.\.[ \t]+[\w-]+(?::[\w-]+)?::", re.MULTILINE)
_TARGET = re.compile(r"^\.\.[ \t]+_[^:\n]+:", re.MULTILINE)
_FIELD = re.compile(r"^:[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][^:\n]{0,40}:[ \t]+\S", re.MULTILINE)
_AUTO_ITEM = re.compile(r"^[ \t]*#\.[ \t]+\S", re.MULTILINE)
_OVERLINED = re.compile(r"^(?P<a>(?P<c>[=\-~^*#+`'\"])(?P=c){2,})[ \t]*\n[ \t]*\S[^\n]*\n(?P=a)[ \t]*$",
                        re.MULTILINE)
_SETTINGS = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
             "input_encoding": "unicode", "warning_stream": False, "doctitle_xform": True,
             "docinfo_xform": True, "sectsubtitle_xform": False, "embed_stylesheet": False}


def is_restructuredtext(source: str) -> bool:
    marks = (bool(_DIRECTIVE.search(source)), bool(_TARGET.search(source)),
             len(_FIELD.findall(source)) >= 2, len(_AUTO_ITEM.findall(source)) >= 2,
             bool(_OVERLINED.search(source)))
    return sum(marks) >= 2


def text(source: str) -> str:
    """The rendered page's text of an RST source; any other text as it is."""
    if not is_restructuredtext(source):
        return source
    try:
        from docutils.core import publish_doctree
    except ImportError:  # an install without the dependency reads the source as written
        return source
    try:
        tree = publish_doctree(source, settings_overrides=_SETTINGS)
    except Exception:  # noqa: BLE001 - docutils stops on what it cannot read: the text as written
        return source
    out: list[str] = []
    _render(tree, out)
    rendered = "\n".join(out).strip()
    return rendered + "\n" if rendered else source


def _render(node, out: list[str]) -> None:
    from docutils import nodes

    for child in node.children:
        if isinstance(child, (nodes.comment, nodes.target, nodes.substitution_definition, nodes.literal_block,
                              nodes.system_message, nodes.pending, nodes.raw, nodes.meta)):
            continue
        if isinstance(child, nodes.topic) and "contents" in child.get("classes", []):
            continue
        if isinstance(child, nodes.title):
            label = "Title: " if isinstance(node, nodes.document) else ""
            out += ["", label + _line(child), ""]
        elif isinstance(child, nodes.subtitle):
            out += [_line(child), ""]
        elif isinstance(child, nodes.docinfo):
            for field in child.children:
                if isinstance(field, nodes.field):
                    name, body = field.children[0], field.children[1]
                    out.append(f"{_line(name)}: {_line(body)}")
                elif isinstance(field, nodes.authors):
                    out.append("Authors: " + "; ".join(_line(a) for a in field.children))
                else:
                    out.append(f"{field.tagname.capitalize()}: {_line(field)}")
            out.append("")
        elif isinstance(child, nodes.field_list):
            for field in child.children:
                out.append(f"{_line(field.children[0])}: {_line(field.children[1])}")
            out.append("")
        elif isinstance(child, nodes.section):
            _render(child, out)
        elif isinstance(child, nodes.paragraph):
            out += [_line(child), ""]
        elif isinstance(child, nodes.enumerated_list):
            start = child.get("start", 1)
            kind = child.get("enumtype", "arabic")
            prefix, suffix = child.get("prefix", ""), child.get("suffix", ".")
            for n, item in enumerate(child.children, start):
                out.append(f"{prefix}{_ordinal(n, kind)}{suffix} {_item(item)}")
            out.append("")
        elif isinstance(child, nodes.bullet_list):
            for item in child.children:
                out.append("• " + _item(item))
            out.append("")
        elif isinstance(child, nodes.definition_list):
            for item in child.children:
                term = next((c for c in item.children if isinstance(c, nodes.term)), None)
                definition = next((c for c in item.children if isinstance(c, nodes.definition)), None)
                out.append(f"{_line(term) if term else ''}: {_line(definition) if definition else ''}".strip(": "))
            out.append("")
        elif isinstance(child, nodes.table):
            for row in child.traverse(nodes.row):
                out.extend(_line(entry) for entry in row.children if _line(entry))
            out.append("")
        elif isinstance(child, nodes.line_block):
            out += [_line(line) for line in child.traverse(nodes.line)] + [""]
        elif isinstance(child, (nodes.Admonition, nodes.block_quote, nodes.container, nodes.compound,
                                nodes.topic, nodes.sidebar, nodes.rubric)):
            if isinstance(child, (nodes.rubric,)):
                out += ["", _line(child), ""]
            else:
                _render(child, out)
        elif isinstance(child, (nodes.footnote, nodes.citation)):
            continue
        elif isinstance(child, nodes.Element):
            _render(child, out)


def _item(item) -> str:
    """A list item as one line: its paragraphs joined; a nested list's items after it."""
    from docutils import nodes

    parts = []
    for child in item.children:
        if isinstance(child, nodes.paragraph):
            parts.append(_line(child))
        elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            parts.extend("\n– " + _item(sub) for sub in child.children)
    return " ".join(parts).replace(" \n", "\n")


def _line(node) -> str:
    """A node's words on one line. A list inside it keeps its labels: docutils reads a field's
    "M. Narikbayev KAZGUU University" as a list item labelled "M"."""
    from docutils import nodes

    skipped = (nodes.footnote_reference, nodes.citation_reference, nodes.system_message)
    words: list[str] = []

    def walk(n) -> None:
        if isinstance(n, nodes.Text):
            words.append(n.astext())
        elif isinstance(n, skipped):
            return
        elif isinstance(n, nodes.enumerated_list):
            for k, item in enumerate(n.children, n.get("start", 1)):
                words.append(f" {n.get('prefix', '')}{_ordinal(k, n.get('enumtype', 'arabic'))}{n.get('suffix', '.')} ")
                walk(item)
        else:
            for child in n.children:
                walk(child)
                if isinstance(child, nodes.paragraph):
                    words.append(" ")

    walk(node)
    return " ".join("".join(words).split())


def _ordinal(n: int, kind: str) -> str:
    if kind == "loweralpha":
        return chr(ord("a") + n - 1) if n <= 26 else str(n)
    if kind == "upperalpha":
        return chr(ord("A") + n - 1) if n <= 26 else str(n)
    if kind in ("lowerroman", "upperroman"):
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, rest = "", n
        for value, numeral in numerals:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if kind == "upperroman" else out
    return str(n)
