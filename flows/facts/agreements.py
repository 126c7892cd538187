"""agreements: agreements, MoUs, joint statements and committees between governments or public
institutions.

Anchor: each agreement noun in a sentence that signs, exchanges, issues or sets one up ("signed
45 agreements", "issued a joint statement", "agreed to set up a joint working committee"). A
noun after "the"/"these" refers back to one already counted, and commercial contracts (loans,
leases, aircraft) belong to their own tables. Parties are the countries of the anchor's clause
(organisations count for their state), completed from the document's two main countries.
"""

from __future__ import annotations

import re

import polars as pl

from flows.facts.context import actor_isos, alt, phrase_value, with_clause, words
from flows.facts.lexicon import AGREEMENT_COMMERCIAL, AGREEMENT_DONE, AGREEMENT_KINDS, TOPICS
from flows.facts.numbers import COUNT_RE, parse_counts
from flows.facts.reference import FactReference
from flows.text import find_matches

_NOUNS = sorted({c for cues in AGREEMENT_KINDS.values() for c in cues}, key=len, reverse=True)
AGREEMENT_ANY = words(_NOUNS)
_DONE = words(AGREEMENT_DONE)
_COMMERCIAL = words(AGREEMENT_COMMERCIAL)
_SIGNED_AFTER = r"(?i)^\s*(?:(?:that|which)\s+(?:[\w-]+\s+){0,5}?)?(?:signed|inked)(?-u:\b)"
_SIGNED_BEFORE = r"(?i)(?:signed|inked|sign|signing)\s+(?:of\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,5}$"
_SIGNED_BY_GOVERNMENTS = r"(?i)^\s*(?:that|which)\s+(?:the\s+)?(?:two|both|three)\s+(?:governments|countries|sides)\s+(?:had\s+|have\s+)?signed"
# "the deals", "these new digital protocols" refer back; "the signing of nine agreements" does not
# (short words like "of" break the noun phrase).
_ANAPHORIC = (
    r"(?i)(?:^|\W)(?:the|these|those|such(?:\s+an?)?|its|their|this|that|both|other|today['’]s|yesterday['’]s)\s+"
    r"((?:[a-z-]{3,}\s+){0,4})$"
)
# ... unless the words between are an action ("the two governments signed nine documents"), the
# document is picked out of a set ("One of the memorandums, signed by ..."), or a relative clause
# says who signed it ("the agreement that Kathmandu and New Delhi signed in January")
_ONE_OF = r"(?i)(?:^|\W)one\s+of\s+(?:the|these|those)\s+(?:[a-z-]{3,}\s+){0,2}$"
# Agreements someone only expects or imagines are not facts.
# ("if" only right before the document: "come to each other's aid if either is attacked" does not
# make a treaty a hypothesis)
_SPECULATIVE = words(
    (
        r"could", r"might", r"may", r"would", r"estimates?", r"expects?", r"hopes?", r"plans?\s+to", r"unless",
        # "A memorandum ... is expected to be signed at the next session", "a committee is due to discuss"
        r"expected\s+to\s+(?:be\s+)?sign\w*", r"(?:due|set|scheduled)\s+to\s+(?:be\s+signed|sign|discuss|meet|consider|review)",
    )
)  # fmt: skip

# Not (yet) concluded: "failed to clinch a trade deal", "agreed to start negotiations on a free trade agreement".
_NOT_CONCLUDED = (
    r"(?i)(?-u:\b)(?:fail(?:s|ed|ing)?\s+to|yet\s+to|negotiat\w+\s+(?:on|for|towards?|over)|talks\s+(?:on|for|towards?|over)|"
    # "did not sign any agreement in that area"
    r"(?:did|do|does|has|have|had)\s+not\s+(?:yet\s+)?(?:sign|signed|conclude|concluded|reach|reached|adopt|adopted)(?:\s+any)?|"
    r"(?:didn['’]t|haven['’]t|hasn['’]t)\s+(?:sign|signed|conclude|reach|reached)(?:\s+any)?)"
    r"\s+(?:[\w-]+\s+){0,5}$"
)
_ORDINAL_BEFORE = r"(?i)(?:first|second|third|largest|biggest|only|latest|most\s+\w+)\s+(?:[\w-]+\s+){0,3}$"
_COORDINATED = rf"{AGREEMENT_ANY}\s+(?:and|or|&)\s+(?:[\w-]+\s+){{0,2}}$"
_COUNT_BEFORE = rf"({COUNT_RE})\s+(?:of\s+)?(?:[\w-]+\s+){{0,3}}$"
# "the deals reportedly cover supply chain development and railway cooperation"
_CONTENTS = r"(?i)(?:the|these)\s+(?:deals|documents|agreements|pacts|accords|memorand\w+|MoUs)\s+(?:\w+\s+){0,3}?(?:cover\w*|includ\w+|span\w*|focus\w*|concern\w*|address\w*)"
_PLURAL = r"(?i)(?:s|memoranda)$"
_GROUP_OF_COUNTRIES = (
    r"(?i)(?-u:\b)(?:the|all|both)\s+(?:(two|three|four|five)\s+(?:(?-i:[a-z])[\w-]*\s+)?)?(?:countries|nations|governments|sides|"
    r"states|partners|leaders|presidents|prime\s+ministers|ministries|ministers|delegations)(?-u:\b)"
)


