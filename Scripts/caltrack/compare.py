#!/usr/bin/env python3
"""Savings from bills: Foyer's calibrated physics against OpenEEmeter's CalTRACK billing method.

Issue 12, item 5(b). Synthetic households whose use is known (set-point, heated share, season,
hot water, appliances drawn at random) live one year before a measure (attic, walls, windows,
boiler) and one year after it, each year with its own weather (two different French RT2012 EPW
years). Their monthly bills are simulated by Foyer with that weather and given 3 % noise. Both
methods see only the bills before and after and the daily mean temperatures of both years:

- Foyer: `foyer calibrate` on the bills before (weather: the station days laid on the reference
  year's hours), then the calibrated household on the days after (`--after`): the counterfactual.
- CalTRACK: eemeter's BillingModel (CalTRACK 2.0 billing method) fitted on the bills before with
  the daily temperatures, predicted over the days after.

Saving = counterfactual − billed after. The true saving is the household without the measure
minus the household with it, both on the after year's real weather, without noise. Each
method's error is its saving less the true saving, in % of the true saving.

Usage: make caltrack-comparison  (creates .build/caltrack-venv and writes Docs/CalTRACKComparison.md
numbers to standard output; --households N, --seed S).
"""
import argparse
import calendar
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOYER = os.path.join(ROOT, ".build", "release", "foyer")
SHARED_WEATHER = os.path.join(os.path.dirname(ROOT), "shared", "weather", "rt2012")
PRE_YEAR, POST_YEAR = 2023, 2025
PCS_PER_PCI = 1.11  # natural gas, as Foyer's Energy.naturalGas.grossOverNetCalorificValue

ARCHETYPES = {
    # id: (heating energy, reference climate for the hours, heating system id)
    "fr/sfh-1949-1974": ("natural_gas", "H1a", "boiler"),
    "be/terraced-pre-1945": ("natural_gas", "BE-Uccle", "boiler"),
    "fr/sfh-1990-2005": ("natural_gas", "H1a", "boiler"),
    "fr/sfh-1975-1989": ("electricity", "H1a", "convectors"),
}
ZONES = ["H1a", "H1b", "H1c", "H2a", "H2b"]


