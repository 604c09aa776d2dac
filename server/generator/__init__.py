"""The synthetic corpus: realistic kk/ru/en abstracts with their ground truth, for scale tests and
for scoring the mappers (`dkg generate`, `scripts/eval_mappers.py`).

May import: nothing else in `server` (it writes text files; it must not share code with the
mappers it is used to test).
"""