def _kind_of(noun: pl.Expr) -> pl.Expr:
    return phrase_value(noun, AGREEMENT_KINDS)


# One pass over the text: specific phrases come first in the alternation, so "green technology"
# is read as one phrase, never also as "technology".
_TOPIC_ANY = words(sorted({c for cues in TOPICS.values() for c in cues}, key=len, reverse=True))


def _topic_of_phrase(phrase: str) -> str | None:
    for topic, cues in TOPICS.items():
        if re.fullmatch(alt(cues), phrase, flags=re.IGNORECASE):
            return topic
    return None


def with_topics(frame: pl.DataFrame, text: pl.Expr) -> pl.DataFrame:
    """Add `topics`: the sorted topics the text names (each distinct phrase classified once)."""
    frame = frame.with_columns(text.str.extract_all(_TOPIC_ANY).alias("_phrases"))
    phrases = frame.get_column("_phrases").explode().drop_nulls().unique().to_list()
    mapping = {p: _topic_of_phrase(p) for p in phrases}
    topics = (
        pl.col("_phrases")
        .list.eval(pl.element().replace_strict(mapping, default=None, return_dtype=pl.Utf8))
        .list.drop_nulls()
        .list.unique()
        .list.sort()
    )
    return frame.with_columns(topics.alias("topics")).drop("_phrases")


def _is_airline(reference: FactReference) -> pl.Expr:
    return pl.element().is_in([alias for alias, category in reference.category_of.items() if category == "airline"])


def _signed_list_item() -> pl.Expr:
    """Whether a sentence is a bullet under a head that says its items were signed ("The
    instruments signed are:" then "* An Air Services Agreement between ...")."""
    bullet = pl.col("sentence").str.contains(r"^[-*•]\s")
    head = pl.when(~bullet).then(pl.col("sentence")).forward_fill().over("doc_id")
    return bullet & head.str.contains(rf"{_DONE}[^.]*:\s*$").fill_null(False)


