"""trade_measures: tariffs, duties, trade-defence measures, export controls, quotas, sanctions.

Anchors: every percentage linked to a measure word ("145% duties", "duties of up to 39%",
"The levies — 17.0% for BYD"), and every measure word with no percentage of its own that names
who imposes it or whom it hits ("anti-dumping duties on Chinese steel", "a 90-day pause on
new tariffs"). Imposer and target come from patterns around the anchor; an anaphoric anchor
("The duties were set at 15.3%") inherits what the previous measure of the document left open.
A rate-less row is dropped when the document also gives the same measure with a rate.
"""

from __future__ import annotations

import re

import polars as pl

from flows.facts.context import (
    BACK_REFERENCE,
    DATELINE_LEAD,
    E_TOKEN,
    POSS,
    THE,
    actor_isos,
    after_last_break,
    ascii_word_classes,
    entity_template,
    extract_iso3,
    first_other,
    phrase_value,
    tag_entities,
    tagged_names,
    text_values,
    to_iso3,
    untag,
    words,
)
from flows.facts.lexicon import DOMESTIC_AGENT, MEASURE_CUES, MEASURE_NOT_FACT
from flows.facts.measure_attributes import with_attributes
from flows.facts.reference import FactReference
from flows.text import find_matches

_CUES = sorted({c for cues in MEASURE_CUES.values() for c in cues}, key=len, reverse=True)
MEASURE_ANY = words(_CUES)
_NOT_FACT = words(MEASURE_NOT_FACT)
_DOMESTIC_AGENT = words(DOMESTIC_AGENT)
_ON_EXPORTS = (
    r"(?i)^\s*on\s+(?:(?:(?:the|all|its|their)\s+)?(?:exports?|outbound\s+shipments|shipments\s+abroad)\s+of|"
    # "the 20% duty on onion exports" (not a country's: "46% tariffs on Vietnamese exports")
    r"(?:(?-i:[a-z])[\w-]*\s+){1,2}?(?:exports|shipments\s+abroad))(?-u:\b)"
)
# A percentage with no measure word of its own, in a sentence continuing a measure ("a lower 7.8% rate").
_RATE_WORD = r"(?i:(?-u:\b)(?:rates?|set\s+at|levels?)(?-u:\b))"
# A verb that applies an unnamed rate to goods: "Korean products pay 15%", "are charged 40%".
_RATE_VERB = (
    r"(?i:(?-u:\b)(?:(?:are|is|were|was|be|being)\s+charged|fac(?:e|es|ing)|pay(?:s|ing)?|carr(?:y|ies))(?-u:\b))"
)
# A duty given as a share of the goods' value: "a duty equal to a quarter of the declared value".
_FRACTION_RATE = (
    r"(?i)(?-u:\b)(?:(?:a|one|two|three)[\s-])?(?:quarters?|thirds?|fifths?|tenths?|half)\s+of\s+(?:the|their|its)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:value|price)s?(?-u:\b)"
)
_FRACTION_WORDS = {"quarter": 4, "third": 3, "fifth": 5, "tenth": 10, "half": 2}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3}
# Trade-defence measures a generic "duty" of the same sentence can belong to ("Duties of 15% ...
# under a provisional safeguard measure").
_SPECIFIC = ("anti_dumping", "countervailing", "safeguard")
_DEMONSTRATIVE = r"(?i)(?:^|\W)(?:these|those|such)\s+(?:[\w-]+\s+){0,2}$"
# Trade defence always names whose goods it hits.
_NEEDS_TARGET = ("anti_dumping", "countervailing")
# rates of something else than a measure: "interest rate", "the unemployment rate"
_OTHER_RATES = (
    "interest", "growth", "inflation", "exchange", "unemployment", "tax", r"utili[sz]ation", "participation", "birth",
    "mortality", "approval",
)  # fmt: skip
_NOT_RATE = rf"(?i:{'|'.join(_OTHER_RATES)})\s+rates?"
_ANAPHORIC = (
    r"(?i)(?:^|\W)(?:the|these|those|such|this|that)\s+(?:(?:same|new|additional|higher|lower|provisional|final|"
    r"definitive|extra|proposed|planned|steep|punitive|retaliatory)\s+)?$"
)
# Percentages that measure something else: growth, shares, stakes, price moves.
_PCT_OTHER_LEFT = (
    # (whole words: "Hyundai Group 25%" is not "up 25%")
    r"(?i)(?-u:\b)(?:rose|rise|fell|fall|grew|grow|gained|gain|jumped|jump|slipped|slip|dropped|drop|declined|decline|climbed|"
    r"increased|decreased|surged|plunged|eased|expanded|contracted|slowed|by|stake\s+of|share\s+of|accounts?\s+for|"
    r"up|down|(?:up\s+|down\s+|rising\s+|falling\s+)?from|compared\s+with|previously|formerly|"
    # an earlier or other rate set beside the one in force: "well below the 35% it had threatened",
    # "24.5% instead of 31%"
    r"below|above|(?:lower|higher|less|more)\s+than|instead\s+of|rather\s+than|replacing|"
    # an effect on prices or costs: "they could add up to 3% to the cost of a vessel"
    r"add|adds|added|adding|shave|shaves|shaved|plus|minus|"
    # an exemption from a rate, or a past change the new rate reverses: "were spared the 39% rate",
    # "reversing last year's cut to 15%"
    r"spared|exempt(?:ed)?\s+from|(?:reversing|reversed|undoing|after|following)\s+(?:[\w’'-]+\s+){0,3}?(?:cut|reduction|increase|hike|rise)\s+to|"
    # a policy rate, a forecast, a stacked total: "held its benchmark Selic rate at 15%", "which
    # they forecast at 2.5%", "bringing the total to 50%"
    # (a whole word: "Turkey at a rate of 14.2%" is no "key rate")
    r"(?-u:\b)(?:(?:benchmark|policy|interest|lending|repo|Selic|key|base|deposit)\s+(?:[\w-]+\s+){0,2}?rates?|Selic|SELIC)"
    r"\s+(?:at|to|of|by)|"
    r"(?:forecasts?|forecast|estimated?|seen|projected|expected|predicted)\s+(?:it\s+|them\s+)?(?:at|to\s+be)|"
    r"(?:total|combined|cumulative|overall)\s+(?:rate\s+|level\s+|duty\s+|tariff\s+)?(?:[\w-]+\s+){0,4}?(?:to|of|at))\s+"
    r"(?:the\s+)?(?:(?:about|around|some|nearly|roughly|almost|more\s+than|over|just|only|up\s+to|as\s+much\s+as)\s+)?$"
)
# "... below the 35% it had threatened and the 37% first announced": a list continues the comparison
# Percentages of something else near a measure word: margins, odds, taxes on all goods,
# scenarios ("dumping margins of up to 62%", "a 40% probability", "a scenario in which a 30% levy")
_OTHER_FIGURE_LEFT = (
    r"(?i)(?-u:\b)(?:margins?|probability|chance|odds|likelihood|consumption\s+tax|VAT|sales\s+tax|excise|scenario)"
    r"(?-u:\b)[^%;]{0,40}(?:[\d.,]+\s?%\s+(?:to|and|-|–)\s*)?$"
)
_OTHER_FIGURE_RIGHT = r"(?i)^\s*(?:probability|chance|likelihood|odds|margins?)(?-u:\b)"
# what someone wants, asks or lobbies for: "Hog raisers want the out-of-quota rate restored to 40%",
# "The association had asked for a 35% duty"
_WISH_LEFT = (
    r"(?i)(?-u:\b)(?:want(?:s|ed)?|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|"
    r"ask(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|petition(?:s|ed)?\s+for)(?-u:\b)[^%;.]{0,40}$"
)
_DUMPING_HINT = r"(?i)(?-u:\b)(?:dump(?:ed|ing)|expiry\s+review|sunset\s+review|below\s+(?:cost|fair\s+value|normal\s+value))(?-u:\b)"
_SUBSIDY_HINT = r"(?i)(?-u:\b)(?:subsidi[sz]ed|subsidies|anti-subsidy)(?-u:\b)"
_ITS_GOODS_FACE = r"^(?:Its|Their)\s+(?:[\w-]+\s+)?(?:goods|exports|products|shipments)\s+(?:[\w-]+\s+){0,2}?(?:face|faces|pay|pays|are\s+charged)\s"
# ("Chile, whose goods have paid the 10% baseline US tariff", "Kenya's flowers, which face a 10% U.S. tariff")
_WHICH_FACE = (
    r"{E}(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?{E})*(?:(?:'s|’s)(?:\s+[\w-]+){1,2})?,?\s+"
    r"(?:which|who|that|whose\s+(?:goods|exports|products|shipments))\s+(?:have\s+|has\s+)?(?:now\s+|already\s+|still\s+)?"
    r"(?:face|faces|faced|pay|pays|paid|get|gets|are\s+charged)\s+[^,;]{0,30}$"
)
# what a rate would do if someone imposed it: "estimated that a 25% tariff would knock 0.4 points off growth"
_HYPOTHESIS_LEFT = r"(?i)(?-u:\b)(?:that|if|whether)\s+(?:an?|the)\s+$"
_HYPOTHESIS_RIGHT = r"(?i)^\s*(?:[\w-]+\s+){0,2}?would(?-u:\b)"
_LIST_CONTINUES = r"(?i)^\s*(?:[\w'’-]+\s+){0,6}?(?:and|or)\s+(?:the\s+)?$"
# An item of a list of rates per exporting country, after the measure was named:
# "Canadian-made fibre will pay 26.2%, Japanese exporters 21.9% and Indian producers between
# 18.3% and 38.6%", "all exporters in Laos a single rate of 86.1%". The item is the text from
# the last list break to the rate; a range inside it is one rate, its upper end.
_RANGE_INSIDE = r"(?i)(?-u:\b)(between|from)\s+[\d.,]+\s?%\s+(?:and|to)\s+"
# an aside inside an item: "South Korean suppliers, led by LG Chem and Kumho, face deposits of ..."
_APPOSITIVE = r"(?i),\s+(?:led\s+by|including|such\s+as|notably|among\s+them)\s+[^,;:]*,"
_ITEM_BREAK = r"(?i)\s(?:and|while|whereas|but)\s"
_ITEM_TEXT = r"([^,;:(|]*)$"
_ITEM = r"^\s*(?:(?:all|other|the|most|remaining)\s+){0,2}(?:[\w-]+\s+(?:in|from)\s+)?(?:the\s+)?(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?{E}(?:-[\w]+)?(?:\s+[\w-]+){0,7}?\s*$"
# whose goods the item names: exporters, producers or the goods themselves, or a rate they pay
_ITEM_MARK = (
    r"(?i)(?:-(?:made|built|produced|origin)|(?-u:\b)(?:producers?|exporters?|manufacturers?|makers?|mills?|suppliers?|"
    r"firms?|companies|product|products|goods|material|shipments|pay|pays|face|faces|charged|assigned|rates?|"
    r"units?|subsidiar(?:y|ies)|arms?|drew|draws|received|gets|got|"
    r"those\s+(?:in|from)))(?-u:\b)"
)
_ITEM_NOT = r"(?i)(?-u:\b)(?:inflation|growth|GDP|share|stake|margins?|interest|unemployment|economy|market|probability|tax|VAT)(?-u:\b)"
_RANGE_END_LEFT = r"(?i)(?-u:\b)(?:range[sd]?|ranging|var(?:y|ies|ied|ying))\s+(?:from\s+|between\s+)?[\d.,]+\s?%\s+(?:to|and|-|–)\s*$"
# "Korean and Taiwanese exporters pay 10.4% and 29.2% respectively"
_RATE_RUN = r"((?:[\d.,]+\s?%(?:,\s*|,?\s+and\s+))+[\d.,]+\s?%)"
_RESPECTIVELY = r"(?i)" + _RATE_RUN + r"\s+respectively"
# a relative clause pairs the countries before it with its rates in order: "Sri Lanka and
# Cambodia, which face US rates of 20% and 19%"
_WHICH_LEAD = r"(?i),?\s+(?:which|who)\s+(?:now\s+|already\s+|still\s+)?(?:face|pay|get|are\s+charged)\s+[^,;%]{0,30}?"
# a new level of a rate named before: "The cabinet rate will then rise to 50% on Jan. 1, and the
# rate on upholstered furniture to 30%"
_RATE_CHANGE = (
    _RATE_WORD + r"\s+(?:(?:on|for)\s+[^,;%]{1,60}?\s+)?(?:(?:will|would|is\s+to|then|also|later)\s+){0,2}"
    r"(?:(?:rise|rises|rose|increase|increases|increased|climb|climbs|climbed|jump|jumps|jumped|go\s+up|goes\s+up|"
    r"fall|falls|fell|drop|drops|dropped)\s+)?to\s+$"
)
_OTHER_RATE_CHANGE = (
    rf"(?i)(?:{'|'.join(_OTHER_RATES)}|jobless|annual|monthly|average|policy|benchmark|mortgage|savings|vacancy|"
    r"default|poverty)\s+" + _RATE_CHANGE
)
_RANGE_GAP = r"^\s*(?:to|-|–)\s*$"
_CHANGE_BY = r"(?i)(?-u:\b)by\s+(?:about\s+|some\s+|up\s+to\s+|as\s+much\s+as\s+)?$"
_PCT_OTHER_RIGHT = (
    r"(?i)^\s*(?:of\s+(?:its|their|the|global|world)|stake|share|growth|jump|rise|increase|decline|drop|fall|gain|"
    r"year-on-year|from\s+a\s+year|of\s+GDP|of\s+capacity|interest|inflation|(?:of\s+)?(?:the\s+)?vote|"
    r"to\s+(?:the\s+)?(?:cost|costs|price|prices|bill)|owned|ownership|of\s+[A-Z][\w.]*(?:'s|’s)\s|by\s+value|"
    # an effect taken away: "a 35% tariff would wipe 2% off Mexico's exports"
    r"off\s|"
    # a comparison: "2,600 companies export to China, 40% more than before the agreement"
    r"(?:more|less|fewer|higher|lower)\s+than(?-u:\b)|"
    # a share of goods covered, not a rate: "duties on 98% of tariff lines"
    r"of\s+(?:all\s+)?(?:(?:tariff|product)\s+)?(?:lines|categories|headings|items|goods|products)|"
    r"of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:exports|imports|trade|shipments)(?-u:\b)|"
    # a share of a volume: "keep 10% of each year's quota in reserve"
    r"of\s+(?:each|every|the|its|their|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?:quotas?|volumes?|output|production|supply|supplies|harvest|crop)(?-u:\b))"
)
_AVERAGE_LEVEL = r"(?i)(?-u:\b)(?:average|effective|weighted)\s+(?:[\w.-]+\s+){0,3}?(?:tariffs?|duty|duties|rates?)(?-u:\b)[^;]{0,60}$"
_ORDINAL_BEFORE = r"(?i)(?:first|second|third|only|latest|biggest|largest)\s+(?:[\w-]+\s+){0,2}$"
# ... unless that measure acts: "The European Union's latest sanctions package bars 14 more companies"
_ACTS_AFTER = r"(?i)^\s*(?:[\w-]+\s+){0,2}?(?:bars|bans|adds|lists|targets|hits|imposes|blacklists|freezes)(?-u:\b)"
_PHASED_OUT = r"(?i)(?:will|would|to)\s+be\s+(?:gradually\s+)?(?:phased\s+out|eliminated|abolished)"
_AGREEMENT_NAME = (
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?[-–]){1,4}[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}?\s+(?:Agreement|Treaty|Pact|Accord)"
)
# ... or with its verb: "Ireland's Ornua was assigned 18.6%"
_ASSIGNED = r"(?-u:\b)(?:was|were|is|has\s+been)\s+assigned\s"
_COMPANY_ASSIGNED = (
    r"(?:^|,\s+|\s+and\s+|:\s+|\.\s+)([A-Z][\w.&'’-]*(?:\s+(?:\([^)]{1,20}\)|[A-Z][\w.&'’-]*)){0,3})\s+"
    + _ASSIGNED
    + r"\s*(?:a\s+(?:rate\s+of\s+)?)?$"
)
_COMPANY_BEFORE = r"(?:^|,\s+|\s+and\s+|:\s+)([A-Z][\w.&'’-]*(?:\s+(?:\([^)]{1,20}\)|[A-Z][\w.&'’-]*)){0,3})\s+$"
_WOULD_CUT = (
    r"(?i)(?-u:\b)(?:would\s+(?:be\s+)?|(?:will|would)\s+be\s+)(?:halved|cut|reduced|lowered|phased\s+out|eliminated|"
    r"fall|drop|decline|come\s+down)(?:\s+[\w-]+){0,3}?\s+to\s+$"
)
_CUT_CONTINUES = (
    r"(?i)^[^;]*?(?:falling|dropping|declining|then|and\s+then|before\s+falling|eventually)\s+(?:[\w-]+\s+){0,2}?to\s+$"
)
# A tariff-rate quota's over-quota rate: "ship 100,000 vehicles a year at 10%, with anything above that paying 27.5%"
_OVER_QUOTA = (
    r"(?i)(?:anything|any|shipments?|imports?|volumes?|those|quantities|amounts?)(?:\s+from\s+(?:[\w-]+\s+){1,3}?)?\s+(?:above|beyond|over|in\s+excess\s+of|exceeding)\s+"
    r"(?:that|this|it|them|(?:the|their|its|an?|set|agreed|fixed|certain)\s+(?:[\w-]+\s+)?(?:quotas?|limits?|caps?|thresholds?|ceilings?|volumes?|levels?)|[\d,.]+\s+[\w-]+)\s+(?:[\w,.-]+\s+){0,5}?"
    r"(?:paying|pay|pays|face|faces|facing|attracts?|attracting|incurs?|incurring|(?:are|is|be)\s+charged)\s+(?:an?\s+)?(?:[\w-]+\s+)?$"
)
# "charge a 50% duty on anything above it"
_OVER_QUOTA_AFTER = (
    r"(?i)^\s*(?:(?:duty|duties|tariffs?|levy|rate)\s+)?(?:on|for)\s+(?:anything|any\s+[\w-]+|shipments|imports|volumes|steel|goods)\s+"
    r"(?:above|beyond|over|exceeding|in\s+excess\s+of|outside)(?-u:\b)"
)
_IMPOSE_VERB = words(
    (r"impos\w*", r"slap\w*", r"levie[sd]", r"levy(?:ing)?", r"announc\w+", r"introduc\w+", r"recommend\w*",
     r"raise[sd]?", r"hike[sd]?", r"threaten\w*", r"sets?", r"plans?", r"planned", r"paus\w+", r"suspend\w*",
     r"lift\w*", r"extend\w*", r"adopt\w+", r"approv\w+", r"opened", r"launch\w*", r"keeps?", r"kept",
     r"maintain\w*", r"appl(?:y|ies|ied)", r"charg\w+", r"propos\w+", r"consider\w*", r"ban(?:s|ned)?",
     r"restrict\w*", r"curb\w*", r"halt\w*", r"blacklist\w*", r"sanction\w*", r"retaliat\w+", r"hit(?:s|ting)?",
     r"target\w*")
)  # fmt: skip
_FILL = r"(?:[\w“”\"'’-]+\s+)"
# lowercase goods, a list allowed: "live birds, poultry meat and eggs"
_GOODS_FILL = r"(?:(?-i:[a-z])[\w-]*,?\s+)"
# Whom a listing hits, by where its parties are: "added 23 entities to the Entity List: 16 in China, four in
# the United Arab Emirates and three in Türkiye", "asset freezes on 14 entities in Russia and Kyrgyzstan"
_LISTED = (
    r"(?i:added|adds|adding|placed|places|put|puts|blacklisted|blacklists)\s+(?:the\s+)?"
    r"(?:\d[\d,]*\s+|(?i:more|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens\s+of)\s+)?{E}"
)
_LISTED_IN = (
    r"(?i:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|them|others|entities|firms|"
    r"companies|organi[sz]ations|individuals|persons|people|suppliers|distributors|exporters|traders|contractors)"
    r"\s+(?i:(?:based|located|registered)\s+)?in\s+(?:the\s+)?{E}(?:(?:,\s*|,?\s+and\s+|\s+or\s+)(?:the\s+)?{E})*"
)
TEMPLATES = {
    # target: whose goods it hits
    # "12.7% on Moldovan rod", "12.7% on wire rod from Moldova"
    # ("a single rate of 12.1% will be charged on Japanese material")
    "t_pct": r"^\s*(?:(?:will\s+be\s+|is\s+|are\s+|was\s+|were\s+|to\s+be\s+)?(?:charged|levied|applied|imposed|collected|payable)\s+)?(?:for|on)\s+(?:[\w-]+\s+){0,2}?(?:(?:[\w-]+\s+){0,3}?(?:from|by|(?:made|originating|produced|manufactured|grown)\s+in)\s+)?"
    + THE
    + "{E}",
    "t_right": rf"^(?:[^.;%,]|\.\d){{0,90}}?(?-u:\b)(?:on|against|targeting|hitting|for|appl(?:y|ies|ied)\s+to)\s+(?:imports?\s+from\s+)?{_FILL}{{0,6}}?{THE}{{E}}",
    # ... after a list of goods: "on poultry meat, table eggs and hatching eggs from Poland"
    "t_goods_from": rf"^\s*(?:on|of)\s+{_GOODS_FILL}{{1,8}}?from\s+{THE}{{E}}",
    "t_facing": rf"{{E}}{POSS}\s+(?:{_FILL}|{{E}}\s+){{0,6}}?(?i:fac(?:e|es|ed|ing)|hit\s+(?:with|by)|subject(?:ed)?\s+to|slapped\s+with|pa(?:y|ys|id))(?-u:\b)",
    "t_hit": rf"(?i:hit|hits|hitting|targets?|targeting|targeted|punish\w*|slapp\w*)\s+{THE}{{E}}",
    "t_from": rf"(?i:imports?|importers?|buyers?|shipments?|goods|products|exports?)\s+(?:of\s+{_GOODS_FILL}{{0,8}}?)?from\s+{THE}{{E}}",
    # ... after the measure word: "its ban on imports of poultry and poultry products from New Zealand"
    "t_from_right": rf"^[^.;%]{{0,80}}?(?i:imports?|shipments?|goods|products)\s+(?:of\s+{_FILL}{{0,3}}?)?from\s+{THE}{{E}}",
    # in the clause before a rate: "Vietnamese goods now face 20%", "coil from China now carries a 38.3% duty"
    "t_before": rf"(?:{{E}}{POSS}\s+{_FILL}{{0,6}}?{_RATE_VERB}|(?-u:\b)(?:from|through)\s+{THE}{{E}})",
    # a list of targets with their rates in brackets: "to imports from Egypt (15.9%), Japan (6.9%) and Vietnam (12.1%)"
    "t_paren": r"{E}\s*\(\s*(?:of\s+|at\s+)?$",
    # whose companies a list of company rates is about, named in its head: "Indian rates were lower: Premier was assigned 7.1%"
    "t_head": r"^[^:;]*?{E}[^:;]*:\s[^:;]*$",
    # whose shipments the destination's rate hits: "British carmakers have been able to ship ... to the United States at"
    "t_shipper": rf"{{E}}{POSS}\s+{_FILL}{{0,8}}?(?i:ship\w*|export\w*|sell\w*|sold|sen[dt]\w*)(?-u:\b)",
    # a quota names whose goods it admits: "the quota under which Korean mills have been allowed to ship"
    "t_quota": r"(?i:quotas?)\s+(?:[\w-]+\s+){0,3}?(?:for|under\s+which|allowing|that\s+allow\w*|granted\s+to)\s+(?:the\s+)?{E}",
    # export controls and sanctions list whom they hit: "Taipei added Huawei and SMIC to a list of entities"
    "t_listed": _LISTED,
    # export controls name whom the goods may not reach: "curbs on sales of chips to China"
    "t_to": rf"^[^.;%]{{0,120}}?(?-u:\b)to\s+{THE}{{E}}",
    # imposer: who imposes it
    # (no leading ".*": it makes the capture pass run over the whole text, 8x slower)
    "i_poss": rf"{{E}}{POSS}\s+{_FILL}{{0,5}}$",
    "i_poss_near": rf"{{E}}{POSS}\s+{_FILL}{{0,2}}$",
    "i_subj": rf"{{E}}{POSS}\s+{_FILL}{{0,6}}?{_IMPOSE_VERB}",
    # the first of two subjects: "Cameroon and the Republic of Congo will stop exports of logs"
    "i_co": rf"{{E}}\s+and\s+{THE}{{E}}\s+(?:{_FILL}{{0,6}}?{_IMPOSE_VERB}|{_FILL}{{0,2}}$)",
    # (in a relative clause: "the 25% tariff that Washington imposed"; not another subject: ", and India opened")
    "i_rel": rf"^(?:[^.;,]|,\s+(?:which|that|as|who)\s){{0,60}}?{{E}}\s+(?:has\s+|had\s+|have\s+)?{_IMPOSE_VERB}",
    "i_from": rf"^\s*{_FILL}{{0,2}}?(?:from|by|imposed\s+by)\s+{THE}{{E}}",
    # the destination imposes the rate its imports pay: "able to ship 100,000 vehicles a year to the United States at a 10% tariff"
    "i_dest": rf"(?i:ship\w*|export\w*|sell\w*|sold|sen[dt]\w*|goods|products|shipments)\s+[^.;%]{{0,60}}?(?-u:\b)(?:to|into)\s+{THE}{{E}}\s+(?:{_FILL}){{0,3}}?(?i:at|face|faces|facing|pay|pays|paying|under|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
    # the destination of the goods imposes: "Tariffs on steel imports into the United States doubled to 50%"
    "i_into": rf"(?:(?i:imports?|shipments?)\s+(?:of\s+[^.;%,]{{0,40}}?)?into\s+|(?i:enters?|entering)\s+){THE}{{E}}",
    # the government body a passive sentence quotes: "Imports of ... will be subject to a temporary ban from
    # March 1, the UAE's Ministry of Climate Change and Environment said"
    "i_said": rf",\s+{THE}{{E}}{POSS}\s+(?:{_FILL}){{0,6}}?(?i:ministry|authority|department|government|agency|commission|customs|regulator)(?-u:\b)[^,;]{{0,60}}?\s(?:said|says|announced|stated)(?-u:\b)",
    # the country named between the rate and the measure word: "which now face a 15% US tariff"
    # ("the 10% baseline US tariff")
    "i_adj": r"^\s*(?:(?i:baseline|additional|extra|reciprocal|new|retaliatory|punitive|blanket|general|standard|flat|special|"
    r"temporary|universal|so-called)\s+){0,2}{E}\s+(?:[\w-]+\s+)?(?i:tariffs?|duty|duties|levy|levies|surcharges?)(?-u:\b)",
    # where a measure took effect is who imposes it: "A 10% export tax on raw cashew nuts took effect in Ivory Coast"
    "i_in": rf"^[^.;%]{{0,80}}?(?i:took\s+effect|came\s+into\s+(?:force|effect)|(?:is|are|was|were)\s+(?:now\s+)?in\s+(?:force|effect|place))\s+in\s+{THE}{{E}}",
    # "a 25% duty on shipments above their quota under Brussels' own safeguard regime"
    "i_under": rf"^[^.;%]{{0,90}}?(?-u:\b)under\s+{THE}{{E}}{POSS}\s",
    # the sentence's subject: "China's commerce ministry announced that exports of ... will require licences"
    "i_start": rf"^{DATELINE_LEAD}(?:[Tt]he\s+)?{{E}}{POSS}\s",
    # the previous sentence's subject, when it opens with a country acting: "Mexico has been
    # tightening its own defences. Tariffs on Chinese textiles ... were raised in December"
    "prev_subject": r"^(?:[Tt]he\s+)?{E}\s+(?:has|have|had|is|was|are|were|will|would|also|said|says|went|(?-i:[a-z]+(?:ed|s)))(?-u:\b)",
}
# The names after "on ... " ("on galvanised steel from China and Vietnam, the ..."): a run of
# capitalised words joined by commas, "and", "or". Generic tokens here, not the entity
# alternation: two copies of it in one regex make the automaton explode.
_TARGET_TAIL = (
    r"(?-u:\b)(?:on|against|targeting|hitting|for)\s+(?:imports?\s+from\s+)?" + _FILL + r"{0,6}?" + THE
    + r"([A-Z][^.;:%—–()]*)"
)  # fmt: skip
# a run of capitalised words, a name whatever it names ("the European Union", "United States")
_CAPITALISED = r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
_SAID_BY = r",\s+(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,5}(?:said|says|announced|told|added|reported|stated|confirmed)(?-u:\b)[\s\S]*$"
_TARGET_TO_TAIL = r"^[^.;%]{0,120}?(?-u:\b)to\s+" + THE + r"([A-Z][^.;:%—–()]*)"
_NAME_RUN = r"^((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:(?:,\s*|,?\s+and\s+|\s+or\s+)(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)*)"
# Entities marked as targets or sources, not imposers: "on Chinese imports", "from China".
_MARKED = (
    r"(?:(?-u:\b)(?:on|against|from|for|to|of)\s+"
    + _FILL
    + r"{0,2}?"
    + THE
    + r"{E}"
    # (with the names coordinated after it: "18% for Laos and Cambodia alike")
    + r"(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?{E})*"
    # whose producers or goods are named: "Chinese manufacturers face duties of up to 98.99%"
    + r"|{E}\s+(?:[\w-]+\s+)?(?i:producers?|manufacturers?|makers?|exporters?|mills?|firms?|company|companies|suppliers?|shippers?"
    + r"|growers|farmers|steelmakers|carmakers|automakers|goods|products|imports|exports|shipments|brands)(?-u:\b))"
)
# Words that open a new clause: "relief on Friday after Washington settled on ..." does not mark
# Washington (a stop character before them keeps `_MARKED`'s filler words out of the next clause).
_CLAUSE_WORD = r"(?-u:\b)(after|before|when|while|as|since|because|but|although|though|that|which|who|where|if|than|until|unless)(?-u:\b)"


