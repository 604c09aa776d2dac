"""Plain text and Markdown: strictly decoded (mappings/text.py says why strict).

Markdown's own syntax that is not the author's text is undone here, so that the rest of the
pipeline reads a Markdown file like any other text: YAML front matter (a site generator's
settings, whose `title:` is a page title, not the work's; pandoc's metadata holding the
work's `abstract` is read by document_metadata instead), fenced code (knitr chunks; a BibTeX
block is read by bibtex), setext underlines (`===` / `---` under a heading) and table pipes (a title page typed as a table: each cell its own line, as
the Word extractor gives a table's cells). HTML blocks (`<h2>`, `<p align="right">`,
`<div>`) become the Markdown they stand for: a heading an ATX heading, a paragraph a paragraph
of its own, a link its text, an entity its character. `#` headings, `**bold**` lines and list
markers are read downstream as in plain text. Whole-file exports (a JSON answer, a BibTeX
record, a MediaWiki page's source, an AsciiDoc source, an Org mode file, a RIS or Dublin Core record) are
read as the page they stand for.
"""
from __future__ import annotations

import html
import platform
import re
from html.parser import HTMLParser
from importlib.metadata import version

from .. import text
from . import (Extracted, antiword, asciidoc, bibtex, chat_export, confluence, critic_markup, document_metadata,
               evernote, forum_post, jats, joplin, json_export, latex, logseq, marc_display, myst, notebook, oai_dc,
               orgmode, reader_view, repository_csv, researchgate, restructuredtext, web_archive,
               wikitext)

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_SETEXT = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# CommonMark's HTML block (its type 6): a line opening or closing one of the block-level tags
# starts raw HTML that runs to the next blank line. Only these blocks are parsed as HTML, so a
# "p < 0.05" or an "<5 %" in the prose is never taken for a tag.
# The list is CommonMark's (less the tags that hold no text): a definition list's term and
# definition (`<dl><dt>Abstract</dt><dd>…</dd>`) or a table's cell is a paragraph of its own.
_BLOCK_TAGS = frozenset("address article aside blockquote caption center dd details dialog dir div dl dt "
                        "fieldset figcaption figure footer form header h1 h2 h3 h4 h5 h6 hr legend li main menu "
                        "nav ol p search section summary table tbody td tfoot th thead tr ul".split())
_HTML_BLOCK = re.compile(r"^[ ]{0,3}</?(?:%s)(?:[\s/>]|$)" % "|".join(sorted(_BLOCK_TAGS, key=len, reverse=True)),
                         re.IGNORECASE)
# Inline HTML that only styles its text ("<small>The work was funded by …</small>", "<span
# class=…>"): a reader sees the text, not the tags. `<br>`, `<sup>` and `<sub>` are read by
# text.clean; other tags stay as typed.
_HTML_STYLING = re.compile(r"</?(?:small|big|span|em|strong|b|i|u|s|mark|abbr|cite|q|dfn|kbd|var|samp|time|font|ins)"
                           r"(?:\s[^<>\n]*)?>", re.IGNORECASE)
