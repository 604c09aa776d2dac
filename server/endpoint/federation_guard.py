"""Which outgoing requests a SPARQL request may make the server send.

pyoxigraph follows `SERVICE <url>` and `LOAD <url>` with its own HTTP client: no timeout, no
allow-list, so anyone who can query could make the server fetch any URL (SSRF). Both are refused
unless the endpoint is in the configured allow-list; allowed SERVICE calls are bounded by the
worker time limit (see executor.py), because the HTTP client itself has none.
"""
from __future__ import annotations

from dataclasses import dataclass

from dissertation_kg.server.endpoint.sparql_scan import Scan


class ServiceRefused(ValueError):
    """The request reaches an endpoint that is not allowed; the message names it."""


# This endpoint's own full-text search: evaluated locally (search_pattern.py) before the guard
# runs, never fetched, so it needs no place in the allow-list.
LOCAL_SERVICES = ("https://w3id.org/dissertation-kg/search",)


@dataclass(frozen=True)
class ServiceGuard:
    allowed: tuple[str, ...] = ()
    local: tuple[str, ...] = LOCAL_SERVICES

    def _is_allowed(self, iri: str | None) -> bool:
        # Exact match: a prefix rule would let `http://allowed.example.evil.com` through.
        return iri is not None and iri in self.allowed

    def _hint(self) -> str:
        if not self.allowed:
            return "this endpoint allows no outgoing requests; start `dkg serve --allow-service URL` to allow one"
        return "allowed endpoints: " + ", ".join(self.allowed)

    def check(self, sc: Scan) -> list[str]:
        """The allowed SERVICE endpoints the request calls (empty when none); raise
        ServiceRefused when it calls or loads anything else."""
        used = []
        for keyword, verb in (("SERVICE", "SERVICE"), ("LOAD", "LOAD")):
            for tok, iri in sc.iris_after(keyword):
                if iri is None:
                    what = tok.text if tok is not None else "nothing"
                    raise ServiceRefused(
                        f"{verb} {what} is refused: the target must be a literal IRI from the allow-list "
                        f"(a variable or unknown prefix could reach any URL); {self._hint()}."
                    )
                if verb == "SERVICE" and iri in self.local:
                    continue  # not an outgoing request
                if not self._is_allowed(iri):
                    raise ServiceRefused(f"{verb} <{iri}> is refused: {self._hint()}.")
                used.append(iri)
        return used
