"""Deterministic benchmark corpus: N articles recombined from the seed and development articles.

    python bench/corpus.py --docs 10000 --out bench/out/corpus-10000 [--seed 0]

Every article is built from the sentences of `seeds/articles/*.md` (body after the front
matter) and `tests/corpus/dev/*` (never `tests/corpus/holdout`): random sentences, grouped
into paragraphs, with the money and percent figures scaled, country / currency / airline
names swapped from small lists, and the years and dates moved, so that the corpus is not one
text repeated. Article i depends only on (seed, i): a 1k corpus is the first 1k articles of
the 10k one, and the same seed gives byte-identical files.

Formats, by article number: 7 in 10 are `.md` with YAML front matter (`published:`), 2 in 10
`.txt` with a dateline ("PHNOM PENH, April 18, 2025 (Reuters) - "), 1 in 10 a line of a
`.jsonl` file holding 10 articles (trafilatura or news-please field names). Files go into
sub-folders of 1,000 articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds" / "articles", ROOT / "tests" / "corpus" / "dev")
BUILDER_VERSION = "1"
PER_FOLDER = 1000
PER_JSONL = 10
MANIFEST = ".manifest.json"  # hidden: ingest skips it

# name, demonym, capital: swapped together (a "Vietnam" -> "Thailand" article also turns
# "Vietnamese" into "Thai" and "Hanoi" into "Bangkok").
COUNTRIES = (
    ("China", "Chinese", "Beijing"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Cambodia", "Cambodian", "Phnom Penh"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Thailand", "Thai", "Bangkok"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Laos", "Lao", "Vientiane"),
    ("the Philippines", "Philippine", "Manila"),
    ("South Korea", "South Korean", "Seoul"),
    ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Sri Lanka", "Sri Lankan", "Colombo"),
    ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Chile", "Chilean", "Santiago"),
    ("Australia", "Australian", "Canberra"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
)
# Local currencies written after the number ("7 trillion riel"), swapped among themselves.
CURRENCY_WORDS = ("yuan", "ringgit", "rupiah", "riel", "baht", "dong", "pesos", "won", "yen", "taka", "kip", "rupees")
# Currency signs written before the number; "$" (not "US$") is sometimes swapped too.
CURRENCY_SIGNS = ("€", "£", "¥", "₹", "RM", "Rp", "S$", "A$")
AIRLINES = (
    "VietJet",
    "Vietnam Airlines",
    "Bamboo Airways",
    "Chengdu Airlines",
    "China Eastern",
    "Tibet Airlines",
    "Cebu Pacific",
    "Philippine Airlines",
    "IndiGo",
    "Air India Express",
    "AirAsia",
    "Malaysia Airlines",
    "Garuda Indonesia",
    "Lion Air",
    "Thai Airways",
    "Korean Air",
    "SriLankan Airlines",
    "Biman Bangladesh Airlines",
)
AGENCIES = ("Reuters", "AP", "AFP", "Xinhua", "Bernama", "Kyodo", "Antara", "PTI")
HOSTS = ("tradewire.example", "asiabiz.example", "portnews.example", "regionaldesk.example", "econ-daily.example")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SHORT_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*\r?\n", re.S)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .]+,\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s+\([^)]*\)\s*[-—–]\s*"  # CITY, April 18, 2025 (Reuters) -
    r"|[A-Z][A-Z .]+(?:,\s*[A-Za-z ]+)?\s*[—–:-]\s*)"  # BANGKOK — , ISLAMABAD:
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
_SCALED = re.compile(
    r"(?P<sign>(?:US\$|\$|€|£|¥|₹|RM|Rs\.?|Rp|S\$|A\$|R\$)\s?)?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<unit>\s?(?:%|per ?cent|percent)|\s?(?:billion|million|trillion|lakh crore|crore)\b|(?:bn|mn|tn)\b)?"
)


@dataclass(frozen=True)
class Pool:
    leads: tuple[str, ...]  # first sentences of the source articles (dateline removed)
    sentences: tuple[str, ...]  # every other sentence


def _bodies() -> list[str]:
    """The article texts of the seed and development articles, without front matter."""
    bodies = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.name == "gold.jsonl" or path.name.startswith("."):
                continue
            raw = path.read_text(encoding="utf-8")
            if path.suffix == ".jsonl":
                records = [json.loads(line) for line in raw.splitlines() if line.strip()]
            elif path.suffix == ".json":
                records = [json.loads(raw)]
            elif path.suffix in (".md", ".txt"):
                records = [{"text": _FRONT_MATTER.sub("", raw, count=1)}]
            else:
                continue
            for record in records:
                text = record.get("text") or record.get("maintext") or record.get("content") or ""
                if text.strip():
                    bodies.append(text)
    return bodies


def load_pool() -> Pool:
    leads, sentences = [], []
    for body in _bodies():
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
        first = True
        for paragraph in paragraphs:
            for sentence in _SENTENCE_END.split(paragraph):
                sentence = sentence.strip()
                if len(sentence) < 25 or sentence[-1] not in '.!?”")’':
                    continue  # headings ("Key Deals") and fragments
                if first:
                    leads.append(_DATELINE.sub("", sentence, count=1))
                    first = False
                else:
                    sentences.append(sentence)
    return Pool(leads=tuple(leads), sentences=tuple(sentences))


def _alternation(names: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w$])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


# every written form of a country -> (row, form): 0 name, 1 demonym, 2 capital
_COUNTRY_OF = {form: (i, f) for i, row in enumerate(COUNTRIES) for f, form in enumerate(row)}
_COUNTRY_OF.update(
    {row[0].removeprefix("the "): (i, 0) for i, row in enumerate(COUNTRIES) if row[0].startswith("the ")}
)
_NAMES_RE = _alternation([*_COUNTRY_OF, *AIRLINES])
_CURRENCY_WORD_RE = re.compile(r"(?:(?<=\d )|(?<=ion )|(?<=lakh )|(?<=crore ))(?:" + "|".join(CURRENCY_WORDS) + r")\b")
_MONTH_DAY_RE = re.compile(r"\b(" + "|".join(MONTHS) + r"|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.) (\d{1,2})\b(?!,? \d)")


class Article:
    """The random choices of one article: name swaps, scales, dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        targets = list(range(len(COUNTRIES)))
        rng.shuffle(targets)
        self.country = dict(enumerate(targets))
        airlines = list(AIRLINES)
        rng.shuffle(airlines)
        self.airline = dict(zip(AIRLINES, airlines, strict=True))
        words = list(CURRENCY_WORDS)
        rng.shuffle(words)
        self.currency_word = dict(zip(CURRENCY_WORDS, words, strict=True))
        self.dollar = rng.choice(("$",) * 6 + CURRENCY_SIGNS)  # mostly dollars
        self.money_scale = rng.lognormvariate(0, 0.6)
        self.percent_scale = rng.lognormvariate(0, 0.35)
        self.published = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
        self.year_shift = self.published.year - 2025

    # ---- substitutions -------------------------------------------------------------------
    def _name(self, match: re.Match[str]) -> str:
        name = match.group(0)
        if name in self.airline:
            return self.airline[name]
        index, form = _COUNTRY_OF[name]
        value = COUNTRIES[self.country[index]][form]
        if match.start() == 0 or match.string[: match.start()].rstrip().endswith((".", "—")):
            value = value[0].upper() + value[1:]
        return value

    def _scaled(self, match: re.Match[str]) -> str:
        sign, num, unit = match["sign"] or "", match["num"], match["unit"] or ""
        if not sign and not unit:
            return match.group(0)
        value = float(num.replace(",", ""))
        percent = "%" in unit or "cent" in unit
        jitter = self.rng.uniform(0.8, 1.25)
        new = value * (self.percent_scale if percent else self.money_scale) * jitter
        if percent and value < 100:
            new = min(new, 99.0)
        decimals = len(num.split(".")[1]) if "." in num else 0
        if decimals == 0 and value >= 1 and new < 10 and not percent:
            decimals = 1  # "$2 billion" scaled to 1.37 -> "$1.4 billion", not "$1 billion"
        text = f"{new:,.{decimals}f}" if "," in num else f"{new:.{decimals}f}"
        if sign.strip() == "$":
            sign = sign.replace("$", self.dollar)
        return f"{sign}{text}{unit}"

    def _year(self, match: re.Match[str]) -> str:
        return str(int(match.group(0)) + self.year_shift)

    def _month_day(self, match: re.Match[str]) -> str:
        return f"{match.group(1)} {self.rng.randint(1, 28)}"

    def rewrite(self, sentence: str) -> str:
        sentence = _NAMES_RE.sub(self._name, sentence)
        sentence = _MONTH_DAY_RE.sub(self._month_day, sentence)
        sentence = _CURRENCY_WORD_RE.sub(lambda m: self.currency_word[m.group(0)], sentence)
        sentence = _YEAR.sub(self._year, sentence)
        return _SCALED.sub(self._scaled, sentence)

    # ---- layout --------------------------------------------------------------------------
    def body(self, pool: Pool) -> str:
        target = self.rng.randint(1700, 3300)
        paragraphs, size = [], 0
        lead = self.rewrite(self.rng.choice(pool.leads))
        current, size = [lead], len(lead)
        while size < target:
            if len(current) >= self.rng.randint(1, 4):
                paragraphs.append(" ".join(current))
                current = []
            sentence = self.rewrite(self.rng.choice(pool.sentences))
            current.append(sentence)
            size += len(sentence) + 1
        if current:
            paragraphs.append(" ".join(current))
        return "\n\n".join(paragraphs) + "\n"

    def title(self, body: str) -> str:
        words = re.sub(r"[\"“”]", "", body.split(".")[0]).split()
        return " ".join(words[: self.rng.randint(6, 11)]).rstrip(",;:")

    def dateline(self) -> str:
        city = COUNTRIES[self.rng.randrange(len(COUNTRIES))][2].upper()
        month = (MONTHS if self.rng.random() < 0.6 else SHORT_MONTHS)[self.published.month - 1]
        agency = self.rng.choice(AGENCIES)
        dash = self.rng.choice(("-", "—", "–"))
        return f"{city}, {month} {self.published.day}, {self.published.year} ({agency}) {dash} "