# An inline link in the prose ("DOI: <a href=…>10.…</a>"): its text is what a reader reads.
_HTML_LINK = re.compile(r"<a\s[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
# A Markdown inline link ("[Aruzhan K. Tulegenova](https://orcid.org/…)", "[10.5/x](https://doi.org/…)"):
# its text is what a reader reads; "[1]" or "[a](b" without the link's shape stays as typed.
_MD_LINK = re.compile(r"(?<![!\\])\[([^\[\]\n]+)\]\((?:<[^<>\n]*>|[^\s()]+)(?:\s+\"[^\"\n]*\")?\)")
# CommonMark decodes entity references anywhere in the text, with their semicolon.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class _HtmlBlock(HTMLParser):
    """An HTML block → the Markdown it stands for. `<br>`, `<sup>` and `<sub>` are written back
    as typed: text.clean reads them the same way in HTML blocks and in Markdown lines."""

    _INLINE_KEPT = frozenset({"br", "sup", "sub"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._INLINE_KEPT:
            self.parts.append(self.get_starttag_text())
        elif re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._INLINE_KEPT and tag != "br":
            self.parts.append(f"</{tag}>")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        # Inside a heading the source's line breaks are spaces: an ATX heading is one line.
        self.parts.append(data.replace("\n", " ") if self._in_heading() else data)

    def _in_heading(self) -> bool:
        opened = next((p for p in reversed(self.parts) if p.startswith("\n\n")), "")
        return opened.startswith("\n\n#")

    def markdown(self) -> str:
        self.close()
        lines = "\n".join(line.strip() for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", lines).strip("\n")


# Inline code spans set side by side ("`emissions trading` `carbon pricing` `CBAM`"): a web page's
# tag chips, which a reader sees as separate items. Joined by spaces they would read as one
# phrase, so they become a comma-separated list; a single code span is left as typed.
_CODE_CHIPS = re.compile(r"`[^`\n]+`(?:[ \t]+`[^`\n]+`)+")


def _chips(m: re.Match) -> str:
    return ", ".join(re.findall(r"`([^`\n]+)`", m.group(0)))


# A table's header row, every cell a <th> ("<tr><th>Section</th><th>Text</th></tr>"), names the
# columns of the rows under it: the page's layout, not the author's text (left in, two short
# capitalised words on lines of their own read as a name). A row that mixes <th> and <td> is a
# label and its content, and stays.
_HEADER_ROW = re.compile(r"<tr(?:\s[^>]*)?>\s*(?:<th(?:\s[^>]*)?>(?:(?!</?t[dhr][\s>]).)*?</th\s*>\s*)+</tr\s*>",
                         re.IGNORECASE | re.DOTALL)


def _html_block(block: str) -> str:
    parser = _HtmlBlock()
    if re.search(r"<td[\s>]", block, re.IGNORECASE):
        block = _HEADER_ROW.sub("", block)
    parser.feed(block)
    return parser.markdown()


def _html_blocks(md: str) -> str:
    """Each HTML block (from its opening line to the next blank line) as the Markdown it stands
    for; the rest of the text with its links as their text and its entities as characters."""
    out: list[str] = []
    block: list[str] = []
    for line in md.split("\n"):
        if block and not line.strip():
            out.append(_html_block("\n".join(block)))
            block = []
        if block or _HTML_BLOCK.match(line):
            block.append(line)
            continue
        line = _MD_LINK.sub(lambda m: m.group(1), _HTML_LINK.sub(lambda m: m.group(1), _HTML_STYLING.sub("", line)))
        out.append(_ENTITY.sub(lambda m: html.unescape(m.group(0)), line))
    if block:
        out.append(_html_block("\n".join(block)))
    return "\n".join(out)


# A repository's "full item record" copied as text (DSpace and its kin): Dublin Core rows,
# field, value and the value's language separated by tabs ("dc.contributor.author⇥Surname,
# Given⇥en_US"). The field names are the repository's labels, not the author's words: the
# author's and the title's rows are read as the labelled lines a title page has ("Author: …",
# "Title: …"), the author's name as printed surname first, without the catalogue's comma.
_DC_ROW = re.compile(r"^[ \t]*dc\.(?P<field>[a-z]+(?:\.[a-zA-Z]+)?)\t+(?P<value>[^\t\n]+?)[ \t]*(?:\t[^\t\n]*)?$",
                     re.MULTILINE)
_DC_LABELS = {"contributor.author": "Author", "creator": "Author", "title": "Title"}


def _dublin_core_row(m: re.Match) -> str:
    label = _DC_LABELS.get(m.group("field"))
    if label is None:
        return m.group(0)
    value = m.group("value").strip()
    if label == "Author":
        value = re.sub(r"^([^,]+),\s+", r"\1 ", value, count=1)
    return f"{label}: {value}"


def repository_record(plain: str) -> str:
    """A text whose Dublin Core rows name the author and the title in the words a title page
    would, those two first (the record sorts its fields by name, so the title comes after the
    abstract, where no title page has it); two dc rows at least make it a record (one could be
    a quotation)."""
    rows = list(_DC_ROW.finditer(plain))
    if len(rows) < 2:
        return plain
    labelled = [_dublin_core_row(m) for m in rows if m.group("field") in _DC_LABELS]
    rest = _DC_ROW.sub(lambda m: "\0" if m.group("field") in _DC_LABELS else m.group(0), plain)
    lines = [line for line in rest.split("\n") if line != "\0"]
    first = plain[:rows[0].start()].count("\n")
    return "\n".join(lines[:first] + labelled + lines[first:])


# A RIS record (a reference manager's or a repository's export): one field a line, a two-letter
# tag, two spaces, a dash ("TY  - THES", "T1  - …", "AU  - Surname, Given", "AB  - …", "ER  - ").
# The tags are the format's, not the author's words: the record is read as the title page and
# abstract it describes, the title and the first author as a title page labels them, the
# keywords as a keyword line, the abstract as its own paragraph, and the type and end tags gone.
_RIS_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])  -(?: (?P<value>.*?))?[ \t]*$")
_RIS_LABELS = {"T1": "Title", "TI": "Title", "AU": "Author", "A1": "Author", "KW": "Keywords",
               "A2": "Supervisor", "A3": "Supervisor"}
_RIS_DROPPED = {"TY", "ER", "UR", "LA", "DO", "SN", "ID", "DB", "DP", "L1", "L2", "Y2"}


def _surname_first(name: str) -> str:
    """"Surname, Given" as a title page prints it, without the catalogue's comma."""
    return re.sub(r"^([^,]+),\s+", r"\1 ", name, count=1)


def ris_record(plain: str) -> str:
    """A RIS record as the text of the title page and abstract it describes; any other text as
    it is. It is a record when it opens with its type ("TY  - ") and has three tagged lines more."""
    lines = plain.split("\n")
    tagged = [(i, m) for i, line in enumerate(lines) if (m := _RIS_LINE.match(line.rstrip("\r")))]
    if not tagged or tagged[0][1].group("tag") != "TY" or len(tagged) < 4 \
            or any(line.strip() for line in lines[:tagged[0][0]]):
        return plain
    fields: dict[str, list[str]] = {}
    order: list[str] = []
    last = None
    for i, line in enumerate(lines[tagged[0][0]:], tagged[0][0]):
        m = _RIS_LINE.match(line.rstrip("\r"))
        if m:
            last = m.group("tag")
            if last not in fields:
                order.append(last)
            fields.setdefault(last, []).append((m.group("value") or "").strip())
        elif line.strip() and last is not None:
            fields[last][-1] += " " + line.strip()   # a value wrapped onto the next line
    head, body = [], []
    for label in ("Title", "Author"):
        tag = next((t for t, lab in _RIS_LABELS.items() if lab == label and fields.get(t)), None)
        if tag:
            value = fields[tag][0]
            head.append(f"{label}: {_surname_first(value) if label == 'Author' else value}")
    for tag in order:
        values = [v for v in fields[tag] if v]
        if tag in _RIS_DROPPED or not values or _RIS_LABELS.get(tag) in ("Title", "Author"):
            continue
        if tag == "KW":
            body.append("Keywords: " + "; ".join(values))
        elif tag in ("AB", "N2"):
            head.append("")
            head.extend(values)
            head.append("")
        elif _RIS_LABELS.get(tag) == "Supervisor":
            head.extend(f"Supervisor: {_surname_first(v)}" for v in values)
        else:
            head.extend(values)
    return "\n".join(head + body)


# The readers of text that is the source of another format, in the order they are tried: each gives
# back a text not in its format as it was (the web archive's toolbar and a reader mode's header first,
# as they wrap any page a site shows; then a reviewer's marks, since they may stand in any).
_SOURCE_READERS = (web_archive.text, reader_view.text, critic_markup.text, jats.text, oai_dc.text, evernote.text, joplin.text, chat_export.json_messages,
                   chat_export.telegram_html, chat_export.text, forum_post.text, researchgate.text,
                   repository_csv.record, marc_display.record, restructuredtext.text, orgmode.text, asciidoc.text,
                   wikitext.text, latex.text, confluence.text)


def extract(data: bytes, source: str, media_type: str) -> Extracted:
    decoded, codec = text.decode_with_codec(data, source)
    # an XML document's own format, whatever the file is named (as an RTF file's is)
    xml_format = "application/jats+xml" if jats.is_jats(decoded) else (
        "application/enex+xml" if evernote.is_enex(decoded) else None)
    for read in _SOURCE_READERS:
        decoded = read(decoded)
    if media_type == "text/markdown":
        decoded = markdown_text(notebook.text(myst.text(logseq.text(decoded))))
    else:
        decoded = underlined_headings(html_references(antiword.text(decoded)))
    decoded = repository_record(ris_record(bibtex.record(json_export.record(decoded))))
    if codec == text.TWICE_ENCODED:
        return Extracted(decoded, xml_format or media_type, "ftfy", version("ftfy"))
    # The decoder is CPython's own codec: the version recorded is Python's.
    return Extracted(decoded, xml_format or media_type, f"python-{codec}-codec", platform.python_version())


# An HTML page saved as text keeps its character references ("&laquo;Title&raquo;", "21&nbsp;km",
# "&mdash;"): a browser shows them as characters, and so does a reader. A text is taken for such a
# page when two references at least are in it (a lone "&amp;" may be the author's own); decoded,
# a no-break space is a space and a quote mark a quote mark, as the rest of the pipeline knows them.
_TXT_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_references(plain: str) -> str:
    """A text with its HTML character references decoded, as html.unescape decodes them, when it
    has two at least; any other text as it is."""
    found = _TXT_ENTITY.findall(plain)
    if len(found) < 2:
        return plain
    return _TXT_ENTITY.sub(lambda m: html.unescape(m.group(0)), plain)


# A text converter's heading underline in a plain .txt file (pandoc, docutils and `fmt`-style
# exports write "AIM\n---" and "RELEVANCE\n===="): at least three of one character, right under
# a line of text. The rule carries no text; left in, it glues to the section as its first words.
_TXT_UNDERLINE = re.compile(r"^[ ]{0,3}(?:={3,}|-{3,})[ \t]*$")


def underlined_headings(plain: str) -> str:
    """A plain text without the `===` / `---` lines that underline its headings; a rule after a
    blank line (a separator) is left as typed."""
    lines = plain.split("\n")
    out = [line for i, line in enumerate(lines)
           if not (_TXT_UNDERLINE.match(line.rstrip("\r")) and i > 0 and lines[i - 1].strip())]
    return "\n".join(out)


# Pandoc's extensions: a definition list's definition opens with ": " (or "~ ") under its term
# ("Цель⏎⏎: выработать …", "Author⏎: **Title:** …"), and a heading may end in attributes
# ("## Relevance {#relevance .unnumbered}"). Neither is the author's text.
_DEFINITION = re.compile(r"^[ ]{0,3}[:~][ \t]+(?=\S)")
_ATTRIBUTES = re.compile(r"[ \t]+\{(?:-|(?:[#.][\w:-]+|[\w-]+=\S+)(?:[ \t]+(?:[#.][\w:-]+|[\w-]+=\S+))*)\}[ \t]*$")
# MultiMarkdown's label of a heading ("## Кіріспе [kirispe]", its anchor for cross-references):
# one word in brackets at the heading's end, with a letter (a citation "[12]" is not one).
_MMD_LABEL = re.compile(r"[ \t]+\[(?=[^\[\]\s]*[^\W\d_])[^\[\]\s]+\][ \t]*#*[ \t]*$")


# Pandoc's attribute syntax, as a Word file converted with its styles kept carries it: a fenced
# div's fence (`::: {custom-style="Title"}`, `:::`), a bracketed span (`[…]{.underline}`,
# `[…]{.mark}`) and the empty bookmark span a heading opens with (`## []{#_Toc1 .anchor}Цель`).
# The fences and attributes are markup; the span's text is the author's. Pandoc's smart
# punctuation writes a dash as `--` (en) or `---` (em) between words.
_FENCED_DIV = re.compile(r"^[ ]{0,3}:{3,}(?:[ \t]*(?:\{[^{}\n]*\}|[\w-]+))?[ \t]*:*[ \t]*$")
_ATTR = r"\{(?:[ \t]*(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|\S+)))+[ \t]*\}"
_SPAN = re.compile(r"(?<![!\\])\[([^\[\]\n]*)\]" + _ATTR)
_SMART_DASH = re.compile(r"(?<=\s)-{2,3}(?=\s)")


# Pandoc's superscript ("Nurova A.K.^1^", "^2^ Steppe University"): the number stays, flattened
# as text.clean flattens a <sup> and PDF extraction a raised digit, so one rule reads all three.
_SUPERSCRIPT = re.compile(r"\^([^\s^]{1,6})\^")


def _pandoc_markup(line: str) -> str:
    line = _SUPERSCRIPT.sub(r"\1", _SPAN.sub(r"\1", line))
    return _SMART_DASH.sub(lambda m: "–" if len(m.group()) == 2 else "—", line)


# An Obsidian or GitHub callout's type ("> [!abstract] Аңдатпа", "> [!note]- Funding"): the
# renderer's, shown as an icon; the title after it is the author's (often the section's heading).
_CALLOUT = re.compile(r"^([ ]{0,3}(?:>[ \t]?)+)\[![A-Za-z][\w-]*\][+-]?[ \t]*")


# A PDF converted by docling: a glyph the font maps to no character is written as its code
# ("GLYPH<c=183,font=/Symbol>", a Symbol-font bullet), and a numbered paragraph the converter took
# for a list item keeps its number after the bullet ("- 1. to analyse …"): the bullet is the
# converter's, the number the author's. So marker does with a letter, a roman numeral or the
# document's own bullet glyph ("- a) to study …", "- (ii) …", "- • Quartz sands …").
_GLYPH = re.compile(r"GLYPH<[^<>\n]{1,60}>[ \t]?")
_BULLETED_NUMBER = re.compile(r"^([ \t]*)[-*+][ \t]+(?=(?:\d{1,2}[.)]|\(?[a-zа-яәғқңөұүһі]\)|\((?:\d{1,2}|[ivx]{1,4})\)"
                              r"|[ivx]{1,4}[.)]|[IVX]{1,4}[.)]|[•·▪●◦–—])[ \t])")


# An HTML comment is no text of the page, however much it holds: an editor's note, or a whole
# old version of a section kept out of sight («<!-- … ## Задачи … -->») that a renderer never shows.
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


# A form typed as a two-column table, a label in the first cell and its content in the second
# ("| Title | … |", "| Авторы / Authors | … |"): each row is a labelled line, "Title: …", as the
# filled-in form reads; the header row only names the columns ("Field | Content"). A table of
# data (numbers, or more columns) is no form and is read cell by cell.
_FORM_LABEL = re.compile(r"^[^\W\d_][^\d|:]{0,40}$")


_BOLD_LABEL = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)$")


def _cells(line: str) -> list[str]:
    row = _TABLE_ROW.match(line)
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.group(1))] if row else []


