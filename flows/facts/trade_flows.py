"""trade_flows: a money amount whose clause is about exports, imports or bilateral trade.

Anchor: each money amount. Its flow is the trade cue nearest before it in its clause (or "in
exports" right after it), unless a non-trade cue (loan, railway, investment, tariffs on...) is
nearer. Reporter and partner come from patterns around the cue ("Vietnamese imports from
China", "exports to the US", "trade between X and Y"), then from the sentence's countries, then
from the document's main countries.
"""

from __future__ import annotations

import polars as pl

from flows.facts.context import (
    POSS,
    THE,
    actor_isos,
    alt,
    ascii_word_classes,
    entity_template,
    extract_iso3,
    first_other,
    money_anchors,
    phrase_value,
    tag_entities,
    tagged_names,
    to_iso3,
    with_clause,
    words,
)
from flows.facts.lexicon import FLOW_CUES, NOT_FLOW_CUES, SPECULATION, TRADE_NOT_FLOW, UNIT_PRICE
from flows.facts.numbers import COUNT_RE, UNITS, qualifier_before
from flows.facts.periods import PERIOD_RE, resolve_frame
from flows.facts.products import product_of
from flows.facts.reference import FactReference, alternation

_ALL_FLOW = [c for cues in FLOW_CUES.values() for c in cues]
FLOW_ANY = words(_ALL_FLOW)
_LAST_CUE = rf"(?s).*({words(_ALL_FLOW + list(NOT_FLOW_CUES))})"
_RIGHT_CUE = rf"^\s*(?:worth\s+)?(?:of|in|from)\s+(?:[\w-]+\s+){{0,3}}?({FLOW_ANY})"
_RIGHT_OTHER = rf"^\s*(?:[\w-]+\s+){{0,2}}?{words(NOT_FLOW_CUES)}"
# "trade surplus", "trade deal": blank the word "trade" so it is not read as a flow cue.
_TRADE_NOT_FLOW = rf"(?i)(?-u:\b)(?:trade|trading)(\s+{alt(TRADE_NOT_FLOW)}(?-u:\b))"
_SPECULATION = words([s if s != "may" else "(?-i:may)" for s in SPECULATION])
# a source is no destination: "..., according to the Zambia Statistics Agency"
_ACCORDING_TO = r"(?i)(?-u:\b)according\s+to(?-u:\b)"
_SAID_NEXT = r",\s+(?:said|says|say|told|added|warned|noted)\s[\s\S]*$"

