"""aviation_deals: aircraft orders, purchases, leases, deliveries, approvals and imports.

Anchors: each aircraft model named in a sentence with a deal word ("leasing two COMAC C909
aircraft"), and, in a sentence naming no model, a country-level deal on a manufacturer's or a
country's aircraft ("the import of Chinese aircraft", "paves the way for COMAC planes").
The customer is the airline that is not the counterparty (lessor, operator, seller), else the
country; backlogs, purchase rights and fleet counts are not deals.
"""

from __future__ import annotations

import polars as pl

from flows.facts.context import (
    POSS,
    THE,
    alt,
    ascii_word_classes,
    first_other,
    text_value,
    to_iso3,
    with_clause,
    words,
)
from flows.facts.lexicon import AVIATION_STATUS, DEAL_CUES, NOT_DEAL
from flows.facts.numbers import COUNT_RE, parse_counts
from flows.facts.reference import FactReference, model_alias
from flows.text import find_matches

_DEAL_ANY = words([c for cues in DEAL_CUES.values() for c in cues])
_NOT_DEAL = words(NOT_DEAL)
_AIRCRAFT_NOUN = r"(?i:aircraft|jets?|planes?|airliners?|freighters?|wide-?bodies|narrow-?bodies)"
_FUTURE_DELIVERY = words(
    (
        r"due",
        r"will",
        r"scheduled",
        r"expected",
        r"to\s+arrive",
        r"arrive\s+in",
        r"from\s+20\d\d",
        r"by\s+20\d\d",
        r"before",
    )
)
# Airlines the reference data does not know: "Norse Atlantic Airways", "Sky Angkor Airlines".
_GENERIC_AIRLINE = r"((?:[A-Z][\w-]*\s+){1,3}(?:Airlines|Airways|Air\s+Lines|Airline|Air))(?-u:\b)"
_FILL = r"(?:[\w“”\"'’-]+\s+)"
# "before its own A350s arrive in 2027": aircraft still to come, not a deal of this story.
_ARRIVES_LATER = (
    r"(?i)^\S*\s+(?:\w+\s+){0,2}?(?:arriv\w+|(?:are|is)\s+due|due\s+(?:in|from)|to\s+be\s+delivered|scheduled)"
)
_EARLIER_ORDER = (
    r"(?i)^[^.;]{0,60}?(?-u:\b)(?:under|from|as\s+part\s+of)\s+(?:its|their|an?|the)\s+"
    r"(?:existing|earlier|previous|prior|original|outstanding)\s+(?:[\w-]+\s+)?orders?(?-u:\b)"
)
_TYPE_OF_FLEET = r"(?i)^\S*\s+(?:operators?|customers?|users?|programmes?|programs?|production|family|fleets?)(?-u:\b)"
_NOT_CHOSEN = r"(?i)(?-u:\b)(?:over|instead\s+of|rather\s+than|against)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,2}$"
# "purchase rights for 50 more A321neos", "options on 20 A350s", "900 A320neos on order".
_OPTION_BEFORE = rf"(?i)(?:purchase\s+rights?|options?|rights)\s+(?:for|on|to\s+buy)\s+(?:{COUNT_RE}\s+)?(?:more\s+)?(?:[A-Z]\w+\s+)?$"
# ... unless the airline takes them up: "exercised options for three more A350-1000s" is an order
_OPTION_TAKEN_BEFORE = rf"(?i)(?:exercis\w+|took\s+up|takes\s+up|taken\s+up)\s+(?:its\s+|the\s+)?{_OPTION_BEFORE[4:]}"
_BACKLOG_AFTER = rf"^\S*\s+(?:{_AIRCRAFT_NOUN}\s+)?(?i:on\s+order|in\s+(?:its|the)\s+(?:backlog|fleet))"
# "which already has 60 Airbus A321neos and 39 Boeing 787-9s on order": the first of a backlog list
_HAS_BEFORE = rf"(?i)(?-u:\b)(?:has|have|had|holds?|held)\s+(?:already\s+)?{COUNT_RE}\s+(?:[A-Z][\w-]*\s+){{0,2}}$"
_ON_ORDER_LATER = r"(?i)^[^;.]{0,60}?\s+on\s+order(?-u:\b)"
# "has about 950 more on order from Airbus, including 30 A350-900s": part of a backlog

_BACKLOG_BEFORE = words((r"on\s+order", r"backlog", r"order\s+books?"))
# "plans to retire its last Boeing 757s": leaving the fleet, not a deal
_ORDINALS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"