def _form_rows(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_TABLE_ROW.match(lines[j]) or (_TABLE_RULE.match(lines[j]) and "|" in lines[j])):
            j += 1
        table = lines[i:j]
        rows = [_cells(line) for line in table if not _TABLE_RULE.match(line)]
        header = len(table) > 1 and _TABLE_RULE.match(table[1]) is not None
        # (a converter that takes every table's first row for its header, as docling does, puts the
        # form's first field there: a header naming columns has one word a cell, "Field | Content")
        body = rows[1:] if header and not (len(rows[0]) == 2 and len(rows[0][1].split()) >= 2) else rows
        # (a repository's item page sets its labels in bold, "| **Author** | … |", under an
        # empty header row, "| | |")
        body = [[_BOLD_LABEL.sub(r"\1", r[0]), *r[1:]] for r in body]
        if len(body) >= 3 and all(len(r) == 2 and _FORM_LABEL.match(r[0]) and r[1] for r in body):
            out.extend(f"{label.rstrip(':')}: {content}" for label, content in body)
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


# A toggle (Notion, Obsidian's folded bullets, an outliner's export): a bullet that holds a bold
# phrase and nothing else ("- **Задачи**", "* __Novelty:__"), with the section's text and items
# indented under it as its nested content. The bullet is the widget's; the bold phrase is the
# section's heading, and stands as a line of its own, as a heading does. A bold bullet with no
# nested content under it is an item of a list and stays one.
_TOGGLE = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+(?P<head>(?:\*\*|__)[^*_\n]+?(?:\*\*|__)[ \t]*:?)[ \t]*$")


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _toggles(lines: list[str]) -> list[str]:
    out = list(lines)
    for i, line in enumerate(lines):
        m = _TOGGLE.match(line)
        if not m:
            continue
        nxt = next((other for other in lines[i + 1:] if other.strip()), None)
        if nxt is not None and _indent(nxt) > _indent(line):
            out[i] = m.group("indent") + m.group("head")
    return out


