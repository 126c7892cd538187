"""Cue words per fact table, as data: vocabulary value -> regex fragments that signal it.

Order matters where noted: the first value whose cue matches wins. Fragments are plain regex
without capture groups; the table modules join them into alternations.
"""

from __future__ import annotations

# ---------------------------------------------------------------- trade flows
FLOW_CUES: dict[str, tuple[str, ...]] = {
    "export": (
        r"exports?", r"exported", r"exporting", r"exporters?", r"shipments?", r"shipped", r"outbound\s+shipments", r"overseas\s+sales",
        r"sales\s+to", r"sales\s+(?:there|abroad)", r"sold", r"selling", r"shipping",
    ),
    "import": (r"imports?", r"imported", r"importing", r"importers?", r"purchases", r"inbound\s+shipments", r"bought", r"purchased", r"purchasing"),
    "bilateral": (
        r"(?:bilateral|two-way|total|overall|annual)\s+(?:trade|commerce)", r"trade\s+(?:turnover|volume|value)s?",
        r"turnover", r"trade", r"commerce", r"trading",
    ),
}  # fmt: skip
# "trade" followed by these is not a flow of goods.
TRADE_NOT_FLOW = (
    r"surplus", r"deficit", r"gap", r"imbalance", r"balance", r"deals?", r"agreements?", r"wars?", r"pacts?", r"talks",
    r"fairs?", r"tensions", r"disputes?", r"barriers?", r"polic(?:y|ies)", r"negotiations?", r"representative",
    r"ministers?", r"ministry", r"partners?", r"partnership", r"fraud", r"routes?", r"hubs?", r"zones?",
    r"frictions?", r"officials?", r"bodies", r"body", r"rules?", r"remedies", r"remedy", r"defen[cs]e", r"missions?",
    # a price: "now trade at about $6,100 a tonne"
    r"at",
)  # fmt: skip
# A money amount nearer to one of these is not a trade value.
NOT_FLOW_CUES = (
    r"loans?", r"lend(?:ing)?", r"lent", r"credit", r"invest(?:ment|ments|ed|ing|s)?", r"FDI", r"capital",
    r"financ(?:e|ing|ed)", r"fund(?:s|ing|ed)?", r"grants?", r"aid", r"projects?", r"railways?", r"rail",
    r"ports?", r"canal", r"highway", r"expressway", r"bridge", r"plant", r"factory", r"deals?", r"contracts?",
    r"orders?", r"aircraft", r"jets?", r"planes?", r"GDP", r"revenues?", r"profits?", r"valuation", r"market\s+value",
    r"budget", r"costs?", r"costing", r"valued", r"tariffs?", r"duties", r"levies", r"package", r"\w*bonds?", r"sukuk", r"notes", r"(?:treasury\s+|T-)?bills", r"securities", r"tranches?", r"debt",
    r"reserves", r"remittances", r"deficits?", r"surplus(?:es)?", r"imbalances?", r"balances?", r"sales\s+of\s+(?:shares|stock)", r"shares?", r"stake",
)  # fmt: skip
# Speculation and targets: not facts.
SPECULATION = (
    r"could", r"might", r"may", r"would", r"forecasts?", r"projected", r"projections?", r"expected\s+to",
    r"expects?", r"targets?", r"targeting", r"aims?", r"aiming", r"aimed\s+to", r"goal", r"ambition", r"potential(?:ly)?",
    r"hopes?", r"seeks?\s+to\s+(?:raise|boost|lift|double)", r"plans?\s+to\s+(?:raise|boost|lift|double)",
    r"by\s+20\d\d", r"estimates?\s+that", r"predicts?",
)  # fmt: skip

