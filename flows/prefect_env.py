"""Prefect runs offline here: no telemetry, a local ephemeral server, its home in the project.

`configure()` must run before Prefect is imported. An environment that already points Prefect
somewhere (PREFECT_API_URL for a team server, PREFECT_HOME) wins over these defaults.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from flows.settings import PROJECT_ROOT

DEFAULTS = {
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
}


def configure(home: Path | None = None) -> None:
    os.environ.setdefault("PREFECT_HOME", str(home or PROJECT_ROOT / ".prefect"))
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)


def start_ephemeral_server() -> threading.Thread | None:
    """Start Prefect's ephemeral API server in the background, unless PREFECT_API_URL names one.

    Its subprocess takes seconds to come up; started first, it comes up while this process imports
    the pipeline (polars, Great Expectations). Join the thread before the flow runs: the flow then
    finds the server running (Prefect keeps one per process)."""
    if os.environ.get("PREFECT_API_URL"):
        return None

    def start() -> None:
        from prefect.server.api.server import SubprocessASGIServer

        SubprocessASGIServer().start()

    thread = threading.Thread(target=start, name="prefect-ephemeral-server", daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def api_server(timeout_s: float = 180.0) -> Iterator[str]:
    """The Prefect API to use for scheduled runs: the one PREFECT_API_URL names (a team's server),
    or else a local `prefect server start` for as long as the block runs.

    Schedules need a real server: Prefect's ephemeral in-process server runs flows but does not
    schedule them.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    with local_server(timeout_s=timeout_s) as url:
        os.environ["PREFECT_API_URL"] = url
        try:
            yield url
        finally:
            os.environ.pop("PREFECT_API_URL", None)


@contextlib.contextmanager
def local_server(
    *, env: dict[str, str] | None = None, log: Path | None = None, timeout_s: float = 180.0
) -> Iterator[str]:
    """`prefect server start` on a free loopback port, in its own session, stopped on exit.
    Yields its API URL. `env` is the server's environment (default: this process's); `log`
    receives its output."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    prefect = Path(sys.executable).with_name("prefect")
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(log, "w")) if log else subprocess.DEVNULL
        server = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/api"
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the local Prefect server did not start on port {port}" + (f"; see {log}" if log else "")
                    )
                time.sleep(0.5)
            yield url
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, 15)  # the session this function started, by its id
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, 9)
                server.wait()
