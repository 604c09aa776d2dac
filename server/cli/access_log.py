"""gunicorn's logger with the access log written by one thread.

With 64 request threads, gunicorn writes each access-log line under the handler's lock, and at
200 busy connections the threads queued on that lock held the interpreter for over 40 % of the
samples py-spy took of the serving process (more than Flask and the endpoint together). Here a
request thread only formats its line's fields and puts them on a queue; one thread per process
writes them through the same handlers, so the log, its format and reopening on SIGUSR1 stay
gunicorn's own. Lines still queued when the process exits are written at exit.

At 200 connections the log still cost the serving process 0.1-0.3 ms of CPU per answer (a bare
Flask app under this worker: 0.66-0.91 ms with it, 0.55-0.58 without). Two things cut a line
from 68-78 to 54-56 microseconds of CPU, the lines unchanged (tests/test_access_log.py): the atoms are made only from what a format without `%({…}i)`/`o`/`e` atoms can
use (gunicorn copies and escapes every request header, response header and environ entry into
each line's atoms), and the writer writes every line waiting in one go with one flush
(logging's StreamHandler flushes after each line: one system call per request).
"""
from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import traceback

from gunicorn.glogging import Logger

_STOP = object()
_BATCH = 512
# What gunicorn's atoms() reads from the environ for the atoms that name no header or variable.
_PLAIN_ENVIRON = ("REMOTE_ADDR", "REQUEST_METHOD", "RAW_URI", "SERVER_PROTOCOL", "PATH_INFO", "QUERY_STRING",
                  "HTTP_REFERER", "HTTP_USER_AGENT", "HTTP_AUTHORIZATION")


class _Sent:
    """The response as atoms() reads it, without its headers."""

    __slots__ = ("status", "sent", "headers")

    def __init__(self, resp):
        self.status, self.sent, self.headers = resp.status, getattr(resp, "sent", None), ()


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
            if "%({" in self.cfg.access_log_format:
                atoms = self.atoms(resp, req, environ, request_time)
            else:
                atoms = self.atoms(_Sent(resp), (), {k: environ[k] for k in _PLAIN_ENVIRON if k in environ},
                                   request_time)
            atoms = self.atoms_wrapper_class(atoms)
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
            batch = [q.get()]
            while len(batch) < _BATCH:
                try:
                    batch.append(q.get_nowait())
                except queue.Empty:
                    break
            stop = _STOP in batch
            try:
                self._emit([atoms for atoms in batch if atoms is not _STOP])
            except Exception:  # noqa: BLE001
                self.error(traceback.format_exc())
            if stop:
                return

    def _emit(self, batch: list) -> None:
        """What access_log.info(format, atoms) does for each, with one flush per stream handler."""
        log = self.access_log
        if not batch or not log.isEnabledFor(logging.INFO):
            return
        records = [log.makeRecord(log.name, logging.INFO, __file__, 0, self.cfg.access_log_format, (atoms,), None)
                   for atoms in batch]
        if log.propagate or log.filters:  # not how gunicorn sets it up: let logging do it all
            for record in records:
                log.handle(record)
            return
        for handler in list(log.handlers):
            if type(handler) not in (logging.StreamHandler, logging.FileHandler) or handler.stream is None:
                for record in records:
                    if record.levelno >= handler.level:
                        handler.handle(record)
                continue
            with handler.lock:
                for record in records:
                    if record.levelno >= handler.level and handler.filter(record):
                        try:
                            handler.stream.write(handler.format(record) + handler.terminator)
                        except Exception:  # noqa: BLE001 - as StreamHandler.emit does
                            handler.handleError(record)
                try:
                    handler.stream.flush()
                except Exception:  # noqa: BLE001
                    handler.handleError(records[-1])

    @staticmethod
    def _drain(q: queue.SimpleQueue, writer: threading.Thread) -> None:
        q.put(_STOP)
        writer.join(5)
