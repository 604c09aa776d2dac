"""Apache Jena's command-line tools from Debian's libapache-jena-java, which ships the jars but
no `riot` script: the class path is read from dpkg (the package and the Java libraries it depends
on), and one packaging fault is worked around (below)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

PACKAGE = "libapache-jena-java"
JAVA_DIR = "/usr/share/java/"


def _dpkg(*args: str) -> str:
    return subprocess.run(["dpkg-query", *args], capture_output=True, text=True).stdout


def installed() -> bool:
    return shutil.which("java") is not None and shutil.which("dpkg-query") is not None \
        and "install ok installed" in _dpkg("-W", "-f=${Status}", PACKAGE)


def _depends(package: str) -> list[str]:
    field = _dpkg("-W", "-f=${Depends}", package)
    names = [re.split(r"[\s(:]", alt.split("|")[0].strip())[0] for alt in field.split(",") if alt.strip()]
    return [n for n in names if n.endswith("-java")]


def class_path(workdir: Path) -> str:
    jars = []
    for package in [PACKAGE, *_depends(PACKAGE)]:
        for path in _dpkg("-L", package).split():
            name = Path(path).name
            if not (path.startswith(JAVA_DIR) and name.endswith(".jar")) or re.search(r"-\d[\w.]*\.jar$", name):
                continue  # versioned names are symlinks to the unversioned ones
            # exactly one SLF4J binding, or SLF4J refuses to start
            if ("slf4j" in name and name not in ("slf4j-api.jar", "slf4j-simple.jar")) or name.startswith("log4j"):
                continue
            jars.append(path)
    return ":".join([str(_xerces_messages(workdir)), *jars])


def _xerces_messages(workdir: Path) -> Path:
    """Debian's jena-core moves Jena's embedded Xerces classes to the package `xerces` but leaves
    their message bundles under org/apache/jena/ext/xerces/, so initialising the XSD datatypes
    fails ("internal error" in XSSimpleTypeDecl.applyFacets1). Put the bundles where the classes
    look for them, in a folder ahead of the jars."""
    out = workdir / "jena-xerces-messages"
    if not out.is_dir():
        prefix = "org/apache/jena/ext/xerces/"
        with zipfile.ZipFile(JAVA_DIR + "jena-core.jar") as jar:
            for name in jar.namelist():
                if name.startswith(prefix) and name.endswith(".properties"):
                    target = out / "xerces" / name[len(prefix):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(name))
    return out


def riot_validate(files: list[Path], workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["java", "-cp", class_path(workdir), "riotcmd.riot", "--validate", *map(str, files)],
                          capture_output=True, text=True, timeout=600)
