#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py` from anywhere; it prints OK or a list of problems and exits 1.
Standard library only.
"""
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")

PROBLEMS = []


def bad(msg):
    PROBLEMS.append(msg)


# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------
# ticker -> (name pattern used to find notes about the company, real?)
COMPANIES = {
    "CNK": ("Cinemark", True),
    "ALX.AX": ("Atlas Arteria", True),
    "OMF": ("OneMain", True),
    "MBUU": ("Malibu Boats", True),
    "ERF.PA": ("Eurofins", True),
    "NOMD": ("Nomad Foods", True),
    "TRN": ("Trinity Industries", True),
    "GVDL": ("Glenvarrow Dental Labs", False),
    "PRWK": ("Prairiewick Crop Assurance", False),
}
INVENTED = {"GVDL": "Glenvarrow Dental Labs", "PRWK": "Prairiewick Crop Assurance"}
# Real companies mentioned in exactly one sentence of the whole corpus (near-miss targets).
PASSING = {"IMAX": r"\bIMAX\b", "GBX": r"\bGreenbrier\b", "BC": r"\bBrunswick\b", "LW": r"\bLamb Weston\b"}
# Real companies asked about that have no notes at all.
NO_NOTES = {"MCS": r"(?i)\bMarcus\b", "MCFT": r"(?i)\bMasterCraft\b|\bMCFT\b"}

LABELS = ["strongly negative", "mildly negative", "neutral", "mildly positive", "strongly positive"]


def label_ok(label, score):
    bands = {
        "strongly negative": (-1.0, -0.5),
        "mildly negative": (-0.5, -0.1),
        "neutral": (-0.1, 0.1),
        "mildly positive": (0.1, 0.5),
        "strongly positive": (0.5, 1.0),
    }
    lo, hi = bands[label]
    return lo <= score <= hi


# ---------------------------------------------------------------------------
# General-question themes: the regex must match exactly the gold notes.
# ---------------------------------------------------------------------------
THEMES = {
    "q054": r"(?i)\btariffs?\b",
    "q055": r"(?i)buyback|repurchas|bought back",
    "q056": r"(?i)\b(weather|drought|hail)\b",
}

# ---------------------------------------------------------------------------
# Unanswerable questions.  For near misses: the note holding nearby-but-wrong
# text (verbatim) and regexes for the asked fact.  Every `absent` regex is run
# against every sentence (and table row) of every note and must match none.
# ---------------------------------------------------------------------------
DATE_WORD = r"\b((19|20)\d\d|january|february|march|april|june|july|august|september|october|november|december)\b"
NO_ANSWER = {
    # segment_figure
    "q003": {"note": "cnk-q2-2025-box-office.txt", "nearby": "international attendance rose 8%",
             "absent": [r"(?i)^(?=.*\binternational\b)(?=.*\b(revenue|revenues|sales)\b)"]},
    "q023": {"note": "omf-q2-2025-credit.txt", "nearby": "Auto finance originations rose 31%",
             "absent": [r"(?i)^(?=.*\bauto\b)(?=.*\breceivables\b)", r"(?i)auto (finance )?(book|portfolio)"]},
    "q045": {"note": "trn-q2-2025-deliveries.txt", "nearby": "Railcar Leasing and Services revenue rose 6% to $249 million",
             "absent": [r"(?i)^(?=.*\brail products\b)(?=.*\b(revenue|revenues|sales)\b)",
                        r"(?i)^(?=.*\bmanufacturing\b)(?=.*\b(revenue|revenues)\b)(?=.*\$)"]},
    "q060": {"note": "glenvarrow-fy2025-annual-report.md", "nearby": "Implant restoration cases rose 18% to 249,000",
             "absent": [r"(?i)implant[a-z ]{0,30}\b(revenue|revenues|sales)\b",
                        r"(?i)\b(revenue|revenues|sales)\b (from|of|in) (the )?implant"]},
    # passing_company
    "q010": {"note": "cnk-premium-screens-loyalty.txt", "nearby": "IMAX remains the main branded large-format rival",
             "absent": [r"^(?=.*\bIMAX\b)(?=.*\d)"]},
    "q029": {"note": "mbuu-q4-fy2025-results.txt", "nearby": "Brunswick, the largest listed U.S. marine group",
             "absent": [r"^(?=.*\bBrunswick\b)(?=.*\d)"]},
    "q042": {"note": "nomd-q3-2025-results.txt", "nearby": "Lamb Weston\u2019s weaker European fries volumes",
             "absent": [r"^(?=.*\bLamb Weston)(?=.*\d)"]},
    "q052": {"note": "trn-q2-2025-deliveries.txt", "nearby": "Greenbrier has reported a similar slowdown in new orders",
             "absent": [r"^(?=.*\bGreenbrier\b)(?=.*\d)", r"(?i)\bbacklog\b(?!.*Trinity)(?=.*Greenbrier)"]},
    # product_metric
    "q007": {"note": "cnk-premium-screens-loyalty.txt", "nearby": "Movie Club subscription to $11.99",
             "absent": [r"(?i)\d[\d,.]*\s*(million |thousand )?(members|subscribers|subscriptions)\b"]},
    "q028": {"note": "mbuu-axis-t250-launch.txt", "nearby": "Axis T250 wake boat at a starting price of about $129,000",
             "absent": [r"(?i)^(?=.*\bT250)(?=.*\b\d[\d,]*\s+(units|boats|hulls)\b)"]},
    "q034": {"note": "erf-pfas-panel-nantes.txt", "nearby": "priced at \u20ac395 per sample",
             "absent": [r"(?i)^(?=.*\bPFAS\b)(?=.*\b(revenue|revenues|sales)\b)",
                        r"(?i)\d[\d,.]*\s*(million |thousand )?(samples|panels)\b"]},
    "q041": {"note": "nomd-pea-harvest-green-cuisine.txt", "nearby": "Green Cuisine plant-based fish-fillet range",
             "absent": [r"(?i)^(?=.*\bGreen Cuisine\b)(?=.*\b(revenue|revenues|sales|sold|units)\b)"]},
    # undated_event
    "q016": {"note": "alx-dulles-greenway-settlement.txt", "nearby": "approved a toll settlement for the Dulles Greenway",
             "absent": [r"(?i)^(?=.*\b(settlement|approv\w*)\b)(?=.*" + DATE_WORD + ")"]},
    "q035": {"note": "erf-pfas-panel-nantes.txt", "nearby": "new environmental testing campus in Nantes is now open",
             "absent": [r"(?i)^(?=.*\b(Nantes|campus)\b)(?=.*" + DATE_WORD + ")"]},
    "q040": {"note": "nomd-pea-harvest-green-cuisine.txt", "nearby": "confirmed the appointment of a new chief executive",
             "absent": [r"(?i)^(?=.*\b(chief executive|CEO)\b)(?=.*" + DATE_WORD + ")"]},
    "q051": {"note": "trn-supply-deal-fleet.txt", "nearby": "signed a multi-year agreement to supply up to 5,000 covered hoppers",
             "absent": [r"(?i)^(?=.*\b(covered hoppers?|Class I)\b)(?=.*" + DATE_WORD + ")"]},
    # other_measure
    "q012": {"note": "cnk-q2-2025-box-office.txt", "nearby": "Adjusted EBITDA was $212 million, a 22.6% margin",
             "absent": [r"(?i)operating income", r"(?i)^(?=.*Cinemark)(?=.*operating (profit|earnings))"]},
    "q021": {"note": "omf-q2-2025-credit.txt", "nearby": "adjusted diluted EPS of $1.45, up 14% year over year",
             "absent": [r"(?i)net income", r"(?i)net earnings"]},
    "q027": {"note": "mbuu-q4-fy2025-results.txt", "nearby": "Gross margin recovered to 19.7%",
             "absent": [r"(?i)operating (profit )?margin", r"(?i)operating income"]},
    "q064": {"note": "prairiewick-q2-2025-hail.txt", "nearby": "gross written premiums of $684 million, up 12%",
             "absent": [r"(?i)premiums? earned", r"(?i)earned premiums?", r"(?i)net (written )?premiums?"]},
    # not near misses
    "q066": {"absent": [NO_NOTES["MCS"]]},                 # real company with no notes
    "q067": {"absent": [NO_NOTES["MCFT"]]},                # real company with no notes
    "q068": {"absent": [r"(?i)sourdough|hydration|bread|loaf"]},  # off-topic
    "q069": {"absent": [r"\b2019\b"]},                     # period no note covers
}

# ---------------------------------------------------------------------------
# Exclusions, stored as truncated sha256 hashes so this folder never spells the
# excluded tickers, invented words or company names.
# ---------------------------------------------------------------------------
TICKER_HASHES = ['0033992ee3d6e64c', '004e7e8f642347f2', '005330e81043f083', '00bc086f49b1144f', '015ca445faaf7ef6', '0161b394e8b4bb13', '02136888e83b55d4', '0219d9f79cd98908', '024c406cc9452bf8', '024d736b371bf903', '027d3ed07faa1243', '02fa81a0c06cd843', '03777373b92bf6dc', '0382b1a2139cc422', '03d9f9382a2fbdcf', '04c7c712f64fd8fd', '05a021d12ee655a5', '05bbf7706c3370f9', '05ddc88abd27c1c4', '06313b497ddbded6', '06a1ad637e7f4fba', '06ccef4324c14725', '06ee1135e6b80824', '0839e99dc34ff768', '08a650342656fa58', '08b674c52bb3e06e', '095aab3a9a68923d', '096a28d9fb3f73fc', '0974e9d683e8e9b3', '09ac46fd57b3b1c1', '0aa22b84b77e8c1d', '0aee7f6ace687160', '0b3e5371d6670264', '0c5517ff5945e88a', '0d1c315edb9b395c', '0d72f0950a295864', '0dac1627489eff5b', '0de5347a76790dbe', '0e02d95acd357ea6', '0ee80c4192d2b0be', '0efad226cd83e1c1', '0f37bcdb726fcc9e', '0fd3e4e71b62f777', '10822a9b7b8e1d0b', '10decc9cfa5e7895', '10ec6bddc6d4e86d', '11dd6234eca1a3f2', '12bfcd8d63d7f480', '12dbcb972c2ce8a1', '12f4c09fd782f465', '130f70ae5b44ed4c', '14874a6a3cd46d29', '14bc57792fe87d8b', '14e5d9dbb3009ab4', '15356b7c0ea900b7', '15b1a3cf77d32057', '15b5a93d1bc94867', '15b89a569474240a', '15fa9be3f1f316c4', '160f5440bfbacacc', '16c4b52409a00076', '16df5c44c706fcb2', '1784cd4565899880', '18010b2484dcbd58', '185ac17354467d17', '1941347ae3b6a800', '1a75ddf2fd378a48', '1b74ee178ae8acb8', '1c0d3a3a646a99cf', '1cc8f262fd47fb01', '1d64403b498a5a08', '1d9f2b881c2620e0', '1de50952e3a4f79c', '1e23e03a3fd52803', '1eaff1ec0100bee4', '1eb44d625271a4eb', '1ed8f0748b4186f6', '1f318226cce176b8', '2033ca5adc026e2e', '20cb7cc402b3f345', '218b49e0d444331b', '239cecd7e4a6b771', '23cfa8bf2603bad1', '2446d5d7e68e0d99', '24653f92fb046f8e', '25eba8ba569a0c29', '26db5bade47c03a8', '278d3872d86a41fd', '27924c653e3fddbd', '28d5b3af8f689214', '28daa25015313ade', '296d71a7f66e75b7', '29dbc09f3d3be7d0', '2a1aa563b6a3a664', '2a36ea106f4b9b93', '2b9198dceb93c6e3', '2bb9842d07a1b2aa', '2be045c4c693033f', '2be7e860a659c69a', '2d0434d3b03cdbd0', '2d1edf729cc53756', '2d57614242936ea1', '2da1328d30323114', '2dfa4c3866cf178e', '2e5d546b5ad9d354', '2e872aaf9b98489e', '2f2c0b6dea0e495e', '2f9b3cd8032d1c58', '2fb218b10f050d3f', '2fb6cbf530afed4e', '2ff6985a9799a3a9', '310d43e3886fbb9e', '311ed3d8b2a1a5e7', '314cad54982e168d', '31ac18dc22b89690', '321081e278de53f0', '321fc37b2c7e75f0', '322f7db21cbf1b6f', '323e41792751e840', '33a3e02d1181111b', '343d44bf3298c6ee', '34dbbad015b65fe7', '34e67653c7c6a2e9', '356479227b434e95', '36877c0a7e6cd61b', '370bf453e34653f5', '3857d35dfb945541', '386a5c9d905bbbe1', '387a1f24c7c3bd9d', '38a31f838481dddc', '3973e03bfc133bb4', '3a539105ce5d85ff', '3a75783f76886d46', '3b1a173c7e94e708', '3b2b2e87393e363f', '3bebbde661e6e4ab', '3dba727aa0000821', '3e0ff60c08f3e210', '3e66fd36ae72836b', '3e8d3243e99cf9bb', '3ebe95bc23aea71f', '3ed0f46ad0ed8ad9', '3f4180dfc9502725', '401396f1626476d9', '40675696e9723afb', '40c30ff51e5179f5', '41b0af713703ec7a', '41bdd846a01b773a', '4215e73bd3cbbcd8', '426219f2bc198296', '42af9ddc4a37ba40', '434e501ece39fd89', '4362fd495a9413a1', '43c7b73b33d85043', '43f341e4b87e1ab2', '4407c96ce97c5f79', '44b031ff149de692', '44d75cc38983202f', '45095df41e6342ca', '46646e9d5e185e23', '47cfb4315cc0e1cb', '47fba44fb65b7363', '48b2a60f945db2b1', '4918a1f02e5fba34', '49eaafbbd5bf8db6', '4a1ef5914e664f6b', '4a64a5a065669e9a', '4ab63b7b6aa73c2c', '4bac08627e22b898', '4d14fc3a1e801a58', '4dd2ce648033cb27', '4f2411cbb77e1f3c', '4f8e3f3d63fd408b', '507cf7d57401a73e', '514ddffb83d2f470', '5222a41f2ad733bd', '524824c7eb4f8651', '52e19c2ffa70f385', '52ead7db30878acf', '5300e6e8a097ad95', '53e4048a48809138', '5474a00be6481757', '55689d35ecba1cdc', '55c849d9cb586ec9', '56018aeeeaf48dc7', '56edc3e2deb9f025', '57ad6f0bdead5062', '5814a010dea7ea45', '583289af2650e041', '583e6a37d138f6bc', '584c7ee3282c408f', '591e962e7514d1cc', '59bde72b615b1278', '5a06b98b21528d30', '5b110080a4023aeb', '5b2584dea8d12451', '5b352eef24940b48', '5bb0d6b8fb6f0e1c', '5c62e0b4977585c1', '5c9564cf01686771', '5ca24005b740717b', '5db50d5d0c950c79', '5e1c9dfeceaf3b9e', '5ea7e93d0283b023', '5ee723a89d4a0ade', '5f7f04cad57e74fc', '5fedee9c0e253e7c', '5fffb6552f27999e', '6066eb3ac619f8f1', '6078825cf581d818', '609c50827510782d', '610b7b72cea5920c', '6158ffeae1bc54c3', '61c49740560a30d0', '62319c4c41ac21c3', '62d7524cb5b6297c', '6506434899900712', '655bd1284de6c01d', '658dca34b5534df9', '680bf58567aa04da', '6814ef46f686990c', '685c14a25f72274b', '68f00c2e818a9a8f', '692decf8a5bbf3c7', '69a99fd1baf0097f', '69c7df07e3ad12ca', '6a6ca12d004c041c', '6af0e5099ee8cb27', '6b987654a4116384', '6bdf192da7ce14e4', '6c68142ed7e42b08', '6c80caf18e5a2878', '6db7e783cab6e94c', '6e03c784ad75696d', '6e0b1efc78ba36b5', '6ea63a3738c80a25', '6eec4bbf25ff5291', '6ef19697d2101251', '6f32da8ac3f85fde', '70d19654882197c9', '71ed90c9c15c54fd', '71feee9e08c7311b', '72543dd92a2fe39b', '72ac33c47ef15018', '7304d537171ae449', '732df12a95b51656', '733bc8d7f3f29565', '735099be2bbaa8d3', '737d0931b92fb9bf', '737fdab9cd604c40', '738a6a9f21422574', '7442d63020669e61', '74756a9d8d4760f0', '75350bfd972a1b25', '760f84a206d9067f', '76a050a383be6c8f', '770b31ba79d0c08e', '77814926c6c5dac8', '77b86735c8b2cf84', '78088af3164cdc6a', '785a96a20fd48ed4', '7911387147392193', '7917da1b62a685c2', '791d58bbf0cd7822', '799509333ce5edd7', '7a889b388a230d34', '7ab1fe96128a1641', '7be8fa11f537a1ca', '7bf41f4a5e5caced', '7c50e66bf2cfc249', '7cd0c94428da9271', '7d3dcb64b983a6c5', '7d8a1a36304a6b49', '7dd589016eebc634', '7fbc36f2a5337df6', '8010a4dd76e59682', '804a19e160516d73', '80adb06150613eb1', '811ebf6f0e86baf3', '8184411744a7ebd8', '8185e4d4f9b25e7e', '83e2f12810c3f1be', '8440b22d60753d72', '849af174c5b12dfa', '8638f0279b38c5e1', '86887831c492b02c', '875caa8e41504857', '87e3c3db6beea712', '884d5bff79c10dff', '886ca71ced9c4e2d', '888aa55b55f4fe4b', '88f18c339406f96f', '8904c61a98dbed62', '89b531787b023e79', '89d36289eaf5f341', '8a0d7a9b7123588d', '8acc0fd8dc618325', '8b978edde6f08ef9', '8bbe3e2c7a8c7f05', '8bc621528ef9f711', '8c6e4586721eada2', '8d14065c65111a4f', '8d5ebd1c930faf66', '8d7e88f4b042064a', '8df123a9f767bc29', '8e7522f84232d5ff', '8ed9c54f090dc4b6', '8f1876a667ccfd26', '915928bab25830a2', '91ca0db5e89570ca', '91f026c996feb335', '920c664cab828a0a', '93f986dfd0612406', '945b7d71f7c79fef', '94b61beed6f397a3', '94d5a0658e4301e7', '953c8cec9ede4191', '9599ac7fbb20fc65', '95e046d28f154e88', '968956bc8da7b283', '96d6c6dfbfa1de5a', '978f5b19f6d215c7', '979bd57e9757e9b3', '979d88c360ae25de', '97bfc0d9913d2b68', '97d437e2c473311c', '98064706a301da49', '985472956486d9aa', '98820d9dd40969ac', '9905252ed2898658', '9905640026b2ee7b', '9940b3adcf07ff61', '998c1ec4495e3b11', '99fcb28587e3e935', '9b202b86bc14c137', '9bbd0f77db4fbd98', '9bca31afca3f3110', '9c2803bdee7e1887', '9c6d500f59df8992', '9db8f12e2ffcfee1', '9dd912ab0bf732c5', '9de9f1b096253af4', '9e27c82abbc85741', '9ea51b0fe5ade523', '9f149528ff5e8b05', '9ff10265356446f6', '9fff604da4488191', 'a04b94be43647685', 'a0cd4ecb4ff9df6c', 'a108b95c6405b861', 'a15179cd217e5ab4', 'a1984b404db74dbd', 'a1b37e8f32c2fc64', 'a1cf80d1fcece667', 'a1d2c920462d0868', 'a22536009ea36d41', 'a24c631b902b547e', 'a25fc665a45215b9', 'a2db26468c4a7d6e', 'a3dbc4b644a9a2c5', 'a3e2c3e5c5493892', 'a4a741a9c17cb08f', 'a576e9504d72cf16', 'a59674644f00ff80', 'a59e305d64206c90', 'a5bc14514779eefe', 'a6207e2f59147458', 'a67351c3fa8ac1d1', 'a6c9feb58d388cbd', 'a7c8c1b4d02aa154', 'aa99fd11b89bc5c6', 'ab1de819ede91df4', 'abe18f1b1a3b217d', 'abf57167afc201eb', 'acda47627f691f0d', 'ad3aaf9dcc1f151a', 'add75d052505d0b4', 'ae1510493ba3f22b', 'ae7b44e4e9ef7a9e', 'aeb3fd4f17162e9b', 'aedb55c245fe6ce6', 'af9f24f9b4f35558', 'b01c4d091b1d58d3', 'b0a8c8f2f15e6ed0', 'b1ce5beca8515c53', 'b1d0446a73093b73', 'b233c055527448be', 'b24228e796d718fa', 'b262fdbe36e5a2d8', 'b31dbe9abcd2cf11', 'b326211c03c0c3df', 'b3919de8d6dd7a0a', 'b3d6304a6655552c', 'b5bcea92770afa63', 'b5c7aed7cd2a3085', 'b5dfc70b4d5e1dbc', 'b605aa5ea55bc6b1', 'b64a63240feae5b2', 'b68c04967f5f0090', 'b78cca2401256f81', 'b87d54f43f722372', 'b8a6c63bdc809f62', 'b8b420a4c8207015', 'b9d7d7f3a55dbf74', 'ba1ee3045e9bd90e', 'bb1c97aab4e2a4d5', 'bb2a93f2a17598c4', 'bc21cf8872c8ff55', 'bd89e66d63d8fb3c', 'bda3b10cac3d3723', 'be46f014b415696d', 'be831db56b1ebbb7', 'bf121531a3edf534', 'bf42bead0ad74d5c', 'bfa8070bd95ecf82', 'bfad2f276fa7cc0d', 'bfdf5705e71f48e3', 'c05c5458bf4619eb', 'c10eb640cff82439', 'c12813138856c0ce', 'c1c0f49a22f4545e', 'c20c22537461bd3c', 'c24b94b0c293d4ba', 'c2735a8b2517b205', 'c27c6260da385886', 'c28f169e1910493d', 'c2b0612f4ff3a471', 'c323fbff2141c31f', 'c338965e2aa3bdd2', 'c3edc7c448c17480', 'c3efed1e0b7a7035', 'c3f303b8e071f0b3', 'c40eddcd52411816', 'c458443bb850de41', 'c49fbc48f2e2d72e', 'c4e7eda85c90406d', 'c51fb9b52aac0ff0', 'c54e5ff380779767', 'c57929ed14088114', 'c636283b2494b2a9', 'c7167771deafaeb9', 'c7766d6658b96041', 'c7e58b675eeda225', 'c896931dcb1faeab', 'c8d4fe0b8b410fbb', 'c8de075e879b129a', 'c8e7c5b231e53c7b', 'c908d13f30325965', 'c985ea35c7c867fd', 'c9fb2a01d20f092c', 'ca7ea4dbbba04630', 'ca88dba99f24356b', 'cac670adb2da084a', 'cb15b056a5ad5c98', 'cb587e4fb09392db', 'cbf3a3f600c6755e', 'cc1f4a044444f33a', 'ccd52043810cdebd', 'cd17b466ae8e5db7', 'ce5aa52344721f32', 'cf9e2f2a167e9f8c', 'cfacdabce4268185', 'd021e8e82b2a2a52', 'd0a023fdd858baee', 'd0de4fd324978232', 'd10ad8071d7270bc', 'd13403905c707e4d', 'd15766ff9e588d13', 'd2251de6edfa7f9a', 'd31f94cf3a5f78e4', 'd45247a6c8a40f74', 'd4974311914599a7', 'd4df736fbc6e8727', 'd57a9f16cffeda50', 'd5ba0c6269379703', 'd5c1b124c63c4e2b', 'd5e712956312ae10', 'd61896ba44729a53', 'd68956cd067ac773', 'd6adbee5d0140f99', 'd70fbad88d0f9eaf', 'd77bbe315fafa4a6', 'd7899bd3856eee91', 'd887d9941131f5e2', 'd8a7159b03299b13', 'd962171ab61a631b', 'd970e43abe3ef7e8', 'd980bc0c1e195f9f', 'da589bf201960bbf', 'da9c2fd99a6368ed', 'daa1956c04cea966', 'dae328ddf619a3bc', 'dbf44218cc8081be', 'dc41ca618fda25fc', 'dd388dd2270e268f', 'ddb9a39e4b55589b', 'ddeaded8ad8e4493', 'de414fe63e806231', 'de5a6f78116eca62', 'de5e14725aa06d8b', 'de6d8130c178f566', 'de7baa0c995dcbb6', 'de8232b2fb16e331', 'df766e489271956b', 'dfa50c5595397c61', 'dfa7676d567e9363', 'dff8c8d7ff75a3ce', 'e0339b6f1963c7bf', 'e062e1ee9b23f28c', 'e0671bd326867b63', 'e0e81086fb687f44', 'e1416db1ea1dd68c', 'e15b4215cecefb7a', 'e163b5779ffe879f', 'e17b59fe271a682b', 'e1b83df3c19180d3', 'e28d0c7a834a6e5c', 'e2a25d63ee52eeec', 'e36b1282552643fd', 'e3e26a9e5568b62d', 'e3ee013c4d28eb54', 'e4c09d17104f0e28', 'e5218dcd47772650', 'e56373f33512c31b', 'e59c1688eecc25de', 'e614a4bb5ab8d5e9', 'e632b7095b0bf32c', 'e6cdf742eb80420c', 'e6f09dbee4408515', 'e7426f32fe515d04', 'e793a7bb37e36120', 'e87601989d7d2997', 'e955956ed009e3a9', 'e9dfb7df1d6fbabd', 'eb4ea5e3de35cbf2', 'eb6b42f54c42d283', 'ec7778630d0a755b', 'ec9c32867878c991', 'edee38ac5b4308a8', 'edf1b81f78be6365', 'ee0821e0b3c91353', 'ee2ca296f79a038f', 'eeac1ae7c59bc9c6', 'eecee5e19f25a414', 'ef79f5459e619ee9', 'ef88631311a3d92b', 'f0055891f09fff48', 'f031b70a2653be44', 'f1e1cb466a7fcd69', 'f1f5744f58b96d3a', 'f24f8ea3765b2737', 'f25fb9f61a9c7adb', 'f260ed6f793e6cb5', 'f2dc9e2878a9c9de', 'f30c228be999f1e6', 'f406ea3e85c019f6', 'f4ac5ae497c4bec5', 'f4f71f0d534062b4', 'f501fb2fcabb0f49', 'f55fa64b2108fd1f', 'f5da74878cd10c57', 'f64493939ba13fff', 'f67ab10ad4e4c531', 'f6d0060e28426ea4', 'f6e2773de0a98ad0', 'f6e7a6fb3d6ee7c2', 'f6ffc25a09c71efe', 'f73ae902bd042065', 'f75ba00a00e32d5b', 'f77eb6016c860510', 'f7c0665ea967c266', 'f8046fd80ae15daf', 'f845c141a3c5b170', 'f8851fe93a19bb7e', 'f9c014870a15dd58', 'fa34f97bf4bcb580', 'fad2e4858f80dffb', 'fb2a4edd17f56dd0', 'fe3363914a2e0699', 'fede099ef30ed097', 'ffd34b1201db490b']
WORD_HASHES = ['04e4a2194fd29b4b', '13a7c8abcb7e5298', '15de439663746b02', '1df1b971b4035cab', '2858726b5765ce6c', '2b676f995f953392', '2bfed5243b13cf6e', '2faa58e4ca2804d3', '350f03dffc40200d', '407078ed5684104d', '41059747277398c2', '4187ae74d592b2aa', '4268a9e1b0d241ef', '42b4164c6573f6c8', '4c720916b3a83541', '4e70c16414f2375e', '4ed1c0f8eee685fb', '51355cecccbcd1a8', '52d6141c1e5c51e6', '57c6368a270fe1f8', '5b4745ca5fd66eb7', '5be08061fcabe22b', '5dd0350d9aca32b9', '5eb54a7cd388012f', '5fecdf68fde4479d', '67307a3880487d47', '684d5e21c7ddd95a', '6e71e362e75f9902', '7216fc14611f0a24', '729d2b562f931ec6', '7332876c55ac4693', '795316385327cc01', '7972da46121bffc2', '7a59418120f3c91a', '7b50eb42cd1386d2', '7cd768ae60d02ebb', '833422c18be5a630', '859ac30b35e99fc0', '8b7a0567c447a8bd', '941b7a89b88e9f93', '953adf6f32227150', '966b838b754e2fdf', '970cf610825310df', '972f5d2a0fae4ef7', '98075d3a05481729', '9a098c29868b1115', '9c5b0561babac9b9', '9d4c0da98ca24321', 'a0e7e642c836d938', 'a18e00a8c5627276', 'a480f223fa295f39', 'a6956ef8c5235061', 'aea64c1738c01869', 'b1feecae59827c87', 'b65eefdb2df4c253', 'b723088286e314b0', 'be592b604a66aba9', 'cbe7ae1119409ec9', 'cef9376e2c1e2381', 'd18053315b59a13a', 'daded6b49a7cf4c8', 'ddeb4a31a005842e', 'e2467ee38efb3e9f', 'e317b8e881fcd549', 'e5d8af1bbc2b6214', 'e76d4fcd630b5c18', 'e869484805715701', 'ec0b9fadfe2cfdf7', 'ecbe9b9898b6d83c', 'f100cec192f99d0d', 'f5739591081cb10e', 'fa3c2684f6437e2a']
NAME_HASHES = ['010a4e39b015b568', '0411abe14a7d434d', '047364b9be67f665', '05463a65538fc1e7', '08cc054af3d67f8e', '0baf38f5da148c7a', '0fec4825520ca2cb', '122670c441616660', '12c165c23b28949e', '12f06bc93647b0ab', '13ed070478ef62c3', '1460336e6012086a', '16f45b99abfda636', '17812244dbc866bf', '192459481bbd62cc', '19818c00e27a5381', '1ae54710fcb02e9a', '1fbc6028ec7b32a3', '22ffba7a86ea9919', '23721b788d082553', '25064b5df7121a2e', '25a89501122fbd33', '26b886760cb05025', '26bd96edfd9b6fcc', '2752a12ac2c4ce20', '276cc4711fb44f39', '2b6ff344df882792', '2b9b35be64cdbf4d', '2bc204093280be71', '2bc80c6a6da7a13a', '310f16baaf2dd11b', '317d710efc13fed0', '345a10afdc32e5bd', '34a533dfd7273a9b', '36aa04f4333ebc94', '372957f072dff8ae', '39d9976b5cbddd33', '3a7bd3e2360a3d29', '3a86812d65b8ac9b', '3b42e75d31f0da98', '3bb0be850a8c5927', '3e0085df7751c385', '3ee49785593999ce', '3f5468f5632382dd', '41ebae65790383b7', '486e6b40638ca8ca', '4ac6b1d4ae2027e9', '4bf094649bc2dca0', '4dc8a426e1d01e87', '4f6f75afe297491f', '51b0f2d4483ce0c8', '52bd973e68cbc917', '5493694a6e340e01', '56bbfad7e8e1b86b', '5725fe1dbbb230d3', '573ef7a1380afff0', '57d66ffdddd48105', '587d392b6c7680ec', '5dd95c98aff2e783', '602258c554baf2d0', '609fa99430b66f5f', '60b65a790ce6bd51', '621d3c24a8f0f823', '62a01a22a2c1cd10', '64fe82712b60abb8', '67071a42c0cc2d4d', '67627795bbc4b614', '6794db16c7611729', '68643a3ddd173eec', '6919ef3b7ee71565', '6c3eee3999114517', '6c8eb08c837f160c', '6dd4a33a44b9b1fa', '71d7da66f75114b9', '72b16922a3bcc01f', '72dbcce2f2df5838', '732606e12c9da102', '758b55a7635967ba', '787726ef2162f30a', '7a026ceef6f3908b', '7a08980aa6c5870f', '7ae9124bce808847', '7debfc6deb483031', '8128aa9710e45fcb', '8192ccdff1a650ff', '81b73d52aad380b9', '8274dc8028fd6d6e', '82eaf348d48ce5d4', '834828a1d86d47c8', '84f80e31e5753a71', '858b8cace4adc453', '863231f77ac47a74', '866044ba0bca6277', '873fc42a5952181e', '8752585bd403096c', '87fb4fe50c1b293a', '8acc7f2879617dbd', '8d2a6a7c54c75353', '8d4321d936320802', '8dbb1fe7268af062', '8e3f5e915594cdb4', '8e60faf25c560ad7', '904c5d5c6e023210', '90b85891ef2e9559', '915d7a57d0e8da54', '91c379360198007a', '943c3eeb252dbd17', '952cb748748ecca5', '9a6719feb2bd39db', '9c15bdc49e689497', '9c8ae69b84f21a2e', '9cbc08b6a9f0670a', '9d7054cdf9da4e4f', '9ee9cc81e21b88e9', 'a18fff3b56478c14', 'a2cc8e539c0752c0', 'a4bd1d3a69aa0ea6', 'a513bdd290dbcac4', 'a7c0e2de6457cf22', 'a869927e16b3b036', 'ac1a1c7143cb2199', 'ac6b7a67cbfdb518', 'acd25f7213847179', 'b02adb229edb8c36', 'b21492b15d85500e', 'b55ac8822fb0ce94', 'b6ca096004446db3', 'b7c03e34b89e841a', 'b8d5b2f60a6ce0fc', 'baffdf37aa5d3961', 'be13961a0ab037c4', 'bf4a468ec00ba2b3', 'bfd3345f5c6b4d0f', 'c16d3856c73bd346', 'c18dc58fd72261ba', 'c41f35ab718b70b3', 'c4f89db729da585f', 'c530e9df6f9a4ef5', 'c7fe18220357cc6d', 'c9023b3e34ddfbd6', 'ce409c401c60f34c', 'cf56064727c5dac5', 'd022329bd86a85b6', 'd271d50b5c2affae', 'd42035d88d04e7fa', 'd4ef0c1431e0c1d3', 'd566c89cffed1770', 'd5ec8dbc750cc76b', 'd6cb281266a263a8', 'd6db21ddecbbd0ee', 'd9a1a215d6c09b86', 'dcfa08fcfbede7dc', 'e1e0eebb5f3b48b3', 'e2ade56f4a5dc45d', 'e304048e5740870b', 'e333c47e4b5ce74c', 'e363f44dce5eac60', 'e364b6e10fb065c1', 'e43a6ffce19310f0', 'e5787957bacf9837', 'e6fd68ce9d22187e', 'e749a5bb66ed7ad1', 'ea18997d618835ee', 'ec0d21e4d7b1e9f2', 'ec31da930e27cc74', 'f2397a7bed29e2db', 'f24881a2a5f4317b', 'f256ebac6ba3c1da', 'f35ffa0f03a1ba9e', 'f36e9f2d32d713d8', 'f52fb9d064ca0b7a', 'f742d0e65af7e24e', 'fa0d79033b24b26f', 'fb73478a8028d4f8', 'fb9ac8c2dd0b6044', 'fbe96c8edfbfe0d9', 'fbea9ef0dc1329eb', 'fedb24c98f783a5d', 'ff6b1c44fb9488ad', 'ff9f0b4c4462861b']

# Common English words a lowercase question may contain that collide with a ticker.
QUESTION_WORD_ALLOW = {"ALL", "NOW", "KEY", "COST", "FAST", "FUN", "GOLF", "RUN", "ON", "CAT", "DIS", "MAN",
                       "HUM", "TOY", "WELL", "SAFE", "LAZY", "CAR", "EL", "SE", "SAM", "NU", "LI", "MO", "V", "F",
                       "T", "C", "D", "A", "MA", "GE", "DE", "KO", "HD", "MU", "WM", "WY", "LOW", "BIG", "HAS"}


def h(s):
    return hashlib.sha256(s.encode()).hexdigest()[:16]


TICKER_SET, WORD_SET, NAME_SET = set(TICKER_HASHES), set(WORD_HASHES), set(NAME_HASHES)


def excluded_hits(text, where, is_question=False):
    toks = [t.rstrip(".-'") for t in re.findall(r"[A-Za-z0-9][A-Za-z0-9.\-&']*", text)]
    for t in toks:
        if not t:
            continue
        if h(t) in TICKER_SET:
            bad("%s: excluded ticker token %r" % (where, t))
        if is_question and t.upper() not in QUESTION_WORD_ALLOW and h(t.upper()) in TICKER_SET:
            bad("%s: excluded ticker (typed lowercase) %r" % (where, t))
        if h(t.lower()) in WORD_SET:
            bad("%s: excluded invented-company word %r" % (where, t))
    words = re.findall(r"[a-z0-9][a-z0-9.\-']*|&", text.lower())
    words = [w.rstrip(".-") for w in words]
    for n in range(1, 5):
        for i in range(len(words) - n + 1):
            g = " ".join(words[i:i + n])
            if h(g) in NAME_SET:
                bad("%s: excluded company name %r" % (where, g))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def sentences(text):
    out = []
    for line in text.split("\n"):
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"\u201c\u2018(\u00a3\u20ac$])", line) if s.strip())
    return out


def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        with open(os.path.join(NOTES_DIR, fn), encoding="utf-8", newline="") as f:
            notes[fn] = f.read()
    return notes


def parse_short(fn, text):
    """Return dict(date, news, analysis, tagline, label, score, tickers) or None."""
    if text.endswith("\n"):
        bad("%s: trailing newline" % fn)
    lines = text.split("\n")
    head = None
    if lines[0] == "":
        head, lines = "blank", lines[1:]
    elif lines[0].startswith("Date:"):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            bad("%s: bad Date line" % fn)
        head, lines = "date", lines[1:]
    if len(lines) < 8:
        bad("%s: too few lines" % fn)
        return None
    news, analysis, tagline, demo, label, ss, score, ts = lines[:8]
    tick_lines = lines[8:]
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        bad("%s: demo/sentiment line wrong: %r" % (fn, demo))
    if label not in LABELS:
        bad("%s: unknown label %r" % (fn, label))
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        bad("%s: sentiment block headers wrong" % fn)
    try:
        score_f = float(score)
    except ValueError:
        bad("%s: score not a number" % fn)
        score_f = 0.0
    if label in LABELS and not label_ok(label, score_f):
        bad("%s: label %s does not fit score %s" % (fn, label, score))
    tickers = {}
    for tl in tick_lines:
        m = re.fullmatch(r"([A-Z][A-Z.]*) (-?\d\.\d\d)", tl)
        if not m:
            bad("%s: bad ticker line %r" % (fn, tl))
            continue
        tickers[m.group(1)] = float(m.group(2))
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        bad("%s: news paragraph has %d sentences" % (fn, n_sent))
    if not re.search(r"\d", news):
        bad("%s: news has no figures" % fn)
    n_words = len(analysis.split())
    if not 150 <= n_words <= 300:
        bad("%s: analytic paragraph has %d words" % (fn, n_words))
    if "Request" in tagline or len(tagline.split()) > 16:
        bad("%s: tagline looks wrong" % fn)
    return {"head": head, "demo": demo, "news": news, "analysis": analysis, "tagline": tagline, "label": label,
            "score": score_f, "tickers": tickers}


def parse_long(fn, text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        bad("%s: no YAML front matter" % fn)
        return None
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip()
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            bad("%s: front matter lacks %s" % (fn, k))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        bad("%s: bad date" % fn)
    body = text[m.end():]
    n_words = len(body.split())
    if not 800 <= n_words <= 1500:
        bad("%s: body has %d words" % (fn, n_words))
    if "Overall Sentiment" in text or "Sentiment Score" in text:
        bad("%s: long note has a sentiment block" % fn)
    if not re.search(r"^#+ ", body, re.M):
        bad("%s: no headings" % fn)
    if not re.search(r"^\|.*FY20\d\d.*\|.*FY20\d\d.*\|", body, re.M):
        bad("%s: no table with fiscal-year columns" % fn)
    paras = [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "|"))]
    named = [p for p in paras if fm.get("company", "").split(",")[0].split(" ")[0] in p]
    if len(named) * 2 > len(paras):
        bad("%s: most paragraphs name the company" % fn)
    if not re.search(r"\b(we|our|the Company)\b", body):
        bad("%s: no 'we'/'the Company' prose" % fn)
    return fm


# ---------------------------------------------------------------------------
def main():
    notes = load_notes()
    short = {fn: t for fn, t in notes.items() if fn.endswith(".txt")}
    long_ = {fn: t for fn, t in notes.items() if fn.endswith(".md")}
    if set(notes) != set(short) | set(long_):
        bad("notes/ holds files that are neither .txt nor .md")
    if not 20 <= len(short) <= 24:
        bad("expected ~22 short notes, got %d" % len(short))
    if len(long_) != 4:
        bad("expected 4 long notes, got %d" % len(long_))

    parsed = {fn: parse_short(fn, t) for fn, t in short.items()}
    parsed = {k: v for k, v in parsed.items() if v}
    fms = {fn: parse_long(fn, t) for fn, t in long_.items()}

    # --- short-note variety
    heads = Counter(p["head"] for p in parsed.values())
    if not 8 <= heads["date"] <= 14:
        bad("about half the short notes should have a Date line: %s" % heads)
    if heads["blank"] < 2:
        bad("some short notes should start with a blank line")
    with_ticks = sum(1 for p in parsed.values() if p["tickers"])
    if not 8 <= with_ticks <= 14:
        bad("about half the short notes should add ticker lines, got %d" % with_ticks)
    if len({p["tagline"] for p in parsed.values()}) < 8:
        bad("taglines are not varied enough")
    demos = Counter(p["demo"] for p in parsed.values())
    if len(demos) != 2:
        bad("use both 'Request a Demo' and 'Request Demo': %s" % demos)
    if sum(1 for t in short.values() if "\u2019" in t) < 4:
        bad("some short notes should use curly apostrophes")

    # --- companies
    about = defaultdict(set)   # ticker -> short notes about it
    for fn, p in parsed.items():
        for tk, (name, _) in COMPANIES.items():
            if name in p["news"]:
                about[tk].add(fn)
        for tk in p["tickers"]:
            if tk not in COMPANIES or not COMPANIES[tk][1]:
                bad("%s: ticker line %s is not a covered real company" % (fn, tk))
            elif fn not in about[tk]:
                bad("%s: ticker line %s but news does not name the company" % (fn, tk))
    for tk in COMPANIES:
        if not about[tk]:
            bad("no short note about %s" % tk)
    multi = [fn for fn in parsed if sum(fn in s for s in about.values()) == 2]
    if len(multi) != 2:
        bad("expected 2 short notes about two covered companies, got %s" % multi)
    if sum(1 for tk in COMPANIES if COMPANIES[tk][1]) != 7 or len(INVENTED) != 2:
        bad("expected 7 real + 2 invented companies")
    for tk, name in INVENTED.items():
        tag = "%s (%s)" % (name, tk)
        for fn in about[tk]:
            if tag not in notes[fn]:
                bad("%s: invented company not tied to ticker by text %r" % (fn, tag))
    long_cos = Counter(fm["ticker"] for fm in fms.values() if fm)
    if len(long_cos) != 3 or sum(1 for tk in long_cos if tk in INVENTED) != 1:
        bad("long notes should cover 2 real companies and 1 invented one: %s" % long_cos)

    all_sents = {fn: sentences(t) for fn, t in notes.items()}
    for tk, pat in PASSING.items():
        hits = [(fn, s) for fn, ss in all_sents.items() for s in ss if re.search(pat, s)]
        if len(hits) != 1:
            bad("passing company %s should appear in exactly one sentence, got %d" % (tk, len(hits)))
        if any(re.search(r"(?m)^%s -?\d" % re.escape(tk), t) for t in notes.values()):
            bad("passing company %s has a ticker line" % tk)

    # --- exclusions
    for fn, t in notes.items():
        excluded_hits(t, fn)

    # --- questions
    qs = []
    with open(QA_PATH, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                bad("qa.jsonl line %d: %s" % (i, e))
    ids = [q.get("id") for q in qs]
    if ids != ["q%03d" % i for i in range(1, len(qs) + 1)]:
        bad("ids are not q001.. in order")
    by_id = {q["id"]: q for q in qs}
    req = ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind")
    kinds_ok = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
    for q in qs:
        qid = q.get("id")
        for k in req:
            if k not in q:
                bad("%s: missing field %s" % (qid, k))
        if q.get("kind") not in kinds_ok:
            bad("%s: unknown kind %r" % (qid, q.get("kind")))
        excluded_hits(q["question"], qid, is_question=True)
        if q["question"] != q["question"].lower():
            bad("%s: question should be lowercase" % qid)
        for g in q["gold_notes"]:
            if g not in notes:
                bad("%s: gold note %s missing" % (qid, g))
        gold_text = " ".join(notes.get(g, "") for g in q["gold_notes"]).lower()
        for kw in q["answer_keywords"]:
            if not any(kw.lower() in notes.get(g, "").lower() for g in q["gold_notes"]):
                bad("%s: keyword %r not in any gold note" % (qid, kw))
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                bad("%s: no_answer with gold/keywords" % qid)
        elif not q["gold_notes"] or not q["answer_keywords"]:
            bad("%s: answerable question without gold/keywords" % qid)
        if q.get("ticker") and q["kind"] != "no_answer" and q["ticker"] not in COMPANIES:
            bad("%s: ticker %s is not covered" % (qid, q["ticker"]))

    plain = [q for q in qs if not q.get("typo") and not q.get("unknown_company")]
    counts = Counter(q["kind"] for q in plain)
    want = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3, "sentiment": 3}
    for k, n in want.items():
        if counts[k] != n:
            bad("expected %d %s questions (without typo/unknown_company), got %d" % (n, k, counts[k]))
    na = [q for q in qs if q["kind"] == "no_answer"]
    if len(na) != 24:
        bad("expected 24 no_answer, got %d" % len(na))
    nm = Counter(q.get("near_miss") for q in na if q.get("near_miss"))
    for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
        if nm[k] != 4:
            bad("expected 4 %s near misses, got %d" % (k, nm[k]))
    if sum(nm.values()) != 20:
        bad("expected 20 near misses")
    long_fact = [q for q in plain if q["kind"] == "factual" and all(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_fact) != 4:
        bad("expected 4 factual questions from long notes, got %d" % len(long_fact))

    typos = [q for q in qs if q.get("typo")]
    if len(typos) != 2:
        bad("expected 2 typo questions")
    for q in typos:
        name = COMPANIES[q["ticker"]][0].split()[0].lower()
        if name in q["question"] or q["kind"] != "factual" or not COMPANIES[q["ticker"]][1]:
            bad("%s: typo question should misspell a real company's name" % q["id"])

    unk = [q for q in qs if q.get("unknown_company")]
    if len(unk) < 7 or sum(1 for q in unk if q["kind"] == "no_answer") != 2:
        bad("need >=7 unknown_company questions, 2 of them unanswerable")
    for q in unk:
        if q["ticker"] not in INVENTED or q["kind"] not in ("factual", "risk", "sentiment", "no_answer"):
            bad("%s: unknown_company question must be factual/risk/sentiment about an invented company" % q["id"])

    for q in qs:
        qid = q["id"]
        if q["kind"] == "comparison":
            if q["ticker"] is not None:
                bad("%s: comparison ticker must be null" % qid)
            cos = {tk for tk in COMPANIES for g in q["gold_notes"] if g in about[tk]}
            if len(cos) != 2:
                bad("%s: comparison gold should cover exactly two companies, got %s" % (qid, cos))
        if q["kind"] == "follow_up":
            prev = by_id.get(q.get("follows"))
            if not prev or int(q["follows"][1:]) >= int(qid[1:]):
                bad("%s: follows must name an earlier question" % qid)
            elif prev["ticker"] != q["ticker"] or not set(q["gold_notes"]) <= set(prev["gold_notes"]):
                bad("%s: follow-up should stay on the previous question's company and notes" % qid)
            if len(q["question"].split()) > 6:
                bad("%s: follow-up should be a short ellipsis" % qid)
        elif "follows" in q:
            bad("%s: only follow_up questions have 'follows'" % qid)
        if q["kind"] == "sentiment":
            want_gold = about[q["ticker"]]
            if set(q["gold_notes"]) != want_gold:
                bad("%s: sentiment gold should be every short note on %s: %s" % (qid, q["ticker"], sorted(want_gold)))
            labels = {parsed[g]["label"] for g in want_gold}
            if set(q["answer_keywords"]) != labels:
                bad("%s: sentiment keywords should be the labels %s" % (qid, labels))
        if q["kind"] == "general":
            pat = THEMES.get(qid)
            if not pat:
                bad("%s: no theme regex" % qid)
                continue
            hit = {fn for fn, t in notes.items() if re.search(pat, t)}
            if hit != set(q["gold_notes"]):
                bad("%s: theme notes %s != gold %s" % (qid, sorted(hit), sorted(q["gold_notes"])))
            if len({tk for tk in COMPANIES for g in hit if g in about[tk] or (fms.get(g) or {}).get("ticker") == tk}) < 3:
                bad("%s: theme should span at least 3 companies" % qid)

    # --- unanswerable questions
    na_ids = {q["id"] for q in na}
    if set(NO_ANSWER) != na_ids:
        bad("NO_ANSWER records %s != no_answer questions %s" % (sorted(set(NO_ANSWER) ^ na_ids), ""))
    for qid, rec in NO_ANSWER.items():
        q = by_id.get(qid)
        if not q:
            continue
        if ("note" in rec) != bool(q.get("near_miss")):
            bad("%s: near-miss record and question disagree" % qid)
        if "note" in rec:
            if rec["nearby"] not in notes.get(rec["note"], ""):
                bad("%s: nearby text not verbatim in %s" % (qid, rec["note"]))
        for pat in rec["absent"]:
            rx = re.compile(pat)
            for fn, ss in all_sents.items():
                for s in ss:
                    if rx.search(s):
                        bad("%s: asked fact /%s/ matches %s: %r" % (qid, pat, fn, s[:120]))
    for q in na:
        if q.get("near_miss") == "passing_company":
            if q["ticker"] not in PASSING:
                bad("%s: passing-company question about %s" % (q["id"], q["ticker"]))
    for tk, pat in NO_NOTES.items():
        if tk in COMPANIES or not any(q["ticker"] == tk for q in na):
            bad("no-notes company %s misconfigured" % tk)

    if PROBLEMS:
        for p in PROBLEMS:
            print("FAIL:", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