_FLOW_WORD = words(
    (r"exports?", r"imports?", r"shipments", r"sales", r"purchases", r"trade", r"commerce", r"trading", r"turnover")
)
_INBOUND = r"(?i)(?-u:\b)inbound\s+shipments(?-u:\b)"
_OUTBOUND = r"(?i)(?-u:\b)outbound\s+shipments(?-u:\b)"
_EXPORT_VERB = r"(?i:exports?|exported|exporting|shipments?|shipped|sales|sold|sent)"
_IMPORT_VERB = r"(?i:imports?|imported|importing|purchases?|bought|purchased|sourced)"
# "{E} is {E}'s <role>": the first country is the second's supplier or buyer
_ROLE = (
    r"{{E}}\s+(?i:is|was|remains|remained|became|has\s+become)\s+(?i:now\s+|still\s+)?(?i:the\s+)?{{E}}"
    + POSS
    + r"\s+(?:[\w-]+\s+){{0,3}}?(?i:{roles})(?-u:\b)"
)
_ROLE_APPOS = (
    r"{{E}}"
    + POSS
    + r"\s+(?:[\w-]+\s+){{0,3}}?(?i:{roles})(?-u:\b)(?:\s+(?:of|for)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?,\s+"
    + THE
    + r"{{E}},"
)
_SUPPLIER = r"sources?|suppliers?|sellers?|providers?"
_BUYER = r"buyers?|customers?|markets?|destinations?|clients?"
TEMPLATES = {
    "rep_poss": rf"{{E}}{POSS}\s+(?:[\w-]+\s+){{0,3}}?{_FLOW_WORD}",
    # (an apposition may follow the subject: "Brazil, the second-largest supplier, exported")
    "rep_subj": r"{E}(?:,[^,;]{1,80},)?\s+(?:[\w-]+\s+){0,2}?(?i:exported|imported|shipped|sold|bought|purchased)(?-u:\b)",
    "rep_from": rf"(?i:exports?|shipments?|sales)\s+(?:[\w-]+\s+){{0,3}}?from\s+{THE}{{E}}",
    "to": rf"{_EXPORT_VERB}(?-u:\b)[^;]*?(?-u:\b)(?:to|into)\s+{THE}{{E}}",
    "from": rf"{_IMPORT_VERB}(?-u:\b)[^;]*?(?-u:\b)from\s+{THE}{{E}}",
    "of": rf"(?i:(?:imports?|purchases)\s+of|imported|bought|purchased)\s+{THE}{{E}}",
    "with": rf"(?i:trade|commerce|turnover|trading)(?-u:\b)[^;]*?(?-u:\b)with\s+{THE}{{E}}",
    "between": rf"between\s+{THE}{{E}}\s+and\s+{THE}{{E}}",
    # "China bought $19.5 billion of Angolan crude"
    "of_goods": rf"(?i:imported|bought|purchased)(?-u:\b)[^;]{{0,40}}?(?-u:\b)of\s+{THE}{{E}}",
    # goods named by their origin: "Chinese-built electric vehicles"
    "made": r"{E}-(?i:built|made|produced|manufactured)(?-u:\b)",
    # the other side named by its role: "China remains Japan's biggest source of imports, supplying ..."
    "supplier": _ROLE.format(roles=_SUPPLIER),
    "buyer": _ROLE.format(roles=_BUYER),
    # or in apposition: "Korea's biggest source of imports, China, supplied ..."
    "supplier_appos": _ROLE_APPOS.format(roles=_SUPPLIER),
    "buyer_appos": _ROLE_APPOS.format(roles=_BUYER),
}
# A subject in apposition trades with the country its description names: "Greece's largest trading
# partner in the Gulf, Saudi Arabia, sold it ...", "China, the largest buyer of Zimbabwean tobacco, bought ..."
_APPOS_VERBS = r"(?i:sold|sells|bought|buys|exported|exports|imported|imports|shipped|ships|supplied|purchased)"
_APPOS_VERB = r"(?:[\w-]+\s+){0,2}?" + _APPOS_VERBS + r"(?-u:\b)"
TEMPLATES["appos_poss"] = r"{E}" + POSS + r"\s+[^,;]{1,60}?,\s+" + THE + r"{E},\s+" + _APPOS_VERB
TEMPLATES["appos_desc"] = r"{E},\s+(?i:the|its|their|an?)\s+[^,;]{0,60}?{E}[^,;]{0,30}?,\s+" + _APPOS_VERB
_SENTENCE_ONLY = ("made", "supplier", "buyer", "supplier_appos", "buyer_appos", "appos_poss", "appos_desc")
# "US-China trade": generic names (two copies of the entity alternation in one regex are slow)
_PAIR = r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*[-–/]\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:\s+[\w-]+){0,2}\s+(?i:trade|commerce)"


def _flow_of(cue: pl.Expr) -> pl.Expr:
    return phrase_value(cue, FLOW_CUES)


