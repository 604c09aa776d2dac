"""SHA-256 of source files, remembered by their stat, so that a rebuild of ten thousand documents
does not read them all to learn that one of them changed.

An entry is a file's size, modification time, inode and change time with the hash of its bytes,
kept in the store's cache folder (`STORE/cache/.file-hashes.json`: never in the store's own
folder, where a file beside no generations reads as a bare Oxigraph database, and with a leading
dot so the cache's pruning keeps it); it is used only while all four are unchanged. As git's index
does for "racily clean" files, a hash taken less than two seconds after the file's last change is
not remembered: a second write within the file system's timestamp resolution could leave its
stat as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

NAME = ".file-hashes.json"
RACY_NS = 2_000_000_000


class FileHashes:
    def __init__(self, store: Path | str | None) -> None:
        # Only where a build made the cache: a first build's fingerprint is not remembered.
        self.path = Path(store) / "cache" / NAME if store is not None else None
        self._known: dict[str, list] = {}
        self._seen: dict[str, list] = {}
        if self.path is not None:
            try:
                known = json.loads(self.path.read_text(encoding="utf-8"))
                self._known = known if isinstance(known, dict) else {}
            except (OSError, ValueError):
                pass

    def sha256(self, path: Path, data: bytes | None = None) -> bytes:
        """The digest of `path`'s bytes (`data`, when the caller has read them already)."""
        key = os.path.abspath(path)
        st = os.stat(path)
        stat = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]
        entry = self._known.get(key)
        if isinstance(entry, list) and entry[:4] == stat:
            self._seen[key] = entry
            return bytes.fromhex(entry[4])
        digest = hashlib.sha256(Path(path).read_bytes() if data is None else data).digest()
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
            self._seen[key] = [*stat, digest.hex()]
        return digest

    def save(self) -> None:
        """Keep what was known with the entries of the files hashed since (the entries of files
        that are gone drop out). Written whole and moved into place: the server and a rebuild
        may both save."""
        if self.path is None:
            return
        entries = {k: v for k, v in self._known.items() if k in self._seen or os.path.exists(k)} | self._seen
        if entries == self._known:
            return
        tmp = self.path.with_name(f"{NAME}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(entries, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:  # a read-only store: hash every time, as before
            tmp.unlink(missing_ok=True)
