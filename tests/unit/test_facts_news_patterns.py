"""More patterns of news language, each on sentences invented for these tests (one text per case):
coreference ("the country", "the kingdom"), lists of rates, comparisons, tariff-rate quotas,
company-specific duties, roundup datelines, splits of aircraft orders, loans between two
countries, and what is not a fact."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import polars as pl
import pytest

from fact_cases import assert_case
from flows.facts.quick import facts_for_texts

PUBLISHED = dt.date(2025, 9, 12)

CASES: list[tuple[str, str, list[dict]]] = [
    # ---- trade flows
    # unit prices, single or as a range, are no trade values
    ("KARACHI — Pakistan's cotton exports reached $410 million in the first half. Phutti was quoted at Rs6,800 to "
     "Rs7,600 per 40 kilograms in Sindh, while cotton seed sold at Rs3,100 a maund.", "trade_flows",
     [{"reporter_iso3": "PAK", "partner_iso3": None, "flow": "export", "value_usd": 4.1e8}]),
    # the other side named by its role: a country's "biggest source of imports" supplies it; its "largest market" buys
    ("TOKYO — China remains Japan's biggest source of imports, supplying ¥25.3 trillion worth of goods last year. "
     "Chile is now Korea's largest export market, buying $4 billion of machinery in 2024.", "trade_flows",
     [{"reporter_iso3": "JPN", "partner_iso3": "CHN", "flow": "import"},
      {"reporter_iso3": "KOR", "partner_iso3": "CHL", "flow": "export", "value_usd": 4e9}]),
    # a subject in apposition trades with the country its description names
    ("Chile's largest trading partner in Asia, Japan, sold it $3.1 billion of goods in 2024. Canada, the biggest "
     "buyer of Ecuadorian shrimp, bought $640 million of it last year.", "trade_flows",
     [{"reporter_iso3": "JPN", "partner_iso3": "CHL", "flow": "export", "value_usd": 3.1e9},
      {"reporter_iso3": "CAN", "partner_iso3": "ECU", "flow": "import", "value_usd": 6.4e8}]),
    # exports to a regional group have no one partner, and a country they were sold to is not the reporter;
    # a total has no partner whatever role the sentence gave a country
    ("BANGKOK — Exports to ASEAN rose 4% to $9.2 billion, helped by car sales to Indonesia. India remains "
     "Nepal's biggest supplier of steel, selling $510 million worth last year, while total steel imports "
     "reached $1.1 billion.", "trade_flows",
     [{"reporter_iso3": "THA", "partner_iso3": None, "flow": "export", "value_usd": 9.2e9},
      {"reporter_iso3": "IND", "partner_iso3": "NPL", "flow": "export", "value_usd": 5.1e8},
      {"reporter_iso3": "NPL", "partner_iso3": None, "flow": "import", "value_usd": 1.1e9}]),
    # a role told from the seller's side ("selling"), and a role in apposition ("X's biggest buyer, Y,")
    ("Laos remains Thailand's biggest supplier of electricity, selling $1.9 billion of power across the border "
     "in 2024. Peru's largest buyer of copper, China, purchased $14 billion worth last year.", "trade_flows",
     [{"reporter_iso3": "LAO", "partner_iso3": "THA", "flow": "export", "value_usd": 1.9e9},
      {"reporter_iso3": "CHN", "partner_iso3": "PER", "flow": "import", "value_usd": 1.4e10}]),
    # "earned $X from coffee exports" is an export; a share "of which the majority was sold to" a country, and
    # a source "according to" an agency, name no partner
    ("ADDIS ABABA — Ethiopia earned $1.43 billion from coffee exports in the fiscal year that ended on July 7. "
     "Kenya earned $1.3 billion from the export of tea last year, of which the majority was sold to Pakistan. "
     "Zambia has banned maize exports. It earned about $190 million from maize exports in 2023, mostly to the "
     "Democratic Republic of Congo and Zimbabwe, according to the Zambia Statistics Agency.", "trade_flows",
     [{"reporter_iso3": "ETH", "partner_iso3": None, "flow": "export", "value_usd": 1.43e9},
      {"reporter_iso3": "KEN", "partner_iso3": None, "flow": "export", "value_usd": 1.3e9},
      {"reporter_iso3": "ZMB", "partner_iso3": None, "flow": "export", "value_usd": 1.9e8}]),
    # ---- financing
    # a description that fits one of the story's countries ("the landlocked country") is that country;
    # concessional terms said in another clause are not this loan's
    ("NAIROBI — The World Bank will lend $300 million to Kenya for the new line, while Uganda will receive a $100 "
     "million grant from the bank's concessional arm. The landlocked country, among the poorest in the region, has "
     "also asked China's Export-Import Bank for a loan of about $200 million.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "KEN", "instrument": "loan", "amount_usd": 3e8},
      {"lender_iso3": None, "borrower_iso3": "UGA", "instrument": "grant", "amount_usd": 1e8},
      {"lender_iso3": "CHN", "borrower_iso3": "UGA", "instrument": "loan", "amount_usd": 2e8}]),
    # a lender named once lends what follows until another is named; a co-financier of the project
    # before it lends for that project's country; a place on a border is no lender
    ("JEDDAH -- The Islamic Development Bank has approved financing for four countries, its board said on Friday. "
     "The largest operation is a $50 million loan to Togo for a road near the border with Ghana. The road is "
     "estimated to cost $120 million and is also being financed by a $30 million loan from the Kuwait Fund. Benin "
     "will receive a $20 million loan for irrigation. Mali gets a $15 million concessional loan for solar "
     "mini-grids.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "TGO", "instrument": "loan", "amount_usd": 5e7},
      {"lender_iso3": None, "borrower_iso3": "TGO", "instrument": "project_cost", "amount_usd": 1.2e8},
      {"lender_iso3": "KWT", "borrower_iso3": "TGO", "instrument": "loan", "amount_usd": 3e7},
      {"lender_iso3": None, "borrower_iso3": "BEN", "instrument": "loan", "amount_usd": 2e7},
      {"lender_iso3": None, "borrower_iso3": "MLI", "instrument": "preferential_loan", "amount_usd": 1.5e7}]),
    # where a company invests ("its planned U.S. investment"); a concessional arm named beside its bank;
    # old loans reworked and state loans to a country's own carmakers are no new financing
    ("Samsung, which raised its planned U.S. investment to $37 billion in May, said output would start in 2026. "
     "The World Bank approved a $300 million credit from its International Development Association for Zambia's "
     "grid. Official creditors, co-chaired by China and France, agreed to extend maturities on loans contracted "
     "before 2023. Seoul's state lenders will provide 5 trillion won in low-interest loans to carmakers and parts "
     "suppliers.", "financing",
     [{"lender_iso3": "KOR", "borrower_iso3": "USA", "instrument": "investment", "amount_usd": 3.7e10},
      {"lender_iso3": None, "borrower_iso3": "ZMB", "instrument": "preferential_loan", "amount_usd": 3e8}]),
    # "provide X with a grant": X receives; of two countries with no institution named, the one that
    # gives official money lends (seeds/reference/donor_countries.csv)
    ("China will provide Tajikistan with a grant of 500 million yuan (about $70 million) under an agreement "
     "signed on Monday. Separately, Japan and Tonga exchanged notes on a grant of ¥1.85 billion for a new "
     "inter-island ferry.", "financing",
     [{"lender_iso3": "CHN", "borrower_iso3": "TJK", "instrument": "grant", "amount_usd": 7e7},
      {"lender_iso3": "JPN", "borrower_iso3": "TON", "instrument": "grant"}]),
    # the side a loan is signed "with" borrows, whatever "the country's" sector it is for
    ("MANILA — The Asian Development Bank signed a $500 million policy-based loan with Pakistan on Friday to "
     "support reforms of the country's energy sector.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "PAK", "instrument": "loan", "amount_usd": 5e8}]),
    # a loan for aircraft is a loan; the jets' price beside it is not financing
    ("LUANDA — Brazil's BNDES will lend Angola $300 million to finance TAAG's purchase of four Embraer jets. The "
     "jets are worth about $320 million at list prices.", "financing",
     [{"lender_iso3": "BRA", "borrower_iso3": "AGO", "instrument": "loan", "amount_usd": 3e8}]),
    # not cross-border financing: support for a state's own companies, money already spent, bonds sold on the market
    ("OTTAWA — Canada's government said it would make up to C$1.2 billion in loan guarantees and support available "
     "to forestry companies hit by the tariffs. Tanzania, which has spent about $10 billion of its own and borrowed "
     "money on its railway since 2017, wants more cargo. Kenya raised $1.5 billion from a Eurobond sale on Tuesday, "
     "and Paraguay paved the corridor largely with the proceeds of a US$500mn Eurobond.", "financing", []),
    # a currency's adjective is no party: "45 million Kuwaiti dinars" lent to Jordan is not lent to Kuwait
    ("AMMAN — Jordan has secured financing for a desalination plant. The Arab Fund for Economic and Social "
     "Development, which is lending 45 million Kuwaiti dinars (about $147 million) over 25 years, is the largest "
     "contributor.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "JOR", "instrument": "loan", "amount_usd": 1.47e8}]),
    # foreign direct investment is a statistic, a stake sold is money coming back: no financing rows
    ("HANOI — Foreign direct investment disbursed in the first nine months rose 7% to $17.1 billion, with Japan "
     "and Korea the largest sources. Vinamilk said it had sold its remaining 12% stake in a Cambodian dairy for "
     "about $40 million.", "financing", []),
    # a project's cost quoted by the country's own fund names no lender, and its owner is the country
    ("KUALA LUMPUR — The cost of Malaysia's Gemas–Johor Bahru high-speed railway has risen to $2.1 billion, the "
     "state fund Khazanah said on Wednesday, as it opened formal talks with Japanese lenders on easing the debt "
     "burden of the line.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "MYS", "instrument": "project_cost", "amount_usd": 2.1e9}]),
    # a loan signed with a local body the reference does not know goes to the story's country, not to a
    # country named later in the sentence
    ("COLOMBO — Japan's JBIC signed a loan worth $180 million with the Hambantota Port Development Authority on "
     "Tuesday, the first project of the corridor that Tokyo, New Delhi and Colombo launched last year.",
     "financing",
     [{"lender_iso3": "JPN", "borrower_iso3": "LKA", "instrument": "loan", "amount_usd": 1.8e8}]),
    # a reason ("citing a surge in shipments from Turkey") names no target of a safeguard; goods "into" a
    # country name its imposer, the origin its target
    ("Peru slapped a 30% safeguard tariff on imported wire rod last week, citing a surge in shipments from China. "
     "From March 1, imports of Thai sugar into Indonesia will carry a 10% tariff, down from 15%.",
     "trade_measures",
     [{"imposer_iso3": "PER", "target_iso3": None, "measure": "safeguard", "rate_pct": 30.0},
      {"imposer_iso3": "IDN", "target_iso3": "THA", "measure": "tariff", "rate_pct": 10.0}]),
    # ---- trade measures
    # import bans for disease: an origin after a list of goods, goods "barred ... from" a country, a passive ban
    # named by the ministry quoted after it, "imports and sales of"
    ("AMMAN — Jordan's food and drug agency has suspended imports of beef, mutton and live cattle from Romania. "
     "Kuwait, which has barred poultry from Belgium since May, will keep the measure. Imports of pork, sausages and "
     "lard from Serbia will be subject to a temporary ban from June 1, Bahrain's agriculture ministry said on "
     "Tuesday. Lebanon's health ministry banned imports and sales of dairy products from Cyprus.", "trade_measures",
     [{"imposer_iso3": "JOR", "target_iso3": "ROU", "measure": "quota", "rate_pct": None},
      {"imposer_iso3": "KWT", "target_iso3": "BEL", "measure": "quota", "rate_pct": None},
      {"imposer_iso3": "BHR", "target_iso3": "SRB", "measure": "quota", "rate_pct": None},
      {"imposer_iso3": "LBN", "target_iso3": "CYP", "measure": "quota", "rate_pct": None}]),
    # the country between a rate and its measure word imposes it; goods sent there are the story's country's
    ("TAIPEI — Machine-tool shipments to the United States, which now face a 20% US tariff, fell 4% in May.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "TWN", "measure": "tariff", "rate_pct": 20.0}]),
    # a listing hits the countries its parties are in; a list's size is no listing; asset freezes are sanctions
    ("The U.S. Commerce Department added 31 entities to the Entity List on Tuesday: 20 in China, seven in Iran and "
     "four in Pakistan. The Entity List now runs to roughly 2,600 entries, most of them in China and Russia. London "
     "imposed asset freezes on nine firms in Belarus and Armenia, the Foreign Office said.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "CHN", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "USA", "target_iso3": "IRN", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "USA", "target_iso3": "PAK", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "GBR", "target_iso3": "BLR", "measure": "sanction", "rate_pct": None},
      {"imposer_iso3": "GBR", "target_iso3": "ARM", "measure": "sanction", "rate_pct": None}]),
    # barring firms from receiving dual-use goods is an export control, even in a sanctions package; a company
    # named before it imposes nothing; a ban's consequence ("allowing traders to ship grain to") names no target
    ("The European Union's latest sanctions package bars 14 more companies from receiving European dual-use goods: "
     "ten in China and four in Malaysia. It also imposes a full transaction ban on Lukoil and Rosneft and bars 30 "
     "companies, eight of them in India, from receiving European dual-use technology. Separately, Tanzania lifted "
     "its ban on rice exports in March, allowing traders to ship grain to Uganda and Burundi.", "trade_measures",
     [{"imposer_iso3": "EUU", "target_iso3": "CHN", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "EUU", "target_iso3": "MYS", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "EUU", "target_iso3": "RUS", "measure": "sanction", "rate_pct": None},
      {"imposer_iso3": "EUU", "target_iso3": "IND", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "TZA", "target_iso3": None, "measure": "export_control", "rate_pct": None}]),
    # where a measure took effect is its imposer; export permits are an export control; the next item of a
    # retaliation package keeps the package's target
    ("A 5% export levy on unprocessed timber came into force in Gabon on Monday. Malaysia will require export "
     "permits for durian shipments from July. Ottawa announced a 20% surtax on US whiskey and wine and a 25% "
     "tariff on motorcycles.", "trade_measures",
     [{"imposer_iso3": "GAB", "target_iso3": None, "measure": "export_control", "rate_pct": 5.0},
      {"imposer_iso3": "MYS", "target_iso3": None, "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "CAN", "target_iso3": "USA", "measure": "tariff", "rate_pct": 20.0},
      {"imposer_iso3": "CAN", "target_iso3": "USA", "measure": "tariff", "rate_pct": 25.0}]),
    # imports stopped for disease are a ban (quota), whether "suspended imports of" or "halted ... imports"
    ("QUITO — Ecuador has suspended imports of beef from Paraguay after a foot-and-mouth outbreak, the "
     "agriculture ministry said. Peru halted poultry imports from Bolivia on Monday over avian flu.",
     "trade_measures",
     [{"imposer_iso3": "ECU", "target_iso3": "PRY", "measure": "quota", "rate_pct": None},
      {"imposer_iso3": "PER", "target_iso3": "BOL", "measure": "quota", "rate_pct": None}]),
    # two governments' export-control lists in one sentence: each clause's own actor and listed parties
    ("Taiwan's economics ministry added 9 Russian companies to its export control list, and the U.S. Commerce "
     "Department added 14 Pakistani entities to its Entity List.", "trade_measures",
     [{"imposer_iso3": "TWN", "target_iso3": "RUS", "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "USA", "target_iso3": "PAK", "measure": "export_control", "rate_pct": None}]),
    # "the country's goods" are the story's country's; rates someone only threatened are comparisons
    ("COLOMBO — Washington set a 22% tariff on the country's goods, well below the 41% it had floated in May.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "LKA", "measure": "tariff", "rate_pct": 22.0}]),
    # a list of rates after a colon: one row per country, each with its own rate
    ("President Donald Trump signed the order on Tuesday. The revised rates take effect next week: 18% for Laos and "
     "Cambodia alike, 21% for Myanmar and 27% for Brazil.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "LAO", "measure": "tariff", "rate_pct": 18.0},
      {"imposer_iso3": "USA", "target_iso3": "KHM", "measure": "tariff", "rate_pct": 18.0},
      {"imposer_iso3": "USA", "target_iso3": "MMR", "measure": "tariff", "rate_pct": 21.0},
      {"imposer_iso3": "USA", "target_iso3": "BRA", "measure": "tariff", "rate_pct": 27.0}]),
    # an export duty is an export control; "the levy" after it is the same kind of measure
    ("Kazakhstan raised its export duty on sunflower seeds, and the levy on rapeseed goes to 12% from 8%.",
     "trade_measures",
     [{"imposer_iso3": "KAZ", "target_iso3": None, "measure": "export_control", "rate_pct": 12.0}]),
    # a tariff-rate quota: the over-quota rate is a quota; the destination imposes it on the shipper
    ("Japanese automakers may ship 80,000 cars a year to Canada at a 2% duty, with anything above that paying 9.5%.",
     "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": "JPN", "measure": "tariff", "rate_pct": 2.0},
      {"imposer_iso3": "CAN", "target_iso3": "JPN", "measure": "quota", "rate_pct": 9.5}]),
    # company-specific rates continue the trade-defence measure; a residual rate "applies to" the country
    ("Turkey imposed anti-dumping duties on Chinese glass fibre on Friday. Jushi will pay 14.2%, Taishan 16.9% and "
     "CPIC 19.5%, while a residual duty of 28.4% applies to all other Chinese exporters.",
     "trade_measures",
     [{"imposer_iso3": "TUR", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 14.2},
      {"imposer_iso3": "TUR", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 16.9},
      {"imposer_iso3": "TUR", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 19.5},
      {"imposer_iso3": "TUR", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 28.4}]),
    # bracketed rates after each target of a long list
    ("Definitive anti-dumping duties on stainless cold-rolled flat products apply to imports from Indonesia (10.2%), "
     "India (13.8%) and Taiwan (7.4%).", "trade_measures",
     [{"target_iso3": "IDN", "measure": "anti_dumping", "rate_pct": 10.2},
      {"target_iso3": "IND", "measure": "anti_dumping", "rate_pct": 13.8},
      {"target_iso3": "TWN", "measure": "anti_dumping", "rate_pct": 7.4}]),
    # cuts an agreement would bring, policy rates, forecasts and averages are not measures in force
    ("Oman's 100% duty on imported dates would be cut to 50% once the pact takes effect, falling to 20% later. "
     "The central bank held its policy rate at 5.5%, and economists forecast growth at 3.1%. The average US tariff "
     "on Omani goods now stands at about 11%.",
     "trade_measures",
     [{"imposer_iso3": "OMN", "target_iso3": None, "measure": "tariff", "rate_pct": 100.0}]),
    # producers named by origin are the target, never the imposer
    ("Peru's anti-dumping duties on Chinese and Indian steel balls took effect in May. Chinese mills face up to 31%, "
     "while Indian producers pay 12%.", "trade_measures",
     [{"imposer_iso3": "PER", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 31.0},
      {"imposer_iso3": "PER", "target_iso3": "IND", "measure": "anti_dumping", "rate_pct": 12.0}]),
    # a ban on imports in a story about sanctions is a sanction; one on exports of named goods stands
    # beside a rated export duty
    ("The EU's ban on Belarusian potash, one of its sanctions on Minsk, took effect in 2022. New Delhi's curbs: a 15% duty on exports of onions, "
     "and a ban on shipments of broken rice.", "trade_measures",
     [{"imposer_iso3": "EUU", "target_iso3": "BLR", "measure": "sanction", "rate_pct": None},
      {"imposer_iso3": "IND", "target_iso3": None, "measure": "export_control", "rate_pct": 15.0},
      {"imposer_iso3": "IND", "target_iso3": None, "measure": "export_control", "rate_pct": None}]),
    # a quota "under which" a country ships is that country's; sanctions named in passing are not a row
    ("Washington will scrap the quota under which Argentine mills ship 180,000 tonnes of steel a year. "
     "Norway, which usually follows EU sanctions, said it would decide later.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "ARG", "measure": "quota", "rate_pct": None}]),
    # a list of rates per exporting country continues the measure named before; a range is its upper end
    ("ANKARA — Turkey imposed anti-dumping duties on polyester yarn from Egypt, Oman and Iran on Monday. "
     "Egyptian-made yarn will pay 14.5%, Omani producers 9.2% and Iranian exporters between 6.1% and 31.7%.",
     "trade_measures",
     [{"imposer_iso3": "TUR", "target_iso3": "EGY", "measure": "anti_dumping", "rate_pct": 14.5},
      {"imposer_iso3": "TUR", "target_iso3": "OMN", "measure": "anti_dumping", "rate_pct": 9.2},
      {"imposer_iso3": "TUR", "target_iso3": "IRN", "measure": "anti_dumping", "rate_pct": 31.7}]),
    # "respectively" pairs countries and rates in order; "range from ... to" is the upper end
    ("OTTAWA — Canada has set countervailing duties on wind towers from Spain, Mexico and Peru. They range from "
     "4.2% to 18.8% for Spanish producers, while Mexican and Peruvian exporters pay 7.7% and 12.3% respectively.",
     "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": "ESP", "measure": "countervailing", "rate_pct": 18.8},
      {"imposer_iso3": "CAN", "target_iso3": "MEX", "measure": "countervailing", "rate_pct": 7.7},
      {"imposer_iso3": "CAN", "target_iso3": "PER", "measure": "countervailing", "rate_pct": 12.3}]),
    # provisional "securities" are anti-dumping; "those in X" is an item of the list of rates
    ("SYDNEY — The commission has required securities of 19.4% on aluminium foil from Thailand. Thai mills will "
     "pay 19.4% and those in Vietnam 8.8%.", "trade_measures",
     [{"imposer_iso3": "AUS", "target_iso3": "THA", "measure": "anti_dumping", "rate_pct": 19.4},
      {"imposer_iso3": "AUS", "target_iso3": "VNM", "measure": "anti_dumping", "rate_pct": 8.8}]),
    # a measure told as history gives no row (a removal of an old one does)
    ("When Brazil imposed safeguard duties of 25% on coconut in 2002, exports from Ivory Coast collapsed.",
     "trade_measures", []),
    # a rate on goods of its own does not take the previous measure's target
    ("NEW DELHI — Washington's 50% tariff on Indian goods took effect on Wednesday. The finance ministry extended "
     "its suspension of the 11% import duty on raw cotton.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "IND", "measure": "tariff", "rate_pct": 50.0},
      {"imposer_iso3": "IND", "target_iso3": None, "measure": "tariff", "rate_pct": 11.0}]),
    # the countries a relative clause says face a rate are its targets, one row each
    ("Buyers moved orders to Cambodia and Laos, which face US rates of 19%.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "KHM", "measure": "tariff", "rate_pct": 19.0},
      {"imposer_iso3": "USA", "target_iso3": "LAO", "measure": "tariff", "rate_pct": 19.0}]),
    # ... in order, when the clause gives one rate per country
    ("Exporters moved orders to Sri Lanka and Cambodia, which face US rates of 20% and 19%.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "LKA", "measure": "tariff", "rate_pct": 20.0},
      {"imposer_iso3": "USA", "target_iso3": "KHM", "measure": "tariff", "rate_pct": 19.0}]),
    # the subject after a wire dateline imposes; a share of a quota is no rate
    ("LUSAKA, Oct. 2, 2025 (Copper Wire) - Zambia will replace its freeze on manganese exports with annual quotas "
     "from January, the mines ministry said. The regulator will keep 10% of each year's quota in reserve.",
     "trade_measures",
     [{"imposer_iso3": "ZMB", "target_iso3": None, "measure": "quota", "rate_pct": None}]),
    # a verb before the goods: bans and caps on exports and imports
    ("Kazakhstan banned wheat exports by road until October. Ghana banned poultry imports from Brazil. India will "
     "limit sugar exports to 1 million tonnes.", "trade_measures",
     [{"imposer_iso3": "KAZ", "target_iso3": None, "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "GHA", "target_iso3": "BRA", "measure": "quota", "rate_pct": None},
      {"imposer_iso3": "IND", "target_iso3": None, "measure": "quota", "rate_pct": None}]),
    # a rate quoted again without its target is the same measure; a range of margins is no rate
    ("Washington doubled its tariff on Indian goods to 50% in August. \"We cannot absorb a 50% duty on margins of "
     "5% to 8%,\" said an exporter.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "IND", "measure": "tariff", "rate_pct": 50.0}]),
    # a new level of a rate named before, with its verb left out in the second clause; an unemployment
    # rate is no measure
    ("OTTAWA — Canada will charge a 15% surtax on imported mattresses and a 20% surtax on office chairs from "
     "March 1. The mattress rate will then rise to 35% in July, and the rate on office chairs to 40%. The "
     "unemployment rate rose to 6.9% in June.", "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": None, "measure": "tariff", "rate_pct": 15.0},
      {"imposer_iso3": "CAN", "target_iso3": None, "measure": "tariff", "rate_pct": 20.0},
      {"imposer_iso3": "CAN", "target_iso3": None, "measure": "tariff", "rate_pct": 35.0},
      {"imposer_iso3": "CAN", "target_iso3": None, "measure": "tariff", "rate_pct": 40.0}]),
    # "its" is the nearest country before it, past a relative clause
    ("Zambia has banned exports of maize, while Botswana, which declared a drought last month, has suspended its "
     "30% duty on imported sorghum.", "trade_measures",
     [{"imposer_iso3": "ZMB", "target_iso3": None, "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "BWA", "target_iso3": None, "measure": "tariff", "rate_pct": 30.0}]),
    # company rates continue the measure named before: a member state's company in a case against the
    # union is the union's; a company's country in a list head is the target; "the Taiwanese unit of ...
    # drew", "BHP's Australian mill" name whose goods
    ("BEIJING — China's commerce ministry imposed countervailing duties on cheese from the European Union on "
     "Friday. Ireland's Kerrygold was assigned 12.5%, France's Bongrain 19.2% and Denmark's Lurpak 22.4%.",
     "trade_measures",
     [{"imposer_iso3": "CHN", "target_iso3": "EUU", "measure": "countervailing", "rate_pct": r}
      for r in (12.5, 19.2, 22.4)]),
    ("WASHINGTON — The Commerce Department set countervailing duties on solar cells from Laos and India. All "
     "exporters in Laos face 81.2%. Indian rates were lower: Adani Solar was assigned 6.3% and Tata Power 8.8%.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "LAO", "measure": "countervailing", "rate_pct": 81.2},
      {"imposer_iso3": "USA", "target_iso3": "IND", "measure": "countervailing", "rate_pct": 6.3},
      {"imposer_iso3": "USA", "target_iso3": "IND", "measure": "countervailing", "rate_pct": 8.8}]),
    ("WASHINGTON — The Commerce Department set anti-dumping duties on steel from Brazil. Duties on Brazilian "
     "shipments range from 3.1% to 40.2%, while the Taiwanese unit of Nippon Steel drew 7.7% and BHP's Australian "
     "mill just 1.9%.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "BRA", "measure": "anti_dumping", "rate_pct": 40.2},
      {"imposer_iso3": "USA", "target_iso3": "TWN", "measure": "anti_dumping", "rate_pct": 7.7},
      {"imposer_iso3": "USA", "target_iso3": "AUS", "measure": "anti_dumping", "rate_pct": 1.9}]),
    # an over-quota rate after "an annual quota of N tonnes"; with no country named, the dateline's imposes;
    # a ban on goods outside a sanctions regime limits imports to nothing
    ("SEOUL — Wheat imports above an annual quota of 200,000 tonnes still pay a 300% tariff.", "trade_measures",
     [{"imposer_iso3": "KOR", "target_iso3": None, "measure": "quota", "rate_pct": 300.0}]),
    ("In Tokyo, officials said Beijing kept its ban on Japanese seafood.", "trade_measures",
     [{"imposer_iso3": "CHN", "target_iso3": "JPN", "measure": "quota", "rate_pct": None}]),
    # additions to the U.S. Entity List (capitalised as a name) are export controls on the listed country's firms
    ("The U.S. Commerce Department added 32 Russian entities, most of them drone makers, to its Entity List.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "RUS", "measure": "export_control", "rate_pct": None}]),
    # a ban for disease is sanitary (a quota) even in a story about sanctions; "40% more than" is no rate; a
    # topic ("with regard to the United States") is no destination, and goods that "have paid" a rate are its target
    ("MINSK — The EU's sanctions on Belarusian potash remain in place. China has lifted its ban on imports of "
     "poultry meat from Belarus, imposed in 2024 after outbreaks of avian influenza. More than 300 Belarusian "
     "companies now export to China, 40% more than before the agreement.", "trade_measures",
     [{"imposer_iso3": "EUU", "target_iso3": "BLR", "measure": "sanction", "rate_pct": None},
      {"imposer_iso3": "CHN", "target_iso3": "BLR", "measure": "quota", "rate_pct": None}]),
    ("QUITO — Trade with China grew. With regard to the United States, the ministry recalled that Ecuadorian "
     "products have paid since 7 August 2025 an additional tariff of 15%.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "ECU", "measure": "tariff", "rate_pct": 15.0}]),
    # an institution "of" a country is that country's; whose goods a ban names after the measure word
    ("SUVA — The Biosecurity Authority of Fiji has lifted its ban on imports of poultry and poultry products from "
     "New Zealand, imposed in December after an outbreak of avian influenza, with effect from March 2.",
     "trade_measures",
     [{"imposer_iso3": "FJI", "target_iso3": "NZL", "measure": "quota", "rate_pct": None}]),
    # the destination of the goods imposes, and is no target
    ("Tariffs on copper imports into the United States doubled to 50% on Friday.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": 50.0}]),
    # goods made "outside" a country name no target (the country imposes)
    ("President Donald Trump said he would impose a 100% tariff on all movies produced outside the United States.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": 100.0}]),
    # duties in a sentence about dumping are anti-dumping; goods "from outside" a bloc have no target;
    # what an industry asks for is no measure
    ("Canada's duties on bicycles from Vietnam, of up to 34%, will stay in place after a review found that "
     "exporters were dumping. Morocco applies a 17.5% tariff to cars from outside the European Union. Millers had "
     "asked for a 40% duty.", "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": "VNM", "measure": "anti_dumping", "rate_pct": 34.0},
      {"imposer_iso3": "MAR", "target_iso3": None, "measure": "tariff", "rate_pct": 17.5}]),
    # "respectively" after the targets named before the rates; a shipper's goods face the destination's rate
    ("TOKYO — Japan extended its anti-dumping duties on caustic soda from South Korea and China, at rates of 41.5% "
     "and 66.2% respectively. Vietnam's exports to the U.S. face 20%.", "trade_measures",
     [{"imposer_iso3": "JPN", "target_iso3": "KOR", "measure": "anti_dumping", "rate_pct": 41.5},
      {"imposer_iso3": "JPN", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": 66.2},
      {"imposer_iso3": "USA", "target_iso3": "VNM", "measure": "tariff", "rate_pct": 20.0}]),
    # two duties of a list keep their own words; a combined rate and "all countries" are no measure/target
    ("Mexican tomatoes face an anti-dumping duty of 17.1% and a countervailing duty of 3.2%, bringing the combined "
     "rate for most growers to 20.3%. Washington's 25% tariff applies to imports from all countries.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "MEX", "measure": "anti_dumping", "rate_pct": 17.1},
      {"imposer_iso3": "USA", "target_iso3": "MEX", "measure": "countervailing", "rate_pct": 3.2},
      {"imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": 25.0}]),
    # the source of the news is no target; singular "exporter" marks its country as hit, not imposing;
    # rates with their own country are not spread over the list; another subject after ", and" imposes nothing
    ("OTTAWA, May 2 (Reuters) - Canada will charge anti-dumping duties of up to 61.2% on wire rod from Egypt, the "
     "Canada Border Services Agency said. Ezz Steel, the largest Egyptian exporter, will pay 33.4%, and all other "
     "Egyptian producers 61.2%. Canada also extended duties on rebar from Turkey and Oman, at rates of 12.5% for "
     "Turkish material and 30.1% for Omani. Mexico has applied duties of up to 20% on Omani rebar since 2021, and "
     "Peru opened its own investigation.", "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": "EGY", "measure": "anti_dumping", "rate_pct": 61.2},
      {"imposer_iso3": "CAN", "target_iso3": "EGY", "measure": "anti_dumping", "rate_pct": 33.4},
      {"imposer_iso3": "CAN", "target_iso3": "TUR", "rate_pct": 12.5},
      {"imposer_iso3": "CAN", "target_iso3": "OMN", "rate_pct": 30.1},
      {"imposer_iso3": "MEX", "target_iso3": "OMN", "rate_pct": 20.0}]),
    # a duty on a product's exports restricts them; an "import duty" after it is a tariff, not the export duty again
    ("ISLAMABAD — The government scrapped the 25% duty on cotton exports. The 10% import duty on yarn will stay.",
     "trade_measures",
     [{"imposer_iso3": "PAK", "target_iso3": None, "measure": "export_control", "rate_pct": 25.0},
      {"imposer_iso3": "PAK", "target_iso3": None, "measure": "tariff", "rate_pct": 10.0}]),
    # a banned import is a quota outside sanctions; "will need a licence" is an export control
    ("ACCRA — Ghana has banned imports of poultry from Brazil after an outbreak of bird flu there.",
     "trade_measures",
     [{"imposer_iso3": "GHA", "target_iso3": "BRA", "measure": "quota", "rate_pct": None}]),
    ("China's commerce ministry said exporters of gallium will need a licence whatever the destination.",
     "trade_measures",
     [{"imposer_iso3": "CHN", "target_iso3": None, "measure": "export_control", "rate_pct": None}]),
    # "Its goods" are the goods of the country of the sentence before
    ("Cambodia's garment exports have slowed. Its goods already face a 19% U.S. tariff imposed in August.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "KHM", "measure": "tariff", "rate_pct": 19.0}]),
    # a ban on a product's exports is an export control, on its imports a quota (outside sanctions)
    ("MOSCOW — Russia will extend its ban on gasoline exports until the end of September. Kazakhstan has extended "
     "for six months its ban on wheat imports by road.", "trade_measures",
     [{"imposer_iso3": "RUS", "target_iso3": None, "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "KAZ", "target_iso3": None, "measure": "quota", "rate_pct": None}]),
    # margins, odds, scenarios and what a rate would do are not measures
    ("Analysts reckon that a 35% tariff would wipe 2% off Mexico's car exports.", "trade_measures", []),
    ("Economists estimated that a 20% levy would cut Chile's wine exports by a tenth, and put a 30% probability on "
     "new duties this year. Investigators found dumping margins of up to 48% for some exporters.",
     "trade_measures", []),
    # a threat against whoever buys something names no target
    ("Washington warned it could impose tariffs of up to 60% on any country that buys Venezuelan crude.",
     "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": 60.0}]),
    # a body named after tariffs is no tariff of its own
    ("Kenya's Tariff Board has imposed anti-dumping duties on Egyptian sugar.", "trade_measures",
     [{"imposer_iso3": "KEN", "target_iso3": "EGY", "measure": "anti_dumping", "rate_pct": None}]),
    # ---- trade flows
    # a continent is no partner country (and the country a story also mentions does not stand in for it)
    ("BEIJING — The United States was not part of the survey. Chinese exports to Africa rose to US$96 billion in the "
     "first half, while imports from the continent totalled US$51 billion.", "trade_flows",
     [{"reporter_iso3": "CHN", "partner_iso3": None, "flow": "export", "value_usd": 96e9},
      {"reporter_iso3": "CHN", "partner_iso3": None, "flow": "import", "value_usd": 51e9}]),
    # inbound shipments are imports; trade with "the other members" of a bloc has no single partner
    ("PHNOM PENH — Inbound shipments from Thailand rose to $4.2 billion in the first half.", "trade_flows",
     [{"reporter_iso3": "KHM", "partner_iso3": "THA", "flow": "import", "value_usd": 4.2e9}]),
    ("MINSK — Trade turnover with the other members of the Eurasian Economic Union came to $31 billion last year.",
     "trade_flows",
     [{"reporter_iso3": "BLR", "partner_iso3": None, "flow": "bilateral", "value_usd": 31e9}]),
    # bonds sold are no exports; a country's external debt is no loan
    ("Ghana sold $1.5 billion of Eurobonds on Monday. External debt reached $30 billion in March.", "trade_flows", []),
    # where most of it went is not the partner, nor the reporter; the dateline's country reports
    ("ACCRA — Cocoa exports earned $2.1 billion last year, mostly from sales to the Netherlands.",
     "trade_flows",
     [{"reporter_iso3": "GHA", "partner_iso3": None, "flow": "export", "value_usd": 2.1e9}]),
    # a share of the figure is not its partner; the same reporter's other direction shares the partner
    ("Peru's copper exports reached $21 billion last year, about half of them to China. Chile sold $3.1 billion of "
     "goods to Japan in 2024 and bought $2.4 billion.", "trade_flows",
     [{"reporter_iso3": "PER", "partner_iso3": None, "flow": "export", "value_usd": 21e9},
      {"reporter_iso3": "CHL", "partner_iso3": "JPN", "flow": "export", "value_usd": 3.1e9},
      {"reporter_iso3": "CHL", "partner_iso3": "JPN", "flow": "import", "value_usd": 2.4e9}]),
    # "the kingdom" is the main country of the story that is a kingdom, not the story's own country
    ("ISLAMABAD — Pakistan's imports from Morocco reached $310 million last year, while exports to the kingdom "
     "were a modest $95 million.", "trade_flows",
     [{"reporter_iso3": "PAK", "partner_iso3": "MAR", "flow": "import", "value_usd": 310e6},
      {"reporter_iso3": "PAK", "partner_iso3": "MAR", "flow": "export", "value_usd": 95e6}]),
    # "they reached" continues the flow before it; prices and brands bought are not trade
    ("Exports to Germany rose 12% to $14 billion last year, and in the first half of 2025 they reached $8 billion. "
     "Cocoa futures now trade at about $7,900 on the London market.", "trade_flows",
     [{"flow": "export", "partner_iso3": "DEU", "value_usd": 14e9},
      {"flow": "export", "partner_iso3": "DEU", "value_usd": 8e9}]),
    # ---- financing
    # a country named as a place on the map is no party; a lender's "own lending to X" lends to X;
    # a loan from a lender that lends only on concessional terms is preferential
    ("DUSHANBE — The Kuwait Fund signed a $45 million loan for the road to the pass on the Afghan border.",
     "financing",
     [{"lender_iso3": "KWT", "borrower_iso3": "TJK", "instrument": "loan"}]),
    ("VIENTIANE — Tokyo pledged to raise its ceiling for JICA lending to Laos to $900 million.", "financing",
     [{"lender_iso3": "JPN", "borrower_iso3": "LAO", "instrument": "preferential_loan"}]),
    # an official development assistance loan is preferential; a grant "of <amount> from" names its lender
    ("DHAKA — Bangladesh signed an official development assistance loan worth ¥80 billion with JICA on Monday.",
     "financing",
     [{"lender_iso3": "JPN", "borrower_iso3": "BGD", "instrument": "preferential_loan"}]),
    ("* **Togo** obtained a grant of 150 million yuan from China to build a hospital in Lomé.", "financing",
     [{"lender_iso3": "CHN", "borrower_iso3": "TGO", "instrument": "grant"}]),
    # a loan one country signs with another goes to the story's country; a fund providing money lends it
    ("HONIARA — New Zealand signed a NZ$40 million budget-support loan with the Solomon Islands on Monday. "
     "The Kuwait Fund for Arab Economic Development is in talks to provide $30 million for the same programme.",
     "financing",
     [{"lender_iso3": "NZL", "borrower_iso3": "SLB", "instrument": "loan", "amount_usd": None},
      {"lender_iso3": "KWT", "borrower_iso3": "SLB", "instrument": "loan", "amount_usd": 30e6}]),
    # a project cost in a national currency is that country's; a money range is read at its upper bound
    ("ANKARA — Turkish officials said the Basra port link is estimated to cost between 900 billion and 1.2 trillion "
     "Iraqi dinars.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "IRQ", "instrument": "project_cost"}]),
    # swap lines and credit for a state's own exporters are not financing
    ("The central bank signed a $5 billion currency swap line with Beijing, and the development bank will offer a "
     "$2 billion credit line to exporters hurt by the tariffs.", "financing", []),
    # a country's cap on its own borrowing, money for its own industry and investors' interest are no financing
    ("TASHKENT — Uzbekistan will cap new external borrowing at $4 billion this year. Ottawa would make $900 million "
     "available to the sector. Gulf investors have expressed interest in investing $20 billion in Egypt.",
     "financing", []),
    # "offered X a loan" lends to X; a multilateral's loan "with X" is X's; a disbursement is a loan
    ("KATHMANDU — China has offered Nepal a concessional loan of $215 million for a ring road. MANILA — The Asian "
     "Development Bank signed a $500 million loan with Pakistan. The IMF disbursed about $1.2 billion to Egypt on "
     "Tuesday.", "financing",
     [{"lender_iso3": "CHN", "borrower_iso3": "NPL", "instrument": "preferential_loan"},
      {"lender_iso3": None, "borrower_iso3": "PAK", "instrument": "loan"},
      {"lender_iso3": None, "borrower_iso3": "EGY", "instrument": "loan"}]),
    # ---- aviation
    # a lessor placing aircraft "on lease with <country>'s <airline>": the airline is the customer
    ("Avolon has placed three Airbus A320neos on lease with Vietnam's Bamboo Airways, the Irish lessor said.",
     "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A320neo", "quantity": 3, "deal": "lease", "customer_iso3": "VNM"}]),
    # the planes an airline already flies, in an aside or a fleet list, are no deal
    ("Air Tahiti, which flies six ATR 72-600s and two ATR 42-600s, expects to firm up an order soon. It is replacing "
     "a mixed fleet of A319s and A320s.", "aviation_deals", []),
    # options taken up are an order; options only held, and what jets would cost at list prices, are not
    ("Garuda Indonesia exercised options for six more Boeing 737-8s and still holds options on ten. At list prices, "
     "the six 737-8s would be worth about $750 million.", "aviation_deals",
     [{"manufacturer": "Boeing", "model": "737-8", "quantity": 6, "deal": "order", "customer_iso3": "IDN"}]),
    # a deal split by model in the next sentence gives the per-model rows only
    ("ADDIS ABABA — Ethiopian Airlines has ordered 14 Airbus jets. Ten of the aircraft are A350-900s; the other "
     "four are A350-1000s.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A350-900", "quantity": 10, "deal": "order", "customer_iso3": "ETH"},
      {"manufacturer": "Airbus", "model": "A350-1000", "quantity": 4, "deal": "order", "customer_iso3": "ETH"}]),
    # a roundup's later dateline sets the country of an unknown airline; a type passed over is no deal
    ("LIMA — Amazonas Airlines took delivery of an Airbus A321neo. QUITO — Andes Sur Air, a young Ecuadorian "
     "carrier, signed a lease for two Boeing 737-700s, choosing them over Embraer's E195-E2.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A321neo", "quantity": 1, "deal": "delivery", "customer_iso3": "PER"},
      {"manufacturer": "Boeing", "model": "737-700", "quantity": 2, "deal": "lease", "customer_iso3": "ECU"}]),
    # a total whose parts follow is not read beside them
    ("Japan will provide a package of $90 million to Palau, made up of a $70 million loan and a $20 million grant.",
     "financing",
     [{"lender_iso3": "JPN", "borrower_iso3": "PLW", "instrument": "loan", "amount_usd": 70e6},
      {"lender_iso3": "JPN", "borrower_iso3": "PLW", "instrument": "grant", "amount_usd": 20e6}]),
    # several partners at once are none of them
    ("CANBERRA — Australia and the Pacific Alliance met on Monday. Chile is the largest economy among them. Australia "
     "exported US$9 billion of goods to the four countries last year and imported US$7 billion from them.",
     "trade_flows",
     [{"reporter_iso3": "AUS", "partner_iso3": None, "flow": "export", "value_usd": 9e9},
      {"reporter_iso3": "AUS", "partner_iso3": None, "flow": "import", "value_usd": 7e9}]),
    # what the subject said it would do next is no hypothesis about the figure
    ("Turkish refiners, which bought $21 billion of Russian crude last year, said they would review their contracts.",
     "trade_flows",
     [{"reporter_iso3": "TUR", "partner_iso3": "RUS", "flow": "import", "value_usd": 21e9}]),
    # an unknown airline's country from an apposition with two words before its noun
    ("Pamir Air, the Tajik state-backed start-up, signed a firm order for four Airbus A220-300 jets.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A220-300", "quantity": 4, "deal": "order", "customer_iso3": "TJK"}]),
    # a manufacturer's tally, a fleet and a backlog list are not deals
    ("Embraer now counts 61 firm orders for the E175-E2 from 4 customers. Binter flies three leased ATR 72-600s, "
     "and the airline already has 12 Airbus A320neos and 4 A321neos on order.", "aviation_deals", []),
    # a specific duty (money per unit) names its target after the amount
    ("LIMA — The Economy Ministry imposed an anti-dumping duty of $0.85 per kilogram on ceramic tiles from India, "
     "after finding dumping margins of up to 40%.", "trade_measures",
     [{"imposer_iso3": "PER", "target_iso3": "IND", "measure": "anti_dumping", "rate_pct": None}]),
    # two subjects stop exports together: one row each
    ("LIBREVILLE — Timber is changing. Gabon and Equatorial Guinea will halt exports of raw logs from 2027.",
     "trade_measures",
     [{"imposer_iso3": "GAB", "target_iso3": None, "measure": "export_control", "rate_pct": None},
      {"imposer_iso3": "GNQ", "target_iso3": None, "measure": "export_control", "rate_pct": None}]),
    # a central bank's rate and a share of trade covered are not tariff rates
    ("With the Selic at 13.25%, Brazil's tariffs look less important. Under the pact, Chile will remove duties on "
     "94% of Peruvian exports.", "trade_measures", []),
    # a package "for" a country is lent to it, part by part; the package itself is no extra row
    ("Norway announced a NOK 400 million package for Malawi, made up of a NOK 250 million loan and a NOK 150 million "
     "grant.", "financing",
     [{"lender_iso3": "NOR", "borrower_iso3": "MWI", "instrument": "loan"},
      {"lender_iso3": "NOR", "borrower_iso3": "MWI", "instrument": "grant"}]),
    # ---- agreements
    # documents with no number are no count; a vague number is
    ("ROME — Lenders used the Ukraine conference to sign energy deals with Kyiv. Earlier, Italy and Ukraine "
     "signed dozens of agreements.", "agreements",
     [{"parties_iso3": ["ITA", "UKR"], "count": None, "kind": "agreement"}]),
    # what was not signed is no agreement; "the two leaders" are the story's two countries, not a bloc named later
    ("BRASÍLIA — Brazil and Indonesia agreed on a visa waiver. The two leaders issued a joint statement that tasks "
     "ministers with expanding the Indonesia–Mercosur trade talks. They did not sign any agreement on defence.",
     "agreements",
     [{"parties_iso3": ["BRA", "IDN"], "count": 1, "kind": "joint_statement"}]),
    # "the three countries" are the three the story names most; a company's contract is no agreement
    ("Washington, Tokyo and Canberra launched the Pacific Ports Initiative last year. The United States, Japan and "
     "Australia pledged more money for it on Monday. The trade ministers of the three countries issued a joint "
     "statement in Sydney. Japanese developer Sojitz signed an agreement to build a terminal.", "agreements",
     [{"parties_iso3": ["AUS", "JPN", "USA"], "count": 1, "kind": "joint_statement"}]),
    # a named joint committee and a "Joint Vision Statement"; "if" later in the sentence is no hypothesis
    ("Fiji and Tonga signed a defence treaty on Tuesday, pledging help if either is attacked, adopted a Joint "
     "Vision Statement and agreed to set up a Joint Maritime Committee.", "agreements",
     [{"parties_iso3": ["FJI", "TON"], "count": 1, "kind": "agreement"},
      {"parties_iso3": ["FJI", "TON"], "count": 1, "kind": "joint_statement"},
      {"parties_iso3": ["FJI", "TON"], "count": 1, "kind": "committee"}]),
    # a partnership the two governments signed is an agreement even in a sentence about a loan
    ("In Accra, UK Export Finance approved a £300 million loan for the Tema port, the first project under the "
     "Growth Partnership that the two governments signed in March.", "agreements",
     [{"parties_iso3": ["GBR", "GHA"], "count": 1, "kind": "agreement"}]),
    # a total told with its parts gives the parts; companies' business agreements and a memorandum only
    # expected to be signed are no rows
    ("LIMA — Peru and Vietnam signed 11 documents on Friday, four intergovernmental agreements and seven "
     "memorandums of understanding. Peruvian and Vietnamese companies signed 17 business agreements at a forum. "
     "A memorandum on fisheries is expected to be signed at the next session of the joint commission.",
     "agreements",
     [{"parties_iso3": ["PER", "VNM"], "count": 4, "kind": "agreement"},
      {"parties_iso3": ["PER", "VNM"], "count": 7, "kind": "mou"}]),
    # a deal only reached "unless" something is no agreement
    ("Washington will raise the tariff on Indian shrimp to 40% on Sept. 1 unless a deal is reached with New Delhi.",
     "agreements", []),
    # a headline and the story telling the same signing give one row; a committee's meeting is no new committee
    ("Uzbekistan, Turkey sign 14 documents at intergovernmental commission meeting\n\nTASHKENT, 3 March 2026 – "
     "Uzbekistan and Turkey signed a package of 14 documents on trade, energy and education on Monday, the "
     "government said.", "agreements",
     [{"parties_iso3": ["TUR", "UZB"], "count": 14, "kind": "agreement"}]),
    # what negotiators only hope for later in the sentence does not undo a signed memorandum
    ("The cut follows a memorandum of understanding that the two governments signed in Seoul, setting out a trade "
     "deal that negotiators hope to turn into a binding agreement next year. Korea and Peru welcomed it.",
     "agreements",
     [{"parties_iso3": ["KOR", "PER"], "count": 1, "kind": "mou"}]),
    # a trade bloc is a party through its members; a continent ("South America's") is no party
    ("The European Union and South America's Mercosur bloc put their names to a trade pact on Friday.", "agreements",
     [{"parties_iso3": ["ARG", "BRA", "EUU", "PRY", "URY"], "count": 1, "kind": "agreement"}]),
    # bullets under a head that says they were signed; a title after "the" is no reference back
    ("SUVA — Fiji and Samoa signed two documents on Friday. The documents signed were:\n\n"
     "* A Maritime Boundary Treaty between the Government of Fiji and the Government of Samoa;\n"
     "* A Memorandum of Understanding on Fisheries Cooperation between the two fisheries ministries.\n\n"
     "Later, the energy ministers of Fiji and Tonga signed the Memorandum of Understanding on Solar Power.",
     "agreements",
     [{"parties_iso3": ["FJI", "WSM"], "count": 2, "kind": "agreement"},
      {"parties_iso3": ["FJI", "WSM"], "count": 1, "kind": "agreement"},
      {"parties_iso3": ["FJI", "WSM"], "count": 1, "kind": "mou"},
      {"parties_iso3": ["FJI", "TON"], "count": 1, "kind": "mou"}]),
    # the lower end of a range before the rate does not hide whose goods "apply to" names
    ("QUITO — Duties ranging from 8% to 22.5% will apply to Peruvian avocados entering Ecuador from March 1, "
     "the agriculture ministry said.", "trade_measures",
     [{"imposer_iso3": "ECU", "target_iso3": "PER", "measure": "tariff", "rate_pct": 22.5}]),
    # a lessor "places" jets with the airline that leases them; "Embraer 190" is the E190; a deal for N jets is an order
    ("SMBC Aviation Capital will place eight Airbus A321neos with Air Arabia on long-term leases. Air Botswana "
     "will wet-lease two Embraer 190s from South Africa's Airlink. Vietnam Airlines finalised a deal for 12 "
     "Airbus A350-900s on Tuesday.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A321neo", "quantity": 8, "deal": "lease", "customer_iso3": "ARE"},
      {"manufacturer": "Embraer", "model": "E190", "quantity": 2, "deal": "wet_lease", "customer_iso3": "BWA"},
      {"manufacturer": "Airbus", "model": "A350-900", "quantity": 12, "deal": "order", "customer_iso3": "VNM"}]),
    # an airline buying new jets orders them; a government buying for its air force purchases
    ("BOGOTA — Avianca agreed to buy eight Boeing 787-9s, the carrier said. Separately, Ghana's defence ministry "
     "agreed to buy two Embraer C-390 transport aircraft for the Ghana Air Force.", "aviation_deals",
     [{"manufacturer": "Boeing", "model": "787-9", "quantity": 8, "deal": "order", "customer_iso3": "COL"},
      {"manufacturer": "Embraer", "model": "C-390", "quantity": 2, "deal": "purchase", "customer_iso3": "GHA"}]),
    # an amount's own source right after it beats an institution named earlier in the clause
    ("ACCRA — The African Development Bank approved a $90 million loan for the Tema port expansion, on top of "
     "a €150 million loan from Germany.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "GHA", "instrument": "loan", "amount_usd": 9e7},
      {"lender_iso3": "DEU", "borrower_iso3": "GHA", "instrument": "loan"}]),
    # a country's foreign trade has no partner; a change and a balance are no values; "8 703.6" groups by spaces
    ("ASTANA — The foreign trade turnover of Kazakhstan reached USD 61.2 billion in January–August, an increase "
     "of USD 4.4 billion, and the trade balance was positive at USD 9.8 billion. Imports from China amounted to "
     "USD 8 703.6 million.", "trade_flows",
     [{"reporter_iso3": "KAZ", "partner_iso3": None, "flow": "bilateral", "value_usd": 6.12e10},
      {"reporter_iso3": "KAZ", "partner_iso3": "CHN", "flow": "import", "value_usd": 8.7036e9}]),
    # a titled person's given name is no capital: "President Santiago Peña" is not Chile
    ("TAIPEI — Paraguayan President Santiago Peña and Taiwan's president witnessed the signing of five "
     "agreements on Thursday.", "agreements",
     [{"parties_iso3": ["PRY", "TWN"], "count": 5, "kind": "agreement"}]),
    # whose goods pay a rate is its target; the country between a rate's adjective and its measure word imposes it
    ("Peru, whose exports have paid the 10% baseline US tariff since April, is seeking relief. Ghana's cocoa, "
     "which faces a 15% reciprocal U.S. tariff, lost ground.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "PER", "measure": "tariff", "rate_pct": 10.0},
      {"imposer_iso3": "USA", "target_iso3": "GHA", "measure": "tariff", "rate_pct": 15.0}]),
    # an airline's base names its country; a lessor is never the lessee; a deal only weighed is none
    ("FARNBOROUGH — Calgary-based Lynx Airways placed a firm order for 12 Airbus A220-300s. Nepal's Yeti Skyline "
     "signed a letter of intent to lease two ATR 72-600s from Avolon. Croatia Airlines said it was studying an "
     "order for up to 15 more A220s.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A220-300", "quantity": 12, "deal": "order", "customer_iso3": "CAN"},
      {"manufacturer": "ATR", "model": "ATR 72-600", "quantity": 2, "deal": "lease", "customer_iso3": "NPL"}]),
    # goods "made in" a country are its goods; a "reciprocal" rate is a tariff; a rate that "would have" hit is none
    ("WASHINGTON — The 60% tariff the White House floated in October, which would have shut the mills, was "
     "dropped. Honduras has faced the 10% \"reciprocal\" rate since August 7. Duties of 25% on shoes made in "
     "Vietnam took effect in Mexico on Monday.", "trade_measures",
     [{"imposer_iso3": "MEX", "target_iso3": "VNM", "measure": "tariff", "rate_pct": 25.0},
      {"imposer_iso3": "USA", "target_iso3": "HND", "measure": "tariff", "rate_pct": 10.0}]),
    # a lender's "facility" is a credit line; a grant's source right after its amount is the lender; a multilateral
    # carried to the next sentence keeps its empty country ("The lender ...")
    ("KIGALI — Exim Bank of India approved a $20 million loan for Rwanda's dairy plants. Separately, the African "
     "Export-Import Bank approved a $50 million facility for Rwandan coffee washing stations. The lender also "
     "signed a $30 million loan for the same stations in June. Rwanda also received a grant of EUR 10 million from the European "
     "Union, channelled through the AfDB.", "financing",
     [{"lender_iso3": "IND", "borrower_iso3": "RWA", "instrument": "loan", "amount_usd": 2e7},
      {"lender_iso3": None, "borrower_iso3": "RWA", "instrument": "credit_line", "amount_usd": 5e7},
      {"lender_iso3": None, "borrower_iso3": "RWA", "instrument": "loan", "amount_usd": 3e7},
      {"lender_iso3": "EUU", "borrower_iso3": "RWA", "instrument": "grant"}]),
    # "the three transport ministries" are the story's three countries
    ("ASHGABAT — Construction of the Kazakhstan–Turkmenistan–Iran rail corridor began on Friday. Kazakhstan will "
     "build 40 km, Turkmenistan 700 km and Iran 90 km. The three transport ministries also signed a memorandum "
     "of understanding on border procedures.", "agreements",
     [{"parties_iso3": ["IRN", "KAZ", "TKM"], "count": 1, "kind": "mou"}]),
    # a customs union's body decides a duty for every member: one row per member state (dev18 convention)
    ("MUSCAT — Imports of Indian steel pipes into the six Gulf Cooperation Council states will face anti-dumping "
     "duties of 21.5% from May 1, the secretariat said.", "trade_measures",
     [{"imposer_iso3": iso3, "target_iso3": "IND", "measure": "anti_dumping", "rate_pct": 21.5}
      for iso3 in ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU")]),
    # a roundup heading without a rate or an actor of its own is no second row
    ("REGIONAL BRIEFS\n\nARMENIA: Duties on Turkish and Iranian cement\nArmenia will impose anti-dumping duties on "
     "cement from Turkey at a rate of 14.2% from June 1, the economy ministry said.", "trade_measures",
     [{"imposer_iso3": "ARM", "target_iso3": "TUR", "measure": "anti_dumping", "rate_pct": 14.2}]),
    # "Turkey at a rate of" is no "key rate"
    ("YEREVAN — Armenia will impose anti-dumping duties on cement from Turkey at a rate of 14.2% from June 1.",
     "trade_measures", [{"imposer_iso3": "ARM", "target_iso3": "TUR", "measure": "anti_dumping", "rate_pct": 14.2}]),
    # whole words only: "Pernod Group 32.2%" is not "up 32.2%"
    ("BEIJING — China will impose anti-dumping duties on brandy from France: Pernod Group 32.2% and "
     "Hennessy 34.8%.", "trade_measures",
     [{"imposer_iso3": "CHN", "target_iso3": "FRA", "measure": "anti_dumping", "rate_pct": 32.2},
      {"imposer_iso3": "CHN", "target_iso3": "FRA", "measure": "anti_dumping", "rate_pct": 34.8}]),
    # jets of an earlier order are no new order, unless cancelled; military types are in the reference
    ("SAO PAULO — Azul will receive five Embraer E195-E2 jets this year under its existing order. LATAM said it "
     "had cancelled the four Airbus A321neos still outstanding from an earlier order. Brazil's air force agreed to "
     "buy two Airbus A400M transport aircraft.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A321neo", "quantity": 4, "deal": "order"},
      {"manufacturer": "Airbus", "model": "A400M", "quantity": 2, "deal": "purchase", "customer_iso3": "BRA"}]),
    # a disbursement is lending; a road's cost is a project cost, but not a cost per kilometre nor a running total
    ("ADDIS ABABA — Ethiopia received a $400 million disbursement from the International Monetary Fund, taking "
     "total disbursements under the programme to $1.9 billion. The AIIB co-financed the $800 million Modjo road "
     "with a $300 million loan, making it one of the costliest roads per kilometre, at about $4 million.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "ETH", "instrument": "loan", "amount_usd": 4e8},
      {"lender_iso3": None, "borrower_iso3": "ETH", "instrument": "project_cost", "amount_usd": 8e8},
      {"lender_iso3": None, "borrower_iso3": "ETH", "instrument": "loan", "amount_usd": 3e8}]),
    # a group's order split between its airlines gives each airline its part; a certificate still to come is none
    ("SINGAPORE — Bonza Group has firmed up an order for 40 Airbus jets, with 25 A321neos going to Jetstar Asia and "
     "15 A320neos to Scoot. Certification of the C919 by EASA is not expected before 2027.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A321neo", "quantity": 25, "deal": "order", "customer_iso3": "SGP"},
      {"manufacturer": "Airbus", "model": "A320neo", "quantity": 15, "deal": "order", "customer_iso3": "SGP"}]),
    ("DUBLIN — Lufthansa Group ordered eight Airbus A220-300s for its Austrian unit, Austrian Airlines.",
     "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A220-300", "quantity": 8, "deal": "order", "customer_iso3": "AUT"}]),
    # a range without "between" gives one row at its upper bound
    ("WASHINGTON — Countervailing duties of 5.8% to 9.1% on Indian shrimp were confirmed by the U.S. International "
     "Trade Commission.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "IND", "measure": "countervailing", "rate_pct": 9.1}]),
    # the goods of several countries before the rate give one row each
    ("Goods from Cambodia and Myanmar will face US tariffs of 36%, while Indian products pay 50%.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "KHM", "measure": "tariff", "rate_pct": 36.0},
      {"imposer_iso3": "USA", "target_iso3": "MMR", "measure": "tariff", "rate_pct": 36.0},
      {"imposer_iso3": "USA", "target_iso3": "IND", "measure": "tariff", "rate_pct": 50.0}]),
    # the country goods enter imposes and is no target; where they come from is
    ("KYIV — Customs will collect duties ranging from 6% to 31.2% on ceramic tiles entering Ukraine from India.",
     "trade_measures", [{"imposer_iso3": "UKR", "target_iso3": "IND", "measure": "tariff", "rate_pct": 31.2}]),
]  # fmt: skip


@lru_cache(maxsize=1)
def _results() -> dict[str, pl.DataFrame]:
    return facts_for_texts([text for text, _, _ in CASES], PUBLISHED)


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[0][:50] for c in CASES])
def test_news_pattern(index: int, case: tuple[str, str, list[dict]]) -> None:
    _, table, expected = case
    assert_case(_results(), index, table, expected)


def test_headline_names_the_trade_defence_measure_of_a_generic_duty() -> None:
    """A story's lead often says only "duties" where its headline says "anti-dumping duties"; a
    roundup headline's later items, and duties after the story names its own measure, are no hint."""
    lead = (
        "LIMA — Duties of between 12.4% and 31.8% will be collected on ceramic tiles from India for five years, "
        "the trade ministry said."
    )
    titles = [
        "Peru to levy anti-dumping duties on Indian tiles",
        "Trade briefs: Peru taxes Indian tiles; Chile's first countervailing duty",
        None,
    ]
    tables = facts_for_texts([lead] * 3, PUBLISHED, titles=titles)
    measures = tables["trade_measures"].sort("doc_id", "rate_pct")
    by_doc = {doc: set(frame["measure"]) for (doc,), frame in measures.group_by("doc_id", maintain_order=True)}
    assert by_doc == {"d0": {"anti_dumping"}, "d1": {"tariff"}, "d2": {"tariff"}}
