"""gunicorn's logger with the access log written by one thread.

With 64 request threads, gunicorn writes each access-log line under the handler's lock, and at
200 busy connections the threads queued on that lock held the interpreter for over 40 % of the
samples py-spy took of the serving process (more than Flask and the endpoint together). Here a
request thread only formats its line's fields and puts them on a queue; one thread per process
writes them through the same handlers, so the log, its format and reopening on SIGUSR1 stay
gunicorn's own. Lines still queued when the process exits are written at exit.
"""
from __future__ import annotations

import atexit
import os
import queue
import threading
import traceback

from gunicorn.glogging import Logger

_STOP = object()


class QueuedAccessLogger(Logger):
    def __init__(self, cfg):
        super().__init__(cfg)
        self._queue: queue.SimpleQueue | None = None
        self._writer_pid = None
        self._start_lock = threading.Lock()

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            atoms = self.atoms_wrapper_class(self.atoms(resp, req, environ, request_time))
        except Exception:  # noqa: BLE001 - as gunicorn does: a log line never fails a request
            self.error(traceback.format_exc())
            return
        self._writer_queue().put(atoms)

    def _writer_queue(self) -> queue.SimpleQueue:
        # Started in the process that logs (threads do not survive gunicorn's fork).
        pid = os.getpid()
        if self._writer_pid != pid:
            with self._start_lock:
                if self._writer_pid != pid:
                    q: queue.SimpleQueue = queue.SimpleQueue()
                    writer = threading.Thread(target=self._write, args=(q,), name="dkg-access-log", daemon=True)
                    writer.start()
                    atexit.register(self._drain, q, writer)
                    self._queue, self._writer_pid = q, pid
        return self._queue

    def _write(self, q: queue.SimpleQueue) -> None:
        while True:
            atoms = q.get()
            if atoms is _STOP:
                return
            try:
                self.access_log.info(self.cfg.access_log_format, atoms)
            except Exception:  # noqa: BLE001
                self.error(traceback.format_exc())

    @staticmethod
    def _drain(q: queue.SimpleQueue, writer: threading.Thread) -> None:
        q.put(_STOP)
        writer.join(5)
