"""A LaTeX source saved as text (a thesis or abstract written in LaTeX, its .tex handed in as
.txt): read as the typeset page shows it. The preamble (\\documentclass … \\begin{document}) and
comments are no text; "\\section*{…}" is a heading on its own line; an "\\item" of an
enumerate is a numbered item ("1) …"), of an itemize a dash item; citations, cross-references
and labels ("~\\cite{…}", "\\ref{…}") print as numbers a reader cannot resolve and are left out.

The structure (headings, lists) is read here, because the section and list readers go by lines;
the inline markup (\\textbf{…}, "--", "~", "\\%", accents, "\\\\") is undone by pylatexenc, a
kept LaTeX-to-text converter.
"""
from __future__ import annotations

import re

_DOCUMENT_CLASS = re.compile(r"^[ \t]*\\documentclass\b", re.M)
_BEGIN_DOCUMENT = re.compile(r"\\begin\{document\}")
_END_DOCUMENT = re.compile(r"\\end\{document\}")
_SECTIONING = re.compile(r"^[ \t]*\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?[\[{]", re.M)
_LIST_LINE = re.compile(r"^[ \t]*\\(?:item\b|begin\{(?:enumerate|itemize)\})", re.M)
# an unescaped % opens a comment to the end of its line
_COMMENT = re.compile(r"(?<!\\)%.*")
# A percent sign after a number as typed ("60%", "60 %") in a fragment without a preamble: LaTeX
# would have dropped the rest of the line, which an author compiling it would have seen and
# escaped; Mathpix Markdown, which writes its sections in LaTeX, keeps the sign as the PDF shows it.
_TYPED_PERCENT = re.compile(r"(\d[ \u00a0]?)%")
# what prints as an unresolved number or nothing: citations, cross-references, labels, the
# bibliography, page breaks, the title and contents commands (with the tie before a citation)
_UNPRINTED = re.compile(
    r"~?\\(?:[a-zA-Z]*cite[a-zA-Z]*|[a-z]*ref|label|eqref|pageref|autoref|cref|Cref)\*?(?:\[[^\]]*\]){0,2}\{[^{}]*\}"
    r"|\\(?:printbibliography|bibliography|bibliographystyle|addbibresource)\b(?:\[[^\]]*\])?(?:\{[^{}]*\})?"
    r"|\\(?:newpage|clearpage|pagebreak|maketitle|tableofcontents|noindent|centering|hfill|vfill|medskip|bigskip|smallskip)\b"
    r"|\\(?:vspace|hspace)\*?\{[^{}]*\}")
_SHOWN_TITLE = re.compile(r"^[ \t]*\\(?:title|author)\{(?P<text>[^{}\n]+)\}[ \t]*$", re.M)
_SECTION = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?(?:\[[^\]]*\])?\{")
_LIST = re.compile(r"\\begin\{(enumerate|itemize)\}(?:\[[^\]]*\])?|\\end\{(?:enumerate|itemize)\}|\\item\b(?:\[(?P<label>[^\]]*)\])?[ \t]*")


def is_latex(source: str) -> bool:
    """A LaTeX document: its class declared, or sections and lists in LaTeX's commands (two of
    them at least, as no other text writes them)."""
    if _DOCUMENT_CLASS.search(source) or _BEGIN_DOCUMENT.search(source):
        return True
    return len(_SECTIONING.findall(source)) + len(_LIST_LINE.findall(source)) >= 3 and bool(_SECTIONING.search(source))


def _braced(s: str, at: int) -> int:
    """The index just past the group whose opening brace is at s[at - 1]."""
    depth = 1
    i = at
    while i < len(s) and depth:
        if s[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(s[i], 0)
        i += 1
    return i


def _headings(s: str) -> str:
    out, at = [], 0
    for m in _SECTION.finditer(s):
        if m.start() < at:
            continue
        end = _braced(s, m.end())
        out.append(s[at:m.start()])
        out.append("\n\n" + " ".join(s[m.end():end - 1].split()) + "\n\n")
        at = end
    out.append(s[at:])
    return "".join(out)


def _lists(s: str) -> str:
    stack: list[list] = []   # [kind, items so far] per open list
    out, at = [], 0
    for m in _LIST.finditer(s):
        out.append(s[at:m.start()])
        at = m.end()
        token = m.group(0)
        if token.startswith("\\begin"):
            stack.append([m.group(1), 0])
            out.append("\n\n")
        elif token.startswith("\\end"):
            if stack:
                stack.pop()
            out.append("\n\n")
        else:
            kind = stack[-1] if stack else ["itemize", 0]
            kind[1] += 1
            label = m.group("label")
            if label is None:
                label = f"{kind[1]})" if kind[0] == "enumerate" else "–"
            out.append("\n\n" + label + " ")
    out.append(s[at:])
    return "".join(out)


def text(source: str) -> str:
    """The typeset text of a LaTeX source; any other text as it is."""
    if not is_latex(source):
        return source
    from pylatexenc.latex2text import LatexNodes2Text
    begin = _BEGIN_DOCUMENT.search(source)
    body = source[begin.end():] if begin else source
    end = _END_DOCUMENT.search(body)
    body = body[:end.start()] if end else body
    if not begin:
        # a fragment without its preamble (Mathpix Markdown's): the title and the author on lines
        # of their own are what the page shows, there is no \maketitle to print them
        body = _SHOWN_TITLE.sub(lambda m: m.group("text").strip(), _TYPED_PERCENT.sub(r"\1\\%", body))
    body = "\n".join(_COMMENT.sub("", line) for line in body.split("\n"))
    body = _lists(_headings(_UNPRINTED.sub("", body)))
    plain = LatexNodes2Text(math_mode="text", strict_latex_spaces=True).latex_to_text(body)
    # (a no-break space from "~" is a space to the readers after this one)
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in plain.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