# A Hugo shortcode ("{{< figure src=… caption=… >}}", "{{< alert >}}…{{< /alert >}}", "{{% note %}}"):
# the site's widget, which the page renders as a picture, a box or a button. The tags are the
# template's; the text a paired shortcode wraps is the author's and stays, on a line of its own
# as the box shows it. A figure's caption is the picture's, not the abstract's, and goes with it.
_SHORTCODE_BODY = r"\s*/?\s*[\w./-]+(?:\s(?:[^{}\n\"]|\"[^\"\n]*\")*?)?\s*"
_SHORTCODE = re.compile(rf"\{{\{{<{_SHORTCODE_BODY}>\}}\}}|\{{\{{%{_SHORTCODE_BODY}%\}}\}}")


# MultiMarkdown's metadata: "Key: value" lines that open the file, up to its first blank line, a
# value going on over indented lines ("Author: Г.Қ. Сейітова⏎          Б.Т. Оспанов"); keys free,
# case-insensitive. Read as its YAML twin; a text that merely opens with "Title: …" is taken
# for metadata only with a second key and one of MultiMarkdown's own (a form-like title page
# "Title: …⏎Author: …" without them stays the page it is). MultiMarkdown's "{{TOC}}" (the table
# of contents it generates) and "{{other-file.md}}" (a file it transcludes) are no text.
_MMD_METADATA = re.compile(r"\A\ufeff?(?P<inner>(?:[A-Za-z][\w .-]{0,40}:[^\n]*\n(?:[ \t]+\S[^\n]*\n)*){2,})(?=[ \t]*\n)")
_MMD_OWN_KEYS = frozenset({"base header level", "css", "quotes language", "mmd header", "mmd footer", "latex config",
                           "latex input", "latex mode", "html header", "xhtml header", "transclude base",
                           "use wikilinks"})
