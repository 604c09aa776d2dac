"""Pairing translations: the manifest's rules and the evidence used without one."""
from __future__ import annotations

import pytest

from dissertation_kg.mappings import pairing
from dissertation_kg.mappings.errors import MappingError


@pytest.mark.parametrize("a,b", [("Сейтқали Ерлан", "Seitkali Erlan"), ("Сейтқали", "Seytqali"),
                                 ("Жумабекова Айгерим", "Zhumabekova Aigerim"), ("Хасенов", "Khassenov"),
                                 ("Утегенова-Наварро Асель", "Utegenova-Navarro Assel"), ("Ұлықбек", "Ulykbek")])
def test_surname_key_is_the_same_across_scripts(a, b):
    assert pairing.name_key(a) == pairing.name_key(b)


def test_different_surnames_differ():
    assert pairing.name_key("Жумабекова") != pairing.name_key("Сейтқали")


@pytest.mark.parametrize("text,problem", [
    ('[[work]]\nid = "x"\nfiles = ["a.txt"\n', "not valid TOML"),
    ('[[work]]\nid = "has space"\nfiles = ["a.txt"]\n', "needs an `id`"),
    ('[[work]]\nid = "x"\nfiles = "a.txt"\n', "needs `files`"),
    ('[[work]]\nid = "x"\nfiles = ["a.txt"]\n[[work]]\nid = "y"\nfiles = ["a.txt"]\n', "listed under two works"),
])
def test_manifest_errors_name_the_file_and_the_fix(tmp_path, text, problem):
    (tmp_path / "manifest.toml").write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as err:
        pairing.read_manifest(tmp_path)
    assert str(err.value).startswith(str(tmp_path / "manifest.toml"))
    assert problem in str(err.value)


def test_manifest_maps_files_to_works(tmp_path):
    (tmp_path / "manifest.toml").write_text('[[work]]\nid = "w1"\nfiles = ["a.txt", "b.txt"]\n', encoding="utf-8")
    assert pairing.read_manifest(tmp_path) == {"a.txt": "w1", "b.txt": "w1"}
    assert pairing.read_manifest(tmp_path / "nowhere") == {}
