"""Full-text and concept search over the graph, in Kazakh, Russian and English.

`analysis` turns text into per-language stems (Snowball for English and Russian, the project's
Kazakh suffix rules for Kazakh); `extract` reads every text, vocabulary label and linked mention
out of any `GraphStore` with SPARQL (so the same code indexes an embedded or a remote store);
`index` writes and reads the SQLite FTS5 index (BM25, snippets, the reasons a work matched);
`sparql_service` evaluates `SERVICE <https://w3id.org/dissertation-kg/search> { … }` blocks of a
query and hands the rest, with the hits as VALUES, to the store.

May import: `store` and `mappings` only. `build`, `endpoint`, `publishing`, `app` and `cli`
may import this package.
"""
