"""Synthetic dissertation abstracts (kk, ru, en) with ground truth, for scale tests.

One *plan* per work fixes what the work says (entities, chosen tasks, novelty points,
provisions, counts, author); each translation then renders that plan in its language with
its own, independently drawn typography (headings, list markers, Markdown, conversion
artefacts), as real translations prepared by different people do. Every random choice comes
from a generator seeded by (seed, work, language), so output is byte-identical for a seed
and one work's text does not depend on how many works come before it.
"""
from __future__ import annotations

import collections
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from dissertation_kg.server.generator import lexicon as L

KINDS = ("dissertation", "article")
LIST_STYLES = ("1.", "1)", "1.nospace", "-", "–", "·", "•")
NUMBERED_STYLES = ("1.", "1)", "1.nospace")
BOOKMARKS = ("[bookmark: _GoBack]", "[bookmark: _Hlk104815659]", "[bookmark: OLE_LINK1]",
             "[bookmark: _Hlk210206400]", "[bookmark: OLE_LINK3]", "[bookmark: _Toc152712358]")
PUBLICATION_KINDS = ("total", "scopus", "wos", "committee", "international", "conference", "monographs")


# --------------------------------------------------------------------------- plans


@dataclass
class Author:
    cyrillic: str
    latin: str
    ru_genitive: str
    kk_genitive: str


@dataclass
class Plan:
    """What one work says, independent of language."""
    index: int
    work_id: str
    kind: str
    langs: list[str]
    partner: int
    domain: int
    aspect: int
    region: int
    initiative: int
    theories: list[int]
    methods: list[int]
    specialty: int
    university: int
    department: int
    title: int
    author: Author
    relevance: list[int]
    relevance_paragraphs: list[int]  # sentences per paragraph
    obj: int
    subj: int
    aim: int
    hypothesis: bool
    elaboration: bool
    tasks: list[int]
    novelty: list[int]
    provisions: list[list[int]]      # sentence indices per provision
    continuation: list[int | None]   # an extra paragraph (sentence index) per provision, or None
    novelty_first: bool
    counts: dict[str, int]
    listed_publications: int         # 0 when no list
    chapters: int
    pages: int
    cities: list[int]
    # (language, title, venue, conference paper?): one list, cited identically by every translation
    publication_titles: list[tuple[str, int, int, bool]] = field(default_factory=list)


def _latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in L.LATIN:
            rep = L.LATIN[low]
            out.append(rep.capitalize() if ch != low else rep)
        else:
            out.append(ch)
    return "".join(out)


def _ru_genitive_surname(surname: str) -> str:
    if surname.endswith(("ова", "ева", "ина")):
        return surname[:-1] + "ой"
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    return surname


def _make_author(rng: random.Random) -> Author:
    female = rng.random() < 0.6
    first = rng.choice(L.FEMALE_NAMES if female else L.MALE_NAMES)
    father = rng.choice(L.MALE_NAMES)[0]
    root = rng.choice(L.SURNAME_ROOTS)
    surname = root + ("ев" if root[-1] in "аеиоуыйя" and not root.endswith("й") else "ов")
    if root.endswith("й"):
        surname = root[:-1] + "ев"
    if father.endswith("й"):
        patronymic = father[:-1] + ("евна" if female else "евич")
    else:
        patronymic = father + ("овна" if female else "ович")
    if female:
        surname += "а"
    cyr = f"{surname} {first[0]} {patronymic}"
    latin = f"{_latin(surname)} {first[1]} {_latin(patronymic)}"
    pat_gen = patronymic[:-1] + "ы" if female else patronymic + "а"
    ru_gen = f"{_ru_genitive_surname(surname)} {first[2]} {pat_gen}"
    kk_gen = f"{surname} {first[0]} {patronymic}" + ("ның" if female else "тің")
    if latin.startswith("E"):  # passports write initial Е as Ye (Yessenov)
        latin = "Ye" + latin[1:]
    return Author(cyr, latin, ru_gen, kk_gen)