# Sold "there": the partner is the country the previous sentence named.
_THERE = r"(?i:exports?|shipments?|shipped|sales|sold|exported)\s+(?:[\w-]+\s+){0,3}?there(?-u:\b)"
# "shipped $5.8 billion of goods the other way": to the story's other country
_OTHER_WAY = r"(?i)(?-u:\b)(?:the\s+other\s+way|in\s+the\s+other\s+direction|in\s+return)(?-u:\b)"
# "up from less than €2 billion three years earlier": a comparison figure for the same flow.
_COMPARISON = (
    r"(?i)(?-u:\b)(?:(?:up|down|rising|falling|compared|increas\w+|decreas\w+|rose|fell)\s+)?(?:from|with|against)\s+"
    r"(?:(?:less|more)\s+than|nearly|almost|about|around|roughly|just|some|over|under)?\s*$"
)
# a change is no value: "an increase of USD 10.5 billion", "exports rose by $2 billion"
_CHANGE_OF = (
    r"(?i)(?:(?-u:\b)(?:an?\s+)?(?:increase|rise|growth|decline|drop|fall|jump|decrease|gain)\s+of|"
    r"(?-u:\b)(?:up|down|rose|fell|increased|decreased|grew|jumped|declined|dropped|climbed|slipped)\s+by)"
    r"\s+(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|more\s+than\s+)?$"
)
# a country's trade with the whole world has no partner: "the foreign trade turnover of Uzbekistan"
_WORLD_TRADE = r"(?i)(?-u:\b)(?:foreign|external|international|global)\s+trade(?-u:\b)"
_PRONOUN_FIGURE = (
    r"(?i)(?:^|\W)(?:they|these|those|it|the\s+(?:figure|total|value))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:reached|totall?ed|came\s+to|stood\s+at|rose\s+to|fell\s+to|climbed\s+to|dropped\s+to|jumped\s+to|hit|amounted\s+to|were|was)"
    r"\s+(?:(?:about|around|nearly|almost|some|roughly|just|over|more\s+than)\s+)?$"
)
_YEARS_BACK = r"(?i)(\w+)\s+years?\s+(?:earlier|before|ago|previously)"
# A destination or origin described, not named ("exports to the kingdom", "shipments to what had
# been its most valuable market"): the story's other country.
_UNNAMED_TO = r"(?i:exports?|shipments?|sales|sold|shipped|exported)(?:\s+[^\s;,]+){0,5}?\s+to\s+(?i:the|what|its|their|a)(?-u:\b)"
_UNNAMED_FROM = (
    r"(?i:imports?|purchases|bought|imported)(?:\s+[^\s;,]+){0,5}?\s+from\s+(?i:the|what|its|their|a)(?-u:\b)"
)
# Several partners at once are none of them: "exported €55 billion of goods to the four countries"
_SEVERAL_PARTNERS = (
    rf"(?i)(?:to|from|with)\s+(?:the|its|their)\s+(?:other\s+)?(?:{COUNT_RE}|several|other)\s+"
    r"(?:[\w-]+\s+)?(?:countries|nations|members|states|economies|partners|markets)(?-u:\b)"
)
# "imported X from Mexico ... and sold it $334 billion": the partner of the figure before.
_PRONOUN_PARTNER = r"(?i:sold|exported|shipped|sent|sells|exports)\s+(?:it|them)(?-u:\b)"
# A cost or an aircraft bought is the object of the trade word, not another kind of money:
# "imports cost $3.3 billion", "imported aircraft and parts worth Rs 4,500 crore".
_FLOW_OBJECT = (
    r"(?i)((?:imports?|exports?|imported|exported|purchases|shipments)(?:\s+[\w-]+){0,3}?\s+|(?:imports?|exports?)\s+(?:from|to)\s[^.;:]{0,60}?,\s+)"
    r"(cost|costs|costing|valued|aircraft|jets|planes)(?-u:\b)"
)


