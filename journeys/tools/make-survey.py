#!/usr/bin/env python3
"""Writes journeys/airport-lounge.survey.csv: a wide post-visit survey export (one row per
respondent) for the airport-lounge example (deterministic: fixed seed, plain Python).

usage: python3 journeys/tools/make-survey.py [LOOP_RECORD]     (from the repository root)

With a loop record (journeys/airport-lounge.loop.csv), some guests visit again and answer a
second time (same Guest ID, a later date); see revisits(). The committed files are made by
(from the repository root):
  printf 'respondent,touchpoint,status,date,owner,note\n' > /tmp/none.csv
  python3 journeys/tools/make-survey.py                        # first visits
  journeymap loop journeys/airport-lounge.journey -o /tmp/l --as-of 2025-07-10 --loop /tmp/none.csv
  python3 journeys/tools/make-loop.py /tmp/l > journeys/airport-lounge.loop.csv
  python3 journeys/tools/make-survey.py journeys/airport-lounge.loop.csv   # and later visits
  rm -r /tmp/l; journeymap loop journeys/airport-lounge.journey -o /tmp/l --as-of 2025-07-10 --loop /tmp/none.csv
  python3 journeys/tools/make-loop.py /tmp/l > journeys/airport-lounge.loop.csv   # their steps too
The second record keeps the first one's rows (each case's steps hang on its own key), so the
later visits made from the first stay the same; running the last three lines again changes nothing.

Planted on purpose, so the key drivers have a known answer:
- Every respondent has a general mood (ratings of one person correlate, as in real surveys).
- Overall satisfaction and the likelihood to recommend depend on the ratings with the
  weights in WEIGHTS: food and staff matter most, then seating, cleanliness and the flight
  information; Wi-Fi and wayfinding barely matter.
- "Bar" follows "Food" closely (the same kitchen team, the same counter) but has no effect of
  its own: a key-driver analysis must not rank it high.
- Food is rated low (a pain worth fixing: high weight, poor performance); Wi-Fi is rated low
  too but does not move satisfaction (over-served is not the word: under-important).
- Blanks (skipped questions), "N/A" for facilities not used (showers, quiet zone) and 0 for
  "did not use" in the bar column; a segment column (lounge access) and visit dates.
"""
import csv, datetime, math, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "airport-lounge.survey.csv")
RESPONDENTS = 2000

# column header: (touchpoint id, mean rating on 1..5, weight on the outcome)
QUESTIONS = [
    ("Finding the lounge", "find", 3.9, 0.05),
    ("Entry and access check", "entry", 3.7, 0.30),
    ("Staff welcome and service", "staff", 3.8, 0.80),
    ("Seating comfort", "seating", 3.5, 0.55),
    ("Cleanliness", "clean", 3.9, 0.45),
    ("Wi-Fi", "wifi", 2.9, 0.05),
    ("Quiet zone", "quiet", 3.4, 0.15),
    ("Food", "food", 2.8, 0.90),
    ("Bar and drinks", "bar", 3.0, 0.00),
    ("Showers", "showers", 3.6, 0.10),
    ("Washrooms", "washrooms", 3.5, 0.25),
    ("Flight information", "flight-info", 3.3, 0.40),
]
ACCESS = [("Business class", 0.55), ("Frequent flyer", 0.25), ("Paid day pass", 0.20)]
# A guest reached by every department they rated low comes back in a better mood by this much
# (on the latent 1..5 scale; about +1.5 on the 0-10 likelihood to recommend): the planted
# effect of closing the loop on the later visit.
GOODWILL = 0.8


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def response(rng, mood, access):
    """One guest's answers: the ratings' cells, the overall satisfaction and the NPS."""
    lift = 0.25 if access == "Business class" else -0.2 if access == "Paid day pass" else 0.0
    kitchen = rng.gauss(0, 0.8)  # food and bar share it
    latent = {}
    cells = []
    for header_text, tp, mean, _ in QUESTIONS:
        # The bar shares the kitchen's factor with the food (correlation about 0.5 between
        # the two ratings) but has no weight of its own.
        own = kitchen if tp == "food" else 0.55 * kitchen + rng.gauss(0, 0.6) if tp == "bar" else rng.gauss(0, 0.8)
        x = mean + mood + lift + own + rng.gauss(0, 0.35)
        latent[tp] = x
        rating = int(clamp(round(x), 1, 5))
        u = rng.random()
        if tp in ("showers", "quiet") and u < 0.45:
            cells.append("N/A")          # facility not used
        elif tp == "bar" and u < 0.12:
            cells.append("0")            # "did not use" coded 0 by the survey tool
        elif u < 0.06:
            cells.append("")             # skipped
        else:
            cells.append(str(rating))
    # The outcome: the ratings' planted weights (on the centred latent ratings) plus noise.
    score = sum(w * (latent[tp] - mean) for _, tp, mean, w in QUESTIONS) + rng.gauss(0, 0.6)
    satisfied = "Satisfied" if score + 0.3 > 0 else "Dissatisfied"
    nps = int(clamp(round(7.4 + 0.9 * score + rng.gauss(0, 0.9)), 0, 10))
    outcome_blank = rng.random() < 0.03
    return cells + ["" if outcome_blank else satisfied, "" if rng.random() < 0.04 else str(nps)]


