"""Publishing: what people and crawlers read besides the SPARQL endpoint.

`linked_data` (every minted IRI dereferences, HTML or RDF), `reader/` (what a reader sees above
the statements of a work or an entity, and /statistics), `ontology_docs` (the ontology as
pages), `void` (VoID), `dumps` (N-Quads, TriG, gzip), `ui` (YASGUI at /), `status` (what is
served, the last rebuild), `served` (the store a request reads), `rdf_negotiation`,
`search_page` (/search) and `hit_reasons` (why a hit matched, in the reader's language);
`templates/` and `static/` are theirs.

May import: `endpoint` (its runtime and plain errors), `search` (/search), `store`, `config`, `mappings`. Never
`cli`, `build` or `curation`.
"""