# ---------------------------------------------------------------- trade measures (first match wins)
MEASURE_CUES: dict[str, tuple[str, ...]] = {
    "tariff_pause": (
        r"(?:\d+|[a-z]+)[-\s](?:day|month|week)\s+(?:pause|suspension|reprieve|truce)(?:\s+(?:on|of|in)\s+(?:\w+\s+){0,3}?(?:tariffs?|duties|levies))?",
        r"(?:pause|suspension|reprieve)\s+(?:on|of|in)\s+(?:\w+\s+){0,3}?(?:tariffs?|duties|levies)",
        r"(?:paused|suspended|delayed|postponed)\s+(?:\w+\s+){0,3}?(?:tariffs?|duties|levies)",
        r"(?:tariffs?|duties|levies)\s+(?:\w+\s+){0,2}?(?:pause|truce|suspension)",
    ),
    "anti_dumping": (
        r"anti-?dumping(?:\s+(?:duties|duty|tariffs?|measures?|probes?|investigations?|deposits?|surcharges?|levies|levy|taxes))?", r"dumping\s+duties",
        # a deposit importers must lodge on goods: "a 75.8% deposit on Canadian canola seed"
        r"deposits?\s+on",
        # "importers will have to lodge cash deposits", "face deposits ranging from 19.4% to 44.2%"
        r"(?:cash|provisional|security)\s+deposits?", r"deposits?\s+(?:of|ranging)",
        # Australia's provisional duties: "required securities of 22.6% on galvanised wire from Thailand"
        r"securities\s+(?:of|on)",
    ),
    "countervailing": (
        r"countervailing(?:\s+(?:duties|duty|tariffs?|measures?|surcharges?|levies|levy))?",
        r"anti-?subsidy(?:\s+(?:duties|duty|tariffs?|measures?|surcharges?|levies|levy))?",
    ),
    "safeguard": (r"safeguard(?:\s+(?:duties|duty|tariffs?|measures?|surcharges?|levies|levy))?",),
    "export_control": (
        r"export\s+(?:controls?|restrictions?|bans?|curbs?|licen[cs]e\s+requirements?|permits?|licen[cs]es?|licensing)",
        # a duty or tax on exports restricts them: "export duties", "an export tax of 10%"
        r"export\s+(?:duties|duty|tax(?:es)?|levies|levy|tariffs?|charges?)",
        r"(?:ban|bans|banned|restrict\w*|curbs?|controls?|limits?)\s+(?:on\s+)?(?:the\s+)?(?:exports?|sales|shipments)\s+of",
        r"(?:stop|stops|stopped|stopping|halt|halts|halted|halting|suspend\w*|bar|bars|barred|barring)\s+(?:the\s+|all\s+)?(?:exports?|shipments)\s+of",
        # the goods before the word: "its ban on gasoline exports", "a ban on exporting diesel"
        r"(?:ban|bans|curbs?|restrictions?|halt|suspension)\s+on\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}?exports(?-u:\b)",
        r"(?:ban|bans)\s+on\s+exporting",
        # a verb before the goods: "Kazakhstan banned wheat exports", "will halt rice exports"
        r"(?:ban|bans|banned|banning|halt|halts|halted|halting|suspend|suspends|suspended|suspending)\s+(?:all\s+|its\s+|their\s+)?(?:(?-i:[a-z])[\w-]*\s+){1,3}?exports(?-u:\b)",
        r"requir\w*\s+(?:an?\s+)?(?:export\s+)?licen[cs]es?", r"licen[cs]es?\s+to\s+export",
        r"(?:will\s+)?need\s+(?:an?\s+)?(?:export\s+)?licen[cs]es?",
        # "the controls Beijing placed on battery-grade graphite"
        r"controls\s+(?:[\w-]+\s+){0,2}(?:placed|imposed|put)\s+on",
        # passive licence rules: "Licences will be required for shipments of ...", "licensing requirements"
        r"licen[cs]es?\s+(?:will\s+be\s+|are\s+(?:now\s+)?|is\s+(?:now\s+)?)required", r"licen[cs]ing\s+(?:requirements?|rules?|regimes?)",
        # the U.S. Entity List bars exports to those on it
        # "bars 45 companies, 12 of them in China, from receiving European dual-use goods"
        r"(?:bar|bars|barred|barring|prohibits?|prohibited)\s+(?:[^.;:]{0,60}?\s)?from\s+(?:receiving|buying|acquiring)",
        r"entity\s+[Ll]ist", r"(?:military\s+)?end[-\s]?user\s+list", r"unverified\s+list", r"export\s+control\s+list",
    ),
    # (an import ban outside a sanctions regime limits imports to nothing: "Ghana has banned imports of poultry from Brazil")
    "quota": (
        r"(?:import\s+)?quotas?", r"(?:ban|bans|banned|banning)\s+(?:all\s+|the\s+)?imports?\s+of",
        r"(?:ban|bans)\s+on\s+(?:(?-i:[a-z])[\w-]*\s+){1,3}?imports(?-u:\b)",
        r"(?:banned|banning)\s+(?:all\s+)?(?:(?-i:[a-z])[\w-]*\s+){1,3}?imports(?-u:\b)",
        # imports stopped rather than banned: "has suspended imports of pork from", "halted chicken imports from"
        r"(?:stop|stops|stopped|stopping|halt|halts|halted|halting|suspend|suspends|suspended|suspending|bar|bars|barred|barring)\s+(?:all\s+|the\s+)?imports?\s+of",
        r"(?:stopped|halted|suspended|barred)\s+(?:all\s+)?(?:(?-i:[a-z])[\w-]*\s+){1,3}?imports(?-u:\b)",
        r"(?:stop|stops|stopped|halt|halts|halted|suspend|suspends|suspended|ban|bans|banned)\s+(?:all\s+|the\s+)?imports\s+and\s+sales?\s+of",
        r"(?:suspension|halt|ban)\s+(?:of|on)\s+(?:all\s+)?imports\s+of",
        # goods barred by origin: "has barred poultry from the Netherlands since December"
        r"(?:banned|barred|suspended|halted)\s+(?:(?-i:[a-z])[\w-]*\s+){1,3}?from",
        # passive: "Imports of live birds ... from Hungary will be subject to a temporary ban"
        r"subject\s+to\s+an?\s+(?:temporary\s+|total\s+|blanket\s+|full\s+)?(?:import\s+)?ban",
        # a cap on volumes: "Congo will cap cobalt exports at 96,600 tonnes", "limit sugar imports to"
        r"(?:cap|caps|capped|capping|limit|limits|limited|limiting)\s+(?:(?:its|their|the)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:exports|imports|shipments)\s+(?:at|to)(?-u:\b)",
    ),
    # (a ban on imports: "the ban on Russian ferroalloys that it imposed under its sanctions")
    "sanction": (r"sanctions?", r"unreliable\s+entit(?:y|ies)\s+list", r"asset\s+freezes?", r"embargo(?:es)?", r"blacklist(?:ed|ing)?", r"(?:import\s+)?bans?\s+on"),
    "tariff": (
        r"import\s+(?:duty|duties|tariffs?|tax(?:es)?)", r"tariffs?", r"duties", r"duty", r"levies", r"levy",
        r"surtax(?:es)?", r"surcharges?",
        # the US "reciprocal" rates of 2025
        r"reciprocal[\"”’']?\s+rates?",
    ),
}  # fmt: skip
# A measure word inside these phrases names a conflict, not a measure.
MEASURE_NOT_FACT = (
    r"(?:trade|tariff)\s+(?:wars?|battles?|tensions?|disputes?|fights?|conflicts?|rows?|spats?|frictions?|threats?|turmoil|uncertainty|shock|talks|negotiations?|regimes?|policy|policies|agenda)",
    r"duty[-\s]free", r"customs\s+duties", r"to\s+safeguard", r"(?:will|to|would|could|may|might|and)\s+levy",
 r"average\s+(?:[\w.-]+\s+){0,2}?(?:tariffs?|duty|duties|rates?)", r"on\s+duty", r"tariff\s+(?:codes?|lines?|schedules?)",
    # a body named after tariffs: "Pakistan's National Tariff Commission has imposed ..."
    r"(?:tariff|customs|trade\s+remed(?:y|ies))\s+(?:commission|board|council|authority|bureau|office|committee|agency)",
    r"(?:avoid|sidestep|dodge|evade|circumvent|escape)\w*\s+(?:\w+\s+){0,3}?(?:tariffs?|duties)",
    # investigations, probes and requests are not measures yet
    r"(?:anti-?dumping|anti-?subsidy|countervailing|safeguard|trade\s+remed(?:y|ies))\s+(?:\w+\s+)?(?:investigations?|probes?|inquir(?:y|ies)|reviews?|cases?|complaints?|petitions?|requests?)",
    r"(?:requests?|petitions?|applications?|complaints?|calls?|asked|seeking|sought)\s+(?:\w+\s+){0,4}?for\s+(?:\w+\s+){0,2}?(?:safeguard|anti-?dumping|countervailing|tariffs?|duties|quotas?)(?:\s+(?:measures?|duties|protection))?",
    # measures still being negotiated: "Kyiv and Brussels are negotiating larger quotas"
    r"(?:negotiat\w+|talks\s+(?:on|about|over)|discuss\w*|seek\w*|sought)\s+(?:\w+\s+){0,3}?(?:quotas?|tariffs?|duties|levies)",
    # a quota that bounds a duty ("a 25% duty on shipments above their quota") is not a measure of its own
    r"(?:above|beyond|over|outside|exceed\w*|in\s+excess\s+of)\s+(?:\w+\s+){0,3}?quotas?",
    # the size of a list is no listing: "The US Entity List now runs to roughly 2,400 entries"
    r"(?:entity|end[-\s]?user|sanctions?)\s+list\s+(?:now\s+)?(?:runs?\s+to|has|had|contains|includes|lists|numbers|totals)",
)  # fmt: skip
# Status: the nearest cue wins; a later pause or lifting anywhere after the anchor overrides.
# A government body named without its country ("the trade ministry", "the cabinet"): in a
# news story, the government of the country the story is about (its dateline or opening capital).
DOMESTIC_AGENT = (
    r"government", r"ministry", r"minist(?:er|ers)", r"cabinet", r"commission", r"authorit(?:y|ies)",
    r"regulators?", r"customs", r"trade\s+chamber", r"parliament", r"lawmakers", r"tariff\s+board",
    r"trade\s+(?:remedies\s+)?(?:agency|authority|body|council)", r"finance\s+ministry", r"decree",
)  # fmt: skip

