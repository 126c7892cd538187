"""What every table module needs: sentences with their document date, the entities each
sentence mentions (as written and as ISO3), the document's main countries, and the clause
around an anchor (an amount or a cue word).

Roles are read with regex templates in which `{E}` stands for one entity mention (a capture
group over every alias of the reference data), e.g. `imports?\\s+from\\s+{E}`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from flows.facts.reference import HOME, FactReference

B = r"(?-u:\b)"  # ASCII word boundary: keeps the regex on the fast DFA path
POSS = r"(?:'s|’s|’|')?"  # optional possessive after an entity
THE = r"(?:the\s+)?"
# Where a clause ends: a new subject, a contrast or a list of separate figures usually follows.
CLAUSE_BREAK = (
    r"(?:;|:\s|\s[–—-]\s|—|"
    r",\s*(?:while|whereas|but|although|though|and|compared|up|down|with|as|which|after|before|from|versus|against)"
    r"(?-u:\b)|(?-u:\b)(?:while|whereas|compared\s+with|compared\s+to|versus)(?-u:\b))"
)
# Actor countries exclude these kinds: they sell or lend aircraft, or they are only places.
_NOT_ACTOR_KINDS = ("manufacturer", "lessor", "multilateral", "city")


@lru_cache(maxsize=4096)
def ascii_word_classes(pattern: str) -> str:
    """`\\w` as the ASCII word class. Unicode `\\w` inside a repetition next to the large entity
    alternation blows up the regex automaton (50x slower); news words are ASCII anyway."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append(("A-Za-z0-9_" if in_class else "(?-u:\\w)") if pair == "\\w" else pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def alt(fragments: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(fragments) + ")"


def _with_capital(fragment: str) -> str:
    """`fragment` matching in lower case or with a capital first letter ("loans" / "Loans").

    News writes cue words in lower case, or capitalised at the start of a sentence; a fully
    case-insensitive regex is 4-5x slower (no literal prefilter). Fragments that open with a
    group, and upper-case ones ("FDI", "MoU"), are kept as they are, the former insensitive."""
    if fragment[:1].islower():
        return f"(?:{fragment}|{fragment[0].upper()}{fragment[1:]})"
    if fragment.startswith("(?") and not fragment.startswith("(?-i"):
        return f"(?i:{fragment})"
    return fragment


def words(fragments: tuple[str, ...] | list[str]) -> str:
    """Cue words with word boundaries, in lower case or capitalised (see `_with_capital`)."""
    return _words(tuple(fragments))


@lru_cache(maxsize=1024)
def _words(fragments: tuple[str, ...]) -> str:
    return ascii_word_classes(f"{B}(?:{'|'.join(_with_capital(f) for f in fragments)}){B}")


# Entity mentions are tagged once per text (each alias wrapped in two private-use characters)
# and templates then match a tag: `{E}` becomes a few bytes instead of the 40 kB alternation
# of every alias. Polars keeps only a few dozen compiled regexes; dozens of templates each
# embedding the alternation were recompiled on every batch (15 ms each).
TAG_OPEN, TAG_CLOSE = "\ue010", "\ue011"
E_TOKEN = f"{TAG_OPEN}[^{TAG_CLOSE}]+{TAG_CLOSE}"


def tag_entities(text: pl.Expr, reference: FactReference) -> pl.Expr:
    """`text` with every entity mention wrapped in TAG_OPEN ... TAG_CLOSE."""
    return text.str.replace_all(reference.entity_re, f"{TAG_OPEN}$0{TAG_CLOSE}")


