#!/usr/bin/env python3
"""Issue 12, item 5(c): are the household uses that calibration finds physically reasonable?

Each archetype with a metered heating energy is simulated at the conventional use on its
reference climate; the heating part of its bills is then set at a published ratio of actual to
conventional consumption — 0.5, French G-class dwellings (CAE Focus n° 103, 2024, 178 110
households), and 0.7, the German average (Sunikka-Blank & Galvin 2012) — the rest (hot water,
appliances, cooking, lighting) left as simulated. The heating energy's month by month follows
the heating need's. `foyer calibrate` fits the set-point, the heated share and the
season; this prints what it finds, for a reader to judge against what visits show (fuel-poor
households heating one or two rooms to 16–19 °C from November to March).

Usage: python3 Scripts/calibration/plausibility.py  (after swift build -c release --product foyer)
"""
import calendar
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOYER = os.path.join(ROOT, ".build", "release", "foyer")
PCS_PER_PCI = 1.11
HEADER = "energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note"
ARCHETYPES = ["fr/sfh-pre-1948", "fr/sfh-1949-1974", "fr/sfh-1975-1989", "fr/sfh-1990-2005", "fr/sfh-2006-2012",
              "fr/sfh-post-2012", "be/terraced-pre-1945", "be/detached-1971-1990"]


def foyer(*args):
    result = subprocess.run([FOYER, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + result.stderr)
    return result.stdout


def main():
    if not os.access(FOYER, os.X_OK):
        print(f"{FOYER} is missing: run `swift build -c release --product foyer` first", file=sys.stderr)
        return 1
    print("| archetype | heating energy | conventional kWh/yr | heating ratio | bills kWh/yr | set-point °C | heated share | season days | G14 NMBE / CV(RMSE) % | notes |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for archetype in ARCHETYPES:
            report = json.loads(foyer("simulate", archetype, "--use", "conventional", "--first-weekday", "7", "--format", "json"))
            heating = [s["energy"] for s in report["energy"]["heating_systems"]][0]
            delivered = {item["energy"]: item for item in report["energy"]["delivered"]}
            need = [m["heating_need_kwh"] for m in report["monthly"]]
            heating_kwh = delivered[heating]["by_use_kwh"].get("heating", 0)
            for ratio in (0.5, 0.7):
                lines = []
                for energy, item in delivered.items():
                    basis = PCS_PER_PCI if energy == "natural_gas" else 1.0
                    for month in range(1, 13):
                        last = calendar.monthrange(2023, month)[1]
                        kwh = item["monthly_kwh"][month - 1]
                        if energy == heating and sum(need) > 0:
                            kwh -= (1 - ratio) * heating_kwh * need[month - 1] / sum(need)
                        kwh *= basis
                        lines.append(f"{energy};main;consumption;01/{month:02d}/2023;{last:02d}/{month:02d}/2023;{kwh:.1f};kwh;;;;;;actual;")
                bills = os.path.join(workdir, "bills.csv")
                with open(bills, "w") as handle:
                    handle.write("\n".join([HEADER] + lines) + "\n")
                result = json.loads(foyer("calibrate", archetype, "--bills", bills, "--fit", "setpoint,heated_share,season_days", "--format", "json"))
                values = {p["name"]: p for p in result["parameters"]}
                meter = [m for m in result["meters"] if m["energy"] == heating][0]
                def show(name, decimals):
                    p = values[name]
                    text = f"{p['value']:.{decimals}f}"
                    if p.get("standard_error") is not None:
                        text += f" ± {p['standard_error']:.{decimals}f}"
                    return text + {"at_bound": " (bound)", "not_determined": " (not determined)"}.get(p["status"], "")
                notes = "; ".join(n.split(":")[0] for n in result["identifiability"] if "trade off" in n or "bound" in n)
                print(f"| {archetype} | {heating} | {delivered[heating]['kwh']:.0f} | {ratio} | {meter['billed_kwh']:.0f} | {show('setpoint', 1)} | "
                      f"{show('heated_share', 2)} | {show('season_days', 0)} | {meter['nmbe_percent']:.1f} / {meter['cv_rmse_percent']:.1f} | {notes} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
