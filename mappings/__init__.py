"""Turn dissertation abstracts (Kazakh, Russian, English) into RDF.

Data flows one way: file bytes → text (``extract``: PDF, Word, plain text; ``reflow`` mends what
extraction leaves) → language (``language``) → sections (``headings``, ``sections``) → items and
metadata (``lists``, ``metadata``) → RDF (``rdf``, ``linking``, ``ntriples``).
"""

# Part of every cache key: bump it when a change alters what any document maps to.
MAPPER_VERSION = "0.4.1"
