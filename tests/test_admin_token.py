"""`dkg reload` beside `make serve`: a server started without a token writes one into its store
(mode 0600), and `dkg reload` reads it when it talks to a local server. The file only allows
reloading: writes stay disabled until an update token is configured."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import requests

from endpoint_server import Server, make_generation


def _dkg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    return subprocess.run([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=cwd)


def test_reload_beside_a_server_started_without_a_token(tmp_path):
    root = tmp_path / "store"
    make_generation(root, "g1")
    srv = Server(root, token=None)
    try:
        token_file = root / "admin-token"
        assert token_file.is_file(), srv.read_log()
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        done = _dkg("reload", "--url", srv.url, "--store", str(root))
        assert done.returncode == 0, done.stderr
        assert "serving generation g1" in done.stdout
        # the default store (.dkg/store) is read relative to where `dkg reload` runs, as `make serve` uses it
        (tmp_path / ".dkg").mkdir()
        (tmp_path / ".dkg" / "store").symlink_to(root)
        assert _dkg("reload", "--url", srv.url, cwd=tmp_path).returncode == 0
        # the token reloads, it does not write
        r = requests.post(srv.sparql, data={"update": "CLEAR ALL"},
                          headers={"Authorization": f"Bearer {token_file.read_text().strip()}"}, timeout=60)
        assert r.status_code == 403
        wrong = _dkg("reload", "--url", srv.url, "--token", "wrong")
        assert wrong.returncode != 0 and "403" in wrong.stderr
    finally:
        srv.stop()


def test_reload_without_any_token_says_what_to_do(tmp_path):
    done = _dkg("reload", "--url", "http://127.0.0.1:9/", "--store", str(tmp_path / "nowhere"))
    assert done.returncode != 0
    assert "admin-token" in done.stderr and "--token" in done.stderr