# the planes an airline flies, in an aside or a fleet list: "The carrier, which flies four Airbus
# A319s and one ATR 42, expects ...", "is replacing a mixed fleet of A319s, A320s and Dash 8-400s"
_FLEET_CLAUSE = (
    r"(?i)(?:(?-u:\b)(?:which|that|who|currently|now|already)\s+(?:now\s+|currently\s+|already\s+)?(?:flies|operates|owns|uses)\s|"
    r"(?-u:\b)fleet\s+of\s)[^.;:()]{0,80}$"
)


def _fleet_before(makers: str) -> str:
    """A plane of the airline's fleet, with no deal verb just before it: "will keep flying its older 737-800s"."""
    fleet_words = r"(?:older|existing|current|ageing|aging|remaining|entire|own|other)"
    return ascii_word_classes(rf"(?i)(?:^|\W)(?:its|their)\s+(?:{fleet_words}\s+)?(?:{makers}\s+)?$")


def _ordinal_before(makers: str) -> str:
    """One aircraft by its rank: "took delivery of its third ATR 72-600", "the first of four A321LRs"."""
    of_total = rf"of\s+(?:its\s+)?(?:{COUNT_RE}\s+)?"
    return ascii_word_classes(
        rf"(?i)(?:^|\W)(?:its|the|their|a)\s+{_ORDINALS}\s+(?:and\s+(?:final|last)\s+)?(?:{of_total})?(?:(?:new|{makers})\s+)*$"
    )


def _first_n_of(makers: str) -> str:
    """Part of a batch: "took delivery of the first two of eight 737-9s" delivers two."""
    return ascii_word_classes(
        rf"(?i)(?:^|\W)(?:its|the|their)\s+first\s+({COUNT_RE})\s+of\s+(?:its\s+)?(?:{COUNT_RE}\s+)?"
        rf"(?:(?:new|{makers})\s+)*$"
    )


_RETIRE_BEFORE = r"(?i)(?:retir\w*|phas\w+\s+out|ground\w*|sell\w*\s+off|replac\w*|succeed\w*)\s+(?:[\w-]+\s+){0,3}$"
_HOPE = words(
    (
        r"hopes?", r"hoped", r"could", r"might", r"expects?", r"expected", r"aims?\s+to", r"aiming\s+to",
        # what jets would cost at list prices: "30 A350-900s would be worth roughly $9.5 billion"
        r"would\s+(?:be\s+)?(?:worth|cost)", r"(?:list|catalogue|catalog|sticker)\s+prices?",
    )
)  # fmt: skip
# what has not happened: "ANAC has not received an application to validate the Chinese jet"
_NEGATED = (
    r"(?i)(?-u:\b)(?:not|n't|never|no)\s+(?:yet\s+)?(?:\w+\s+){0,2}?"
    r"(?:received|validated|certified|ordered|signed|approved|delivered|leased|bought|applied|completed|granted|issued|finished)(?-u:\b)"
)
_SCHEDULE = (
    r"(?i)(?-u:\b)(?:to\s+be\s+delivered|for\s+delivery|deliver(?:ed|ies|y)\s+(?:are\s+|is\s+)?(?:due\s+)?"
    r"(?:from|between|starting|in|by|through)\s+(?:20\d\d|the\s+))"
)
_NOT_A_DEAL = (
    r"(?i)(?-u:\b)(?:convert\w*\s+(?:[\w-]+\s+){0,7}?orders?\s+(?:into|to)\s|standardi[sz]\w*\s+on|"
    r"swap\w*\s+(?:\w+\s+){0,3}?for)(?-u:\b)"
)
# a deal only weighed is no deal: "said it was "studying" an order for up to 30 more A220s", "is in talks to lease"
_WEIGHED = (
    r"(?i)(?-u:\b)(?:studying|weighing|evaluating|considering|mulling|exploring|assessing|eyeing|in\s+talks|"
    r"negotiating|discussing|held\s+talks)(?-u:\b)[^.;]{0,50}$"
)
_UNTOLD = r"(?i)(?-u:\b)(?:did\s+not|didn't|does\s+not|doesn't|would\s+not|declined\s+to)\s+(?:say|disclose|specify|reveal|give)(?-u:\b)"
# A manufacturer's tally or an airline's fleet, not a deal: "Airbus now counts 74 firm orders for the
# A350F from 11 customers", "Asman currently flies two leased Boeing 737-300s"
_TALLY = r"(?i)(?-u:\b)(?:counts?|lists?|tall(?:y|ies)|has\s+(?:booked|logged|won))\s+(?:about\s+|some\s+|more\s+than\s+)?[\d,]+\s+(?:firm\s+)?orders\s+for\s"
_FLEET_VERB = rf"(?i)(?-u:\b)(?:flies|fly|flying|operates|operate|operating)\s+(?:about\s+|some\s+)?{COUNT_RE}\s+(?:leased\s+|owned\s+|older\s+)?(?:[A-Z][\w-]*\s+)?$"
# a row of a table flattened into text: "IndiGo (India) | Airbus | A321neo | 6"
_TABLE_ROW = r"^[^|]+\|[^|]+\|"