# A share of the figure that went somewhere is not its partner (nor its reporter): "about half of them to China",
# "mostly to the European Union", "mostly from sales to the Netherlands".
_SHARE_TO = (
    r"(?i)((?:of\s+(?:them|it|which|those|these|that)(?:\s+(?:the\s+)?(?:majority|most|bulk|rest|remainder|half)\s+(?:was|were))?|"
    r"(?-u:\b)(?:mostly|mainly|largely|chiefly|primarily|predominantly))\s+"
    r"(?:went\s+|going\s+|sold\s+|shipped\s+|(?:from|through|via|in)\s+(?:sales|shipments|exports)\s+)?)(to|from)(?-u:\b)"
    # (the places named, one or several: "mostly to the Democratic Republic of Congo and Zimbabwe")
    r"(?:\s+(?:the\s+)?\p{Lu}[\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\w’'-]*){0,3}"
    r"(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?\p{Lu}[\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\w’'-]*){0,3})*)?"
)


_RIGHT_TO = r"^\s*(?:(?:of|worth\s+of|in)\s+(?:[\w-]+\s+){0,3}?)?(?:to|into)\s+(?:the\s+)?{E}"
_RIGHT_FROM = r"^\s*(?:(?:of|worth\s+of|in)\s+(?:[\w-]+\s+){0,3}?)?from\s+(?:the\s+)?{E}"


def _regions(reference: FactReference) -> str:
    """A continent, region or regional group, by name or description ("ASEAN", "the continent")."""
    regions = reference.entities.filter(pl.col("kind") == "region")["alias"].to_list()
    return ascii_word_classes(
        rf"(?:the\s+)?(?:(?:rest|whole)\s+of\s+)?(?:{alternation(regions)}(?-u:\b)|"
        r"(?i:the\s+)?(?i:continent|region|world)(?-u:\b))"
    )


def _region_re(reference: FactReference) -> str:
    """A continent or region as the other side of a flow ("Chinese exports to Africa", "imports
    from the continent"): no one country."""
    return ascii_word_classes(r"(?i:to|from|with|and)\s+") + _regions(reference)


