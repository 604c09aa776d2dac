"""Bad input gets a clear error naming the file and the problem, and loses nothing else."""
from __future__ import annotations

import re

import shutil

import pytest
from click.testing import CliRunner

from dissertation_kg.mappings import abstract, extract
from dissertation_kg.mappings.errors import MappingError
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.cli import main
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.store.location import StoreLocation
from dissertation_kg.server.store.engines import OxigraphStore

RUSSIAN = ("Объект исследования – внешняя политика Республики Казахстан.\n"
           "Предмет исследования – инструменты публичной дипломатии.\n"
           "Положения, выносимые на защиту:\n1. Публичная дипломатия является ресурсом внешней политики.\n")
GERMAN = ("Gegenstand der Untersuchung ist die Außenpolitik der Republik Kasachstan. Ziel der Arbeit ist es, "
          "die Instrumente der öffentlichen Diplomatie zu untersuchen und ihre Wirkung zu bewerten.\n")
UKRAINIAN = ("Об'єкт дослідження – зовнішня політика Республіки Казахстан. Мета роботи полягає в тому, щоб "
             "дослідити інструменти публічної дипломатії та оцінити їхній вплив на міжнародні відносини.\n")
NO_SECTIONS = ("Kazakhstan is a country in Central Asia. It has a long history and a rich culture, and its "
               "foreign policy is often described as multi-vector by observers in many other countries.\n")

BAD = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n \t\n", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "invalid-utf8.txt": ("Объект исследования".encode() + b"\xff\xfe\xfa" + "ок".encode(), "not valid UTF-8"),
    "german-cp1252.txt": (GERMAN.encode("cp1252"), "not valid UTF-8"),
    "german.txt": (GERMAN.encode(), "Latin-script language other than English"),
    "ukrainian.txt": (UKRAINIAN.encode(), "Ukrainian"),
    "no-sections.txt": (NO_SECTIONS.encode(), "no recognisable abstract sections"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_document_gets_a_clear_error(name):
    data, expected = BAD[name]
    with pytest.raises(MappingError) as err:
        abstract.parse_bytes(data, name)
    message = str(err.value)
    assert message.startswith(f"{name}: ")
    assert expected in message
    assert err.value.hint, "every error tells the user what to do next"


KAZAKH = ("Зерттеудің нысаны – Маңғыстау облысының жайылымдары.\r\n"
          "Зерттеудің мақсаты – жайылымдардың өнімділігін бағалау және оларды қалпына келтіру.\r\n"
          "Қорғауға ұсынылатын негізгі тұжырымдар:\r\n1. Жайылымдардың тозуы жел эрозиясымен байланысты.\r\n")


def test_windows_1251_text_is_read():
    # a Windows editor's or catdoc's Russian: read, not refused with a hint to convert it
    data = RUSSIAN.replace("\n", "\r\n").encode("cp1251")
    doc = abstract.parse_bytes(data, "ru.txt")
    assert doc.lang == "ru" and doc.extractor == "python-cp1251-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Публичная дипломатия является ресурсом внешней политики."]


def test_windows_1251_kazakh_keeps_what_the_code_page_holds():
    # Kazakh's own letters are «?» in such a file (the code page lacks them): the rest is read,
    # and nothing is made up in their place
    data = KAZAKH.encode("cp1251", errors="replace")
    text = extract.extract(data, "kk.txt").text
    assert "Зерттеуді? нысаны – Ма??ыстау облысыны? жайылымдары." in text


def test_kazakh_in_the_windows_kazakh_code_page_is_read_with_its_letters():
    # KZ-1048 puts «қ», «ә», «ұ» where Windows-1251 has «ќ», «ј», «ў»: read in the code page whose
    # letters are Kazakh's, and a Russian file (the same bytes in both) stays Windows-1251
    doc = abstract.parse_bytes(KAZAKH.encode("kz1048"), "kk.txt")
    assert doc.lang == "kk" and doc.extractor == "python-kz1048-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Жайылымдардың тозуы жел эрозиясымен байланысты."]
    assert abstract.parse_bytes(RUSSIAN.encode("cp1251"), "ru.txt").extractor == "python-cp1251-codec"
    # damaged UTF-8 Cyrillic read in KZ-1048 is a capital and a Kazakh letter, pair after pair, and
    # would pass for Kazakh: it stays unreadable
    with pytest.raises(MappingError, match="not valid UTF-8"):
        abstract.parse_bytes("Аннотация диссертации".encode() + b"\xff\xfe caf\xe9 " * 40, "damaged.txt")