MEASURE_STATUS: dict[str, tuple[str, ...]] = {
    "lifted": (r"lift(?:s|ed|ing)?", r"remov(?:e|es|ed|ing)", r"scrap(?:s|ped|ping)?", r"end(?:s|ed|ing)", r"revok\w+", r"withdr[ae]w\w*", r"exempt\w*", r"drop(?:s|ped|ping)?"),
    "paused": (r"paus\w+", r"suspen\w+", r"delay\w*", r"postpon\w+", r"reprieve", r"truce", r"halt\w*"),
    "threatened": (
        r"threat\w*", r"loom\w*", r"warn\w*", r"could", r"(?-i:may)", r"might", r"risk\w*", r"potential",
        r"face\s+(?:possible|new)", r"vow\w*",
    ),
    "proposed": (r"propos\w+", r"consider\w*", r"mull\w*", r"plans?", r"planned", r"draft\w*", r"recommend\w*", r"weigh\w*"),
    "announced": (r"announc\w+", r"unveil\w*", r"declar\w+", r"will\s+(?:impose|introduce|apply|levy|raise)", r"set\s+to"),
    "in_force": (
        r"impos\w+", r"levied", r"levying", r"slapped", r"applied", r"appl(?:y|ies)", r"in\s+(?:force|place|effect)",
        r"took\s+effect", r"rising", r"existing", r"current", r"raised", r"hiked", r"introduced", r"charg\w+",
    ),
}  # fmt: skip