_MMD_BLOCK = re.compile(r"^[ \t]*\{\{(?:TOC|[^{}<>%\s][^{}<>%\n]*\.[A-Za-z]{1,5})\}\}[ \t]*$", re.M)


# The header Jina AI's Reader (r.jina.ai) puts over the Markdown it makes of a web page: the
# page's <title> (the site's name for the page, «Автореферат диссертации … | ЕНУ»), its address,
# its date, then "Markdown Content:". The reader's, not the author's: the page's own heading and
# title page follow.
_READER_HEADER = re.compile(r"\A\ufeff?Title:[^\n]*\n+URL Source:[^\n]*\n+"
                            r"(?:(?:Published Time|Warning|Number of Pages):[^\n]*\n+)*Markdown Content:[ \t]*\n")


# Mathpix Markdown (what Mathpix's converter writes from a scanned or born-digital PDF): the title
# page's title and author as LaTeX commands on lines of their own ("\title{…}", "\author{…}"),
# headings as "\section*{…}" and "\subsection*{…}". Read as the page shows them: the title and the
# name as lines, a section as a heading.
_MATHPIX_COMMAND = re.compile(r"^[ \t]*\\(?P<cmd>title|author|(?:sub){0,2}section)\*?\{(?P<text>[^{}\n]+)\}[ \t]*$", re.M)


