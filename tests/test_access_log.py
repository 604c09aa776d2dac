"""The serving process's access log (server/cli/access_log.py): written by one thread, in
batches, from atoms made only of what the format uses, and still exactly gunicorn's lines."""
from __future__ import annotations

import datetime
import time

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from dissertation_kg.server.cli.access_log import QueuedAccessLogger


class _Resp:
    status = "200 OK"
    sent = 1234
    headers = [("Content-Type", "application/sparql-results+json"), ("ETag", '"abc"'), ("X-Cache", "hit")]


class _Req:
    headers = [("HOST", "127.0.0.1:8000"), ("ACCEPT", "application/sparql-results+json"),
               ("USER-AGENT", 'curl "quoted"'), ("X-TRACE", "t-1")]


def _environ(i: int) -> dict:
    return {"REMOTE_ADDR": f"127.0.0.{i % 250 + 1}", "REQUEST_METHOD": "GET", "RAW_URI": f"/sparql?query=q{i}",
            "SERVER_PROTOCOL": "HTTP/1.1", "PATH_INFO": "/sparql", "QUERY_STRING": f"query=q{i}",
            "HTTP_USER_AGENT": 'curl "quoted"', "HTTP_REFERER": "http://example.org/", "HTTP_X_TRACE": "t-1",
            "HTTP_AUTHORIZATION": "Basic dXNlcjpwdw==", "wsgi.url_scheme": "http", "SERVER_NAME": "localhost"}


def _lines(logger_class, fmt: str, path, n: int) -> list[str]:
    cfg = Config()
    cfg.set("accesslog", str(path))
    if fmt:
        cfg.set("access_log_format", fmt)
    log = logger_class(cfg)
    log.now = lambda: "[29/Nov/2026:09:00:00 +0000]"  # one clock for both loggers
    took = datetime.timedelta(microseconds=1500)
    for i in range(n):
        log.access(_Resp(), _Req(), _environ(i), took)
    if isinstance(log, QueuedAccessLogger):
        end = time.monotonic() + 10
        while log._queue is not None and not log._queue.empty() and time.monotonic() < end:
            time.sleep(0.01)
        time.sleep(0.2)  # the batch taken off the queue is being written
    for handler in log.access_log.handlers:
        handler.flush()
    return path.read_text().splitlines()


@pytest.mark.parametrize("fmt", [
    "",  # gunicorn's default: no header atoms, so the short atoms are used
    '%(h)s %(u)s "%(r)s" %(s)s %(b)s %(B)s %(m)s %(U)s %(q)s %(H)s %(T)s %(D)s %(M)s %(L)s "%(a)s" "%(f)s"',
    '%(h)s "%(r)s" %(s)s %({x-trace}i)s %({etag}o)s %({server_name}e)s %({missing}i)s',
])
def test_the_lines_are_gunicorns_own(tmp_path, fmt):
    ours = _lines(QueuedAccessLogger, fmt, tmp_path / "ours.log", 300)
    theirs = _lines(Logger, fmt, tmp_path / "theirs.log", 300)
    assert len(ours) == 300 and ours == theirs, (ours[:2], theirs[:2])
    if "%(u)s" in (fmt or Config().access_log_format):
        assert " user " in ours[0], ours[0]  # read from the Authorization header, which the short atoms keep
