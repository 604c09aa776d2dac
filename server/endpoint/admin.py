"""Operator endpoints: /admin/reload (switch to the newest generation now, and rebuild from the
sources if they changed or `?rebuild=1`; needs the admin or update token) and /admin/status (workers
and generation, for monitoring and tests)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from dissertation_kg.server.endpoint.auth import admin_refusal
from dissertation_kg.server.endpoint.runtime import runtime

blueprint = Blueprint("admin", __name__)


@blueprint.route("/admin/reload", methods=["POST"])
def reload():
    rt = runtime()
    refusal = admin_refusal(rt.config)
    if refusal is not None:
        return refusal
    rebuild = _rebuild_on_reload()
    gen = rt.reload()
    return jsonify({"generation": gen.name, "revision": gen.revision, "rebuild": rebuild})


def _rebuild_on_reload() -> dict | None:
    """`?rebuild=1` rebuilds from the sources; otherwise only if they changed since the served
    graph was built. `?wait=SECONDS` answers once that rebuild is over (with its outcome)."""
    rebuilder = current_app.extensions.get("dkg-rebuild")
    if rebuilder is None:
        return None
    force = request.args.get("rebuild", "").lower() in ("1", "true", "yes")
    differ = None if force else rebuilder.sources_differ()
    if not force and not differ:
        reason = ("the sources are those of the served graph" if differ is False else
                  "the served generation has no build record to compare with; use `dkg reload --rebuild`")
        return {"scheduled": False, "reason": reason}
    attempt = rebuilder.request("dkg reload --rebuild" if force else "dkg reload (sources changed)", force=force)
    try:
        wait = float(request.args.get("wait", "0"))
    except ValueError:
        wait = 0.0
    outcome = rebuilder.wait(attempt, wait) if wait > 0 else None
    return {"scheduled": True, "attempt": attempt, "outcome": outcome}


@blueprint.route("/admin/status", methods=["GET"])
def status():
    rt = runtime()
    gen = rt.state.current()
    pool = rt.pool
    return jsonify({
        "generation": gen.name, "revision": gen.revision,
        "workers": pool.size, "worker_pids": pool.pids(), "busy": pool.busy(),
        "killed": pool.kills, "cache_hits": rt.cache.hits,
    })