def extract_agreements(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    # cheap tests first: each filter only reads the rows the previous one kept
    sents = (
        ctx.with_columns(_signed_list_item().alias("_listed"))
        .filter(pl.col("sentence").str.contains(AGREEMENT_ANY))
        .filter(pl.col("_listed") | pl.col("sentence").str.contains(_DONE))
        # (airlines as entities, longest first: "United Arab Emirates" is no mention of Emirates)
        .filter(
            ~pl.col("sentence").str.contains(reference.model_re)
            & ~pl.col("ents").list.eval(_is_airline(reference)).list.any()
        )
    )
    found = find_matches(sents.select("doc_id", "sent_id", pl.col("sentence").alias("text")), AGREEMENT_ANY)
    if found.is_empty():
        return pl.DataFrame()
    cand = with_clause(found.join(sents, on=["doc_id", "sent_id"]), "match_start", "match_end")
    anaphoric_words = pl.col("left").str.extract(_ANAPHORIC, 1)
    # a title is no reference back: "signed the Memorandum of Understanding on Power Purchase"
    titled = pl.col("match").str.contains(r"^\p{Lu}") & pl.col("right").str.contains(
        r"^\s+(?:on|of|for|between|concerning)\s+(?:the\s+)?\p{Lu}"
    )
    defined = pl.col("right_clause").str.contains(rf"^\s*(?:that|which)\s+(?:[\w-]+\s+){{0,5}}?{_DONE}")
    one_of = pl.col("left").str.contains(_ONE_OF)
    # a loan, a lease or an aircraft in the sentence makes it a commercial contract ("signed a loan
    # agreement"), unless governments are said to have signed it ("the first project financed under
    # the partnership that the two governments signed")
    by_governments = pl.col("right_clause").str.contains(_SIGNED_BY_GOVERNMENTS)
    cand = cand.with_columns((one_of | (defined & ~pl.col("match").str.contains(_PLURAL))).alias("_one_of")).filter(
        (~pl.col("sentence").str.contains(_COMMERCIAL) | by_governments)
        # a partnership is a document only when it is signed
        & (
            ~pl.col("match").str.contains(r"(?i)^partnerships?$")
            | pl.col("right_clause").str.contains(_SIGNED_AFTER)
            | pl.col("left").str.contains(_SIGNED_BEFORE)
        )
        # ("signed the agreements on behalf of ...": an empty run of words still refers back)
        & (~pl.col("left").str.contains(_ANAPHORIC) | anaphoric_words.str.contains(_DONE) | defined | one_of | titled)
        # "30 agreements and memorandums" is one total; "a pact and a memorandum" are two documents
        & ~(
            pl.col("left").str.contains(_COORDINATED)
            & ~pl.col("left").str.extract(r"(?:and|or|&)\s+((?:[\w-]+\s+){0,3})$", 1).str.contains(f"^{COUNT_RE}\\s")
        )
        # (a relative clause that says who signed it makes a fact of it: "a memorandum that the two
        # governments signed, setting out a deal that negotiators hope to conclude")
        & ~pl.col("left_clause").str.contains(_SPECULATIVE)
        & ~(pl.col("right_clause").str.contains(_SPECULATIVE) & ~defined)
        & ~pl.col("left_clause").str.contains(_NOT_CONCLUDED)
        # a description, not a signing: "The CEPA is Oman's first bilateral trade agreement with any country since ..."
        & ~(pl.col("left").str.contains(_ORDINAL_BEFORE) & ~pl.col("left_clause").str.contains(_DONE))
        # bare "documents" are papers, not a count of agreements: "electronic customs documents"
        & ~(
            pl.col("match").str.contains(r"(?i)^documents$")
            & ~pl.col("left").str.contains(rf"{COUNT_RE}\s+(?:[\w-]+\s+){{0,2}}$")
        )
        # an existing body meeting again is not a new one: "agreed to reconvene the Joint Commission",
        # "sign 16 documents at intergovernmental committee meeting"
        & ~pl.col("left_clause").str.contains(
            r"(?i)(?:reconven\w*|convene[sd]?|meetings?\s+of|session\s+of)\s+(?:[\w–-]+\s+){0,5}$"
        )
        & ~(
            pl.col("match").str.contains(r"(?i)^(?:committee|commission|council)s?$")
            & pl.col("right").str.contains(r"(?i)^\s+(?:meetings?|sessions?)(?-u:\b)")
        )
    )
    if cand.is_empty():
        return pl.DataFrame()
    clause = pl.concat_str("left_clause", "match", "right_clause")
    # parties stand before the noun or right after it ("Serbia's free trade agreement with China
    # came into force, ... the first in Europe apart from Switzerland"): the clause up to a comma
    party_clause = pl.concat_str("left_clause", "match", pl.col("right_clause").str.replace(r",[\s\S]*$", ""))
    orgs = reference.entities.filter((pl.col("category") == "org") & (pl.col("kind") != "manufacturer"))
    org_names = dict(zip(orgs["alias"], orgs["canonical"], strict=True))
    cand = cand.with_columns(
        clause.alias("clause"),
        _kind_of(pl.col("match")).alias("kind"),
        # the count right before the noun, else a little before it ("nine cooperation documents")
        pl.coalesce(
            pl.col("left").str.extract(rf"({COUNT_RE})\s+(?:of\s+)?$", 1),
            pl.col("left").str.extract(_COUNT_BEFORE, 1),
        ).alias("_count"),
        party_clause.str.extract_all(reference.entity_re).alias("_ents"),
        # a bloc is a party through its members ("the EU-Mercosur agreement")
        party_clause.str.extract_all(reference.bloc_re)
        .list.eval(pl.element().replace_strict(reference.bloc_members, default=""))
        .list.join(" ")
        .str.split(" ")
        .alias("_bloc_members"),
    ).with_columns(
        pl.concat_list(actor_isos(pl.col("_ents"), reference), "_bloc_members")
        .list.filter(pl.element() != "")
        .list.unique(maintain_order=True)
        .alias("_parties"),
        pl.col("_ents")
        .list.eval(pl.element().replace_strict(org_names, default=None, return_dtype=pl.Utf8))
        .list.drop_nulls()
        .list.unique(maintain_order=True)
        .alias("signatories"),
    )
    # a document named in the singular is one: "Serbia's free trade agreement with China"
    singular = ~pl.col("match").str.contains(_PLURAL)
    cand = cand.with_columns(
        pl.when(pl.col("_one_of") | (pl.col("_count").is_null() & singular))
        .then(pl.lit("one"))
        .otherwise("_count")
        .alias("_count")
    )
    cand = parse_counts(cand, "_count", "count", "count_qualifier")
    # a total told with its parts ("signed 14 documents, five intergovernmental agreements and nine
    # memorandums of understanding") is recorded as the parts, as a package of loans is
    key = ["doc_id", "sent_id"]
    cand = cand.sort("doc_id", "sent_id", "match_start")
    later = pl.col("count").fill_null(0).reverse().cum_sum().reverse().over(key) - pl.col("count").fill_null(0)
    later_rows = pl.int_range(pl.len(), 0, -1).over(key) - 1
    cand = cand.filter(~((later_rows >= 2) & (later == pl.col("count")) & (pl.col("count") > 1)).fill_null(False))
    # documents with no number at all are not a count an analyst can record ("signed a string of
    # energy deals", "signed the agreements on behalf of ..."); a vague one is ("dozens of agreements")
    cand = cand.filter(pl.col("count").is_not_null() | (pl.col("count_qualifier") == "approx"))
    # Two parties at least: the document's main countries complete a clause that names one;
    # "the three countries" are the three the document names most.
    # ("both governments": two; "the two leaders ... expanding the India–Mercosur agreement": not the bloc's members)
    group = pl.col("clause").str.extract(_GROUP_OF_COUNTRIES, 0).str.to_lowercase()
    group_size = (
        pl.when(group.str.starts_with("both"))
        .then(pl.lit("two"))
        .otherwise(group.str.extract(r"(two|three|four|five)", 1))
        .replace_strict({"two": 2, "three": 3, "four": 4, "five": 5}, default=None, return_dtype=pl.Int32)
    )
    parties = (
        pl.when(group_size.is_not_null() & (pl.col("_parties").list.len() < group_size))
        .then(
            pl.concat_list("_parties", "home", "ranked")
            .drop_nulls()
            .list.unique(maintain_order=True)
            .list.head(group_size)
        )
        .when((group_size == 2) & (pl.col("_parties").list.len() > 2))
        .then(pl.concat_list("home", "ranked").drop_nulls().list.unique(maintain_order=True).list.head(2))
        .when(pl.col("_parties").list.len() >= 2)
        .then(pl.col("_parties"))
        .otherwise(
            pl.concat_list("_parties", "home", "main").drop_nulls().list.unique(maintain_order=True).list.head(2)
        )
    )
    contents = pl.when(pl.col("match").str.contains(_PLURAL) & pl.col("next_sentence").str.contains(_CONTENTS)).then(
        pl.col("next_sentence")
    )
    cand = cand.with_columns(
        parties.list.sort().alias("parties_iso3"),
        pl.when(pl.col("signatories").list.len() > 0).then(pl.col("signatories").list.sort()).alias("signatories"),
    ).filter(pl.col("parties_iso3").list.len() >= 2)
    # topics: the whole sentence ("aimed at cooperation across trade, ..., and aviation") and the
    # next one when it lists what the documents cover
    # a number of documents said twice (a headline, then the story) is one signing
    repeated = (pl.col("count") > 1).fill_null(False) & (
        pl.int_range(pl.len()).over("doc_id", "parties_iso3", "count", "kind") > 0
    )
    cand = cand.sort("doc_id", "sent_id", maintain_order=True).filter(~repeated)
    return with_topics(cand, pl.concat_str(pl.col("sentence"), contents.fill_null(""), separator=" "))
