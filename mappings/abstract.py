"""One document → a `ParsedAbstract`: the language, the sections, the numbered items and the
metadata. Nothing here knows about RDF."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import degrees, extract, headings, language, lists, metadata, reflow, sections, text
from .errors import MappingError

# Section kinds that make a text recognisably an abstract of research; at least two must be found.
_CORE_KINDS = {"relevance", "object", "subject", "aim", "tasks", "theoretical-basis", "methods",
               "novelty", "provisions", "significance", "hypothesis", "approbation", "structure"}
_ARTICLE_MARKERS = {"keywords", "introduction", "abstract", "research", "conclusion"}
# A text that calls itself a dissertation, in whole words ("hypothesis" holds "thesis").
_DISSERTATION_WORDS = re.compile(r"\b(?:dissertation|thesis|autoreferat)\b|диссертац\w*|автореферат\w*", re.I)
# The kinds a work can be (WorkContext.kind, the class in rdf.py).
KINDS = ("dissertation", "masters-thesis", "bachelors-thesis", "article")


@dataclass
class ParsedAbstract:
    source: str                      # file name as given
    checksum: str                    # sha256 of the bytes
    char_count: int
    lang: str
    kind: str                        # one of KINDS
    sections: dict[str, sections.Section]
    items: dict[str, list[lists.Item]]   # tasks / novelty / provisions
    meta: metadata.Metadata
    text: str = field(repr=False, default="")
    media_type: str = "text/plain"   # of the original file
    extractor: str = ""              # the library that read the text out of it, and its version
    extractor_version: str = ""

    def section_text(self, kind: str) -> str:
        s = self.sections.get(kind)
        return s.text if s else ""


def parse_file(path: Path | str) -> ParsedAbstract:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MappingError(str(path), f"cannot read the file ({exc.strerror})", "check the path and permissions") from None
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, source: str) -> ParsedAbstract:
    checksum = hashlib.sha256(data).hexdigest()      # of the file as given, whatever its format
    extracted = extract.extract(data, source)
    clean = text.clean(reflow.reflow(extracted.text, laid_out=extracted.laid_out, breaks_known=extracted.breaks_known))
    lang = language.detect(clean, source)
    found = sections.split(text.paragraphs(clean), lang)
    by_kind = {s.kind: s for s in found}
    core = _CORE_KINDS & by_kind.keys()
    if len(core) < 2:
        raise MappingError(
            source, f"no recognisable abstract sections (found {sorted(by_kind) or 'none'})",
            "an abstract needs headings such as object, aim, tasks, novelty or provisions for defense; "
            "check that this is a dissertation abstract or article abstract in kk, ru or en")
    items: dict[str, list[lists.Item]] = {}
    for kind in headings.LIST_KINDS:
        if kind in by_kind:
            _intro, found_items = lists.split_items(by_kind[kind].lines)
            if found_items:
                items[kind] = found_items
    publication_lines = []
    for kind in ("approbation", "publications"):
        if kind in by_kind:
            publication_lines += [it.text for it in lists.split_items(by_kind[kind].lines)[1]
                                  if _looks_like_citation(it.text)]
    section_texts = {k: s.text for k, s in by_kind.items()}
    # The title page is read line by line: its lines (name, title) are not wrapped prose.
    for k in ("preamble", "abstract"):
        if k in by_kind:
            section_texts[k] = "\n".join(by_kind[k].lines)
    meta = metadata.extract(section_texts, clean, lang, publication_lines)
    kind = _work_kind(by_kind, items, meta, clean)
    return ParsedAbstract(source, checksum, len(clean), lang, kind, by_kind, items, meta, clean,
                          extracted.format, extracted.library, extracted.library_version)


def _looks_like_citation(s: str) -> bool:
    return bool(re.search(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)", s)) and ("//" in s or re.search(r"\s[–—]\s", s) is not None)


def _work_kind(by_kind, items, meta, clean: str) -> str:
    """The degree the title page names decides (a master's abstract may defend provisions too);
    without one, a dissertation abstract defends provisions or calls itself one, and a journal
    article has keywords or an introduction and never provisions for defense."""
    if meta.degree in degrees.MASTERS:
        return "masters-thesis"
    if meta.degree == "bachelor":
        return "bachelors-thesis"
    if meta.degree in degrees.DOCTORAL or "provisions" in items or "provisions" in by_kind or meta.specialty_code:
        return "dissertation"
    if (_ARTICLE_MARKERS & by_kind.keys() or meta.keywords) and not _DISSERTATION_WORDS.search(clean[:3000]):
        return "article"
    return "dissertation" if _DISSERTATION_WORDS.search(clean) else "article"
