"""Prefect runs offline here: no telemetry, a local ephemeral server, its home in the project.

`configure()` must run before Prefect is imported. An environment that already points Prefect
somewhere (PREFECT_API_URL for a team server, PREFECT_HOME) wins over these defaults.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
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


def _die_with_parent() -> None:
    """In the server's process: get SIGTERM when the process that started it dies, even by
    SIGKILL (an out-of-memory kill), so no server is left running on its own (Linux only)."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


class LocalServer:
    """A Prefect API server in a subprocess on a free loopback port, in its own session.

    `ephemeral` runs Prefect's own ephemeral app (what Prefect starts when no API URL is set:
    no UI, no background services); otherwise `prefect server start`, which also schedules
    deployments. `env` is the server's environment (default: this process's); `log` receives
    its output."""

    def __init__(self, *, ephemeral: bool = False, env: dict[str, str] | None = None, log: Path | None = None):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.log = log
        if ephemeral:
            command = [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app"]
            command += ["--log-level", "error", "--lifespan", "on"]
            env = {**(env or os.environ), "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
        else:
            command = [str(Path(sys.executable).with_name("prefect")), "server", "start", "--no-ui"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        if log:
            log.parent.mkdir(parents=True, exist_ok=True)  # a fresh Prefect home does not exist yet
        # the child keeps its own copy of the log's file descriptor
        with open(log, "w") if log else contextlib.nullcontext(subprocess.DEVNULL) as out:
            self.process = subprocess.Popen(
                command,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    def wait_ready(self, timeout_s: float = 180.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                where = f"; see {self.log}" if self.log else ""
                raise RuntimeError(f"the local Prefect server did not start on port {self.port}{where}")
            time.sleep(0.1)

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)  # the session this server started, by its id
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_ephemeral_server() -> LocalServer | None:
    """Start Prefect's ephemeral API server for this process, unless PREFECT_API_URL names one.

    Call it before Prefect is imported: the server's subprocess comes up on the other core while
    this process imports the pipeline (Prefect, polars, Great Expectations), and Prefect then
    finds PREFECT_API_URL set. Prefect's own way (SubprocessASGIServer) needs `prefect.server`
    imported here first, which cost seconds of this process's start-up. Call `wait_ready()` on
    the result before the flow runs; the server stops when the process exits, after Prefect has
    sent its last events."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    server = LocalServer(ephemeral=True, log=Path(os.environ["PREFECT_HOME"]) / "ephemeral-server.log")
    os.environ["PREFECT_API_URL"] = server.url
    atexit.register(server.stop)
    return server


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
    """`prefect server start` on a free loopback port, stopped on exit. Yields its API URL."""
    server = LocalServer(env=env, log=log)
    try:
        server.wait_ready(timeout_s)
        yield server.url
    finally:
        server.stop()