# ---------------------------------------------------------------- financing (first match wins)
INSTRUMENT_CUES: dict[str, tuple[str, ...]] = {
    "preferential_loan": (
        r"(?:preferential|concessional|concessionary|soft|low-interest|interest-free|ODA)\s+(?:\w+\s+)?(?:loans?|credit|financing|lending)",
        r"official\s+development\s+assistance\s+(?:\(ODA\)\s+)?(?:loans?|credit)",
    ),
    "credit_line": (
        r"credit\s+lines?", r"lines?\s+of\s+credit", r"credit\s+facilit(?:y|ies)", r"credit\s+windows?",
        r"(?:payment|financing|funding|loan|liquidity|deposit)\s+facilit(?:y|ies)",
        # a lender's "facility": "Afreximbank has approved a $50 million facility for Nigerian shea processors"
        # (lower case only: "Extended Fund Facility" is an IMF programme, a loan)
        r"(?-i:f)acilit(?:y|ies)",
    ),
    "loan": (r"loans?", r"lend(?:s|ing)?", r"lent", r"borrow(?:s|ed|ing)?", r"credit", r"financing", r"debt", r"budget[-\s]support",
             # "The IMF disbursed about $1.2 billion to Egypt"
             r"disburs(?:ed|es|ing|ements?)"),

    "grant": (r"grants?", r"aid", r"donat\w+", r"gifts?"),
    "investment": (
        r"invest(?:ment|ments|ed|ing|s)?", r"capital\s+injection", r"equity", r"stake", r"pour(?:s|ed|ing)?",
        r"inject(?:s|ed|ing)?",
    ),
    "project_cost": (
        r"cost(?:s|ing)?", r"worth", r"valued", r"price\s+tag", r"railways?", r"roads?", r"rail\s+(?:link|line)s?", r"railroads?", r"ports?",
        r"canals?", r"projects?", r"highways?", r"expressways?", r"bridges?", r"power\s+plants?", r"dams?", r"airports?",
        r"lines?", r"pipelines?", r"terminals?", r"corridors?", r"schemes?", r"hubs?", r"stations?",
        r"data\s+cent(?:re|er)s?",
    ),
}  # fmt: skip
FINANCE_STATUS: dict[str, tuple[str, ...]] = {
    "sought": (r"seek\w*", r"sought", r"request\w*", r"ask\w*", r"appl(?:y|ied|ies)\s+for", r"want\w*", r"hop\w+\s+(?:to|for)", r"lobby\w*", r"looking\s+for"),
    "signed": (r"sign(?:s|ed|ing|ings)?", r"ink(?:s|ed|ing)?", r"seal\w*"),
    "disbursed": (r"disburs\w+", r"released", r"transferred", r"paid\s+out", r"drawn\s+down"),
    "completed": (r"complet\w+", r"finish\w+", r"inaugurat\w+", r"opened", r"began\s+operat\w+"),
    "agreed": (r"agree\w*", r"approv\w+", r"pledg\w+", r"announc\w+", r"unveil\w+", r"commit\w+", r"promis\w+", r"grant(?:ed|s)", r"secur(?:ed|es|ing)", r"won", r"obtain\w+", r"provid\w+", r"extend\w+", r"offer(?:s|ed)"),
    "proposed": (r"propos\w+", r"consider\w*", r"plans?", r"planned", r"planning\s+to", r"mull\w*", r"discuss\w*", r"negotiat\w+", r"talks", r"explor\w+", r"could", r"would", r"(?-i:may)"),
}  # fmt: skip
SECTOR_CUES: dict[str, tuple[str, ...]] = {
    "railway": (r"rail\w*", r"trains?", r"metro", r"MRT", r"LRT", r"subway", r"high-speed", r"locomotives?"),
    "port": (r"ports?", r"seaports?", r"harbou?rs?", r"canals?", r"waterways?", r"shipping", r"maritime", r"container\s+terminals?", r"deep-?water", r"berths?"),
    "road": (r"roads?", r"highways?", r"expressways?", r"motorways?", r"bridges?", r"tunnels?", r"ring\s+roads?", r"carriageways?", r"tolls?"),
    "energy": (r"power", r"energy", r"electricity", r"solar", r"wind\s+(?:farms?|power)", r"hydro\w*", r"LNG", r"gas", r"oil", r"refiner\w+", r"pipelines?", r"grids?", r"nuclear", r"coal", r"renewables?"),
    "aviation": (r"airports?", r"aviation", r"aircraft", r"airlines?", r"aerospace"),
    "telecom": (r"telecom\w*", r"5G", r"broadband", r"fib(?:re|er)", r"satellites?", r"data\s+cent(?:re|er)s?", r"submarine\s+cables?", r"digital\s+infrastructure"),
    # public services: several of them, or one alone, make the sector `other`
    "other": (r"water", r"schools?", r"hospitals?", r"housing", r"health\s*care", r"education", r"sanitation"),
    "manufacturing": (r"factor(?:y|ies)", r"manufactur\w+", r"plants?", r"assembly", r"industrial\s+parks?", r"semiconductors?", r"chips?", r"steel\s+mills?", r"EV"),
}  # fmt: skip
# Capitalised names ending in one of these are project names ("Funan Techo Canal").
PROJECT_NOUNS = (
    r"[Rr]ailway(?:\s+[Ll]ine)?", r"[Rr]ail\s+[Ll]ink", r"[Rr]ailroad", r"[Cc]anal", r"[Pp]ort", r"[Ee]xpressway",
    r"[Hh]ighway", r"[Rr]oad", r"[Bb]ridge", r"[Aa]irport", r"[Dd]am", r"[Pp]ower\s+[Pp]lant", r"[Pp]roject", r"[Cc]orridor",
    r"[Ll]ink", r"[Tt]erminal", r"[Pp]ipeline", r"[Mm]etro(?:\s+[Ll]ine)?", r"[Ll]ine", r"[Ss]eaport",
)  # fmt: skip

