"""Operator endpoints: /admin/reload (switch to the newest generation now; needs the update
token) and /admin/status (workers and generation, for monitoring and tests)."""
from __future__ import annotations

from flask import Blueprint, jsonify

from .auth import write_refusal
from .runtime import runtime

blueprint = Blueprint("admin", __name__)


@blueprint.route("/admin/reload", methods=["POST"])
def reload():
    rt = runtime()
    refusal = write_refusal(rt.config)
    if refusal is not None:
        return refusal
    gen = rt.reload()
    return jsonify({"generation": gen.name, "revision": gen.revision})


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
