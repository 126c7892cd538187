"""financing: loans, credit lines, grants, investment and project costs.

Anchors: each money amount whose nearest cue is a financing word ("a $2 billion loan", "lend
Indonesia ¥140.7 billion", "pledged to invest", "estimated to cost", "a RM50.27 billion line"),
and each sentence that talks about a loan without an amount but with an action ("seeking access
to preferential loans", "agreed to use Chinese loans", "financed by a loan from ..."). The lender
is a named institution or the country giving the money; the borrower the country receiving it.
A project cost has no lender and the project's country as borrower.
"""

from __future__ import annotations

import polars as pl
import pycountry

from flows.facts.context import (
    BACK_REFERENCE,
    E_TOKEN,
    POSS,
    THE,
    actor_isos,
    alt,
    ascii_word_classes,
    extract_iso3,
    first_other,
    money_anchors,
    phrase_value,
    tag_entities,
    tagged_names,
    text_value,
    text_values,
    with_clause,
    words,
)
from flows.facts.lexicon import (
    FINANCE_STATUS,
    FLOW_CUES,
    INSTRUMENT_CUES,
    PROJECT_NOUNS,
    SECTOR_CUES,
    UNIT_PRICE,
)
from flows.facts.reference import FactReference

_ALL_INSTRUMENT = [c for cues in INSTRUMENT_CUES.values() for c in cues]
FINANCE_ANY = words([*_ALL_INSTRUMENT, r"financ\w+", r"fund\w*"])
# Money near these is something else: trade values, prices, revenue, reserves, budgets.
_NOT_FINANCE = [
    # a stake sold is money coming back, not an investment: "sold its remaining 5.6% stake in a Norwegian
    # salmon farmer" (before the trade cues: "sold" alone would match first)
    r"(?:sold|sells|selling|sale\s+of|divest\w*|offload\w*)\s+(?:its\s+|their\s+|a\s+|the\s+)?(?:remaining\s+|entire\s+)?(?:[\d.,]+\s?%\s+)?stakes?",
    *[c for cues in FLOW_CUES.values() for c in cues],
    r"revenues?", r"profits?", r"sales", r"reserves", r"budgets?", r"allocat\w+", r"market\s+value", r"valuation",
    r"GDP", r"prices?", r"fares?", r"tickets?", r"seats?", r"salar(?:y|ies)", r"wages?", r"fines?", r"penalt(?:y|ies)",
    r"tax(?:es)?", r"duties", r"tariffs?", r"levies", r"list\s+prices?", r"debt-to-equity", r"deficit", r"surplus",
    r"income", r"earnings", r"turnover", r"spending", r"spent", r"orders?", r"remittances", r"set\s+aside", r"earmark\w*",
    # a currency swap line between central banks is reserves, not lending; money a programme
    # "would mobilise" is a hope
    r"(?:currency\s+)?swap(?:\s+lines?)?", r"mobili[sz]\w*",
    # foreign direct investment is a statistic of many deals, not one: "FDI disbursed ... rose 8.8% to $15.4 billion"
    r"(?:FDI|foreign\s+direct\s+investments?)(?:\s+(?:disbursed|pledged|registered|commitments?))?", r"(?:investment\s+)?inflows?",
]  # fmt: skip
_TRADED = words([c for cues in FLOW_CUES.values() for c in cues if "trade" not in c] + [r"goods"])
_FINANCE_WORDS = [r"financ\w+", r"fund(?:s|ing|ed)?"]
_CUE_ANY = words(_ALL_INSTRUMENT + _FINANCE_WORDS + _NOT_FINANCE)
_RIGHT_ADJACENT = rf"^\s*(?:(?:in|of|worth\s+of)\s+)?(?:[\w-]+\s+){{0,2}}?({words(_ALL_INSTRUMENT + _NOT_FINANCE)})"
_LENT_LATER = words([c for instrument, cues in INSTRUMENT_CUES.items() if instrument != "project_cost" for c in cues])
_PROVIDE_BEFORE = r"(?i)(?:provid\w*|extend\w*|lend|offer\w*|commit\w*)\s+(?:about\s+|up\s+to\s+|an?\s+additional\s+|a\s+further\s+)?$"
_PREFERENTIAL = words(
    (r"concessional", r"concessionary", r"preferential", r"soft\s+loans?", r"low-interest", r"interest-free", r"ODA", r"yen\s+loans?",
     r"official\s+development\s+assistance")
)  # fmt: skip
# Aircraft sentences: order values at list price are not financing.
_AIRCRAFT = words((r"aircraft", r"jets?", r"planes?", r"airliners?", r"fleet", r"list\s+prices?"))
_LENDING = words((r"lend", r"lends", r"lent", r"loans?", r"export\s+credits?"))
_LOAN_INSTRUMENTS = ("loan", "preferential_loan", "credit_line")
_MODAL = (
    r"(?i)(?-u:\b)(?:could|might|may|would|(?:expects?|expected|plans?|planned|aims?|hopes?|intends?)\s+to|"
    # "European companies have expressed interest in investing $600 billion"
    r"interest(?:ed)?\s+in)(?-u:\b)"
    r"[^,;]{0,60}$"
)
# "told reporters it would pour ...": reported speech of a decision, not a hypothesis
_REPORTED_WOULD = (
    r"(?i)((?:said|says|told\s+[\w-]+|announced|confirmed|added)\s+(?:that\s+)?(?:[\w-]+\s+){0,4}?)would(?-u:\b)"
)
# Stocks, not new money: "bringing its investment there to more than $6 billion", "a cumulative
# $92 billion", "debt stood at $13.2 billion", "owing Chinese lenders about $17 billion".
# (or a total of several documents: "signed financing agreements totalling US$ 961 million")
_STOCK = words(
    (r"cumulative", r"outstanding", r"owed", r"owes", r"owing", r"stood\s+at", r"stands\s+at", r"debt\s+stock",
     r"investment\s+stock", r"stocks?\s+of", r"totall?ing", r"combined",
     # a country's debt in total: "External debt reached $104 billion in June"
     r"(?:external|public|foreign|sovereign|national|government|total)\s+debt",
     # a lender's book: "brings the bank's portfolio in Côte d'Ivoire to about $4.1 billion"
     r"portfolio",
     # a limit, not a loan: "will cap new external borrowing at $5 billion"
     r"cap(?:s|ped|ping)?\s+(?:[\w-]+\s+){0,3}?borrowing", r"borrowing\s+(?:caps?|ceilings?|limits?)")
)  # fmt: skip
# (right before the amount: "bringing the city close to closing the financing of a line that is
# estimated to cost ..." is not a stock)
_BRINGING_TO = (
    # ("taking total disbursements under the arrangement to about US$ 3.3 billion")
    r"(?i)(?-u:\b)(?:bringing|taking|lifting|raising)\s+(?:[\w-]+\s+){1,6}?to\s+"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|roughly|just)\s+)?$"
)
# Existing loans reworked are not new financing: "restructuring about $4.1 billion of loans".
_REWORK = (r"restructur\w+", r"reschedul\w+", r"refinanc\w+", r"forgiv\w+")
_REWORKED = (
    rf"(?i)(?:{'|'.join(_REWORK)}|repay\w*|writ\w+\s+(?:down|off)|suspend\w*|releas\w+|unfreez\w+|lengthen\w*)"
    r"\s+(?:[\w%,'’-]+\s+){0,8}$"
)
# ... said of the loans an amount-less sentence talks about: "agreed to extend maturities on loans"
_RESTRUCTURING = words(
    (*_REWORK, r"extend\w*\s+(?:the\s+)?maturit(?:y|ies)", r"debt\s+relief", r"debt\s+treatment", r"haircuts?",
     r"write-?offs?", r"moratori(?:um|a)")
)  # fmt: skip
# Payments on debt, not new money: "about $1 billion of external debt service".
_DEBT_SERVICE = (
    r"(?i)^\s*(?:of|in)\s+(?:[\w-]+\s+){0,2}?(?:debt[-\s]servic\w+|repayments?|interest\s+payments?|amorti[sz]ation)"
)
# Money a state puts up for its own businesses: "a 30 billion reais credit line to exporters hurt by the tariffs"
_DOMESTIC_SUPPORT = (
    r"(?i)^\s*(?:[\w-]+\s+){0,6}?(?:to|for)\s+(?:local\s+|domestic\s+|its\s+|their\s+|small\s+|struggling\s+|(?-i:[a-z])[\w-]*\s+)?"
    r"(?:exporters|companies|firms|farmers|businesses|producers|manufacturers|SMEs|industries|growers|sector|industry|mills|"
    r"carmakers|automakers|suppliers|makers|assemblers|shipyards|shipbuilders|steelmakers|miners|smelters|refiners)(?-u:\b)"
)
# Money raised on the market, not lent by a state or a bank: "the proceeds of a US$500mn Eurobond",
# "raised $1.5 billion from a sukuk sale"
_BOND = r"(?i)^\s*(?:[\w-]+\s+){0,2}?(?:euro)?(?:bonds?|sukuks?|notes|debt\s+(?:sale|issue))(?-u:\b)"
# A total built up over years: "has invested more than $3.8 billion in its mines since 2018".
_SINCE_YEAR = r"(?i)(?-u:\b)since\s+(?:(?:19|20)\d\d|the\s+(?:19|20)\d0s)(?-u:\b)"
# A total whose parts follow (and are read themselves): "a package of A$80 million, made up of a
# A$60 million loan and a A$20 million grant".
_MADE_UP_OF = r"(?i)^[^.;]{0,40}?(?:,\s*|\s+)(?:made\s+up\s+of|compris\w+|consist\w*\s+of|split\s+(?:into|between)|divided\s+into)\s"
# "buy a 15% stake in ... for about $1 billion": an investment, whatever the stake is in
_STAKE_BUY = (
    r"(?i)(?:buy|buys|buying|bought|acquir\w+|tak\w+|purchas\w+)\s+(?:an?\s+)?(?:[\w.%-]+\s+){0,2}?stakes?(?-u:\b)"
)
_COMPARISON = r"(?i)(?-u:\b)(?:up|down|rising|falling|compared|from)\s+(?:from\s+)?(?:(?:less|more)\s+than|nearly|almost|about|around|roughly|some)?\s*$"
# An amount-less loan needs an action: asked for, agreed, signed, lent, financed by ...
_LOAN_CUE = words(INSTRUMENT_CUES["preferential_loan"] + INSTRUMENT_CUES["credit_line"] + (r"loans?", r"credit"))
_LOAN_ACTION = words(
    [c for s, cues in FINANCE_STATUS.items() if s != "proposed" for c in cues]
    + [r"(?:financ|fund)\w*\s+(?:\w+\s+){0,2}?by", r"loans?\s+from", r"credit\s+from", r"lend\w*", r"borrow\w*", r"use"]
)  # fmt: skip
_DEFINITE = r"(?i)(?:^|\W)(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$"
# a subject of signed documents, not a loan: "memorandums of understanding, on fisheries, ... and concessional lending"
_TOPIC_OF_DOCUMENTS = (
    r"(?i)(?:memorand\w+|MoUs?|agreements|documents|accords)(?:\s+of\s+understanding)?,?\s+(?:on|covering|in)\s+[^.;]*$"
)

