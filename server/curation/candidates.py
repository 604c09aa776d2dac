"""The curation queue: names the linker found that no vocabulary knows (the candidates graph),
and the two decisions a person makes about one — promote it into a vocabulary file, or dismiss
it — each written so that the next build follows it. Nothing here decides on its own."""
from __future__ import annotations

import re
from pathlib import Path

import rdflib

from dissertation_kg.mappings import linking, vocabulary
from dissertation_kg.mappings.morphology import fold
from dissertation_kg.mappings.resources import queries_dir
from dissertation_kg.server.store.engines import open_store

QUERY_FILE = "25-candidates-awaiting-review.rq"
CLASSES = sorted(vocabulary.CLASS_FILE)


class CurationError(ValueError):
    """A promotion or dismissal that cannot be made; the message says what to do instead."""


def _value(term) -> str | None:
    if term is None:
        return None
    return term.value


def awaiting_review(store) -> list[dict]:
    path = queries_dir() / QUERY_FILE
    if not path.is_file():
        raise CurationError(f"{path} is missing; restore queries/{QUERY_FILE} from the repository")
    results = open_store(store).query(path.read_text(encoding="utf-8"))
    lex = linking.lexicon()
    rows = []
    for r in results:
        name = _value(r["name"])
        rows.append({
            "candidate": _value(r["candidate"]),
            "name": name,
            "lang": _value(r["lang"]),
            "suggestedClass": (_value(r["suggestedClass"]) or "").rsplit("#", 1)[-1],
            "count": int(_value(r["count"]) or 0),
            "works": int(_value(r["works"]) or 0),
            "context": _value(r["context"]) or "",
            # Promoted since the store was built: the next build links it and drops it from here.
            "promoted": fold(name or "") in lex.known,
            "dismissed": fold(name or "") in lex.dismissed,
        })
    return rows


def _guess_lang(text: str) -> str:
    if re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):
        return "kk"
    if re.search("[А-Яа-яЁё]", text):
        return "ru"
    return "en"


def _parse_alt(value: str) -> tuple[str, str]:
    m = re.fullmatch(r"(.+)@(en|ru|kk)", value.strip())
    return (m.group(1).strip(), m.group(2)) if m else (value.strip(), _guess_lang(value))


def promote(name: str, cls: str, pref: dict[str, str], alts: tuple[str, ...], definition: str,
            slug: str | None = None, name_lang: str | None = None, directory: Path | None = None) -> tuple[str, Path]:
    """Add NAME to the vocabulary file of CLS; returns the new entry's IRI and the file written."""
    label_en = pref["en"]
    directory = directory or vocabulary.vocabulary_dir()
    vfile = vocabulary.FILES[vocabulary.CLASS_FILE[cls]]
    path = directory / vfile.name
    if not path.is_file():
        raise CurationError(f"{path} does not exist; pass --vocabularies with the folder that holds {vfile.name}")
    try:
        slug = slug or vocabulary.slugify(label_en)
    except ValueError as exc:
        raise CurationError(f"{exc}, or pass --slug") from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise CurationError(f"--slug {slug!r} must be lowercase ASCII letters, digits and hyphens")
    iri = vocabulary.entry_iri(cls, slug)

    pref = {lang: pref[lang].strip() for lang in ("en", "ru", "kk")}
    alt: dict[str, list[str]] = {}
    for text, lang in [_parse_alt(a) for a in alts] + [(name.strip(), name_lang or _guess_lang(name))]:
        if text and text != pref[lang] and text not in alt.get(lang, []):
            alt.setdefault(lang, []).append(text)

    entries = vocabulary.load_entries(directory)
    if any(e.iri == iri for e in entries):
        raise CurationError(f"<{iri}> already exists; choose another --slug or edit {path.name} by hand")
    # A label that already names another entry would make the linker's choice arbitrary.
    taken = {}
    for e in entries:
        for lang in vocabulary.LANGS:
            for label in [e.pref.get(lang, "")] + e.alt.get(lang, []):
                taken[(fold(label), lang)] = e.iri
    clashes = [f"{text!r}@{lang} (already {taken[(fold(text), lang)]})"
               for lang in vocabulary.LANGS for text in [pref[lang]] + alt.get(lang, [])
               if (fold(text), lang) in taken]
    if clashes:
        raise CurationError("these labels already name an entry: " + ", ".join(clashes)
                                   + "; add the missing labels to that entry instead, or choose other labels")

    entry = vocabulary.Entry(iri=iri, cls=cls, pref=pref, alt=alt, definition={"en": definition.strip()})
    before = path.read_text(encoding="utf-8")
    text = before if before.endswith("\n\n") else before.rstrip("\n") + "\n\n"
    path.write_text(text + vocabulary.format_entry(entry, vfile), encoding="utf-8")
    try:
        check = rdflib.Graph().parse(path, format="turtle")
        if (iri, rdflib.RDF.type, vocabulary.DKG[cls]) not in check:
            raise ValueError("the new entry is not in the parsed file")
    except Exception as exc:  # any parser error: put the file back as it was
        path.write_text(before, encoding="utf-8")
        raise CurationError(f"the new entry did not parse ({exc}); {path.name} is unchanged. "
                                   "Check the labels for characters Turtle cannot hold") from None
    linking.clear_cache()
    return str(iri), path


def dismiss(name: str, name_lang: str | None = None, directory: Path | None = None) -> tuple[str, str, Path, bool]:
    """Record NAME as not an entry; returns (name, lang, file, newly_dismissed)."""
    directory = directory or vocabulary.vocabulary_dir()
    path = directory / vocabulary.DISMISSED_FILE
    lang = name_lang or _guess_lang(name)
    name = linking.candidate_name(name.strip(), lang)
    if not name:
        raise CurationError("give the name to dismiss as it appears in `dkg candidates`")
    if (name, lang) in vocabulary.load_dismissed(directory):
        return name, lang, path, False
    if fold(name) in linking.compile_lexicon(vocabulary.load_entries(directory)).known:
        raise CurationError(f"{name!r} is a label of a vocabulary entry; remove it from that entry instead")
    before = path.read_text(encoding="utf-8") if path.is_file() else (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\n\n")
    text = before if before.endswith("\n\n") else before.rstrip("\n") + "\n\n"
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    block = f'<{linking.candidate_iri(name, lang)}>\n    a dkg:DismissedName ;\n    rdfs:label "{escaped}"@{lang} .\n'
    path.write_text(text + block, encoding="utf-8")
    try:
        rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:  # any parser error: put the file back as it was
        path.write_text(before, encoding="utf-8")
        raise CurationError(f"the entry did not parse ({exc}); {path.name} is unchanged") from None
    linking.clear_cache()
    return name, lang, path, True
