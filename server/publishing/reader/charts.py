"""Geometry of the plots, drawn as SVG by templates/charts.html: stacked columns (a count per
year, split by a series), horizontal bars (a count per label) and a heat map (a count per row
and year). Python computes scales and positions; the template only places them.

Why by hand rather than a plotting library: three chart forms of simple bars and cells need
about a hundred lines; matplotlib's SVG has no title/desc or table fallback and adds a large
dependency, and Vega-Lite needs JavaScript in the browser. Drawing here keeps the plots
readable without JavaScript, accessible, and under the pages' CSP (no scripts, no CDN).
"""
from __future__ import annotations

import math

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
WIDTH = 720


def nice_ticks(top: int, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least `top` (1, 2 or 5 times a power of ten apart)."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(1, int(step))
    return list(range(0, int(math.ceil(top / step) * step) + 1, step))


def columns(categories: list, series: list[tuple[str, list[int]]], *, height: int = 300) -> dict:
    """Stacked columns: one per category (a year), one coloured segment per series."""
    left, right, top, bottom = 48, 12, 12, 40
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    ticks = nice_ticks(max(totals, default=0))
    scale = (height - top - bottom) / (ticks[-1] or 1)
    plot_w = WIDTH - left - right
    slot = plot_w / max(1, len(categories))
    bar_w = min(48.0, max(2.0, slot * 0.7))
    bars = []
    for i, category in enumerate(categories):
        y = height - bottom
        x = left + i * slot + (slot - bar_w) / 2
        for s, (name, values) in enumerate(series):
            v = values[i]
            if not v:
                continue
            h = v * scale
            y -= h
            bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                         "fill": PALETTE[s % len(PALETTE)], "title": f"{category}: {name} {v}"})
    every = max(1, math.ceil(len(categories) / 14))  # at most ~14 axis labels
    labels = [{"x": round(left + i * slot + slot / 2, 1), "text": str(c)}
              for i, c in enumerate(categories) if i % every == 0]
    return {"width": WIDTH, "height": height, "left": left, "right": WIDTH - right, "base": height - bottom,
            "top": top, "bars": bars, "xlabels": labels,
            "yticks": [{"y": round(height - bottom - t * scale, 1), "text": str(t)} for t in ticks],
            "legend": [{"name": name, "fill": PALETTE[s % len(PALETTE)]} for s, (name, _) in enumerate(series)]
            if len(series) > 1 else [],
            "totals": totals}


def bars(items: list[tuple[str, float]], *, unit: str = "", label_width: int = 260) -> dict:
    """Horizontal bars, one per (label, value), in the order given."""
    row, top, right = 26, 8, 56
    height = top * 2 + row * max(1, len(items))
    biggest = max((v for _, v in items), default=0) or 1
    span = WIDTH - label_width - right
    out = []
    for i, (label, value) in enumerate(items):
        out.append({"y": top + i * row, "w": round(span * value / biggest, 1), "label": label,
                    "text": f"{value:g}{unit}", "fill": PALETTE[0]})
    return {"width": WIDTH, "height": height, "x0": label_width, "row": row, "bars": out,
            "text_x": label_width - 8}


def heatmap(rows: list[str], categories: list, cells: dict[tuple[str, object], int]) -> dict:
    """A grid: one row per label, one column per category (a year), shaded by the count."""
    label_width, top, cell_h, bottom = 200, 8, 24, 36
    span = WIDTH - label_width - 8
    cell_w = min(64.0, span / max(1, len(categories)))
    biggest = max(cells.values(), default=0) or 1
    grid = []
    for r, name in enumerate(rows):
        for c, category in enumerate(categories):
            n = cells.get((name, category), 0)
            grid.append({"x": round(label_width + c * cell_w, 1), "y": top + r * cell_h, "w": round(cell_w, 1),
                         "h": cell_h, "n": n, "opacity": round(0.08 + 0.92 * n / biggest, 2) if n else 0,
                         "title": f"{name}, {category}: {n}", "show": cell_w >= 22})
    every = max(1, math.ceil(len(categories) / 14))
    return {"width": WIDTH, "height": top + cell_h * max(1, len(rows)) + bottom, "x0": label_width,
            "rows": [{"y": top + r * cell_h + cell_h / 2, "text": name} for r, name in enumerate(rows)],
            "cells": grid, "fill": PALETTE[0], "base": top + cell_h * len(rows),
            "xlabels": [{"x": round(label_width + c * cell_w + cell_w / 2, 1), "text": str(cat)}
                        for c, cat in enumerate(categories) if c % every == 0]}
