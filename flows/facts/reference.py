"""Entity reference data: countries (pycountry + seeds/reference CSVs), organisations, airlines,
aircraft models, and the regex alternations built from them.

Every alias is matched case-sensitively (they are proper nouns: "US" must not match "us") with
ASCII word boundaries, which keep polars' regex engine on its fast DFA path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pycountry

# Countries that pycountry names in a form news never uses ("Korea, Republic of") are covered
# by countries_extra.csv; these pycountry names would only produce false mentions.
_SKIP_PYCOUNTRY = {"Jersey", "Georgia", "Chad", "Guinea", "Niger", "Jordan", "Turkey", "Dominica"}
_POSSESSIVES = ("'s", "’s")
# ISO3 stand-ins of phrases that name a country without its name ("the country's goods", "the
# kingdom"): "@HOME" plus a group number; resolved where a role is read (context.to_iso3).
HOME = "@HOME"


@dataclass(frozen=True)
class FactReference:
    """Lookup tables for the extractor; build it with `load_reference`."""

    # alias, iso3 (nullable), category (country/org/airline), kind, canonical
    entities: pl.DataFrame
    # alias, manufacturer, model
    models: pl.DataFrame
    # a customs union's body or name ("Eurasian Economic Commission") -> its members' ISO3 codes, space-separated:
    # a trade measure it decides is imposed by each member (seeds/reference/joint_trade_policy.csv)
    joint_policy: dict[str, str] = field(repr=False)
    joint_policy_re: str = field(repr=False)
    iso3_of: dict[str, str | None] = field(repr=False)
    canonical_of: dict[str, str] = field(repr=False)
    category_of: dict[str, str] = field(repr=False)
    kind_of: dict[str, str] = field(repr=False)
    model_of: dict[str, str] = field(repr=False)
    model_maker_of: dict[str, str] = field(repr=False)
    # lower-case name of a country, capital or city -> ISO3 (for datelines)
    place_of: dict[str, str] = field(repr=False)
    # coreference stand-in -> the countries it can mean (empty: any, i.e. the story's country)
    coreference_groups: dict[str, tuple[str, ...]] = field(repr=False)
    # trade bloc alias ("Mercosur") -> its members' ISO3 codes, space-separated (a party to a pact)
    bloc_members: dict[str, str] = field(repr=False)
    # member ISO3 -> the customs union that sets its trade policy ("FRA" -> "EUU")
    union_of: dict[str, str] = field(repr=False)
    # canonical names of lenders whose loans are concessional by mandate (a JICA loan is preferential)
    concessional_lenders: frozenset[str] = field(repr=False)
    # countries that give official loans and grants (OECD DAC members and the main others): which
    # side of "Japan and Tonga exchanged notes on a grant" gives
    donors: frozenset[str] = field(repr=False)
    # country names that are also other things ("Georgia", the US state): alias -> words whose
    # presence in a document shows the country is meant (seeds/reference/ambiguous_countries.csv)
    ambiguous_countries: dict[str, str] = field(repr=False)
    bloc_re: str = field(repr=False)
    # regex alternations without capture groups
    entity_re: str = field(repr=False)
    country_re: str = field(repr=False)
    org_re: str = field(repr=False)
    airline_re: str = field(repr=False)
    model_re: str = field(repr=False)
    manufacturer_re: str = field(repr=False)
    # companies, airlines, manufacturers and lessors: they trade and borrow but impose no measures
    company_re: str = field(repr=False)

    def iso3(self, expr: pl.Expr) -> pl.Expr:
        """Map an expression of matched aliases to ISO3 codes (NULL when the alias has none)."""
        return expr.replace_strict(self.iso3_of, default=None, return_dtype=pl.Utf8)

    def canonical(self, expr: pl.Expr) -> pl.Expr:
        return expr.replace_strict(self.canonical_of, default=None, return_dtype=pl.Utf8)

    def category(self, expr: pl.Expr) -> pl.Expr:
        return expr.replace_strict(self.category_of, default=None, return_dtype=pl.Utf8)

    def kind(self, expr: pl.Expr) -> pl.Expr:
        return expr.replace_strict(self.kind_of, default=None, return_dtype=pl.Utf8)


def _boundary(char: str) -> str:
    """An ASCII word boundary beside an ASCII word character; none beside anything else (an
    ASCII boundary can never hold next to "é", and a Unicode one is slow)."""
    return r"(?-u:\b)" if char.isascii() and (char.isalnum() or char == "_") else ""


def alternation(aliases: list[str]) -> str:
    """A non-capturing alternation of `aliases` that matches the longest alias at a position
    ("South Korea" beats "Korea"), written as a prefix tree: "South (?:Africa|Korea|Sudan)".

    The tree keeps the regex small: polars' regex engine falls back to a far slower mode when
    a flat alternation of a few thousand aliases outgrows its automaton cache. Spaces inside an
    alias match any run of whitespace."""
    root: dict = {}
    for alias in set(aliases):
        node = root
        for token in re.findall(r"\s+|.", alias, flags=re.S):
            node = node.setdefault(" " if token.isspace() else token, {})
        node[""] = {}

    depth: dict[int, int] = {}

    def longest(node: dict) -> int:
        if id(node) not in depth:
            depth[id(node)] = max([0] + [1 + longest(child) for key, child in node.items() if key])
        return depth[id(node)]

    def emit(node: dict, last: str) -> str:
        # only one child can match the next character, so trying children before the end
        # of an alias gives the longest alias
        options = [
            (r"\s+" if key == " " else re.escape(key)) + emit(node[key], key)
            for key in sorted((k for k in node if k), key=lambda k: (-longest(node[k]), k))
        ]
        if "" in node:
            options.append(_boundary(last))
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    branches = [
        _boundary(key) + re.escape(key) + emit(root[key], key)
        for key in sorted(root, key=lambda k: (-longest(root[k]), k))
    ]
    return "(?:" + "|".join(branches) + ")"


def _pycountry_names() -> pl.DataFrame:
    rows = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name and name not in _SKIP_PYCOUNTRY:
                rows.append((name, country.alpha_3, "name"))
    return pl.DataFrame(rows, schema=["alias", "iso3", "kind"], orient="row")


def _country_names(countries: pl.DataFrame) -> list[str]:
    return countries.filter(pl.col("kind") == "name")["alias"].to_list()


def _possessive_variants(orgs: pl.DataFrame, country_names: list[str]) -> pl.DataFrame:
    """ "China's Export-Import Bank" for "Export-Import Bank of China", and "Vietnam's Chamber of
    Commerce and Industry" for "Vietnam Chamber of Commerce and Industry": news writes both."""
    names = sorted(set(country_names), key=len, reverse=True)
    rank = {name: n for n, name in enumerate(names)}
    extra = []
    for row in orgs.iter_rows(named=True):
        alias = row["alias"]
        # only a name the alias starts with or ends with after "of" can match: try just those
        spaces = [m.start() for m in re.finditer(" ", alias)]
        pieces = {alias[:i] for i in spaces} | {alias[i + 1 :] for i in spaces}
        for name in sorted(pieces & rank.keys(), key=rank.__getitem__):
            if alias.startswith(name + " "):
                rest = alias[len(name) + 1 :]
                extra += [{**row, "alias": f"{name}{p} {rest}"} for p in _POSSESSIVES]
                break
            for joiner in (" of the ", " of "):
                if alias.endswith(joiner + name):
                    head = alias[: -len(joiner + name)]
                    if " " not in head:  # "Bank of China" must not become "China's Bank"
                        break
                    extra += [{**row, "alias": f"{name}{p} {head}"} for p in _POSSESSIVES]
                    break
    return pl.DataFrame(extra, schema=orgs.schema) if extra else orgs.clear()