def _unmarked(tagged: pl.Expr) -> pl.Expr:
    """Tagged text without the entities marked as targets or sources. A possessive entity is an
    owner, not a target: "adjusting to Washington's 15% tariff" (a stop character guards it)."""
    return (
        # a topic is no destination: "With regard to the United States, ... Ecuadorian products have paid"
        tagged.str.replace_all(r"(?i)(?-u:\b)(?:(?:with|in)\s+)?(?:regard|respect|relation)\s+to(?-u:\b)", "regarding")
        # an institution "of" a country is that country's: "The Biosecurity Authority of Fiji has lifted its ban"
        .str.replace_all(
            r"(?i)(?-u:\b)((?:authorit(?:y|ies)|ministry|government|department|agency|office|commission|council|services?)\s+)of(\s)",
            "${1}¤$2",
        )
        .str.replace_all(_CLAUSE_WORD, "¦$1")
        .str.replace_all(f"({E_TOKEN}(?:'s|’s|’|'))", "¦$1")
        .str.replace_all(entity_template(_MARKED), "")
        .str.replace_all("¦", "")
    )


def _measure_of(cue: pl.Expr) -> pl.Expr:
    return phrase_value(cue, MEASURE_CUES)


# the lower end of a range gives no row, the upper one does: "between 15% and 20%", "duties of 5.8% to 9.1%",
# "rates of 10%-25%" (`_pl` and `_pr`: the text just before and after a percentage)
_RANGE_LOWER_END = (
    pl.col("_pl").str.contains(r"(?i)(?-u:\b)between\s*$") & pl.col("_pr").str.contains(r"^\s*(?:and|to|-|–)\s*\d")
) | pl.col("_pr").str.contains(r"^\s*(?:to|-|–)\s*\d[\d.,]*\s?(?:%|per\s*cent|percent)")


