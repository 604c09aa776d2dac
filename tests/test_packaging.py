"""The first install prints no setuptools warnings: every folder that ships data files (templates,
static files, vocabularies) is a package of its own in pyproject.toml, so setuptools never finds
an importable-looking folder that the `packages` list leaves out (BuildBackendWarning)."""
from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [Path(line) for line in out.splitlines()]


def _dotted(folder: Path, package_dir: dict[str, str]) -> str | None:
    """The package name setuptools gives `folder` (relative to the project), or None outside the mapped roots."""
    for name, root in sorted(package_dir.items(), key=lambda kv: -len(kv[1])):
        try:
            rest = folder.relative_to(root)
        except ValueError:
            continue
        return ".".join([name, *rest.parts]) if rest.parts else name
    return None


def test_every_folder_with_data_files_is_a_listed_package():
    config = _setuptools_config()
    packages = set(config["packages"])
    missing = set()
    for path in _tracked_files():
        if path.suffix == ".py" or "tests" in path.parts[:1]:
            continue
        dotted = _dotted(path.parent, config["package-dir"])
        if dotted is None or not all(part.isidentifier() for part in dotted.split(".")):
            continue
        if dotted not in packages and dotted.rsplit(".", 1)[0] in packages:
            missing.add(dotted)
    assert not missing, (f"folders with data files are absent from [tool.setuptools] packages in pyproject.toml, "
                         f"so pip prints a BuildBackendWarning for each: {sorted(missing)}; add them there and "
                         "give them a package-data entry")


def test_every_listed_package_ships_its_data_files():
    config = _setuptools_config()
    package_data = config.get("package-data", {})
    for path in _tracked_files():
        if path.suffix in (".py", "") or path.name.startswith("."):
            continue
        dotted = _dotted(path.parent, config["package-dir"])
        if dotted not in config["packages"] or dotted not in package_data:
            continue
        patterns = package_data[dotted]
        assert any(path.relative_to(path.parent).match(p.replace("**/", "")) or p in ("*", "**/*") for p in patterns), \
            f"{path} is not matched by package-data[{dotted!r}] = {patterns} in pyproject.toml; add its pattern"
