"""A page of the Wayback Machine (web.archive.org) saved as text: the archive's toolbar above the
captured page - the "Wayback Machine" logo line, the captured URL and "Go", the count of captures
and their date range, the calendar strip ("Previous capture", "Next capture", the months and
years), "About this capture" with its COLLECTED BY / Collection / TIMESTAMPS notes, and the line
"The Wayback Machine - https://web.archive.org/web/<timestamp>/<url>" - and, when the page was
saved from its source, the archive's comments at the foot ("FILE ARCHIVED ON … AND RETRIEVED FROM
THE INTERNET ARCHIVE ON …", "playback timings (ms): …").

Read as the captured page: the toolbar and the foot are the archive's, not the page's (its
"COLLECTED BY / Organization: Internet Archive" would otherwise open the title page). Written by
hand: the toolbar is a site's layout, not a format any library reads.
"""
from __future__ import annotations

import re

_CAPTURES = re.compile(r"^\d[\d,]* captures?$")
_DATE = r"\d{1,2} [A-Z][a-z]{2} \d{4}"
_TOOLBAR = re.compile(
    r"^(?:Wayback Machine|Go|\d[\d,]* captures?|" + _DATE + r" - " + _DATE + r"|Previous capture|Next capture|"
    r"About this capture|COLLECTED BY|TIMESTAMPS|loading|success|fail|"
    r"(?:[A-Z][a-z]{2}\s+)+[A-Z][a-z]{2}|(?:\d{4}\s+)+\d{4}|Previous capture\s+\d{1,2}\s+Next capture|"
    r"(?:Organization|Collection): .+|The Wayback Machine -.*|https?://web\.archive\.org/web/\d{4,14}\S*)$")
_ARCHIVE_URL = re.compile(r"https?://web\.archive\.org/web/\d{4,14}")
_FOOT = re.compile(r"^(?:FILE ARCHIVED ON .+|JAVASCRIPT APPENDED BY WAYBACK MACHINE.*|"
                   r"ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT.*|playback timings \(ms\):.*)$")
_HEAD_LINES = 80      # the toolbar, with its notes wrapped, is some thirty lines


def is_capture(plain: str) -> bool:
    lines = [line.strip() for line in plain[:6000].split("\n")[:_HEAD_LINES]]
    return any(_CAPTURES.match(line) for line in lines) and (
        "About this capture" in lines or any(_ARCHIVE_URL.search(line) for line in lines))


def text(plain: str) -> str:
    """The captured page, when `plain` is a Wayback Machine page saved as text; any other text as it is."""
    if not is_capture(plain):
        return plain
    lines = plain.split("\n")
    head = [line.strip() for line in lines[:_HEAD_LINES]]
    # the toolbar ends at the archive's own line for the capture, else at its last line of notes
    end = max((i for i, line in enumerate(head) if _ARCHIVE_URL.search(line)), default=None)
    if end is None:
        end = max(i for i, line in enumerate(head) if _TOOLBAR.match(line) or _CAPTURES.match(line))
    foot = next((i for i, line in enumerate(lines) if i > end and _FOOT.match(line.strip())), len(lines))
    return "\n".join(lines[end + 1:foot]).strip("\n") + "\n"
