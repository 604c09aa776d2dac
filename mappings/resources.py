"""Where the project's own files are, whether run from a clone (editable install) or a wheel."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path


def _package_dir(name: str) -> Path:
    # The data folders are namespace packages (no __init__.py); their spec still knows where
    # they live, in a clone and in site-packages alike.
    spec = importlib.util.find_spec(f"dissertation_kg.{name}")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"dissertation_kg.{name} is not installed; run `pip install -e .` in the project folder"
        )
    return Path(list(spec.submodule_search_locations)[0])


def ontology_dir() -> Path:
    # DKG_ONTOLOGY points every reader (build, checks, linker, pages) at another ontology folder,
    # e.g. a curator's working copy; `--ontology DIR` on dkg build/serve sets it.
    override = os.environ.get("DKG_ONTOLOGY")
    if override:
        return Path(override)
    return _package_dir("ontology")


def queries_dir() -> Path:
    return _package_dir("queries")


def seeds_dir() -> Path:
    return _package_dir("seeds")
