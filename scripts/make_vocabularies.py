#!/usr/bin/env python3
"""Generate ontology/vocabularies/states.ttl: every sovereign state with its names in English,
Russian and Kazakh and its ISO 3166-1 alpha-2 code (dkg:iso3166Code, the string Wikidata's P297
holds, so other graphs join on it).

Sources made for it, not typed by hand:
- the list of codes and the English short, official and common names: ISO 3166-1 as Debian's
  iso-codes publishes it (pycountry);
- the names people write in each language: the Unicode CLDR territory names (Babel), the
  preferred labels;
- the official names in Russian and Kazakh: iso-codes' translations (pycountry's gettext
  catalogues), alternative labels.

States the hand-edited vocabularies already hold (actors.ttl: Kazakhstan, China, Russia, …) keep
their IRIs and labels; states.ttl only adds their code and the names they lack. A generated name
that already names another entry is left out, so no label names two entries.

    pip install babel pycountry   # or: pip install -e ".[vocabularies]"
    python scripts/make_vocabularies.py [--check]
"""
from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

import rdflib

from dissertation_kg.mappings import vocabulary as v

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = ROOT / "ontology" / "vocabularies"
OUT = VOCABULARIES / "states.ttl"

# ISO 3166-1 marks these codes "independent: no" (dependent territories, Antarctica, uninhabited
# islands); dkg:State is a sovereign state, so they are left out. Palestine and Taiwan, which
# abstracts treat as states, stay in.
DEPENDENT = set("""AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO
JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT""".split())


def _sources():
    try:
        import pycountry
        from babel import Locale
    except ImportError:
        sys.exit("scripts/make_vocabularies.py needs Babel and pycountry: "
                 "run `pip install -e \".[vocabularies]\"` in the repository, then run it again")
    cldr = {lang: Locale(lang).territories for lang in v.LANGS}
    catalogues = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                  for lang in ("ru", "kk")}
    return pycountry.countries, cldr, catalogues


def _uninvert(name: str) -> str | None:
    """ISO's sorted form back to the written one: 'Korea, Republic of' → 'Republic of Korea'.
    A name that stays odd ('Taiwan, Province of China') is dropped."""
    if "," not in name:
        return name
    head, _, tail = name.partition(", ")
    if "," in tail or "Province" in tail:
        return None
    return re.sub(r"^The ", "", f"{tail} {head}" if tail.endswith(("of", "of the")) else f"{tail} {head}")


def _clean(name: str | None) -> list[str]:
    """A name and the one in its parentheses ('Myanmar (Burma)'); CLDR's disambiguated forms
    ('Congo - Kinshasa') and inverted ones are not names anyone writes."""
    if not name or " - " in name or "," in name:
        return []
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m and _QUALIFIER.fullmatch(m.group(2)):
        return []   # «Корея (Солтүстік)»: a qualifier in brackets, and the name before it is another state's too
    return [m.group(1), m.group(2)] if m else [name]


_QUALIFIER = re.compile(r"(?i)north|south|солтүстік|оңтүстік|северная|южная")


