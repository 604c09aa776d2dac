"""The `dkg` command line. Each command group lives in its own module (thin: parse options, call
the package that does the work, print); this file only gathers them. Nothing imports `cli`."""
from __future__ import annotations

import importlib

import click

# Modules that define a click command or group named `command`.
_COMMAND_MODULES = [
    "dissertation_kg.server.cli.build",      # build, map, validate
    "dissertation_kg.server.cli.query",      # query
    "dissertation_kg.server.cli.search",     # search
    "dissertation_kg.server.cli.generate",   # generate
    "dissertation_kg.server.cli.serve",      # serve, reload
    "dissertation_kg.server.cli.candidates", # candidates, promote
    "dissertation_kg.server.cli.ontology",   # ontology check|docs|diff|format
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dissertation-kg")
def main() -> None:
    """dissertation-kg: a knowledge graph of doctoral dissertation abstracts."""


for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a sub-command not written yet
        if exc.name != _name:
            raise
        continue
    for _cmd in getattr(_module, "COMMANDS", []):
        main.add_command(_cmd)


