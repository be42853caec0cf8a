#!/usr/bin/env python3
"""Composes Walloon electricity offers from their components (decision 0011).

A Walloon bill adds, per meter register, the supplier's energy price, the household's
distribution operator's network price, Elia's transport, the supplier's green-certificate
contribution, the special excise, the energy contribution and the Walloon connection fee, plus
the supplier's fixed fee and the operator's fixed term, VAT 6 % included. This script reads
those components from wallonia-components.json (each block sourced) and writes one
foyer-tariff-1 file per supplier offer × operator × meter (single-rate "mono" and day/night
"bihoraire") × period where none of the components changes:

    Tariffs/be/<offer>-<operator>-<mono|bihoraire>/<valid_from>.json

Run it after changing the components: python3 Scripts/tariffs/compose-wallonia.py
The files it writes are committed; `foyer validate`-style checks run on them in the tests.
"""
import json
import os
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def day(text):
    return date.fromisoformat(text) if text else None


def month_bounds(month):
    first = date.fromisoformat(month + "-01")
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def overlap(a_from, a_to, b_from, b_to):
    start = max(a_from, b_from)
    ends = [x for x in (a_to, b_to) if x is not None]
    end = min(ends) if ends else None
    return (start, end) if end is None or start <= end else None


def c(value):
    """c€/kWh → €/kWh, rounded to 0.01 m€ (the cards' precision is 0.001 c€)."""
    return round(value / 100, 8)