def plan_work(seed: int, index: int) -> Plan:
    rng = random.Random(f"dkg-generate/{seed}/{index}")
    kind = "article" if rng.random() < 0.04 else "dissertation"
    if kind == "article":
        langs = [rng.choices(L.LANGS, weights=(5, 3, 2))[0]]
    else:
        r = rng.random()
        if r < 0.45:
            langs = ["kk", "ru", "en"]
        elif r < 0.75:
            langs = rng.choice([["kk", "en"], ["ru", "en"], ["kk", "ru"]])
        else:
            langs = [rng.choices(L.LANGS, weights=(4, 3, 3))[0]]
    n_tasks = rng.randint(2, 4) if kind == "article" else rng.randint(3, 9)
    n_novelty = 0 if kind == "article" else rng.randint(3, 9)
    n_prov = 0 if kind == "article" else rng.randint(3, 8)
    prov_pool = list(range(len(L.PROVISIONS)))
    rng.shuffle(prov_pool)
    provisions: list[list[int]] = []
    for _ in range(n_prov):
        k = rng.choice((1, 1, 2, 2, 3))
        provisions.append([prov_pool.pop() if prov_pool else rng.randrange(len(L.PROVISIONS)) for _ in range(k)])
    continuation = [None] * n_prov
    if n_prov and rng.random() < 0.3:
        continuation[rng.randrange(n_prov)] = prov_pool.pop() if prov_pool else rng.randrange(len(L.PROVISIONS))
    n_rel = rng.randint(3, 8)
    relevance = rng.sample(range(len(L.RELEVANCE)), n_rel)
    paras, left = [], n_rel
    while left:
        take = min(left, rng.randint(1, 3))
        paras.append(take)
        left -= take
    counts = {
        "scopus": rng.choice((0, 1, 1, 2, 3, 4)),
        "wos": rng.choice((0, 0, 0, 1)),
        "committee": rng.randint(2, 6),
        "international": rng.choice((0, 0, 1, 2)),
        "conference": rng.randint(1, 6),
        "monographs": rng.choice((0, 0, 0, 1, 1, 2)),
    }
    counts["total"] = sum(counts.values()) + rng.choice((0, 0, 1, 2))
    listed = counts["total"] if rng.random() < 0.3 else 0
    author = _make_author(rng)
    plan = Plan(
        index=index, work_id=f"synth-s{seed}-{index:06d}", kind=kind, langs=langs,
        partner=rng.randrange(len(L.PARTNERS)), domain=rng.randrange(len(L.DOMAINS)),
        aspect=rng.randrange(len(L.ASPECTS)), region=rng.randrange(len(L.REGIONS)),
        initiative=rng.randrange(len(L.INITIATIVES)),
        theories=rng.sample(range(len(L.THEORIES)), rng.randint(2, 5)),
        methods=rng.sample(range(len(L.METHODS)), rng.randint(3, 7)),
        specialty=rng.randrange(len(L.SPECIALTIES)), university=rng.randrange(len(L.UNIVERSITIES)),
        department=rng.randrange(len(L.DEPARTMENTS)), title=rng.randrange(len(L.TITLES)), author=author,
        relevance=relevance, relevance_paragraphs=paras,
        obj=rng.randrange(len(L.OBJECTS)), subj=rng.randrange(len(L.SUBJECTS)), aim=rng.randrange(len(L.AIMS)),
        hypothesis=rng.random() < 0.25, elaboration=rng.random() < 0.2,
        tasks=rng.sample(range(len(L.TASKS)), n_tasks),
        novelty=rng.sample(range(len(L.NOVELTY)), n_novelty),
        provisions=provisions, continuation=continuation, novelty_first=rng.random() < 0.8,
        counts=counts, listed_publications=listed, chapters=rng.choice((2, 3, 3, 3, 4)),
        pages=rng.randint(118, 236), cities=rng.sample(range(len(L.CITIES)), rng.randint(2, 4)),
    )
    for _ in range(listed):
        plan.publication_titles.append((rng.choices(L.LANGS, weights=(3, 5, 2))[0], rng.randrange(len(L.TITLES)),
                                        rng.randrange(len(L.VENUES)), rng.random() < 0.15))
    return plan


# --------------------------------------------------------------------------- language helpers


