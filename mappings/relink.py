"""Which documents a vocabulary edit can change, so that a rebuild links only those again.

The linker reads a vocabulary through the words of a document's texts: a label (or an alias, a
dismissed name, a law's quoted title) can only match, or stop a name from being a candidate,
where every one of its words occurs in the text, in some form the linker compares. So each
mapped document keeps a `word_filter`: a Bloom filter of every key the linker may look up for
its words (the word folded, its stems under the text's language, and the Russian and Kazakh
stems of Cyrillic words in an English text), and of each two words that may follow each other
in a name. An edit is turned into `requirements`: for each label added or removed (all labels
of an entry whose class, state or city status changed, see `changed_names`), the keys each of
its words may be matched under. A document whose filter holds every word of one such label
(and, for a name of three words or more, every pair of consecutive words) may change and is
linked again; any other is linked exactly as before. A Bloom filter only errs towards "may
contain", so the worst a collision does is link a document again.

(Written here rather than with a Bloom filter library: the filters must hash the same in every
process and are tested by the thousand against a handful of words; that is a few lines over
hashlib.)
"""
from __future__ import annotations

import hashlib
import re
from collections import deque
from functools import lru_cache
from itertools import chain, repeat
from typing import Iterable

from . import morphology, self_named
from .vocabulary import LANGS

# 16 KiB per document. A generated abstract has 2,000-9,000 keys with its word pairs (~0.1 %
# false hits per key); a name needs all its words (and pairs) to be a hit.
BITS = 1 << 17
_HASHES = 4
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_PAIR = "\x1f"   # joins the keys of two words that follow each other (no key holds it)


@lru_cache(maxsize=1 << 18)   # most words and pairs recur from one document to the next
def _positions(key: str) -> tuple[int, ...]:
    digest = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest(), "little")
    return tuple((digest >> (32 * i)) & (BITS - 1) for i in range(_HASHES))


def word_filter(keys: Iterable[str]) -> bytes:
    # Bit p is set as byte p of a flag array, which is read as one binary numeral: loops in C
    # (3.4x faster than setting bits one by one in Python; the bytes are the same).
    flags = bytearray(BITS)
    deque(map(flags.__setitem__, chain.from_iterable(map(_positions, keys)), repeat(1)), maxlen=0)
    return int(flags.translate(_AS_DIGITS)[::-1], 2).to_bytes(BITS // 8, "little")


_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _has(bits: bytes, positions: tuple[int, ...]) -> bool:
    return all(bits[p >> 3] >> (p & 7) & 1 for p in positions)


def text_keys(texts: Iterable[tuple[str, str]]) -> set[str]:
    """Every key the linker may look up for the words of `texts` ((text, language) pairs), and
    the pairs of keys of each word and a word that may follow it in a name (the next one, or the
    one after a short parenthesis, as linking._successors allows)."""
    from .linking import tokenize

    out: set[str] = set()
    for text, lang in texts:
        lang = lang if lang in LANGS else "en"
        # quoted titles are matched on their own words
        spans = [text] + [text[d.title[0]:d.title[1]] for d in self_named.find(text, lang) if d.title]
        for span in spans:
            tokens = tokenize(span)
            keys = [_token_keys(t.text, lang) for t in tokens]
            for i, here in enumerate(keys):
                out |= here
                for j in _followers(span, tokens, i):
                    out |= {a + _PAIR + b for a in here for b in keys[j]}
    return out


def _token_keys(word: str, lang: str) -> frozenset[str]:
    keys = {morphology.fold(word)} | morphology.text_keys(word, lang)
    if lang == "en" and _CYRILLIC.search(word):
        keys |= morphology.text_keys(word, "ru") | morphology.text_keys(word, "kk")
    return frozenset(keys)


def _followers(text: str, tokens, i: int) -> range:
    """The tokens that may follow token i in one name: the next one, or, after an opening
    parenthesis, any of the four next (a superset of what linking._successors allows)."""
    n = len(tokens)
    if i + 1 >= n:
        return range(0)
    if "(" in text[tokens[i].end:tokens[i + 1].start]:
        return range(i + 1, min(i + 5, n))
    return range(i + 1, i + 2)


def _word_alternatives(word: str) -> frozenset[str]:
    """The keys under which a text could hold `word` of a label, in whatever language."""
    keys = {morphology.fold(word)}
    for lang in LANGS:
        keys.add(morphology.label_key(word, lang))
        keys |= morphology.text_keys(word, lang)
    return frozenset(keys)


def requirements(names: Iterable[tuple[str, str]]) -> list[list[list[tuple[int, ...]]]]:
    """For each (label, language): the word sequences a text must hold for the label to matter
    (the label's spelling variants and quoted title), each word, and each pair of consecutive
    words of a sequence of three or more, as its alternative keys' filter positions."""
    from .linking import _k_spellings, _variants, _word_order_variants, tokenize

    out = []
    for label, lang in sorted(set(names)):
        langs = [lang] if lang in LANGS else list(LANGS)
        forms = {label}
        for l in langs:
            forms |= _word_order_variants(label, l)
        if "en" in langs:   # (a place's Latin name is matched in its k spelling too: linking._k_spellings)
            forms |= set(_k_spellings(label))
        variants = set().union(*(_variants(f) for f in forms))
        sequences = [[t.text for t in tokenize(v)] for v in variants]
        for l in langs:
            sequences += [[t.text for t in tokenize(label[d.title[0]:d.title[1]])]
                          for d in self_named.find(label, l) if d.title]
        for seq in sequences:
            if not seq:
                continue
            alternatives = [_word_alternatives(w) for w in seq]
            need = [[_positions(k) for k in keys] for keys in alternatives]
            # Names of three words or more are matched only on consecutive words; two words may
            # stand apart ("A, B and C analysis" names B analysis, see linking._elliptic).
            if len(seq) >= 3:
                need += [[_positions(a + _PAIR + b) for a in left for b in right]
                         for left, right in zip(alternatives, alternatives[1:])]
            out.append(need)
    return out


def may_change(bits: bytes | None, required) -> bool:
    """Whether a document with filter `bits` (None: unknown) may be linked differently."""
    if bits is None or len(bits) != BITS // 8:
        return True
    return any(all(any(_has(bits, p) for p in word) for word in seq) for seq in required)


def changed_names(old, new) -> set[tuple[str, str]]:
    """(label, language) of every name whose linking may differ between two compiled
    vocabularies (linking.Lexicon): the labels added to or removed from an entry; all labels,
    before and after, of an entry added, removed, or changed in what the linker reads of an
    entry besides its labels (its class, the state a body belongs to, whether it is a city);
    and each dismissed name added or removed. The linker reads nothing else of an entry (not
    its definition but for the city test, nor sameAs)."""
    names: set[tuple[str, str]] = set()
    for iri in set(old.entries) | set(new.entries):
        a, b = old.entries.get(iri), new.entries.get(iri)
        before, after = _labels(a), _labels(b)
        if a is not None and b is not None and _reading(old, iri, a) == _reading(new, iri, b):
            names |= before ^ after
        else:
            names |= before | after
    names |= {(name, "") for name in old.dismissed ^ new.dismissed}
    return names


def _labels(entry) -> set[tuple[str, str]]:
    if entry is None:
        return set()
    return ({(label, lang) for lang, label in entry.pref.items()}
            | {(label, lang) for lang, labels in entry.alt.items() for label in labels})


def _reading(lex, iri, entry) -> tuple:
    return entry.cls, (lex.body_state or {}).get(iri), iri in lex.cities
