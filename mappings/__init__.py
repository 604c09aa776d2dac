"""Turn dissertation abstracts (Kazakh, Russian, English) into RDF.

Data flows one way: bytes → text (``text``) → language (``language``) → sections
(``sections``) → items and metadata (``lists``, ``metadata``) → RDF (``rdf``).
"""

MAPPER_VERSION = "0.1.0"
