"""Loading a generation through Virtuoso's own bulk loader (`ld_dir` + `rdf_loader_run`, run by
`isql`), for corpora where one Graph Store request per graph is too slow.

The quads are written, already under the generation's graph names, to one N-Quads file in
DKG_STORE_LOAD_DIR (a folder the Virtuoso server may read: its DirsAllowed), registered with
`ld_dir` and loaded with `rdf_loader_run`; then `checkpoint` makes the load durable, and the
loader's own table (DB.DBA.LOAD_LIST) is checked for errors and cleaned of the file. The pointer
guarantees are those of the Graph Store path: the manifest is loaded first (by the caller), the
pointer moves only after this returns, and a load killed halfway leaves graphs the next build
drops.

`isql-vt` (Debian's name) or `isql` is run as a process: Virtuoso's loader functions are SQL
procedures, which no SPARQL or HTTP interface of the open-source server calls.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.spec import RemoteSpec

LOAD_TIMEOUT = 6 * 3600.0


def _isql(spec: RemoteSpec, sql: str, timeout: float = LOAD_TIMEOUT) -> str:
    exe = shutil.which("isql-vt") or shutil.which("isql")
    if exe is None:
        raise StoreError("DKG_STORE_ISQL is set but no isql program was found (Debian: isql-vt, in "
                         "virtuoso-opensource); install it or unset DKG_STORE_ISQL to load by Graph Store Protocol")
    user = spec.isql_user or spec.user or "dba"
    password = spec.isql_password or spec.password or ""
    try:
        out = subprocess.run([exe, spec.isql, user, password], input=sql, capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StoreError(f"Virtuoso's bulk loader did not finish within {timeout:g} s (isql {spec.isql})") from None
    text = out.stdout + out.stderr
    if out.returncode != 0 or "*** Error" in text:
        lines = [line for line in text.splitlines() if "Error" in line or "error" in line][:5]
        raise StoreError(f"isql at {spec.isql} failed ({out.returncode}): {' | '.join(lines) or text[-500:]}. Check "
                         "DKG_STORE_ISQL, DKG_STORE_ISQL_USER / DKG_STORE_ISQL_PASSWORD, and that DKG_STORE_LOAD_DIR "
                         "is in the server's DirsAllowed")
    return out.stdout


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def bulk_load(spec: RemoteSpec, name: str, nquads) -> None:
    """Load N-Quads (an iterable of bytes chunks) through the bulk loader, as file `name`."""
    if not spec.load_dir:
        raise StoreError("DKG_STORE_ISQL is set but DKG_STORE_LOAD_DIR is not: give a folder this machine writes "
                         "and the Virtuoso server may read (listed in its virtuoso.ini DirsAllowed)")
    folder = Path(spec.load_dir).resolve() / name
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(folder / "data.nq", "wb") as out:
            for chunk in nquads:
                out.write(chunk)
        d = _sql_string(str(folder))
        # The graph argument is required, and used only for triples files; N-Quads name their own.
        _isql(spec, f"ld_dir({d}, '*.nq', 'urn:x-dkg:unused');\nrdf_loader_run();\ncheckpoint;\n")
        failed = _isql(spec, f"SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE {_sql_string(str(folder) + '%')} "
                             "AND (ll_error IS NOT NULL OR ll_state <> 2);\n")
        errors = _isql(spec, f"SELECT ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE {_sql_string(str(folder) + '%')} "
                             "AND ll_error IS NOT NULL;\n") if _count(failed) else ""
        _isql(spec, f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE {_sql_string(str(folder) + '%')};\n")
        if _count(failed):
            raise StoreError(f"Virtuoso's bulk loader did not load {folder / 'data.nq'}: {errors.strip()[-800:]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _count(isql_output: str) -> int:
    """The number an isql `SELECT COUNT(*)` printed (the first line that is a number alone)."""
    for line in isql_output.splitlines():
        if line.strip().isdigit():
            return int(line.strip())
    raise StoreError(f"could not read a count from isql's answer: {isql_output[-300:]}")
