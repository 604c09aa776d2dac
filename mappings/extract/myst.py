"""MyST Markdown, the dialect of Jupyter Book and Sphinx's myst-parser: a page as its reader
sees it once built.

- `(label)=` on a line of its own is a cross-reference target: no text.
- A colon-fenced directive (`:::{admonition} About the article` … `:::`) is a box around its
  content: the fences and the options under the opening one (`:class: tip`) go, the content
  stays. (A backtick-fenced directive, ```` ```{code-cell} ````, is a fenced code block, which
  the Markdown reader already leaves out.)
- A role (``{sup}`1` ``, ``{term}`fulus` ``, ``{cite}`smith2020` ``) is its content, as built.

Written by hand: the MyST parser (myst-parser) builds a docutils tree for Sphinx, a heavy
dependency for three rules, and it would render the page to HTML first.
"""
from __future__ import annotations

import re

_TARGET = re.compile(r"^\([\w.:-]+\)=[ \t]*$", re.M)
_COLON_OPEN = re.compile(r"^[ \t]*:{3,}\{[\w.:-]+\}.*$")
_COLON_CLOSE = re.compile(r"^[ \t]*:{3,}[ \t]*$")
_OPTION = re.compile(r"^[ \t]*:[\w-]+:(?:[ \t].*)?$")
_ROLE = re.compile(r"\{[\w.:-]+\}`([^`\n]*)`")
_SIGNS = (re.compile(r"^[ \t]*:{3,}\{[\w.:-]+\}", re.M), re.compile(r"^[ \t]*`{3,}\{[\w.:-]+\}", re.M),
          re.compile(r"\{[\w.:-]+\}`[^`\n]*`"), _TARGET)


def is_myst(md: str) -> bool:
    return sum(1 for sign in _SIGNS if sign.search(md)) >= 2 or "format_name: myst" in md[:2000]


def text(md: str) -> str:
    """The page as built, when `md` is MyST; any other Markdown as it is."""
    if not is_myst(md):
        return md
    out, in_options = [], False
    for line in _TARGET.sub("", md).split("\n"):
        if _COLON_OPEN.match(line):
            in_options = True
            continue
        if in_options and _OPTION.match(line):
            continue
        in_options = False
        if _COLON_CLOSE.match(line):
            continue
        out.append(_ROLE.sub(r"\1", line))
    return "\n".join(out)