# ---------------------------------------------------------------- aviation (first match wins)
DEAL_CUES: dict[str, tuple[str, ...]] = {
    "wet_lease": (
        r"(?:wet|damp)[-\s]leas\w+", r"operated\s+by", r"ACMI", r"crew(?:ed)?\s+and\s+maint\w+",
        r"(?:its|their)\s+own\s+(?:pilots|crews?)", r"(?:supplies|provides|supplying|providing)\s+(?:the\s+)?(?:pilots|crews?)",
        # "leased with pilots and cabin crew", "leased together with its pilots"
        r"with\s+(?:its\s+|their\s+|the\s+)?(?:own\s+)?(?:pilots|(?:cabin\s+)?crews?)(?:\s+and\s+(?:cabin\s+)?crews?)?",
    ),
    "lease": (r"leas\w+", r"dry[-\s]leas\w+", r"sale[-\s]and[-\s]leaseback", r"rent\w*"),
    "mou": (r"memorand(?:ums?|a)", r"MoUs?", r"MOUs?", r"letters?\s+of\s+intent", r"LoIs?", r"LOIs?", r"framework\s+agreements?"),
    # an airline's "purchase agreement" for new jets is an order
    # (firming up a purchase of new jets is an order: "firmed up the purchase of 103 Boeing aircraft")
    "order": (r"order\w*", r"(?:exercis\w+|took\s+up|takes\s+up|taken\s+up)\s+(?:its\s+|the\s+)?(?:options?|purchase\s+rights?)", r"commitments?\s+for", r"firm\s+order", r"purchase\s+agreements?", r"firm(?:ed|s)?\s+up\s+(?:the\s+|an?\s+|its\s+)?purchase",
              # a deal or contract for a number of jets: "finalised a deal for 20 A321XLRs"
              r"(?:deal|contract)\s+(?:for|covering)\s+(?:up\s+to\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)"),
    "purchase": (r"purchas\w+", r"buy(?:s|ing)?", r"bought", r"acquir\w+", r"acquisitions?"),
    "delivery": (r"deliver\w*", r"took\s+delivery", r"taken\s+delivery", r"take\s+delivery", r"handed\s+over", r"received", r"arriv\w+"),
    "certification": (r"certif\w+", r"type\s+certificate", r"airworthiness", r"validat\w+", r"recogni[sz]\w+\s+(?:[\w’'-]+\s+){0,3}?aviation\s+authorit\w+", r"approv\w+\s+(?:\w+\s+){0,3}?(?:aircraft|jets?|planes?|to\s+fly|operat\w+)"),
    "import": (r"imports?\s+of\s+(?:\w+\s+){0,3}?(?:aircraft|jets?|planes?|airliners?)", r"(?:aircraft|jet|plane)\s+imports?"),
}  # fmt: skip
# A backlog or an option is not a deal.
NOT_DEAL = (
    r"on\s+order", r"backlog", r"order\s+books?", r"purchase\s+rights?", r"options?\s+(?:for|on)", r"weighing\s+bids",
    r"fleet\s+of", r"in\s+its\s+fleet",
)  # fmt: skip
AVIATION_STATUS: dict[str, tuple[str, ...]] = {
    "terminated": (r"terminat\w+", r"cancel\w+", r"scrap\w*", r"end(?:s|ed)\s+(?:\w+\s+){0,3}?(?:lease|deal|contract)", r"returned", r"pull\w*\s+out"),
    "proposed": (r"may", r"might", r"could", r"would", r"plans?", r"planned", r"intend\w*", r"intent", r"consider\w*", r"negotiat\w+", r"talks", r"potential", r"lead\s+to", r"signal\w*", r"explor\w+", r"eye\w*", r"seek\w*", r"interest", r"propos\w+", r"letters?\s+of\s+intent"),
    "completed": (r"delivered", r"took\s+delivery", r"taken\s+delivery", r"handed\s+over", r"received", r"arrived", r"certified", r"recogni[sz]ed", r"approved", r"granted", r"completed", r"validated"),
    "active": (
        r"operat(?:es|ing)", r"in\s+service", r"flying", r"currently", r"began\s+operat\w+", r"launched", r"now\s+flies",
        r"(?:has|have)\s+taken", r"is\s+using", r"are\s+using", r"entered\s+service",
    ),
    "signed": (r"sign(?:s|ed|ing|ings)?", r"ink(?:s|ed|ing)?", r"sealed", r"ordered", r"placed", r"finali[sz]ed", r"agreed", r"firmed", r"booked", r"bought", r"purchased", r"exercis\w+", r"will\s+(?:lease|buy|acquire|purchase)"),
}  # fmt: skip

