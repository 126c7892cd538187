"""Ingest: find article files, read them into `documents`, and record bad input in `rejected_inputs`.

Parsing is pure (bytes in, rows out); only `discover` and `read_file` touch the disk. A bad
file becomes one `rejected_inputs` row with a reason a person can act on, and never stops the
other files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import yaml

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
TEXT_FIELDS = ("text", "maintext", "content")
DATE_FIELDS = ("published", "date", "date_publish")
SOURCE_FIELDS = ("source", "source_domain", "hostname")
# How far into the text a dateline or "Published:" line is looked for.
DATELINE_WINDOW = 400

DOCUMENT_SCHEMA = {
    "doc_id": pl.Utf8,
    "path": pl.Utf8,
    "title": pl.Utf8,
    "published": pl.Date,
    "published_source": pl.Utf8,
    "n_chars": pl.Int32,
    "source": pl.Utf8,
    "url": pl.Utf8,
    "format": pl.Utf8,
    "text": pl.Utf8,
}
REJECTED_SCHEMA = {"path": pl.Utf8, "reason": pl.Utf8, "n_bytes": pl.Int64}

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"GIF8": "a GIF image",
}


# libyaml's safe loader when present (8x faster per file), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RejectedInput(Exception):
    """A file or line that cannot be read as an article; the message says why and what to do."""


@dataclass
class IngestResult:
    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)

    def extend(self, other: IngestResult) -> None:
        self.documents += other.documents
        self.rejected += other.rejected

    def frames(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        """documents (unique by doc_id: a duplicate text is recorded as rejected) and rejected_inputs."""
        seen: dict[str, str] = {}
        unique, duplicates = [], []
        for doc in self.documents:
            if doc["doc_id"] in seen:
                duplicates.append(
                    {
                        "path": doc["path"],
                        "reason": f"same text as {seen[doc['doc_id']]}: not loaded twice",
                        "n_bytes": None,
                    }
                )
                continue
            seen[doc["doc_id"]] = doc["path"]
            unique.append(doc)
        return (
            pl.DataFrame(unique, schema=DOCUMENT_SCHEMA),
            pl.DataFrame(self.rejected + duplicates, schema=REJECTED_SCHEMA),
        )


def doc_id_for(text: str) -> str:
    """Stable id from the article text alone, so the same article has the same id everywhere."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def discover(input_dir: Path) -> tuple[list[Path], list[dict], list[str]]:
    """(article files, rejections, skipped files) under `input_dir`, sorted.

    Files of other types (the reference CSVs beside the seed articles, a README) and hidden
    files and folders are skipped, not rejected. Symbolic links are followed only when they
    point to a file inside `input_dir` (folder links never, so a link cannot make a loop).
    """
    root = input_dir.resolve()
    files, rejected, skipped = [], [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                target = path.resolve()
                if not target.is_file() or not target.is_relative_to(root):
                    rejected.append(_reject(rel, "symbolic link to a file outside the input folder: not followed"))
                    continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                skipped.append(rel)
                continue
            files.append(path)
    return files, rejected, skipped


def _human(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB" if n_bytes >= 1e6 else f"{n_bytes:,} bytes"


def _reject(path: str, reason: str, n_bytes: int | None = None) -> dict:
    return {"path": path, "reason": reason, "n_bytes": n_bytes}


def read_file(path: Path, root: Path, max_bytes: int) -> IngestResult:
    """Read one article file; any problem becomes a rejection, never an exception."""
    rel = path.resolve().relative_to(root.resolve()).as_posix() if path.is_absolute() else path.as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise RejectedInput(
                f"file is {_human(size)}, over the {_human(max_bytes)} limit "
                "(split it, or raise TRADEFACTS_MAX_FILE_BYTES)"
            )
        raw = path.read_bytes()
    except RejectedInput as err:
        return IngestResult(rejected=[_reject(rel, str(err), size)])
    except OSError as err:
        return IngestResult(rejected=[_reject(rel, f"cannot read file: {err.strerror or err}")])
    return parse_file(rel, raw)


def parse_file(rel_path: str, raw: bytes) -> IngestResult:
    """Parse the bytes of one file named `rel_path` into documents and rejections."""
    try:
        text = decode_text(raw)
        suffix = Path(rel_path).suffix.lower()
        if suffix == ".jsonl":
            return _parse_jsonl(rel_path, text)
        if suffix == ".json":
            try:
                record = json.loads(text)
            except json.JSONDecodeError as err:
                raise RejectedInput(f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}") from err
            return IngestResult(documents=[article_from_record(rel_path, record, "json")])
        return IngestResult(documents=[article_from_text(rel_path, text, suffix.lstrip("."))])
    except RejectedInput as err:
        return IngestResult(rejected=[_reject(rel_path, str(err), len(raw))])


def decode_text(raw: bytes) -> str:
    """UTF-8 text, or RejectedInput for binary data, invalid UTF-8 and empty files."""
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise RejectedInput(f"binary data ({what}), not text: convert it to .txt or .md first")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise RejectedInput(
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}): re-save the file as UTF-8"
        ) from err
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise RejectedInput("empty file: no article text")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r")
    if controls > len(sample) * 0.1:
        raise RejectedInput("binary data (mostly control characters), not text")
    return text


