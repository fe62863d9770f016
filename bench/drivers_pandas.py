"""The peer for bench/drivers.sh: the same key drivers with pandas + numpy. Reads the wide CSV,
treats blank and 0 as not answered, codes the outcome 1 = "satisfied", pairwise correlations
(DataFrame.corr: pairwise deletion, as journeymap), Johnson's (2000) relative weights by
numpy.linalg.eigh; prints touchpoint,share_pct,raw_weight,correlation,n sorted by share.
Point estimates only: journeymap also runs 1,000 bootstrap resamples for the intervals."""
import sys
import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1], dtype={"satisfaction": "string"})
ratings = [c for c in df.columns if c.endswith("_rating")]
X = df[ratings].replace(0, np.nan)
X["satisfied"] = (df["satisfaction"].str.strip().str.lower() == "satisfied").astype(float)
X.loc[df["satisfaction"].isna(), "satisfied"] = np.nan
R = X.corr().to_numpy()
rxx, rxy = R[:-1, :-1], R[:-1, -1]
lam, V = np.linalg.eigh(rxx)
lam = np.clip(lam, 0, None)
L = V @ np.diag(np.sqrt(lam)) @ V.T
beta = np.linalg.pinv(L, rcond=1e-12, hermitian=True) @ rxy
eps = (L ** 2) @ (beta ** 2)
n = X[ratings].notna().mul(X["satisfied"].notna(), axis=0).sum()
out = sorted(zip(ratings, 100 * eps / eps.sum(), eps, rxy, n), key=lambda t: -t[1])
print("touchpoint,share_pct,raw_weight,correlation,n")
for name, s, e, r, k in out:
    print(f"{name[:-7]},{s:.6f},{e:.8f},{r:.8f},{k}")