def test_kazakh_in_ptcp154_is_read_with_its_letters_and_kz1048_stays_kz1048():
    # PTCP154, KZ-1048's forerunner, puts Kazakh's letters on other bytes («ә» is BA, KZ-1048's
    # «ғ»; «ғ» is 83, Macedonian «ѓ» in KZ-1048): each file is read in its own code page
    doc = abstract.parse_bytes(KAZAKH.encode("ptcp154"), "kk.txt")
    assert doc.lang == "kk" and doc.extractor == "python-ptcp154-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Жайылымдардың тозуы жел эрозиясымен байланысты."]
    assert abstract.parse_bytes(KAZAKH.encode("kz1048"), "kk.txt").extractor == "python-kz1048-codec"
    assert abstract.parse_bytes(RUSSIAN.encode("cp1251"), "ru.txt").extractor == "python-cp1251-codec"


def test_russian_in_koi8_r_is_read_and_windows_1251_stays_windows_1251():
    # KOI8-R and Windows-1251 each read the other's bytes as Cyrillic letters of some language
    # (cases swapped, order scrambled): the reading made of the language's letter pairs is taken
    # (KOI8-R has no en dash: a KOI8-R text has hyphens)
    doc = abstract.parse_bytes(RUSSIAN.replace("–", "-").replace("\n", "\r\n").encode("koi8-r"), "ru.txt")
    assert doc.lang == "ru" and doc.extractor == "python-koi8-r-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Публичная дипломатия является ресурсом внешней политики."]
    assert abstract.parse_bytes(RUSSIAN.encode("cp1251"), "ru.txt").extractor == "python-cp1251-codec"
    assert abstract.parse_bytes(KAZAKH.encode("kz1048"), "kk.txt").extractor == "python-kz1048-codec"


def test_russian_in_dos_cyrillic_cp866_is_read():
    # a text saved by a DOS program or kept in an old archive: CP866 puts Cyrillic on other bytes
    # than Windows-1251 and KOI8-R (and box-drawing characters between its lower and upper case)
    doc = abstract.parse_bytes(RUSSIAN.replace("–", "-").replace("\n", "\r\n").encode("cp866"), "ru.txt")
    assert doc.lang == "ru" and doc.extractor == "python-cp866-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Публичная дипломатия является ресурсом внешней политики."]
    assert abstract.parse_bytes(RUSSIAN.encode("cp1251"), "ru.txt").extractor == "python-cp1251-codec"
    assert abstract.parse_bytes(RUSSIAN.replace("–", "-").encode("koi8-r"), "ru.txt").extractor == "python-koi8-r-codec"
    assert abstract.parse_bytes(KAZAKH.encode("kz1048"), "kk.txt").extractor == "python-kz1048-codec"


def test_russian_in_mac_os_cyrillic_with_carriage_returns_is_read():
    # a text from a Mac of the 1990s: Mac OS Cyrillic puts the capitals on the bytes where
    # Windows-1251 has punctuation and Serbian letters, and lines end in a bare CR
    doc = abstract.parse_bytes(RUSSIAN.replace("\n", "\r").encode("mac-cyrillic"), "ru.txt")
    assert doc.lang == "ru" and doc.extractor == "python-mac-cyrillic-codec"
    assert [it.text for it in doc.items["provisions"]] == ["Публичная дипломатия является ресурсом внешней политики."]
    # the other code pages keep their own readings
    assert abstract.parse_bytes(RUSSIAN.encode("cp1251"), "ru.txt").extractor == "python-cp1251-codec"
    assert abstract.parse_bytes(RUSSIAN.replace("–", "-").encode("cp866"), "ru.txt").extractor == "python-cp866-codec"
    assert abstract.parse_bytes(KAZAKH.encode("kz1048"), "kk.txt").extractor == "python-kz1048-codec"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_utf7_is_read(lang):
    # "Unicode (UTF-7)" from an old mail client or web form: pure ASCII, the letters in +…- blocks
    source = KAZAKH if lang == "kk" else RUSSIAN
    data = source.encode("utf-7")
    assert data.isascii()
    doc = abstract.parse_bytes(data, f"{lang}.txt")
    assert doc.lang == lang and doc.extractor == "python-utf-7-codec"
    assert " ".join(doc.text.split()) == " ".join(source.split())