# The transaction, by priority: a wet lease over a lease over an order ... an MoU only when it
# names no transaction of its own.
_DEAL_ORDER = {
    d: DEAL_CUES[d] for d in ("wet_lease", "lease", "order", "purchase", "delivery", "certification", "import", "mou")
}


def _deal_of(text: pl.Expr) -> pl.Expr:
    return text_value(text, _DEAL_ORDER)


def _status_of(text: pl.Expr, deal: pl.Expr) -> pl.Expr:
    status = text_value(text, AVIATION_STATUS)
    mou = text.str.contains(words(DEAL_CUES["mou"]))
    return (
        pl.when(status == "terminated")
        .then(status)
        .when(mou)
        .then(pl.lit("proposed"))
        .when(status.is_null() & deal.is_in(["certification", "delivery"]))
        .then(pl.lit("completed"))
        .otherwise(status)
    )


def _primary_manufacturer(reference: FactReference) -> dict[str, str]:
    """ISO3 -> the first manufacturer listed for it ("Chinese aircraft" -> COMAC)."""
    makers = reference.entities.filter((pl.col("kind") == "manufacturer") & pl.col("iso3").is_not_null())
    return dict(makers.group_by("iso3", maintain_order=True).agg(pl.col("canonical").first()).iter_rows())


# ("it" only as the subject: "Paraguay's Paranair ... will use it on flights" is about Paranair)
_BACK_TO_AIRLINE = (
    r"(?i)(?:(?-u:\b)the\s+(?:(?:flag|national|state|flagship)\s+carrier|carrier|airline|company|group|low-cost\s+carrier)"
    r"|^(?:[\w,]+\s+){0,5}?(?:it|its))(?-u:\b)"
)


_CERTIFICATION = words(DEAL_CUES["certification"])
# "placed four 737-8s on lease with Kuwait Airways": the airline after "with"/"to" is the lessee
# (the lessee's country may stand before it: "on lease with Kazakhstan's Air Astana")
_LEASED_TO = (
    r"(?i:on\s+lease|leas\w*|wet-leas\w*)\s+(?:with|to)\s+(?:the\s+)?(?:\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*)?(?:'s|’s)\s+)?"
)
_PASSIVE_BY = r"(?i)((?:leas|order|bought|purchas|acquir|rent|financ)\w*)\s+by(?-u:\b)"


def doc_airlines(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """doc_id -> `doc_airline`: the airline a document names most (ties: first named)."""
    # lessors are counterparties, never the story's customer airline
    airlines = [a for a, c in reference.category_of.items() if c == "airline" and reference.kind_of.get(a) != "lessor"]
    named = (
        ctx.select("doc_id", "sent_id", pl.col("ents"))
        .explode("ents")
        .filter(pl.col("ents").is_in(airlines))
        .with_row_index("_pos")
    )
    return (
        named.group_by("doc_id", "ents")
        .agg(pl.len().alias("_n"), pl.col("_pos").min().alias("_first"))
        .sort("doc_id", "_n", "_first", descending=[False, True, False], maintain_order=True)
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("ents").first().alias("doc_airline"))
    )