def _mathpix_command(m: re.Match) -> str:
    text = m.group("text").strip()
    if m.group("cmd").endswith("section"):
        return "#" * (2 + m.group("cmd").count("sub")) + " " + text
    return text


def _mmd_metadata(m: re.Match) -> str:
    import yaml

    data: dict[str, str] = {}
    key = None
    for line in m.group("inner").splitlines():
        if line[:1] in " \t" and key:
            data[key] += "\n" + line.strip()
            continue
        key, _, value = line.partition(":")
        key = key.strip().lower()
        data[key] = value.strip()
    if not _MMD_OWN_KEYS & data.keys():
        return m.group(0)
    # several authors are one per line; YAML's twin is a list
    fields = {k: (v.split("\n") if k == "author" and "\n" in v else v.replace("\n", " ")) for k, v in data.items()}
    page = document_metadata.page(yaml.safe_dump(fields, allow_unicode=True), m.string[m.end():])
    return page + "\n" if page else ""


# Hugo's other front matter: TOML between "+++" lines. Read as the same keys YAML's would give.
_TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+[ \t]*\n(?P<inner>(?:.*\n)*?)\+\+\+[ \t]*(?:\n|\Z)")


def _toml_front_matter(m: re.Match) -> str:
    """A TOML front matter as its YAML twin is read; text that only opens with "+++" stays."""
    import tomllib

    import yaml

    try:
        data = tomllib.loads(m.group("inner"))
    except tomllib.TOMLDecodeError:
        return m.group(0)
    page = document_metadata.page(yaml.safe_dump(data, allow_unicode=True), m.string[m.end():])
    return page + "\n" if page else ""


