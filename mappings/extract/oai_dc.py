"""A repository's Dublin Core record in XML, whatever the file is named: an OAI-PMH response
(`GetRecord`, `ListRecords`: DSpace, EPrints, Invenio and the national repositories harvest and
serve them so) in the `oai_dc` format, or the `oai_dc:dc` record on its own.

The record describes a work and carries its abstract: the title, the author (`dc:creator`), the
supervisors (`dc:contributor`), the keywords (`dc:subject`) and the abstract in one or many
`dc:description` elements (DSpace keeps a long abstract as one element a paragraph). Read, it
becomes the page it describes: the title page's labelled lines, the publisher and the year, then
each description a paragraph, the keywords last. The protocol's envelope (response date,
request, header, set names) and the record's identifiers, formats and rights say nothing of the
work and are left out. Of a `ListRecords` response, the first record is the document.

Read with ElementTree (expat: no external entity or DTD is fetched, entity expansion bounded);
written by hand because no library renders a Dublin Core record to text (pyoaiharvester and
Sickle harvest over HTTP; the record is here already).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

_DC = "{http://purl.org/dc/elements/1.1/}"
# the XML declaration and any processing instruction (a stylesheet), then the envelope or the record
_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?[^>]*\?>\s*)*(?:<!--.*?-->\s*)*<(?:OAI-PMH|(?:\w+:)?dc|record|metadata)[\s>]", re.S)
_DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


def is_record(source: str) -> bool:
    head = source[:4000]
    return bool(_ROOT.match(head)) and _DC_NAMESPACE in head


def _surname_first(name: str) -> str:
    """"Surname, Given" as a title page prints it, without the catalogue's comma."""
    return re.sub(r"^([^,]+),\s+", r"\1 ", name.strip(), count=1)


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def text(source: str) -> str:
    """The page a Dublin Core record describes; any other text as it is."""
    if not is_record(source):
        return source
    try:
        root = ElementTree.fromstring(source.lstrip("\ufeff"))
    except ElementTree.ParseError:
        return source
    # (the element whose children are the Dublin Core fields: oai_dc:dc, in or out of its envelope)
    record = next((e for e in root.iter() if not e.tag.startswith(_DC) and any(
        child.tag.startswith(_DC) for child in e)), None)
    if record is None:
        return source
    values: dict[str, list[str]] = {}
    for child in record:
        if child.tag.startswith(_DC) and _words(child):
            values.setdefault(child.tag[len(_DC):], []).append(_words(child))
    if not values.get("description"):
        return source   # a record without an abstract is no abstract to read
    head = [f"Title: {t}" for t in values.get("title", [])[:1]]
    head += [f"Author: {_surname_first(a)}" for a in values.get("creator", [])[:1]]
    head += [f"Supervisor: {_surname_first(c)}" for c in values.get("contributor", [])]
    head += values.get("publisher", [])[:1] + values.get("date", [])[:1]
    body = [p for d in values["description"] for p in ("", d)]
    tail = ["", "Keywords: " + "; ".join(values["subject"])] if values.get("subject") else []
    return "\n".join(head + body + tail).strip() + "\n"