def _join(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    conj = {"en": " and ", "ru": " и ", "kk": " және "}[lang]
    return ", ".join(items[:-1]) + conj + items[-1]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _slots(plan: Plan, lang: str) -> dict[str, str]:
    slots = _raw_slots(plan, lang)
    slots.update({f"{k}_cap": _cap(v) for k, v in list(slots.items())})
    return slots


def _raw_slots(plan: Plan, lang: str) -> dict[str, str]:
    p, d, a = L.PARTNERS[plan.partner], L.DOMAINS[plan.domain], L.ASPECTS[plan.aspect]
    r, i = L.REGIONS[plan.region], L.INITIATIVES[plan.initiative]
    col = {"en": 0, "ru": 1, "kk": 2}[lang]
    theories = _join([L.THEORIES[t][col] for t in plan.theories], lang)
    methods = _join([L.METHODS[m][col] for m in plan.methods], lang)
    if lang == "en":
        return {"P": p[0], "Pg": p[0], "Pi": p[0], "D": d[0], "A": a[0], "Ag": a[0], "Aa": a[0],
                "R": r[0], "Rg": r[0], "Rp": "in " + r[0], "Rd": r[0], "I": i[0], "Ig": i[0],
                "T": theories, "M": methods}
    if lang == "ru":
        return {"P": p[1], "Pg": p[2], "Pi": p[3], "D": d[1], "A": a[1], "Ag": a[2], "Aa": a[3],
                "R": r[1], "Rg": r[2], "Rp": r[3], "Rd": r[3], "I": i[1], "Ig": i[1],
                "T": theories, "M": methods}
    return {"P": p[4], "Pg": p[5], "Pi": p[6], "D": d[2], "A": a[4], "Ag": a[5], "Aa": a[6],
            "R": r[4], "Rg": r[5], "Rp": r[6], "Rd": r[6], "I": i[2], "Ig": i[3],
            "T": theories, "M": methods}


# --------------------------------------------------------------------------- rendering


class _Doc:
    """Paragraphs with the section each belongs to; joined once, so spans are exact."""

    def __init__(self, rng: random.Random, markdown: bool, artefacts: float):
        self.rng = rng
        self.markdown = markdown
        self.artefacts = artefacts
        self.parts: list[tuple[str | None, str]] = []

    def add(self, section: str | None, text: str) -> None:
        if not self.artefacts:
            self.parts.append((section, text))
            return
        rng = self.rng
        if rng.random() < self.artefacts * 0.05:
            text = rng.choice(BOOKMARKS) + text
        if rng.random() < self.artefacts * 0.04:
            text += "\\"
        elif rng.random() < self.artefacts * 0.2:
            text += rng.choice((" ", "  ", "\t", " "))
        self.parts.append((section, text))

    def render(self, lead: str) -> tuple[str, dict[str, list[int]]]:
        sep = "\n\n" if self.markdown else "\n"
        pieces, spans, pos = [lead], {}, len(lead)
        for n, (section, text) in enumerate(self.parts):
            if n:
                pieces.append(sep)
                pos += len(sep)
            if section is not None:
                span = spans.setdefault(section, [pos, pos + len(text)])
                span[1] = pos + len(text)
            pieces.append(text)
            pos += len(text)
        return "".join(pieces), spans


def _decorate(rng: random.Random, base: str, lang: str, markdown: bool, inline: bool) -> tuple[str, str]:
    """A heading as typed: returns (text in the document, heading without markup)."""
    r = rng.random()
    if r < 0.08:
        base = base.upper()
    elif r < 0.14 and lang == "en":
        base = " ".join(w if w in ("of", "the", "and", "for", "to", "in") else _cap(w) for w in base.split())
        base = _cap(base)
    trail = rng.choice((".", ":")) if inline else rng.choice((".", ":", "", ""))
    bold = rng.random() < (0.85 if markdown else 0.12)
    if bold:
        text = f"**{base}{trail}**" if rng.random() < 0.6 else f"**{base}**{trail}"
        if markdown and not inline and rng.random() < 0.15:
            text = "### " + text
    else:
        text = base + trail
    return text, base


def _marker(style: str, n: int) -> str:
    if style == "1.":
        return f"{n}. "
    if style == "1)":
        return f"{n}) "
    if style == "1.nospace":
        return f"{n}."
    return style + " "


def _list(doc: _Doc, section: str, items: list[str], style: str, *, sentence_items: bool,
          extra: dict[int, str] | None = None, broken: int | None = None) -> None:
    rng = doc.rng
    capitalise = style in NUMBERED_STYLES and rng.random() < 0.5
    for n, item in enumerate(items, 1):
        if not sentence_items:
            item = item + (";" if n < len(items) else ".")
            if capitalise:
                item = _cap(item)
        first, second = item, None
        if broken == n - 1:
            cut = item.find(" ", int(len(item) * 0.6))
            if cut > 0:
                first, second = item[:cut], item[cut + 1:]
        doc.add(section, _marker(style, n) + first)
        if second:
            doc.add(section, second)
        if extra and (n - 1) in extra:
            doc.add(section, extra[n - 1])


def _count_sentence(rng: random.Random, plan: Plan, lang: str) -> tuple[str, dict[str, int]]:
    c = plan.counts
    shown = {k: v for k, v in c.items() if v}
    words = rng.random() < 0.3

    def num(n: int) -> str:
        if words and n <= 20:
            return {"en": L.NUMBER_WORDS_EN, "kk": L.NUMBER_WORDS_KK}.get(lang, [str(i) for i in range(21)])[n]
        return str(n)

    total = c["total"]
    if lang == "en":
        labels = {
            "scopus": lambda n: f"{num(n)} {'article' if n == 1 else 'articles'} in international journals indexed in Scopus",
            "wos": lambda n: f"{num(n)} in journals indexed in the Web of Science",
            "committee": lambda n: f"{num(n)} in journals recommended by the Committee for Quality Assurance in Science and Higher Education of the Ministry of Science and Higher Education of the Republic of Kazakhstan",
            "international": lambda n: f"{num(n)} in other international journals",
            "conference": lambda n: f"{num(n)} in the proceedings of international scientific conferences",
            "monographs": lambda n: f"{num(n)} {'monograph' if n == 1 else 'monographs'}",
        }
        parts = [labels[k](v) for k, v in shown.items() if k != "total"]
        if rng.random() < 0.5:
            text = (f"The main results of the dissertation are reflected in {num(total)} scientific "
                    f"{'publication' if total == 1 else 'publications'}, including {_join(parts, 'en')}.")
        else:
            text = f"On the topic of the dissertation, {num(total)} scientific works have been published: {'; '.join(parts)}."
    elif lang == "ru":
        labels = {
            "scopus": "в изданиях, индексируемых в базе данных Scopus",
            "wos": "в изданиях, индексируемых в Web of Science",
            "committee": "в изданиях, рекомендованных Комитетом по обеспечению качества в сфере науки и высшего образования МНВО РК",
            "international": "в зарубежных научных журналах",
            "conference": "в материалах международных научных конференций",
            "monographs": "монографии",
        }
        parts = [f"{labels[k]} – {v}" for k, v in shown.items() if k != "total"]
        if rng.random() < 0.5:
            text = (f"Основные результаты диссертации отражены в {total} "
                    f"{_ru_plural(total, 'публикации', 'публикациях', 'публикациях')}, из них: {'; '.join(parts)}.")
        else:
            verb = _ru_plural(total, "опубликована", "опубликованы", "опубликовано")
            noun = _ru_plural(total, "научная работа", "научные работы", "научных работ")
            text = f"По теме диссертации {verb} {total} {noun}, в том числе: {'; '.join(parts)}."
    else:
        labels = {
            "scopus": "Scopus деректер базасында индекстелетін халықаралық журналдарда",
            "wos": "Web of Science деректер базасында индекстелетін журналдарда",
            "committee": "ҚР ҒЖБМ Ғылым және жоғары білім саласындағы сапаны қамтамасыз ету комитеті ұсынған басылымдарда",
            "international": "шетелдік ғылыми журналдарда",
            "conference": "халықаралық ғылыми конференциялар материалдарында",
            "monographs": "монография",
        }
        parts = [f"{labels[k]} – {num(v)}" for k, v in shown.items() if k != "total"]
        if rng.random() < 0.5:
            text = f"Диссертация тақырыбы бойынша {num(total)} ғылыми еңбек жарияланды, оның ішінде: {', '.join(parts)}."
        else:
            text = f"Зерттеудің негізгі нәтижелері {num(total)} ғылыми жарияланымда көрініс тапты, олардың ішінде: {'; '.join(parts)}."
    return text, dict(shown)


def _citation(plan: Plan, n: int) -> str:
    lang, title_i, venue_i, conference = plan.publication_titles[n]
    title = _cap(L.TITLES[title_i][L.LANGS.index(lang)].format_map(_slots(plan, lang)))
    venue, venue_lang = L.VENUES[venue_i]
    year = 2016 + (plan.index * 7 + n * 3) % 10
    p1 = 10 + (plan.index * 13 + n * 37) % 300
    p2 = p1 + 5 + n % 9
    no = 1 + (plan.index + n) % 4
    if conference:
        city = L.CITIES[plan.cities[0]]
        if lang == "en":
            return f"{title} // Proceedings of the International Scientific and Practical Conference “Kazakhstan in the System of International Relations”. – {city[0]}, {year}. – P. {p1}-{p2}."
        return (f"{title} – Материалы Международной научно-практической конференции «Казахстан в системе "
                f"международных отношений». – {city[1]}, {year}. – С. {p1}-{p2}")
    if venue_lang == "en":
        return f"{title} // {venue}. – {year}. – Vol. {20 + n}, No. {no}. – P. {p1}-{p2}."
    page = "Б." if venue_lang == "kk" else "С."
    return f"{title} // {venue}. – {year}. – № {no} ({50 + (plan.index + n) % 40}). – {page} {p1}-{p2}"


def _header(rng: random.Random, plan: Plan, lang: str, markdown: bool, slots: dict) -> tuple[str, dict]:
    code, *names = L.SPECIALTIES[plan.specialty]
    spec = names[L.LANGS.index(lang)]
    title = _cap(L.TITLES[plan.title][L.LANGS.index(lang)].format_map(slots))
    dash = rng.choice(("–", "–", "-"))
    q = rng.choice((("«", "»"), ("“", "”"), ('"', '"')))
    a = plan.author
    variant = rng.randrange(4)
    meta = {"specialty": code, "author": a.latin if lang == "en" else a.cyrillic, "title": title}
    if lang == "en":
        name = f"**{a.latin}**" if markdown else a.latin
        word = rng.choice(("ABSTRACT", "ANNOTATION"))
        if variant == 0:
            head = f"## **{word}**\n\n" if markdown else f"{word}\n"
            text = (f"{head}of the dissertation for the degree of Doctor of Philosophy (PhD) in the specialty  \n"
                    f"«{code} {dash} {spec}»  \nby {name}  \non the topic {q[0]}{title}{q[1]}")
        elif variant == 1:
            text = (f"{word}\nof the dissertation work of {name} {q[0]}{title}{q[1]} submitted for the degree of "
                    f"Doctor of Philosophy (PhD) in the specialty {code} {dash} {spec}")
        elif variant == 2:
            text = f"{name}\n{title}\n{word}\nof the dissertation submitted for the degree of Doctor of Philosophy (PhD)\nSpecialty: {code} {dash} {spec}"
        else:
            text, meta = word, {"specialty": None, "author": None, "title": None}
    elif lang == "ru":
        if variant == 0:
            text = (f"АННОТАЦИЯ\n\nдиссертационной работы {a.ru_genitive} на тему {q[0]}{title}{q[1]}, представленной на "
                    f"соискание степени доктора философии (PhD) по специальности «{code} {dash} {spec}»")
        elif variant == 1:
            text = (f"АННОТАЦИЯ\nна диссертационную работу {a.ru_genitive} {q[0]}{title}{q[1]}, представленную на соискание "
                    f"степени доктора философии (PhD) по специальности {code} {dash} «{spec}»")
        elif variant == 2:
            text = f"Докторант: {a.cyrillic}\nТема: {q[0]}{title}{q[1]}\nСпециальность: {code} {dash} {spec}\n\nАННОТАЦИЯ"
        else:
            text, meta = "АННОТАЦИЯ", {"specialty": None, "author": None, "title": None}
    else:
        if variant == 0:
            text = (f"{a.kk_genitive} {q[0]}{title}{q[1]} тақырыбындағы {code} {dash} «{spec}» мамандығы бойынша "
                    f"философия докторы (PhD) дәрежесін алу үшін дайындалған диссертациясының\nАҢДАТПАСЫ")
        elif variant == 1:
            text = (f"АҢДАТПА\n\n{code} {dash} {spec} мамандығы бойынша философия докторы (PhD) дәрежесін алуға арналған "
                    f"{a.kk_genitive} {q[0]}{title}{q[1]} тақырыбындағы диссертациялық жұмысына")
        elif variant == 2:
            text = f"Докторант: {a.cyrillic}\nТақырыбы: {q[0]}{title}{q[1]}\nМамандығы: {code} {dash} {spec}\n\nАҢДАТПА"
        else:
            text, meta = " АҢДАТПАСЫ", {"specialty": None, "author": None, "title": None}
    return text, meta


def _section(doc: _Doc, key: str, lang: str, body: list[str], *, inline_p: float = 0.55) -> str:
    """A headed section: heading run into the first paragraph, or on its own line."""
    rng = doc.rng
    base = rng.choice(L.HEADINGS[key][lang])
    inline = rng.random() < inline_p
    text, plain = _decorate(rng, base, lang, doc.markdown, inline)
    if inline:
        doc.add(key, f"{text} {body[0]}")
        rest = body[1:]
    else:
        doc.add(key, text)
        rest = body
    for para in rest:
        doc.add(key, para)
    return plain


_SLOT_AT_SENTENCE_START = re.compile(r"(^|[.!?]\s+)\{(\w+)\}")
_prepared: dict[str, str] = {}


def _fill(template: str, slots: dict) -> str:
    """Fill the slots, capitalising those that open a sentence (slot values are lower-case
    mid-sentence forms). Templates are rewritten once to name a capitalised slot instead."""
    prepared = _prepared.get(template)
    if prepared is None:
        prepared = _prepared[template] = _SLOT_AT_SENTENCE_START.sub(r"\1{\2_cap}", template)
    return _cap(prepared.format_map(slots))


def render_dissertation(plan: Plan, lang: str, seed: int) -> tuple[str, dict]:
    rng = random.Random(f"dkg-generate/{seed}/{plan.index}/{lang}")
    col = L.LANGS.index(lang)
    slots = _slots(plan, lang)
    markdown = rng.random() < 0.3
    doc = _Doc(rng, markdown, artefacts=rng.choice((0.0, 0.3, 1.0, 1.0)))
    headings: dict[str, str] = {}
    styles: dict[str, str] = {}

    lead = " " if rng.random() < 0.4 else ""
    meta = {"specialty": None, "author": None, "title": None}
    if rng.random() < 0.55:
        header, meta = _header(rng, plan, lang, markdown, slots)
        doc.parts.append(("header", header))
    if rng.random() < 0.2:
        h, body = L.GENERAL_INFO[lang]
        text, plain = _decorate(rng, h, lang, markdown, True)
        doc.add("general", f"{text} {body.format_map(slots)}")

    # relevance
    sentences = [_fill(L.RELEVANCE[i][col], slots) for i in plan.relevance]
    chunks, pos = [], 0
    for size in plan.relevance_paragraphs:
        chunks.append(sentences[pos:pos + size])
        pos += size
    if rng.random() < 0.5:
        chunks[0].insert(0, L.RELEVANCE_OPENERS[rng.randrange(len(L.RELEVANCE_OPENERS))][col])
    paras = [" ".join(chunk) for chunk in chunks]
    if rng.random() < 0.6:
        paras.append(_fill(L.RELEVANCE_CLOSERS[0][col], slots))
    headings["relevance"] = _section(doc, "relevance", lang, paras)
    if plan.elaboration:
        headings["elaboration"] = _section(doc, "elaboration", lang, [_fill(L.ELABORATION[0][col], slots)])

    # object, subject, aim: run-in
    for key, bank, idx in (("object", L.OBJECTS, plan.obj), ("subject", L.SUBJECTS, plan.subj)):
        form = rng.choice(L.RUN_IN[key][lang])
        doc.add(key, _cap(form.replace("{X}", bank[idx][col].format_map(slots))))
        headings[key] = form.split("{X}")[0].replace("**", "").strip(" :–")
    aim_text = L.AIMS[plan.aim][col].format_map(slots)
    form = rng.choice(L.RUN_IN["aim"][lang])
    if rng.random() < 0.25:
        text, plain = _decorate(rng, rng.choice(L.HEADINGS["aim"][lang]), lang, markdown, False)
        doc.add("aim", text)
    doc.add("aim", _cap(form.replace("{X}", aim_text)))
    headings["aim"] = form.split("{X}")[0].replace("**", "").strip(" :–")

    if plan.hypothesis:
        lead_in = {"en": "It is assumed that ", "ru": "Предполагается, что ", "kk": ""}[lang]
        tail = " деп болжанады." if lang == "kk" else "."
        headings["hypothesis"] = _section(
            doc, "hypothesis", lang, [_cap(lead_in + L.HYPOTHESES[0][col].format_map(slots) + tail)], inline_p=0.8)

    # tasks
    style = rng.choice(LIST_STYLES)
    styles["tasks"] = style
    if rng.random() < 0.7:
        lead_in = rng.choice(L.TASK_LEADS[lang])
        doc.add("tasks", lead_in)
        headings["tasks"] = lead_in.replace("**", "").rstrip(":")
    else:
        text, headings["tasks"] = _decorate(rng, rng.choice(L.TASK_HEADINGS[lang]), lang, markdown, False)
        doc.add("tasks", text)
    task_items = [L.TASKS[i][col].format_map(slots) for i in plan.tasks]
    if lang == "en" and rng.random() < 0.4:
        task_items = ["to " + t for t in task_items]
    _list(doc, "tasks", task_items, style, sentence_items=False)

    # theory and methods
    theory = _fill(rng.choice(L.THEORY_TEXT)[col], slots)
    methods = _fill(rng.choice(L.METHODS_TEXT)[col], slots)
    if rng.random() < 0.6:
        headings["theory"] = _section(doc, "theory", lang, [theory])
        headings["methods"] = _section(doc, "methods", lang, [methods])
    else:
        headings["theory"] = _section(doc, "theory", lang, [theory, methods])

    def novelty() -> None:
        items = [L.NOVELTY[i][col].format_map(slots) for i in plan.novelty]
        if rng.random() < 0.05:  # one run-in paragraph, points separated by semicolons
            styles["novelty"] = "inline"
            text, headings["novelty"] = _decorate(rng, rng.choice(L.HEADINGS["novelty"][lang]), lang, markdown, True)
            doc.add("novelty", f"{text} " + "; ".join(items) + ".")
            return
        styles["novelty"] = st = rng.choice(LIST_STYLES)
        text, headings["novelty"] = _decorate(rng, rng.choice(L.HEADINGS["novelty"][lang]), lang, markdown, False)
        doc.add("novelty", text)
        _list(doc, "novelty", items, st, sentence_items=False)

    def provisions() -> None:
        styles["provisions"] = st = rng.choice(LIST_STYLES)
        text, headings["provisions"] = _decorate(rng, rng.choice(L.HEADINGS["provisions"][lang]), lang, markdown, False)
        doc.add("provisions", text)
        items = [" ".join(_fill(L.PROVISIONS[i][col], slots) for i in group) for group in plan.provisions]
        extra = {n: _fill(L.PROVISIONS[i][col], slots) for n, i in enumerate(plan.continuation) if i is not None}
        if st not in NUMBERED_STYLES:
            extra = {}  # a bulleted item's second paragraph would be unattributable even for a human
        broken = rng.randrange(len(items)) if rng.random() < 0.05 else None
        _list(doc, "provisions", items, st, sentence_items=True, extra=extra, broken=broken)

    if plan.novelty_first:
        novelty(); provisions()
    else:
        provisions(); novelty()

    # significance
    theo = _fill(L.SIGNIFICANCE_THEORETICAL[0][col], slots)
    prac = _fill(L.SIGNIFICANCE_PRACTICAL[0][col], slots)
    teach = _fill(L.SIGNIFICANCE_TEACHING[0][col], slots)
    if rng.random() < 0.5:
        headings["significance"] = _section(doc, "significance", lang, [theo + " " + prac] + ([teach] if rng.random() < 0.5 else []))
    else:
        # two headed paragraphs that together are the work's one dkg:Significance
        headings["significance"] = _section(doc, "significance_theoretical", lang, [theo])
        headings["significance_practical"] = _section(doc, "significance_practical", lang, [prac, teach])

    # approbation and publications
    univ = L.UNIVERSITIES[plan.university][col]
    dept = L.DEPARTMENTS[plan.department][col]
    body = [L.COMPLETED_AT[col].format(dept=dept, univ=univ)]
    cities = _join([L.CITIES[c][col] for c in plan.cities], lang) if lang == "en" else ", ".join(L.CITIES[c][col] for c in plan.cities)
    body[0] += " " + L.REPORTED_AT[col].format(cities=cities)
    count_text, shown_counts = _count_sentence(rng, plan, lang)
    separate_publications = rng.random() < 0.4
    if not separate_publications:
        body.append(count_text)
    headings["approbation"] = _section(doc, "approbation", lang, body)
    if separate_publications:
        headings["publications"] = _section(doc, "publications", lang, [count_text], inline_p=0.7)
    listed = plan.listed_publications if plan.listed_publications and rng.random() < 0.75 else 0
    if listed:
        section = "publications" if separate_publications else "approbation"
        styles["publications"] = st = rng.choice(NUMBERED_STYLES)
        for n in range(listed):
            doc.add(section, _marker(st, n + 1) + _citation(plan, n))

    # structure
    words = L.CHAPTER_WORDS[plan.chapters][col]
    body = [L.STRUCTURE_TEXT[col].format(chapters=words)]
    if rng.random() < 0.5:
        body[0] += " " + L.STRUCTURE_VOLUME[col].format(pages=plan.pages)
    headings["structure"] = _section(doc, "structure", lang, body)

    text, spans = doc.render(lead)
    if "significance_theoretical" in spans:
        spans["significance"] = [spans.pop("significance_theoretical")[0], spans.pop("significance_practical")[1]]
    truth = _truth(plan, lang, "dissertation", meta, headings, styles, spans,
                   tasks=len(plan.tasks), novelty=len(plan.novelty), provisions=len(plan.provisions),
                   counts=shown_counts, listed=listed)
    return text, truth


def _wrap(text: str, width: int) -> str:
    """Hard line breaks as in text pulled out of a PDF; never start a line with a dash or a
    number, which a reader would take for a list item."""
    words = text.split(" ")
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width and not (w[:1] in "–-—•·" or w[:1].isdigit()):
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines)