def extract_trade_flows(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    cand = money_anchors(amounts, ctx.filter(pl.col("sentence").str.contains(FLOW_ANY)))
    if cand.is_empty():
        return cand
    cand = with_clause(cand, "rel_start", "rel_end")
    unblank = (
        pl.col("left_clause")
        # a company or brand changing hands is not trade: "its brand was bought by the government"
        .str.replace_all(r"(?i)(?-u:\b)((?:was|were|been|being|is|are)\s+)(?:bought|purchased|sold)(?-u:\b)", "$1~")
        .str.replace_all(_TRADE_NOT_FLOW, "~$1")
        .str.replace_all(ascii_word_classes(_FLOW_OBJECT), "$1~")
        # (the last cue wins, and "shipments" alone is an export cue)
        .str.replace_all(_INBOUND, "imports")
        .str.replace_all(_OUTBOUND, "exports")
        .str.replace_all(_ACCORDING_TO, "per")
    )
    left_cue = unblank.str.extract(_LAST_CUE, 1)
    right_cue = pl.col("right_clause").str.replace_all(_TRADE_NOT_FLOW, "~$1").str.extract(_RIGHT_CUE, 1)
    amount_text = pl.col("sentence").str.slice(pl.col("rel_start"), pl.col("rel_end") - pl.col("rel_start"))
    cand = cand.with_columns(
        pl.when(pl.col("right_clause").str.contains(_RIGHT_OTHER))
        .then(None)
        .otherwise(pl.coalesce(_flow_of(left_cue), _flow_of(right_cue)))
        .alias("flow"),
        pl.concat_str("left_clause", amount_text, "right_clause").alias("clause"),
        pl.col("left").str.slice(-40).str.contains(_COMPARISON).alias("comparison"),
    )
    clause_without_shares = (
        pl.col("clause")
        .str.replace_all(_SHARE_TO, "$1~")
        .str.replace_all(_INBOUND, "imports")
        .str.replace_all(_OUTBOUND, "exports")
        .str.replace_all(_ACCORDING_TO, "per")
    )
    cand = cand.with_columns(
        tag_entities(clause_without_shares, reference).alias("_tag_clause"),
        tag_entities(pl.col("sentence").str.replace_all(_SHARE_TO, "$1~"), reference).alias("_tag_sentence"),
        tag_entities(pl.col("right_clause").str.head(60), reference).alias("_tag_right"),
    )
    clause = pl.col("_tag_clause")
    roles = {
        name: extract_iso3(pl.col("_tag_sentence") if name in _SENTENCE_ONLY else clause, t, reference, tagged=True)
        for name, t in TEMPLATES.items()
    }
    roles["between2"] = extract_iso3(clause, TEMPLATES["between"], reference, group=2, tagged=True)
    for name in ("supplier", "buyer", "supplier_appos", "buyer_appos"):
        roles[f"{name}2"] = extract_iso3(pl.col("_tag_sentence"), TEMPLATES[name], reference, group=2, tagged=True)
    for name in ("appos_poss", "appos_desc"):
        roles[f"{name}_last"] = extract_iso3(pl.col("_tag_sentence"), TEMPLATES[name], reference, group=-1, tagged=True)
    # the country right after the figure is its own: "imported R9.6 billion from China and R2.7 billion from Vietnam"
    roles["right_to"] = extract_iso3(pl.col("_tag_right"), _RIGHT_TO, reference, tagged=True)
    roles["right_from"] = extract_iso3(pl.col("_tag_right"), _RIGHT_FROM, reference, tagged=True)
    # the pair a sentence names: "trade between Mongolia and Korea ..., of which export of Mongolia amounted USD 52,3 mln"
    roles["s_between"] = extract_iso3(pl.col("_tag_sentence"), TEMPLATES["between"], reference, tagged=True)
    roles["s_between2"] = extract_iso3(pl.col("_tag_sentence"), TEMPLATES["between"], reference, group=2, tagged=True)
    pair = ascii_word_classes(_PAIR)
    roles["pair"] = to_iso3(pl.col("clause").str.extract(pair, 1), reference)
    roles["pair2"] = to_iso3(pl.col("clause").str.extract(pair, 2), reference)
    cand = cand.with_columns(**roles)
    # the two sides a role names: "A is B's biggest supplier", "B's biggest buyer, A,"
    cand = cand.with_columns(
        pl.coalesce("supplier", "buyer2", "supplier_appos2", "buyer_appos").alias("_seller"),
        pl.coalesce("supplier2", "buyer", "supplier_appos", "buyer_appos2").alias("_purchaser"),
        # (the subject in apposition, then the country its description names)
        pl.coalesce("appos_poss_last", "appos_desc").alias("_appos_subject"),
        pl.coalesce(pl.when(pl.col("appos_poss_last").is_not_null()).then("appos_poss"), "appos_desc_last").alias(
            "_appos_partner"
        ),
    )
    flow = pl.col("flow")
    # (the figure right after the appositive subject's verb: "..., Saudi Arabia, sold it €2.9 billion")
    appos = (
        pl.col("_appos_subject").is_not_null()
        & pl.col("_appos_partner").ne_missing(pl.col("_appos_subject"))
        & pl.col("left_clause").str.contains(_APPOS_VERBS + r"\s+(?:[\w-]+\s+){0,3}?$")
    )
    # a total is from everyone, whatever role the sentence gave a country: "China remains Türkiye's biggest
    # supplier of tyres, selling $412 million worth last year, while total tyre imports reached $1.26 billion"
    total = pl.col("left_clause").str.contains(
        r"(?i)(?-u:\b)(?:total|overall|combined)\s+(?:[\w-]+\s+){0,2}?(?:imports|exports|purchases|shipments|sales)(?-u:\b)"
    )
    # Partner first: the named counterpart of the cue.
    partner = (
        pl.when(appos).then("_appos_partner")
        .when(flow == "export").then(
            pl.coalesce(
                "right_to",
                "to",
                # "there": a country named before in the sentence, else in the sentence before
                pl.when(pl.col("clause").str.contains(_THERE)).then(
                    pl.coalesce(
                        pl.when(pl.coalesce("rep_subj", "rep_poss").is_not_null()).then(
                            first_other(pl.col("isos"), pl.coalesce("rep_subj", "rep_poss"))
                        ),
                        pl.col("prev_isos").list.last(),
                    )
                ),
                pl.when(~total).then("_purchaser"),
            )
        )
        .when(flow == "import").then(pl.coalesce("right_from", "from", "of", "of_goods", "made", pl.when(~total).then("_seller")))
        .otherwise(pl.coalesce("with", "between2", "pair2"))
    )  # fmt: skip
    # the direct destination or origin is a region: "Exports to ASEAN rose 7.7% to $10.05 billion, helped
    # by chip sales to Vietnam" has no one partner
    regions = _regions(reference)
    to_region = (
        (flow == "export")
        & clause_without_shares.str.contains(rf"{_EXPORT_VERB}\s+(?:[\w-]+\s+){{0,3}}?(?:to|into)\s+{regions}")
    ) | (
        (flow == "import")
        & clause_without_shares.str.contains(rf"{_IMPORT_VERB}\s+(?:[\w-]+\s+){{0,3}}?from\s+{regions}")
    )
    partner = (
        pl.when(to_region & pl.col("right_to").is_null() & pl.col("right_from").is_null()).then(None).otherwise(partner)
    )
    cand = cand.with_columns(
        total.alias("_total"),
        actor_isos(
            tagged_names(
                pl.col("_tag_sentence")
                .str.replace_all(r"(?i)(?-u:\b)(?:according|thanks|due|owing)\s+to(?-u:\b)", "per")
                .str.extract_all(entity_template(r"(?i:to|into|from)\s+(?:the\s+)?{E}"))
                .list.join(" ")
            ),
            reference,
        ).alias("_dest_isos"),
        partner.alias("partner_iso3"),
        # the place a share went ("mostly from sales to the Netherlands") is neither side
        to_iso3(pl.col("sentence").str.extract(_SHARE_TO, 0).str.extract(reference.entity_re, 0), reference).alias(
            "_share_iso3"
        ),
    )
    named_reporter = pl.coalesce(
        pl.when(appos).then("_appos_subject"),
        pl.when(flow == "bilateral").then(pl.coalesce("between", "pair")),
        pl.when(pl.col("rep_poss").ne_missing(pl.col("partner_iso3"))).then("rep_poss"),
        pl.when(pl.col("rep_subj").ne_missing(pl.col("partner_iso3"))).then("rep_subj"),
        pl.when(flow == "export").then("rep_from"),
        pl.when(flow == "export").then("_seller"),
        pl.when(flow == "import").then("_purchaser"),
    )
    # With no reporter named, the story's country: "TAIPEI — Exports to the United States jumped ..."
    reporter = pl.coalesce(
        named_reporter,
        pl.when(
            pl.col("subject").ne_missing(pl.col("partner_iso3"))
            & pl.col("subject").ne_missing(pl.col("_share_iso3"))
            # (not a place goods went to or came from: "helped by chip sales to Vietnam")
            & ~pl.col("_dest_isos").list.contains(pl.col("subject")).fill_null(False)
        ).then("subject"),
        pl.when(pl.col("home").ne_missing(pl.col("partner_iso3"))).then("home"),
        first_other(pl.col("isos"), pl.col("partner_iso3"), pl.col("_share_iso3")),
        first_other(pl.col("main"), pl.col("partner_iso3")),
    )
    cand = cand.with_columns(reporter.alias("reporter_iso3"), named_reporter.alias("_named_rep"))
    # trade with a group or a region has no one partner, named or by reference: "with the other
    # members of the Eurasian Economic Union", "between China and Africa"
    with_group = pl.col("clause").str.contains(_SEVERAL_PARTNERS) | clause_without_shares.str.contains(
        _region_re(reference)
    )
    unnamed = (
        ((flow == "export") & clause_without_shares.str.contains(_UNNAMED_TO))
        | ((flow == "import") & clause_without_shares.str.contains(_UNNAMED_FROM))
        | pl.col("sentence").str.contains(_OTHER_WAY)
    ) & ~with_group
    world_trade = pl.col("left_clause").str.contains(_WORLD_TRADE) & ~pl.col("clause").str.contains(
        r"(?i)(?-u:\b)(?:with|between)\s"
    )
    reporter = pl.col("reporter_iso3")
    cand = cand.with_columns(
        pl.when(pl.col("partner_iso3").is_null() & unnamed)
        .then(first_other(pl.col("main"), reporter))
        # the other side of the pair the sentence's trade is "between"
        .when(pl.col("partner_iso3").is_null() & (reporter == pl.col("s_between")))
        .then("s_between2")
        .when(pl.col("partner_iso3").is_null() & (reporter == pl.col("s_between2")))
        .then("s_between")
        .otherwise("partner_iso3")
        .alias("partner_iso3")
    )
    # A bilateral value needs both sides: take the other from the sentence, then the document
    # (not for trade with a group or a region).
    cand = cand.with_columns(
        pl.when((flow == "bilateral") & ~with_group & ~world_trade)
        .then(
            pl.coalesce(
                "partner_iso3",
                first_other(pl.col("isos"), pl.col("reporter_iso3")),
                first_other(pl.col("main"), pl.col("reporter_iso3")),
            )
        )
        .otherwise("partner_iso3")
        .alias("partner_iso3"),
        pl.coalesce(
            pl.col("clause").str.extract_all(PERIOD_RE).list.first(),
            pl.col("sentence").str.extract_all(PERIOD_RE).list.first(),
        ).alias("period_text"),
        qualifier_before(pl.col("left")).alias("qualifier"),
        product_of(pl.col("clause"), single=True).alias("product"),
    )
    cand = resolve_frame(cand, "period_text", "published", how="period")
    cand = _counterflow(_pronoun_partner(_comparisons(cand))).filter(
        pl.col("flow").is_not_null()
        # (what a subject said it would do next is no hypothesis about the figure: "Indian refiners,
        # which bought $52 billion of Russian crude last year, said they would review contracts")
        & ~pl.col("clause").str.replace(_SAID_NEXT, "").str.contains(_SPECULATION)
        # (a hypothesis earlier in the sentence covers what follows: "estimates the deal could lift exports
        # by 39% ... and save exporters €4 billion a year")
        & ~pl.col("left").str.contains(_SPECULATION)
        & ~pl.col("right").str.contains(UNIT_PRICE)
        & ~pl.col("left").str.slice(-40).str.contains(_CHANGE_OF)
        & pl.col("reporter_iso3").is_not_null()
        & pl.col("reporter_iso3").ne_missing(pl.col("partner_iso3"))
    )
    return cand.select(
        "doc_id", "char_start", "char_end", "evidence",
        "reporter_iso3", "partner_iso3", "flow", "value_usd", pl.col("value").alias("value_original"),
        "currency", "qualifier", "period_start", "period_end", "product", "period_text",
    )  # fmt: skip


def _counterflow(cand: pl.DataFrame) -> pl.DataFrame:
    """A figure with no named partner set against a fully named one of the same sentence:
    "Imports from China totalled $4.4 billion, against exports of $0.2 billion" (the same pair,
    the other direction); "exports to the Emirates reached $27 billion, while the UAE sold
    $4.5 billion the other way" (its reporter is the other figure's partner)."""
    key = ["doc_id", "sent_id"]
    full = pl.col("partner_iso3").is_not_null() & pl.col("flow").is_in(["export", "import"])
    sib = {c: pl.col(c).filter(full).first().over(key) for c in ("flow", "reporter_iso3", "partner_iso3")}
    lone = (
        pl.col("partner_iso3").is_null()
        & pl.col("flow").is_in(["export", "import"])
        & sib["flow"].is_not_null()
        & ~pl.col("_total").fill_null(False)
    )
    reverse = lone & pl.col("_named_rep").eq_missing(sib["partner_iso3"])
    # "Israel sold $22.2 billion of goods to the US and bought $14.8 billion": the same reporter's other direction
    same_pair = (
        lone
        & (pl.col("_named_rep").is_null() | pl.col("_named_rep").eq_missing(sib["reporter_iso3"]))
        & sib["flow"].ne_missing(pl.col("flow"))
    )
    return cand.with_columns(
        pl.when(same_pair).then(sib["reporter_iso3"]).otherwise("reporter_iso3").alias("reporter_iso3"),
        pl.when(reverse)
        .then(sib["reporter_iso3"])
        .when(same_pair)
        .then(sib["partner_iso3"])
        .otherwise("partner_iso3")
        .alias("partner_iso3"),
    )


def _pronoun_partner(cand: pl.DataFrame) -> pl.DataFrame:
    """ "The US imported $505.9 billion of goods from Mexico ... and sold it $334 billion": a figure
    whose counterpart is a pronoun has the reporter and partner of the figure before it."""
    same_sentence = (pl.col("doc_id") == pl.col("doc_id").shift(1)) & (pl.col("sent_id") == pl.col("sent_id").shift(1))
    refers = (
        same_sentence
        & pl.col("left_clause").str.contains(_PRONOUN_PARTNER)
        & pl.col("partner_iso3").shift(1).is_not_null()
    )
    return cand.with_columns(
        *[pl.when(refers).then(pl.col(c).shift(1)).otherwise(c).alias(c) for c in ("reporter_iso3", "partner_iso3")]
    )


def _comparisons(cand: pl.DataFrame) -> pl.DataFrame:
    """A comparison figure ("up from less than €2 billion three years earlier") repeats the flow
    of the figure before it in the sentence, for its own period."""
    cand = cand.sort("doc_id", "sent_id", "rel_start", maintain_order=True)
    # sorted, so "the figure before" is the previous row when it is in the same sentence
    same_sentence = (pl.col("doc_id") == pl.col("doc_id").shift(1)) & (pl.col("sent_id") == pl.col("sent_id").shift(1))
    prev = {
        c: pl.when(same_sentence).then(pl.col(c).shift(1))
        for c in ("flow", "reporter_iso3", "partner_iso3", "product", "period_start", "period_end")
    }
    is_comparison = pl.col("comparison") & prev["flow"].is_not_null()
    # "... to $111.4 billion last year, and in the first half of 2025 they reached NT$1.98 trillion":
    # the same flow for its own period
    continues = (
        pl.col("flow").is_null() & pl.col("left_clause").str.contains(_PRONOUN_FIGURE) & prev["flow"].is_not_null()
    )
    years_back = pl.col("clause").str.extract(_YEARS_BACK, 1)
    n = (
        years_back.str.to_lowercase()
        .replace_strict({"a": "1", "an": "1"} | {k: str(v) for k, v in UNITS.items()}, default=years_back)
        .cast(pl.Int32, strict=False)
    )
    shifted = {
        c: pl.date(prev[c].dt.year() - n, prev[c].dt.month(), prev[c].dt.day()) for c in ("period_start", "period_end")
    }
    return cand.with_columns(
        *[
            pl.when(is_comparison | continues).then(prev[c]).otherwise(c).alias(c)
            for c in ("flow", "reporter_iso3", "partner_iso3", "product")
        ],
        *[
            pl.when(is_comparison & n.is_not_null()).then(shifted[c]).otherwise(c).alias(c)
            for c in ("period_start", "period_end")
        ],
    )