# Who owns each touchpoint (as in airport-lounge.journey): a call comes from a department.
OWNER = {"find": "facilities", "entry": "guest", "staff": "guest", "seating": "facilities", "clean": "facilities",
         "wifi": "digital", "quiet": "facilities", "food": "food-bev", "bar": "food-bev", "showers": "facilities",
         "washrooms": "facilities", "flight-info": "digital"}


def goodwill(record, guest, cells, first, later):
    """The share of the departments with a follow-up from the first visit (a rating of 1 or 2
    at their touchpoints) that reached the guest before the later visit (a contacted or
    resolved step dated from the first visit on), times GOODWILL: each call makes up its part."""
    owed = {OWNER[tp] for (_, tp, _, _), cell in zip(QUESTIONS, cells) if cell in ("1", "2")}
    if not owed:
        return 0.0
    reached = {OWNER[r["touchpoint"]] for r in record.get(guest, [])
               if r["status"] in ("contacted", "resolved") and first <= r["date"] < later}
    return GOODWILL * len(owed & reached) / len(owed)


def main():
    rng = random.Random(20251130)
    header = ["Guest ID", "Visit date", "Lounge access"] + [q[0] for q in QUESTIONS] + ["Overall, were you satisfied?", "How likely are you to recommend the lounge? (0-10)"]
    rows = []
    guests = []
    for r in range(RESPONDENTS):
        mood = rng.gauss(0, 0.7)
        access = rng.choices([a for a, _ in ACCESS], weights=[w for _, w in ACCESS])[0]
        day = 1 + (r * 181) // RESPONDENTS  # January to June 2025, in order of the export
        date = (datetime.date(2025, 1, 1) + datetime.timedelta(days=day - 1)).isoformat()
        answers = response(rng, mood, access)
        guest = f"R{r + 1:05d}"
        rows.append([guest, date, access] + answers)
        guests.append((guest, date, mood, access, answers))
    if len(sys.argv) > 1:
        rows += revisits(guests, sys.argv[1])
    rows.sort(key=lambda row: row[1])  # the export is in visit order (stable: a day keeps its order)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} responses")


def revisits(guests, record_path):
    """Later visits: one guest in five comes back 2 to 8 weeks later (until 30 June) and
    answers again. A guest the team reached about the first visit comes back in a better
    mood (goodwill()); who was reached is the record's, so contacted and not-contacted guests
    both answer again and the later-score comparison has both sides. Own seed: the first
    visits do not change."""
    record = {}
    for r in csv.DictReader(open(record_path, newline="", encoding="utf-8")):
        record.setdefault(r["respondent"], []).append(r)
    rng = random.Random(20251201)
    out = []
    for guest, first, mood, access, answers in guests:
        back = rng.random() < 0.2
        gap = rng.randint(14, 56)
        later = (datetime.date.fromisoformat(first) + datetime.timedelta(days=gap)).isoformat()
        if not back or later > "2025-06-30":
            continue
        lift = goodwill(record, guest, answers, first, later)
        out.append([guest, later, access] + response(rng, 0.6 * mood + rng.gauss(0, 0.4) + lift, access))
    return out


if __name__ == "__main__":
    main()
