"""Operator endpoints: /admin/reload (switch to the newest generation now, and rebuild from the
sources if they changed or `?rebuild=1`; needs the admin or update token) and /admin/status (workers
and generation, for monitoring and tests; worker process ids only with the update token)."""
from __future__ import annotations

import math

from flask import Blueprint, current_app, jsonify, request

from dissertation_kg.server.endpoint.auth import _plain, admin_refusal, write_refusal
from dissertation_kg.server.endpoint.runtime import runtime

blueprint = Blueprint("admin", __name__)


@blueprint.route("/admin/reload", methods=["POST"])
def reload():
    rt = runtime()
    refusal = admin_refusal(rt.config)
    if refusal is not None:
        return refusal
    rebuild = _rebuild_on_reload(_wait_seconds())
    gen = rt.reload()
    return jsonify({"generation": gen.name, "revision": gen.revision, "rebuild": rebuild})


_MAX_WAIT = 3600.0


class BadRequest(ValueError):
    pass


def _wait_seconds() -> float:
    raw = request.args.get("wait", "0")
    try:
        wait = float(raw)
    except ValueError:
        raise BadRequest(f"wait={raw!r} is not a number of seconds; give e.g. wait=600") from None
    if not math.isfinite(wait) or wait < 0 or wait > _MAX_WAIT:
        raise BadRequest(f"wait={raw!r} is out of range; give a number of seconds from 0 to {_MAX_WAIT:g}")
    return wait


@blueprint.errorhandler(BadRequest)
def _bad_request(exc: BadRequest):
    return _plain(400, str(exc))


def _rebuild_on_reload(wait: float) -> dict | None:
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
    if wait > 0:
        extend = request.environ.get("dkg.extend_deadline")
        if extend is not None:  # the HTTP layer's deadline would cut the wait short
            extend(wait + 30)
    outcome = rebuilder.wait(attempt, wait) if wait > 0 else None
    return {"scheduled": True, "attempt": attempt, "outcome": outcome}


@blueprint.route("/admin/status", methods=["GET"])
def status():
    """Anyone may see whether the server is up and busy; process ids only with the token."""
    rt = runtime()
    gen = rt.state.current()
    pool = rt.pool
    body = {"generation": gen.name, "revision": gen.revision, "workers": pool.size, "busy": pool.busy(),
            "killed": pool.kills, "jobs": pool.jobs, "cache_hits": rt.cache.hits,
            "coalesced": rt.flights.followed,
            "heavy_lane": {"workers": pool.heavy_workers, "busy": pool.heavy_running, "waiting": pool.heavy_waiting(),
                           "queue": pool.heavy_queue, "jobs": pool.heavy_jobs, "cost": rt.config.heavy_cost,
                           "seconds": rt.config.heavy_seconds, "heavy_shapes": rt.history.count_heavy()}}
    if rt.config.update_token is not None and write_refusal(rt.config) is None:
        body["worker_pids"] = pool.pids()
        body["estimator_pids"] = rt.estimator.pids()  # the processes parsing cost estimates (estimator.py)
    return jsonify(body)
