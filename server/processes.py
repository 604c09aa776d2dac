"""Process hygiene shared by the endpoint's query workers and the curators' rebuild job."""
from __future__ import annotations

import ctypes
import signal


def die_with_parent() -> None:
    # If the server is SIGKILLed, its query workers must not live on running a heavy query.
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:  # not Linux: workers still exit when the pipe closes
        pass
