"""What pairing and a work's shared context read of a parsed document, kept apart from the rest.

A build pairs every document of the corpus and makes every work's context (`rdf.work_context`)
to know which documents it must map again, but it maps only those. `ParsedAbstract` holds the
whole text and its sections; a `Summary` holds only what `pairing.group`, `gaps.missing` and
`rdf.work_context` read (the metadata, the parts present, the pairing features computed once),
so a build can read the summaries of ten thousand documents from one small file instead of
unpickling ten thousand parses. Both give the same works and the same contexts: pairing and
gaps take a summary's precomputed `pairing_features` and `parts` where a parse would have them
computed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import gaps, pairing
from .abstract import ParsedAbstract
from .metadata import Metadata


@dataclass
class Summary:
    source: str
    checksum: str
    lang: str
    kind: str
    meta: Metadata
    extractor_version: str
    parts: frozenset[str]                               # gaps.present of the parse
    pairing_features: dict = field(repr=False)          # pairing.features of the parse


def summarize(doc: ParsedAbstract) -> Summary:
    return Summary(doc.source, doc.checksum, doc.lang, doc.kind, doc.meta, doc.extractor_version,
                   frozenset(gaps.present(doc)), pairing.features(doc))