def _front_matter(m: re.Match) -> str:
    """The work's own metadata (pandoc's, R Markdown's: with its `abstract`) as its title page
    and abstract; a site generator's front matter as nothing."""
    inner = re.sub(r"\A\ufeff?---[ \t]*\n|(?:---|\.\.\.)[ \t]*\n?\Z", "", m.group(0))
    page = document_metadata.page(inner, m.string[m.end():])
    return page + "\n" if page else ""


# A fenced code block (```` ```{r setup} ````, ```` ```python ````): a program, not the author's
# prose, shown as code or run by knitr and never printed; a BibTeX block (a README's "cite as")
# is the work's record and is read as the title page it describes.
_FENCED_CODE = re.compile(r"(?ms)^[ ]{0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n(?P<body>.*?)^[ ]{0,3}(?P=fence)[`~]*[ \t]*$")


def _fenced_code(m: re.Match) -> str:
    info = m.group("info").strip().strip("{}").split(",")[0].split()
    language = info[0].lower() if info else ""
    if language in ("bibtex", "bib", "biblatex"):
        found = bibtex.entries(m.group("body"))
        return "\n".join(bibtex.page(found[0][1])) if found else ""
    # a block without a language may be the author's text set apart: only code is dropped
    return "" if language else m.group(0)


# A Liquid / Nunjucks tag of a site generator or a docs platform ("{% hint style="info" %}",
# "{% endhint %}", GitBook's "{% tabs %}", Jekyll's and Hexo's): the template's, as a shortcode
# is. A tab's or a box's title (`title="Foreign research"`) is printed on the page as its label, and
# so is the quoted title of Yandex Flavored Markdown's boxes (`{% cut "Положения, выносимые на
# защиту" %}`, `{% note info "Сведения" %}`): a cut is a folded section its title opens.
_TEMPLATE_TAG = re.compile(r"\{%-?\s*(?P<name>[\w-]+)(?P<args>(?:[^%\n]|%(?!\}))*?)-?%\}")
_TAG_TITLE = re.compile(r"""\btitle\s*=\s*(?:"(?P<d>[^"\n]*)"|'(?P<s>[^'\n]*)')""")
_BOX_TITLE = re.compile(r"""^\s*(?:[a-z]+\s+)?(?:"(?P<d>[^"\n]*)"|'(?P<s>[^'\n]*)')""")
_BOXES = frozenset({"cut", "note", "details", "spoiler", "collapse", "tab", "alert"})


def _template_tag(m: re.Match) -> str:
    title = _TAG_TITLE.search(m.group("args") or "") or (
        _BOX_TITLE.match(m.group("args") or "") if m.group("name").lower() in _BOXES else None)
    return f"\n{title.group('d') or title.group('s')}\n" if title and (title.group("d") or title.group("s")) else "\n"


def _without_shortcodes(md: str) -> str:
    return _TEMPLATE_TAG.sub(_template_tag, _SHORTCODE.sub("\n", md))


# A title page's fields set on one line with middle dots between them ("**Name** · PhD programme
# 8D… · University · Scientific advisers: …", a docs platform's or a profile page's byline):
# each field is a line of the title page, as a printed one sets them. Only a line that opens
# with a name, in the head of the page.
_DOT_FIELDS = re.compile(r"[ \t]+[·•][ \t]+")
# (the first field a person's name: a journal's line, "Journal of … · doi · Published …", is no byline)
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_NAME_FIELD = re.compile(rf"^[{_CAPITAL}][\w'’.-]+(?:[ \t]+[{_CAPITAL}][\w'’.-]*){{1,3}}$")


def _dotted_fields(text: str, head_lines: int = 40) -> str:
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
        if seen > head_lines:
            break
        fields = _DOT_FIELDS.split(line.strip())
        if len(fields) >= 3 and len(line) < 600 and _NAME_FIELD.match(fields[0].strip("*_ ")):
            lines[i] = "\n".join(fields)
    return "\n".join(lines)


# A pandoc grid table: rows between rule lines ("+-----+-----+", the header's "+=====+"), each
# row's cells between pipes at the rule's "+" columns, a cell's text over one line or several.
_GRID_RULE = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")