def main():
    with open(os.path.join(HERE, "wallonia-components.json")) as handle:
        data = json.load(handle)
    vat = data["vat_rate"]
    written = []
    for offer in data["offers"]:
        for card in offer["months"]:
            card_from, card_to = month_bounds(card["month"])
            for network in data["networks"]:
                span = overlap(card_from, card_to, day(network["valid_from"]), day(network["valid_to"]))
                if span is None:
                    continue
                for levies in data["levies"]:
                    interval = overlap(span[0], span[1], day(levies["valid_from"]), day(levies["valid_to"]))
                    if interval is None:
                        continue
                    hours = data["hours"][network["hours"]]
                    for operator, grid in sorted(network["operators"].items()):
                        meters = ("mono", "bihoraire") + (("impact",) if "impact_pic" in grid else ())
                        for meter in meters:
                            per_kwh_common = network["transport_c_per_kwh"] + card["green_c_per_kwh"] + levies["excise_c_per_kwh"] \
                                + levies["energy_contribution_c_per_kwh"] + levies["connection_fee_c_per_kwh"]
                            fixed = card["fixed_eur_per_year"] + grid["fixed_eur_per_year"]
                            if meter == "mono":
                                prices = [{"eur_per_kwh": c(card["mono"] + grid["mono"] + per_kwh_common)}]
                                periods = None
                            elif meter == "impact":
                                # PIC and MEDIUM at the day energy price, ECO at the night one; no network fixed term.
                                prices = [{"period": "pic", "eur_per_kwh": c(card["hp"] + grid["impact_pic"] + per_kwh_common)},
                                          {"period": "medium", "eur_per_kwh": c(card["hp"] + grid["impact_medium"] + per_kwh_common)},
                                          {"period": "eco", "eur_per_kwh": c(card["hc"] + grid["impact_eco"] + per_kwh_common)}]
                                periods = data["hours"]["impact"]["periods"]
                                fixed = card["fixed_eur_per_year"]
                            else:
                                prices = [{"period": "day", "eur_per_kwh": c(card["hp"] + grid["hp"] + per_kwh_common)},
                                          {"period": "night", "eur_per_kwh": c(card["hc"] + grid["hc"] + per_kwh_common)}]
                                periods = hours["periods"]
                            offer_id = f"{offer['offer']}-{operator}-{meter}"
                            document = {
                                "format": "foyer-tariff-1",
                                "offer": offer_id,
                                "name": f"{offer['name']} — {dict(mono='mono-horaire', bihoraire='bihoraire (jour/nuit)', impact='tarif Impact (3 plages, compteur communicant)')[meter]}, réseau {operator.upper()}",
                                "supplier": offer["supplier"],
                                "country": "BE",
                                "region": "wallonia",
                                "distribution_operator": operator,
                                "energy": "electricity",
                                "meter": dict(mono="single", bihoraire="peak_off_peak", impact="time_of_use")[meter],
                                "eligibility": "everyone",
                                "valid_from": interval[0].isoformat(),
                                "valid_to": interval[1].isoformat() if interval[1] else None,
                                "prices_include_vat": True,
                                "vat_rate": vat,
                                "sources": [card["source"], network["source"], network["transport_source"], levies["source"]]
                                           + ([data["hours"]["impact"]["source"]] if meter == "impact" else [hours["source"]] if periods else []),
                                "notes": (
                                    "Composed by Scripts/tariffs/compose-wallonia.py from wallonia-components.json (decision 0011): each register's price "
                                    f"is the sum of the supplier's energy ({card['mono'] if meter == 'mono' else str(card['hp']) + ' day / ' + str(card['hc']) + ' night'} c€/kWh), "
                                    f"{operator.upper()}'s distribution ({grid['mono'] if meter == 'mono' else (str(grid.get('impact_pic')) + ' PIC / ' + str(grid.get('impact_medium')) + ' MEDIUM / ' + str(grid.get('impact_eco')) + ' ECO') if meter == 'impact' else str(grid['hp']) + ' / ' + str(grid['hc'])} c€/kWh), "
                                    f"transport {network['transport_c_per_kwh']}, green certificates {card['green_c_per_kwh']}, excise {levies['excise_c_per_kwh']}, "
                                    f"energy contribution {levies['energy_contribution_c_per_kwh']} and connection fee {levies['connection_fee_c_per_kwh']} c€/kWh (all TVAC but the "
                                    f"connection fee, which bears no VAT: the bill's VAT line is overstated by 6 % of it, about 0.15 € on 3 500 kWh); the fixed charge is the "
                                    + (f"supplier's fee ({card['fixed_eur_per_year']} €/yr); the Impact tariff has no network fixed term, and without Impact energy prices in the contract PIC and MEDIUM are billed at the day energy price, ECO at the night one. " if meter == "impact" else f"supplier's fee ({card['fixed_eur_per_year']} €/yr) plus the operator's fixed term ({grid['fixed_eur_per_year']} €/yr). ")
                                    + "The excise is the first bands' rate (households under 20 000 kWh a year). The included excise and contribution are shown excluding VAT."),
                                "fixed_charges": [{"eur_per_year": round(fixed, 2)}],
                            }
                            if periods:
                                document["periods"] = periods
                                document["household_off_peak_hours"] = False
                                document["public_holidays_as_sunday"] = False
                            document["energy_prices"] = prices
                            taxes = [{"id": "accise", "name": "Droit d'accise spécial (hors TVA)", "eur_per_kwh": round(c(levies["excise_c_per_kwh"]) / (1 + vat), 8)}]
                            if levies["energy_contribution_c_per_kwh"] > 0:
                                taxes.append({"id": "cotisation_energie", "name": "Cotisation sur l'énergie (hors TVA)",
                                              "eur_per_kwh": round(c(levies["energy_contribution_c_per_kwh"]) / (1 + vat), 8)})
                            document["taxes"] = taxes
                            folder = os.path.join(ROOT, "Tariffs", "be", offer_id[len("be-"):])
                            os.makedirs(folder, exist_ok=True)
                            path = os.path.join(folder, interval[0].isoformat() + ".json")
                            with open(path, "w") as handle:
                                handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
                            written.append(os.path.relpath(path, ROOT))
    print(f"{len(written)} files written")
    for path in written:
        print("  " + path)


if __name__ == "__main__":
    main()
