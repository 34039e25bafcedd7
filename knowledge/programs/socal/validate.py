#!/usr/bin/env python3
"""Validate knowledge/programs/socal/*.csv and print the coverage table (standard library only).

Run from the repository root:  python3 knowledge/programs/socal/validate.py
Exit code 1 and one line per problem (file:row: column: message) when a check fails.
Coverage also counts IM facts already in ../catalog.csv (FREIDA 2025) and ../program-rules.csv.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REGIONS = ["LA", "OC", "SD", "IE", "VSB", "CV"]
SPECIALTIES = ["Internal Medicine", "Preliminary Medicine", "Family Medicine", "Pediatrics", "Psychiatry",
               "Transitional Year", "Neurology"]
CODE = {"Internal Medicine": "140", "Preliminary Medicine": "140", "Family Medicine": "120", "Pediatrics": "320",
        "Psychiatry": "400", "Transitional Year": "999", "Neurology": "180"}
TRACKS = {"categorical", "preliminary", "preliminary-neurology", "transitional", "advanced"}
RELIABILITY = {"V", "S", "LOW"}
VISA_FACTS = {"visa_j1", "visa_h1b", "citizens_or_pr_only"}
FACTS = VISA_FACTS | {"graduation_year_limit", "attempts_policy", "step2_min", "step2_recommended",
                      "positions_per_year", "img_share", "nrmp_filled", "nrmp_code", "usce_required",
                      "work_authorization_required", "interviews_offered", "exam_deadline", "first_class",
                      "military_program", "imgs_considered"}
ID = re.compile(r"^(\d{10}|X-[a-z0-9]+(-[a-z0-9]+)*)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2})?$")
errors = []


def read(name, required):
    path = os.path.join(HERE, name)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            errors.append(f"{name}: header: missing columns {', '.join(missing)}")
            return []
        rows = list(reader)
    for i, r in enumerate(rows, start=2):
        r["_where"] = f"{name}:{i}"
    return rows


def err(row, col, msg):
    errors.append(f"{row['_where']}: {col}: {msg}")


def check_programs(rows):
    keys = set()
    for r in rows:
        pid, track = r["program_id"], r["track"]
        if not ID.match(pid):
            err(r, "program_id", f"'{pid}' is neither a 10-digit ACGME id nor X-<slug>")
        if track not in TRACKS:
            err(r, "track", f"'{track}' not in {sorted(TRACKS)}")
        if (pid, track) in keys:
            err(r, "program_id", f"duplicate key {pid} + {track}")
        keys.add((pid, track))
        if r["specialty"] not in SPECIALTIES:
            err(r, "specialty", f"'{r['specialty']}' not in {SPECIALTIES}")
        elif pid[:1].isdigit() and not pid.startswith(CODE[r["specialty"]]):
            err(r, "program_id", f"ACGME specialty digits {pid[:3]} do not match {r['specialty']}")
        if r["specialty"] == "Preliminary Medicine" and not track.startswith("preliminary"):
            err(r, "track", "Preliminary Medicine rows must carry a preliminary track")
        if r["region"] not in REGIONS:
            err(r, "region", f"'{r['region']}' not one of {REGIONS}")
        if r["state"] != "CA":
            err(r, "state", "must be CA")
        for col in ("name", "list_name"):
            if not r[col].strip():
                err(r, col, "empty")
        if not r["list_url"].startswith("http"):
            err(r, "list_url", "missing URL")
        if not ISO.match(r["retrieved_on"]):
            err(r, "retrieved_on", f"'{r['retrieved_on']}' is not YYYY-MM-DD")
        if not PARTIAL_DATE.match(r["list_date"]):
            err(r, "list_date", f"'{r['list_date']}' is not YYYY[-MM[-DD]]")
        if r["reliability"] not in RELIABILITY:
            err(r, "reliability", f"'{r['reliability']}' not in {sorted(RELIABILITY)}")
    return keys


def check_facts(rows, keys):
    seen = set()
    for r in rows:
        key = (r["program_id"], r["track"])
        if key not in keys:
            err(r, "program_id", f"{key[0]} + {key[1]} is not in programs.csv")
        if r["fact"] not in FACTS:
            err(r, "fact", f"unknown fact '{r['fact']}'")
        if not r["value"].strip():
            err(r, "value", "empty (a fact not found is left out, not written blank)")
        if not r["source_url"].startswith("http"):
            err(r, "source_url", "missing URL")
        if not r["source_name"].strip():
            err(r, "source_name", "empty")
        if not ISO.match(r["retrieved_on"]):
            err(r, "retrieved_on", f"'{r['retrieved_on']}' is not YYYY-MM-DD")
        if not PARTIAL_DATE.match(r["source_date"]):
            err(r, "source_date", f"'{r['source_date']}' is not YYYY[-MM[-DD]]")
        words = len(r["quote"].split())
        if words == 0 or words > 25:
            err(r, "quote", f"{words} words; need 1-25 verbatim words")
        if r["reliability"] not in RELIABILITY:
            err(r, "reliability", f"'{r['reliability']}' not in {sorted(RELIABILITY)}")
        dup = (key, r["fact"], r["source_url"])
        if dup in seen:
            err(r, "fact", f"duplicate {r['fact']} from the same source")
        seen.add(dup)


def check_unverified(rows):
    for r in rows:
        for col in ("name", "specialty", "why_unverified"):
            if not r[col].strip():
                err(r, col, "empty")
        if r["specialty"] not in SPECIALTIES:
            err(r, "specialty", f"'{r['specialty']}' not in {SPECIALTIES}")
        if not ISO.match(r["noted_on"]):
            err(r, "noted_on", f"'{r['noted_on']}' is not YYYY-MM-DD")


def outside_facts():
    """IM facts already held elsewhere: FREIDA fields in ../catalog.csv and stated rules in ../program-rules.csv."""
    any_fact, visa = set(), set()
    cat = os.path.join(HERE, "..", "catalog.csv")
    if os.path.exists(cat):
        for r in csv.DictReader(open(cat, newline="", encoding="utf-8")):
            if r["specialty"] != "Internal Medicine" or not r["region"]:
                continue
            if any(r[c] for c in ("pgy1_positions", "pct_img", "visas", "interviews_last_year")):
                any_fact.add(r["acgme_id"])
            if r["visas"]:
                visa.add(r["acgme_id"])
    rules = os.path.join(HERE, "..", "program-rules.csv")
    if os.path.exists(rules):
        for r in csv.DictReader(open(rules, newline="", encoding="utf-8")):
            any_fact.add(r["acgme_id"])
            if r["rule"] in ("VisaAllowed", "CitizensOrPermanentResidentsOnly"):
                visa.add(r["acgme_id"])
    return any_fact, visa


def coverage(programs, facts, unverified):
    ext_any, ext_visa = outside_facts()
    with_fact = {(f["program_id"], f["track"]) for f in facts}
    with_visa = {(f["program_id"], f["track"]) for f in facts if f["fact"] in VISA_FACTS}
    print("| Specialty | " + " | ".join(REGIONS) + " | Total |")
    print("|---|" + "---|" * (len(REGIONS) + 1))
    for spec in SPECIALTIES:
        cells, tot = [], [0, 0, 0, 0]
        for reg in REGIONS:
            rows = [p for p in programs if p["specialty"] == spec and p["region"] == reg]
            keys = [(p["program_id"], p["track"]) for p in rows]
            n = len(rows)
            nf = sum(1 for k in keys if k in with_fact or (k[1] == "categorical" and k[0] in ext_any))
            nv = sum(1 for k in keys if k in with_visa or (k[1] == "categorical" and k[0] in ext_visa))
            nu = sum(1 for u in unverified if u["specialty"] == spec and u["region"] == reg)
            for i, v in enumerate((n, nf, nv, nu)):
                tot[i] += v
            cells.append(f"{n} / {nf} / {nv} / {nu}")
        print(f"| {spec} | " + " | ".join(cells) + f" | {tot[0]} / {tot[1]} / {tot[2]} / {tot[3]} |")
    other = [u for u in unverified if u["region"] not in REGIONS]
    print("\nCells: programs listed / with >=1 fact beyond location / visa policy known / known but unverified."
          + (f" {len(other)} unverified program(s) without a single region are not in the table." if other else ""))


def main():
    programs = read("programs.csv", ["program_id", "track", "specialty", "name", "city", "state", "region",
                                     "list_name", "list_url", "list_date", "retrieved_on", "reliability", "notes"])
    facts = read("facts.csv", ["program_id", "track", "specialty", "fact", "value", "source_name", "source_url",
                               "source_date", "retrieved_on", "quote", "reliability", "notes"])
    unverified = read("known-unverified.csv", ["name", "specialty", "city", "region", "why_unverified", "hint_url",
                                               "noted_on"])
    keys = check_programs(programs)
    check_facts(facts, keys)
    check_unverified(unverified)
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s)")
        return 1
    print(f"OK: {len(programs)} program rows, {len(facts)} facts, {len(unverified)} known-unverified\n")
    coverage(programs, facts, unverified)
    return 0


if __name__ == "__main__":
    sys.exit(main())
