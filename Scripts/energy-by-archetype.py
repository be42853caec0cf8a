#!/usr/bin/env python3
"""Per-archetype energy and bill table (Docs/EnergyByArchetype.md).

Runs `foyer simulate ARCHETYPE --format json` for every bundled dwelling archetype (not the
validation cases) and tabulates, from each report's `energy` section: delivered energy per
energy carrier (kWh, and the purchase quantity), the annual bill under every applicable offer
for each meter, and the cheapest one.

Usage: swift build -c release --product foyer && python3 Scripts/energy-by-archetype.py [.build/release/foyer]
"""
import json
import subprocess
import sys

FOYER = sys.argv[1] if len(sys.argv) > 1 else ".build/release/foyer"


def run(*args):
    done = subprocess.run([FOYER, *args], capture_output=True, text=True, check=True)
    return done.stdout


def main():
    listing = run("archetypes")
    names = [line.split()[0] for line in listing.splitlines() if line and not line.startswith((" ", "validation/"))]
    out = ["| archetype | heat need (kWh) | delivered energy | seasonal efficiency | annual bill by offer (€ TTC) | cheapest |",
           "|---|---|---|---|---|---|"]
    for name in names:
        report = json.loads(run("simulate", name, "--format", "json"))
        energy = report["energy"]
        delivered = []
        for item in energy["delivered"]:
            text = f"{item['energy']} {item['kwh']:,.0f} kWh"
            if item.get("quantity") is not None and item.get("unit") not in (None, "kwh"):
                text += f" ({item['quantity']:,.0f} {item['unit']})"
            delivered.append(text)
        systems = [f"{h['id']} {h['seasonal_efficiency']:.2f}" + (f" (SCOP {h['generator_seasonal_cop']:.2f})" if h.get("generator_seasonal_cop") else "")
                   for h in energy["heating_systems"]]
        bills, cheapest = [], []
        for comparison in energy["comparisons"]:
            meter = comparison["energy"] + ("" if comparison["circuit"] == "main" else f" ({comparison['circuit']})")
            options = comparison["options"]
            if not options:
                continue
            bills.append(f"{meter}, prices of {comparison['prices_on']}: " + "; ".join(f"{o['offer']} {o['total_eur']:,.0f}" for o in options))
            cheapest.append(f"{options[0]['offer']} ({options[0]['total_eur']:,.0f} €)")
        out.append(f"| {name} | {report['heating_need_kwh']:,.0f} | {'<br>'.join(delivered)} | {'<br>'.join(systems)} | {'<br>'.join(bills)} | {'<br>'.join(cheapest)} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
