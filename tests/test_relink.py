"""mappings/relink.py: which documents a vocabulary edit can change (issue #15). The end-to-end
check, an incremental store equal to a build from nothing after each kind of vocabulary edit,
is in test_incremental.py."""
from __future__ import annotations

import copy
import os
import subprocess
import sys

from rdflib import URIRef

from dissertation_kg.mappings import linking, relink

TEXT = ("The work draws on the theory of complex interdependence and on soft power; "
        "данные Высшей аттестационной комиссии и «Рухани жаңғыру». The policy of the foreign office "
        "is a concept of the state; the Ministry of Foreign (External) Affairs.")


def _filter(text: str = TEXT, lang: str = "en") -> bytes:
    return relink.word_filter(relink.text_keys([(text, lang)]))


def test_a_label_matters_only_where_every_word_of_it_occurs():
    bits = _filter()
    assert relink.may_change(bits, relink.requirements([("complex interdependence", "en")]))
    # the English word order variant ("interdependence theory") counts as the label
    assert relink.may_change(bits, relink.requirements([("interdependence theory", "en")]))
    # inflected Russian in an English text: the label in the nominative
    assert relink.may_change(bits, relink.requirements([("Высшая аттестационная комиссия", "ru")]))
    assert not relink.may_change(bits, relink.requirements([("complex adaptive systems", "en")]))
    assert not relink.may_change(bits, relink.requirements([("hard power", "en")]))
    assert not relink.may_change(bits, relink.requirements([("Landau damping", "en")]))
    # a name of three words or more: its words must follow each other (a parenthesis may stand
    # between two of them)
    assert not relink.may_change(bits, relink.requirements([("foreign policy concept", "en")]))
    assert relink.may_change(bits, relink.requirements([("Ministry of Foreign Affairs", "en")]))
    assert not relink.may_change(bits, relink.requirements([("Affairs of the Ministry", "en")]))
    # a document whose words are not known may always change
    assert relink.may_change(None, relink.requirements([("Landau damping", "en")]))
    assert relink.may_change(b"", relink.requirements([("Landau damping", "en")]))


def test_the_filter_is_the_same_in_every_process():
    # A filter written by a build worker is read by the next build: no salted hash().
    code = ("import sys; from dissertation_kg.mappings import relink; "
            f"sys.stdout.write(relink.word_filter(relink.text_keys([({TEXT!r}, 'en')])).hex())")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONHASHSEED": "12345"}, check=True).stdout
    assert bytes.fromhex(other) == _filter()


def test_the_filter_sets_exactly_the_bits_of_its_keys():
    # word_filter sets its bits with C loops; the filters stored by earlier builds were written
    # bit by bit in Python, and both must agree bit for bit.
    keys = relink.text_keys([(TEXT, "en")]) | {"edge"}
    expected = bytearray(relink.BITS // 8)
    for key in keys:
        for p in relink._positions(key):
            expected[p >> 3] |= 1 << (p & 7)
    assert relink.word_filter(keys) == bytes(expected)
    assert relink.word_filter([]) == bytes(relink.BITS // 8)


def test_an_edit_names_only_the_labels_it_adds_or_removes():
    old = linking.lexicon()
    new = copy.deepcopy(old)
    entry = new.entries[URIRef("https://w3id.org/dissertation-kg/id/theory/human-security")]
    entry.alt.setdefault("en", []).append("human safety")
    assert relink.changed_names(old, new) == {("human safety", "en")}
    entry.definition["en"] = "another definition"  # the linker does not read it
    assert relink.changed_names(old, new) == {("human safety", "en")}


def test_a_changed_class_or_a_removed_entry_names_every_label_of_it():
    old = linking.lexicon()
    iri = URIRef("https://w3id.org/dissertation-kg/id/theory/structuralism")
    labels = {(label, lang) for lang, label in old.entries[iri].pref.items()}
    new = copy.deepcopy(old)
    new.entries[iri].cls = "Method"
    assert relink.changed_names(old, new) == labels
    del new.entries[iri]
    assert relink.changed_names(old, new) == labels
    new = copy.deepcopy(old)
    new.dismissed = old.dismissed | {"some journal"}
    assert relink.changed_names(old, new) == {("some journal", "")}