def article(pool: Pool, seed: int, number: int) -> tuple[Article, str]:
    """The choices and the body of article `number`; a pure function of (seed, number)."""
    rng = random.Random(f"tradefacts-bench:{seed}:{number}")
    art = Article(rng)
    return art, art.body(pool)


def kind_of(number: int) -> str:
    return {7: "txt", 8: "txt", 9: "jsonl"}.get(number % 10, "md")


def render_md(art: Article, body: str, number: int) -> str:
    return (
        "---\n"
        f"title: {json.dumps(art.title(body), ensure_ascii=False)}\n"
        f"published: {art.published.isoformat()}\n"
        f"source: bench corpus {number:07d}\n"
        "---\n"
        f"{body}"
    )


def render_txt(art: Article, body: str) -> str:
    return art.dateline() + body


def render_json_record(art: Article, body: str, number: int) -> str:
    stamp = f"{art.published.isoformat()}T{art.rng.randrange(24):02d}:{art.rng.randrange(60):02d}:00"
    host = art.rng.choice(HOSTS)
    if art.rng.random() < 0.5:  # trafilatura
        record = {"title": art.title(body), "text": body.rstrip("\n"), "date": stamp, "hostname": host}
    else:  # news-please
        record = {
            "title": art.title(body),
            "maintext": body.rstrip("\n"),
            "date_publish": stamp.replace("T", " "),
            "source_domain": host,
            "url": f"https://{host}/a/{number:07d}",
        }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def build(n_docs: int, out: Path, seed: int = 0) -> dict:
    """Write the corpus; returns its manifest (also written to `out/.manifest.json`, hidden so the flow skips it)."""
    pool = load_pool()
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    n_bytes, n_files, jsonl_lines = 0, 0, []

    def write(rel: str, text: str) -> None:
        nonlocal n_bytes, n_files
        data = text.encode("utf-8")
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        digest.update(rel.encode() + b"\0" + data)
        n_bytes += len(data)
        n_files += 1

    def flush_jsonl(upto: int) -> None:
        if jsonl_lines:
            block = upto // (10 * PER_JSONL)
            write(f"{upto // PER_FOLDER:04d}/wire-{block:06d}.jsonl", "\n".join(jsonl_lines) + "\n")
            jsonl_lines.clear()

    block_size = 10 * PER_JSONL  # every 10th article is a jsonl line: PER_JSONL lines per block

    for number in range(n_docs):
        art, body = article(pool, seed, number)
        folder = f"{number // PER_FOLDER:04d}"
        kind = kind_of(number)
        if kind == "md":
            write(f"{folder}/a{number:07d}.md", render_md(art, body, number))
        elif kind == "txt":
            write(f"{folder}/a{number:07d}.txt", render_txt(art, body))
        else:
            jsonl_lines.append(render_json_record(art, body, number))
        if number % block_size == block_size - 1:  # articles 9, 19, ..., 99 share one file
            flush_jsonl(number)
    flush_jsonl(n_docs - 1)
    manifest = {
        "docs": n_docs,
        "seed": seed,
        "builder_version": BUILDER_VERSION,
        "files": n_files,
        "bytes": n_bytes,
        "sha256": digest.hexdigest(),
        "pool": {"leads": len(pool.leads), "sentences": len(pool.sentences)},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    manifest = build(args.docs, args.out, args.seed)
    print(
        f"{manifest['docs']} articles in {manifest['files']} files, {manifest['bytes'] / 1e6:.1f} MB "
        f"({manifest['bytes'] / manifest['docs']:.0f} bytes/article), sha256 {manifest['sha256'][:16]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
