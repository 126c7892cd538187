"""Crash points for the crash-safety tests: TRADEFACTS_CRASH_AT=<name> kills the process there.

A real SIGKILL at a named point (no cleanup, no finally blocks), so the tests show what a
power cut or an OOM kill at that moment leaves behind.
"""

from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    if os.environ.get("TRADEFACTS_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