def test_plus_signs_in_an_english_text_are_no_utf7():
    text = ("Object of the research: mobile tariffs of +7701-, +7702-, +7705-, +7707- and +7747- numbers.\n"
            "Subject of the research: the pricing of calls.\nThe aim of the research is to compare tariffs.\n")
    doc = abstract.parse_bytes(text.encode(), "en.txt")
    assert doc.extractor == "python-utf-8-codec" and "+7701-" in doc.text


@pytest.mark.parametrize("codec", ["latin-1", "sloppy-windows-1252"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_utf8_encoded_twice_is_read_back(codec, lang):
    # UTF-8 bytes taken for Latin-1 or Windows-1252 and saved again as UTF-8 (a web form or a
    # database in the wrong charset): valid UTF-8, but not one Cyrillic letter in it. (Windows-1252
    # as browsers and databases decode it: its five undefined bytes are the C1 controls.)
    import ftfy.bad_codecs  # noqa: F401 (registers the sloppy codecs)
    source = KAZAKH if lang == "kk" else RUSSIAN
    data = source.encode("utf-8").decode(codec).encode("utf-8")
    assert not re.search("[А-яӘәҚқ]", data.decode("utf-8"))
    doc = abstract.parse_bytes(data, f"{lang}.txt")
    assert doc.lang == lang and doc.extractor == "ftfy"
    assert " ".join(doc.text.split()) == " ".join(source.split())


def test_latin_text_with_a_capital_eth_is_not_taken_for_utf8_encoded_twice():
    # «Ð» and «Ñ» are letters of their own (Icelandic, Spanish): a text holding them stays as it is
    text = RUSSIAN + "\nЦитируется по: Ðorđević, S. España y Ñandú. 2019.\n"
    doc = abstract.parse_bytes(text.encode("utf-8"), "ru.txt")
    assert doc.extractor == "python-utf-8-codec" and "Ðorđević" in doc.text and "Ñandú" in doc.text


def test_broken_utf8_is_not_called_windows_1251():
    # one bad byte in a UTF-8 Russian file: its Cyrillic bytes read as cp1251 are letters, but
    # of no language, so converting from cp1251 would only make mojibake
    data = RUSSIAN.encode()[:60] + b"\xff" + RUSSIAN.encode()[60:]
    with pytest.raises(MappingError, match="not valid UTF-8") as err:
        abstract.parse_bytes(data, "ru.txt")
    assert err.value.hint == "re-save the file as UTF-8"

@pytest.fixture()
def corpus_with_bad_files(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus, ignore=shutil.ignore_patterns("README.md"))
    for name, (data, _) in BAD.items():
        (corpus / name).write_bytes(data)
    return corpus


def test_bad_documents_are_rejected_and_the_others_load(corpus_with_bad_files, tmp_path):
    summary = build(corpus_with_bad_files, tmp_path / "store", progress=False)
    assert sorted(r.source for r in summary.rejected) == sorted(BAD)
    assert summary.documents == 5 and summary.works == 4
    store = OxigraphStore(StoreLocation(tmp_path / "store").current())
    assert len(store.named_graphs()) >= 5


def test_build_command_exits_non_zero_and_names_each_file(corpus_with_bad_files, tmp_path):
    result = CliRunner().invoke(main, ["build", "--seeds", str(corpus_with_bad_files), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    for name in BAD:
        assert f"rejected {name}:" in result.output
    assert "documents: 5 loaded" in result.output


def test_bad_documents_in_a_corpus_large_enough_for_worker_processes(corpus_with_bad_files, tmp_path):
    """With 40+ documents the build parses and maps in worker processes; a rejected document's
    error must come back from them (it once hung the pool: the error did not unpickle)."""
    import os
    import subprocess
    import sys
    from dissertation_kg.server.generator.corpus import generate_corpus
    generate_corpus(tmp_path / "generated", 40, 3)
    for path in (tmp_path / "generated").glob("*.txt"):
        shutil.copy(path, corpus_with_bad_files / f"g-{path.name}")
    env = dict(os.environ, DKG_BUILD_WORKERS="2")
    result = subprocess.run([sys.executable, "-m", "dissertation_kg.server.cli", "build", "--seeds",
                             str(corpus_with_bad_files), "--store", str(tmp_path / "s"), "-q"],
                            capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode == 1, result.stderr[-2000:]
    for name in BAD:
        assert f"rejected {name}:" in result.stdout + result.stderr
    assert "documents: 45 loaded" in result.stdout + result.stderr


def test_mapping_errors_cross_process_boundaries():
    import pickle
    err = pickle.loads(pickle.dumps(MappingError("a.txt", "is empty", "write something")))
    assert (str(err), err.source, err.hint) == ("a.txt: is empty — write something", "a.txt", "write something")


NO_PROVISIONS = (
    "ABSTRACT of the dissertation for the degree of Doctor of Philosophy (PhD) in the specialty 6D020200 – International Relations\n"
    "The object of the research is the foreign policy of Kyrgyzstan.\n"
    "The subject of the research is its instruments of cultural diplomacy.\n"
    "The aim of the research is to assess these instruments.\n"
    "Research objectives:\n1. to describe the instruments;\n2. to assess them.\n"
    "Main provisions for defense:\n\n")


def test_a_dissertation_without_provisions_loads_with_its_gap_named(tmp_path):
    """A dissertation abstract (it says it defends provisions) whose provisions section is
    empty: not wrong data but a gap — the document loads, the gap is stated and reported."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(seeds_dir().glob("002_*.txt")), corpus)
    (corpus / "no-provisions.txt").write_text(NO_PROVISIONS, encoding="utf-8")
    summary = build(corpus, tmp_path / "store", progress=False)
    assert summary.rejected == [] and summary.documents == 2
    (gap,) = [g for g in summary.gaps if "no-provisions.txt" in g["sources"]]
    assert "provisions" in gap["lacks"]
    text = "\n".join(summary.notices)
    assert "no-provisions.txt: warning: node <https://w3id.org/dissertation-kg/id/work/" in text
    assert "property dkg:hasProvision" in text


def test_a_document_that_breaks_the_shapes_is_rejected_with_node_and_property(tmp_path, monkeypatch):
    """Wrong data (a text without a language tag) rejects the document; the others load."""
    from rdflib import Literal, URIRef

    from dissertation_kg.mappings import rdf
    from dissertation_kg.mappings.vocab import DKG

    real = rdf.to_graph

    def broken(doc, ctx, **kw):
        mapped = real(doc, ctx, **kw)
        if doc.source == "no-provisions.txt":
            mapped.statements.add((URIRef(f"{ctx.iri}/aim"), DKG.text, Literal("no language tag")))
        return mapped

    monkeypatch.setattr(rdf, "to_graph", broken)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(seeds_dir().glob("002_*.txt")), corpus)
    (corpus / "no-provisions.txt").write_text(NO_PROVISIONS, encoding="utf-8")
    summary = build(corpus, tmp_path / "store", progress=False)
    (rejection,) = summary.rejected
    assert rejection.source == "no-provisions.txt"
    text = "\n".join(rejection.problems)
    assert "no-provisions.txt: node <https://w3id.org/dissertation-kg/id/work/" in text
    assert "dkg:text" in text
    assert summary.documents == 1


def test_invalid_manifest_fails_the_build_and_keeps_the_served_graph(seed_store_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    (corpus / "manifest.toml").write_text("[[work]]\nid = \"ok\"\nfiles = [\"a.txt\"\n", encoding="utf-8")
    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store, symlinks=True)
    before = StoreLocation(store).current()
    result = CliRunner().invoke(main, ["build", "--seeds", str(corpus), "--store", str(store), "-q"])
    assert result.exit_code == 2
    assert "manifest.toml" in result.output and "not valid TOML" in result.output
    assert StoreLocation(store).current() == before


def test_broken_utf8_english_with_cyrillic_names_is_not_read_as_windows_1251():
    # the language check alone passes it (the prose is English), but its Cyrillic bytes are
    # UTF-8's pairs: read in cp1251 the names would be «РђТ›РјРѕР»Р°»
    text = ("Abstract. The aim of the study is to map the pastures of Ақмола облысы and Қостанай облысы. "
            "The results show that the method works well in the northern region.\n")
    data = text.encode()[:40] + b"\xff" + text.encode()[40:]
    with pytest.raises(MappingError, match="not valid UTF-8"):
        abstract.parse_bytes(data, "en.txt")



def test_a_file_half_utf8_half_windows_1251_is_refused_not_half_garbled():
    # pasted together from two files: as many bytes stand in UTF-8's pairs as in cp1251 letters.
    # Read as cp1251 the UTF-8 half would be «РђТ›РјРѕР»Р°»; half the high bytes is enough to refuse
    text = ("Abstract. The aim of the study is to map the pastures of {a} and of the {b} region. "
            "The results show that the method works well in the northern region.\n")
    data = text.encode().replace(b"{a}", "Ақмола".encode()).replace(b"{b}", "Костанайская".encode("cp1251"))
    with pytest.raises(MappingError, match="not valid UTF-8"):
        abstract.parse_bytes(data, "en.txt")
