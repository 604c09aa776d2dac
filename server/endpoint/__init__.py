"""The SPARQL endpoint: HTTP in, standards-exact answers out.

`protocol` (SPARQL 1.1 Protocol, /sparql), `graph_store` (Graph Store HTTP Protocol, /store),
`service_description`, `admin` (reload); how a request is run: `executor` (killable worker
processes, the time limit, the heavy lane), `cost_estimate` and `heavy_shapes` (which queries go to
the heavy lane), `runtime` (the per-app pool, cache and guard), `result_cache`,
`federation_guard` and `sparql_scan` (what SERVICE and LOAD may reach), `negotiation`, `compression`,
`conditional` (ETag / Last-Modified), `auth` (update tokens and plain-text errors).

May import: `search` (the SERVICE search pattern), `store`, `config`, `processes`, `mappings`. Never `cli`, `build`, `curation` or
`publishing`.
"""
