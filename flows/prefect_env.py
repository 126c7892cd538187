"""Prefect runs offline here: no telemetry, a local ephemeral server, its home in the project.

`configure()` must run before Prefect is imported. An environment that already points Prefect
somewhere (PREFECT_API_URL for a team server, PREFECT_HOME) wins over these defaults.
"""

from __future__ import annotations

import os
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
