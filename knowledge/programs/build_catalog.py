#!/usr/bin/env python3
"""One-off conversion: shared/data FREIDA IM 2025 + program locations 2018-19 -> knowledge/programs/catalog.csv.

Run from the repository root:  python3 knowledge/programs/build_catalog.py ../shared/data
Keeps program facts only (no director/coordinator contacts). See README.md in this folder.
"""
import ast
import csv
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
OUT = "knowledge/programs/catalog.csv"

FREIDA_SOURCE = "AMA FREIDA Internal Medicine listing (extract avinashsvinu/scapper freida_programs_output_with_academic_year.csv @ f9cebffa69cfcc617cadac2106de30d82c99d579)"
FREIDA_URL = "https://freida.ama-assn.org/"
LOC_SOURCE = "ACGME program listing 2018-19 (extract nmacklin/MactionCreations app/static/data/programDatabase.js @ 2a5955aa33d9d642ae5b5df4e0e1e976a0f4e709)"
LOC_URL = "https://github.com/nmacklin/MactionCreations/blob/2a5955aa33d9d642ae5b5df4e0e1e976a0f4e709/app/static/data/programDatabase.js"
LOC_DATE = "2019-01-20"

# Region tags per domain-data.md section 9 (LA, OC, SD, IE, VSB, CV = Kern/Central Valley).
REGIONS = {
    "LA": "Long Beach|Los Angeles|Lynwood|Pasadena|Sylmar|Torrance|Downey|Duarte|Glendale|Northridge|Pomona|West Covina|Whittier|Woodland Hills|Harbor City|Panorama City|Burbank|Santa Monica|Montebello|Norwalk|Bellflower|Lancaster|Palmdale|Van Nuys|Mission Hills|Baldwin Park|Carson|Compton|Culver City|Encino|Tarzana|Glendora|Covina|Arcadia|El Monte|Alhambra|Gardena|Hawthorne|Lakewood|Valencia|Santa Clarita|Inglewood",
    "OC": "Anaheim|Orange|Irvine|Newport Beach|Santa Ana|Fountain Valley|Fullerton|Garden Grove|Mission Viejo|Huntington Beach|Tustin|Laguna Hills|Costa Mesa|Westminster",
    "SD": "San Diego|La Jolla|Chula Vista|Oceanside|Escondido|Camp Pendleton|El Cajon|National City|La Mesa|Vista|Encinitas|Carlsbad|Poway|Borrego Springs",
    "IE": "Apple Valley|Colton|Fontana|Hemet|Loma Linda|Moreno Valley|Murrieta|Palm Springs|Rancho Mirage|Riverside|San Bernardino|Temecula|Upland|Victorville|Ontario|Indio|Corona|Redlands|Rancho Cucamonga|Chino|Montclair|Palm Desert",
    "VSB": "Santa Barbara|Thousand Oaks|Ventura|Oxnard|Camarillo|Santa Maria|Simi Valley",
    "CV": "Bakersfield|French Camp|Stockton|Fresno|Clovis|Modesto|Porterville|Tulare|Visalia|Merced|Hanford|Delano|Madera|Turlock|Lodi|Manteca",
}
CITY_FIX = {"Ingelwood": "Inglewood", "Loma LInda": "Loma Linda"}
CITY_REGION = {c: r for r, cities in REGIONS.items() for c in cities.split("|")}

SPECIALTY = {  # NRMP Charting Outcomes names for the labelled ACGME codes
    "120": "Family Medicine", "140": "Internal Medicine", "999": "Transitional Year", "400": "Psychiatry",
    "320": "Pediatrics", "220": "Obstetrics and Gynecology", "440": "Surgery-General",
    "340": "Physical Medicine and Rehabilitation", "110": "Emergency Medicine", "180": "Neurology",
    "300": "Pathology-Anatomic and Clinical", "080": "Dermatology", "420": "Radiology-Diagnostic",
    "040": "Anesthesiology",
}
VISA = {"J-1 through ECFMG": "J1", "H-1B": "H1B", "F-1": "F1"}
COLUMNS = ["acgme_id", "specialty", "name", "city", "state", "region", "program_type", "pgy1_positions",
           "interviews_last_year", "pct_img", "pct_usmd", "visas", "first_academic_year", "accepting_applications",
           "latitude", "longitude", "website", "source", "source_url", "retrieved_on"]


def num(s):
    return "" if s.strip() == "" else ("%g" % float(s))


def visas(raw):
    items = ast.literal_eval(raw) if raw.strip() else []
    out = []
    for it in items:
        v = it["value"] if isinstance(it, dict) else it
        out.append(VISA[v])
    return ";".join(sorted(set(out), key=["J1", "H1B", "F1"].index))


def region(city, state):
    return CITY_REGION.get(city, "") if state == "CA" else ""


def main():
    locs = {}
    for r in csv.DictReader(open(f"{DATA}/program-locations-2018-19.csv", newline="")):
        locs.setdefault(r["acgme_id"], r)
    rows = []
    seen = set()
    for r in csv.DictReader(open(f"{DATA}/freida-internal-medicine-programs-2025.csv", newline="")):
        if r["program_id"] in seen:
            continue  # 1401900001 (Kansas, Olathe) appears twice in the extract; keep the first row
        city = CITY_FIX.get(r["city"], r["city"])
        loc = locs.get(r["program_id"], {})
        rows.append({
            "acgme_id": r["program_id"], "specialty": "Internal Medicine", "name": r["program_name_suffix"].removesuffix(" Program"),
            "city": city, "state": r["state"], "region": region(city, r["state"]),
            "program_type": r["program_best_described_as"], "pgy1_positions": num(r["first_year_positions"]),
            "interviews_last_year": num(r["interviews_conducted_last_year"]), "pct_img": num(r["pct_img"]),
            "pct_usmd": num(r["pct_usmd"]), "visas": visas(r["visa_statuses_accepted"]),
            "first_academic_year": r["acgme_first_academic_year"][:4], "accepting_applications": r["accepting_applications_2026_2027"].lower(),
            "latitude": loc.get("latitude", ""), "longitude": loc.get("longitude", ""), "website": r["website"],
            "source": FREIDA_SOURCE, "source_url": FREIDA_URL, "retrieved_on": r["data_last_updated"][:10],
        })
        seen.add(r["program_id"])
    for r in locs.values():
        spec = SPECIALTY.get(r["specialty_code"])
        if spec is None or r["specialty_code"] == "140" or r["acgme_id"] in seen:  # IM comes from FREIDA only
            continue
        rows.append({
            "acgme_id": r["acgme_id"], "specialty": spec, "name": r["program"].removesuffix(" Program"), "city": r["city"],
            "state": r["state"], "region": region(r["city"], r["state"]), "program_type": "", "pgy1_positions": "",
            "interviews_last_year": "", "pct_img": "", "pct_usmd": "", "visas": "", "first_academic_year": "",
            "accepting_applications": "", "latitude": r["latitude"], "longitude": r["longitude"], "website": "",
            "source": LOC_SOURCE, "source_url": LOC_URL, "retrieved_on": LOC_DATE,
        })
        seen.add(r["acgme_id"])
    rows.sort(key=lambda x: (x["specialty"], x["acgme_id"]))
    with open(OUT, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} programs -> {OUT}")


if __name__ == "__main__":
    main()
