import json
F = {1:"baba-sunart-divestiture.txt",2:"2025-02-21-baba-cloud-reaccel.txt",3:"baba-march-quarter-miss.txt",4:"baba-jd-instant-commerce-war.txt",5:"baba-apsara-capex-raise.txt",6:"2025-11-14-baba-jd-pdd-singles-day.txt",7:"tsla-q4-2024-margin-squeeze.txt",8:"tsla-europe-slump.txt",9:"2025-04-22-tsla-q1-musk-refocus.txt",10:"tsla-austin-robotaxi-launch.txt",11:"tsla-q2-credits-fade.txt",12:"tsla-q3-record-deliveries.txt",13:"tsla-pay-package-approved.txt",14:"20250128_nvda_deepseek_selloff.txt",15:"nvda-q4-fy25-blackwell-beat.txt",16:"nvda-h20-export-charge.txt",17:"nvda-q1-fy26-results.txt",18:"nvda-h20-china-resumption.txt",19:"20250828_nvda_q2fy26.txt",20:"nvda-openai-100b-deal.txt",21:"nvda-q3-fy26-blowout.txt",22:"aapl-december-quarter-china.txt",23:"aapl-siri-delay.txt",24:"aapl-pdd-tariff-shock.txt",25:"2025-08-07-aapl-us-manufacturing.txt",26:"aapl-iphone17-launch.txt",27:"aapl-september-quarter-record.txt",28:"20250320_pdd_q4_miss.txt",29:"pdd-q1-profit-plunge.txt",30:"pdd-q2-rebound.txt",31:"pdd-q3-revenue-miss.txt",32:"jd-q4-buyback.txt",33:"2025-06-18-jd-618-food-delivery.txt",34:"jd-ceconomy-takeover.txt",35:"2025-11-13-jd-q3-new-business-losses.txt"}
Q = []
def q(kind, question, today, srcs, nums, defn, answerable=True):
    Q.append(dict(id="q%02d" % (len(Q)+1), question=question, kind=kind, today=today,
                  expected_sources=[F[i] for i in srcs], expected_numbers=nums, answerable=answerable,
                  notes_on_definition=defn))
