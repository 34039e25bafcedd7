#!/usr/bin/env python3
"""Derives specialty calibration parameters from NRMP Charting Outcomes 2026 (non-US IMG).

Run from the repository root:  python3 knowledge/outcomes/derive_calibration.py ../shared/data
Writes knowledge/outcomes/specialty-calibration.csv (derived curve parameters) and contiguous-ranks.csv (the few
summary statistics of contiguous ranks the interview fit needs); NRMP terms: no table copies.
Method: knowledge/model.md sections 2 and 4.
"""
import csv
import math
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
OUT = "knowledge/outcomes/specialty-calibration.csv"
# Summary statistics the interview fit (sigma, q) reads; the fit itself is SmartPick.Ranking.Fitting.InterviewFit,
# re-run from this file by InterviewFitTests (knowledge/model.md section 4).
RANKS = "knowledge/outcomes/contiguous-ranks.csv"
SOURCE = "NRMP Charting Outcomes 2026, Non-U.S. IMGs (extract saieeshb/img-match-2026 src/data.js @ fbf8e369fd08de77e8579bfc2ad0f6f7827f684a)"
URL = "https://www.nrmp.org/wp-content/uploads/2026/07/Non-US-IMG_Charting-Outcomes_FINAL.pdf"
RETRIEVED = "2026-07-31"
# Typical applications per applicant (reference list length). IM: AAIM ERAS 2016, 77 per IMG (domain-data 13).
# General Surgery: non-US IMG median 137 (surgery.saieesh.dev, domain-data 5). Others: IM figure as a prior.
REF_APPS = {"Internal Medicine": 77, "Surgery-General": 137}


def logit(p):
    return math.log(p / (1 - p))


def main():
    rows = list(csv.DictReader(open(f"{DATA}/nrmp-charting-outcomes-2026-non-us-img.csv", newline="")))
    out, ranks = [], []
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
        out.append({
            "specialty": r["specialty"], "n_step2ck": n1 + n0, "base_rate": f"{pi:.4f}", "pooled_sd": f"{math.sqrt(var):.2f}",
            "score_center": f"{center:.1f}", "score_gap": f"{m1 - m0:.1f}", "b10_fit": f"{10 * b:.4f}", "shape": shape,
            "l240": f"{l240:.4f}", "b10": f"{b10:.4f}",
            "reference_applications": REF_APPS.get(r["specialty"], 77),
            "source": SOURCE, "source_url": URL, "retrieved_on": RETRIEVED,
        })
        if r["contiguous_ranks_matched_mean"] and r["contiguous_ranks_not_matched_mean"]:
            ranks.append({"specialty": r["specialty"], "matched": r["nonus_img_matched"], "not_matched": r["nonus_img_not_matched"]}
                         | {f"{c}_{k}": r[f"contiguous_ranks_{c}_{k}"] for c in ("matched", "not_matched") for k in ("n", "mean", "sd", "median")}
                         | {"reference_applications": REF_APPS.get(r["specialty"], 77), "source": SOURCE, "source_url": URL, "retrieved_on": RETRIEVED})
    write(OUT, out)
    write(RANKS, ranks)
    print(f"{len(out)} specialties -> {OUT}; {len(ranks)} -> {RANKS}")


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