_GIVE = r"(?i:lend\w*|lent|provid\w+|extend\w*|offer\w*|grant\w*|pledg\w+|financ\w+|fund\w*|invest\w*|donat\w+|commit\w*|loan\w*|disburs\w+|approv\w+|support\w*)"
_GET = r"(?i:seek\w*|sought|request\w*|ask\w*|borrow\w*|receiv\w+|secur(?:ed|es|ing)|obtain\w*|won|tap\w*|agreed\s+to\s+use|use[sd]?|appl(?:y|ied)\s+for|want\w*)"
_FILL = r"(?:[\w“”\"'’-]+\s+)"
TEMPLATES = {
    # ("a grant of 200 million yuan from China": the amount may stand between)
    "l_from": rf"(?i:loans?|credit|financing|funding|funds?|grants?|aid|investment|money|capital)\s+{_FILL}{{0,5}}?(?:from|by)\s+{THE}{{E}}",
    # (a plant "built by China's Gotion" is its investment)
    "l_by": rf"(?i:financ\w+|funded|backed|bankrolled|built|developed|constructed)\s+{_FILL}{{0,3}}?by\s+{_FILL}{{0,3}}?{THE}{{E}}",
    # a list of lenders: "- **Government of Japan:** Exchange of Notes and Grant Agreement for JPY 1.65 billion"
    "l_bullet": r"^[-*•]\s*\**\s*(?:[Tt]he\s+)?(?:(?i:government|ministry)\s+of\s+)?{E}",
    "l_asked": rf"(?i:asked|requested|approached|urged)\s+{THE}{{E}}\s+(?i:for|to)",
    # (an aside may follow the subject: "Doha, for its part, has pledged $7.5 billion")
    "l_subj": rf"{{E}}{POSS}(?:,[^,;]{{1,40}},)?\s+{_FILL}{{0,3}}?{_GIVE}",
    # where a company invests: "raised its planned U.S. investment to $26 billion"
    "b_its": r"(?i:its|their)\s+(?:(?i:planned|new|total|proposed|additional)\s+)?{E}\s+(?i:investments?|expansion)(?-u:\b)",
    "l_adj": rf"{{E}}{POSS}\s+{_FILL}{{0,2}}?(?i:loans?|credit|financing|funding|funds|grants?|aid|investments?|investors?|capital|lenders?|banks?|treasury|development\s+agency|development\s+funds?)(?-u:\b)",
    # the investor is the country of the company that invests: "Denmark's Maersk signed a deal to invest in"
    "l_invest": rf"{{E}}(?:{POSS}|-based)\s+[^;]{{0,80}}?(?-u:\b)(?i:to\s+invest|invest(?:s|ed|ing)?\s+in|will\s+invest)(?-u:\b)",
    "b_dative": rf"(?i:lend|lends|lent|grant|grants|granted|give|gives|gave|given|offer|offers|offered|help|helps|helped|helping)\s+{THE}{{E}}",
    # "Australia signed a A$200 million loan with Papua New Guinea": one side lends, the other borrows
    "signer": rf"{{E}}{POSS}\s+(?:{_FILL}){{0,3}}?(?i:signed|inked|sealed|agreed|concluded)(?-u:\b)",
    "with": rf"(?i:loans?|credit|financing|grants?|agreements?)(?-u:\b)[^;]{{0,40}}?(?-u:\b)with\s+{THE}{{E}}",
    "b_to": rf"(?i:loans?|credit(?:\s+lines?)?|lines?\s+of\s+credit|financing|funding|grants?|aid|packages?|investment|lend\w*|lent|extend\w*|provid\w+|disburs\w+|pledg\w+|to\s+invest|invest\w*)\s+(?:[^\s;]+\s+){{0,8}}?(?:to|for|in|into)\s+(?:its\s+|their\s+)?{THE}{_FILL}{{0,3}}?{{E}}",
    "b_subj": rf"{{E}}{POSS}(?:,[^,;]{{1,40}},)?\s+{_FILL}{{0,4}}?{_GET}",
    # where a project is: "the Tabora–Kigoma section of Tanzania's standard gauge railway"
    "b_project": rf"{{E}}{POSS}\s+(?:[\w–-]+\s+){{0,4}}?(?:{alt(PROJECT_NOUNS)}|(?i:sections?|stretch|segments?|legs?|phases?))(?-u:\b)",
}


