"""Curation: what curators run on the ontology and vocabularies, and the loop that rebuilds the
served graph when they edit them.

`check` (OWL 2 DL, reasoner, ROBOT-style report, agreement with the mappers), `diff` (two
versions), `formatting` (canonical Turtle), `deprecation` (uses of deprecated terms), and the
curators' loop: `watch` notices edits, `source_gate` refuses broken ones before a build,
`rebuild` runs `rebuild_job` in a child process and switches the served generation;
`candidates` is the queue of unknown names and the promote / dismiss decisions.

May import: `build`, `store`, `config`, `processes`, `mappings`. Never `cli`, `endpoint` or
`publishing`.
"""
