"""A note exported by Joplin as it keeps it ("Export → RAW", or a file of its sync folder): the
note's title on the first line, a blank line, the body in Markdown, and after it the note's
properties, one "key: value" a line (`id`, `parent_id`, `created_time`, …, ending `type_: 1`).
The title is the note's heading, as Joplin shows it above the body; the properties are the
application's bookkeeping (the `author` property is the note's owner, not necessarily the
work's), and a resource link ("![logo.png](:/8c2e…)") names a file of Joplin's own store, which
is not here.

Read by hand: no library reads Joplin's raw format, a few lines of which are its own.
"""
from __future__ import annotations

import re

# The properties Joplin writes for a note (and its other item types); a block of them is its.
_KEYS = frozenset("""id parent_id created_time updated_time is_conflict latitude longitude altitude author
source_url is_todo todo_due todo_completed source source_application application_data order
user_created_time user_updated_time encryption_cipher_text encryption_applied markup_language is_shared
share_id conflict_original_id master_key_id user_data deleted_time type_ title body mime filename
file_extension size icon""".split())
_PROPERTY = re.compile(r"^(?P<key>[a-z_]+):(?:[ \t](?P<value>.*))?$")
_RESOURCE = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\(:/[0-9a-f]{32}\)")


def is_joplin(source: str) -> bool:
    """The text ends with a block of Joplin's properties, `type_` among them."""
    return _properties_start(source.rstrip("\n").split("\n")) is not None


def _properties_start(lines: list[str]) -> int | None:
    start = len(lines)
    while start > 0 and (m := _PROPERTY.match(lines[start - 1].rstrip("\r"))) and m.group("key") in _KEYS:
        start -= 1
    keys = {_PROPERTY.match(line.rstrip("\r")).group("key") for line in lines[start:]}
    return start if "type_" in keys and len(keys) >= 6 else None


def text(source: str) -> str:
    """The note as Joplin shows it: its title as the heading, its body; any other text as it is."""
    lines = source.rstrip("\n").split("\n")
    start = _properties_start(lines)
    if start is None:
        return source
    body = lines[:start]
    while body and not body[-1].strip():
        body.pop()
    if body and body[0].strip() and not body[0].lstrip().startswith("#"):
        body[0] = "# " + body[0].strip()
    return _RESOURCE.sub("", "\n".join(body)) + "\n"