# ---------------------------------------------------------------- agreements
AGREEMENT_KINDS: dict[str, tuple[str, ...]] = {
    "mou": (r"memorand(?:ums?|a)(?:\s+of\s+(?:understanding|cooperation))?", r"MoUs?", r"MOUs?"),
    "joint_statement": (r"(?i:joint\s+(?:[\w-]+\s+)?(?:statement|declaration|communiqu[eé])s?)",),
    # lower case only: "Council for the Promotion of International Trade" is a signatory, not a committee
    "committee": (
        r"(?-i:committees?)", r"(?-i:joint\s+(?:commissions?|councils?|mechanisms?))", r"(?-i:working\s+groups?|task\s+forces?)",
        # a named one: "a Joint Economic Committee"
        r"(?-i:Joint\s+(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Commission|Council|Working\s+Group))",
    ),

    "agreement": (
        r"agreements?", r"deals?", r"accords?", r"pacts?", r"treat(?:y|ies)", r"(?:cooperation\s+)?documents", r"protocols?",
        # a partnership counts when it is signed (agreements.py)
        r"partnerships?",
    ),
}  # fmt: skip
# Verbs that make an agreement a fact rather than a topic of talk.
AGREEMENT_DONE = (
    r"sign(?:s|ed|ing|ings)?", r"ink(?:s|ed|ing)?", r"seal\w*", r"conclud\w+", r"exchang\w+", r"reached", r"issu\w+", r"adopt\w+",
    r"witness\w*", r"establish\w*", r"creat\w+", r"set\s+up", r"launch\w*", r"form(?:ed|ing)", r"agreed", r"struck",
    r"announc\w+", r"finali[sz]\w+", r"clinch\w*", r"released", r"put\s+(?:their|its)\s+names?\s+to",
)  # fmt: skip
# Topics, most specific first: a phrase counted for one topic is not read again for another.
TOPICS: dict[str, tuple[str, ...]] = {
    "supply_chain": (r"supply[-\s]chains?",),
    "artificial_intelligence": (r"artificial\s+intelligence", r"AI"),
    "digital_economy": (r"digital\s+economy",),
    "green_technology": (r"green\s+tech(?:nology|nologies)?",),
    "green_economy": (r"green\s+(?:economy|growth|transition)",),
    "carbon_capture": (r"carbon\s+capture(?:\s+and\s+storage)?", r"CCS"),
    "railway": (r"rail\w*", r"trains?"),
    "aviation": (r"aviation", r"aircraft", r"airlines?", r"aerospace", r"flights?"),
    "canal": (r"canals?",),
    "minerals": (r"critical\s+minerals", r"rare\s+earths?", r"minerals", r"mining"),
    "transport": (r"transport\w*", r"logistics"),
    "trade": (r"trade", r"commerce", r"commercial", r"exports?", r"imports?", r"customs", r"market\s+access"),
    "technology": (r"technolog\w+", r"tech", r"semiconductors?", r"chips?", r"innovation", r"science"),
    "infrastructure": (r"infrastructure", r"ports?", r"roads?", r"highways?", r"bridges?", r"connectivity"),
    "energy": (r"energy", r"power", r"electricity", r"oil", r"gas", r"nuclear", r"renewables?", r"solar"),
    "digital": (r"digital", r"e-commerce", r"internet", r"telecom\w*", r"5G"),
    "finance": (r"financ\w+", r"banking", r"currency", r"payments?"),
    "investment": (r"investments?",),
    "agriculture": (r"agricultur\w+", r"farm\w*", r"food", r"fisher\w+", r"rice", r"durian"),
    "education": (r"education", r"universit\w+", r"students?", r"training"),
    "health": (r"health\w*", r"medic\w+", r"pharma\w*"),
    "tourism": (r"touris\w+",),
    "culture": (r"cultur\w+", r"people-to-people"),
    "security": (r"security", r"defen[cs]e", r"military", r"law\s+enforcement"),
    "maritime": (r"maritime", r"fisheries"),
    "media": (r"media", r"news\s+agenc\w+"),
}  # fmt: skip
# Commercial contracts belong to their own tables, not to `agreements`.
AGREEMENT_COMMERCIAL = (
    r"loans?", r"debts?", r"to\s+invest", r"(?:financing|grant|shareholders?['’]?|investment)\s+agreements?", r"stakes?", r"maturit(?:y|ies)", r"escrow", r"credit\s+lines?", r"lines?\s+of\s+credit", r"leas\w+", r"aircraft", r"jets?", r"planes?",
    r"purchase\s+agreements?", r"supply\s+(?:agreements?|contracts?|deals?)", r"sales?\s+(?:agreements?|contracts?)",
    # a grant is money, its agreement a contract: "obtained a grant of 200 million yuan from China ..., under an agreement"
    r"grants?\s+(?:of|worth|from)",
    # a company signing: "Emirati developer Masdar signed an agreement to study ..."
    r"(?:developer|company|firm|conglomerate|miner|carmaker|automaker|manufacturer|maker|operator|group)\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,2}\s+(?:has\s+|had\s+)?signed",
    # deals that are money: "one of three deals this week that together bring more than half a billion dollars"
    r"(?:deals?|agreements?)\s+(?:[\w-]+\s+){0,3}?(?:that\s+)?(?:together\s+)?(?:bring|worth|valued|totall?ing)",
    # companies' agreements: "Indian and Indonesian companies signed 22 business agreements"
    r"(?:companies|firms|businesses|corporations|investors|executives)\s+(?:[\w-]+\s+){0,3}?signed", r"(?:business|commercial|corporate|B2B)\s+(?:agreements?|deals?|contracts?|MoUs?)",
    # a company's contract to invest in or build one asset: "signed a $700 million deal to invest in a terminal"
    r"(?:deals?|agreements?|contracts?)\s+(?:with\s+(?:the\s+)?[\w-]+\s+)?to\s+(?:invest|build|construct|develop|operate)\s+(?:in\s+)?(?:an?|the)\s+(?:[\w$.,-]+\s+){0,4}?(?:terminal|refinery|plant|factory|port|mine|smelter|mill)s?",
)  # fmt: skip

