"""Serialized results of identical requests, kept while the graph does not change.

The key holds the generation and its write count, so a rebuild or a write makes old entries
unreachable (they age out of the LRU); nothing needs explicit invalidation.
"""
from __future__ import annotations

import threading
from collections import OrderedDict


class ResultCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // 16
        self._data: OrderedDict[tuple, tuple[str, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: tuple) -> tuple[str, bytes] | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
                self.hits += 1
            return hit

    def put(self, key: tuple, media_type: str, body: bytes) -> None:
        if len(body) > self.max_entry:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            self._data[key] = (media_type, body)
            self._size += len(body)
            while self._size > self.max_bytes and self._data:
                _, (_, dropped) = self._data.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._size = 0
