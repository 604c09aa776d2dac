"""A forum post's BBCode source saved as text (a university forum's announcement of a defence,
phpBB's or vBulletin's editor): read as the post is shown. `[b]…[/b]` and `[size=…]` are styling,
`[center]` and `[quote]` blocks are lines of their own, `[list=1]` items are numbered as displayed
and `[list]` items bulleted, `[url=…]text[/url]` is its text.

Rendered with the `bbcode` package (its HTML then read as the notes' and chats' little HTML is,
html_text.py); the tags phpBB adds to the package's own set (size, font, alignment) are styling
only. The package's typographic replacements ("--" into a dash, "(c)" into ©) and its linking of
bare addresses are off: the text keeps the characters its author typed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import html_text

# Closing tags of the markup a forum editor writes; prose and other markups write none of them.
_CLOSING = re.compile(r"\[/(?:b|i|u|s|size|color|colour|font|center|left|right|justify|quote|url|list|"
                      r"code|spoiler|indent|img|email)\]", re.I)
_ENOUGH = 3
_STYLING_ONLY = ("size", "font", "left", "right", "justify", "indent", "spoiler")


def is_bbcode(text: str) -> bool:
    """Three closing tags of a forum editor's markup at least."""
    return len(_CLOSING.findall(text, 0, 200_000)) >= _ENOUGH


@lru_cache(maxsize=1)
def _parser():
    import bbcode

    parser = bbcode.Parser(replace_links=False, replace_cosmetic=False)
    for tag in _STYLING_ONLY:
        parser.add_simple_formatter(tag, "%(value)s")
    for _, options in parser.recognized_tags.values():
        # (the parser's own switches reach only the text outside any tag)
        options.replace_cosmetic = options.replace_links = False
    return parser


def text(source: str) -> str:
    """The post as a reader sees it, line by line, when `source` is BBCode; any other text as it is."""
    if not is_bbcode(source):
        return source
    return "\n".join(html_text.lines(_parser().format(source))).strip() + "\n"
