"""A chat exported as text (WhatsApp's "Export chat", Android and iPhone): each message opens
with its date, time and sender ("14.05.2024, 10:15 - Асель Ермекова: …", "[14.05.24, 10:15:03]
Aidos: …"), a message's further lines follow without them. An abstract pasted into such a chat
over several messages is read as the text pasted: the date, time and sender go, and so do the
messages that carry no text of it (the app's notices, "<Media omitted>", a deleted message, a
reaction alone).

A chat exported as JSON (Slack's channel export: a day's array of messages, each with its `ts`
and its mrkdwn `text` beside the `blocks` repeating it; Telegram Desktop's `result.json`: a
`messages` array whose `text` is a string or a list of plain and styled pieces) is read the
same way: each message's text once, the app's notices (a member joined, a pinned item) left out,
the markup written as the Markdown it means (`*bold*` a bold line, `<url|label>` its label, a
user's `<@U…>` id gone). Microsoft Teams' export of a chat (`messages.json`: `conversations`, each
with its `MessageList`, newest message first, each message's `content` in HTML) is read in the
order the messages were written, the HTML as the lines a reader sees, calls and members added
left out. Telegram Desktop's HTML export (`messages.html`: each message a `<div class="message
default">` with its sender, its time and its `<div class="text">`; a date or a pinned post a
`message service`) is read the same way, oldest message first as the page shows them, each text
as the lines a reader sees.

Written by hand: the export is a plain text convention, not a format a library reads; the JSON
ones are parsed with the standard library's json.
"""
from __future__ import annotations

import html
import json
import re

from . import html_text

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


# Slack's mrkdwn: a link with its label, a bare link, a mention of a user or a channel
_SLACK_LINK = re.compile(r"<(?:[a-z]+://|mailto:)[^|>\s]+\|([^>]+)>")
_SLACK_BARE = re.compile(r"<((?:[a-z]+://|mailto:)[^|>\s]+)>")
_SLACK_MENTION = re.compile(r"<[@!][^>]*>\s*")
_SLACK_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]+)>")
_SLACK_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_SLACK_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


def _slack(mrkdwn: str) -> str:
    out = _SLACK_CHANNEL.sub(r"#\1", _SLACK_MENTION.sub("", mrkdwn))
    out = _SLACK_BARE.sub(r"\1", _SLACK_LINK.sub(r"\1", out))
    out = _SLACK_ITALIC.sub(r"\1", _SLACK_BOLD.sub(r"**\1**", out))
    return html.unescape(out)   # Slack escapes &, < and > in the text it stores


def _telegram(text) -> str:
    if isinstance(text, str):
        return text
    pieces = []
    for piece in text if isinstance(text, list) else []:
        if isinstance(piece, str):
            pieces.append(piece)
        elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
            bold = piece.get("type") == "bold" and piece["text"].strip()
            pieces.append(f"**{piece['text']}**" if bold else piece["text"])
    return "".join(pieces)


def json_messages(plain: str) -> str:
    """The text of a chat exported as JSON (Slack, Telegram Desktop), each message a paragraph;
    any other text as it is."""
    stripped = plain.strip().lstrip("\ufeff")
    if stripped[:1] not in "[{" or ('"message"' not in stripped[:20000] and '"MessageList"' not in stripped[:20000]):
        return plain
    try:
        data = json.loads(stripped)
    except ValueError:
        return plain
    if isinstance(data, dict) and isinstance(data.get("conversations"), list):
        return _teams(data["conversations"]) or plain
    messages = data.get("messages") if isinstance(data, dict) else data
    if not isinstance(messages, list) or not messages or not all(isinstance(m, dict) for m in messages):
        return plain
    if not all(m.get("type") in ("message", "service") for m in messages):
        return plain
    out = []
    for m in messages:
        # a notice has a subtype (Slack: channel_join, pinned_item) or is a service message (Telegram)
        if m.get("type") != "message" or m.get("subtype") not in (None, "thread_broadcast", "file_share"):
            continue
        if "ts" in m:
            body = _slack(m.get("text") or "")
        elif "date" in m:
            body = _telegram(m.get("text"))
        else:
            return plain
        if body.strip():
            out.extend([body.strip(), ""])
    return "\n".join(out) if out else plain


# what Teams stores as a message's text; the rest are the app's events (a call, a member added,
# a topic changed: "Event/Call", "ThreadActivity/AddMember")
_TEAMS_TEXT = frozenset({"RichText/Html", "RichText", "Text"})


def _teams(conversations: list) -> str:
    messages = [m for c in conversations if isinstance(c, dict) and isinstance(c.get("MessageList"), list)
                for m in c["MessageList"] if isinstance(m, dict)]
    if not messages or not all("originalarrivaltime" in m and "messagetype" in m for m in messages):
        return ""
    out = []
    # the export lists the newest first; ISO times in UTC sort as strings
    for m in sorted(messages, key=lambda m: str(m.get("originalarrivaltime"))):
        content = m.get("content")
        if m.get("messagetype") not in _TEAMS_TEXT or not isinstance(content, str):
            continue
        body = "\n".join(html_text.lines(content)) if m["messagetype"] == "RichText/Html" else html.unescape(content)
        if body.strip():
            out.extend([body.strip(), ""])
    return "\n".join(out)


# Telegram Desktop's page: the history of messages, each one's text in a div of its own (inline
# markup only: <br>, <strong>, <em>, <a>, <code>, <blockquote>)
_TELEGRAM_PAGE = re.compile(r'<div class="page_body chat_page">|<div class="history">')
_TELEGRAM_MESSAGE = re.compile(r'<div class="message (default|service)[^"]*"')
_TELEGRAM_TEXT = re.compile(r'<div class="text">(.*?)</div>', re.S)


def telegram_html(plain: str) -> str:
    """The text of a chat exported by Telegram Desktop as HTML, each message a paragraph; any other
    text as it is."""
    head = plain[:5000]
    if not _TELEGRAM_PAGE.search(head) and not (plain.count('class="message default') >= 2 and "<html" in head):
        return plain
    starts = [(m.start(), m.group(1)) for m in _TELEGRAM_MESSAGE.finditer(plain)] + [(len(plain), None)]
    out = []
    for (start, kind), (end, _) in zip(starts, starts[1:]):
        if kind != "default":
            continue   # a date between messages, a pinned post, a member joined
        for m in _TELEGRAM_TEXT.finditer(plain, start, end):
            body = "\n".join(line.strip() for line in html_text.lines(m.group(1)))
            if body.strip():
                out.extend([body.strip(), ""])
    return "\n".join(out) if out else plain