def _coreference(path: Path) -> tuple[pl.DataFrame, dict[str, tuple[str, ...]]]:
    """Entity rows for "the country", "the kingdom", ... (also capitalised, at a sentence start),
    each with the stand-in of its group of possible countries."""
    table = pl.read_csv(path, schema_overrides={"countries": pl.Utf8}).with_columns(pl.col("countries").fill_null(""))
    groups: dict[str, tuple[str, ...]] = {}
    rows = []
    for alias, members in table.iter_rows():
        key = tuple(sorted(members.split()))
        stand_in = next((s for s, m in groups.items() if m == key), f"{HOME}{len(groups)}")
        groups[stand_in] = key
        rows += [(variant, stand_in) for variant in {alias, alias[0].upper() + alias[1:]}]
    frame = pl.DataFrame(rows, schema=["alias", "iso3"], orient="row").with_columns(
        kind=pl.lit("coreference"), category=pl.lit("country"), canonical=pl.col("iso3")
    )
    return frame, groups


def load_reference(folder: Path) -> FactReference:
    """Read seeds/reference/*.csv (countries_extra, coreference, cities, organisations, airlines,
    aircraft_models, trade_blocs, joint_trade_policy, customs_unions, concessional_lenders, donor_countries,
    ambiguous_countries)."""
    folder = Path(folder)
    extra = pl.read_csv(folder / "countries_extra.csv", schema_overrides={"iso3": pl.Utf8})
    ambiguous = pl.read_csv(folder / "ambiguous_countries.csv")
    extra = pl.concat([extra, ambiguous.select("alias", "iso3", pl.lit("name").alias("kind"))])
    countries = pl.concat([_pycountry_names(), extra.select("alias", "iso3", "kind")]).unique(
        subset=["alias"], keep="last", maintain_order=True
    )
    countries = countries.with_columns(
        pl.lit("country").alias("category"),
        pl.col("iso3").alias("canonical"),
    )
    orgs = pl.read_csv(folder / "organisations.csv", schema_overrides={"iso3": pl.Utf8})
    orgs = pl.concat([orgs, _possessive_variants(orgs, _country_names(countries))])
    orgs = orgs.select("alias", "iso3", "kind", pl.lit("org").alias("category"), "canonical")
    coreference, coreference_groups = _coreference(folder / "coreference.csv")
    # cities that are not capitals: where a story is datelined, never an actor ("LAGOS —")
    cities = pl.read_csv(folder / "cities.csv").with_columns(
        kind=pl.lit("city"), category=pl.lit("country"), canonical=pl.col("iso3")
    )
    countries = pl.concat([countries, coreference.select(countries.columns), cities.select(countries.columns)])
    airlines = pl.read_csv(folder / "airlines.csv", schema_overrides={"iso3": pl.Utf8})
    airlines = airlines.select("alias", "iso3", "kind", pl.lit("airline").alias("category"), "canonical")
    entities = pl.concat([countries.select(orgs.columns), orgs, airlines]).unique(
        subset=["alias"], keep="last", maintain_order=True
    )
    models = pl.read_csv(folder / "aircraft_models.csv")
    blocs = pl.read_csv(folder / "trade_blocs.csv")
    joint = pl.read_csv(folder / "joint_trade_policy.csv")
    places = countries.filter(pl.col("kind").is_in(["capital", "name", "city"]))

    def aliases(frame: pl.DataFrame) -> list[str]:
        return frame["alias"].to_list()

    manufacturers = orgs.filter(pl.col("kind") == "manufacturer")
    return FactReference(
        entities=entities,
        models=models,
        iso3_of=dict(zip(entities["alias"], entities["iso3"], strict=True)),
        canonical_of=dict(zip(entities["alias"], entities["canonical"], strict=True)),
        category_of=dict(zip(entities["alias"], entities["category"], strict=True)),
        kind_of=dict(zip(entities["alias"], entities["kind"], strict=True)),
        model_of=dict(zip(models["alias"], models["model"], strict=True)),
        model_maker_of=dict(zip(models["alias"], models["manufacturer"], strict=True)),
        coreference_groups=coreference_groups,
        bloc_members=dict(zip(blocs["alias"], blocs["members"], strict=True)),
        joint_policy=dict(zip(joint["alias"], joint["members"], strict=True)),
        joint_policy_re=alternation(joint["alias"].to_list()),
        union_of={
            member: union
            for union, members in pl.read_csv(folder / "customs_unions.csv").select("union", "members").iter_rows()
            for member in members.split()
        },
        concessional_lenders=frozenset(pl.read_csv(folder / "concessional_lenders.csv")["canonical"].to_list()),
        donors=frozenset(pl.read_csv(folder / "donor_countries.csv")["iso3"].to_list()),
        ambiguous_countries=dict(zip(ambiguous["alias"], ambiguous["context"], strict=True)),
        bloc_re=alternation(aliases(blocs)),
        place_of=dict(zip(places["alias"].str.to_lowercase(), places["iso3"], strict=True)),
        entity_re=alternation(aliases(entities)),
        country_re=alternation(aliases(countries)),
        org_re=alternation(aliases(orgs)),
        airline_re=alternation(aliases(airlines)),
        model_re=_model_alternation(models),
        manufacturer_re=alternation(aliases(manufacturers)),
        company_re=alternation(
            aliases(pl.concat([orgs.filter(pl.col("kind").is_in(["company", "manufacturer", "lessor"])), airlines]))
        ),
    )