def run(args):
    result = subprocess.run([FOYER] + args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("foyer " + " ".join(args) + "\n" + result.stderr)
    return result.stdout


def archetype(id_):
    with open(os.path.join(ROOT, "Buildings", id_ + ".json")) as handle:
        return json.load(handle)


def measure_patch(kind, base):
    env = base["envelope"]
    if kind == "attic":
        return {"envelope": {"roofs": [{"id": r["id"], "u_value_w_per_m2k": 0.2} for r in env["roofs"]]}}
    if kind == "walls":
        return {"envelope": {"walls": [{"id": w["id"], "u_value_w_per_m2k": 0.35} for w in env["walls"]]}}
    if kind == "windows":
        return {"envelope": {"windows": [{"id": w["id"], "u_value_w_per_m2k": 1.4, "g_value": 0.55} for w in env["windows"]]}}
    if kind == "envelope":
        # Attic, walls and windows together (the all-electric houses' one measure that a bill shows).
        patch = {}
        for part in ("attic", "walls", "windows"):
            patch = merge(patch, measure_patch(part, base)) if patch else measure_patch(part, base)
        return patch
    if kind == "boiler":
        system = base["heating"]["systems"][0]
        return {"heating": {"systems": [{"id": system["id"], "type": "gas_boiler_condensing", "efficiency": 0.92,
                                         "description": "condensing boiler (the measure)"}]}}
    raise ValueError(kind)


def merge(base, patch):
    """Dwelling-file merge for the patches above: objects by key, lists of objects by id."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(patch, list) and all(isinstance(e, dict) and "id" in e for e in base + patch):
        out = [dict(e) for e in base]
        for element in patch:
            for index, existing in enumerate(out):
                if existing["id"] == element["id"]:
                    out[index] = merge(existing, element)
                    break
            else:
                out.append(element)
        return out
    return patch


def season(days):
    """The season of `days` days centred on 15 January (as Foyer's HouseholdParameter.season)."""
    length = int(round(days))
    first = (14 - length // 2 + 365) % 365
    last = (first + max(length, 1) - 1) % 365
    def month_day(d):
        day = date(2025, 1, 1) + timedelta(days=d)
        return f"{day.month:02d}-{day.day:02d}"
    return {"start": month_day(first), "end": month_day(last)}


def epw_daily_means(path):
    with open(path, encoding="latin-1") as handle:
        rows = handle.read().splitlines()[8:]
    temps = [float(row.split(",")[6]) for row in rows if row.strip()]
    return [sum(temps[d * 24:(d + 1) * 24]) / 24 for d in range(365)]


def monthly_bills(monthly_kwh, energy, year, noise, rng):
    lines = []
    factor = PCS_PER_PCI if energy == "natural_gas" else 1.0
    for month in range(1, 13):
        last = calendar.monthrange(year, month)[1]
        kwh = monthly_kwh[month - 1] * factor * (1 + noise * rng.uniform(-1, 1))
        lines.append(f"{energy};main;consumption;01/{month:02d}/{year};{last:02d}/{month:02d}/{year};{kwh:.1f};kwh;;;;;;actual;")
    return lines


HEADER = "energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note"


def simulate_monthly(dwelling_path, epw, year, energy, workdir):
    weekday = date(year, 1, 1).isoweekday()
    report = json.loads(run(["simulate", dwelling_path, "--use", "household", "--weather", epw, "--first-weekday", str(weekday),
                             "--format", "json"]))
    for item in report["energy"]["delivered"]:
        if item["energy"] == energy:
            return item["monthly_kwh"]
    raise RuntimeError(f"{dwelling_path}: no {energy} delivered")


def caltrack_saving(pre_kwh, post_kwh, pre_means, post_means, is_electricity):
    import numpy as np
    import pandas as pd
    from eemeter.eemeter.models.billing import BillingBaselineData, BillingModel, BillingReportingData

    def frame(year, monthly, means):
        # eemeter's billing data: one value per period start, and one more row marking the end
        # of the last period (any value but NaN); temperatures must reach that end too (the
        # next 1 January takes 31 December's mean). Local time, as CalTRACK asks.
        starts = pd.date_range(f"{year}-01-01", periods=13, freq="MS", tz="Europe/Paris")
        meter = pd.Series(list(monthly) + [0.0], index=starts, name="observed")
        days = pd.date_range(f"{year}-01-01", periods=366, freq="D", tz="Europe/Paris")
        temperature = pd.Series([t * 9 / 5 + 32 for t in list(means) + [means[-1]]], index=days, name="temperature")
        return meter, temperature

    meter, temperature = frame(PRE_YEAR, pre_kwh, pre_means)
    baseline = BillingBaselineData.from_series(meter, temperature, is_electricity_data=is_electricity)
    model = BillingModel().fit(baseline, ignore_disqualification=True)
    meter, temperature = frame(POST_YEAR, post_kwh, post_means)
    reporting = BillingReportingData.from_series(meter, temperature, is_electricity_data=is_electricity)
    predicted = model.predict(reporting, ignore_disqualification=True)
    counterfactual = float(predicted["predicted"].sum())
    return counterfactual - float(sum(post_kwh)), counterfactual


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=24)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--model", default="iso52016")
    options = parser.parse_args()
    if not os.path.isdir(SHARED_WEATHER):
        print(f"skipped: {SHARED_WEATHER} is absent (the RT2012 EPW years live in ../shared/weather)")
        return 0
    if not os.access(FOYER, os.X_OK):
        print(f"{FOYER} is missing: run `swift build -c release --product foyer` first", file=sys.stderr)
        return 1
    rng = random.Random(options.seed)
    rows = []
    print("| # | archetype | measure | weather before→after | year without measure, kWh | true saving, kWh | Foyer, kWh | CalTRACK, kWh | Foyer error, % | CalTRACK error, % |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for index in range(options.households):
            id_ = list(ARCHETYPES)[index % len(ARCHETYPES)]
            energy, reference, _ = ARCHETYPES[id_]
            base = archetype(id_)
            kinds = ["attic", "walls", "windows"] + (["boiler"] if energy == "natural_gas" else [])
            rng.shuffle(kinds)
            kinds.append("envelope")
            pre_zone, post_zone = rng.sample(ZONES, 2)
            occupants = rng.choice([1, 2, 3, 4])
            truth = {
                "setpoint": rng.uniform(16.5, 20.5), "heated_share": rng.uniform(0.5, 1.0), "season_days": rng.uniform(180, 260),
                "hot_water_litres_per_day": rng.uniform(30, 50) * occupants, "appliances_kwh_per_year": rng.uniform(1000, 3000),
            }
            household_use = {
                "thermostat": {"heating_setpoint_c": round(truth["setpoint"], 2), "heating_setback_c": round(truth["setpoint"], 2),
                               "heating_season": season(truth["season_days"])},
                "heated_share": {"fraction": round(truth["heated_share"], 3)},
                "hot_water": {"litres_per_person_per_day": round(truth["hot_water_litres_per_day"] / occupants, 2)},
                "other_uses": {"appliances_kwh_per_year": round(truth["appliances_kwh_per_year"], 1)},
            }
            start = {"schema": "foyer.dwelling/1", "base": id_, "name": f"household {index + 1}", "occupancy": {"occupants": occupants}}
            before = dict(start, household_use=household_use)
            paths = {}
            for name, document in (("start", start), ("before", before)):
                paths[name] = os.path.join(workdir, f"h{index}-{name}.json")
                with open(paths[name], "w") as handle:
                    json.dump(document, handle)
            pre_epw = os.path.join(SHARED_WEATHER, f"FRA_RT2012_{pre_zone}.epw")
            post_epw = os.path.join(SHARED_WEATHER, f"FRA_RT2012_{post_zone}.epw")
            pre_true = simulate_monthly(paths["before"], pre_epw, PRE_YEAR, energy, workdir)
            post_without = simulate_monthly(paths["before"], post_epw, POST_YEAR, energy, workdir)
            # A measure a bill can show: the first (in random order) saving at least 10 % of the
            # meter's year; below that, 3 % noise on monthly bills drowns any method.
            for kind in kinds:
                after = merge(before, measure_patch(kind, base))
                paths["after"] = os.path.join(workdir, f"h{index}-after.json")
                with open(paths["after"], "w") as handle:
                    json.dump(after, handle)
                post_with = simulate_monthly(paths["after"], post_epw, POST_YEAR, energy, workdir)
                if sum(post_without) - sum(post_with) >= 0.10 * sum(post_without):
                    break
            else:
                print(f"| {index + 1} | {id_} | no measure saves 10 % | | | | | | | |", flush=True)
                continue
            true_saving = sum(post_without) - sum(post_with)
            noise = random.Random(options.seed * 1000 + index)
            pre_lines = monthly_bills(pre_true, energy, PRE_YEAR, 0.03, noise)
            post_lines = monthly_bills(post_with, energy, POST_YEAR, 0.03, noise)
            bills = {}
            for name, lines in (("pre", pre_lines), ("post", post_lines)):
                bills[name] = os.path.join(workdir, f"h{index}-{name}.csv")
                with open(bills[name], "w") as handle:
                    handle.write("\n".join([HEADER] + lines) + "\n")
            pre_means, post_means = epw_daily_means(pre_epw), epw_daily_means(post_epw)
            station = os.path.join(workdir, f"h{index}-station.csv")
            with open(station, "w") as handle:
                handle.write("date,mean_c\n")
                for year, means in ((PRE_YEAR, pre_means), (POST_YEAR, post_means)):
                    for day, value in enumerate(means):
                        when = date(year, 1, 1) + timedelta(days=day)
                        handle.write(f"{when.isoformat()},{value:.2f}\n")
            calibration = json.loads(run(["calibrate", paths["start"], "--bills", bills["pre"], "--after", bills["post"],
                                          "--temperatures", station, "--weather", reference, "--model", options.model, "--format", "json"]))
            meter = [m for m in calibration["measured_saving"]["meters"] if m["energy"] == energy][0]
            # Bills are PCS for gas: back to the simulation's PCI for the comparison.
            basis = PCS_PER_PCI if energy == "natural_gas" else 1.0
            foyer_saving = meter["saving_kwh"]
            billed_pre = [float(l.split(";")[5]) / basis for l in pre_lines]
            billed_post = [float(l.split(";")[5]) / basis for l in post_lines]
            caltrack, caltrack_counterfactual = caltrack_saving(billed_pre, billed_post, pre_means, post_means, energy == "electricity")
            rows.append({
                "household": index + 1, "archetype": id_, "measure": kind, "weather": f"{pre_zone}→{post_zone}",
                "true_kwh": true_saving, "foyer_kwh": foyer_saving, "caltrack_kwh": caltrack, "year_kwh": sum(post_without),
                "foyer_error_percent": 100 * (foyer_saving - true_saving) / true_saving,
                "caltrack_error_percent": 100 * (caltrack - true_saving) / true_saving,
            })
            r = rows[-1]
            print(f"| {r['household']} | {id_} | {kind} | {r['weather']} | {sum(post_without):.0f} | {true_saving:.0f} | {foyer_saving:.0f} | "
                  f"{caltrack:.0f} | {r['foyer_error_percent']:+.1f} | {r['caltrack_error_percent']:+.1f} |", flush=True)
    foyer = [r["foyer_error_percent"] for r in rows]
    caltrack = [r["caltrack_error_percent"] for r in rows]
    print()
    print(f"households: {len(rows)}")
    print(f"Foyer:    mean error {statistics.mean(foyer):+.1f} %, mean |error| {statistics.mean(map(abs, foyer)):.1f} %, worst {max(foyer, key=abs):+.1f} %")
    print(f"CalTRACK: mean error {statistics.mean(caltrack):+.1f} %, mean |error| {statistics.mean(map(abs, caltrack)):.1f} %, worst {max(caltrack, key=abs):+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
