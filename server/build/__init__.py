"""The build: a corpus folder → mapped, validated quads → a new generation of the store.

`pipeline` parses, maps and validates in one process per core and bulk-loads the generation;
`shacl` validates one document's graph; `record` writes what each build did (for `dkg build`,
`/status` and the curators' loop).

May import: `search` (to index each generation), `store`, `mappings`. Never `cli`, `curation`, `endpoint` or `publishing`.
"""
