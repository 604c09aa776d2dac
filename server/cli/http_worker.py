"""gunicorn's threaded worker with deadlines on every connection, so slow clients cannot hold
the server.

The stock gthread worker gives a connection a thread once its first byte arrives and then
reads it with blocking calls that have no time limit: fourteen clients sending one header line
every 5 s took every thread (issue #11). Here each request gets a deadline for its head (request
line and headers) and, once the head is in, one for everything else (body, query, writing the
answer). A reaper thread shuts down the socket of any connection past its deadline, which makes
the blocked read or write fail at once and frees the thread. Hand-written because gunicorn has
no header or write timeout for threaded workers; the hooks used (handle, handle_request) are the
worker's public overridable methods.
"""
from __future__ import annotations

import socket
import threading
import time

from gunicorn.http.errors import ParseException
from gunicorn.workers.gthread import ThreadWorker
from werkzeug.exceptions import BadRequest


class _Body:
    """wsgi.input whose framing errors (a chunk size `ZZZ`, a body cut short) are the client's
    400, not the 500 of an unexpected exception deep in form or body parsing."""

    def __init__(self, raw):
        self._raw = raw

    def _call(self, name: str, *args):
        try:
            return getattr(self._raw, name)(*args)
        except ParseException as exc:
            raise BadRequest(f"the request body is malformed ({type(exc).__name__}: {exc}); check its "
                             "Content-Length or chunked encoding") from None

    def read(self, *args):
        return self._call("read", *args)

    def readline(self, *args):
        return self._call("readline", *args)

    def readlines(self, *args):
        return self._call("readlines", *args)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class DeadlineWorker(ThreadWorker):
    head_seconds = 10.0       # to send the request line and headers (after the first byte)
    request_seconds = 60.0    # for the rest: body, query, and reading the answer

    def init_process(self):
        self._deadlines: dict[int, tuple[socket.socket, float]] = {}
        self._deadline_lock = threading.Lock()
        self._local = threading.local()
        threading.Thread(target=self._reap, name="dkg-deadlines", daemon=True).start()
        super().init_process()

    def load_wsgi(self):
        super().load_wsgi()
        inner = self.wsgi

        def app(environ, start_response):
            # A request that legitimately takes long (`/admin/reload?wait=`) may say so.
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                environ["dkg.extend_deadline"] = lambda seconds: self._arm(conn, seconds)
            if "wsgi.input" in environ:
                environ["wsgi.input"] = _Body(environ["wsgi.input"])
            return inner(environ, start_response)

        self.wsgi = app

    def _arm(self, conn, seconds: float) -> None:
        with self._deadline_lock:
            self._deadlines[id(conn)] = (conn.sock, time.monotonic() + seconds)

    def _disarm(self, conn) -> None:
        with self._deadline_lock:
            self._deadlines.pop(id(conn), None)

    def handle(self, conn):
        # gunicorn first waits up to 5 s for data without committing the thread to it
        self._arm(conn, self.head_seconds + 5.0)
        try:
            return super().handle(conn)
        finally:
            self._disarm(conn)

    def handle_request(self, req, conn):
        self._arm(conn, self.request_seconds)
        self._local.conn = conn
        try:
            return super().handle_request(req, conn)
        finally:
            self._local.conn = None

    def _reap(self) -> None:
        while True:
            time.sleep(0.25)
            now = time.monotonic()
            with self._deadline_lock:
                late = [(key, sock) for key, (sock, deadline) in self._deadlines.items() if deadline < now]
                for key, _ in late:
                    del self._deadlines[key]
            for _, sock in late:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed


def worker_class(head_seconds: float, request_seconds: float) -> type:
    return type("DkgDeadlineWorker", (DeadlineWorker,),
                {"head_seconds": head_seconds, "request_seconds": request_seconds, "__module__": __name__})
