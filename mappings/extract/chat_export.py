"""A chat exported as text (WhatsApp's "Export chat", Android and iPhone): each message opens
with its date, time and sender ("14.05.2024, 10:15 - Асель Ермекова: …", "[14.05.24, 10:15:03]
Aidos: …"), a message's further lines follow without them. An abstract pasted into such a chat
over several messages is read as the text pasted: the date, time and sender go, and so do the
messages that carry no text of it (the app's notices, "<Media omitted>", a deleted message, a
reaction alone).

Written by hand: the export is a plain text convention, not a format a library reads.
"""
from __future__ import annotations

import re

_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?"
_ANDROID = re.compile(rf"^\u200e?{_DATE} - (?:(?P<sender>[^:\n]{{1,60}}): )?(?P<text>.*)$")
_IPHONE = re.compile(rf"^\u200e?\[{_DATE}\] (?:(?P<sender>[^:\n]{{1,60}}): )?(?P<text>.*)$")
# what the app writes in place of a message's text, in the languages its users set
_NOT_TEXT = re.compile(
    r"^(?:<(?:Media omitted|Без медиафайлов|Медиафайл пропущен|Медиа жоқ)>|(?:This message was deleted|"
    r"Это сообщение удалено|Сообщение удалено|Бұл хабарлама жойылды|You deleted this message)\.?|"
    r"\W{1,4})$", re.I)


def is_chat(plain: str) -> bool:
    lines = [line for line in plain.split("\n")[:200] if line.strip()]
    stamped = sum(1 for line in lines if _ANDROID.match(line) or _IPHONE.match(line))
    return stamped >= 3 and stamped >= 0.1 * len(lines)


def text(plain: str) -> str:
    """The text pasted into the chat, each message opening a paragraph; any other text as it is."""
    if not is_chat(plain):
        return plain
    out: list[str] = []
    keep = False
    for line in plain.split("\n"):
        m = _ANDROID.match(line) or _IPHONE.match(line)
        if m is None:
            if keep:
                out.append(line)
            continue
        body = m.group("text").strip()
        # a line with no sender is the app's own notice (encryption, a member added)
        keep = m.group("sender") is not None and not _NOT_TEXT.match(body)
        if keep:
            out.extend(["", body])
    return "\n".join(out).strip("\n") + "\n"
