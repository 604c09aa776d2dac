"""`dkg generate`: a synthetic corpus for scale tests of the mappers and the build."""
from __future__ import annotations

import time
from pathlib import Path

import click

from dissertation_kg.server.generator.corpus import generate_corpus


@click.command()
@click.option("--count", "-n", type=click.IntRange(min=1), required=True, help="How many abstract files to write.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, byte-identical output.")
@click.option("--unlisted", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of translated works left out of manifest.toml, to score automatic pairing.")
@click.option("--opaque-names", is_flag=True, help="Name files like the seeds (000_bb0b176a7e172258.txt), not 0001_en.txt.")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
def generate(count: int, seed: int, unlisted: float, opaque_names: bool, out_dir: Path) -> None:
    """Write COUNT synthetic dissertation abstracts (kk, ru, en) into OUT_DIR.

    Alongside the .txt files: manifest.toml (which files are translations of one work) and
    expected.jsonl (the ground truth per file: language, work, kind, counts of provisions,
    tasks and novelty points, specialty, author, headings, section spans).
    """
    if out_dir.exists() and any(p.suffix == ".txt" for p in out_dir.iterdir()):
        raise click.UsageError(
            f"{out_dir} already holds .txt files; choose an empty or new folder so the corpus "
            "and its manifest.toml/expected.jsonl stay consistent."
        )
    started = time.perf_counter()
    summary = generate_corpus(out_dir, count, seed, unlisted=unlisted, opaque_names=opaque_names)
    took = time.perf_counter() - started
    langs = ", ".join(f"{k} {v}" for k, v in summary.languages.items())
    click.echo(
        f"wrote {summary.files} files ({langs}) for {summary.works} works "
        f"({summary.translated_works} with translations, {summary.articles} journal articles) "
        f"to {out_dir} in {took:.1f} s"
    )


COMMANDS = [generate]
