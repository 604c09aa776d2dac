"""Which documents are translations of one work.

The corpus manifest (``manifest.toml`` beside the documents) decides where it speaks; a curator
edits it. For the rest, documents in different languages are compared on what survives
translation — specialty code, the author's name across scripts, the counts of provisions,
tasks and novelty points, numbers (years, codes) and Latin-script names — and the decision is
reported with its evidence so a curator can confirm it in the manifest.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from .abstract import ParsedAbstract
from .errors import MappingError

MANIFEST_NAME = "manifest.toml"
THRESHOLD = 5.0


@dataclass
class Work:
    id: str
    members: list[ParsedAbstract]
    decided_by: str                      # "manifest" | "detected" | "single"
    evidence: list[str] = field(default_factory=list)


def read_manifest(corpus_dir: Path) -> dict[str, str]:
    """File name → work id, from the corpus manifest (empty when there is none)."""
    path = Path(corpus_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(str(path), f"the manifest is not valid TOML ({exc})",
                           "fix the syntax; see the comment at the top of the file for the format") from None
    out: dict[str, str] = {}
    for i, work in enumerate(data.get("work", []), start=1):
        wid, files = work.get("id"), work.get("files")
        if not isinstance(wid, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", wid or ""):
            raise MappingError(str(path), f"[[work]] number {i} needs an `id` of letters, digits, '.', '_' or '-'",
                               'for example: id = "kz-unesco-cooperation"')
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise MappingError(str(path), f"[[work]] {wid!r} needs `files`, a list of file names", 'files = ["a.txt", "b.txt"]')
        for f in files:
            if f in out and out[f] != wid:
                raise MappingError(str(path), f"{f} is listed under two works ({out[f]!r} and {wid!r})",
                                   "a file belongs to one work: remove one of the entries")
            out[f] = wid
    return out


def fallback_id(members: list[ParsedAbstract]) -> str:
    """Derived from content, not order: the same whichever translation was read first."""
    return "w-" + hashlib.sha256(min(m.checksum for m in members).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- evidence

_NUMBERS = re.compile(r"(?<![\w.])(?:1[89]\d\d|20\d\d|\d[A-Z]\d{5,6}|\d{2}\.\d{2}\.\d{2})(?![\w])")
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Z-][A-Za-z-]*\b|\b[A-Z]{2,}\b")


_TRANSLIT = [("kh", "h"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("gh", "g"), ("ng", "n"),
             ("q", "k"), ("y", "i"), ("w", "u"), ("ae", "a"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a")]


def name_key(name: str) -> str:
    """A surname's key across scripts and transliteration habits: Сейтқали, Seitkali and
    Seytqali give one key."""
    s = anyascii(name.split()[0].split("-")[0]).lower()
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)[:4]  # Khassenov / Хасенов


def _given_names_agree(x: str, y: str) -> bool:
    """Isaeva Zhuldyz and Исаев Даурен share a surname key but not a person: when both names
    give more than a surname, some given name or patronymic must match (initials count)."""
    def parts(name: str) -> list[str]:
        return [w for w in re.split(r"[\s.]+", name)[1:] if w]
    px, py = parts(x), parts(y)
    if not px or not py:
        return True
    kx, ky = {name_key(w) for w in px}, {name_key(w) for w in py}
    if kx & ky:
        return True
    # An initial against a full name: Ж. Исаева / Isaeva Zhuldyz.
    ix, iy = {k[:1] for k in kx}, {k[:1] for k in ky}
    short = any(len(w) == 1 for w in px + py)
    return short and bool(ix & iy)


def _surname(p: ParsedAbstract) -> str | None:
    # Kept with the features: score() asks for it once per pair compared.
    return _features(p)["surname"]


_GENERIC_LATIN = {"PhD", "DOI", "ISBN", "ISSN", "URL", "II", "III", "IV", "XX", "XXI", "CA"}
_FEATURE_CACHE: dict[int, dict] = {}


def _features(p: ParsedAbstract) -> dict:
    known = getattr(p, "pairing_features", None)  # a summary (mappings/summary.py) keeps them
    if known is not None:
        return known
    cached = _FEATURE_CACHE.get(id(p))
    if cached is not None and cached["doc"] is p:
        return cached
    feats = features(p)
    feats["doc"] = p
    _FEATURE_CACHE[id(p)] = feats
    return feats


def features(p: ParsedAbstract) -> dict:
    """What pairing compares of one document besides its metadata."""
    body = "\n".join(s.text for k, s in p.sections.items() if k not in ("approbation", "publications"))
    latin_all = set(_LATIN_NAME.findall(body)) - _GENERIC_LATIN
    return {
        # The publication list is the same papers in every translation: (year, pages) survive.
        "papers": {f"{pub.year}:{pub.pages}" for pub in p.meta.publications if pub.year and pub.pages},
        "numbers": set(_NUMBERS.findall(body)),
        "latin": latin_all if p.lang != "en" else set(),
        "latin_all": latin_all,
        "counts": {k: len(v) for k, v in p.items.items()},
        "surname": name_key(p.meta.author) or None if p.meta.author else None,
    }


def score(a: ParsedAbstract, b: ParsedAbstract, df: dict[str, int] | None = None) -> tuple[float, list[str]]:
    """How strongly two documents in different languages look like one work, and why.

    `df` counts how many documents of the corpus carry each number or name: a year every
    abstract cites ("2030") says little, a number only two documents share says a lot."""
    if a.lang == b.lang:
        return float("-inf"), ["same language"]
    if a.kind != b.kind:
        return float("-inf"), [f"one is a {a.kind}, the other a {b.kind}"]
    s, why = 0.0, []
    ca, cb = a.meta.specialty_code, b.meta.specialty_code
    if ca and cb:
        if ca == cb:
            s += 3; why.append(f"same specialty {ca}")
        else:
            return float("-inf"), [f"different specialties {ca} / {cb}"]
    na, nb = _surname(a), _surname(b)
    if na and nb:
        if na == nb and _given_names_agree(a.meta.author, b.meta.author):
            s += 3; why.append(f"same author ({a.meta.author} / {b.meta.author})")
        else:
            s -= 5; why.append(f"different authors ({a.meta.author} / {b.meta.author})")
    fa, fb = _features(a), _features(b)
    for kind in ("provisions", "tasks", "novelty"):
        x, y = fa["counts"].get(kind, 0), fb["counts"].get(kind, 0)
        if x and y:
            if x == y:
                s += 1.5; why.append(f"{x} {kind} in both")
            else:
                s -= 1; why.append(f"{kind}: {x} vs {y}")
    pa, pb = a.meta.publication_counts, b.meta.publication_counts
    if pa and pb:
        if pa == pb:
            s += 2; why.append(f"same publication counts ({', '.join(f'{k} {v}' for k, v in sorted(pa.items()))})")
        elif pa.get("Total") and pb.get("Total") and pa["Total"] != pb["Total"]:
            s -= 3; why.append(f"publications: {pa['Total']} vs {pb['Total']}")
    if fa["papers"] and fb["papers"]:
        shared = fa["papers"] & fb["papers"]
        if shared:
            rarity = sum(min(1.0, 3 / (df or {}).get(x, 1)) for x in shared)
            s += 6.0 * rarity / min(len(fa["papers"]), len(fb["papers"]))
            why.append(f"{len(shared)} listed publications alike (year, pages)")
        else:
            s -= 4; why.append("no listed publication alike")
    # Latin-script names (G-Global, UNESCO) survive translation into Cyrillic texts unchanged.
    for sa, sb, weight, label in ((fa["numbers"], fb["numbers"], 4.0, "numbers"),
                                  (fa["latin"] or fb["latin"], (fb["latin"] or fa["latin"]) if a.lang != "en" and b.lang != "en"
                                   else fa["latin_all"] if fb["latin"] else fb["latin_all"], 2.0, "Latin-script names")):
        if sa and sb:
            shared = sa & sb
            if shared:
                rarity = sum(min(1.0, 3 / (df or {}).get(x, 1)) for x in shared)
                s += weight * rarity / min(len(sa), len(sb))
                why.append(f"shared {label} {sorted(shared)[:6]}")
            elif min(len(sa), len(sb)) >= 2:
                s -= weight / 2
                why.append(f"no shared {label}")
    return s, why


_MAX_POSTINGS = 64


def _blocking_keys(p: ParsedAbstract) -> set[str]:
    f = _features(p)
    keys = {f"n:{n}" for n in f["numbers"]} | {f"l:{n}" for n in f["latin"]} | {f"p:{n}" for n in f["papers"]}
    if p.meta.specialty_code:
        keys.add(f"s:{p.meta.specialty_code}")
    if _surname(p):
        keys.add(f"a:{_surname(p)}")
    counts = f["counts"]
    keys.add("c:" + ",".join(str(counts.get(k, 0)) for k in ("provisions", "tasks", "novelty")))
    return keys


def _candidate_pairs(docs: list[ParsedAbstract]):
    index: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for key in _blocking_keys(d):
            index.setdefault(key, []).append(i)
    seen: set[tuple[int, int]] = set()
    for postings in index.values():
        if len(postings) > _MAX_POSTINGS:
            continue  # too common to tell anything apart
        for x, i in enumerate(postings):
            for j in postings[x + 1:]:
                if docs[i].lang != docs[j].lang and (i, j) not in seen:
                    seen.add((i, j))
    for i, j in sorted(seen):
        yield docs[i], docs[j]


def group(docs: list[ParsedAbstract], manifest: dict[str, str]) -> list[Work]:
    """Group documents into works: the manifest first, then detection, then singletons."""
    try:
        return _group(docs, manifest)
    finally:
        _FEATURE_CACHE.clear()  # features are per call; a long-lived process must not keep them


def _group(docs: list[ParsedAbstract], manifest: dict[str, str]) -> list[Work]:
    works: dict[str, Work] = {}
    rest: list[ParsedAbstract] = []
    for d in docs:
        if d.source in manifest:
            wid = manifest[d.source]
            works.setdefault(wid, Work(wid, [], "manifest", ["listed in the manifest"])).members.append(d)
        else:
            rest.append(d)
    # Candidate pairs, best first; a work takes at most one text per language. Only documents
    # that share some telling feature (a year, a code, a Latin name, the specialty, the author,
    # the counts of items) are compared: blocking keeps pairing near-linear on large corpora.
    df: dict[str, int] = {}
    for d in rest:
        f = _features(d)
        for x in f["numbers"] | f["latin_all"] | f["papers"]:
            df[x] = df.get(x, 0) + 1
    pairs = []
    for a, b in _candidate_pairs(rest):
        sc, why = score(a, b, df)
        if sc >= THRESHOLD:
            pairs.append((sc, a.source, b.source, why))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    group_of: dict[str, list[ParsedAbstract]] = {d.source: [d] for d in rest}
    evidence: dict[int, list[str]] = {}
    for sc, sa, sb, why in pairs:
        ga, gb = group_of[sa], group_of[sb]
        if ga is gb or {d.lang for d in ga} & {d.lang for d in gb}:
            continue
        # Every member must be compatible with every other, not only the pair that decided:
        # a Russian text matching the English and the Kazakh of two different works joins neither.
        if any(score(x, y, df)[0] < 0 for x in ga for y in gb if (x.source, y.source) != (sa, sb)):
            continue
        merged = ga + gb
        evidence[id(merged)] = evidence.pop(id(ga), []) + evidence.pop(id(gb), []) + [
            f"{sa} + {sb}: score {sc:.1f} ({'; '.join(why)})"]
        for d in merged:
            group_of[d.source] = merged
    seen: set[int] = set()
    for d in rest:
        g = group_of[d.source]
        if id(g) in seen:
            continue
        seen.add(id(g))
        g = sorted(g, key=lambda x: x.source)
        wid = fallback_id(g)
        works[wid] = Work(wid, g, "detected" if len(g) > 1 else "single", evidence.get(id(group_of[d.source]), []))
    return sorted(works.values(), key=lambda w: w.id)