def render_article(plan: Plan, lang: str, seed: int) -> tuple[str, dict]:
    rng = random.Random(f"dkg-generate/{seed}/{plan.index}/{lang}")
    col = L.LANGS.index(lang)
    slots = _slots(plan, lang)
    labels = L.ARTICLE_LABELS[lang]
    wrap = rng.choice((0, 0, 105, 115))
    doc = _Doc(rng, markdown=rng.random() < 0.3, artefacts=rng.choice((0.0, 0.5)))
    headings: dict[str, str] = {}
    w = (lambda s: _wrap(s, wrap)) if wrap else (lambda s: s)

    meta = {"specialty": None, "author": None, "title": None}
    if rng.random() < 0.5:
        title = _cap(L.TITLES[plan.title][col].format_map(slots))
        meta["title"] = title
        udc = f"{labels['udc']} 327 (574:{430 + plan.partner})\n\n" if rng.random() < 0.5 else ""
        doc.parts.append(("header", udc + (title.upper() if rng.random() < 0.5 else title)))
    rel = [_fill(L.RELEVANCE[i][col], slots) for i in plan.relevance]
    doc.add("abstract", w(f"{labels['abstract']}: " + " ".join(rel[:2])))
    keywords = [L.ASPECTS[plan.aspect][{"en": 0, "ru": 1, "kk": 4}[lang]], L.PARTNERS[plan.partner][{"en": 0, "ru": 1, "kk": 4}[lang]]]
    keywords += rng.sample(L.KEYWORD_EXTRA[lang], 3)
    doc.add("keywords", w(f"{labels['keywords']}: " + ", ".join(keywords) + "."))
    doc.add("relevance", w(f"{labels['intro']}. " + " ".join(rel[2:])))
    headings["relevance"] = labels["intro"]
    doc.add("aim", w(_cap(L.ARTICLE_AIM[col].replace("{X}", L.AIMS[plan.aim][col].format_map(slots)))))
    doc.add("tasks", L.ARTICLE_TASK_LEAD[col])
    headings["tasks"] = L.ARTICLE_TASK_LEAD[col].rstrip(":")
    style = rng.choice(("-", "–", "•", "1)"))
    items = [L.TASKS[i][col].format_map(slots) for i in plan.tasks]
    if lang == "en":
        items = ["to " + t for t in items]
    for n, item in enumerate(items, 1):
        doc.add("tasks", w(_marker(style, n) + item + (";" if n < len(items) else ".")))
    doc.add("methods", w(f"{labels['methods']}. " + _fill(L.METHODS_TEXT[0][col], slots)))
    headings["methods"] = labels["methods"]
    doc.add("theory", w(_fill(L.THEORY_TEXT[1][col], slots)))
    research = [_fill(L.PROVISIONS[i][col], slots) for i in rng.sample(range(len(L.PROVISIONS)), 4)]
    doc.add("research", w(f"{labels['research']}. " + " ".join(research[:2])))
    doc.add("research", w(" ".join(research[2:])))
    doc.add("conclusion", w(f"{labels['conclusion']}. " + _fill(L.ARTICLE_CONCLUSION[col], slots)))
    text, spans = doc.render(" " if rng.random() < 0.5 else "")
    truth = _truth(plan, lang, "article", meta, headings, {"tasks": style}, spans,
                   tasks=len(plan.tasks), novelty=0, provisions=0, counts={}, listed=0)
    return text, truth