def _grid_tables(lines: list[str]) -> list[str]:
    """Each row of a grid table as one line, its cells joined by " – ": read cell by cell (as a
    pipe table's), a short cell in capitals ("MRSA") would stand alone as a heading, and a cell
    wrapped over lines would come apart."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _GRID_RULE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        rule = lines[i]
        bounds = [k for k, c in enumerate(rule) if c == "+"]
        row: list[list[str]] = [[] for _ in bounds[1:]]
        i += 1
        while i < len(lines) and (lines[i].lstrip().startswith("|") or _GRID_RULE.match(lines[i])):
            if _GRID_RULE.match(lines[i]):
                cells = [" ".join(" ".join(parts).split()) for parts in row]
                if any(cells):
                    out.append(" – ".join(c for c in cells if c))
                row = [[] for _ in bounds[1:]]
            else:
                line = lines[i]
                for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
                    row[n].append(line[a + 1:b].strip(" |"))
            i += 1
    return out


# A link reference definition ("[image1]: <data:image/png;base64,…>", "[1]: https://… \"Title\"") is
# no text of the page: CommonMark renders nothing for it (Google Docs' "Download as Markdown" puts
# every picture there, base64 and all). An image ("![logo](…)", "![][image1]") shows a picture, not
# words.
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*(?:<[^>\n]*>|\S+)"
                                   r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.MULTILINE)
# A reference-style link ("[Bureau of National Statistics][stat]", "[FAO][]") reads as its text
# where the file defines its label, as CommonMark renders it; "[1][2]" with no definition stays.
_REFERENCE_LINK = re.compile(r"(?<![!\\\]])\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\))?)(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")


# A list item whose marker stands alone on its line, the item's text indented under it ("1.\n
# To build …", as Markdown allows and semantic line breaks write it): one item, the marker before
# its text.
_LONE_MARKER = re.compile(r"^([ ]{0,3}(?:\d{1,3}[.)]|[-*+]))[ \t]*\n(?:[ \t]*\n)?[ \t]+(?=\S)", re.M)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()   # CommonMark matches labels case-blind, spaces collapsed


def _reference_links(md: str) -> str:
    defined = {_label(m.group(1)) for m in _REFERENCE_DEFINITION.finditer(md)}
    if not defined:
        return md

    def text_of(m: re.Match) -> str:
        return m.group(1) if _label(m.group(2) or m.group(1)) in defined else m.group(0)
    return _REFERENCE_LINK.sub(text_of, _REFERENCE_DEFINITION.sub("", md))


def markdown_text(md: str) -> str:
    """The text of a Markdown document without front matter, setext underlines and table
    syntax. Hand-written rather than a CommonMark parser: everything else (emphasis, lists,
    `#` headings) must stay as typed, since the section and list readers take it as text."""
    md = _READER_HEADER.sub("", _HTML_COMMENT.sub("", md.replace("\r\n", "\n")), count=1)
    md = _IMAGE.sub("", _reference_links(md))
    md = _TOML_FRONT_MATTER.sub(_toml_front_matter, _FRONT_MATTER.sub(_front_matter, md, count=1), count=1)
    md = _MMD_BLOCK.sub("", _MMD_METADATA.sub(_mmd_metadata, md, count=1))
    md = _MATHPIX_COMMAND.sub(_mathpix_command, md)
    md = _dotted_fields(_html_blocks(_without_shortcodes(md)))
    md = _LONE_MARKER.sub(r"\1 ", _FENCED_CODE.sub(_fenced_code, md))
    out: list[str] = []
    for line in _form_rows(_toggles(_grid_tables(md.split("\n")))):
        # A setext underline (the heading is the line above it, kept as a line of its own)
        # or, after a blank line, a thematic break: neither carries text.
        if _SETEXT.match(line) and (len(line.strip()) > 1 or not out or out[-1].strip()):
            continue
        if _TABLE_RULE.match(line) and "|" in line:
            continue
        row = _TABLE_ROW.match(line)
        if row:
            out.extend(cell.strip() for cell in re.split(r"(?<!\\)\|", row.group(1)) if cell.strip())
            continue
        if _FENCED_DIV.match(line):
            continue
        line = _pandoc_markup(_CALLOUT.sub(r"\1", _GLYPH.sub("", _BULLETED_NUMBER.sub(r"\1", line))))
        if line.lstrip().startswith("#"):
            line = _MMD_LABEL.sub("", _ATTRIBUTES.sub("", line))
        out.append(_CODE_CHIPS.sub(_chips, _DEFINITION.sub("", line)))
    return "\n".join(out)