T="2025-11-30"
q("one_note","What sentiment score did the note on Tesla's Austin robotaxi launch get?",T,[10],["0.41","0.44"],"Overall score of that note and its per-ticker score (TSLA).")
q("one_note","How was the DeepSeek selloff note scored, overall and by ticker?",T,[14],["-0.45","-0.62","0.30"],"Overall score plus each per-ticker score (NVDA, BABA) as printed in the note.")
q("one_note","What score did we give the note on PDD's first-quarter profit plunge?",T,[29],["-0.58","-0.71","-0.05","-0.15"],"Overall score plus per-ticker scores PDD, BABA, JD as printed.")
q("extreme","What's our most negative note on Alibaba?",T,[4],["-0.35"],"Per note: BABA ticker score if listed, else overall; minimum over all notes about Alibaba (the instant-commerce note, BABA -0.35; its overall -0.40 must not be used).")
q("extreme","Which Nvidia note was the most bullish?",T,[21],["0.74"],"Per note: NVDA ticker score if listed, else overall; maximum over all NVDA notes.")
q("extreme","Since June, which JD.com note was the most negative?",T,[4],["-0.48"],"Notes dated >= 2025-06-01 about JD (undated note uses its mtime 2025-08-05); JD ticker score if listed, else overall; minimum.")
q("extreme","Which of our JD notes was the most positive on the stock?",T,[32],["0.35"],"JD ticker score if listed, else overall score; the March buyback note lists no tickers so its overall 0.35 is used; maximum.")
q("ranking","Give me the top 3 most positive notes.",T,[21,20,5],["0.72","0.63","0.58"],"All notes ranked by overall Sentiment Score, descending; top 3.")
q("ranking","Which of my companies was the most bullish in Q3?",T,[30],["0.52"],"Q3 = 2025-07-01..2025-09-30; per company average of the note's ticker score for that company (else overall) over notes in window; PDD 0.52 (1 note) beats NVDA 0.30, AAPL 0.24, BABA 0.05, JD -0.17, TSLA -0.38.")
q("ranking","Over the last 90 days, which company on my list has had the weakest sentiment?",T,[6,34,35],["-0.09"],"Window (2025-09-01, 2025-11-30]; per company average of own ticker score (else overall); JD -0.09 lowest (PDD 0.00, TSLA 0.27, AAPL 0.29, BABA 0.38, NVDA 0.39).")
q("per_ticker","In the note on Alibaba's Apsara conference capex raise, how were BABA and NVDA scored individually?",T,[5],["0.71","-0.10"],"Per-ticker scores inside that one note, not merged.")
q("per_ticker","Break down the ticker scores in the Singles Day note.",T,[6],["0.05","-0.09","0.16"],"Per-ticker lines BABA, JD, PDD of that note.")
q("per_ticker","What was JD's own score in the note about the instant-commerce subsidy war?",T,[4],["-0.48"],"JD per-ticker score in that note (not the overall -0.40, not BABA -0.35).")
q("ticker_compare","In the PDD profit-plunge note, did JD or Alibaba come out worse, and by how much?",T,[29],["-0.05","-0.15","0.10"],"BABA -0.05 vs JD -0.15 within the note; JD worse by 0.10 (difference of the two ticker scores).")
q("ticker_compare","How far apart were Nvidia and Alibaba in the DeepSeek note?",T,[14],["-0.62","0.30","0.92"],"NVDA -0.62 vs BABA 0.30 in that note; gap 0.30 - (-0.62) = 0.92.")
q("ticker_compare","In the note on Tesla's record Q3 deliveries, was Tesla or Nvidia scored higher?",T,[12],["0.21","0.27","0.06"],"TSLA 0.21 vs NVDA 0.27 in that note; NVDA higher by 0.06.")
q("trend","How has Tesla sentiment trended quarter by quarter this year?",T,[7,8,9,10,11,12,13],["-0.49","0.28","-0.38","0.27","0.76","7"],"Quarterly averages of TSLA ticker score (else overall) for 2025: Q1 -0.49, Q2 0.28, Q3 -0.38, Q4 0.27; change first->last quarter +0.76; 7 notes.")
q("trend","Show me the month-by-month trend in Nvidia sentiment since June.",T,[18,19,20,5,12,21],["0.57","0.08","0.28","0.27","0.74","0.17","6"],"Notes dated >= 2025-06-01; monthly averages of NVDA ticker score: Jul 0.57, Aug 0.08, Sep 0.28, Oct 0.27, Nov 0.74 (no June notes); change first->last month 0.17; 6 notes.")
q("trend","Has our view on Apple improved over the year? Give me the quarterly picture.",T,[22,2,23,24,25,26,27],["-0.05","-0.57","0.24","0.45","0.50","7"],"Quarterly averages of AAPL ticker score (else overall): Q1 -0.05, Q2 -0.57 (undated tariff note, mtime 2025-04-07), Q3 0.24, Q4 0.45; change Q1->Q4 +0.50; 7 notes.")
q("window","What's the average sentiment on PDD over the last 30 days?",T,[6,31,35],["0.00","3"],"Window (2025-10-31, 2025-11-30]; PDD ticker scores 0.16, -0.20 (undated note, mtime 2025-11-18), 0.04; mean 0.00; 3 notes.")
q("window","How did Nvidia notes average in Q2?",T,[16,17],["-0.06","2"],"Q2 = 2025-04-01..2025-06-30; NVDA scores -0.52 and 0.40 (undated note, mtime 2025-05-29); mean -0.06; 2 notes.")
q("window","What's the average JD sentiment this month?","2025-11-20",[35,6],["-0.20","2"],"This month = 2025-11-01..2025-11-20; JD ticker scores -0.31 and -0.09; mean -0.20; 2 notes.")
q("window","How many Alibaba notes did we have in Q3 and what did they average?",T,[4,5,18,19,30],["0.05","5"],"Q3 = 2025-07-01..2025-09-30; BABA ticker scores -0.35, 0.71, 0.12, -0.14, -0.08; mean 0.052 -> 0.05; 5 notes.")
q("distribution","How many of our Tesla notes were negative versus positive this year?",T,[7,8,9,10,11,12,13],["3","4"],"Sign of TSLA ticker score (else overall); negative = score < 0; 3 negative, 4 positive, 0 zero (overall and ticker signs agree for every Tesla note).")
q("distribution","Since April, how many Apple notes were bearish and how many bullish?",T,[24,25,26,27],["1","3"],"Notes dated >= 2025-04-01 about Apple (undated tariff note mtime 2025-04-07); sign of AAPL score: 1 negative, 3 positive.")
q("mixed","Why was sentiment on Tesla negative in Q1?",T,[7,8],["-0.49"],"Q1 TSLA average (-0.30 + -0.68)/2 = -0.49; reasons in the Q4-2024 margin note and the Europe registrations slump note.")
q("mixed","Why has JD sentiment been negative since June?",T,[4,6,33,35],["-0.20"],"Notes >= 2025-06-01 about JD: -0.25, -0.48, 0.14, -0.09, -0.31 -> mean -0.198 -> -0.20; sources = the negative notes giving the reasons (food-delivery/instant-commerce losses, weak Singles Day appliances).")
q("mixed","Why were we negative on PDD in the first half of the year?",T,[24,28,29],["-0.46"],"H1 = 2025-01-01..2025-06-30; PDD ticker scores -0.22 (undated tariff note, mtime 2025-04-07), -0.44, -0.71 -> mean -0.4567 -> -0.46; reasons: tariffs/de minimis, revenue misses, profit plunge.")
q("no_notes","What's the current sentiment on Baidu?",T,[],[],"No note mentions Baidu; the answer should say there are no notes.",answerable=False)
q("no_notes","What was the average Tesla sentiment in February?",T,[],[],"Tesla notes are dated 2025-01-29 and 2025-03-10; none in February 2025.",answerable=False)
q("no_notes","Anything on Meta in the last 30 days?",T,[],[],"No note mentions Meta.",answerable=False)
with open("questions.jsonl","w") as f:
    for x in Q: f.write(json.dumps(x)+"\n")
import collections; print(len(Q), collections.Counter(x["kind"] for x in Q))