def _department_name(plan: Plan, lang: str) -> str:
    en, ru, kk = L.DEPARTMENTS[plan.department]
    return {"en": f"Department of {en}", "ru": f"Кафедра {ru}", "kk": f"{_cap(kk)} кафедрасы"}[lang]


def _truth(plan: Plan, lang: str, kind: str, meta: dict, headings: dict, styles: dict, spans: dict, *,
           tasks: int, novelty: int, provisions: int, counts: dict, listed: int) -> dict:
    return {
        "language": lang,
        "work_id": plan.work_id,
        "kind": kind,
        "provisions": provisions,
        "tasks": tasks,
        "novelty": novelty,
        "specialty": meta["specialty"],
        "author": meta["author"],
        "title": meta["title"],
        "work_specialty": L.SPECIALTIES[plan.specialty][0] if kind == "dissertation" else None,
        # where the work was done, in the nominative of the file's language (the text declines it)
        "institution": L.UNIVERSITY_NAMES[plan.university][L.LANGS.index(lang)] if kind == "dissertation" else None,
        "department": _department_name(plan, lang) if kind == "dissertation" else None,
        "work_author": {"cyrillic": plan.author.cyrillic, "latin": plan.author.latin} if kind == "dissertation" else None,
        "publication_counts": counts,
        "publications_listed": listed,
        "headings": headings,
        "list_styles": styles,
        "spans": spans,
    }


