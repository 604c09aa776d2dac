"""The compiled vocabularies kept on disk between processes.

Compiling the vocabularies (parsing their Turtle, reading every label word with pymorphy3) costs
seconds, and every process that links pays it: each `dkg map`, each build worker. The result
depends only on the vocabulary files, the code that compiles them and the pymorphy3 dictionary,
so it is stored once under a key made of all three, in the user's cache folder
(`~/.cache/dissertation-kg/lexicon/`, or `DKG_LEXICON_CACHE`; `DKG_LEXICON_CACHE=off` turns it
off). A changed vocabulary or mapper gives a new key; a file that cannot be read is compiled
again. The pickle is read only from that folder, which is the user's own, as the build cache's
pickles are.

Beside the lexicons, each vocabulary word's key (`label-keys/`, one file per version of the code):
a curator's edit gives a new lexicon, but reading tens of thousands of Russian label words with
pymorphy3 again was most of its compile (2.8 s of 5 with the Turtle parse, against 0.7 s now).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

# the modules whose code decides what a compiled lexicon holds
_CODE = ("linking.py", "morphology.py", "method_context.py", "self_named.py", "vocabulary.py",
         "name_shapes.py")


def _folder() -> Path | None:
    setting = os.environ.get("DKG_LEXICON_CACHE", "")
    if setting.lower() in ("off", "0", "no"):
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "dissertation-kg" / "lexicon"


def _code_digest() -> bytes:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.digest()


# Read once, as the process imports the mappers (linking imports this module): a long-running
# process whose code was edited on disk since must not store what its old code compiles under
# the new code's key, where every later process would read it.
_CODE_DIGEST = _code_digest()


def key(directory: Path) -> str:
    import pymorphy3

    h = hashlib.sha256()
    h.update(_CODE_DIGEST)
    for path in sorted(directory.glob("*.ttl")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update(getattr(pymorphy3, "__version__", "").encode())
    return h.hexdigest()[:32]


def cached(directory: Path, compile: Callable[[], T]) -> T:
    """`compile()`'s result for the vocabularies in `directory`, from disk when it was stored."""
    folder = _folder()
    if folder is None:
        return compile()
    path = folder / f"{key(directory)}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = compile()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # written under another name and moved into place, so a reader never sees half a file
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        _prune(folder)
    except OSError:
        pass   # a read-only home: compile every time, as before
    return value


def _label_keys_path() -> Path | None:
    import pymorphy3

    folder = _folder()
    if folder is None:
        return None
    h = hashlib.sha256(_CODE_DIGEST + getattr(pymorphy3, "__version__", "").encode()).hexdigest()[:32]
    return folder / "label-keys" / f"{h}.pickle"


_KEEP_KEYS = 4


def label_keys() -> dict[tuple[str, str], str]:
    """Each vocabulary word's key as an earlier compile under this code made it (empty when none
    did): an edit to a vocabulary changes its lexicon's key, but not most of its words' keys."""
    path = _label_keys_path()
    if path is not None:
        try:
            with path.open("rb") as f:
                keys = pickle.load(f)
            if isinstance(keys, dict):
                return keys
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    return {}


def keep_label_keys(keys: dict[tuple[str, str], str]) -> None:
    path = _label_keys_path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump(keys, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        # made by other code (another working copy sharing the folder, or an older version)
        stored = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[_KEEP_KEYS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


_KEEP = 8   # lexicons of earlier vocabularies kept (a curator switching working copies)


def _prune(folder: Path) -> None:
    stored = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stored[_KEEP:]:
        old.unlink(missing_ok=True)
