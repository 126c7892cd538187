"""One typed settings object: defaults, then TRADEFACTS_* environment variables, then CLI flags."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRADEFACTS_", frozen=True)

    input_dir: Path = Field(PROJECT_ROOT / "seeds", description="folder of articles, read recursively")
    warehouse: Path = Field(PROJECT_ROOT / "warehouse" / "tradefacts.duckdb", description="DuckDB file")
    exports_dir: Path = Field(PROJECT_ROOT / "warehouse" / "exports", description="Parquet exports")
    reference_dir: Path = Field(PROJECT_ROOT / "seeds" / "reference", description="reference data files")
    expectations_dir: Path = Field(PROJECT_ROOT / "expectations", description="GX suites, one JSON per table")
    batch_size: int = Field(5000, ge=1, description="documents per extraction batch")
    validate_rows: int = Field(250_000, ge=1, description="rows of one table per GX validation")
    max_file_bytes: int = Field(20 * 1024 * 1024, ge=1, description="larger input files are rejected")
    threads: int = Field(1, ge=1, description="batches extracted at once in-process (bounds memory)")
    workers: int = Field(0, ge=0, description="0: run in-process; N: a local Dask cluster of N workers")
    dask_address: str | None = Field(None, description="address of an existing Dask scheduler")
    duckdb_memory_limit: str = Field(
        "512MB", description="DuckDB memory limit while publishing (spills to disk beyond)"
    )
    lock_timeout_s: float = Field(600.0, ge=0, description="how long a run waits for another run's lock")

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given fields replaced (None means: keep)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return self.model_validate({**self.model_dump(), **given})
