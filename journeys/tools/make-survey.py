#!/usr/bin/env python3
"""Writes journeys/airport-lounge.survey.csv: a wide post-visit survey export (one row per
respondent) for the airport-lounge example (deterministic: fixed seed, plain Python).

usage: python3 journeys/tools/make-survey.py      (from the repository root)

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
import csv, math, os, random

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


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def main():
    rng = random.Random(20251130)
    header = ["Response ID", "Visit date", "Lounge access"] + [q[0] for q in QUESTIONS] + ["Overall, were you satisfied?", "How likely are you to recommend the lounge? (0-10)"]
    rows = []
    for r in range(RESPONDENTS):
        mood = rng.gauss(0, 0.7)
        access = rng.choices([a for a, _ in ACCESS], weights=[w for _, w in ACCESS])[0]
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
        day = 1 + (r * 181) // RESPONDENTS  # January to June 2025, in order of the export
        month, dom = 1, day
        for length in (31, 28, 31, 30, 31, 30):
            if dom <= length:
                break
            dom -= length
            month += 1
        date = f"2025-{month:02d}-{dom:02d}"
        outcome_blank = rng.random() < 0.03
        rows.append([f"R{r + 1:05d}", date, access] + cells + ["" if outcome_blank else satisfied, "" if rng.random() < 0.04 else str(nps)])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} respondents")


if __name__ == "__main__":
    main()
