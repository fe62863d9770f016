"""A wide survey for the key-driver benchmark: N respondents, 14 touchpoint ratings (1-5, about
5% blank and 2% "0" = not applicable), a binary outcome driven by planted weights; and the
journey that reads it.
    python3 bench/gen_drivers.py N OUT.csv --journey OUT.journey
Deterministic (numpy seed 7); numpy only. Ratings share a common factor (they correlate 0.3-0.5,
as survey ratings do), so relative weights and plain correlations rank them differently."""
import argparse, os
import numpy as np

K = 14
NAMES = ["wifi", "booking", "checkin", "gate", "boarding", "seat", "legroom", "food", "drinks",
         "entertainment", "crew", "cleanliness", "baggage", "arrival"]
WEIGHTS = np.array([0.45, 0.30, 0.25, 0.0, 0.20, 0.15, 0.10, 0.05, 0.0, 0.35, 0.05, 0.0, 0.10, 0.0])

def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--journey")
    a = p.parse_args()
    rng = np.random.default_rng(7)
    with open(a.out, "w") as f:
        f.write("id," + ",".join(f"{n}_rating" for n in NAMES) + ",satisfaction\n")
        chunk = 200_000
        for start in range(0, a.n, chunk):
            m = min(chunk, a.n - start)
            g = rng.standard_normal((m, 1))
            z = 0.6 * g + 0.8 * rng.standard_normal((m, K))
            latent = z @ WEIGHTS + rng.standard_normal(m)
            r = np.clip(np.rint(3 + 1.1 * z), 1, 5).astype(int).astype(str)
            u = rng.random((m, K))
            r[u < 0.05] = ""
            r[(u >= 0.05) & (u < 0.07)] = "0"
            sat = np.where(latent > 0.3, "satisfied", "neutral or dissatisfied")
            ids = np.arange(start + 1, start + m + 1).astype(str)
            rows = np.column_stack([ids, r, sat])
            f.write("\n".join(",".join(row) for row in rows))
            f.write("\n")
    if a.journey:
        rel = os.path.relpath(a.out, os.path.dirname(os.path.abspath(a.journey)))
        tps = "\n".join(f'    touchpoint {n} "{n.title()}" {{ owner ops }}' for n in NAMES)
        ratings = "\n".join(f'    rating {n} = "{n}_rating"' for n in NAMES)
        with open(a.journey, "w") as f:
            f.write(f'''journey drivers "Key-driver benchmark" {{
  department ops "Operations"
  stage trip "Trip" {{
{tps}
  }}
  feedback "{rel}" {{
    format wide
    respondent "id"
{ratings}
    missing 0
    outcome satisfied = "satisfaction" {{ yes "satisfied" }}
  }}
}}
''')

main()