def untag(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(f"[{TAG_OPEN}{TAG_CLOSE}]", "")


def tagged_names(tagged: pl.Expr) -> pl.Expr:
    """The entity aliases of a tagged text, in order (a list)."""
    return tagged.str.extract_all(E_TOKEN).list.eval(pl.element().str.strip_chars(TAG_OPEN + TAG_CLOSE))


def entity_template(template: str) -> str:
    """A template for tagged text: `{E}` matches one tagged entity mention."""
    return ascii_word_classes(template).replace("{E}", E_TOKEN)


_ACTOR_MAPS: dict[int, tuple[pl.DataFrame, dict[str, str | None], pl.Series, pl.Series]] = {}


def _actor_map(reference: FactReference) -> tuple[pl.DataFrame, dict[str, str | None], pl.Series, pl.Series]:
    entry = _ACTOR_MAPS.get(id(reference.entities))
    if entry is None or entry[0] is not reference.entities:
        frame = reference.entities.filter(~pl.col("kind").is_in(_NOT_ACTOR_KINDS))
        mapping = dict(zip(frame["alias"], frame["iso3"], strict=True))
        entry = (reference.entities, mapping, frame["alias"], frame["iso3"])
        _ACTOR_MAPS[id(reference.entities)] = entry
    return entry


def actor_iso3_of(reference: FactReference) -> dict[str, str | None]:
    """Alias -> ISO3 for aliases that stand for a state actor (not manufacturers, lessors, multilaterals)."""
    return _actor_map(reference)[1]


def actor_isos(names: pl.Expr, reference: FactReference) -> pl.Expr:
    """A list of entity names as the ISO3 of the state actors among them, in order, repeats removed
    (phrases like "the country" are left out: they repeat a country named elsewhere)."""
    return (
        names.list.eval(pl.element().replace_strict(actor_iso3_of(reference), default=None, return_dtype=pl.Utf8))
        .list.eval(pl.element().filter(~pl.element().str.starts_with(HOME)))
        .list.drop_nulls()
        .list.unique(maintain_order=True)
    )


def to_iso3(expr: pl.Expr, reference: FactReference) -> pl.Expr:
    """ISO3 of an entity name. "The country" is the story's country (`home`); a description
    that fits some countries only ("the kingdom", "the Gulf state") is the story's country if it
    fits, else the first of the document's main countries that fits."""
    # the mapping as ready-made Series: a 2,000-key dict is converted again on every call
    _, _, old, new = _actor_map(reference)
    iso3 = expr.replace_strict(old, new, default=None, return_dtype=pl.Utf8)
    # `coreference`: what each stand-in group means in this document (see coreference_meanings)
    group = iso3.str.strip_prefix(HOME).cast(pl.Int32, strict=False)
    return (
        pl.when(iso3.str.starts_with(HOME))
        .then(pl.col("coreference").list.get(group, null_on_oob=True))
        .otherwise(iso3)
    )


def coreference_meanings(reference: FactReference) -> pl.Expr:
    """Per row of a frame with `home` and `main`: a list whose n-th item is the country the n-th
    coreference group ("the kingdom", "the Gulf state") stands for, computed once per document."""
    home, main = pl.col("home"), pl.col("main")
    meanings = []
    for stand_in, members in reference.coreference_groups.items():
        assert stand_in == f"{HOME}{len(meanings)}"
        if members:
            fits = [home, main.list.get(0, null_on_oob=True), main.list.get(1, null_on_oob=True)]
            meanings.append(pl.coalesce([pl.when(c.is_in(members)).then(c) for c in fits]))
        else:
            meanings.append(home)
    return pl.concat_list(meanings) if meanings else pl.lit([], dtype=pl.List(pl.Utf8))


def extract_iso3(
    text: pl.Expr, template: str, reference: FactReference, group: int = 1, *, tagged: bool = False
) -> pl.Expr:
    """ISO3 of the entity `{E}` of `template` in its first match in `text`, else NULL; `group`
    picks the n-th `{E}` of a template with several.

    The match is found without capture groups and the entity is then read from the short
    matched text: capturing inside a pattern that holds the whole alias alternation is 3-5x
    slower. `group` -1 picks the last entity of the match (a template with free text between its
    `{E}` may hold more). A template that opens with `{E}` names its entity first in the match; any other
    names it last (what follows `{E}` in a template is never an entity)."""
    plain = entity_template(template)
    source = text if tagged else tag_entities(text, reference)
    names = tagged_names(source.str.extract_all(plain).list.first())
    if template.count("{E}") > 1:
        name = names.list.get(group - 1 if group > 0 else group, null_on_oob=True)
    elif template.lstrip("^").startswith("{E}"):
        name = names.list.first()
    else:
        name = names.list.last()
    return to_iso3(name, reference)


# Sentence-initial pronouns and descriptions that refer back to the previous sentence's actor.
# ("In May it lowered ...": a short time phrase may come first)
BACK_REFERENCE = (
    r"^(?:(?:In|On|Since|From|Last|This|By|Earlier|Later)\s+(?:[\w.]+\s+){0,2}?(?:it|they)\s|"
    r"It|They|Its|Their|The\s+(?:country|government|kingdom|nation|republic|island\s+nation|city-state|ministry|administration))(?-u:\b)"
)


def _mask_currency_prefixes(sentence: pl.Expr, reference: FactReference) -> pl.Expr:
    """ "US$", "US dollars" and "Kuwaiti dinars" are currencies, not the country: mask them (same
    length, so offsets stay valid) before entities are read."""
    return (
        sentence.str.replace_all(r"(?-u:\b)US(\s?\$|\s+dollars?(?-u:\b))", "us$1")
        .str.replace_all(r"U\.S\.(\s?\$)", "u.s.$1")
        # ... nor is a demonym before a currency: "45 million Kuwaiti dinars" (a country's name is left
        # alone: "New Zealand dollars" in a release from Wellington still names the story's country)
        .str.replace_all(rf"(?-u:\b)[A-Z]((?:{_demonym_tails(reference)})\s+{_CURRENCY_NOUN})", "~$1")
    )


@lru_cache(maxsize=4)
def _demonym_tails_of(demonyms: tuple[str, ...]) -> str:
    return "|".join(re.escape(d[1:]) for d in sorted(demonyms, key=len, reverse=True))


def _demonym_tails(reference: FactReference) -> str:
    """The country demonyms ("Kuwaiti", "Australian") without their capital letter, as an alternation."""
    demonyms = reference.entities.filter((pl.col("kind") == "demonym") & pl.col("alias").str.contains(r"^[A-Z][a-z]+$"))
    return _demonym_tails_of(tuple(demonyms["alias"]))


_CURRENCY_NOUN = (
    r"(?:dinars?|dollars?|riyals?|rials?|pounds?|francs?|rupees?|yuan|yen|won|pesos?|rand|shillings?|liras?|"
    r"kron(?:a|or|e|er)|ringgit|baht|dirhams?|euros?|reais|rubles?|roubles?|hryvnias?|zlotys?|forints?|lei|leu|"
    r"kwacha|naira|cedis?|birr|taka|tenge|soms?|manat|lari|dram|rupiahs?|dong|kyats?|kips?|riels?|tugriks?)(?-u:\b)"
)


_TITLED_NAME = (
    r"((?-u:\b)(?:President|Minister|Premier|Chancellor|Secretary|King|Queen|Prince|Princess|Emir|Sheikh|Sultan|"
    r"Senator|Governor|Mayor|Ambassador|Chairman|Chairwoman|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)({name}) (\p{{Lu}}\p{{Ll}})"
)


def _mask_ambiguous_countries(frame: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """A country name that is also something else ("Georgia", the US state) is the country only in
    a document that shows it ("Tbilisi", "the Caucasus"); elsewhere it is lower-cased (same length,
    so offsets stay valid) and no longer read as an entity."""
    for alias, context in reference.ambiguous_countries.items():
        shown = pl.col("sentence").str.contains(f"(?:{context})").any().over("doc_id")
        frame = frame.with_columns(
            pl.when(shown)
            .then(pl.col("sentence"))
            .otherwise(pl.col("sentence").str.replace_all(rf"(?-u:\b){re.escape(alias)}(?-u:\b)", alias.lower()))
            .alias("sentence")
        )
    return frame


def _mask_repeated_acronyms(sentence: pl.Expr, reference: FactReference) -> pl.Expr:
    """An acronym in brackets right after a name we know repeats that name: "the Caribbean
    Development Bank (CDB)" is not also China Development Bank ("CDB"). Blanked with as many
    letters (offsets hold)."""
    tagged = tag_entities(sentence, reference)
    for length in range(2, 7):
        acronym = rf"{TAG_OPEN}?[A-Z][A-Za-z]{{{length - 1}}}{TAG_CLOSE}?"
        tagged = tagged.str.replace_all(rf"({TAG_CLOSE}\s\(){acronym}\)", f"${{1}}{'x' * length})")
    return untag(tagged)


def sentence_context(documents: pl.DataFrame, sentences: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Sentences with published date, headline (`title`, NULL without one), entity mentions (`ents`), their ISO3 in order (`isos`,
    actors only, repeats removed), the document's two main countries (`main`), the previous
    sentence's countries (`prev_isos`) and the sentence's subject country (`subject`: its first
    country, or the previous sentence's when it opens with "It"/"The country"...).

    `sentence` is the text used for matching ("US$" masked); `evidence` is the text as written."""
    frame = (
        sentences.select(
            "doc_id",
            "sent_id",
            "char_start",
            "char_end",
            pl.col("sentence").alias("evidence"),
            _mask_repeated_acronyms(_mask_currency_prefixes(pl.col("sentence"), reference), reference).alias(
                "sentence"
            ),
        )
        # (the headline, where the source has one, is read as a hint for the whole story)
        .join(
            documents.select(
                "doc_id",
                "published",
                pl.col("title") if "title" in documents.columns else pl.lit(None, dtype=pl.Utf8).alias("title"),
            ),
            on="doc_id",
            how="left",
        )
        .pipe(_mask_ambiguous_countries, reference)
        # a titled person's given name is no place: "President Santiago Peña" (joined to the surname, same length;
        # places only, not every entity: a third of the cost on this hot path)
        .with_columns(
            pl.col("sentence").str.replace_all(_TITLED_NAME.format(name=reference.country_re), "${1}${2}_${3}")
        )
        .with_columns(pl.col("sentence").str.extract_all(reference.entity_re).alias("ents"))
        .with_columns(actor_isos(pl.col("ents"), reference).alias("isos"))
    )
    frame = frame.sort("doc_id", "sent_id", maintain_order=True).with_columns(
        pl.col("isos").shift(1).over("doc_id").alias("prev_isos"),
        pl.col("sentence").shift(-1).over("doc_id").fill_null("").alias("next_sentence"),
        pl.col("sentence").shift(1).over("doc_id").fill_null("").alias("prev_sentence"),
    )
    frame = frame.with_columns(
        pl.when(pl.col("sentence").str.contains(BACK_REFERENCE))
        .then(pl.col("prev_isos").list.first())
        .otherwise(pl.col("isos").list.first())
        .alias("subject")
    )
    frame = frame.join(main_countries(frame), on="doc_id", how="left").join(
        home_country(frame, reference), on="doc_id", how="left"
    )
    frame = frame.with_columns(
        pl.col("main").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
        pl.col("ranked").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
        pl.col("prev_isos").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
        pl.coalesce("home", pl.col("main").list.first()).alias("home"),
    )
    per_doc = frame.group_by("doc_id").agg(pl.col("home").first(), pl.col("main").first())
    per_doc = per_doc.select("doc_id", coreference_meanings(reference).alias("coreference"))
    # a roundup's later datelines ("MANILA — Sunlight Air ...") move the story for what follows
    later_dateline = pl.when(pl.col("sent_id") > 0).then(
        _place_iso3(pl.col("sentence").str.extract(_DATELINE, 1), reference)
    )
    frame = frame.sort("doc_id", "sent_id", maintain_order=True).with_columns(
        pl.coalesce(later_dateline.forward_fill().over("doc_id"), "home").alias("home")
    )
    return frame.join(per_doc, on="doc_id", how="left")


def _place_iso3(name: pl.Expr, reference: FactReference) -> pl.Expr:
    """ISO3 of a place named in a dateline (in capitals: "DAR ES SALAAM" is "Dar es Salaam")."""
    return (
        name.str.strip_chars().str.to_lowercase().replace_strict(reference.place_of, default=None, return_dtype=pl.Utf8)
    )


# An upper-case dateline opening the text: "PHNOM PENH, April 18 (Reuters) -", "HANOI:".
# (the first of several places: "AMMAN / JERUSALEM —")
_DATELINE = r"^(\p{Lu}[\p{Lu} .'’-]{2,}?)\s*(?:,|:|—|–|\s--?\s|\(|/)"  # any script's capitals: "BOGOTÁ —"
# The whole dateline before a text's first words, to skip: "KINSHASA, Sept. 22, 2025 (Africa Mining Wire) - "
DATELINE_LEAD = r"(?:\p{Lu}[\p{Lu} .'’/-]{2,}?(?:,[^()—–\n]{0,40}?)?(?:\s*\([^)]{0,40}\))?\s*(?:—|–|--?|:)\s+)?"


def home_country(frame: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """doc_id -> `home`: the dateline's country, else the country of the first capital named in
    the opening two sentences ("during a visit to Hanoi"): where the story, and its projects, are."""
    capitals = reference.entities.filter((pl.col("category") == "country") & (pl.col("kind") == "capital"))
    capital_iso3 = dict(zip(capitals["alias"], capitals["iso3"], strict=True))
    opening = frame.filter(pl.col("sent_id") <= 1).sort("doc_id", "sent_id", maintain_order=True)
    dateline = (
        opening.group_by("doc_id", maintain_order=True)
        .agg(pl.col("sentence").first())
        .select("doc_id", _place_iso3(pl.col("sentence").str.extract(_DATELINE, 1), reference).alias("_dateline"))
    )
    first_capital = (
        opening.select(
            "doc_id",
            pl.col("ents")
            .list.eval(pl.element().replace_strict(capital_iso3, default=None, return_dtype=pl.Utf8))
            .alias("_caps"),
        )
        .explode("_caps")
        .drop_nulls("_caps")
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("_caps").first())
    )
    return dateline.join(first_capital, on="doc_id", how="left").select(
        "doc_id", pl.coalesce("_dateline", "_caps").alias("home")
    )


def main_countries(frame: pl.DataFrame) -> pl.DataFrame:
    """doc_id -> `main`: the two countries a document mentions most (ties: first mentioned), and
    `ranked`: its first five by the same order (for "the three countries")."""
    mentions = frame.select("doc_id", "sent_id", "isos").explode("isos").drop_nulls("isos").with_row_index("_pos")
    return (
        mentions.group_by("doc_id", "isos")
        .agg(pl.len().alias("_n"), pl.col("_pos").min().alias("_first"))
        .sort("doc_id", "_n", "_first", descending=[False, True, False], maintain_order=True)
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("isos").head(2).alias("main"), pl.col("isos").head(5).alias("ranked"))
    )


def with_clause(frame: pl.DataFrame, rel_start: str, rel_end: str) -> pl.DataFrame:
    """Add `left`/`right` (sentence text before/after the anchor) and `left_clause`/`right_clause`
    (the same, cut at the nearest clause break), from sentence-relative offsets."""
    left = pl.col("sentence").str.slice(0, pl.col(rel_start))
    right = pl.col("sentence").str.slice(pl.col(rel_end))
    return frame.with_columns(left.alias("left"), right.alias("right")).with_columns(
        after_last_break(pl.col("left")).alias("left_clause"),
        before_first_break(pl.col("right")).alias("right_clause"),
    )


_CUT = "\ue001"  # a private-use character: never in news text


def after_last_break(text: pl.Expr) -> pl.Expr:
    """The text after its last clause break (a split, not a capture: ".*" captures are slow)."""
    return text.str.replace_all(CLAUSE_BREAK, _CUT).str.split(_CUT).list.last()


def before_first_break(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(CLAUSE_BREAK, _CUT).str.split(_CUT).list.first()


def first_other(candidates: pl.Expr, *exclude: pl.Expr, depth: int = 4) -> pl.Expr:
    """The first ISO3 in a list expression that differs from every `exclude` value (NULLs
    ignored); only the first `depth` elements are looked at (set operations lose the order)."""
    options = []
    for i in range(depth):
        item = candidates.list.get(i, null_on_oob=True)
        keep = pl.lit(True)
        for value in exclude:
            keep = keep & item.ne_missing(value)
        options.append(pl.when(keep).then(item))
    return pl.coalesce(options)


def money_anchors(amounts: pl.DataFrame, ctx: pl.DataFrame) -> pl.DataFrame:
    """Money amounts of the sentences in `ctx`, with sentence-relative offsets `rel_start`,
    `rel_end`, without the dollar figure a text gives in
    brackets beside a local amount ("RM484.1 billion (US$108.4 billion)": one value, not two)."""
    money = amounts.filter(pl.col("kind") == "money").select(
        "doc_id", "sent_id", pl.col("char_start").alias("a_start"), pl.col("char_end").alias("a_end"),
        "value", "currency", "value_usd",
    )  # fmt: skip
    cand = money.join(ctx, on=["doc_id", "sent_id"], how="inner")
    cand = cand.sort("doc_id", "a_start", maintain_order=True).with_columns(
        (pl.col("a_start") - pl.col("char_start")).alias("rel_start"),
        (pl.col("a_end") - pl.col("char_start")).alias("rel_end"),
        (pl.col("a_end").shift(1).over("doc_id", "sent_id") - pl.col("char_start")).alias("_prev_end"),
        (pl.col("a_start").shift(-1).over("doc_id", "sent_id") - pl.col("char_start")).alias("_next_start"),
    )
    gap = pl.col("sentence").str.slice(pl.col("_prev_end"), pl.col("rel_start") - pl.col("_prev_end"))
    beside = gap.str.contains(r"^\s*[(\[]\s*(?:(?i:about|around|roughly|some|or|approximately)\s*)?$").fill_null(False)
    unit_price = pl.col("sentence").str.slice(pl.col("rel_end"), 40).str.contains(_PER_UNIT)
    # the lower end of a range: "between $6.4 billion and $7 billion" is recorded at its upper bound
    lower_end = (
        pl.col("sentence").str.slice(0, pl.col("rel_start")).str.contains(r"(?i)(?-u:\b)between\s+$")
        & pl.col("sentence")
        .str.slice(pl.col("rel_end"), pl.col("_next_start") - pl.col("rel_end"))
        .str.contains(r"^\s*(?:and|to|-|–)\s*$")
    ).fill_null(False)
    return cand.filter(~beside & ~unit_price & ~lower_end).drop("_prev_end", "_next_start")


# A price per unit ("$20 a kilogram", "$650 per tonne"): neither a trade value nor a loan.
# (also the lower end of a price range: "$232–235 a tonne")
_PER_UNIT = (
    r"^(?:\s*[–-]\s*\d[\d,.]*)?\s*(?:a|an|per|/)\s*(?i:kilo(?:gram)?|kg|tonne|ton|metric\s+ton|barrel|bbl|unit|litre|"
    r"liter|gallon|pound|lb|ounce|oz|megawatt-hour|MWh|kWh|head|piece|square\s+met(?:re|er)|cubic\s+met(?:re|er)|share|"
    r"seat|passenger|ticket|vehicle|car|container|TEU)s?(?-u:\b)"
)


def _phrase_pattern(table: dict[str, tuple[str, ...]]) -> str:
    return _phrase_pattern_of(tuple(table.values()))


@lru_cache(maxsize=256)
def _phrase_pattern_of(values: tuple[tuple[str, ...], ...]) -> str:
    groups = "|".join(f"(?P<v{i}>{alt(cues)})" for i, cues in enumerate(values))
    return ascii_word_classes(f"(?i)^(?:{groups})$")


def phrase_rank(phrase: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    """Index in `table` of the first vocabulary value one of whose cues matches the whole
    `phrase` (one regex with a group per value, not one pass per value)."""
    groups = phrase.str.extract_groups(_phrase_pattern(table))
    return pl.coalesce(
        [pl.when(groups.struct.field(f"v{i}").is_not_null()).then(pl.lit(i, dtype=pl.Int32)) for i in range(len(table))]
    )


def phrase_value(phrase: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    """The vocabulary value of a cue phrase ("anti-dumping duties" -> "anti_dumping"), or NULL."""
    return phrase_rank(phrase, table).replace_strict(dict(enumerate(table)), default=None, return_dtype=pl.Utf8)


def _cue_ranks(text: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    any_cue = words(sorted({c for cues in table.values() for c in cues}, key=len, reverse=True))
    return text.str.extract_all(any_cue).list.eval(phrase_rank(pl.element(), table))


def text_value(text: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    """The first vocabulary value, in `table` order, one of whose cues occurs in `text` (one pass
    collects the cues, one classifies them)."""
    return _cue_ranks(text, table).list.min().replace_strict(dict(enumerate(table)), default=None, return_dtype=pl.Utf8)


def text_values(text: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    """Every vocabulary value whose cues occur in `text`, in `table` order (a list)."""
    return (
        _cue_ranks(text, table)
        .list.drop_nulls()
        .list.unique()
        .list.sort()
        .list.eval(pl.element().replace_strict(dict(enumerate(table)), default=None, return_dtype=pl.Utf8))
    )


def vocabulary_matches(
    frame: pl.DataFrame, texts: dict[str, pl.Expr], table: dict[str, tuple[str, ...]]
) -> pl.DataFrame:
    """For each named text, add a column with the vocabulary value of `table` (value -> cue
    regexes) found in it, by the table's order of precedence (the first value wins), or NULL.

    One regex pass per text collects every cue; each distinct matched phrase is then classified
    once in Python. Cheaper than one `contains` pass per vocabulary value."""
    any_cue = words(sorted({c for cues in table.values() for c in cues}, key=len, reverse=True))
    frame = frame.with_columns([expr.str.extract_all(any_cue).alias(f"_m_{name}") for name, expr in texts.items()])
    phrases = pl.concat([frame.get_column(f"_m_{name}").explode() for name in texts]).drop_nulls().unique().to_list()
    rank = {value: i for i, value in enumerate(table)}
    compiled = [(value, re.compile(alt(cues), re.IGNORECASE)) for value, cues in table.items()]

    def value_of(phrase: str) -> int | None:
        for value, pattern in compiled:
            if pattern.fullmatch(phrase):
                return rank[value]
        return None

    ranks = {p: value_of(p) for p in phrases}
    values = list(table)
    return frame.with_columns(
        [
            pl.col(f"_m_{name}")
            .list.eval(pl.element().replace_strict(ranks, default=None, return_dtype=pl.Int32))
            .list.min()
            .replace_strict(dict(enumerate(values)), default=None, return_dtype=pl.Utf8)
            .alias(name)
            for name in texts
        ]
    ).drop([f"_m_{name}" for name in texts])
