"""The store seam: everything above this package talks to a `GraphStore`, never to Oxigraph.

`location` is where an embedded store lives on disk (generations, the atomic switch);
`engines` holds the `GraphStore` interface, the embedded `OxigraphStore` and `RemoteStore` for
any SPARQL 1.1 engine, and `open_store` to pick one; `state` follows which generation is
served, for a running server.

May import: `mappings` only. Everything else in `server` may import this package.
"""
