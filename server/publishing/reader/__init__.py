"""Pages made for the genre: what a reader sees above a resource's raw statements.

`work` (a dissertation read as one: metadata, provisions, tasks and novelty points side by side
in every language of the work), `entity` (a theory, method, actor or initiative: its labels,
the works and parts that mention it, what co-occurs with it, works per year), `statistics`
(the overview of plots at /statistics), `charts` (SVG geometry for the plots), `words` (the
pages' own words in en, ru, kk), `sparql` (the shared prefixes and a work's year).

Every figure comes from SPARQL over the served store (embedded or remote). Labels are looked up
by a function the caller passes in (linked_data.labels_for), so this package imports nothing
that imports it back.
"""
