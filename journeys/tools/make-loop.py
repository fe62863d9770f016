#!/usr/bin/env python3
"""Writes journeys/airport-lounge.loop.csv: a plausible loop record for the lounge survey.

Input: the follow-up lists of `journeymap loop journeys/airport-lounge.journey -o DIR`
(follow-up-*.csv). Each customer to answer (respondent, department, day) gets the steps a
team would record: most are reached within the service level, some late, some never reached;
a few of the last weeks' are still open (overdue). Deterministic: the same lists give the same file,
and a case's steps depend only on its key, so more cases (later visits) add rows and change none.
usage: make-loop.py DIR > journeys/airport-lounge.loop.csv   (the order of runs: make-survey.py)
"""
import csv, datetime, hashlib, sys, glob, os

OWNERS = {
    "guest": ["Marta (desk)", "Tomasz (desk)", "Ines (host)"],
    "facilities": ["Facilities desk", "Piotr (duty manager)"],
    "food-bev": ["Chef Alvarez", "F&B desk"],
    "digital": ["Digital support", "Lena (Wi-Fi vendor liaison)"],
}
NOTES = {
    "contacted": ["Called, apologised and explained the fix", "Emailed; guest replied", "Spoke at the desk on the next visit",
                  "Called back the same day and apologised"],
    "resolved": ["Voucher sent, guest satisfied", "Fixed: see change log", "Guest confirmed it is better, thanked us"],
    "not reachable": ["Two calls, no answer; email bounced", "No phone number on file, email unanswered"],
    "open": ["Assigned", "Waiting for the duty manager"],
}


def u(*parts):
    h = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def day(s, k):
    return (datetime.date.fromisoformat(s) + datetime.timedelta(days=k)).isoformat()


cases = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "follow-up-*.csv"))):
    dept = os.path.basename(path)[len("follow-up-"):-4]
    for r in csv.DictReader(open(path, newline="", encoding="utf-8")):
        key = (dept, r["respondent"], r["date"])
        cases.setdefault(key, r["touchpoint"])

# The last open ones: of the first visits from 20 June, the five whose hash is lowest (the team
# fell behind). First visits only, so later visits (make-survey.py) do not change the choice.
first = {}
for dept, resp, date in cases:
    first[resp] = min(first.get(resp, date), date)
june = sorted((k for k in cases if k[2] >= "2025-06-20" and k[2] == first[k[1]]), key=lambda k: u("open", *k))[:5]
rows = []
for key in sorted(cases, key=lambda k: (k[2], k[0], k[1])):
    dept, resp, date = key
    tp = cases[key]
    owner = OWNERS[dept][int(u("owner", *key) * len(OWNERS[dept]))]
    def note(status):
        n = NOTES[status]
        return n[int(u("note", status, *key) * len(n))]
    if key in june:
        rows.append((resp, tp, "open", date, owner, note("open")))
        continue
    x = u("fate", *key)
    fast = 0 if dept == "guest" else 1
    if x < 0.72:
        contact = day(date, fast if u("k", *key) < 0.8 else 0)
        rows.append((resp, tp, "contacted", contact, owner, note("contacted")))
        if u("resolved", *key) < 0.45:
            rows.append((resp, tp, "resolved", day(contact, 1 + int(u("r", *key) * 6)), owner, note("resolved")))
    elif x < 0.84:
        rows.append((resp, tp, "open", date, owner, note("open")))
        rows.append((resp, tp, "contacted", day(date, 3 + int(u("late", *key) * 5)), owner, note("contacted")))
    else:
        rows.append((resp, tp, "not reachable", day(date, 1 + fast), owner, note("not reachable")))

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["respondent", "touchpoint", "status", "date", "owner", "note"])
for r in sorted(rows, key=lambda r: (r[3], r[0], r[1])):
    w.writerow(r)
