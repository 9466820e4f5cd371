"""Writes notes/ and mtimes.json for the blind sentiment/time set (run once; python3)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FOOT = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.\n"


def label(score):
    s = float(score)
    if s <= -0.6:
        return "strongly negative"
    if s <= -0.3:
        return "negative"
    if s < -0.05:
        return "mildly negative"
    if s <= 0.05:
        return "neutral"
    if s <= 0.3:
        return "mildly positive"
    if s <= 0.6:
        return "positive"
    return "strongly positive"


# (file, date_line or None, mtime, overall, [(ticker, score)], news, analysis, lead_blank, demo)
NOTES = [
    # ---------------- NVIDIA ----------------
    ("2025-04-16-nvda-h20-export-charge.txt", None, "2025-04-22", "-0.46", [("NVDA", "-0.51"), ("AMD", "-0.38")],
     "NVIDIA disclosed that the U.S. government now requires a license to ship its H20 accelerator to China, and said it will book a charge of about $5.5 billion for H20 inventory, purchase commitments and related reserves in the current quarter. AMD said in a separate filing that the same rule covers its MI308 parts and that it expects charges of up to $800 million. NVIDIA shares fell 6.9% and AMD shares dropped 7.4% in the session after the disclosures.",
     "The charge itself is a one-off, but the signal is that China, roughly 13% of NVIDIA's trailing revenue, is now a policy variable rather than a demand variable. The second-order effect is a gift to domestic Chinese accelerator designers, who get a protected market just as their software stacks mature, and a permanent haircut to the addressable market investors were capitalising. AMD's exposure is smaller in dollars but larger relative to its data-center ramp, so the hit to its MI300-series narrative is proportionally worse. Watch whether hyperscalers outside China absorb the freed supply quickly; if they do, the revenue gap closes within two quarters, if not, gross margin takes the strain.",
     False, "Request a Demo"),
    ("nvda-fq2-datacenter.txt", None, "2025-08-30", "0.31", [("NVDA", "0.34")],
     "On August 27, 2025, NVIDIA reported results for its fiscal Q2 2026, the quarter that ended in late July. Revenue rose 56% from a year earlier to $46.7 billion, of which data center contributed $41.1 billion, and GAAP gross margin was 72.4%. The company guided fiscal Q3 revenue to $54.0 billion, plus or minus 2%, and approved an additional $60 billion share repurchase authorization. Shares slipped about 3% after hours because data-center revenue was slightly below the most optimistic estimates.",
     "The print was strong but no longer surprising, which is the real issue for positioning: the stock now needs upside to the guide, not just a beat. Blackwell is carrying the mix and networking grew faster than compute, which suggests customers are building full clusters rather than topping up existing fleets. The buyback is a tell that management sees cash generation outrunning reinvestment needs. The main risk is concentration, with a handful of cloud customers accounting for about half of data-center sales, so any capex pause at one of them would show up as a guide cut rather than a gradual slowdown.",
     True, "Request Demo"),
    ("nvda-cowos-capacity-deal.txt", "2026-01-08", "2026-01-12", "0.35", [("NVDA", "0.28"), ("TSM", "0.44")],
     "NVIDIA and TSMC announced a multi-year agreement that reserves more than 60% of TSMC's advanced CoWoS packaging capacity for NVIDIA through 2027. TSMC said it will raise CoWoS output to roughly 130,000 wafers per month by the end of the year, up from about 75,000, and will invest an additional $9 billion in packaging plants in Taiwan and Arizona. NVIDIA agreed to prepay about $4.2 billion, which it will record as a long-term supply asset.",
     "The deal removes the single largest bottleneck on NVIDIA's supply for the next two years, but it does so by shifting pricing power to TSMC, which is why we see the foundry as the cleaner beneficiary. A prepayment of this size also ties up cash at a time when NVIDIA is guiding to heavier inventory builds, and it locks the company into volumes that assume demand stays at current levels. For TSMC, guaranteed utilisation on its highest-margin packaging lines supports gross margin above 58% even if smartphone demand stays soft. Competing accelerator vendors are the losers: with most CoWoS capacity spoken for, their ramp schedules slip.",
     False, "Request a Demo"),
    ("nvda-fq1-2027-results.txt", "2026-05-28", "2026-06-03", "0.57", [("NVDA", "0.61")],
     "NVIDIA reported fiscal Q1 2027 results for the quarter that ended in late April. Revenue grew 53% year on year to $71.2 billion, data center revenue reached $63.9 billion and gross margin expanded to 74.1%. Management guided the next quarter to $80.0 billion, about $4 billion above consensus, and said Rubin systems began shipping to two cloud customers ahead of schedule. The stock rose 8% in extended trading.",
     "This is the quarter that answers the digestion debate: the guide implies sequential growth of roughly 12% with Rubin only beginning to contribute, so the product transition is adding rather than subtracting revenue. Margin expansion during a ramp is unusual and points to pricing power in rack-scale systems that competitors cannot yet match. The risk has moved from demand to power and data-center construction timelines at customers, which NVIDIA does not control. We expect estimate revisions of 10-15% for the next fiscal year, which makes the multiple look lower than the headline move suggests.",
     False, "Request a Demo"),
    ("nvda-hyperscaler-capex-slowdown.txt", None, "2026-10-02", "-0.33", [("NVDA", "-0.36"), ("MSFT", "-0.12")],
     "On September 29, 2026, Microsoft told investors at a technology conference that it would slow the pace of new data-center construction in fiscal 2027 and hold AI capital spending at about $88 billion, roughly flat with the prior year, instead of the 20% increase many analysts had modelled. Microsoft said it had paused two large campuses in the U.S. Midwest. NVIDIA shares fell 5.8% on the news while Microsoft shares slipped 1.1%.",
     "Flat spending from the largest single buyer of accelerators removes the easiest source of upside to NVIDIA's next-year numbers, and the remark about paused campuses suggests power and utilisation, not budget, are the constraint. If other hyperscalers follow, the order book shifts toward sovereign and enterprise buyers who pay less reliably and buy in lumpier batches. Microsoft itself gets a modest free-cash-flow benefit but loses some of the AI growth premium. The key watch item is whether the next two hyperscaler earnings calls reaffirm budgets; two reaffirmations would make this an isolated reset rather than the start of a cycle turn.",
     False, "Request Demo"),
    ("20261020_nvda_antitrust_probe.txt", None, "2026-10-26", "-0.24", [("NVDA", "-0.28")],
     "The European Commission opened a formal antitrust investigation into whether NVIDIA ties sales of its accelerators to its networking products and CUDA software licences. The Commission can fine companies up to 10% of global annual turnover, which for NVIDIA would be more than $25 billion in a worst case. NVIDIA said it would cooperate and that customers are free to mix vendors. The shares fell 2.6%.",
     "Fines of the maximum size are rare, and EU cases of this kind usually take two to three years, so the direct financial risk is modest and distant. The more relevant risk is remedies: any requirement to unbundle networking or price it separately would hit the part of the business growing fastest and erode the system-level margin premium. The probe also gives large customers leverage in pricing talks right now. We treat this as an overhang that caps the multiple rather than a thesis breaker, but it adds to the cluster of negatives that has built up this autumn.",
     True, "Request a Demo"),
    # ---------------- Tesla ----------------
    ("tsla-q4-2024-deliveries-miss.txt", None, "2025-02-03", "-0.18", [("TSLA", "-0.21")],
     "On January 29, 2025, Tesla reported Q4 2024 results with revenue of $25.7 billion, up 2% year on year, below the $27.2 billion analysts expected. Automotive gross margin excluding regulatory credits fell to 13.6% and adjusted EPS came in at $0.73 against a consensus of $0.76. The company did not give a numeric delivery growth target for the year and repeated that cheaper models would start production in the first half.",
     "A miss on both revenue and margin with no volume guide leaves the auto business without a near-term anchor, and price cuts are doing more work than mix. The equity story has shifted almost entirely to autonomy and robotics, which makes the quarterly numbers matter less to holders but also means there is no earnings floor if those projects slip. Energy storage, with record deployments, was the one clean positive and is now large enough to cushion margins. We would want to see the lower-priced models actually ship before underwriting a volume recovery.",
     False, "Request a Demo"),
    ("2025-06-23-tsla-robotaxi-austin.txt", None, "2025-06-27", "0.27", [("TSLA", "0.33")],
     "Tesla started a paid robotaxi service in Austin, Texas, with about 10 Model Y vehicles carrying invited riders for a flat fare of $4.20 per trip, with a safety monitor in the passenger seat. The service covers a geofenced area of roughly 30 square miles. Shares rose 8.2% on the first trading day after the launch.",
     "The launch is small and supervised, so it proves far less than the share move implies, but it moves the autonomy story from demos to a commercial operation with real riders and real incident data. The cost structure is the interesting part: camera-only vehicles built on an existing production line would have a far lower per-car cost than rivals' sensor-heavy fleets if safety monitors can be removed. Regulators will watch incident reports closely, and one serious accident would set the program back by quarters. The scaling milestones that matter are fleet size above 1,000 and removal of the in-car monitor.",
     False, "Request Demo"),
    ("tsla-q4-2025-results.txt", "2026-01-29", "2026-02-02", "-0.29", [("TSLA", "-0.32")],
     "Tesla reported Q4 2025 results with revenue of $24.9 billion, down 3% from a year earlier, and automotive gross margin excluding credits of 15.2%. GAAP operating margin fell to 4.9% and adjusted EPS was $0.50, below the $0.55 consensus. The company said capital expenditure would exceed $11 billion in 2026 as it builds Cybercab and Optimus lines, and free cash flow for the quarter dropped to $0.8 billion.",
     "The margin stabilised, but higher capex against shrinking revenue means free cash flow will likely be negative for parts of 2026, which changes the balance-sheet debate for the first time in years. Management is asking investors to fund two new product categories with the cash from a core auto business that is not growing. The timing risk is significant: if Cybercab volume slips into 2027, the spending arrives long before the revenue. We see the results as a modest negative for the shares, with autonomy milestones remaining the only real driver.",
     False, "Request a Demo"),
    ("20260414_tsla_cybercab_production.txt", None, "2026-04-17", "0.44", [("TSLA", "0.47"), ("UBER", "-0.22"), ("LYFT", "-0.29")],
     "Tesla began series production of its two-seat Cybercab at Giga Texas and said the line is designed to reach 1,200 vehicles per week by the end of the year at a target unit cost below $30,000. The company also said its robotaxi service now runs in five U.S. metro areas with about 1,800 vehicles, and that unsupervised rides account for 40% of trips. Uber shares fell 4.1% and Lyft fell 6.3% on the announcement.",
     "Production at this cost point, if it holds, would let Tesla run a ride-hailing fleet with per-mile costs well below a human-driven car, which is the core threat to the ride-hailing aggregators. Uber has partnerships with several autonomy providers and can survive as a demand layer, but its take rate is exposed if the lowest-cost supply runs on a closed network. Lyft has fewer partners and less balance-sheet room, so it screens as the most vulnerable. For Tesla, the remaining question is utilisation: a cheap car that sits idle is still an expensive asset.",
     True, "Request a Demo"),
    ("2026-07-23-tsla-q2-2026-results.txt", None, "2026-07-28", "-0.41", [("TSLA", "-0.44")],
     "Tesla's Q2 2026 results showed revenue of $24.1 billion, down 4% year on year, and GAAP operating margin of 4.1%, the lowest in six years. Energy storage deployments reached a record 14.9 GWh, but automotive revenue fell 11% as vehicle deliveries dropped to about 372,000. Free cash flow was negative $1.3 billion as capital spending on the Cybercab and Optimus lines rose to $3.4 billion in the quarter.",
     "Negative free cash flow confirms the concern raised after the Q4 2025 print, and the delivery decline shows that the refreshed lineup has not stopped share losses in Europe and China. Energy is now carrying the profit line, which is healthy for the business but not what the valuation is built on. The autonomy ramp is real but still too small to offset a shrinking auto base, and the company has started to draw on its cash pile. Until robotaxi revenue is reported separately, investors have to take the unit economics on trust.",
     False, "Request Demo"),
    ("tsla-model-y-recall.txt", None, "2026-10-09", "-0.52", [("TSLA", "-0.55")],
     "On October 6, 2026, Tesla recalled about 412,000 Model Y vehicles built between 2025 and 2026 in the U.S. after regulators found that a rear seat-belt anchor could detach in a crash. Unlike earlier software recalls, the fix requires a physical repair at service centers, which Tesla estimated would cost about $680 million. NHTSA also opened a separate review of 23 crashes involving the robotaxi fleet. Shares fell 7.5%.",
     "A hardware recall on the best-selling vehicle is a different category of problem from the over-the-air fixes investors are used to shrugging off, because it ties up service capacity for months and hits both cost and brand. The concurrent NHTSA review of robotaxi crashes is the bigger risk, since it lands exactly on the part of the story that supports the valuation. Together they raise the chance of slower approvals for unsupervised operation in new states. We see near-term downside until the review scope is clear.",
     True, "Request a Demo"),
    ("tsla-optimus-pilot-order.txt", "2026-11-18", "2026-11-23", "0.14", [("TSLA", "0.17")],
     "Tesla signed its first external order for Optimus humanoid robots with Harlan Freight, a U.S. logistics operator, for 500 units to be delivered over 2027 at an undisclosed price. Tesla said more than 2,000 Optimus units now work inside its own factories and that a second production line will raise capacity to 10,000 units a year. Shares rose 2.9%.",
     "A 500-unit order is tiny in revenue terms, probably well under $100 million, but it is the first evidence that a paying customer outside Tesla will deploy the robot. The announcement does not reverse the weak auto numbers or the safety questions raised by the recent recall, which is why we rate it only mildly positive. What matters is the reliability data from the customer's warehouses during 2027; if uptime is close to human shifts, order sizes could scale quickly. Until then, Optimus remains an option rather than a cash flow.",
     False, "Request Demo"),
    # ---------------- Boeing ----------------
    ("20250305_ba_737_production_cap.txt", None, "2025-03-11", "-0.35", [("BA", "-0.38")],
     "The FAA told Boeing it will keep the 737 MAX production cap at 38 aircraft per month for at least another six months, citing open findings from its quality audit of the Renton factory. Boeing had hoped to reach 42 per month by mid-year. The company also said first-quarter free cash flow would be an outflow of about $3.5 billion. Shares fell 4.8%.",
     "The cap extension delays the single most important driver of Boeing's cash recovery, since each additional 737 per month is worth roughly $1 billion of annual revenue. Suppliers such as fuselage makers also lose the volume they need to fix their own finances, which keeps the whole chain fragile. Airlines will keep extending leases on older aircraft, supporting Airbus order books. We see the audit findings as fixable, but the timeline is now set by the regulator, not by Boeing.",
     False, "Request a Demo"),
    ("ba-q3-2025-777x-charge.txt", None, "2025-11-03", "-0.22", [("BA", "-0.25")],
     "On October 29, 2025, Boeing reported Q3 2025 results that included a $4.9 billion pre-tax charge after it pushed first delivery of the 777X into 2027. Revenue rose 30% year on year to $23.3 billion and free cash flow turned positive at $238 million for the first time since 2023. The 737 program delivered 121 aircraft in the quarter. Shares fell 4.4%.",
     "Operationally the quarter was the best in years, with positive cash flow and deliveries finally tracking plan, but the 777X charge is a reminder that the program backlog carries large hidden costs. Another year of delay pushes the widebody cash inflection out and raises the risk that customers reopen contract terms. The positive cash flow print matters more for the credit rating than for the equity in the near term. We stay cautious until the 777X certification flight test campaign has a firm end date.",
     False, "Request Demo"),
    ("ba-turkish-787-order.txt", "2026-02-11", "2026-02-16", "0.46", [("BA", "0.49"), ("EADSY", "-0.14")],
     "Turkish Airlines placed a firm order for 75 Boeing 787 Dreamliners with options for 25 more, a deal worth about $22 billion at list prices, and chose Boeing over the Airbus A350 after a two-year competition. Boeing said the order lifts its widebody backlog to more than 1,000 aircraft. Deliveries will run from 2029 to 2034.",
     "Winning a competitive campaign against the A350 at a carrier that historically split its widebody purchases suggests Boeing's pricing and delivery slots are competitive again after two difficult years. The order adds visibility to 787 production rate increases toward 10 a month, which carry much better margins than the narrowbody line. For Airbus, one lost campaign is not material, but it punctures the narrative that its widebodies were sold out to Boeing's structural disadvantage. The remaining risk is supply-chain capacity for the 787, where seat and lavatory suppliers have been the bottleneck.",
     False, "Request a Demo"),
    ("ba-q2-2026-results.txt", "2026-07-29", "2026-08-04", "0.38", [("BA", "0.41")],
     "Boeing reported Q2 2026 results with revenue of $25.9 billion, up 13% year on year, and core EPS of $0.62, its first quarterly profit since 2023. Free cash flow was $1.1 billion and the company delivered 148 commercial aircraft, including 121 737s. Management reaffirmed a target of 47 737s per month by the end of 2026 and said the FAA had approved the move to 42 per month.",
     "A return to profit with positive cash flow turns Boeing from a restructuring story into a recovery story, and the FAA approval of a higher rate removes the largest regulatory overhang. The rate increase schedule is ambitious; if it holds, free cash flow could exceed $6 billion next year. Defense remains a drag with fixed-price contract losses, but the commercial side now dominates the outlook. We see the quarter as a clear positive, tempered by the execution risk of running a factory faster while quality audits continue.",
     False, "Request Demo"),
    ("2026-09-16-ba-machinists-strike.txt", None, "2026-09-21", "-0.31", [("BA", "-0.34")],
     "About 3,200 Boeing machinists at the company's St. Louis defense plants went on strike after rejecting a contract offer that included a 24% wage increase over five years. The plants build F-15EX fighters, T-7A trainers and MQ-25 drones. Boeing said it would use non-union staff to continue some work, and analysts estimate each month of strike costs about $100 million in lost defense revenue.",
     "The defense unit was already loss-making on fixed-price programs, so a prolonged stoppage adds cost to the weakest part of Boeing's portfolio just as the commercial recovery is gaining pace. The bigger concern is contagion: the Seattle machinists' contract comes up for negotiation within two years and this settlement will set expectations. Delivery delays on the T-7A and MQ-25 could also trigger penalties with the Pentagon. We see the strike as a negative that interrupts the positive momentum from the summer results.",
     False, "Request a Demo"),
    # ---------------- Pfizer ----------------
    ("pfe-q4-2024-cost-cuts.txt", "2025-02-04", "2025-02-07", "0.14", [("PFE", "0.17")],
     "Pfizer reported Q4 2024 results with revenue of $17.8 billion, up 22% year on year, and adjusted EPS of $0.63, above the $0.47 consensus. The company said its cost-realignment program would deliver $4.5 billion of net savings by the end of 2025 and reaffirmed 2025 revenue guidance of $61 billion to $64 billion. Paxlovid sales were $0.7 billion in the quarter.",
     "The beat came mostly from cost cuts and a favourable comparison, not from new products, so it buys management time rather than changing the growth outlook. Savings of this size protect the dividend while the company absorbs patent expiries later in the decade. The Seagen oncology portfolio is growing but still too small to replace the lost revenue. We see the print as mildly positive, with the stock's low multiple already reflecting the patent cliff.",
     False, "Request a Demo"),
    ("pfe-obesity-pill-halt.txt", None, "2025-06-12", "-0.42", [("PFE", "-0.45"), ("LLY", "0.21"), ("NVO", "0.09")],
     "On June 9, 2025, Pfizer discontinued development of danuglipron, its once-daily oral GLP-1 obesity pill, after a patient in a dose-optimisation study showed signs of liver injury. Pfizer had spent an estimated $1.2 billion on the program and said it had no other obesity candidate in late-stage trials. Eli Lilly, whose oral candidate orforglipron is in phase 3, rose 1.6%, while Novo Nordisk rose 0.7%.",
     "Pfizer's exit leaves it without a credible entry into the largest new drug market of the decade, and it will likely have to buy its way in at the high prices obesity assets now command. That raises the risk of a dilutive deal. Lilly is the clearest beneficiary because the oral segment loses a well-funded competitor, while Novo's benefit is smaller because its own pill strategy faces the same safety questions for the class. Investors should treat liver-safety signals as a class risk to monitor across all oral small-molecule GLP-1 programs.",
     True, "Request Demo"),
    ("2026-05-05-pfe-q1-2026-results.txt", None, "2026-05-08", "-0.08", [("PFE", "-0.11")],
     "Pfizer's Q1 2026 results showed revenue of $14.2 billion, down 3% year on year, as Paxlovid sales fell 58% to $0.4 billion. Adjusted EPS was $0.88, in line with consensus, and management reaffirmed full-year revenue guidance of $61 billion to $64 billion. The company said it had cut a further $1.1 billion of costs and expects three oncology launches in the second half.",
     "In-line earnings with a small revenue decline is a holding pattern: COVID products continue to fade and the new oncology launches have not yet started to contribute. Cost cuts are keeping EPS flat, but there is a limit to how many more times that lever can be pulled. The reaffirmed guide implies a back-half weighted year, which adds execution risk. We rate the results as slightly negative, mainly because the launch timing leaves no margin for error.",
     False, "Request a Demo"),
    ("pfe-ardent-oncology-deal.txt", "2026-08-20", "2026-08-24", "0.21", [("PFE", "0.18")],
     "Pfizer agreed to acquire Ardent Oncology, a Boston biotech developing antibody-drug conjugates for lung and bladder cancer, for $7.4 billion in cash, or $52 per share, a 61% premium. Ardent's lead drug is in phase 3 with data expected next year, and Pfizer estimates peak sales of $3 billion. The deal will be funded from cash and new debt and is expected to close in the first quarter.",
     "The price is reasonable relative to recent oncology deals, and antibody-drug conjugates fit well with the Seagen platform Pfizer already owns, so integration risk is lower than in most acquisitions of this size. The catch is binary clinical risk: most of the value rests on a single phase 3 readout. Adding debt at this point also limits flexibility for a larger obesity deal. Overall we see a sensible, mildly positive use of capital that does not change the company's growth profile on its own.",
     False, "Request Demo"),
    ("20261105_pfe_vaccine_policy.txt", None, "2026-11-10", "-0.37", [("PFE", "-0.40"), ("MRNA", "-0.58")],
     "The CDC's vaccine advisory committee voted to limit its COVID-19 vaccine recommendation to adults over 65 and people with high-risk conditions, removing the routine recommendation for healthy adults and children. Pfizer cut its 2027 Comirnaty sales forecast by about $1.2 billion, while Moderna said its respiratory vaccine revenue could fall by up to 40%. Moderna shares fell 14% and Pfizer shares fell 3.2%.",
     "Narrower recommendations reduce insurance coverage and pharmacy uptake, so the hit to volumes is likely larger than the headline population numbers suggest. For Pfizer, COVID vaccines are now a small share of revenue and the cut is manageable, but it removes another source of cash just as patent expiries approach. Moderna is far more exposed because respiratory vaccines are nearly its entire commercial business, and it has fewer levers to cut costs quickly. We expect further estimate cuts for both companies until the 2027 season data are in.",
     True, "Request a Demo"),
    # ---------------- Costco ----------------
    ("cost-february-comps.txt", None, "2025-03-10", "0.33", [("COST", "0.36")],
     "On March 6, 2025, Costco reported that net sales for its February retail month rose 9.1% to $20.8 billion. Comparable sales excluding gasoline and currency effects grew 8.4% in the U.S. and 9.0% company-wide, and e-commerce sales rose 22.5%. Traffic increased 5.6% worldwide.",
     "Traffic growth above 5% is the healthiest signal in the report because it shows members are visiting more often, not just paying higher prices. The membership fee increase from last year is still flowing through and supports earnings without hurting renewal rates. E-commerce growth at this pace suggests Costco is finally capturing online spending from its existing members. The valuation is high, so the shares need consistent monthly beats to move, but the trend remains positive.",
     False, "Request Demo"),
    ("cost-tariff-cost-warning.txt", "2025-11-13", "2025-11-17", "-0.19", [("COST", "-0.16"), ("WMT", "-0.09")],
     "Costco warned that new U.S. tariffs on imported goods would add about $1.1 billion to its annual merchandise costs and said it would absorb part of the increase to keep prices low. The company estimated a gross margin impact of 15 to 20 basis points. Walmart, which sources a larger share of general merchandise from China, said separately that tariffs would raise some prices before the holidays.",
     "Costco's model depends on thin, stable margins, so even a 15 to 20 basis point hit is meaningful when gross margin is around 11%. Its bargaining power with suppliers and the high share of food and consumables limit the damage, which is why we rate it only mildly negative. Walmart faces a similar but smaller relative hit given its greater pricing flexibility. The main risk is a second round of tariffs, which would force price increases that members would notice.",
     False, "Request a Demo"),
    ("cost-new-warehouses.txt", "2026-06-02", "2026-06-05", "0.51", [("COST", "0.54")],
     "Costco said it plans to open 30 new warehouses in its next fiscal year, the most in a decade, including 18 in the U.S. and its first locations in Sweden and Poland. Capital spending will rise to about $5.8 billion. Membership stood at 81.0 million paid households with a U.S. and Canada renewal rate of 92.8%.",
     "Accelerating warehouse openings is the clearest sign of management's confidence in the model, because each new location takes several years to reach mature sales and profitability. The new European markets carry execution risk, but Costco's track record in Spain, France and Iceland suggests it can build member loyalty in new countries. High renewal rates mean the fee income from new warehouses is predictable. We see the plan as a positive for long-term earnings growth.",
     True, "Request Demo"),
    ("cost-fq4-2026-results.txt", None, "2026-09-28", "0.62", [("COST", "0.66")],
     "On September 24, 2026, Costco reported fiscal Q4 2026 results. For the 16-week quarter that ended August 30, 2026, net sales rose 8.9% to $86.7 billion, comparable sales excluding gasoline grew 6.4% and EPS was $5.98, above the $5.82 consensus. Membership fee income rose 11% to $1.62 billion and the company raised its quarterly dividend by 13%.",
     "A beat on sales, earnings and fee income at the end of the fiscal year shows the membership model is still compounding despite tariff pressure on margins. Fee income growing faster than sales confirms that renewals and upgrades to executive membership are both strong. The dividend increase suggests management expects strong cash flow into the new year and leaves room for a special dividend. We rate the results strongly positive, although the high valuation limits upside from here.",
     False, "Request a Demo"),
    # ---------------- Halvorsen Robotics (invented) ----------------
    ("2025-05-21-hlvr-ipo-pricing.txt", None, "2025-05-27", "0.24", [("HLVR", "0.29")],
     "Halvorsen Robotics, a Pittsburgh maker of autonomous mobile robots for warehouses, priced its initial public offering at $24 per share, the top of its range, raising $610 million. The company reported revenue of $412 million for last year, up 58%, and a net loss of $96 million. The shares opened at $31.50 on the Nasdaq under the ticker HLVR.",
     "The pricing at the top of the range shows strong demand for warehouse automation exposure, but the company is still losing money and its customer base is concentrated. Halvorsen's advantage is its fleet software, which lets customers mix robot types in existing buildings without a full redesign, a faster sale than full automated systems. The risk is competition from larger players with deeper pockets and long-term contracts with large retailers. We see a mildly positive start, with profitability targets the key milestone.",
     False, "Request a Demo"),
    ("hlvr-northway-contract.txt", "2025-12-03", "2025-12-08", "0.58", [("HLVR", "0.63")],
     "Halvorsen Robotics signed a seven-year contract worth $340 million with Northway Grocers to automate 22 distribution centers across the Midwest. The deal is the largest in the company's history and lifts its backlog to $1.6 billion. Halvorsen said the first sites will go live in the second half of next year and shares rose 18%.",
     "A multi-site contract with a grocer is a strong validation, because grocery distribution is one of the hardest environments for automation due to temperature zones and mixed case sizes. The contract also includes recurring software and maintenance fees, which improves revenue quality. Execution is the risk, since 22 sites is a large deployment for a company of this size. We rate the news positive and expect more grocery chains to follow if the first sites perform well.",
     True, "Request Demo"),
    ("hlvr-short-seller-report.txt", None, "2026-03-20", "-0.71", [("HLVR", "-0.74")],
     "On March 17, 2026, short seller Kestrel Research published a report alleging that Halvorsen Robotics inflated its backlog by counting non-binding letters of intent worth about $480 million as firm orders. The report also claimed that two of the company's largest customers had paused deployments. Halvorsen shares fell 31% and the company said it would hire an outside law firm to review its backlog accounting.",
     "The allegations go to the heart of the investment case, because the backlog is the main evidence supporting the company's growth targets. Even if the claims prove exaggerated, hiring outside counsel signals that the board sees the risk as serious. Customer pauses would also delay revenue recognition and cash flow in a company that still burns cash. We see significant downside until the review is completed and the backlog is restated or confirmed.",
     False, "Request a Demo"),
    ("hlvr-q2-2026-results.txt", "2026-08-12", "2026-08-17", "-0.26", [("HLVR", "-0.23")],
     "Halvorsen Robotics reported Q2 2026 results with revenue of $182 million, up 41% year on year, and a net loss of $37 million. The outside review of its backlog found $210 million of orders that did not meet the company's own booking criteria, and restated backlog stood at $1.9 billion. Management cut its full-year revenue guidance to $740 million from $800 million.",
     "The review confirmed part of the short seller's allegations but found far less than the $480 million claimed, which removes the worst-case scenario. Revenue growth remains strong, but the guidance cut and the continuing losses show that deployments are slower than planned. Credibility will take several quarters to rebuild. We rate the results mildly negative: the uncertainty has shrunk, but the business is growing slower than investors were told.",
     False, "Request Demo"),
    ("20261112_hlvr_meridian_pilot.txt", None, "2026-11-16", "0.35", [("HLVR", "0.38"), ("SYM", "-0.17")],
     "Halvorsen Robotics won a pilot with Meridian Parcel, one of the largest U.S. parcel carriers, to deploy 400 robots in three sorting hubs, with an option to extend to 40 hubs worth up to $900 million. Meridian chose Halvorsen over Symbotic after a six-month trial. Halvorsen shares rose 12% and Symbotic shares fell 3.4%.",
     "Winning a competitive trial against a better-known rival is the strongest evidence yet that Halvorsen's technology is competitive, and parcel sorting opens a second large market beyond grocery. The option value is large, but only the pilot is firm, and investors remember the backlog controversy. For Symbotic, losing one trial matters less than the signal that its full-building systems face competition from cheaper, modular robots. We see a positive step for Halvorsen in rebuilding credibility.",
     False, "Request a Demo"),
    # ---------------- Quillmark Foods (invented) ----------------
    ("qlmk-listeria-recall.txt", "2025-07-15", "2025-07-18", "-0.48", [("QLMK", "-0.52")],
     "Quillmark Foods recalled about 2.3 million pounds of refrigerated snack packs and ready-to-eat wraps after listeria was found at its plant in Carthage, Missouri. The company closed the plant for cleaning and estimated the cost of the recall at $85 million, plus about $120 million in lost sales. Shares fell 11%.",
     "Food safety recalls usually have a larger impact on brand than on the income statement, and the refrigerated snack line is Quillmark's fastest-growing business. Retailers may reduce shelf space while the plant is closed, and regaining it can take several quarters. The company's balance sheet can absorb the cost, but the recall comes just as it was trying to show that its organic growth had improved. We see a negative outlook until the plant reopens and sales recover.",
     False, "Request Demo"),
    ("20260219_qlmk_fy2025_results.txt", None, "2026-02-24", "0.09", [("QLMK", "0.12")],
     "Quillmark Foods reported Q4 2025 results with net sales of $1.42 billion, up 2.1% organically, and adjusted EPS of $0.81, one cent above consensus. For the full year 2025, adjusted EPS was $3.11. The Carthage plant reopened in the quarter and refrigerated snack sales recovered to 90% of pre-recall levels. The company guided 2026 organic sales growth of 1% to 3%.",
     "The quarter shows the recall damage is mostly behind the company, although the refrigerated line has not fully recovered its shelf space. Guidance is cautious and leaves little room for upside without new products. Cost savings are supporting margins, but volumes are still weak in the core snack business. We rate the results mildly positive as a stabilisation rather than a recovery.",
     True, "Request a Demo"),
    ("qlmk-activist-stake.txt", None, "2026-05-01", "0.43", [("QLMK", "0.47")],
     "On April 28, 2026, activist investor Ridgeback Capital disclosed a 6.2% stake in Quillmark Foods and called on the board to sell or spin off the frozen meals division, which accounts for about 28% of sales. Ridgeback estimated that a breakup could unlock $2.4 billion in value. Quillmark shares rose 9%.",
     "Activist involvement puts pressure on management to act on a portfolio that has underperformed peers for several years, and the frozen meals division would likely attract interest from private equity buyers. A sale would simplify the company around its higher-growth snacks business. The risk is that the board resists and the campaign drags on, but even a partial response would likely improve capital allocation. We see the stake as a positive catalyst.",
     False, "Request Demo"),
    ("qlmk-walmart-shelf-loss.txt", "2026-10-27", "2026-10-30", "-0.15", [("QLMK", "-0.18")],
     "Quillmark Foods said Walmart would remove its refrigerated snack packs from about 1,100 U.S. stores during the spring shelf reset, replacing them with a private-label line. The company estimated the lost sales at $140 million a year, about 2.5% of total revenue. Shares fell 5%.",
     "Losing shelf space at the largest U.S. grocer is a setback, especially for a product line that had just recovered from last year's recall. Private-label competition in snacks is increasing as retailers seek higher margins. Quillmark can partly offset the loss through other retailers and new products, and the impact is manageable relative to total sales. We see the news as mildly negative.",
     False, "Request a Demo"),
]


def render(n):
    fname, date_line, _mtime, overall, tickers, news, analysis, lead_blank, demo = n
    head = "\n" if lead_blank else ""
    if date_line:
        head += f"Date: {date_line}\n"
    block = f"{demo}Overall Sentiment\n{label(overall)}\nSentiment Score\n{overall}\nTicker Sentiment"
    for t, s in tickers:
        block += f"\n{t}\n{s}"
    return f"{head}{news}\n{analysis}\n{FOOT}{block}"


def main():
    out = os.path.join(HERE, "notes")
    os.makedirs(out, exist_ok=True)
    mtimes = {}
    for n in NOTES:
        with open(os.path.join(out, n[0]), "w", encoding="utf-8") as f:
            f.write(render(n))
        mtimes[n[0]] = n[2]
    with open(os.path.join(HERE, "mtimes.json"), "w", encoding="utf-8") as f:
        json.dump(mtimes, f, indent=1, sort_keys=True)
        f.write("\n")
    print(len(NOTES), "notes")


if __name__ == "__main__":
    main()