def _national_currencies() -> dict[str, str]:
    """ISO 4217 code -> ISO3 of its country: a national currency's code starts with the country's
    alpha-2 code (IQD: IQ); USD and EUR are used far beyond one country, X.. codes by several."""
    table = {}
    for currency in pycountry.currencies:
        country = pycountry.countries.get(alpha_2=currency.alpha_3[:2])
        if country is not None and currency.alpha_3 not in ("USD", "EUR") and not currency.alpha_3.startswith("X"):
            table[currency.alpha_3] = country.alpha_3
    return table


_CURRENCY_COUNTRY = _national_currencies()


def currency_country(currency: pl.Expr) -> pl.Expr:
    return currency.replace_strict(_CURRENCY_COUNTRY, default=None, return_dtype=pl.Utf8)


# Things a cost can be of, beyond the infrastructure nouns that are also instrument cues ("a $2
# billion plant" a company builds is an investment, not a cost)
_OTHER_PROJECTS = (
    r"plants?",
    r"facilit(?:y|ies)",
    r"refiner(?:y|ies)",
    r"smelters?",
    r"mines?",
    r"factor(?:y|ies)",
    r"complex(?:es)?",
    r"extensions?",
    r"sections?",
    r"phases?",
    r"stretch",
    r"upgrades?",
    r"desalination",
    r"zones?",
    r"parks?",
    r"runways?",
)


def _instrument_of(cue: pl.Expr) -> pl.Expr:
    return phrase_value(cue, INSTRUMENT_CUES)


def _first_cue(text: pl.Expr, table: dict[str, tuple[str, ...]]) -> pl.Expr:
    """Vocabulary value of the first cue of `table` in `text`."""
    return phrase_value(text.str.extract(f"({words([c for cs in table.values() for c in cs])})", 1), table)


def _status(text: pl.Expr) -> pl.Expr:
    """Status by precedence: sought > signed > disbursed > completed > agreed > proposed."""
    return text_value(text, FINANCE_STATUS)


# Words that open a sentence, not a project's name ("Total project cost is ...").
_NOT_A_NAME = r"^(?:Total|The|This|That|Its|Their|Our|New|Each|Every|A|An|In|On|At|For|Overall|Estimated)\s+"


def _project(text: pl.Expr) -> pl.Expr:
    """A named project: capitalised words ending in a project noun ("East Coast Rail Link")."""
    nouns = alt(PROJECT_NOUNS)
    named = text.str.extract(
        rf"((?:[A-Z][\w’'–-]*\s+(?:of\s+|the\s+)?){{1,6}}(?:\([A-Z0-9][\w-]*\)\s+)?{nouns})(?-u:\b)", 1
    )
    stripped = named.str.replace(_NOT_A_NAME, "").str.replace(_NOT_A_NAME, "")
    # a name needs a capitalised word besides the project noun itself
    return pl.when(stripped.str.contains(r"^[A-Z][\w’'–-]*\s+\S")).then(stripped)