def names(country, cldr, catalogues) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(preferred candidates, alternatives) per language, best first."""
    code = country.alpha_2
    iso = [_uninvert(country.name), getattr(country, "common_name", None), getattr(country, "official_name", None)]
    pref = {lang: _clean(cldr[lang].get(code)) for lang in v.LANGS}
    alt = {"en": [n for x in iso if x for n in _clean(x)]}
    for lang, cat in catalogues.items():
        translated = []
        for source in (country.name, getattr(country, "official_name", None)):
            if source and cat.gettext(source) != source:
                translated += _clean(cat.gettext(source))
        alt[lang] = translated
    for lang in v.LANGS:
        if not pref[lang]:    # CLDR gave a disambiguated form: fall back on ISO's own name
            pref[lang], alt[lang] = alt[lang][:1], alt[lang][1:]
        pref[lang], alt[lang] = pref[lang][:1], pref[lang][1:] + alt[lang]
    return pref, alt


def build(existing: tuple[v.Entry, ...]) -> tuple[str, list[str]]:
    countries, cldr, catalogues = _sources()
    owner: dict[tuple[str, str], rdflib.URIRef] = {}
    for e in existing:
        for lang in v.LANGS:
            for label in ([e.pref[lang]] if lang in e.pref else []) + e.alt.get(lang, []):
                owner.setdefault((lang, label.casefold()), e.iri)
    states_by_label = {(lang, l.casefold()): e for e in existing if e.cls == "State"
                       for lang in v.LANGS for l in ([e.pref.get(lang, "")] + e.alt.get(lang, [])) if l}
    # A generated name belongs to the country whose CLDR name it is; otherwise, a name two
    # countries share names neither (iso-codes' Kazakh catalogue gives Nepal the Central African
    # Republic's official name).
    generated: dict[tuple[str, str], set[str]] = {}
    preferred: dict[tuple[str, str], set[str]] = {}
    per_country = {}
    for c in sorted(countries, key=lambda c: c.alpha_2):
        if c.alpha_2 in DEPENDENT:
            continue
        pref, alt = names(c, cldr, catalogues)
        per_country[c.alpha_2] = (c, pref, alt)
        for lang in v.LANGS:
            for n in dict.fromkeys(pref[lang] + alt[lang]):
                generated.setdefault((lang, n.casefold()), set()).add(c.alpha_2)
            for n in pref[lang]:
                preferred.setdefault((lang, n.casefold()), set()).add(c.alpha_2)

    def belongs(lang: str, name: str, code: str) -> bool:
        key = (lang, name.casefold())
        return key not in owner and (preferred.get(key) or generated[key]) == {code}

    blocks, report = [], []
    actors = v.FILES["actors"]
    for code, (c, pref, alt) in per_country.items():
        match = next((states_by_label[(lang, n.casefold())] for lang in ("en", "ru") for n in pref[lang] + alt[lang]
                      if (lang, n.casefold()) in states_by_label), None)
        if match is not None:
            known = {(lang, l.casefold()) for lang in v.LANGS
                     for l in ([match.pref.get(lang, "")] + match.alt.get(lang, []))}
            extra = {lang: [n for n in dict.fromkeys(pref[lang] + alt[lang])
                            if (lang, n.casefold()) not in known and belongs(lang, n, code)] for lang in v.LANGS}
            blocks.append(_supplement(match.iri, code, extra, actors))
            report.append(f"{code} kept as {match.iri.rsplit('/', 1)[1]}")
            continue
        entry_pref, entry_alt = {}, {}
        for lang in v.LANGS:
            usable = [n for n in dict.fromkeys(pref[lang] + alt[lang]) if belongs(lang, n, code)]
            if not usable:
                break
            entry_pref[lang], entry_alt[lang] = usable[0], usable[1:]
        if len(entry_pref) < len(v.LANGS):
            report.append(f"{code} left out: every {lang} name of it names another entry")
            continue
        slug = v.slugify(entry_pref["en"])
        entry = v.Entry(iri=v.entry_iri("State", slug), cls="State", pref=entry_pref, alt=entry_alt,
                        definition={"en": f"{entry_pref['en']}, a sovereign state (ISO 3166-1 {code})."},
                        iso3166=code)
        blocks.append(v.format_entry(entry, actors))
    blocks += _world_regions(cldr, owner, actors, report)
    header = (
        "# States — generated by scripts/make_vocabularies.py from ISO 3166-1 (pycountry) and the\n"
        "# Unicode CLDR (Babel); do not edit by hand: change the script or actors.ttl and run it again.\n"
        "# Entries for states that actors.ttl already holds only add their code and missing names.\n\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        "@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\n"
        f"@prefix {actors.prefix}: <{v.ID}{actors.path_segment}/> .\n\n")
    return header + "\n".join(blocks), report


# The continents and the parts of them (UN M49 codes) an abstract names as places: "Europe",
# «Азией», «Шығыс Еуропа» (KEYS.md lists every region). Left out: the Americas, whose Russian and
# Kazakh name «Америка» most often means the United States (North, Central and South America are
# kept: their names say which), and CLDR's disambiguated forms.
WORLD_REGIONS = ("002", "142", "150", "009", "419", "003", "013", "029", "005", "145", "154", "039", "151", "155", "030", "034",
                 "035", "053")


def _world_regions(cldr, owner: dict, actors: v.VocabularyFile, report: list[str]) -> list[str]:
    blocks = []
    for code in WORLD_REGIONS:
        labels = {lang: [n for n in _clean(cldr[lang].get(code)) if "(" not in n] for lang in v.LANGS}
        if not all(labels.values()):
            report.append(f"region {code} left out: CLDR names it not in every language")
            continue
        if any((lang, n.casefold()) in owner for lang, ns in labels.items() for n in ns):
            report.append(f"region {code} left out: another entry has its name")
            continue
        en = labels["en"][0]
        entry = v.Entry(iri=v.entry_iri("Region", v.slugify(en)), cls="Region",
                        pref={lang: ns[0] for lang, ns in labels.items()},
                        alt={lang: ns[1:] for lang, ns in labels.items() if ns[1:]},
                        definition={"en": f"{en}, a region of the world (UN M49 {code}; names from the Unicode CLDR)."})
        blocks.append(v.format_entry(entry, actors))
    return blocks


def _supplement(iri: rdflib.URIRef, code: str, extra: dict[str, list[str]], vocab: v.VocabularyFile) -> str:
    lines = [f"{vocab.prefix}:{iri.rsplit('/', 1)[1]}", f'    dkg:iso3166Code "{code}" ;']
    alts = [v._lit(a, lang) for lang in v.LANGS for a in extra.get(lang, [])]
    if alts:
        lines.append("    skos:altLabel " + " ,\n        ".join(alts) + " ;")
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if states.ttl is not what the sources give")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    graph = rdflib.Graph()
    for path in sorted(VOCABULARIES.glob("*.ttl")):
        # places.ttl is generated after the states (scripts/make_places.py leaves their names out)
        if path not in (OUT, VOCABULARIES / "places.ttl"):
            graph.parse(path, format="turtle")
    text, report = build(tuple(v._entries(graph)))
    # In the layout `dkg ontology format` keeps every Turtle file of the project in.
    from dissertation_kg.server.curation.formatting import format_turtle
    text = format_turtle(text, OUT.name)
    if args.verbose:
        print("\n".join(report))
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python scripts/make_vocabularies.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count('dkg:iso3166Code')} states")
    return 0


if __name__ == "__main__":
    sys.exit(main())
