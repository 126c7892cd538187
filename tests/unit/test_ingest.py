import datetime as dt
import json
import os

import pytest

from flows.ingest import date_in_text, discover, parse_file, read_file


def only_doc(result):
    assert not result.rejected, result.rejected
    [doc] = result.documents
    return doc


def test_markdown_front_matter_gives_metadata_and_body():
    raw = b"---\ntitle: Port loan\npublished: 2024-03-02\nsource: example.com\nurl: https://example.com/a\n---\nBody text here.\n"
    doc = only_doc(parse_file("a.md", raw))
    assert doc["text"] == "Body text here.\n"
    assert (doc["title"], doc["published"], doc["published_source"]) == ("Port loan", dt.date(2024, 3, 2), "metadata")
    assert (doc["source"], doc["url"], doc["n_chars"]) == ("example.com", "https://example.com/a", 16)


@pytest.mark.parametrize(
    ("record", "published"),
    [
        (
            {"maintext": "News-please text.", "date_publish": "2024-05-01 10:00:00", "source_domain": "x.com"},
            dt.date(2024, 5, 1),
        ),
        ({"text": "Trafilatura text.", "date": "2023-11-30", "hostname": "y.org"}, dt.date(2023, 11, 30)),
        ({"content": "Plain text.", "published": "2025-01-02"}, dt.date(2025, 1, 2)),
    ],
)
def test_scraper_field_names(record, published):
    doc = only_doc(parse_file("a.json", json.dumps(record).encode()))
    assert doc["published"] == published
    assert doc["source"] in ("x.com", "y.org", None)


def test_date_from_dateline_when_metadata_has_none():
    doc = only_doc(parse_file("a.txt", b"JAKARTA, March 3, 2024 (Reuters) - Indonesia signed."))
    assert (doc["published"], doc["published_source"]) == (dt.date(2024, 3, 3), "text")
    doc = only_doc(parse_file("b.txt", b"No date anywhere in this text."))
    assert (doc["published"], doc["published_source"]) == (None, "none")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Hanoi, 12 June 2024 - x", dt.date(2024, 6, 12)),
        ("Published: 2023-01-09", dt.date(2023, 1, 9)),
        ("Sept. 4th, 2022", dt.date(2022, 9, 4)),
    ],
)
def test_date_in_text_forms(text, date):
    assert date_in_text(text) == date


def test_jsonl_keeps_good_lines_and_rejects_bad_ones_with_line_numbers():
    lines = [
        json.dumps({"text": "First article."}),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second."}),
    ]
    result = parse_file("feed.jsonl", "\n".join(lines).encode())
    assert [d["path"] for d in result.documents] == ["feed.jsonl#1", "feed.jsonl#5"]
    reasons = {r["path"]: r["reason"] for r in result.rejected}
    assert set(reasons) == {"feed.jsonl#2", "feed.jsonl#4"}
    assert "not valid JSON" in reasons["feed.jsonl#2"]
    assert "no article text" in reasons["feed.jsonl#4"]


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        ("a.txt", b"", "empty file"),
        ("a.txt", b"   \n\n", "empty file"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary data (a PNG image)"),
        ("a.md", b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("a.txt", bytes(range(0, 30)) * 20, "binary data"),
        ("a.json", b'{"text": "x",', "not valid JSON"),
        ("a.json", b'["a", "b"]', "expected a JSON object"),
        ("a.md", b"---\ntitle: [unclosed\n---\nBody", "front matter is not valid YAML"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(name, raw, reason):
    result = parse_file(name, raw)
    assert not result.documents
    [rejected] = result.rejected
    assert reason in rejected["reason"]


def test_text_with_a_nul_byte_is_still_an_article():
    doc = only_doc(parse_file("a.txt", b"Tariffs \x00 of 25% apply."))
    assert "\x00" in doc["text"]


def test_oversize_file_is_rejected_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    [rejected] = read_file(big, tmp_path, max_bytes=1000).rejected
    assert rejected["reason"].startswith("file is 2,000 bytes, over the 1,000 bytes limit")
    assert rejected["path"] == "big.txt"


def test_discover_walks_folders_skips_hidden_and_refuses_links_out(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.md").write_text("A")
    (tmp_path / "in" / "b.JSONL").write_text("{}")
    (tmp_path / "in" / ".hidden.txt").write_text("h")
    (tmp_path / "in" / "notes.pdf").write_text("p")
    (tmp_path / "outside.txt").write_text("secret")
    os.symlink(tmp_path / "outside.txt", tmp_path / "in" / "link.txt")
    os.symlink(tmp_path / "in" / "sub" / "a.md", tmp_path / "in" / "inside-link.md")
    files, rejected, skipped = discover(tmp_path / "in")
    assert sorted(f.name for f in files) == ["a.md", "b.JSONL", "inside-link.md"]
    reasons = {r["path"]: r["reason"] for r in rejected}
    assert "outside the input folder" in reasons["link.txt"]
    assert set(reasons) == {"link.txt"}
    assert skipped == ["notes.pdf"]