def _anchors(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """One row per anchor: a linked percentage (with its cue) or a lone measure cue."""
    sents = ctx.filter(
        pl.col("sentence").str.contains(MEASURE_ANY)
        | pl.col("sentence").str.contains(_RATE_WORD)
        | pl.col("sentence").str.contains(_RATE_VERB)
        | pl.col("sentence").str.contains(_RESPECTIVELY)
        | pl.col("sentence").str.contains(_ASSIGNED)
    )
    text = sents.select("doc_id", "sent_id", pl.col("sentence").alias("text"))
    cues = find_matches(text, MEASURE_ANY).rename({"match_start": "c_start", "match_end": "c_end", "match": "cue"})
    blocked = find_matches(text, _NOT_FACT).rename({"match_start": "b_start", "match_end": "b_end"})
    if not blocked.is_empty():
        overlap = cues.join(blocked.drop("match"), on=["doc_id", "sent_id"]).filter(
            (pl.col("c_start") < pl.col("b_end")) & (pl.col("b_start") < pl.col("c_end"))
        )
        cues = cues.join(
            overlap.select("doc_id", "sent_id", "c_start"), on=["doc_id", "sent_id", "c_start"], how="anti"
        )
    pcts = (
        amounts.filter(pl.col("kind") == "percent")
        .select(
            "doc_id", "sent_id", pl.col("char_start").alias("p_abs"), pl.col("char_end").alias("p_abs_end"), "value"
        )
        .join(sents.select("doc_id", "sent_id", "char_start", "sentence"), on=["doc_id", "sent_id"])
        .with_columns(
            (pl.col("p_abs") - pl.col("char_start")).alias("p_start"),
            (pl.col("p_abs_end") - pl.col("char_start")).alias("p_end"),
        )
        .with_columns(
            pl.col("sentence").str.slice(0, pl.col("p_start")).str.slice(-40).alias("_pl"),
            pl.col("sentence").str.slice(pl.col("p_end")).str.head(40).alias("_pr"),
        )
        .sort("doc_id", "sent_id", "p_start", maintain_order=True)
        .with_columns(
            pl.col("_pl").str.contains(_PCT_OTHER_LEFT).alias("_compared"),
            # a cut an agreement would bring is not in force: "... would be halved to 75% once the agreement takes effect"
            pl.col("_pl").str.contains(_WOULD_CUT).alias("_would"),
        )
        .with_columns(
            _continued("_compared", _LIST_CONTINUES),
            # "... would be halved to 75% ..., falling to 40% over ten years"
            _continued("_would", _CUT_CONTINUES),
        )
        # (a range of a change, "could rise by 8% to 10%", not of a rate: "range from 22.3% to 66.4%")
        .with_columns(_continued("_compared", _RANGE_GAP, after=_CHANGE_BY))
        # a rate the story gives as superseded ("fallen to 15% from 39%") is superseded wherever it
        # comes back with "the": "shipments were front-loaded before the 39% levy took effect"
        .with_columns(
            (
                pl.col("_pl").str.contains(_DEFINITE_RATE)
                & pl.col("_compared")
                .cast(pl.Int8)
                .cum_max()
                .over("doc_id", "value")
                .shift(1)
                .over("doc_id", "value")
                .fill_null(0)
                .eq(1)
            ).alias("_superseded")
        )
        .filter(
            ~pl.col("_compared")
            & ~pl.col("_superseded")
            & ~pl.col("_would")
            # an estimated average level is not a measure: "the average U.S. tariff on Chinese imports now stands at about 47%"
            & ~pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(_AVERAGE_LEVEL)
            & ~pl.col("_pr").str.contains(_PCT_OTHER_RIGHT)
            & ~pl.col("_pr").str.contains(rf"^\s*{_NOT_RATE}")
            & ~pl.col("_pl").str.contains(_OTHER_FIGURE_LEFT)
            & ~pl.col("_pl").str.contains(_WISH_LEFT)
            & ~pl.col("_pr").str.contains(_OTHER_FIGURE_RIGHT)
            & ~(pl.col("_pl").str.contains(_HYPOTHESIS_LEFT) & pl.col("_pr").str.contains(_HYPOTHESIS_RIGHT))
            & ~_RANGE_LOWER_END
        )
        .select("doc_id", "sent_id", "p_start", "p_end", "value", "sentence", "_pr")
    )
    pcts = pl.concat([pcts, _fraction_rates(text, sents)], how="diagonal_relaxed")
    pcts = _with_item_targets(
        pcts.join(sents.select("doc_id", "sent_id", "coreference"), on=["doc_id", "sent_id"], how="left"), reference
    )
    # Link each percentage to a cue: right after it (at most three words between), else the
    # nearest cue before it, else the nearest after it.
    pairs = pcts.join(cues, on=["doc_id", "sent_id"], how="left").with_columns(
        pl.when(pl.col("c_start") >= pl.col("p_end"))
        .then(pl.col("sentence").str.slice(pl.col("p_end"), (pl.col("c_start") - pl.col("p_end")).clip(0)))
        .alias("_gap_after"),
        pl.when(pl.col("c_end") <= pl.col("p_start"))
        .then(pl.col("sentence").str.slice(pl.col("c_end"), (pl.col("p_start") - pl.col("c_end")).clip(0)))
        .alias("_gap_before"),
    )
    score = (
        pl.when(
            pl.col("_gap_after").str.contains(r"^\s*(?:[“”\"'‘’\w-]+\s*){0,3}$")
            # ("a duty of 20.56% and a countervailing duty of ...": the next measure's word)
            & ~pl.col("_gap_after").str.contains(r"(?i)(?-u:\b)(?:and|or|while|but|whereas)(?-u:\b)")
        )
        .then(pl.col("c_start") - pl.col("p_end"))
        .when(pl.col("_gap_before").is_not_null() & (pl.col("p_start") - pl.col("c_end") <= 90))
        .then(1000 + pl.col("p_start") - pl.col("c_end"))
        .when(pl.col("_gap_after").is_not_null() & (pl.col("c_start") - pl.col("p_end") <= 60))
        .then(2000 + pl.col("c_start") - pl.col("p_end"))
        # a further rate of a list, applied to other goods: "..., and a reduced 10% on energy products"
        .when(pl.col("_gap_before").is_not_null() & pl.col("_pr").str.contains(r"^\s*(?:on|for)\s"))
        .then(3000 + pl.col("p_start") - pl.col("c_end"))
        # a rate in brackets after a name, in a list: "... to imports from Egypt (15.9%), Japan (6.9%) and Vietnam (12.1%)"
        .when(pl.col("_gap_before").is_not_null() & pl.col("_gap_before").str.contains(r"[A-Z][\w.’'-]*\s*\(\s*$"))
        .then(4000 + pl.col("p_start") - pl.col("c_end"))
    )
    # A company's rate in a list ("Sailun will pay 12.4%, Linglong 18.1% and Zhongce Rubber 21.3%")
    # continues the measure before it, whatever measure word follows the list.
    before_rate = pl.col("sentence").str.slice(0, pl.col("p_start"))
    company = pl.coalesce(before_rate.str.extract(_COMPANY_BEFORE, 1), before_rate.str.extract(_COMPANY_ASSIGNED, 1))
    company_item = (
        company.is_not_null()
        & ~company.str.contains(f"^(?:{reference.entity_re})$")
        & pl.col("sentence").str.slice(pl.col("p_end")).str.contains(r"^(?:\s*[,;)]|\s+and\s|\s+while\s|\s*\.?\s*$)")
    ).fill_null(False)
    linked = (
        pairs.with_columns(pl.when(~company_item).then(score).alias("_score"))
        .sort("_score", nulls_last=True, maintain_order=True)
        .group_by("doc_id", "sent_id", "p_start", maintain_order=True)
        .first()
    )
    # A percentage with no usable cue stays only as "a 7.8% rate" / "set at 15.3%" (anaphoric), or
    # as an item of a list of rates: "The new rates ... take effect on August 7: 20% for Bangladesh, 19% for Pakistan".
    listed_rate = pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(
        rf"{_RATE_WORD}[^:;]*:\s[^:;]*$"
    ) & pl.col("sentence").str.slice(pl.col("p_end")).str.contains(r"^\s+(?:for|on)\s")
    rate_only = (
        pl.col("sentence").str.slice(pl.col("p_end")).str.contains(rf"^\s*(?:[\w-]+\s+)?{_RATE_WORD}")
        | listed_rate
        | pl.col("sentence")
        .str.slice(0, pl.col("p_start"))
        .str.contains(rf"(?:{_RATE_WORD}\s+(?:of\s+)?|{_RATE_VERB}\s+(?:an?\s+)?)(?:up\s+to\s+)?$")
        | (
            pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(_RATE_CHANGE)
            & ~pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(_OTHER_RATE_CHANGE)
        )
    ) & ~pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(rf"{_NOT_RATE}\s+(?:of\s+)?(?:up\s+to\s+)?$")
    # the upper end of a range of rates: "They range from 11.3% to 39.6% for Chinese producers"
    range_end = pl.col("sentence").str.slice(0, pl.col("p_start")).str.contains(_RANGE_END_LEFT)
    rate_only = rate_only | company_item | pl.col("_item_target").is_not_null() | range_end
    linked = linked.with_columns(
        pl.when(pl.col("_score").is_null()).then(None).otherwise("cue").alias("cue"),
        pl.when(pl.col("_score").is_null()).then(None).otherwise("c_start").alias("c_start"),
        pl.when(pl.col("_score").is_null()).then(None).otherwise("c_end").alias("c_end"),
    ).filter(pl.col("cue").is_not_null() | rate_only)
    pct_anchors = linked.select(
        "doc_id",
        "sent_id",
        "p_start",
        "p_end",
        pl.col("value").alias("rate_pct"),
        "cue",
        "c_start",
        "c_end",
        listed_rate.alias("_listed_rate"),
        "_item_target",
        company_item.alias("_company_item"),
    ).join(_specific_measures(pcts, cues), on=["doc_id", "sent_id", "p_start"], how="left")
    used = pct_anchors.drop_nulls("c_start").select("doc_id", "sent_id", "c_start").unique()
    lone = cues.join(used, on=["doc_id", "sent_id", "c_start"], how="anti").select(
        "doc_id", "sent_id", pl.lit(None, dtype=pl.Int32).alias("p_start"), pl.lit(None, dtype=pl.Int32).alias("p_end"),
        pl.lit(None, dtype=pl.Float64).alias("rate_pct"), "cue", "c_start", "c_end",
    )  # fmt: skip
    anchors = pl.concat([pct_anchors, lone], how="diagonal_relaxed")
    return anchors.join(sents, on=["doc_id", "sent_id"], how="inner")


def _with_item_targets(pcts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """`_item_target`: whose goods a rate of a list of rates per country hits (see `_ITEM`), or
    the n-th country of a list a "respectively" pairs with the n-th rate."""
    before = pl.col("sentence").str.slice(0, pl.col("p_start"))
    item = (
        before.str.replace_all(_APPOSITIVE, "")
        .str.replace_all(_RANGE_INSIDE, "$1 ")
        .str.replace_all(_ITEM_BREAK, "|")
        .str.extract(_ITEM_TEXT, 1)
    )
    # (an item that names the measure itself is a clause of its own: "Ecuador has charged a duty equal to")
    item_target = pl.when(
        item.str.contains(_ITEM_MARK)
        & ~item.str.contains(_ITEM_NOT)
        & ~(item.str.contains(MEASURE_ANY) & item.str.contains(_IMPOSE_VERB))
    ).then(extract_iso3(tag_entities(item, reference), _ITEM, reference, tagged=True))
    sentence = pl.col("sentence")
    run = pl.coalesce(sentence.str.extract(_RESPECTIVELY, 1), sentence.str.extract(_WHICH_LEAD + _RATE_RUN, 1))
    # (in characters, as the offsets are: str.find counts bytes)
    before_respectively = sentence.str.extract(r"^([\s\S]*?)" + _RESPECTIVELY, 1)
    run_start = pl.coalesce(
        before_respectively, sentence.str.extract(r"^([\s\S]*?" + _WHICH_LEAD + ")" + _RATE_RUN, 1)
    ).str.len_chars()
    in_run = (pl.col("p_start") >= run_start) & (pl.col("p_start") < run_start + run.str.len_chars())
    # the last countries named before the run (before its relative clause), as many as it has
    # rates: "Korean and Taiwanese exporters pay 10.4% and 29.2%", "duties on potash from Korea and
    # China, at rates of 49.5% and 73.7%"
    n_rates = run.str.count_matches("%")
    owner_text = pl.coalesce(before_respectively, sentence.str.extract(r"^([\s\S]*?)" + _WHICH_LEAD + _RATE_RUN, 1))
    owners = actor_isos(owner_text.str.extract_all(reference.entity_re), reference).list.tail(n_rates)
    rank = pl.when(in_run).then(pl.col("p_start")).rank("ordinal").over("doc_id", "sent_id") - 1
    respective = pl.when(in_run & (owners.list.len() == n_rates)).then(
        owners.list.get(rank.cast(pl.Int64), null_on_oob=True)
    )
    return pcts.with_columns(pl.coalesce(respective, item_target).alias("_item_target")).drop("coreference")


def _continued(flag: str, gap_pattern: str, after: str | None = None) -> pl.Expr:
    """`flag`, or the flag of the percentage before in the sentence when the text between the two
    matches `gap_pattern` (a list or a chain that goes on with the same kind of figure) and, with
    `after`, the text before that percentage matches `after`."""
    prev_end = pl.col("p_end").shift(1).over("doc_id", "sent_id").fill_null(0)
    gap = pl.col("sentence").str.slice(prev_end, (pl.col("p_start") - prev_end).clip(0))
    previous = pl.col(flag).shift(1).over("doc_id", "sent_id").fill_null(False)
    if after is not None:
        previous = previous & pl.col("_pl").shift(1).over("doc_id", "sent_id").str.contains(after).fill_null(False)
    return (pl.col(flag) | (previous & gap.str.contains(gap_pattern))).alias(flag)


def _fraction_rates(text: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """Rates written as a share of the goods' value ("a quarter of the declared value" = 25%)."""
    found = find_matches(text, _FRACTION_RATE)
    schema = {"doc_id": pl.Utf8, "sent_id": pl.Int32, "p_start": pl.Int32, "p_end": pl.Int32, "value": pl.Float64}
    if found.is_empty():
        return pl.DataFrame(schema=schema)

    def pct(phrase: str) -> float | None:
        tokens = re.findall(r"[a-z]+", phrase.lower())
        number = _NUMBER_WORDS.get(tokens[0], 1)
        parts = next((_FRACTION_WORDS[t.rstrip("s")] for t in tokens if t.rstrip("s") in _FRACTION_WORDS), None)
        return round(100.0 * number / parts, 1) if parts else None

    values = {p: pct(p) for p in found["match"].unique().to_list()}
    rows = found.select(
        "doc_id", "sent_id", pl.col("match_start").alias("p_start"), pl.col("match_end").alias("p_end"),
        pl.col("match").replace_strict(values, default=None, return_dtype=pl.Float64).alias("value"),
    )  # fmt: skip
    return (
        rows.cast(schema)
        .join(sents.select("doc_id", "sent_id", "sentence"), on=["doc_id", "sent_id"])
        .with_columns(pl.col("sentence").str.slice(pl.col("p_end")).str.head(40).alias("_pr"))
    )


def _specific_measures(pcts: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """For each percentage, the nearest trade-defence cue of its sentence (before it, else after)."""
    specific = cues.with_columns(_measure_of(pl.col("cue")).alias("specific")).filter(
        pl.col("specific").is_in(_SPECIFIC)
    )
    distance = (
        pl.when(pl.col("c_end") <= pl.col("p_start"))
        .then(pl.col("p_start") - pl.col("c_end"))
        .otherwise(100_000 + pl.col("c_start") - pl.col("p_end"))
    )
    return (
        pcts.select("doc_id", "sent_id", "p_start", "p_end")
        .join(specific, on=["doc_id", "sent_id"])
        .with_columns(distance.alias("_d"))
        .sort("_d", maintain_order=True)
        .group_by("doc_id", "sent_id", "p_start", maintain_order=True)
        .agg(pl.col("specific").first())
    )


def extract_trade_measures(ctx: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    cand = _anchors(ctx, amounts, reference)
    if cand.is_empty():
        return cand
    sanctions_story = ctx.group_by("doc_id").agg(
        pl.col("sentence").str.contains(r"(?i)(?-u:\b)(?:sanction|embargo)").any().alias("_sanctions_story")
    )
    cand = cand.join(sanctions_story, on="doc_id", how="left")
    a_start = pl.min_horizontal("p_start", "c_start")
    a_end = pl.max_horizontal("p_end", "c_end")
    sentence = pl.col("sentence")
    cand = cand.with_columns(
        sentence.str.slice(0, a_start).alias("left"),
        # the end of the left text, where a possessive imposer stands ("Washington's imposition of")
        sentence.str.slice(0, a_start).str.slice(-120).alias("left_tail"),
        sentence.str.slice(a_end).alias("right"),
        sentence.str.slice(a_end).str.head(150).alias("right_head"),
        pl.when(pl.col("p_end").is_not_null()).then(sentence.str.slice(pl.col("p_end"))).alias("p_right"),
        # whom it hits is named after the measure word, around the rate ("raised tariffs on
        # Chinese cars to 50%"); "on top of the bloc's ..." is not a target
        pl.when(pl.col("c_end") <= pl.col("p_start"))
        .then(
            pl.concat_str(
                sentence.str.slice(pl.col("c_end"), (pl.col("p_start") - pl.col("c_end")).clip(0)),
                sentence.str.slice(pl.col("p_end")),
            )
        )
        .otherwise(sentence.str.slice(a_end))
        .str.replace_all(r"(?i)(?-u:\b)on\s+top\s+of(?-u:\b)", "ontopof")
        # (the lower end of a range between the measure word and the rate: "tariffs of between 10% and 15% ... on U.S. farm products",
        # "Duties ranging from 5% to 19% will apply to Brazilian beef")
        .str.replace_all(r"(?i)(between|from)\s+\d+(?:[.,]\d+)?\s?%\s+(and|to)\s", "$1 N $2 ")
        # countries inside an agreement's name are not targets: "products that do not comply with the
        # United States-Mexico-Canada Agreement"
        .str.replace_all(_AGREEMENT_NAME, "the Agreement")
        # goods from anywhere but a place: "on cars from outside the European Union"
        .str.replace_all(
            r"(?i)(?-u:\b)(?:from\s+)?outside\s+(?:of\s+)?(?:the\s+)?" + _CAPITALISED + "?",
            "from elsewhere",
        )
        # all origins are no named target: "to imports of both metals from all countries"
        .str.replace_all(
            r"(?i)(?-u:\b)(from|on|to)\s+all\s+(?:other\s+)?(?:countries|origins|sources|suppliers|nations)",
            "$1 everyone",
        )
        # whoever does something is no named target: "on any country that buys Russian oil"
        .str.replace_all(
            r"(?i)(?-u:\b)(on|against)\s+any\s+(?:country|nation|buyer|importer|one|state)\s+(?:that|which|who)\s+[^,.;]*",
            "$1 anyone",
        )
        # a cue that ends in "on" ("a ban on") leaves its target's "on" inside the cue; goods after
        # "banned imports of" are its scope ("... of poultry from Brazil")
        .pipe(
            lambda text: (
                pl.when(pl.col("cue").str.contains(r"\son$|(?i)imports?\s+of$"))
                .then(pl.concat_str(pl.lit(" on"), text))
                # ... and "banned poultry imports from Brazil" names the origin after the cue
                .when(pl.col("cue").str.contains(r"(?i)\simports$"))
                .then(pl.concat_str(pl.lit(" on imports"), text))
                # ... and "has barred poultry from the Netherlands" its origin right after the cue
                .when(pl.col("cue").str.contains(r"(?i)\sfrom$"))
                .then(pl.concat_str(pl.lit(" on imports from"), text))
                .otherwise(text)
            )
        )
        # a consequence or a reason names no target: "lifted its ban on maize exports, allowing traders to ship
        # grain to Kenya", "a 40% safeguard tariff on steel bars, citing a surge in shipments from Turkey"
        .str.replace(
            r"(?i),?\s+(?:allowing|letting|enabling|permitting|freeing|clearing\s+the\s+way\s+for|citing|amid|because\s+of|in\s+response\s+to\s+a)\s[\s\S]*$",
            "",
        )
        # a venue names no target: "duties on the machines at its meeting in Moscow"
        .str.replace_all(
            r"(?i)(?-u:\b)(meeting|summit|conference|ceremony|session|forum|talks|visit)\s+(in|at)\s", "$1 ¦$2 "
        )
        # a "to" that names no destination: "any item subject to US export regulations", "due to"
        .str.replace_all(r"(?i)(?-u:\b)(subject|according|due|owing|thanks|contrary|similar)\s+to(?-u:\b)", "$1 per")
        # (the destination of the goods is no target: "on steel imports into the United States")
        .str.replace_all(r"(?i)(?-u:\b)(imports?|shipments?)\s+into\s+(?:the\s+)?" + _CAPITALISED, "$1 at home")
        # (... nor is the country goods enter: "on ceramic tiles entering Ukraine from India")
        .str.replace_all(r"(?i)(?-u:\b)(entering|enters?)\s+(?:the\s+)?" + _CAPITALISED, "$1 at home")
        .alias("right_target"),
        # the clause just before a rate, after its measure word: "...: Vietnamese goods now face 20%"
        pl.when(pl.col("p_start").is_not_null())
        .then(
            after_last_break(
                pl.when(pl.col("c_end") <= pl.col("p_start"))
                .then(sentence.str.slice(pl.col("c_end"), (pl.col("p_start") - pl.col("c_end")).clip(0)))
                .otherwise(sentence.str.slice(0, pl.col("p_start")))
            )
            .str.slice(-100)
            # (the destination of the goods is no target: "imports of Vietnamese rice into the Philippines will carry")
            .str.replace_all(
                r"(?i)(?-u:\b)(imports?|shipments?)(\s+of\s+[^.;%,]{0,40}?)?\s+into\s+(?:the\s+)?" + _CAPITALISED,
                "$1$2 at home",
            )
        )
        .alias("p_left"),
        # a duty on exports restricts them: "a 10% duty on exports of soybeans"
        pl.when(_measure_of(pl.col("cue")).eq("tariff") & sentence.str.slice(a_end).str.contains(_ON_EXPORTS))
        .then(pl.lit("export_control"))
        # an import ban under a sanctions regime is a sanction ("its 19th package of sanctions ..., which will ban imports of")
        .when(
            _measure_of(pl.col("cue")).eq("quota")
            & pl.col("cue").str.contains(r"(?i)^ban")
            & sentence.str.contains(r"(?i)(?-u:\b)sanction")
        )
        .then(pl.lit("sanction"))
        # ... and a ban on goods outside one limits imports to nothing: "a ban on Japanese seafood"
        # (in a story about sanctions, the ban is one of them: "The EU's ban on Belarusian potash")
        # (a ban for disease or safety is sanitary whatever the story: "after outbreaks of avian influenza")
        .when(
            pl.col("cue").str.contains(r"(?i)^(?:import\s+)?bans?\s+on$")
            & (~pl.col("_sanctions_story") | sentence.str.contains(_SANITARY))
        )
        .then(pl.lit("quota"))
        .otherwise(_measure_of(pl.col("cue")))
        .alias("measure"),
    )
    cand = cand.with_columns(
        # "The levies — 17.0% ..." or "a lower 7.8% rate": continues the previous measure.
        (
            pl.col("cue").is_null()
            | (
                pl.col("left").str.slice(0, pl.min_horizontal("c_start", "p_start")).str.contains(_ANAPHORIC)
                & (pl.col("measure") == "tariff")
            )
        ).alias("anaphoric"),
        # "... pay 24.5% instead of 31%, while the duty on wheat falls to 9.5%": "the duty" is the
        # measure named before (an export duty), whatever the rate it is linked to
        pl.col("sentence")
        .str.slice(0, pl.col("c_start"))
        .str.contains(_ANAPHORIC)
        .fill_null(False)
        .alias("_definite_cue"),
    )
    # entities marked as targets or sources ("from China") are never the imposer
    # (nor are the companies of an aside: "South Korean suppliers, led by LG Chem, face ...")
    cand = cand.with_columns(
        # (a company imposes nothing: "a full transaction ban on Rosneft and Gazprom Neft and bars 45 companies")
        untag(
            _unmarked(
                tag_entities(
                    pl.col("left_tail")
                    .str.replace_all(_APPOSITIVE, ",")
                    .str.replace_all(reference.company_re, "the firm"),
                    reference,
                )
            )
        ).alias("left_unmarked")
    )
    # the last clause of the text before the measure ("..., and the U.S. added 22 Iranian entities to its")
    cand = cand.with_columns(
        pl.col("left_tail").str.replace(r"(?s)^.*(?:,\s+(?:and|while|but|whereas)\s+|;\s*)", "").alias("left_clause")
    )
    sources = (
        "left_clause",
        "p_right",
        "right_target",
        "left_tail",
        "p_left",
        "left_unmarked",
        "right_head",
        "sentence",
        "prev_sentence",
    )
    cand = cand.with_columns([tag_entities(pl.col(c), reference).alias(f"_tag_{c}") for c in sources])
    roles = {name: extract_iso3(pl.col(f"_tag_{col}"), TEMPLATES[name], reference, tagged=True) for name, col in (
        ("t_pct", "p_right"), ("t_right", "right_target"), ("t_goods_from", "right_target"), ("t_facing", "left_tail"), ("t_from", "left_tail"), ("t_from_right", "right_target"), ("t_hit", "left_tail"),
        ("t_before", "p_left"), ("t_to", "right_target"), ("t_listed", "sentence"), ("t_shipper", "left_tail"), ("i_dest", "left_tail"), ("t_quota", "sentence"), ("t_paren", "p_left"), ("t_head", "left_tail"),
        ("i_poss", "left_unmarked"), ("i_poss_near", "left_unmarked"), ("i_subj", "left_unmarked"), ("i_co", "left_unmarked"), ("i_rel", "right_head"),
        ("i_from", "right_head"), ("i_under", "right_head"), ("i_into", "sentence"), ("i_in", "right_head"), ("i_adj", "p_right"), ("i_said", "right_head"), ("i_start", "sentence"), ("prev_subject", "prev_sentence"),
    )}  # fmt: skip
    roles["i_co2"] = extract_iso3(pl.col("_tag_left_unmarked"), TEMPLATES["i_co"], reference, group=2, tagged=True)
    # (the clause's own list first: "Japan added 12 Chinese firms to its list, and the U.S. added 22 Iranian entities")
    roles["t_listed_clause"] = extract_iso3(pl.col("_tag_left_clause"), TEMPLATES["t_listed"], reference, tagged=True)
    target_span = (
        pl.when(pl.col("measure") == "export_control")
        # export controls name whom the goods may not reach: "shipments of chips to the UAE and Saudi Arabia"
        .then(
            pl.coalesce(
                pl.col("right_target").str.extract(ascii_word_classes(_TARGET_TO_TAIL), 1),
                pl.col("right_target").str.extract(ascii_word_classes(_TARGET_TAIL), 1),
            )
        )
        .otherwise(pl.col("right_target").str.extract(ascii_word_classes(_TARGET_TAIL), 1))
        # (the source of the news is not one of the names: "on lysine from China, the European Commission said")
        .str.replace(_SAID_BY, "")
        .str.extract(ascii_word_classes(_NAME_RUN), 1)
    )
    first_specific_sent = (
        pl.when(pl.col("measure").is_in(_SPECIFIC) | pl.col("specific").is_not_null())
        .then("sent_id")
        .min()
        .over("doc_id")
    )
    # (the lead story's part of a headline: not "...; Thailand's first countervailing duty")
    title_specific = text_values(
        pl.col("title").fill_null("").str.replace(r";[\s\S]*$", ""), MEASURE_CUES
    ).list.set_intersection(pl.lit(list(_SPECIFIC)))
    # a generic duty with a rate of its own ("Duties ... of up to 79%")
    rated_duty = (
        pl.col("measure").eq("tariff")
        & pl.col("cue").fill_null("").str.contains(r"(?i)^(?:duty|duties)$")
        & pl.col("p_start").is_not_null()
    )
    listing = pl.col("measure").is_in(["export_control", "sanction"])
    listed_in = actor_isos(
        tagged_names(
            tag_entities(sentence.str.slice(pl.col("c_start").fill_null(0)), reference)
            .str.extract_all(entity_template(_LISTED_IN))
            .list.join(" ")
        ),
        reference,
    )
    cand = cand.with_columns(**roles).with_columns(pl.when(listing).then(listed_in).alias("_listed_in"))
    cand = cand.with_columns(
        pl.when(pl.col("_listed_in").list.len() > 0)
        .then("_listed_in")
        .otherwise(actor_isos(target_span.str.extract_all(reference.entity_re), reference))
        .alias("t_list"),
        # the countries a relative clause says face the rate: "moved to Bangladesh and Vietnam, which face US rates of 20%"
        actor_isos(
            tagged_names(
                pl.col("_tag_left_tail")
                .str.extract(entity_template(_WHICH_FACE), 0)
                .str.replace(r",?\s+(?:which|who|that)\s[\s\S]*$", "")
            ),
            reference,
        )
        .fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
        .alias("_which"),
        pl.col("left").str.extract(r"(?i)(?:^|\W)(its|their)\s+" + _FILL + r"{0,3}$", 1).is_not_null().alias("its"),
        to_iso3(pl.col("left_unmarked").str.extract_all(reference.entity_re).list.last(), reference).alias("left_last"),
        actor_isos(pl.col("left_unmarked").str.extract_all(reference.entity_re), reference).alias("_left_isos"),
        # the sentence's countries that are not marked as a target or source
        actor_isos(tagged_names(_unmarked(tag_entities(sentence, reference))), reference).alias("free_isos"),
        # a generic duty in a sentence about one trade-defence measure is that measure
        # (not one the text calls a tariff: "on top of China's normal 12% tariff on frozen beef")
        pl.when(
            pl.col("measure").eq("tariff")
            & pl.col("specific").is_not_null()
            & ~pl.col("cue").fill_null("").str.contains("(?i)tariff")
        )
        .then(pl.col("specific"))
        # duties in a sentence about dumping or subsidies are trade defence: "Duties on tableware from
        # China, of up to 79%, will stay ... after an expiry review found that Chinese producers dumped"
        .when(rated_duty & sentence.str.contains(_DUMPING_HINT))
        .then(pl.lit("anti_dumping"))
        .when(rated_duty & sentence.str.contains(_SUBSIDY_HINT))
        .then(pl.lit("countervailing"))
        # ... or in a story whose headline names one: "Taiwan to levy anti-dumping duties on ..." over
        # "Duties of between 7.66% and 29.19% will be collected on ..."
        # (only for a duty on named goods before the story names any such measure itself)
        .when(
            rated_duty
            & (title_specific.list.len() == 1)
            & pl.coalesce("t_pct", "t_right", "t_from_right", "t_from", "t_before").is_not_null()
            & (pl.col("sent_id") < first_specific_sent).fill_null(True)
        )
        .then(title_specific.list.first())
        .otherwise(pl.col("measure"))
        .alias("measure"),
    )
    is_pct = pl.col("p_start").is_not_null()
    cand = cand.with_columns(
        pl.coalesce(
            pl.when(is_pct).then("_item_target"),
            pl.when(pl.col("_company_item").fill_null(False)).then("t_head"),
            # "Its goods already face a 20% U.S. tariff": the country of the sentence before
            pl.when(is_pct & pl.col("left_tail").str.contains(_ITS_GOODS_FACE)).then("subject"),
            pl.when(is_pct).then(pl.col("_which").list.first()),
            pl.when(is_pct).then("t_paren"),
            pl.when(is_pct).then("t_pct"),
            # the destination imposes, the shipper is hit: "Japan's exports to the U.S. face 15%"
            pl.when(is_pct & pl.col("i_dest").is_not_null()).then("t_shipper"),
            pl.when(is_pct).then("t_before"),
            pl.when(pl.col("t_right").ne_missing(pl.col("i_in"))).then("t_right"),
            "t_goods_from",
            "t_from_right",
            pl.col("_listed_in").list.first(),
            pl.when(pl.col("measure") == "export_control").then("t_to"),
            pl.when(pl.col("measure").is_in(["export_control", "sanction"])).then(
                pl.coalesce("t_listed_clause", "t_listed")
            ),
            pl.when(pl.col("measure") == "quota").then("t_quota"),
            "t_facing",
            "t_hit",
            "t_from",
        ).alias("target_iso3")
    )

    def not_target(c: str) -> pl.Expr:
        # neither the target nor one of a list of targets ("to the UAE and Saudi Arabia")
        listed = pl.col("t_list").list.contains(pl.col(c)).fill_null(False)
        return pl.col(c).ne_missing(pl.col("target_iso3")) & ~listed

    explicit = pl.coalesce(
        pl.when(is_pct).then("i_adj"),
        pl.when(is_pct & not_target("i_dest")).then("i_dest"),
        *[pl.when(not_target(c)).then(c) for c in ("i_from", "i_under", "i_rel", "i_into", "i_in")],
        # "its" is the nearest country before it ("Zimbabwe, which declared ..., has suspended its 25% duty")
        pl.when(pl.col("its") & not_target("left_last")).then("left_last"),
        # (the nearest before the target: "the U.S. added 22 Iranian entities to its Entity List")
        pl.when(pl.col("its")).then(first_other(pl.col("_left_isos").list.reverse(), pl.col("target_iso3"))),
        # (not past a government named without its country: "the ministry added seven US defence contractors,
        # including a maker that sold drones to Taiwan, to its export control list")
        pl.when(pl.col("its") & ~pl.col("left_clause").str.contains(_DOMESTIC_AGENT)).then(
            first_other(pl.col("isos"), pl.col("target_iso3"))
        ),
        *[pl.when(not_target(c)).then(c) for c in ("i_poss_near", "i_poss", "i_subj")],
        pl.when(~is_pct & (pl.col("measure") != "tariff") & not_target("i_start")).then("i_start"),
        pl.when(not_target("i_said")).then("i_said"),
        # a customs union's body decides it for all its members (see `_union_imposer`)
        _union_imposer(reference),
    )
    # the country a rate's own adjective names imposes it; goods sent there are the story's: "Car shipments
    # to the United States, which now face a 15% US tariff" (in a Seoul story)
    adj = pl.col("i_adj")
    cand = cand.with_columns(
        pl.when(is_pct & adj.is_not_null() & (pl.col("target_iso3") == adj))
        .then(
            pl.coalesce(
                pl.when(pl.col("subject").ne_missing(adj)).then("subject"),
                pl.when(pl.col("home").ne_missing(adj)).then("home"),
                first_other(pl.col("main"), adj),
            )
        )
        .otherwise("target_iso3")
        .alias("target_iso3")
    )
    cand = cand.with_columns(
        # an item of a list of rates per country continues the measure named before it
        # (so does a company's rate: "France's Lactalis 24.7%" names the company's country, not an imposer)
        pl.when(pl.col("_item_target").is_null() & ~pl.col("_company_item").fill_null(False))
        .then(explicit)
        .alias("imposer_iso3"),
        pl.col("target_iso3").is_not_null().alias("named_target"),
    )
    # Several targets of one measure ("on steel from China and Vietnam", "50% on products from
    # Russia and Belarus") give one row each.
    from_list = entity_template(
        r"(?-u:\b)(?:from|through)\s+(?:the\s+)?{E}(?:(?:,\s*|,?\s+and\s+|\s+or\s+)(?:the\s+)?{E})+"
    )
    cand = cand.with_columns(
        actor_isos(tagged_names(pl.col("_tag_left_tail").str.extract(from_list, 0)), reference)
        .fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
        .alias("_from_list")
    )
    cand = (
        cand.with_columns(
            # (a rate paired with its own country, "respectively", is not for all the countries of the list)
            pl.when(pl.col("_item_target").is_not_null())
            .then(pl.lit([], dtype=pl.List(pl.Utf8)))
            .when(pl.col("_which").list.len() > 0)
            .then("_which")
            # ... nor is one with a country of its own: "at rates of 49.5% for Korean material and 39.5% for Chinese"
            # (unless the rate's own scope is the list: "Tariffs of 50% on products from Russia and Belarus")
            .when(
                pl.col("p_start").is_not_null()
                & (pl.col("t_pct").is_not_null() | pl.col("t_paren").is_not_null())
                & (_names_after(pl.col("p_right"), reference).list.len() < 2)
            )
            .then(pl.lit([], dtype=pl.List(pl.Utf8)))
            # the goods of several countries before the rate: "Goods from Laos and Myanmar will face US tariffs of 40%"
            .when(
                pl.col("p_start").is_not_null()
                & (
                    pl.col("target_iso3").eq_missing(pl.col("t_before"))
                    | pl.col("target_iso3").eq_missing(pl.col("t_from"))
                )
                & (pl.col("t_list").list.len().fill_null(0) < 2)
                & (pl.col("_from_list").list.len() > 1)
                & pl.col("_from_list").list.contains(pl.col("target_iso3"))
            )
            .then("_from_list")
            .otherwise("t_list")
            .alias("t_list")
        )
        .with_columns(
            pl.when((pl.col("t_list").list.len() > 1) & pl.col("target_iso3").is_not_null())
            .then(pl.col("t_list"))
            .otherwise(pl.concat_list(pl.col("target_iso3")))
            .alias("target_iso3")
        )
        .explode("target_iso3")
    )
    # two subjects impose it together: one row each
    co_imposer = (
        (pl.col("imposer_iso3") == pl.col("i_co2"))
        & pl.col("i_co").is_not_null()
        & pl.col("i_co").ne_missing(pl.col("target_iso3"))
        & pl.col("i_co").ne_missing(pl.col("imposer_iso3"))
    )
    cand = cand.with_columns(
        pl.when(co_imposer.fill_null(False))
        .then(pl.concat_list("i_co", "imposer_iso3"))
        .otherwise(pl.concat_list("imposer_iso3"))
        .alias("imposer_iso3")
    ).explode("imposer_iso3")
    over_quota = (
        pl.col("sentence").str.slice(0, pl.col("p_start")).str.slice(-90).str.contains(_OVER_QUOTA)
        | pl.col("p_right").str.contains(_OVER_QUOTA_AFTER)
        | pl.col("sentence")
        .str.slice(0, pl.col("p_start"))
        .str.contains(r"(?i)(?:out-of|over|above|outside)[-\s]quota\s+(?:duty|duties|tariffs?|rates?)\W*$")
    )
    cand = _their_goods(
        _inherit(
            cand.with_columns(
                pl.col("target_iso3")
                .replace_strict(reference.union_of, default=None, return_dtype=pl.Utf8)
                .alias("_target_union")
            )
        )
    )
    # a listing that bars parties from receiving dual-use goods is an export control, even in a sanctions package
    cand = cand.with_columns(
        pl.when(
            (pl.col("measure") == "sanction")
            & pl.col("cue").fill_null("").str.contains(r"(?i)^sanctions?$")
            & pl.col("right_target").str.contains(r"(?i)^[^;]{0,160}?(?-u:\b)dual[-\s]use(?-u:\b)")
        )
        .then(pl.lit("export_control"))
        .otherwise("measure")
        .alias("measure")
    )
    # (a bloc's over-quota duty that the text calls a safeguard stays a safeguard)
    over_quota = over_quota.fill_null(False) & (pl.col("measure") != "safeguard")
    cand = cand.with_columns(pl.when(over_quota).then(pl.lit("quota")).otherwise("measure").alias("measure"))
    cand = cand.filter(
        pl.col("imposer_iso3").is_not_null()
        & pl.col("imposer_iso3").ne_missing(pl.col("target_iso3"))
        # a lone tariff word must name whom it hits; other lone measures, their imposer or target
        & (
            is_pct
            | pl.col("named_target")
            | (
                (pl.col("measure") != "tariff")
                & (pl.col("i_poss").is_not_null() | pl.col("i_subj").is_not_null() | pl.col("i_start").is_not_null())
            )
            | (pl.col("measure") == "tariff_pause")
            # a further restriction on named goods in a sentence about a measure of the same
            # imposer: "New Delhi's curbs: a 20% duty on ..., and a ban on shipments of white rice"
            | (
                (pl.col("measure") != "tariff")
                & pl.col("cue").str.contains(r"(?i)\sof$").fill_null(False)
                & pl.col("imposer_iso3").shift(1).over("doc_id", "sent_id").eq_missing(pl.col("imposer_iso3"))
            )
        )
        & ~(pl.col("anaphoric") & ~is_pct)
        # provisional rates the definitive ones replace: "The definitive rates replace the provisional surcharges of
        # 24.6% and 21.8%"
        & ~(
            is_pct
            & pl.concat_str(
                pl.col("sentence").str.slice(0, pl.col("p_start")).str.slice(-90), pl.lit("|"), "left"
            ).str.contains(
                r"(?i)(?:replac\w*|supersed\w*)\s+(?:the\s+)?(?:provisional|interim|preliminary|temporary)\s[^.;|]*(?:\||$)"
            )
        )
        # a heading without a rate or an actor of its own restates the story it opens: "UZBEKISTAN: Duties on
        # Chinese and Iranian float glass" (not "Russia sets lower wheat export quota, extends petrol export ban")
        & ~(
            ~is_pct
            & ~pl.col("sentence").str.contains(r"[.!?\"”’]\s*$")
            & (pl.col("sentence").str.count_matches(r"\s+") < 12)
            & ~(
                pl.col("isos").list.contains(pl.col("imposer_iso3"))
                & ~pl.col("t_list").list.contains(pl.col("imposer_iso3")).fill_null(False)
            )
        )
        # a measure that never came: "the 100% tariff the USTR floated in October, which would have wiped out ..."
        & ~pl.col("right_head").str.contains(r"(?i)^[^.;]{0,80}?(?-u:\b)which\s+would\s+have(?-u:\b)")
        # duties an agreement will phase out, with no rate: "Serbia's duties on Chinese-built cars will be phased out"
        & ~(~is_pct & pl.col("right_head").str.contains(_PHASED_OUT))
        # a measure without a rate that only would be: "Under the framework it would also open duty-free quotas"
        & ~(~is_pct & pl.col("left").str.slice(-60).str.contains(r"(?i)(?-u:\b)(?:would|might)(?-u:\b)"))
        # a description, not a measure: "The duty is the country's first anti-subsidy measure"
        & ~(~is_pct & pl.col("left").str.contains(_ORDINAL_BEFORE) & ~pl.col("right_head").str.contains(_ACTS_AFTER))
        # sanctions named in passing ("Switzerland, which usually follows EU sanctions") hit no one
        & ~(~is_pct & (pl.col("measure") == "sanction") & ~pl.col("named_target"))
        # "those quotas", "such curbs": a measure named before
        & ~(~is_pct & pl.col("left").str.contains(_DEMONSTRATIVE))
        # a bare "7.8% rate" only continues a measure named before it ("the revised rates: 18% for ..." names one)
        & (
            pl.col("cue").is_not_null()
            | pl.col("_has_prev")
            | pl.col("_listed_rate").fill_null(False)
            # ("..., which face US rates of 20%" names whom a rate hits)
            | (pl.col("_which").list.len() > 0)
        )
    )
    cand = with_attributes(cand)
    # a measure told as history: "When the United States imposed safeguard duties of up to 30% on
    # steel in 2002", "The duties were first imposed in 2012, at rates of up to 25.8%"
    history_year = pl.col("sentence").str.extract(_HISTORY, 1).cast(pl.Int32, strict=False)
    cand = cand.filter(
        ~(
            (history_year <= pl.col("published").dt.year() - 3)
            & (pl.col("status") != "lifted")
            & ~pl.col("sentence").str.contains(r"(?i)(?-u:\b)since\s+(?:\w+\s+)?(?:19|20)\d\d")
        ).fill_null(False)
    )
    # one row per member of a customs union that decided the measure
    cand = (
        _drop_subsumed(cand)
        .with_columns(
            pl.when(pl.col("imposer_iso3").str.starts_with(_UNION))
            .then(pl.col("imposer_iso3").str.strip_prefix(_UNION).str.split(" "))
            .otherwise(pl.concat_list("imposer_iso3"))
            .alias("imposer_iso3")
        )
        .explode("imposer_iso3")
        .filter(pl.col("imposer_iso3").ne_missing(pl.col("target_iso3")))
    )
    return cand.select(
        "doc_id", "char_start", "char_end", "evidence",
        "imposer_iso3", "target_iso3", "measure", "rate_pct", "product", "status", "effective_date",
        "duration_days", "effective_text",
    )  # fmt: skip


_UNION = "union:"


def _union_imposer(reference: FactReference) -> pl.Expr:
    """A customs union acting in the sentence ("the Board of the Eurasian Economic Commission ... approved",
    "imports ... into the six Gulf Cooperation Council states", "..., the GCC secretariat said"): `union:`
    and its members (seeds/reference/joint_trade_policy.csv), exploded into one row each at the end."""
    union = reference.joint_policy_re
    acting = [
        rf"({union})[^.;]{{0,100}}?\s(?:approved|imposed|introduced|adopted|decided|extended|levied|will\s+impose)(?-u:\b)",
        rf"(?:into|entering|by)\s+(?:the\s+)?(?:Board\s+of\s+the\s+|[\w-]+\s+)?({union})",
        rf",\s+(?:the\s+)?({union})[^,;]{{0,30}}\s(?:said|says|announced)(?-u:\b)",
    ]
    alias = pl.coalesce([pl.col("sentence").str.extract(ascii_word_classes(p), 1) for p in acting])
    # ("..., the commission said", "the Board decided": the union body the story names acting)
    back = pl.col("sentence").str.contains(r"(?i)(?-u:\b)the\s+(?:commission|board|secretariat|union|bloc)(?-u:\b)")
    alias = pl.coalesce(alias, pl.when(back).then(alias.drop_nulls().first().over("doc_id")))
    members = alias.replace_strict(reference.joint_policy, default=None, return_dtype=pl.Utf8)
    return pl.concat_str(pl.lit(_UNION), members)


_SANITARY = (
    r"(?i)(?-u:\b)(?:avian|bird\s+flu|influenza|swine\s+fever|foot-and-mouth|disease|outbreaks?|sanitary|phytosanitary|"
    r"contaminat\w+|radioactiv\w+|residues?|food\s+safety|pests?)(?-u:\b)"
)
_THEIR_GOODS = r"(?i)^\s*(?:on|against|for)\s+(their|its)\s+(?:[\w-]+\s+){0,2}?(?:goods|exports|products|shipments|imports)(?-u:\b)"


def _names_after(text: pl.Expr, reference: FactReference) -> pl.Expr:
    """The countries of the run of names a text opens with after "on"/"for" (see `_TARGET_TAIL`)."""
    run = text.str.extract(ascii_word_classes(_TARGET_TAIL), 1).str.extract(ascii_word_classes(_NAME_RUN), 1)
    return actor_isos(run.str.extract_all(reference.entity_re), reference).fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))


def _their_goods(cand: pl.DataFrame) -> pl.DataFrame:
    """ "Both Nigeria and Ghana are adjusting to Washington's 15% tariff on their goods": with no
    target named, "their goods" are those of the sentence's other countries (one row each), "its
    goods" those of the first."""
    owner = pl.col("right_target").str.extract(_THEIR_GOODS, 1).str.to_lowercase()
    others = pl.col("free_isos").list.set_difference(pl.concat_list(pl.col("imposer_iso3").fill_null("")))
    return cand.with_columns(
        pl.when(pl.col("target_iso3").is_null() & (owner == "their") & (others.list.len() > 0))
        .then(others)
        .when(pl.col("target_iso3").is_null() & (owner == "its") & (others.list.len() > 0))
        .then(others.list.head(1))
        .otherwise(pl.concat_list(pl.col("target_iso3")))
        .alias("target_iso3")
    ).explode("target_iso3")


def _inherit(cand: pl.DataFrame) -> pl.DataFrame:
    """Fill what an anchor leaves open from the measures before it: an anaphoric anchor ("The
    levies — 17.0% for BYD") takes the previous measure's type, imposer and target; any anchor
    without an imposer takes the previous sentence's subject if it opens with "It", the previous
    imposer of its sentence ("Washington's 145% duties ... and the threat of 46% tariffs"), the
    nearest country before it, then the document's."""
    cand = cand.sort("doc_id", "sent_id", pl.coalesce("p_start", "c_start"), maintain_order=True)
    # an anaphor with a rate refers to the measure given that rate before ("the 20% rate"), else to the last one
    in_doc = {
        c: pl.coalesce(
            pl.when(pl.col("rate_pct").is_not_null()).then(
                pl.col(c).shift(1).forward_fill().over("doc_id", "rate_pct")
            ),
            pl.col(c).shift(1).forward_fill().over("doc_id"),
        )
        for c in ("imposer_iso3", "target_iso3")
    }
    in_sentence = pl.col("imposer_iso3").shift(1).forward_fill().over("doc_id", "sent_id")
    # "tariffs of 100% on Canadian canola oil, and 25% on pork": a rate of the same list, same target
    # ... or of the same sentence, when the rate names no scope of its own: "kept its 24% tariff on
    # American goods suspended, while leaving a 10% levy in place"
    prev_in_sentence = pl.col("target_iso3").shift(1).over("doc_id", "sent_id")
    same_list = pl.coalesce(
        pl.col("target_iso3").shift(1).over("doc_id", "sent_id", "c_start"),
        pl.when(~pl.col("p_right").str.contains(r"^\s*(?:[\w-]+\s+){0,2}?(?:on|for|against|to)\s")).then(
            prev_in_sentence
        ),
        # ... or the next item of a package: "a 15% levy on US coal and LNG and a 10% tariff on crude oil"
        pl.when(
            pl.col("left").str.contains(r"(?i)\s(?:and|plus)\s+(?:an?\s+)?$")
            & ~pl.col("right_target").str.contains(_GENERIC_SCOPE)
            & ~pl.col("right_target").str.contains(
                r"(?i)^[^.;,]{0,40}?(?-u:\b)(?:all|other|every|MFN|most-favou?red)(?-u:\b)"
            )
        ).then(prev_in_sentence),
    )

    is_pct = pl.col("p_start").is_not_null()
    prev_measure = pl.when(pl.col("measure") != "tariff").then("measure").shift(1).forward_fill().over("doc_id")
    # a generic duty shortly after a trade-defence measure is that measure: "... anti-dumping duties
    # on wind towers from China and Thailand. Chinese manufacturers face duties of up to 98.99%"
    is_specific = pl.col("measure").is_in(_SPECIFIC)
    prev_specific = pl.when(is_specific).then("measure").shift(1).forward_fill().over("doc_id")
    prev_specific_sent = pl.when(is_specific).then("sent_id").shift(1).forward_fill().over("doc_id")
    prev_specific_imposer = pl.when(is_specific).then("imposer_iso3").shift(1).forward_fill().over("doc_id")
    carries_specific = (
        pl.col("cue").fill_null("").str.contains(r"(?i)^(?:duty|duties|levy|levies)$")
        & (pl.col("sent_id") - prev_specific_sent <= 2).fill_null(False)
        # (the same imposer, or none named: "Washington did the same for its matching 24% levy" is not the duty before)
        & (pl.col("imposer_iso3").is_null() | pl.col("imposer_iso3").eq_missing(prev_specific_imposer))
    )
    anaphoric = pl.col("anaphoric")
    # (a rate with a measure word of its own opens a measure: "Cambodian goods were hit with a 49% duty")
    item = (pl.col("_item_target").is_not_null() | pl.col("_company_item").fill_null(False)) & pl.col("cue").is_null()
    cand = cand.with_columns(
        # (not when it names goods of its own: "its suspension of the 11% import duty on raw cotton")
        pl.when(
            anaphoric
            & pl.col("target_iso3").is_null()
            & ~(pl.col("right_target").str.contains(_OWN_SCOPE) & ~pl.col("right_target").str.contains(_GENERIC_SCOPE))
        )
        .then(in_doc["target_iso3"])
        .when(is_pct & pl.col("target_iso3").is_null() & pl.col("c_start").is_not_null())
        .then(same_list)
        # a company of a union's member in a case against the union: "... on EU dairy. Ireland's Ornua 18.6%"
        .when(item & in_doc["target_iso3"].eq_missing(pl.col("_target_union")) & pl.col("_target_union").is_not_null())
        .then("_target_union")
        .otherwise("target_iso3")
        .alias("target_iso3"),
        # ("the 10% tariff Washington has levied" names its own imposer: not an anaphor of a duty before)
        pl.when(
            (anaphoric | pl.col("_definite_cue"))
            & pl.col("measure").fill_null("tariff").eq("tariff")
            # ("the levy on rapeseed" after "Kazakhstan raised its export duty": the same imposer may be named again)
            & (
                pl.col("imposer_iso3").is_null()
                | (pl.col("_definite_cue") & pl.col("imposer_iso3").eq_missing(in_doc["imposer_iso3"]))
            )
            # a text that says "tariff" or "import duty" means a tariff, not the anti-dumping duty or
            # export duty named before
            & ~pl.col("cue").fill_null("").str.contains("(?i)tariff|import")
        )
        .then(
            # a definite rate names the measure given that rate before: "before the 39% levy took effect"
            pl.when(pl.col("rate_pct").is_not_null() & ~anaphoric)
            .then(pl.coalesce(pl.col("measure").shift(1).over("doc_id", "rate_pct"), prev_measure, pl.lit("tariff")))
            .otherwise(pl.coalesce(prev_measure, pl.lit("tariff")))
        )
        .when(carries_specific & pl.col("measure").fill_null("tariff").eq("tariff"))
        .then(prev_specific)
        .otherwise(pl.coalesce("measure", pl.lit("tariff")))
        .alias("measure"),
        in_sentence.alias("_prev_sentence"),
        in_doc["imposer_iso3"].alias("_prev_doc"),
        (pl.int_range(pl.len()).over("doc_id") > 0).alias("_has_prev"),
    )
    target = pl.col("target_iso3")
    back_reference = pl.col("sentence").str.contains(BACK_REFERENCE)
    # "The trade ministry has slapped duties of 30.1% on Chinese rebar": a government named
    # without its country, or a trade-defence duty with no actor at all, is the story's country's.
    no_actor = (
        pl.col("free_isos").list.set_difference(pl.col("t_list")).list.len().eq(0) & pl.col("left_last").is_null()
    )
    domestic = pl.col("left").str.contains(_DOMESTIC_AGENT) | (no_actor & pl.col("measure").is_in(_SPECIFIC))
    # an item of a list of rates per country or company continues the measure before it: with no
    # imposer before it in the text, it takes that measure's once known (the next step), not a
    # country of the list ("..., while the Taiwanese unit drew 7.7% and BHP's Australian mill 1.9%")
    chain = pl.coalesce(
        "imposer_iso3",
        pl.when(item & pl.col("_prev_doc").ne_missing(target)).then("_prev_doc"),
        # ("In Tegucigalpa, the government suspended ...": the government of the place named before it)
        pl.when(domestic & pl.col("left_last").ne_missing(target)).then("left_last"),
        pl.when(domestic & pl.col("left_last").is_null() & pl.col("home").ne_missing(target)).then("home"),
        pl.when(anaphoric & pl.col("_prev_doc").ne_missing(target)).then("_prev_doc"),
        pl.when(back_reference & pl.col("subject").ne_missing(target)).then("subject"),
        pl.when(pl.col("_prev_sentence").ne_missing(target)).then("_prev_sentence"),
        # trade defence with no actor named is the story's country's ("Provisional anti-dumping
        # duties of 52.8% on Chinese coil have applied since June 13")
        pl.when(
            pl.col("measure").is_in(_SPECIFIC)
            & pl.col("named_target")  # ("on the same wines" continues the measure before)
            & pl.col("left_last").is_null()
            & pl.col("home").ne_missing(target)
        ).then("home"),
        pl.when(pl.col("left_last").ne_missing(target)).then("left_last"),
        pl.when(pl.col("prev_subject").ne_missing(target)).then("prev_subject"),
        pl.when(pl.col("_prev_doc").ne_missing(target)).then("_prev_doc"),
        first_other(pl.col("free_isos").list.set_difference(pl.col("t_list")), target),
    )
    cand = cand.with_columns(pl.when(~item | pl.col("_prev_doc").is_not_null()).then(chain).alias("imposer_iso3"))
    # (an item before whose measure no imposer was named takes the one found since, else reads its sentence)
    resolved_before = pl.col("imposer_iso3").shift(1).forward_fill().over("doc_id")
    cand = cand.with_columns(
        pl.when(item & pl.col("imposer_iso3").is_null())
        .then(pl.coalesce(pl.when(resolved_before.ne_missing(target)).then(resolved_before), chain))
        .otherwise("imposer_iso3")
        .alias("imposer_iso3")
    )
    # nothing in the sentence: the imposer of the measure before it, then the story's country
    prev_imposer = pl.col("imposer_iso3").shift(1).forward_fill().over("doc_id")
    cand = cand.with_columns(
        pl.coalesce(
            "imposer_iso3",
            pl.when(prev_imposer.ne_missing(target)).then(prev_imposer),
            first_other(pl.col("main"), target),
            # no country named in the story at all: where it is datelined ("SEOUL — Wheat imports ... pay 300%")
            pl.when(pl.col("home").ne_missing(target)).then("home"),
        ).alias("imposer_iso3")
    )
    # anti-dumping and countervailing duties always hit someone: the other country of the
    # sentence, else of the story
    imposer = pl.col("imposer_iso3")
    return cand.with_columns(
        pl.when(target.is_null() & pl.col("measure").is_in(_NEEDS_TARGET))
        .then(pl.coalesce(first_other(pl.col("isos"), imposer), first_other(pl.col("main"), imposer)))
        .otherwise(target)
        .alias("target_iso3")
    )


_OWN_SCOPE = (
    r"(?i)^\s*(?:[\w-]+\s+){0,3}?(?:on|against)\s+(?:imports?\s+of\s+)?(?:raw\s+|refined\s+|processed\s+)?(?-i:[a-z])"
)
# ... but goods in general are the same scope as before: "the 25% levy on products that do not comply"
_GENERIC_SCOPE = r"(?i)^\s*(?:[\w-]+\s+){0,3}?(?:on|against)\s+(?:all\s+|other\s+|those\s+|these\s+)?(?:products|goods|imports|exports|shipments|items|merchandise|everything|them|it)(?-u:\b)"
_HISTORY = (
    r"(?i)(?-u:\b)(?:imposed|introduced|slapped|levied|adopted)\s+(?:[^.;]{0,80}?\s)?in\s+((?:19|20)\d\d)(?-u:\b)"
)
_DEFINITE_RATE = r"(?i)(?:^|\W)(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$"


def _without_covered(rateless: pl.DataFrame, rated: pl.DataFrame, on: list[str]) -> pl.DataFrame:
    """`rateless` without the rows a rated row with the same `on` columns covers: either has no
    product, or both have the same."""

    covered = (
        rateless.select(*on, "product")
        .unique()
        .join(rated.select(*on, pl.col("product").alias("_rated_product")).unique(), on=on, nulls_equal=True)
        .filter(
            pl.col("product").is_null()
            | pl.col("_rated_product").is_null()
            | pl.col("product").eq_missing(pl.col("_rated_product"))
        )
        .select(*on, "product")
        .unique()
    )
    return rateless.join(covered, on=[*on, "product"], how="anti", nulls_equal=True)


def _drop_subsumed(cand: pl.DataFrame) -> pl.DataFrame:
    """Drop a rate-less row when the document has the same imposer/target/measure with a rate,
    or its sentence the same imposer/measure with a rate ("a 25% duty ... under Brussels' own
    safeguard regime": the regime is that duty); a rate-less row without a target when its
    sentence has the same imposer/measure with one ("... a list of entities ..., a loophole in
    the island's export controls"); a rate-less row that repeats one before it; and a definite
    rate that repeats a measure given before ("In Colombo, officials said the 20% rate ...")."""
    keys = ["doc_id", "imposer_iso3", "target_iso3", "measure"]
    in_sentence = ["doc_id", "sent_id", "imposer_iso3", "measure"]
    cand = cand.sort("doc_id", "sent_id", pl.coalesce("p_start", "c_start"), maintain_order=True)
    repeated_rate = pl.col("left").str.slice(0, pl.coalesce("p_start", "c_start")).str.contains(_DEFINITE_RATE) & (
        pl.int_range(pl.len()).over([*keys, "rate_pct"]) > 0
    )
    rated = cand.filter(pl.col("rate_pct").is_not_null() & ~repeated_rate)
    # a rate given again without its target or goods is the measure given with them ("a 50% duty"
    # after "its tariff on Indian goods to 50%"; not "its 25% tariff on all steel imports")
    same_rate = ["doc_id", "imposer_iso3", "measure", "rate_pct"]
    targeted_rates = rated.filter(pl.col("target_iso3").is_not_null()).select(same_rate).unique()
    repeated = pl.col("target_iso3").is_null() & pl.col("product").is_null()
    rated = pl.concat([
        rated.filter(~repeated),
        rated.filter(repeated).join(targeted_rates, on=same_rate, how="anti", nulls_equal=True),
    ])  # fmt: skip
    # (a rate-less measure on other goods than the rated ones stands: "a 20% duty on exports of
    # parboiled rice ..., and a ban on shipments of non-basmati white rice")
    rateless = cand.filter(pl.col("rate_pct").is_null())
    # (a rated row dropped as a repeat still covers: it is the same measure)
    all_rated = cand.filter(pl.col("rate_pct").is_not_null())
    rateless = _without_covered(rateless, all_rated, keys)
    rateless = _without_covered(rateless, all_rated, in_sentence)
    targeted = rateless.filter(pl.col("target_iso3").is_not_null())
    untargeted = rateless.filter(pl.col("target_iso3").is_null()).join(
        targeted.select(in_sentence).unique(), on=in_sentence, how="anti", nulls_equal=True
    )
    keep = (
        pl.concat([targeted, untargeted])
        .sort("doc_id", "sent_id", "c_start", maintain_order=True)
        .unique(subset=keys, keep="first", maintain_order=True)
    )
    # the same measure given twice ("a 20% tariff for the country's goods ... 20% for Bangladesh and Sri Lanka")
    return (
        pl.concat([rated, keep])
        .sort("doc_id", "char_start", maintain_order=True)
        .unique(subset=[*keys, "rate_pct", "product"], keep="first", maintain_order=True)
    )