def _lender_org(reference: FactReference, text: pl.Expr) -> pl.Expr:
    """The first organisation named in `text` that is not on the receiving end ("to the
    National Bank of Pakistan"): its alias as written."""
    receiving = ascii_word_classes(rf"(?:to|for)\s+{THE}(?:[\w-]+\s+){{0,3}}?{reference.org_re}")
    orgs = text.str.extract_all(reference.org_re)
    # (no capture group around the alternation: read the name back from the short match)
    # (an institution's own lending is not on the receiving end: "its ceiling for EDCF lending to Cambodia")
    # (nor one named as the source: "loan agreements for five projects under JICA's ODA")
    own_lending = ascii_word_classes(
        rf"(?:(?:to|for)\s+{THE}(?:[\w-]+\s+){{0,3}}?{reference.org_re}\s+(?:lending|loans?|credits?)(?-u:\b)|"
        rf"(?:under|from|by|through|with)\s+{THE}{reference.org_re})"
    )
    taken = (
        text.str.replace_all(own_lending, "~")
        .str.extract_all(receiving)
        .list.first()
        .str.extract_all(reference.org_re)
        .list.last()
    )
    first = orgs.list.get(0, null_on_oob=True)
    second = orgs.list.get(1, null_on_oob=True)
    surface = pl.when(first.ne_missing(taken)).then(first).otherwise(pl.when(second.ne_missing(taken)).then(second))
    manufacturer = surface.replace_strict(reference.kind_of, default=None, return_dtype=pl.Utf8) == "manufacturer"
    return pl.when(manufacturer.fill_null(False)).then(None).otherwise(surface)


# templates read in the amount's own clause only: who signed with whom ("A signed a loan with B,
# while C pledged a grant to D" pairs A with B, not C)
_CLAUSE_ONLY = ("signer", "with")
_LENDER_TEMPLATES = ("l_from", "l_by", "l_asked", "l_adj", "l_invest", "l_subj", "l_bullet")  # in order of trust


# the source named right after an amount: "€200 million loan from France", "$50 million in grants from the AfDB"
# (or right after the amount: "a grant of EUR 18 million from the European Union, channelled through the EIB")
_OWN_SOURCE = (
    rf"^[^;,]{{0,30}}?(?:(?i:loans?|credits?|financing|funding|grants?)\s+{_FILL}{{0,2}}?|\s)(?i:from|by)\s+{THE}{{E}}"
)
_OWN_SOURCE_ORG = (
    r"^[^;,]{{0,30}}?(?:(?i:loans?|credits?|financing|funding|grants?)\s+(?:[\w-]+\s+){{0,2}}?|\s)(?i:from|by)\s+"
    r"(?:the\s+)?({org})"
)


def _no_preposition_fill(tagged: pl.Expr) -> pl.Expr:
    """A country's adjective before a loan ("Chinese loans", "Japan's new grant") has no preposition
    between them: "provide Tajikistan with a grant" is Tajikistan's to receive (a stop character
    keeps the template's filler words from crossing it)."""
    return tagged.str.replace_all(r"(?i)\s(with|to|for|from|by|of|on|in|into|and|or)\s", " ¦$1 ")


def _without_places(tagged: pl.Expr) -> pl.Expr:
    """Tagged text without countries named as a place on a map: "the pass on the Chinese border"."""
    return tagged.str.replace_all(rf"{E_TOKEN}(\s+(?:border|frontier)s?(?-u:\b))", "~$1").str.replace_all(
        rf"(?i)((?-u:\b)(?:border|frontier)s?\s+with\s+(?:the\s+)?){E_TOKEN}", "$1~"
    )