def _parse_jsonl(rel_path: str, text: str) -> IngestResult:
    result = IngestResult()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{rel_path}#{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise RejectedInput(f"line {number} is not valid JSON: {err.msg} at column {err.colno}") from err
            result.documents.append(article_from_record(where, record, "jsonl"))
        except RejectedInput as err:
            result.rejected.append(_reject(where, str(err), len(line.encode("utf-8"))))
    return result


def _first(record: dict, names: tuple[str, ...]) -> object:
    return next((record[n] for n in names if record.get(n) not in (None, "")), None)


def article_from_record(path: str, record: object, fmt: str) -> dict:
    """A document row from a scraper's JSON object (news-please, trafilatura or plain)."""
    if not isinstance(record, dict):
        raise RejectedInput(f"expected a JSON object per article, got a JSON {type(record).__name__}")
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise RejectedInput(f"no article text: none of the fields {', '.join(TEXT_FIELDS)} holds text")
    return _document(path, text, fmt, record)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body) of a text with optional YAML front matter between '---' lines."""
    match = re.match(r"---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|$)", text, re.S)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1) or "", Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as err:
        raise RejectedInput(f"front matter is not valid YAML: {str(err).splitlines()[0]}") from err
    if not isinstance(meta, dict):
        raise RejectedInput("front matter must be YAML key: value pairs")
    return meta, text[match.end() :]


def article_from_text(path: str, text: str, fmt: str) -> dict:
    meta, body = split_front_matter(text)
    if not body.strip():
        raise RejectedInput("no article text after the front matter")
    return _document(path, body, fmt, meta)


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return date_in_text(value, window=len(value))
    return None


def date_in_text(text: str, window: int = DATELINE_WINDOW) -> dt.date | None:
    """The first full date (with a year) near the start of a text: a dateline or 'Published:'."""
    head = text[:window]
    found = []
    for pattern in _DATE_PATTERNS:
        m = pattern.search(head)
        if m:
            month = int(m["mnum"]) if "mnum" in m.groupdict() else _MONTHS[m["month"].lower()]
            try:
                found.append((m.start(), dt.date(int(m["year"]), month, int(m["day"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def _document(path: str, text: str, fmt: str, meta: dict) -> dict:
    published = _parse_date(_first(meta, DATE_FIELDS))
    source_of_date = "metadata"
    if published is None:
        published = date_in_text(text)
        source_of_date = "text" if published else "none"
    title = meta.get("title")
    return {
        "doc_id": doc_id_for(text),
        "path": path,
        "title": str(title) if title is not None else None,
        "published": published,
        "published_source": source_of_date,
        "n_chars": len(text),
        "source": _as_str(_first(meta, SOURCE_FIELDS)),
        "url": _as_str(meta.get("url")),
        "format": fmt,
        "text": text,
    }


def _as_str(value: object) -> str | None:
    return None if value is None else str(value)