_AIRCRAFT_NOUN = r"(?:jets?|aircraft|planes?|airliners?|freighters?|family)"


def _model_alternation(models: pl.DataFrame) -> str:
    """Model aliases; a bare number ("737", "787") counts only after "Boeing" or before an
    aircraft noun, and a plural "s" ("A321neos", "787s") is allowed after any model."""
    aliases = models["alias"].to_list()
    boeing = models.filter(pl.col("manufacturer") == "Boeing")["alias"].to_list()
    plain = [a for a in aliases if not a.isdigit()] + [f"Boeing {a}" for a in boeing]
    bare = "|".join(sorted({a for a in aliases if a.isdigit()}, reverse=True))
    plain_re = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(set(plain), key=lambda a: (-len(a), a)))
    numeric = rf"(?:{bare})(?:s?\s+{_AIRCRAFT_NOUN}|s)" if bare else ""
    return rf"(?-u:\b)(?:{plain_re}{'|' + numeric if numeric else ''})s?(?-u:\b)"


def model_alias(surface: pl.Expr, reference: FactReference) -> pl.Expr:
    """The alias a model match stands for: without "Boeing ", a trailing aircraft noun or a plural s."""
    bare = surface.str.replace(r"^Boeing\s+", "").str.replace(rf"\s+{_AIRCRAFT_NOUN}$", "")
    bare = bare.str.replace_all(r"\s+", " ")
    singular = bare.str.replace(r"s$", "")
    known = list(reference.model_of)
    return pl.when(bare.is_in(known)).then(bare).when(singular.is_in(known)).then(singular)