def _roles(cand: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Lender, borrower and lending institution. An amount's own clause is read first, then its
    sentence: "X signed a $100 million loan for ..., while Y signed a credit line with Z" has two
    lenders."""
    text = pl.col("sentence")
    clause = (
        pl.concat_str("left_clause", "_amount_text", "right_clause")
        if "left_clause" in cand.columns
        else pl.lit(None, dtype=pl.Utf8)
    )
    if "left_clause" in cand.columns:
        cand = cand.with_columns(
            pl.col("sentence")
            .str.slice(pl.col("rel_start"), pl.col("rel_end") - pl.col("rel_start"))
            .alias("_amount_text")
        )
    cand = cand.with_columns(
        _without_places(tag_entities(text, reference)).alias("_tagged"),
        _without_places(tag_entities(clause, reference)).alias("_tagged_clause"),
    )
    # each template read in the clause (c_...) and in the whole sentence (s_...)
    roles = {
        f"{scope}_{name}": extract_iso3(
            _no_preposition_fill(pl.col(column)) if name == "l_adj" else pl.col(column),
            template,
            reference,
            tagged=True,
        )
        for scope, column in (("c", "_tagged_clause"), ("s", "_tagged"))
        for name, template in TEMPLATES.items()
        if scope == "c" or name not in _CLAUSE_ONLY
    }
    # a lender country the clause names itself ("Japan pledged a grant of ¥1.5 billion to Fiji,
    # while the ADB approved ..."): the sentence's institution is then someone else's
    clause_lender = pl.coalesce(*[pl.col(f"c_{n}") for n in _LENDER_TEMPLATES])
    clause_isos = actor_isos(tagged_names(pl.col("_tagged_clause")), reference)
    cand = cand.with_columns(**roles).with_columns(pl.coalesce(pl.col("c_l_adj"), pl.col("s_l_adj")).alias("l_adj"))
    cand = cand.with_columns(
        pl.coalesce(
            _lender_org(reference, clause),
            pl.when(clause_lender.is_null()).then(_lender_org(reference, text)),
        ).alias("_org"),
        clause_isos.fill_null(pl.lit([], dtype=pl.List(pl.Utf8))).alias("_clause_isos"),
    )
    # the amount's own source right after it beats an institution named earlier in the clause: "The EIB added
    # €60 million, on top of a €200 million loan from France"
    if "left_clause" in cand.columns:
        own_text = pl.concat_str("_amount_text", "right_clause")
        own_from = extract_iso3(tag_entities(own_text, reference), _OWN_SOURCE, reference, tagged=True)
        own_org = own_text.str.extract(ascii_word_classes(_OWN_SOURCE_ORG.format(org=reference.org_re)), 1)
        cand = cand.with_columns(
            pl.when(own_from.is_not_null() | own_org.is_not_null()).then(own_org).otherwise("_org").alias("_org"),
            own_from.alias("_own_from"),
        )
    else:
        cand = cand.with_columns(pl.lit(None, dtype=pl.Utf8).alias("_own_from"))
    org_iso3 = pl.col("_org").replace_strict(reference.iso3_of, default=None, return_dtype=pl.Utf8)
    multilateral = (
        pl.col("_org").replace_strict(reference.kind_of, default=None, return_dtype=pl.Utf8) == "multilateral"
    )
    cand = cand.with_columns(
        reference.canonical(pl.col("_org")).alias("lender"),
        pl.when(multilateral.fill_null(False)).then(pl.lit(True)).otherwise(pl.lit(False)).alias("_multilateral"),
        org_iso3.alias("_org_iso3"),
    )
    # a loan one country signed with another: the story's country is the borrower
    signer, other = pl.col("c_signer"), pl.col("c_with")
    home = pl.col("home")
    cand = cand.with_columns(
        pl.when(signer.is_not_null() & other.is_not_null() & (other == home)).then(other)
        .when(signer.is_not_null() & other.is_not_null() & (signer == home)).then(signer)
        .alias("_signed_borrower"),
        pl.when(signer.is_not_null() & other.is_not_null() & (other == home)).then(signer)
        .when(signer.is_not_null() & other.is_not_null() & (signer == home)).then(other)
        .alias("_signed_lender"),
    )  # fmt: skip
    # ("The Asian Development Bank signed a $500 million loan with Pakistan": the other side borrows)
    borrower_in_clause = pl.coalesce("c_b_its", "c_b_dative", "c_b_subj", "_signed_borrower", "c_with", "c_b_to")
    borrower_in_sentence = pl.coalesce("s_b_dative", "s_b_subj", "s_b_to")
    borrower_named = pl.coalesce(borrower_in_clause, borrower_in_sentence)
    lender_country = pl.coalesce(
        "_org_iso3",
        "_own_from",
        *[f"c_{n}" for n in _LENDER_TEMPLATES],
        "_signed_lender",
        *[f"s_{n}" for n in _LENDER_TEMPLATES],
    )

    cand = cand.with_columns(
        # (a project's cost quoted by the country's own institution names no lender: "The cost of Indonesia's
        # railway has risen to $7.27 billion, the state investment fund Danantara said")
        pl.when(
            pl.col("_multilateral")
            | ((pl.col("instrument") == "project_cost") & pl.col("_org_iso3").eq_missing(pl.col("home")))
        )
        .then(None)
        # a named national lender is the lender whatever else the sentence says ("gives Korean companies")
        .when(pl.col("_org_iso3").is_not_null())
        .then("_org_iso3")
        .otherwise(pl.when(lender_country.ne_missing(borrower_named)).then(lender_country))
        .alias("lender_iso3"),
    )
    cand = cand.with_columns(
        text.str.extract_all(reference.org_re)
        .list.eval(pl.element().replace_strict(reference.iso3_of, default=None, return_dtype=pl.Utf8))
        .list.concat(pl.concat_list(pl.col("s_l_from")))
        .list.drop_nulls()
        .alias("_lender_isos")
    )
    other_lenders = [pl.col("_lender_isos").list.get(i, null_on_oob=True) for i in range(3)]
    back = text.str.contains(BACK_REFERENCE)
    lender = pl.col("lender_iso3")
    # signed with a body the reference does not know ("with the Subic Bay Metropolitan Authority"): the
    # story's own, not a country named later in the sentence
    with_local_body = pl.col("c_with").is_null() & clause.str.contains(
        r"(?-u:\b)(?:signed|agreed|concluded)\s[^;]{0,80}?(?-u:\b)with\s+(?:the\s+)?\p{Lu}[\w.’'-]*\s+\p{Lu}"
    )
    borrower = pl.coalesce(
        pl.when(borrower_in_clause.ne_missing(lender)).then(borrower_in_clause),
        pl.when(with_local_body & pl.col("home").ne_missing(lender)).then("home"),
        pl.when(
            back & pl.col("subject").ne_missing(lender) & ~pl.col("_lender_isos").list.contains(pl.col("subject"))
        ).then("subject"),
        first_other(pl.col("_clause_isos"), lender, *other_lenders),
        pl.when(borrower_in_sentence.ne_missing(lender)).then(borrower_in_sentence),
        pl.when(pl.col("home").ne_missing(lender)).then("home"),
        # (not the country of another lender the sentence names: "Japan's JICA signed ..., while a $400 million
        # loan from the ADB covers the rest", "..., on top of a €150 million loan from Germany")
        first_other(pl.col("isos"), lender, *other_lenders),
        first_other(pl.col("main"), lender),
    )
    cand = cand.with_columns(
        borrower.alias("borrower_iso3"),
        (pl.col("lender_iso3").is_not_null() | pl.col("lender").is_not_null()).alias("_lender_named"),
        pl.coalesce(borrower_in_clause, borrower_in_sentence).is_not_null().alias("_borrower_named"),
    )
    # a loan from a lender that only lends on concessional terms is preferential ("a JICA loan")
    cand = cand.with_columns(
        pl.when((pl.col("instrument") == "loan") & pl.col("lender").is_in(list(reference.concessional_lenders)))
        .then(pl.lit("preferential_loan"))
        .otherwise("instrument")
        .alias("instrument")
    )
    # A lender implied by the story (see `_implied_lenders`): "Vietnam ... is seeking preferential loans" from China.
    unnamed = pl.col("lender_iso3").is_null() & ~pl.col("_multilateral") & pl.col("lender").is_null()
    return cand.with_columns(
        # (not a place on the map: "a road near the border with Ghana")
        pl.when(unnamed)
        .then(first_other(actor_isos(tagged_names(pl.col("_tagged")), reference), pl.col("borrower_iso3")))
        .alias("_sentence_lender"),
        pl.when(unnamed).then(first_other(pl.col("main"), pl.col("borrower_iso3"))).alias("_story_lender"),
    )


def _donor_lends(facts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Two countries with no institution named: the one that gives official money is the lender
    ("Japan and Tonga exchanged notes on a grant": not Tonga to Japan)."""
    donors = list(reference.donors)
    swap = (
        pl.col("lender").is_null()
        & pl.col("borrower_iso3").is_in(donors)
        & pl.col("lender_iso3").is_not_null()
        & ~pl.col("lender_iso3").is_in(donors)
    ).fill_null(False)
    return facts.with_columns(
        pl.when(swap).then("borrower_iso3").otherwise("lender_iso3").alias("lender_iso3"),
        pl.when(swap).then("lender_iso3").otherwise("borrower_iso3").alias("borrower_iso3"),
    )


def _lender_mentions(ctx: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Sentences that name a lender acting without a fact of their own ("The Islamic Development
    Bank has approved financing for four countries"): rows that only pass their lender on to the
    facts after them (`_implied_lenders`), dropped there."""
    found = ctx.filter(pl.col("sentence").str.contains(FINANCE_ANY) & pl.col("sentence").str.contains(_GIVE)).select(
        "doc_id", "sent_id", "char_start", "sentence", _lender_org(reference, pl.col("sentence")).alias("_org")
    )
    org_kind = pl.col("_org").replace_strict(reference.kind_of, default=None, return_dtype=pl.Utf8)
    return found.filter(pl.col("_org").is_not_null()).select(
        "doc_id",
        "sent_id",
        "char_start",
        "sentence",
        reference.canonical(pl.col("_org")).alias("lender"),
        pl.when(org_kind != "multilateral")
        .then(pl.col("_org").replace_strict(reference.iso3_of, default=None, return_dtype=pl.Utf8))
        .alias("lender_iso3"),
        pl.lit(True).alias("_lender_named"),
        pl.lit(True).alias("_mention_only"),
    )


def _implied_lenders(facts: pl.DataFrame) -> pl.DataFrame:
    """A fact whose sentence names no lender has the sentence's other country (`_sentence_lender`),
    else the lender of the fact before it, up to six sentences back ("BADEA has approved financing
    for five countries ... Rwanda will receive a $45 million loan"), else the story's other country
    (`_story_lender`)."""
    facts = facts.sort("doc_id", "sent_id", "char_start", maintain_order=True)
    # (a project cost has no lender, and gives none)
    cost = pl.col("instrument").eq_missing("project_cost")
    named = pl.col("_lender_named") & ~cost
    # (a co-financier of a project named before is not the story's lender: "The road is also being
    # financed by a $75 million loan from the Saudi Fund")
    gives = named & ~pl.col("sentence").str.contains(_BACK_TO_PROJECT)
    # (carried together: a multilateral's empty lender_iso3 is its own, not an older lender's country)
    giver = pl.when(gives).then(pl.struct("lender", "lender_iso3", "sent_id")).shift(1).forward_fill().over("doc_id")
    carried = {c: giver.struct.field(c) for c in ("lender", "lender_iso3", "sent_id")}
    # (a country that receives money of its own in the sentence gives none: "a $40 million line of
    # credit for Senegal's BNDE, and a $2 million grant to the Gambia")
    facts = facts.with_columns(
        pl.when(
            ~pl.col("_sentence_lender")
            .is_in(pl.col("borrower_iso3").drop_nulls().implode().over("doc_id", "sent_id"))
            .fill_null(True)
        )
        .then("_sentence_lender")
        .alias("_sentence_lender")
    )
    carries = (
        ~named
        & ~cost
        & pl.col("_sentence_lender").is_null()
        & (pl.col("sent_id") - carried["sent_id"] <= 6).fill_null(False)
        & carried["lender_iso3"].ne_missing(pl.col("borrower_iso3"))
    )
    return facts.with_columns(
        pl.when(carries).then(carried["lender"]).otherwise("lender").alias("lender"),
        pl.when(carries)
        .then(carried["lender_iso3"])
        .when(~named & ~cost)
        .then(pl.coalesce("_sentence_lender", "_story_lender"))
        .otherwise("lender_iso3")
        .alias("lender_iso3"),
    ).filter(pl.col("_mention_only").is_null())


def _money_facts(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    # (a loan for aircraft is still a loan: "BNDES will lend Angola $300 million to finance TAAG's purchase of
    # four Embraer jets"; other money beside aircraft is their price)
    aircraft = pl.col("sentence").str.contains(_AIRCRAFT)
    sents = ctx.filter(
        pl.col("sentence").str.contains(FINANCE_ANY) & (~aircraft | pl.col("sentence").str.contains(_LENDING))
    ).with_columns(aircraft.alias("_aircraft"))
    cand = money_anchors(amounts, sents)
    if cand.is_empty():
        return cand
    cand = with_clause(cand, "rel_start", "rel_end")
    # (past a dollar figure in brackets: "a KWD 25 million (about $81 million) loan")
    right_text = pl.col("right").str.replace(r"^\s*\([^)]{0,40}\)", "")
    # (not across "for": "approved $350 million in December for the project's first phase, in the form of grants")
    right_cue = pl.when(~right_text.str.extract(f"({_RIGHT_ADJACENT})", 1).str.contains(r"(?i)(?-u:\b)for\s")).then(
        right_text.str.extract(_RIGHT_ADJACENT, 1)
    )
    # "a line of credit of $200 million" is a credit line; "investments worth $2.2 billion" is an
    # investment, not something valued
    cue_text = (
        # an institution's name is not a cue: "The Kuwait Fund ... signed a KWD 25 million loan"
        pl.col("left_clause")
        .str.replace_all(reference.org_re, "~")
        .str.replace_all(r"(?i)(?-u:\b)lines?\s+of\s+credit(?-u:\b)", "credit line")
        .str.replace_all(
            r"(?i)((?:investments?|loans?|grants?|credit(?:\s+(?:windows?|lines?|facilit(?:y|ies)))?|financing|aid|pledges?|commitments?)"
            r"(?:\s+(?:agreements?|deals?|packages?|contracts?|facilit(?:y|ies)))?\s+)(?:worth|valued)(?-u:\b)",
            "$1~",
        )
    )
    # the last cue before the amount (leftmost-first alternatives: "credit line" is read whole)
    left_cue = cue_text.str.extract_all(_CUE_ANY).list.last()
    # ("committed A$600 million over ten years to fund a team ..., a grant it pledged in December")
    # (a project named later is what the money is for, not what it is)
    later_cue = pl.col("right_clause").str.extract(f"({_LENT_LATER})", 1)
    # a verb right before the amount decides: "to invest $2 billion in gas terminals"
    adjacent_cue = cue_text.str.extract(
        rf"({_CUE_ANY})\s+(?:(?:up\s+to|about|around|some|nearly|over|more\s+than|an\s+additional|a\s+further|between\s+[^;]{{1,40}}?\s+(?:and|to))\s+)?$",
        1,
    )
    cue = pl.coalesce(adjacent_cue, right_cue, left_cue, later_cue)
    # the worth of goods traded is not a cost: "Electricity exports to India were worth Rs 17.1 billion"
    cue = (
        pl.when(cue.str.contains(r"(?i)^(?:worth|valued)$") & pl.col("left_clause").str.contains(_TRADED))
        .then(None)
        .otherwise(cue)
    )
    cand = cand.with_columns(
        pl.when(pl.col("left_clause").str.contains(_STAKE_BUY))
        .then(pl.lit("investment"))
        .otherwise(_instrument_of(cue))
        # money a fund or bank provides, with no word for the instrument: "The Kuwait Fund ... is
        # in talks to provide KWD 15 million" is a loan
        .fill_null(
            pl.when(
                pl.col("left_clause").str.contains(_PROVIDE_BEFORE) & pl.col("sentence").str.contains(reference.org_re)
            ).then(pl.lit("loan"))
        )
        .alias("instrument"),
        cue.alias("cue"),
    )
    # A project cost must name a project ("a seat ... costs 550,000 kip" is a price).
    project_noun = words([*INSTRUMENT_CUES["project_cost"][4:], *_OTHER_PROJECTS])
    # (or the cost is estimated: "the remaining work is estimated to cost between $6.4 billion and $7 billion")
    has_project = (
        pl.col("sentence").str.contains(project_noun)
        | pl.col("left_clause").str.contains(
            r"(?i)(?:estimated|expected|projected|set|due)\s+to\s+cost\s*(?:between\s+[^;]{1,40}?\s+(?:and|to)\s+)?$"
        )
        | (
            pl.col("left_clause").str.contains(r"(?i)^\s*(?:its|the)\s+(?:total\s+|estimated\s+)?cost")
            & pl.col("prev_sentence").str.contains(project_noun)
        )
    )
    cand = cand.filter(
        pl.col("instrument").is_not_null()
        & ((pl.col("instrument") != "project_cost") | has_project)
        & (~pl.col("_aircraft") | pl.col("instrument").is_in(_LOAN_INSTRUMENTS))
        & ~pl.col("left_clause").str.replace_all(_REPORTED_WOULD, "${1}will").str.contains(_MODAL)
        & ~pl.col("left").str.slice(-40).str.contains(_COMPARISON)
        & ~pl.col("left_clause").str.contains(_STOCK)
        & ~pl.col("left_clause").str.contains(_BRINGING_TO)
        # a cost per unit is no project's cost: "one of the most expensive roads in Europe per kilometre, at 20 million euros"
        & ~pl.col("left_clause").str.contains(
            r"(?i)(?-u:\b)per\s+(?:kilomet(?:re|er)|km|mile|unit|seat|bed|megawatt|MW)(?-u:\b)"
        )
        & ~pl.col("left_clause").str.slice(-80).str.contains(_REWORKED)
        & ~pl.col("right").str.contains(UNIT_PRICE)
        & ~pl.col("right").str.contains(_DEBT_SERVICE)
        & ~pl.col("right").str.contains(_MADE_UP_OF)
        & ~pl.col("right_clause").str.contains(_DOMESTIC_SUPPORT)
        & ~pl.col("right").str.contains(_BOND)
        & ~((pl.col("instrument") == "investment") & pl.col("right_clause").str.contains(_SINCE_YEAR))
    )
    if cand.is_empty():
        return cand
    cand = _roles(cand, reference)
    is_cost = pl.col("instrument") == "project_cost"
    return cand.with_columns(
        pl.when(is_cost).then(None).otherwise("lender_iso3").alias("lender_iso3"),
        pl.when(is_cost).then(None).otherwise("lender").alias("lender"),
        # where the project is: "Malaysia's ...", else the story's country
        pl.when(is_cost)
        .then(
            pl.coalesce(
                pl.col("c_b_project"),
                pl.col("s_b_project"),
                # a cost in a national currency is that country's ("3.6 trillion dinars" in Iraq)
                currency_country(pl.col("currency")),
                # a loan for the project in the same sentence goes to the project's country
                pl.when(pl.col("_lender_named")).then("borrower_iso3"),
                pl.col("home"),
                pl.col("borrower_iso3"),
            )
        )
        .otherwise("borrower_iso3")
        .alias("borrower_iso3"),
        pl.when(is_cost).then(None).otherwise(_status(pl.col("sentence"))).alias("status"),
        pl.coalesce(
            _project(pl.col("sentence")),
            pl.when(is_cost).then(
                pl.col("right").str.extract(rf"^\s*((?:[\w-]+\s+){{0,2}}?{alt(PROJECT_NOUNS)})(?-u:\b)", 1)
            ),
        ).alias("project"),
        pl.col("value_usd").alias("amount_usd"),
        pl.col("value").alias("amount_original"),
        # where the loan's terms are said: its own clause ("lend $300 million to Kenya, while Uganda
        # gets a grant from the bank's concessional arm" is no concessional loan to Kenya)
        pl.concat_str("left_clause", "_amount_text", "right_clause").alias("_terms_text"),
    )


def _loan_mentions(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Loans talked about without an amount: one row per sentence that acts on one."""
    with_money = amounts.filter(pl.col("kind") == "money").select("doc_id", "sent_id").unique()
    cand = (
        # (a quotation comments on lending, it does not report a loan: "Dollar credit from African lenders changes that.")
        ctx.filter(~pl.col("evidence").str.contains(r"^[\"“”‘’']"))
        .filter(pl.col("sentence").str.contains(_LOAN_CUE) & pl.col("sentence").str.contains(_LOAN_ACTION))
        .join(with_money, on=["doc_id", "sent_id"], how="anti")
        .with_columns(pl.col("sentence").str.extract(rf"(?s)^(.*?){_LOAN_CUE}", 1).alias("_before"))
        .filter(~pl.col("_before").str.contains(_DEFINITE) & ~pl.col("_before").str.contains(_TOPIC_OF_DOCUMENTS))
        # old loans reworked are no new lending: "agreed to extend maturities and cut interest on loans"
        # (in the loan's own part of the sentence: "financed with loans from China Exim; Beijing agreed to
        # suspend repayments while it restructures" still reports the loans)
        .filter(~pl.col("sentence").str.extract(rf"([^;]*{_LOAN_CUE}[^;]*)", 1).str.contains(_RESTRUCTURING))
    )
    if cand.is_empty():
        return cand
    cue = pl.col("sentence").str.extract(f"({_LOAN_CUE})", 1)
    cand = cand.with_columns(cue.alias("cue"), _instrument_of(cue).alias("instrument"))
    cand = _roles(cand, reference)
    return cand.with_columns(
        _status(pl.col("sentence")).alias("status"),
        _project(pl.col("sentence")).alias("project"),
        pl.lit(None, dtype=pl.Float64).alias("amount_usd"),
        pl.lit(None, dtype=pl.Float64).alias("amount_original"),
        pl.lit(None, dtype=pl.Utf8).alias("currency"),
        pl.col("sentence").alias("_terms_text"),
    )


def extract_financing(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    columns = [
        "doc_id", "sent_id", "char_start", "char_end", "evidence", "sentence", "next_sentence",
        "lender_iso3", "lender", "borrower_iso3", "instrument", "amount_usd", "amount_original", "currency",
        "project", "status", "_borrower_named", "isos", "_terms_text", "_lender_named", "_sentence_lender", "_story_lender",
    ]  # fmt: skip
    parts = [
        f.select(columns)
        for f in (_money_facts(ctx, amounts, reference), _loan_mentions(ctx, amounts, reference))
        if not f.is_empty()
    ]
    if not parts:
        return pl.DataFrame()
    facts = _donor_lends(
        _implied_lenders(pl.concat([*parts, _lender_mentions(ctx, reference)], how="diagonal_relaxed")), reference
    )
    # "The yen loan agreement ... is on concessional terms": the next sentence can say so.
    # (or names a concessional-only lender beside another: "a World Bank credit from its International
    # Development Association")
    concessional_named = (
        pl.col("_terms_text")
        .str.extract_all(reference.org_re)
        .list.eval(
            pl.element()
            .replace_strict(reference.canonical_of, default=None, return_dtype=pl.Utf8)
            .is_in(list(reference.concessional_lenders))
        )
        .list.any()
        .fill_null(False)
    )
    preferential = (
        concessional_named
        | pl.col("_terms_text").str.contains(_PREFERENTIAL)
        | (pl.col("next_sentence").str.contains(_PREFERENTIAL) & pl.col("next_sentence").str.contains(_DEFINITE_LOAN))
    )
    facts = facts.with_columns(
        pl.when((pl.col("instrument") == "loan") & preferential)
        .then(pl.lit("preferential_loan"))
        .otherwise("instrument")
        .alias("instrument"),
        _sector(pl.col("project"), pl.col("sentence")).alias("sector"),
    ).filter(pl.col("borrower_iso3").is_not_null() & pl.col("borrower_iso3").ne_missing(pl.col("lender_iso3")))
    return _drop_subsumed(_carry_project(facts))


# "The line is financed by a loan from ...": the project of the fact before it.
_BACK_TO_PROJECT = rf"^(?:The|This|That|Its)\s+(?:[\w-]+\s+)?{alt(PROJECT_NOUNS)}(?-u:\b)"
# "... agreed to lend $1.1 billion towards that section", "a €250 million loan for it": the
# project, and so the borrower, of the fact before it
_FOR_THAT_PROJECT = (
    rf"(?i)(?-u:\b)(?:for|towards?|to|on|in)\s+(?:(?:the|this|that|these)\s+(?:[\w-]+\s+)?"
    rf"(?:{alt(PROJECT_NOUNS)}|sections?|stretch|segments?|phases?|development|scheme|venture|facility)|it)(?-u:\b)"
)


def _carry_project(facts: pl.DataFrame) -> pl.DataFrame:
    facts = facts.sort("doc_id", "sent_id", "char_start", maintain_order=True)
    by_sentence = (
        facts.group_by("doc_id", "sent_id", maintain_order=True)
        .agg(pl.col("borrower_iso3").last())
        .with_columns(pl.col("borrower_iso3").shift(1).forward_fill().over("doc_id").alias("_prev_borrower"))
    )
    facts = facts.join(by_sentence.drop("borrower_iso3"), on=["doc_id", "sent_id"], how="left", maintain_order="left")
    back_to_project = pl.col("sentence").str.contains(_BACK_TO_PROJECT)
    refers_back = pl.col("project").is_null() & back_to_project
    prev = {c: pl.col(c).shift(1).forward_fill().over("doc_id") for c in ("project", "sector", "borrower_iso3")}
    # (only when the sentence names no other country: "... for the 37-km line, Ivorian officials said")
    for_it = (
        ~pl.col("_borrower_named")
        & pl.col("sentence").str.contains(_FOR_THAT_PROJECT)
        & first_other(pl.col("isos"), pl.col("lender_iso3")).is_null()
    )
    return facts.with_columns(
        *[pl.when(refers_back).then(pl.coalesce(prev[c], c)).otherwise(c).alias(c) for c in ("project", "sector")],
        pl.when(for_it & prev["borrower_iso3"].ne_missing(pl.col("lender_iso3")))
        .then(pl.coalesce(prev["borrower_iso3"], "borrower_iso3"))
        # ("The road is estimated to cost $190 million": the country of the road of the sentence before)
        .when(back_to_project & ~pl.col("_borrower_named") & pl.col("_prev_borrower").ne_missing(pl.col("lender_iso3")))
        .then(pl.coalesce("_prev_borrower", "borrower_iso3"))
        .otherwise("borrower_iso3")
        .alias("borrower_iso3"),
    )


_DEFINITE_LOAN = r"(?i)(?:^|\W)(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?loans?(?-u:\b)"


def _sector(project: pl.Expr, sentence: pl.Expr) -> pl.Expr:
    """Sector of the project name, else of the sentence's first sector word; canals are `other`."""
    from_project = _first_cue(project, SECTOR_CUES)
    # several different sectors in one sentence ("rural roads, clean water and schools"): other
    distinct = text_values(sentence, SECTOR_CUES)
    from_sentence = (
        pl.when(distinct.list.len() == 1)
        .then(distinct.list.first())
        .when(distinct.list.len() > 1)
        .then(pl.lit("other"))
    )
    sector = pl.coalesce(from_project, from_sentence)
    canal = pl.coalesce(project, sentence).str.contains(words((r"canals?", r"waterways?")))
    return pl.when(canal).then(pl.lit("other")).otherwise(sector)


def _drop_subsumed(facts: pl.DataFrame) -> pl.DataFrame:
    """Drop an amount-less row when the document gives the same loan with its amount, and a loan told
    again ("The lender signed the $300 million facility with the ministry in March") after its first
    telling (same parties and amount)."""
    keys = ["doc_id", "lender_iso3", "borrower_iso3", "instrument"]
    with_amount = (
        facts.filter(pl.col("amount_original").is_not_null())
        .sort("doc_id", "char_start", maintain_order=True)
        .unique(
            subset=["doc_id", "lender_iso3", "borrower_iso3", "amount_original", "currency"],
            keep="first",
            maintain_order=True,
        )
    )
    without = facts.filter(pl.col("amount_original").is_null()).join(
        with_amount.select(keys).unique(), on=keys, how="anti", nulls_equal=True
    )
    return pl.concat([with_amount, without]).sort("doc_id", "char_start", maintain_order=True)
