"""An abstract that arrived as an e-mail and was saved whole (Outlook's or Thunderbird's "Save
as", a .eml renamed .txt): the message's headers, then its body in quoted-printable or base64,
its words in MIME encoded-words («=?utf-8?b?…?=»).

Read with Python's own `email` package (the standard library's RFC 5322 and MIME parser): the
body part in plain text is preferred, an HTML body is read as the page it is; either is decoded
from its transfer encoding and its charset, and then read as any text file of that kind. The
headers are the mail's, not the abstract's, and are left out; the subject stays as the first
line, since a sender often names the work there.
"""
from __future__ import annotations

import email
import email.policy
import re

# The header block of a message: a field name, a colon and a space opening the file (after any
# envelope "From " line), and within the first lines a From, a Date and a MIME or Subject field.
_HEADER = re.compile(rb"^(?:From [^\n]*\n)?[A-Za-z][A-Za-z0-9-]*: ")
_FIELDS = (rb"\nfrom: ", rb"\ndate: ", rb"\n(?:mime-version|subject|content-type): ")


def is_message(data: bytes) -> bool:
    if not _HEADER.match(data):
        return False
    head = b"\n" + data[:8192].split(b"\n\n", 1)[0].replace(b"\r\n", b"\n").lower()
    return all(re.search(field, head) for field in _FIELDS)


def body(data: bytes) -> tuple[str, str]:
    """The message's text (its subject, then its body) and the body's media type."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", "text/plain"
    content = part.get_content().replace("\r\n", "\n")
    subject = str(message.get("subject", "") or "").strip()
    lines = [subject] if subject else []
    signed = _SIGNATURE.search(content)
    if signed:
        # the sender who signs the letter that carries the abstract is its author: the title page
        # stayed in the attachment («Титульный лист … в прикреплённом файле»)
        lines.append(f"Author: {signed.group('name')}")
    return "\n\n".join(lines + [content]), part.get_content_type()


# A letter's closing, then the signer's name of two or three capitalised words on the next line
_SIGNATURE = re.compile(
    r"^(?:С\s+уважением|С\s+наилучшими\s+пожеланиями|Құрметпен|Ізгі\s+ниетпен|(?:Best|Kind|Warm)\s+regards|"
    r"Regards|Sincerely(?:\s+yours)?|Yours\s+sincerely)\s*,?\s*\n"
    r"(?P<name>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+){1,2})[ \t]*$",
    re.M)
