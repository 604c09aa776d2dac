"""One document → a `ParsedAbstract`: the language, the sections, the numbered items and the
metadata. Nothing here knows about RDF."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import (
    article_summary, degrees, extract, glued_headings, headings, kazakh_latin, language, letter_spacing, lists, metadata, reflow,
    sections, text,
)
from .errors import MappingError

# Section kinds that make a text recognisably an abstract of research: one is enough, since real
# abstracts are often incomplete (relevance, object and subject only; no provisions) and what
# they hold is still worth loading. Gaps are reported by the shapes, not here.
CORE_KINDS = {"relevance", "object", "subject", "aim", "tasks", "theoretical-basis", "methods",
               "novelty", "provisions", "significance", "hypothesis", "approbation", "structure",
               "development", "general", "sources", "chronology", "contribution", "reliability", "content",
               "completeness", "justification", "findings", "priority"}
# An article's abstract is recognised by two of its own blocks ("Abstract … Keywords: …").
_ARTICLE_BLOCKS = {"abstract", "keywords", "introduction", "conclusion"}
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
    # the text a list section opens with before its first item, where it says more than that the
    # list follows («Научная новизна состоит в том, что работа является первым …: 1) …»)
    intros: dict[str, str] = field(default_factory=dict)
    # an article's abstract as the journal prints it in its other languages (language → text)
    translations: dict[str, str] = field(default_factory=dict)

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
    # letter-spaced headings first: reflow tells a heading line from prose by its words
    clean = text.clean(reflow.reflow(letter_spacing.rejoin(extracted.text), laid_out=extracted.laid_out,
                                     breaks_known=extracted.breaks_known,
                                     body_only=extracted.body_only))
    lang = language.detect(clean, source)
    # Kazakh in a Latin alphabet is read on a Cyrillic copy, its lines handed back in its letters.
    folded = kazakh_latin.fold(clean) if lang == "kk" else None
    if folded is not None:
        clean = folded[0]
    clean = glued_headings.split(clean, lang)
    # The fronts a journal prints in its other languages are read for their keywords only.
    body = article_summary.without_translations(clean, lang)
    found = sections.split(text.paragraphs(body), lang)
    by_kind = {s.kind: s for s in found}
    if not (CORE_KINDS & by_kind.keys()) and len(_ARTICLE_BLOCKS & by_kind.keys()) < 2:
        found_kinds = sorted(by_kind.keys() - {"preamble"})
        raise MappingError(
            source, "no recognisable abstract sections: looked for the headings of a dissertation abstract "
            "(relevance, object, subject, aim, tasks, methods, scientific novelty, provisions for defense, "
            "significance, approbation) and for an article's abstract with its keywords, and found "
            + (", ".join(found_kinds) + " only" if found_kinds else "none"),
            "check that the file is a dissertation or article abstract in kk, ru or en; if it is, start each "
            "section on its own line with its heading ('Объект исследования –', 'Зерттеудің мақсаты', "
            "'The aim of the study is …', 'Abstract' … 'Keywords:') and build again")
    items: dict[str, list[lists.Item]] = {}
    intros: dict[str, str] = {}
    for kind in headings.LIST_KINDS:
        if kind in by_kind:
            intro, found_items = lists.split_items(by_kind[kind].lines)
            if found_items:
                items[kind] = found_items
                if _says_more_than_its_list_is_coming(intro):
                    intros[kind] = intro.strip()
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
    if "publications" in by_kind:
        # The statement of publications is the prose around the list; the listed works are
        # metadata's publications, not text to read twice.
        statement = by_kind["publications"]
        prose = [line for line in statement.lines if not _looks_like_citation(line)]
        by_kind["publications"] = sections.Section("publications", statement.heading, prose, statement.qualifiers)
        if not prose:
            del by_kind["publications"]
    if kind == "article":
        # An article's abstract is one summary, whatever sentences inside it opened sections.
        summary = article_summary.summary(found, body)
        if summary is not None:
            by_kind["abstract"] = summary
    # (a Kazakh text in the Latin alphabet is read on a Cyrillic copy, which its English and
    # Russian fronts would not survive: their summaries are left to their own documents)
    translations = article_summary.translated_summaries(clean, lang) if kind == "article" and folded is None else {}
    parsed = ParsedAbstract(source, checksum, len(clean), lang, kind, by_kind, items, meta, clean,
                            extracted.format, extracted.library, extracted.library_version, intros, translations)
    # every string read off the Cyrillic copy goes back into the document's letters
    if folded is not None:
        parsed = kazakh_latin.in_latin(parsed, folded[1])
        parsed.char_count = len(parsed.text)
    return parsed


def _says_more_than_its_list_is_coming(intro: str) -> bool:
    """An introduction worth keeping: not empty, and not only the announcement of the list ("The
    following tasks were set:", «Для достижения цели поставлены следующие задачи:»), which is a
    short sentence ending in a colon."""
    words = intro.split()
    return len(words) >= 6 and not (intro.rstrip().endswith(":") and len(words) <= 14)


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