# ---------------------------------------------------------------- products (canonical -> cues)
# Words that stay part of a product's name: "battery electric vehicles", "galvanised steel".
PRODUCT_MODIFIERS = (
    r"(?:battery|galvani[sz]ed|flat|hot-rolled|cold-rolled|stainless|crude|refined|fresh|frozen|processed|"
    r"solar|textured|tempered|fertili[sz]er|cotton|palm|certain\s+flat)"
)
PRODUCTS: dict[str, tuple[str, ...]] = {
    "steel": (r"steel(?:\s+products)?",),
    "aluminium": (r"alumin(?:i)?um",),
    "solar panels": (r"solar\s+(?:panels?|modules?|cells?|products)",),
    "electric vehicles": (r"electric\s+(?:vehicles?|cars?)", r"EVs?"),
    "semiconductors": (r"semiconductors?", r"(?:computer\s+)?chips?", r"chipmaking\s+equipment"),
    "electronics": (r"electronics?", r"electronic\s+goods", r"smartphones?", r"phones?", r"computers?"),
    "cars": (r"cars?", r"autos?", r"automobiles?", r"vehicles?"),
    "auto parts": (r"auto(?:mobile)?\s+parts", r"car\s+parts"),
    "textiles": (r"textiles?", r"garments?", r"apparel", r"clothing"),
    "footwear": (r"footwear", r"shoes"),
    "furniture": (r"furniture",),
    "timber": (r"timber", r"wood(?:\s+products)?", r"plywood"),
    "seafood": (r"seafood", r"shrimps?", r"fish"),
    "rice": (r"rice",),
    "coffee": (r"coffee",),
    "rubber": (r"rubber",),
    "durian": (r"durians?",),
    "fruit": (r"fruits?(?:\s+and\s+vegetables)?", r"vegetables"),
    "palm oil": (r"palm\s+oil",),
    "soybeans": (r"soybeans?", r"soya?"),
    "crude oil": (r"crude(?:\s+oil)?", r"oil"),
    "lng": (r"LNG", r"liquefied\s+natural\s+gas"),
    "coal": (r"coal",),
    "iron ore": (r"iron\s+ore",),
    "copper": (r"copper",),
    "nickel": (r"nickel",),
    "rare earths": (r"rare\s+earths?(?:\s+(?:elements|minerals|magnets))?",),
    "critical minerals": (r"critical\s+minerals",),
    "machinery": (r"machinery", r"machines"),
    "pharmaceuticals": (r"pharmaceuticals?", r"drugs", r"medicines?"),
    "aircraft": (r"aircraft", r"planes", r"jets"),
    "agricultural products": (r"agricultural\s+(?:products|goods|produce)", r"farm\s+(?:products|goods|produce)"),
    "raw materials": (r"raw\s+materials",),
    "wine": (r"wines?",),
    "spirits": (r"brandy", r"cognac", r"whisk(?:e)?y", r"spirits"),
    "dairy": (r"dairy(?:\s+products)?",),
    "glass": (r"glass",),
    "yarn": (r"yarn",),
    "fertiliser": (r"fertili[sz]ers?",),
    "beef": (r"beef",),
    "pork": (r"pork",),
    "lumber": (r"lumber",),
}  # fmt: skip

# A unit price, not a total: "$95 per container", "C$610 a tonne", "Rs6,800 to Rs7,600 per 40 kilograms"
UNIT_PRICE = (
    r"(?i)^\s*(?:(?:to|-|–|and)\s*\S+\s+)?(?:per|a|an|each)\s+(?:[\w-]+\s+)?(?:tonnes?|tons?|barrels?|containers?|units?|kilowatt-hours?|kwh|"
    r"litres?|liters?|kilograms?|kg|heads?|shares?|passengers?|seats?|vehicles?|maunds?|bales?|bushels?|pounds?|lbs?|"
    r"ounces?|oz|mmbtu|cubic|megawatt-hours?|mwh|per)(?-u:\b)"
)
