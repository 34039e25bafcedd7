#!/usr/bin/env python3
"""Derives specialty calibration parameters from NRMP Charting Outcomes 2026 (non-US IMG).

Run from the repository root:  python3 knowledge/outcomes/derive_calibration.py ../shared/data
Writes knowledge/outcomes/specialty-calibration.csv: derived parameters only (NRMP terms: no table copies).
Method: knowledge/model.md sections 2 and 4.
"""
import csv
import math
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
OUT = "knowledge/outcomes/specialty-calibration.csv"
SOURCE = "NRMP Charting Outcomes 2026, Non-U.S. IMGs (extract saieeshb/img-match-2026 src/data.js @ fbf8e369fd08de77e8579bfc2ad0f6f7827f684a)"
URL = "https://www.nrmp.org/wp-content/uploads/2026/07/Non-US-IMG_Charting-Outcomes_FINAL.pdf"
RETRIEVED = "2026-07-31"
# Typical applications per applicant (reference list length). IM: AAIM ERAS 2016, 77 per IMG (domain-data 13).
# General Surgery: non-US IMG median 137 (surgery.saieesh.dev, domain-data 5). Others: IM figure as a prior.
REF_APPS = {"Internal Medicine": 77, "Surgery-General": 137}
MIN_N_FOR_OWN_Q = 100


def logit(p):
    return math.log(p / (1 - p))


def median(pmf):
    c = 0.0
    for k, p in enumerate(pmf):
        if p > 0 and c + p >= 0.5:
            return k + (0.5 - c) / p - 0.5  # continuous (interpolated) median of an integer variable
        c += p
    return float(len(pmf))


def fit_q(rate, m_matched, m_unmatched):
    """Ranks K = 1 + Poisson(lam); P(match | K) = 1 - (1-q)^K. Grid least squares on rate and both medians."""
    best = None
    for i in range(121):
        lam = math.exp(-2 + i * 0.04)
        pk = [0.0] + [math.exp(-lam + (k - 1) * math.log(lam) - math.lgamma(k)) for k in range(1, 80)]
        for j in range(121):
            q = 1 / (1 + math.exp(-(-5 + j * 0.06)))
            pm = [p * (1 - (1 - q) ** k) for k, p in enumerate(pk)]
            pu = [p * (1 - q) ** k for k, p in enumerate(pk)]
            r = sum(pm)
            loss = (10 * (r - rate)) ** 2 + (median([x / r for x in pm]) - m_matched) ** 2 + (median([x / (1 - r) for x in pu]) - m_unmatched) ** 2
            if best is None or loss < best[0]:
                best = (loss, q, lam)
    return best


def main():
    rows = list(csv.DictReader(open(f"{DATA}/nrmp-charting-outcomes-2026-non-us-img.csv", newline="")))
    tot_m = sum(int(r["nonus_img_matched"]) for r in rows)
    tot_u = sum(int(r["nonus_img_not_matched"]) for r in rows)
    _, q_all, _ = fit_q(tot_m / (tot_m + tot_u), 5.0, 2.0)  # aggregate medians 5 vs 2 (overall.json)
    out = []
    for r in rows:
        if not r["step2ck_matched_mean"] or not r["step2ck_not_matched_mean"]:
            continue  # suppressed cohort: no curve can be fitted
        n1, n0 = int(r["step2ck_matched_n"]), int(r["step2ck_not_matched_n"])
        m1, m0 = float(r["step2ck_matched_mean"]), float(r["step2ck_not_matched_mean"])
        s1, s0 = float(r["step2ck_matched_sd"]), float(r["step2ck_not_matched_sd"])
        pi = n1 / (n1 + n0)
        var = ((n1 - 1) * s1 * s1 + (n0 - 1) * s0 * s0) / (n1 + n0 - 2)
        b = (m1 - m0) / var
        center = (m1 + m0) / 2
        l240_fit = logit(pi) + b * (240 - center)
        if b > 0:
            shape, l240, b10 = "logistic", l240_fit, 10 * b
        else:  # no positive slope: flat at the middle of the fitted curve's range over 220-260
            lo = 1 / (1 + math.exp(-(logit(pi) + b * (260 - center))))
            hi = 1 / (1 + math.exp(-(logit(pi) + b * (220 - center))))
            shape, l240, b10 = "flat", logit((lo + hi) / 2), 0.0
        rate = int(r["nonus_img_matched"]) / (int(r["nonus_img_matched"]) + int(r["nonus_img_not_matched"]))
        if n1 + n0 >= MIN_N_FOR_OWN_Q:
            _, q, _ = fit_q(rate, float(r["contiguous_ranks_matched_median"]), float(r["contiguous_ranks_not_matched_median"]))
            q_basis = "own contiguous-ranks medians"
        else:
            q, q_basis = q_all, "all-specialty medians (n<100)"
        out.append({
            "specialty": r["specialty"], "n_step2ck": n1 + n0, "base_rate": f"{pi:.4f}", "pooled_sd": f"{math.sqrt(var):.2f}",
            "score_center": f"{center:.1f}", "score_gap": f"{m1 - m0:.1f}", "b10_fit": f"{10 * b:.4f}", "shape": shape,
            "l240": f"{l240:.4f}", "b10": f"{b10:.4f}", "interview_match_q": f"{q:.4f}", "q_basis": q_basis,
            "matched_median_ranks": r["contiguous_ranks_matched_median"], "unmatched_median_ranks": r["contiguous_ranks_not_matched_median"],
            "reference_applications": REF_APPS.get(r["specialty"], 77),
            "source": SOURCE, "source_url": URL, "retrieved_on": RETRIEVED,
        })
    with open(OUT, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(f"{len(out)} specialties -> {OUT}; aggregate q={q_all:.4f}")


if __name__ == "__main__":
    main()