def _parties(cand: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Customer, counterparty and their countries from the airlines a sentence names."""
    airline_re = f"(?:{reference.airline_re}|{_GENERIC_AIRLINE})"
    counterparty_re = rf"(?i:operated\s+by|from|with|by|lessor)\s+{THE}(?:{_FILL}{{0,3}}?)({airline_re})"
    # an air force is no airline: "for the Ghana Air Force"
    cand = cand.with_columns(pl.col("sentence", "_local").str.replace_all(r"(\p{Lu}\w*\s+Air)\s+Force", "$1force"))
    sentence = pl.col("sentence")
    cand = cand.with_columns(
        # the airlines of the model's own clause, else of the sentence ("Jazeera Airways signed ...;
        # Oman's SalamAir cancelled the three ATR 72-600s ...")
        pl.when(
            pl.col("_local")
            .str.extract_all(airline_re)
            .list.eval(pl.element().replace_strict(reference.kind_of, default="airline", return_dtype=pl.Utf8))
            .list.contains("airline")
        )
        .then(pl.col("_local").str.extract_all(airline_re))
        .otherwise(sentence.str.extract_all(airline_re))
        .alias("_airlines"),
        # the agent of a passive deal verb is the customer: "leased by Thai Airways from Avolon"
        sentence.str.replace_all(_PASSIVE_BY, "$1 agent").str.extract(counterparty_re, 1).alias("_counter"),
    )
    # a lessor never leases from itself: "Lao Skyway signed a letter of intent to lease two C909s from China
    # Aircraft Leasing Group (CALC)" (the lessee is an airline, perhaps one we do not know)
    lessors = [a for a, k in reference.kind_of.items() if k == "lessor"]
    airlines = (
        pl.when(pl.col("deal").is_in(["lease", "wet_lease"]))
        .then(pl.col("_airlines").list.eval(pl.element().filter(~pl.element().is_in(lessors))))
        .otherwise("_airlines")
    )
    first = airlines.list.get(0, null_on_oob=True)
    second = airlines.list.get(1, null_on_oob=True)
    lessee = pl.coalesce(
        sentence.str.extract(rf"{_LEASED_TO}({airline_re})", 1),
        # a lessor places jets with the airline that leases them: "will place 15 A330neos with Garuda on long-term leases"
        sentence.str.extract(
            rf"(?i:plac\w+)\s+[^.;]{{0,80}}?\swith\s+{THE}({airline_re})\s+(?i:on|under)\s+(?:[\w-]+\s+){{0,2}}?(?i:leases?)",
            1,
        ),
    )
    # a part of a group's order named for one of its airlines: "with 30 A320neos going to Avianca and 20 A321neos
    # to GOL", "ten A220-300s for its Swiss unit, SWISS"
    for_airline = pl.col("_right").str.extract(
        rf"^\S*\s+(?:(?:going|destined|earmarked|allocated)\s+)?(?:to|for)\s+"
        rf"(?:(?i:its|the\s+group's|the\s+group’s)\s+(?:[\w-]+\s+){{0,2}}?(?i:unit|subsidiary|arm|airline|carrier),?\s+)?"
        rf"{THE}({airline_re})",
        1,
    )
    customer = pl.coalesce(
        lessee,
        pl.when(pl.col("deal") == "order").then(for_airline),
        pl.when(first.ne_missing(pl.col("_counter"))).then(first),
        pl.when(second.ne_missing(pl.col("_counter"))).then(second),
    )
    cand = cand.with_columns(
        customer.alias("_customer"),
        # the lessor is then the counterparty: the sentence's other airline or lessor
        pl.when(lessee.is_not_null())
        .then(pl.when(first.ne_missing(lessee)).then(first).otherwise(second))
        .otherwise("_counter")
        .alias("_counter"),
    )
    # "The carrier has taken ...", "the airline has also agreed ...": the story's airline.
    # A sentence that names no airline and no country is about the story's airline.
    cand = cand.with_columns(
        pl.when(
            pl.col("_customer").is_null()
            & (pl.col("sentence").str.contains(_BACK_TO_AIRLINE) | (pl.col("isos").list.len() == 0))
        )
        .then("doc_airline")
        .otherwise("_customer")
        .alias("_customer")
    )
    canonical = {k: v for k, v in reference.canonical_of.items() if reference.category_of[k] == "airline"}
    airline_iso3 = {k: v for k, v in reference.iso3_of.items() if reference.category_of[k] == "airline"}
    # An unknown airline's country: the country named just before it ("Norway's Norse Atlantic"),
    # not before another airline ("wet-leased from Spain's Wamos Air").
    # (or the place it is based in: "Toronto-based Porter Airlines")
    country_before = ascii_word_classes(
        rf"(?:{reference.country_re})(?:{POSS}|-based)\s+(?:[\w-]+\s+)?(?:[A-Z][\w’'-]*\s+){{0,3}}[A-Z][\w’'-]*"
    )

    country_after = ascii_word_classes(
        rf"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}},\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{reference.country_re})\s+"
        rf"(?:[\w-]+\s+)?(?i:carrier|airline|operator|start-up|startup|lessor)"
    )

    def iso3_of(name: str) -> pl.Expr:
        known = pl.col(name).replace_strict(airline_iso3, default=None, return_dtype=pl.Utf8)
        phrases = sentence.str.extract_all(country_before)
        appositions = sentence.str.extract_all(country_after)
        # the country of the phrase that ends with the airline's name (of the first three), or of
        # an apposition after it: "Sunlight Air, a small Philippine carrier"
        near = pl.coalesce(
            [
                pl.when(phrases.list.get(i, null_on_oob=True).str.ends_with(pl.col(name))).then(
                    phrases.list.get(i, null_on_oob=True).str.extract(f"^({reference.country_re})", 1)
                )
                for i in range(3)
            ]
            + [
                pl.when(appositions.list.get(i, null_on_oob=True).str.starts_with(pl.col(name))).then(
                    appositions.list.get(i, null_on_oob=True).str.extract(
                        f"({reference.country_re})\\s+(?:[\\w-]+\\s+)?\\S+$", 1
                    )
                )
                for i in range(2)
            ]
        )
        # (a city the airline is based in counts too: "Toronto-based Porter Airlines")
        place = near.str.to_lowercase().replace_strict(reference.place_of, default=None, return_dtype=pl.Utf8)
        return pl.coalesce(
            known, pl.when(pl.col(name).is_not_null()).then(pl.coalesce(to_iso3(near, reference), place))
        )

    return cand.with_columns(
        pl.col("_customer")
        .replace_strict(canonical, default=pl.col("_customer"))
        .str.replace(r"^\S+-based\s+", "")
        .alias("customer"),
        pl.col("_counter").replace_strict(canonical, default=pl.col("_counter")).alias("counterparty"),
        iso3_of("_customer").alias("_customer_iso3"),
    )


def _with_table_captions(ctx: pl.DataFrame) -> pl.DataFrame:
    """`deal_text`: the sentence, or for a row of a table flattened into text ("IndiGo (India) |
    Airbus | A321neo | 6") the table's caption before it ("SELECTED AUGUST DELIVERIES") and the
    row; `_cell_count`: a row's last cell when it is a number (the units)."""
    row = pl.col("sentence").str.contains(_TABLE_ROW)
    if not ctx.select(pl.col("sentence").str.contains("|", literal=True).any()).item():
        return ctx.with_columns(pl.col("sentence").alias("deal_text"), pl.lit(None, dtype=pl.Utf8).alias("_cell_count"))
    caption = pl.when(~row).then(pl.col("sentence")).forward_fill().over("doc_id")
    return ctx.sort("doc_id", "sent_id", maintain_order=True).with_columns(
        pl.when(row)
        .then(pl.concat_str(caption.str.to_lowercase().fill_null(""), pl.col("sentence"), separator=" "))
        .otherwise(pl.col("sentence"))
        .alias("deal_text"),
        pl.when(row).then(pl.col("sentence").str.extract(r"\|\s*(\d{1,4})\s*$", 1)).alias("_cell_count"),
    )


# A sentence that splits a deal of the sentence before by model: "Twenty of the aircraft are
# 737-8 narrowbodies; the other 11 are 787-9 Dreamliners", "The deal covers ten E190-E2s and ten E195-E2s".
_COMPOSITION = words(
    (r"covers?", r"covering", r"compris\w+", r"consists?\s+of", r"consisting\s+of", r"split\s+between",
     r"splitting", r"made\s+up\s+of", r"includes?", r"including", r"of\s+(?:the|them|these|those)\s+(?:aircraft|jets|planes)",
     r"the\s+other", r"the\s+rest", r"the\s+remaining")
)  # fmt: skip
# "Twenty of the aircraft are 737-8 narrowbodies", "the other 11 are 787-9s"
_COUNT_OF_SPLIT = (
    rf"({COUNT_RE})\s+(?:of\s+(?:the|them|these|those)(?:\s+[\w-]+)?\s+)?(?:are|were|will\s+be|is)\s+(?:the\s+)?$"
)


def _model_anchors(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    # (a deal word later in the sentence is about the split aircraft: "..., and the first will arrive in 2025")
    composition = (
        pl.col("sentence").str.contains(_COMPOSITION)
        & ~pl.col("sentence")
        .str.replace(rf"{_COMPOSITION}[\s\S]*$", "")
        # ("The order comprises 50 787-9s and 25 787-10s": the deal named before)
        .str.replace_all(r"(?i)(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:order|deal|purchase|agreement|contract)s?", "")
        .str.contains(_DEAL_ANY)
        & pl.col("prev_sentence").str.contains(_DEAL_ANY)
        & ~pl.col("sentence").str.contains(_TABLE_ROW)
    )
    # a split continues the deal before it: its deal, status and parties are read with that sentence
    # (sentences that name a model first: the rest of this is regex work on 5% of sentences)
    sents = ctx.filter(pl.col("sentence").str.contains(reference.model_re))
    sents = sents.with_columns(composition.alias("_composition")).with_columns(
        pl.when("_composition")
        .then(pl.concat_str("prev_sentence", pl.lit(" "), "deal_text"))
        .otherwise("deal_text")
        .alias("deal_text")
    )
    sents = sents.filter(pl.col("deal_text").str.contains(_DEAL_ANY))
    found = find_matches(sents.select("doc_id", "sent_id", pl.col("sentence").alias("text")), reference.model_re)
    if found.is_empty():
        return found
    cand = with_clause(found.join(sents, on=["doc_id", "sent_id"]), "match_start", "match_end").with_columns(
        model_alias(pl.col("match"), reference).alias("_alias"),
    )
    makers = alt([reference.manufacturer_re[3:-1]])
    # ("four Qatar Airways Boeing 787-9s": an owner's name may stand between the count and the model)
    count = rf"({COUNT_RE})\s+(?:(?:more|new|additional|used|second-hand|leased|{makers}|[A-Z][\w-]*)\s+){{0,4}}$"
    return cand.with_columns(
        pl.col("_alias")
        .replace_strict(reference.model_maker_of, default=None, return_dtype=pl.Utf8)
        .alias("manufacturer"),
        pl.col("_alias").replace_strict(reference.model_of, default=None, return_dtype=pl.Utf8).alias("model"),
        pl.col("match")
        .str.replace(r"^Boeing\s+", "")
        .str.replace(rf"\s+{_AIRCRAFT_NOUN}$", "")
        .alias("model_as_written"),
        pl.coalesce(
            pl.col("left").str.extract(_first_n_of(makers), 1),
            pl.when(pl.col("left").str.contains(_ordinal_before(makers))).then(pl.lit("one")),
            pl.col("left").str.extract(count, 1),
            pl.col("left").str.extract(_COUNT_OF_SPLIT, 1),
            "_cell_count",
        ).alias("_count"),
        (pl.col("left").str.contains(_fleet_before(makers)) | pl.col("left").str.contains(_FLEET_CLAUSE)).alias(
            "_fleet"
        ),
        # "the first two of six 737-8s on order": a delivery out of an order, not the backlog
        (pl.col("left").str.contains(_first_n_of(makers)) | pl.col("left").str.contains(_ordinal_before(makers))).alias(
            "_part_of_order"
        ),
        pl.col("left_clause").alias("_lclause"),
        # the clause around the model decides the deal; the sentence, when the clause has none
        pl.concat_str("left_clause", "match", "right_clause").alias("_local"),
        pl.col("right_clause").alias("_right"),
        # "787-9 Dreamliners": one aircraft named twice
        (pl.col("match_start") - pl.col("match_end").shift(1).over("doc_id", "sent_id")).alias("_gap"),
    ).filter(pl.col("_gap").fill_null(9) > 1)


def _country_anchors(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Deals on "Chinese aircraft" / "COMAC planes" in sentences naming no model."""
    maker_or_country = ascii_word_classes(
        rf"({reference.manufacturer_re}|{reference.country_re})\s+(?:[\w-]+\s+)?{_AIRCRAFT_NOUN}"
    )
    cues = words(DEAL_CUES["import"] + DEAL_CUES["certification"] + DEAL_CUES["purchase"] + DEAL_CUES["order"])
    # cheap tests first: each filter only reads the rows the previous one kept
    cand = (
        ctx.filter(pl.col("sentence").str.contains(_AIRCRAFT_NOUN))
        .filter(pl.col("sentence").str.contains(cues))
        .filter(~pl.col("sentence").str.contains(reference.model_re) & ~pl.col("sentence").str.contains(_NOT_DEAL))
        .filter(pl.col("sentence").str.contains(maker_or_country))
    )
    if cand.is_empty():
        return cand
    named = pl.col("sentence").str.extract(maker_or_country, 1)
    maker = named.replace_strict(reference.canonical_of, default=None, return_dtype=pl.Utf8)
    is_maker = named.replace_strict(reference.kind_of, default=None, return_dtype=pl.Utf8) == "manufacturer"
    country_maker = to_iso3(named, reference).replace_strict(
        _primary_manufacturer(reference), default=None, return_dtype=pl.Utf8
    )
    return cand.with_columns(
        pl.when(is_maker).then(maker).otherwise(country_maker).alias("manufacturer"),
        pl.lit(None, dtype=pl.Utf8).alias("model"),
        pl.lit(None, dtype=pl.Utf8).alias("model_as_written"),
        # "will order 25 Boeing aircraft"
        pl.col("sentence").str.extract(ascii_word_classes(rf"({COUNT_RE})\s+{maker_or_country}"), 1).alias("_count"),
        pl.col("sentence").alias("_right"),
        pl.col("sentence").alias("_local"),
        pl.col("sentence").alias("left"),
        pl.col("sentence").alias("_lclause"),
        pl.lit(False).alias("_fleet"),
        pl.lit(False).alias("_part_of_order"),
        pl.lit(False).alias("_composition"),
    )


def extract_aviation_deals(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    columns = ["doc_id", "sent_id", "char_start", "char_end", "evidence", "sentence", "deal_text", "isos", "manufacturer",
               "model", "model_as_written", "_count", "_right", "_local", "left", "_lclause", "_fleet", "_part_of_order", "home", "coreference", "_composition", "prev_sentence"]  # fmt: skip
    ctx = _with_table_captions(ctx)
    parts = [
        f.select(columns)
        for f in (_model_anchors(ctx, reference), _country_anchors(ctx, reference))
        if not f.is_empty()
    ]
    if not parts:
        return pl.DataFrame()
    cand = pl.concat(parts, how="vertical_relaxed")
    # the verb just before the model decides ("took delivery of two A320neos, part of an earlier
    # order"), unless its clause says the jets come with crews; then the clause; then the sentence
    # a delivery schedule belongs to an order, it is no delivery: "20 777-9s ..., to be delivered between 2027 and 2032"
    cand = cand.with_columns(
        *[pl.col(c).str.replace_all(_SCHEDULE, "~").alias(c) for c in ("_local", "_lclause", "deal_text")]
    )
    local = _deal_of(pl.col("_local"))
    from_sentence = local.is_null() & _deal_of(pl.col("_lclause").str.slice(-50)).is_null()
    cand = cand.with_columns(
        # an approval names the aircraft and may say who will fly it ("to be operated by UAE airlines")
        pl.when(pl.col("_local").str.contains(_CERTIFICATION))
        .then(pl.lit("certification"))
        .when(local == "wet_lease")
        .then(local)
        .otherwise(pl.coalesce(_deal_of(pl.col("_lclause").str.slice(-50)), local, _deal_of(pl.col("deal_text"))))
        .alias("deal"),
        from_sentence.alias("_from_sentence"),
    ).filter(
        pl.col("deal").is_not_null()
        # a deal read from elsewhere in the sentence, in a sentence that only hopes or expects
        & ~(pl.col("_from_sentence") & pl.col("sentence").str.contains(_HOPE))
    )
    # one row per model and deal of a sentence ("a firm order for four E195-E2s ... and will lease
    # two more E195-E2s" gives two)
    cand = cand.unique(subset=["doc_id", "sent_id", "model", "deal"], keep="first", maintain_order=True)
    # a family named beside one of its variants is that variant again: "its first Boeing 787-10, the
    # first of a dozen Dreamliners" (787)
    variants = cand.select("doc_id", "sent_id", pl.col("model").alias("_variant")).drop_nulls("_variant")
    repeated_family = (
        cand.select("doc_id", "sent_id", "model")
        .drop_nulls("model")
        .join(variants, on=["doc_id", "sent_id"])
        .filter(pl.col("_variant").str.starts_with(pl.concat_str("model", pl.lit("-"))))
        .select("doc_id", "sent_id", "model")
        .unique()
    )
    cand = cand.join(repeated_family, on=["doc_id", "sent_id", "model"], how="anti")
    # the model's own clause first: "took delivery of its first A321XLR on Monday and will use it
    # ... that its 757s could only just manage" is a completed delivery
    cand = cand.with_columns(
        pl.when(pl.col("_composition"))
        .then(_status_of(pl.col("deal_text"), pl.col("deal")))
        .otherwise(
            pl.coalesce(_status_of(pl.col("_local"), pl.col("deal")), _status_of(pl.col("deal_text"), pl.col("deal")))
        )
        .alias("status")
    )
    # a memorandum or letter of intent for aircraft is an order still to be confirmed
    cand = cand.with_columns(pl.col("deal").replace("mou", "order"))
    # a delivery still to come is not a deal yet ("before its own A350s arrive in 2027")
    cand = cand.filter(
        # (in the model's own coordinate: "took delivery of one on Monday and will keep flying ...")
        ~(
            (pl.col("deal") == "delivery")
            & pl.col("_right").str.replace(r"\s(?:and|but)\s[\s\S]*$", "").str.contains(_FUTURE_DELIVERY)
        )
        & ~pl.col("_right").str.contains(_ARRIVES_LATER)
        # a type certificate still to come is none: "European certification of the C919 is not expected before
        # 2027", "would certify it separately", "has applied for validation"
        & ~(
            (pl.col("deal") == "certification")
            & pl.col("_local").str.contains(
                r"(?i)(?-u:\b)(?:not\s+(?:yet\s+)?expected|expected|would|will|plans?\s+to|aims?\s+to|seeks?|seeking|"
                r"applied\s+for|applies\s+for|application|pending|awaiting|awaits)(?-u:\b)"
            )
        )
        # jets of an order placed before are no new order: "will receive five E195-E2s this year under its existing order"
        # (unless they are cancelled: "cancelled the three ATR 72-600s still outstanding from an earlier order")
        & ~(
            (pl.col("deal") == "order")
            & pl.col("_right").str.contains(_EARLIER_ORDER)
            & pl.col("status").ne_missing("terminated")
        )
        # "the world's largest A220 operator": the type an airline flies, not a deal
        & ~pl.col("_right").str.contains(_TYPE_OF_FLEET)
        # "choosing the Canadian-built narrowbody over Embraer's E195-E2": the type not chosen
        & ~pl.col("left").str.slice(-40).str.contains(_NOT_CHOSEN)
        & ~(
            pl.col("left").str.slice(-40).str.contains(_OPTION_BEFORE)
            & ~pl.col("left").str.slice(-60).str.contains(_OPTION_TAKEN_BEFORE)
        )
        & (~pl.col("_right").str.contains(_BACKLOG_AFTER) | pl.col("_part_of_order"))
        & ~(pl.col("left").str.contains(_HAS_BEFORE) & pl.col("_right").str.contains(_ON_ORDER_LATER))
        & ~pl.col("_lclause").str.contains(_BACKLOG_BEFORE)
        & ~pl.col("_lclause").str.slice(-50).str.contains(_RETIRE_BEFORE)
        & ~pl.col("_local").str.contains(_NEGATED)
        # converting orders between variants, leaving a split untold, standardising on a type: no deal
        & ~pl.col("_local").str.contains(_NOT_A_DEAL)
        & ~pl.col("sentence").str.contains(_UNTOLD)
        & ~(pl.col("_lclause").str.contains(_WEIGHED) & (pl.col("deal") != "mou"))
        # ("the first of a dozen Dreamliners the carrier has on order": the backlog, unless one of it was delivered)
        & (
            ~pl.col("_right").str.contains(r"(?i)^[^;.]{0,60}?(?:has|have|had)\s+(?:[\w-]+\s+)?on\s+order(?-u:\b)")
            | pl.col("_part_of_order")
        )
        & ~pl.col("_lclause").str.contains(_TALLY)
        # (unless a lessor follows: "is flying two Airbus A320s wet-leased from Latvia's SmartLynx")
        & ~(pl.col("left").str.contains(_FLEET_VERB) & ~pl.col("_right").str.contains(r"(?i)(?-u:\b)(?:from|with)\s"))
        & ~(pl.col("_fleet") & _deal_of(pl.col("_lclause").str.slice(-50)).is_null())
    )
    if cand.is_empty():
        return pl.DataFrame()
    cand = parse_counts(cand, "_count", "quantity", "_count_qualifier")
    # a split's parties are those of the deal it splits
    cand = cand.with_columns(pl.when("_composition").then("deal_text").otherwise("sentence").alias("sentence"))
    cand = _parties(cand.join(doc_airlines(ctx, reference), on="doc_id", how="left"), reference)
    # the total of a deal split by model in the next sentence gives the per-model rows only
    split = cand.filter("_composition").select("doc_id", (pl.col("sent_id") - 1).alias("sent_id"), "deal").unique()
    cand = cand.join(split, on=["doc_id", "sent_id", "deal"], how="anti")
    # an airline buying new jets orders them ("agreed to buy 10 A321XLRs from Airbus"); buying used ones,
    # or a government's buying, is a purchase
    airline_buys_new = (
        (pl.col("deal") == "purchase")
        & pl.col("customer").is_not_null()
        & ~pl.col("sentence").str.contains(r"(?i)(?-u:\b)(?:used|second-?hand|pre-?owned|older)(?-u:\b)")
        & pl.col("counterparty").is_null()
        & ~pl.col("sentence").str.contains(
            r"(?i)(?-u:\b)(?:ministry|military|air\s*force|defen[cs]e|government)(?-u:\b)"
        )
    )
    cand = cand.with_columns(pl.when(airline_buys_new).then(pl.lit("order")).otherwise("deal").alias("deal"))
    maker_iso3 = pl.col("manufacturer").replace_strict(
        {v: k for k, v in _primary_manufacturer(reference).items()}, default=None, return_dtype=pl.Utf8
    )
    return cand.with_columns(
        pl.coalesce(
            # an approval's customer is the approving country: "Brazil's ANAC validated the A220"
            pl.when(pl.col("deal") == "certification").then(first_other(pl.col("isos"), maker_iso3)),
            "_customer_iso3",
            # an airline we do not know is most likely the story's country's
            pl.when(pl.col("customer").is_not_null() & pl.col("home").ne_missing(maker_iso3)).then("home"),
            first_other(pl.col("isos"), maker_iso3),
        ).alias("customer_iso3"),
    ).filter(pl.col("customer_iso3").is_not_null() | pl.col("customer").is_not_null())