# --------------------------------------------------------------------------- corpus


@dataclass
class GenerationSummary:
    files: int
    works: int
    translated_works: int
    articles: int
    languages: dict[str, int]


def generate_corpus(out_dir: Path | str, count: int, seed: int = 0, *, unlisted: float = 0.0,
                    opaque_names: bool = False) -> GenerationSummary:
    """Write `count` abstracts, `manifest.toml` and `expected.jsonl` into `out_dir`.

    `unlisted` is the share of translated works left out of the manifest, so that automatic
    pairing can be scored against expected.jsonl; `opaque_names` names files like the seeds
    (`000_bb0b176a7e172258.txt`) instead of `0001_en.txt`, so names give the pairing away.
    """
    if count < 0:
        raise ValueError(f"--count must be zero or more, got {count}")
    if not 0.0 <= unlisted <= 1.0:
        raise ValueError(f"--unlisted is a share between 0 and 1, got {unlisted}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(count)))
    truths: list[dict] = []
    groups: list[tuple[str, list[str]]] = []
    languages = {lang: 0 for lang in L.LANGS}
    works = articles = 0
    index = 0
    while len(truths) < count:
        index += 1
        plan = plan_work(seed, index)
        langs = plan.langs[: count - len(truths)]
        works += 1
        articles += plan.kind == "article"
        names = []
        for lang in langs:
            render = render_article if plan.kind == "article" else render_dissertation
            text, truth = render(plan, lang, seed)
            if opaque_names:
                digest = hashlib.sha256(f"{seed}/{index}/{lang}".encode()).hexdigest()[:16]
                name = f"{len(truths):0{width - 1}d}_{digest}.txt"
            else:
                name = f"{index:0{width}d}_{lang}.txt"
            (out / name).write_text(text, encoding="utf-8", newline="")
            truths.append({"file": name, **truth})
            languages[lang] += 1
            names.append(name)
        listed = random.Random(f"dkg-generate/{seed}/{index}/manifest").random() >= unlisted
        if len(names) > 1 and listed:
            groups.append((plan.work_id, sorted(names)))
    lines = ["# Which files are translations of one work. Files not listed are paired automatically.",
             f"# Generated by `dkg generate --count {count} --seed {seed}"
             + (f" --unlisted {unlisted}" if unlisted else "") + (" --opaque-names" if opaque_names else "") + "`.", ""]
    for work_id, names in groups:
        lines += ["[[work]]", f"id = {json.dumps(work_id)}",
                  "files = [" + ", ".join(json.dumps(n, ensure_ascii=False) for n in names) + "]", ""]
    (out / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    with (out / "expected.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for truth in truths:
            fh.write(json.dumps(truth, ensure_ascii=False, sort_keys=True) + "\n")
    translated = len({t["work_id"] for t in truths}) - sum(
        1 for n in collections.Counter(t["work_id"] for t in truths).values() if n == 1)
    return GenerationSummary(files=len(truths), works=works, translated_works=translated,
                             articles=articles, languages=languages)
