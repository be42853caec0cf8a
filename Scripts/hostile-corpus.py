#!/usr/bin/env python3
"""Hostile-input corpus for the foyer command line: generate, run, classify.

Builds, from the project's own shipped files, a deterministic corpus of inputs a hostile (or
just careless) user could give foyer, runs the relevant commands on each with a time and memory
cap, and classifies every run. Standard library only.

Sources of the cases (every group is deterministic; the random numbers use a fixed seed):
  dw-leaf   every numeric leaf of Buildings/fr/*.json and Buildings/be/*.json replaced by NaN,
            "NaN", Infinity, "Infinity", 1e309, 1e308, -1e308, 5e-324, 0, -1, -0.0, 1e15, the
            number as a string, the number in an array, null, true
  dw-struct wrong types at object level, every key deleted in turn, duplicate keys, invalid
            UTF-8, truncated files, deep nesting (10^5 '['), huge number literals, bases and
            weather files that are not what they say, 2 000 and 20 000 walls
  supply    energy_supply: subscribed_kva 1e-300 / 7 / ..., off-peak "00:00-24:00", overlapping
            windows, unknown offer, gas offer as the electricity contract, Belgian offer for a
            French dwelling, Tempo on a single-register meter, ...
  tf-leaf   every numeric leaf of Tariffs/**/*.json, the same substitutions; the file is copied
            under a renamed offer id (`fr-zz-…`) into a --tariffs-dir of its own
  tf-struct negative and 1e308 taxes and fixed charges, -1 Tempo days, overlapping hours,
            "00:00-24:00", bad dates, wrong types, deleted keys, byte-level damage
  curve     load-curve CSVs from a generated hourly year (Europe/Paris clock): decimal commas in
            comma-separated files, 1e308, hex, kWh and Wh columns, negatives, years 1 to 9999,
            gaps, duplicates, summer-time changes, encodings, CSV syntax
  epw       EPW files from ../shared/weather (skipped with a message when absent): truncated,
            NUL bytes, a ninth header line, DATA PERIODS with absurd counts, every column set to
            hostile values, a hostile LOCATION line
  cli       --prices-on 0000-01-01, tariffs list --country XX, --tariffs-dir '', directories,
            FIFOs and /dev/zero as inputs, absurd values for every numeric option
  huge      (only with --huge) 200 MB dwelling key, description, tariff key, load curve and EPW

A case is one command line with an expectation:
  refuse          the input is clearly wrong: foyer must exit non-zero
  refuse-or-warn  clearly wrong or absurd: a non-zero exit, or a "warning"/"error" in the output
  any             foyer may accept or refuse, but must not crash, hang, run out of memory or
                  print a non-finite number
Cases whose command exits 0 may carry follow-up commands (a dwelling that validates is also
described and simulated; a tariff that loads is also billed and compared); follow-ups are "any".

Classes (the first that applies, in this order):
  hang       the run did not finish within --timeout seconds (the process group is killed)
  oom        a memory error on stderr, or killed by a signal after using half of --mem-gb
  crash      killed by a signal, or stderr contains "Fatal error", "Trace/breakpoint",
             "Program crashed", "Segmentation fault" or "Illegal instruction"
  nonfinite  an inf/nan/NaN/Infinity printed as a number (on stdout, or on stderr of a run that
             exits 0; diagnostic lines that only quote an input are ignored)
  silent     exit 0 although expect is "refuse", or exit 0 with no warning/error/mismatch
             anywhere in the output although expect is "refuse-or-warn"
  weak       refused, but the message does not name what is wrong: for JSON mutations the file
             name and the dotted snake_case path (e.g. envelope.walls[0].u_value_w_per_m2k; an
             ancestor path or the id form walls[wall-north] also counts), for syntax damage the
             file name (and the line when known), for CLI options the option or its value
  ok         none of the above

Run (the binary is an argument, so the same corpus can be re-run on newer builds):
  python3 Scripts/hostile-corpus.py --binary .build/release/foyer --jobs 1 --report hostile.jsonl
  python3 Scripts/hostile-corpus.py --binary /tmp/foyer --only 'curve/' --out /tmp/corpus --keep
Inputs of runs that are not "ok" are kept under --out (a temporary directory by default) to
reproduce them; with --keep every input is kept. The report (--report) has one JSON line per
run: id, command line, class, exit code, first 300 characters of stderr, and a few details.
"""
import argparse
import functools
import json
import math
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 20260110
MB = 1 << 20
HUGE_BYTES = 200 * MB


# ---------------------------------------------------------------------------------------------
# JSON writing with verbatim tokens and duplicate keys

class Raw(str):
    """JSON text written verbatim (NaN, 1e309, -0.0 …)."""


class Pairs(list):
    """A JSON object as a list of (key, value) pairs; keys may repeat."""


def dumps(v, ind=0):
    sp = "  "
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, (dict, Pairs)):
        items = list(v.items()) if isinstance(v, dict) else list(v)
        if not items:
            return "{}"
        inner = ",\n".join(f"{sp * (ind + 1)}{json.dumps(k, ensure_ascii=False)}: {dumps(x, ind + 1)}"
                           for k, x in items)
        return "{\n" + inner + "\n" + sp * ind + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        if all(not isinstance(x, (dict, list)) for x in v):
            return "[" + ", ".join(dumps(x, ind) for x in v) + "]"
        return "[\n" + ",\n".join(sp * (ind + 1) + dumps(x, ind + 1) for x in v) + "\n" + sp * ind + "]"
    return json.dumps(v, ensure_ascii=False)


def walk(v, path=()):
    """Every node of a JSON value with its path (a tuple of keys and indices)."""
    yield path, v
    if isinstance(v, dict):
        for k, x in v.items():
            yield from walk(x, path + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from walk(x, path + (i,))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def put(doc, path, value):
    get(doc, path[:-1])[path[-1]] = value


def dotted(path):
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + p)
    return out


def path_needles(doc, path):
    """Ways a message may name `path`: itself, its ancestors ending at a key or an element,
    and the `walls[wall-north]` form used once a file is merged over an archetype."""
    alts = []
    p = tuple(path)
    while p:
        alts.append(dotted(p))
        if not isinstance(p[-1], int):
            break
        p = p[:-1]
    ids = list(path)
    for i, part in enumerate(path):
        if isinstance(part, int):
            node = get(doc, path[:i + 1])
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                ids[i] = node["id"]
    if ids != list(path):
        alts.append("".join(f"[{x}]" if i and isinstance(path[i], int) else ("." if i else "") + str(x)
                            for i, x in enumerate(ids)))
    return alts


def line_of(text, marker):
    return text[:text.index(marker)].count("\n") + 1


# ---------------------------------------------------------------------------------------------
# Cases

@dataclass
class Case:
    id: str
    argv: list                     # arguments after the binary; "{d}" = the case's folder
    expect: str = "any"            # refuse | refuse-or-warn | any
    files: dict = field(default_factory=dict)   # name -> bytes, str or callable(Path)
    needles: list = field(default_factory=list)  # groups of alternatives, every group must appear
    then: list = field(default_factory=list)     # follow-up Cases, run when this one exits 0
    also: list = field(default_factory=list)     # sibling Cases on the same files, always run
    huge: bool = False

    @property
    def command(self):
        a = [x for x in self.argv if not x.startswith("-")]
        return ("tariffs " + a[1]) if a and a[0] == "tariffs" and len(a) > 1 else (a[0] if a else "?")


def case_group(cid):
    return cid.split("/", 1)[0]


# Leaf substitutions: label, value (or function of the original), expectation, syntax error?
def leaf_values(key):
    signed = key in ("latitude_deg", "longitude_deg", "altitude_m", "psi_w_per_mk")
    return [
        ("NaN", Raw("NaN"), "refuse", True),
        ('"NaN"', "NaN", "refuse", False),
        ("Infinity", Raw("Infinity"), "refuse", True),
        ('"Infinity"', "Infinity", "refuse", False),
        ("1e309", Raw("1e309"), "refuse", True),     # out of range for a double: a parse error
        ("1e308", Raw("1e308"), "refuse-or-warn", False),
        ("-1e308", Raw("-1e308"), "refuse-or-warn", False),
        ("5e-324", Raw("5e-324"), "any", False),
        ("0", Raw("0"), "any", False),
        ("-1", Raw("-1"), "any" if signed else "refuse-or-warn", False),
        ("-0.0", Raw("-0.0"), "any", False),
        ("1e15", Raw("1e15"), "refuse-or-warn", False),
        ("string", lambda o: str(o), "refuse", False),
        ("array", lambda o: [o], "refuse", False),
        ("null", None, "any", False),
        ("true", True, "refuse", False),
    ]


def mutate_leaf(src_text, path, value, syntax, orig):
    """The file text with the leaf at `path` replaced, and the line of the replacement."""
    doc = json.loads(src_text)
    if callable(value):
        value = value(orig)
    put(doc, path, Raw("@@HOSTILE@@"))
    text = dumps(doc) + "\n"
    line = line_of(text, "@@HOSTILE@@")
    text = text.replace("@@HOSTILE@@", value if isinstance(value, Raw) else json.dumps(value))
    return text, line


def safe(s):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", s)[:60]


# ---------------------------------------------------------------------------------------------
# Generated data: a realistic load curve on the Paris clock, archetype walls, EPW helpers

def last_sunday(year, month):
    d = date(year, month, 31)
    while d.weekday() != 6:
        d -= timedelta(days=1)
    return d


def wall_clock(year, step_min=60):
    """Interval starts of a year on the France/Belgium clock: the spring hour 02:00–03:00 does
    not exist, the autumn one is seen twice (summer time first)."""
    step = timedelta(minutes=step_min)
    spring, autumn = last_sunday(year, 3), last_sunday(year, 10)
    t, end, out = datetime(year, 1, 1), datetime(year + 1, 1, 1), []
    while t < end:
        if t.date() == spring and t.hour == 2:
            t += step
            continue
        if t.date() == autumn and t.hour == 3 and t.minute == 0:
            s = datetime(autumn.year, autumn.month, autumn.day, 2)
            while s < t:
                out.append(s)
                s += step
        out.append(t)
        t += step
    return out


def household_kwh(t, rnd, step_min=60):
    """A plausible electric household: base load, winter heating, morning and evening peaks."""
    doy = t.timetuple().tm_yday
    h = t.hour + t.minute / 60
    season = 0.25 + 0.35 * (1 + math.cos(2 * math.pi * (doy - 15) / 365))
    daily = 1 + 0.6 * math.exp(-((h - 19) / 2.5) ** 2) + 0.4 * math.exp(-((h - 8) / 1.5) ** 2)
    return season * daily * rnd.uniform(0.8, 1.2) * step_min / 60


def curve_rows(year=2026, step_min=60, seed=SEED):
    rnd = random.Random(seed)
    rows, last = [], None
    for t in wall_clock(year, step_min):
        v = round(household_kwh(t, rnd, step_min), 3)
        if last is not None and t == last[0] and v == last[1]:
            v = round(v + 0.001, 3)        # the repeated autumn hour must differ to be two hours
        rows.append((t, v))
        last = (t, v)
    return rows


def curve_text(rows, header="timestamp,kwh", sep=",", fmt=lambda t: t.strftime("%Y-%m-%dT%H:%M"),
               val=lambda v: f"{v:.3f}", eol="\n"):
    return header + eol + "".join(f"{fmt(t)}{sep}{val(v)}{eol}" for t, v in rows)


EPW_FIELDS = ["year", "month", "day", "hour", "minute", "flags", "dry_bulb", "dew_point",
              "rel_humidity", "pressure", "etr_horizontal", "etr_normal", "ir_horizontal",
              "global_horizontal", "direct_normal", "diffuse_horizontal", "global_illuminance",
              "direct_illuminance", "diffuse_illuminance", "zenith_luminance", "wind_direction",
              "wind_speed", "total_sky_cover", "opaque_sky_cover", "visibility", "ceiling_height",
              "present_weather_obs", "present_weather_codes", "precipitable_water",
              "aerosol_optical_depth", "snow_depth", "days_since_snow", "albedo",
              "liquid_precip_depth", "liquid_precip_rate"]
EPW_READ = {1, 2, 3, 6, 7, 8, 9, 12, 13, 14, 15, 20, 21, 22, 23}   # columns foyer reads (0-based)


def epw_lines(path):
    return path.read_bytes().decode("latin-1").splitlines()


def epw_join(lines):
    return ("\n".join(lines) + "\n").encode("latin-1")


def shuffled_rows(rows):
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    return rows


def set_column(lines, col, value, rows=None):
    out = lines[:8]
    for i, line in enumerate(lines[8:]):
        f = line.split(",")
        if (rows is None or i in rows) and col < len(f):
            f[col] = value
        out.append(",".join(f))
    return out


# ---------------------------------------------------------------------------------------------
# Case generators

def archetypes():
    return sorted(REPO.glob("Buildings/fr/*.json")) + sorted(REPO.glob("Buildings/be/*.json"))


def tariff_files():
    return sorted(REPO.glob("Tariffs/**/*.json"))


def dwelling_followups(cid, fpath):
    return [Case(f"{cid}/describe", ["describe", fpath, "--format", "json"]),
            Case(f"{cid}/simulate", ["simulate", fpath])]


def gen_dwelling_leaves():
    for src in archetypes():
        arch = f"{src.parent.name}-{src.stem}"
        text = src.read_text(encoding="utf-8")
        doc = json.loads(text)
        for path, v in walk(doc):
            if not is_number(v) or path[:1] == ("sources",):
                continue
            for label, value, expect, syntax in leaf_values(path[-1] if isinstance(path[-1], str) else path[-2]):
                cid = f"dw-leaf/{arch}/{dotted(path)}={label}"
                name = src.name

                def make(p, text=text, path=path, value=value, syntax=syntax, orig=v):
                    p.write_text(mutate_leaf(text, path, value, syntax, orig)[0], encoding="utf-8")
                needles = [[name]]
                if syntax:
                    needles.append([f"line {mutate_leaf(text, path, value, syntax, v)[1]}"])
                elif value is not None:
                    needles.append(path_needles(doc, path))
                f = "{d}/" + name
                yield Case(f"{cid}/validate", ["validate", f], expect, {name: make}, needles,
                           then=dwelling_followups(cid, f))


REQUIRED_KEYS = re.compile(r"^(schema|envelope|geometry|geometry\.floor_area_m2|"
                           r"envelope\.(walls|roofs|floors|doors|windows)\[\d+\]\.area_m2|"
                           r"(heating|hot_water)\.systems\[\d+\]\.type|"
                           r"thermal_bridges\.linear\[\d+\]\.(psi_w_per_mk|length_m))$")


def required(doc, path):
    """Whether deleting `path` from an archetype must be refused (DwellingSchema.md §4)."""
    d = dotted(path)
    if REQUIRED_KEYS.match(d):
        return True
    key, parent = path[-1], get(doc, path[:-1])
    if "glazing_layers" in path[:-1]:
        # Panes and gaps (decision 0009): the list keys, a pane's thickness and solar
        # properties and a gap's width are required; conductivity, reflectance_back,
        # emissivities, gas and fill fraction have defaults.
        return key in ("panes", "gaps", "thickness_m", "solar_transmittance", "solar_reflectance", "width_m")
    if len(path) == 4 and path[0] == "envelope" and isinstance(parent, dict) and "glazing_layers" in parent:
        # A window given by its layers: removing them, or its frame fraction of 0 (the default
        # 0.3 then asks for the whole window's U), leaves its U (and g) missing.
        if key == "glazing_layers":
            return "u_value_w_per_m2k" not in parent or "g_value" not in parent
        if key == "frame_fraction":
            return "u_value_w_per_m2k" not in parent
    if len(path) == 4 and path[0] == "envelope" and isinstance(parent, dict):
        family = path[1]
        if key == "u_value_w_per_m2k" and family != "windows" and "layers" not in parent:
            return True
        if key == "u_value_w_per_m2k" and family == "windows" and "glazing" not in parent and "glazing_layers" not in parent:
            return True
        if key == "g_value" and family == "windows" and "glazing" not in parent and "glazing_layers" not in parent:
            return True
        if key == "azimuth_deg" and family in ("walls", "doors") and parent.get("boundary", "outdoor") == "outdoor":
            return True
        if key == "azimuth_deg" and family == "windows" and parent.get("tilt_deg", 90) > 0:
            return True
        if key == "id":
            hosted = {w.get("wall") for fam in ("windows", "doors") for w in doc["envelope"].get(fam, [])}
            return parent.get("id") in hosted
    if key == "heating_system" and isinstance(parent, dict) and parent.get("type") == "from_heating_system":
        return True
    if key == "id" and path[:2] == ("heating", "systems"):
        return any(s.get("heating_system") == parent.get("id") for s in doc.get("hot_water", {}).get("systems", []))
    if key in ("thickness_m", "conductivity_w_per_mk") and "thermal_resistance_m2k_per_w" not in parent:
        return True
    return False


def text_case(cid, name, content, expect, needles, cmds=("validate",), then=True, huge=False):
    """One file, one or more commands on it (`validate` gets the describe/simulate follow-ups)."""
    f = "{d}/" + name
    main = Case(f"{cid}/{cmds[0]}", [cmds[0], f], expect, {name: content}, needles, huge=huge,
                then=dwelling_followups(cid, f) if then and cmds[0] == "validate" else [])
    for c in cmds[1:]:
        main.also.append(Case(f"{cid}/{c}", [c, f], expect, {}, needles, huge=huge))
    return main


def gen_dwelling_structure():
    base_src = REPO / "Buildings/fr/sfh-1949-1974.json"
    base_text = base_src.read_text(encoding="utf-8")
    # every key deleted in turn
    for src in archetypes():
        arch = f"{src.parent.name}-{src.stem}"
        doc = json.loads(src.read_text(encoding="utf-8"))
        for path, v in walk(doc):
            if not path or isinstance(path[-1], int) or path[0] in ("sources",):
                continue
            d2 = json.loads(src.read_text(encoding="utf-8"))
            del get(d2, path[:-1])[path[-1]]
            need = required(doc, path)
            yield text_case(f"dw-struct/{arch}/delete:{dotted(path)}", src.name, dumps(d2) + "\n",
                            "refuse" if need else "any",
                            [[src.name], path_needles(doc, path)] if need and path[-1] != "id" else [[src.name]])
    # wrong types at object level
    for src in (base_src, REPO / "Buildings/be/terraced-pre-1945.json"):
        arch = f"{src.parent.name}-{src.stem}"
        doc = json.loads(src.read_text(encoding="utf-8"))
        targets = [p for p, v in walk(doc) if isinstance(v, (dict, list)) and p and p[0] != "sources"
                   and len(p) <= 3 and not (isinstance(v, list) and v and all(is_number(x) for x in v))]
        for path in targets:
            orig = get(doc, path)
            for label, value in (("number", 1), ("string", "x"), ("true", True), ("null", None),
                                 ("other-container", {} if isinstance(orig, list) else []),
                                 ("empty", [] if isinstance(orig, list) else {})):
                d2 = json.loads(src.read_text(encoding="utf-8"))
                put(d2, path, value)
                if label in ("null", "empty"):
                    expect = "refuse" if dotted(path) == "envelope" else "any"
                else:
                    expect = "refuse"
                yield text_case(f"dw-struct/{arch}/type:{dotted(path)}={label}", src.name, dumps(d2) + "\n",
                                expect, [[src.name], path_needles(doc, path)] if expect == "refuse" else [])
        for label, value in (("array", []), ("number", 1), ("string", "x"), ("null", None)):
            yield text_case(f"dw-struct/{arch}/type:document={label}", src.name, json.dumps(value), "refuse", [[src.name]])
    # duplicate keys
    for src in archetypes():
        arch = f"{src.parent.name}-{src.stem}"
        doc = json.loads(src.read_text(encoding="utf-8"))
        dups = [(("geometry", "floor_area_m2"), Raw("1e308")), (("schema",), "foyer.dwelling/999"),
                (("envelope",), {}), (("envelope", "walls", 0, "u_value_w_per_m2k"), Raw("-1")),
                (("geometry", "floor_area_m2"), None), (("thermostat", "heating_setpoint_c"), "same")]
        for path, second in dups:
            try:
                orig = get(doc, path)
            except (KeyError, IndexError):
                continue
            d2 = json.loads(src.read_text(encoding="utf-8"))
            parent = get(d2, path[:-1])
            pairs = Pairs()
            for k, x in parent.items():
                pairs.append((k, x))
                if k == path[-1]:
                    pairs.append((k, orig if second == "same" else second))
            if len(path) == 1:
                d2 = pairs
            else:
                put(d2, path[:-1], pairs)
            label = "same" if second == "same" else (dumps(second).replace("\n", "") if second is not None else "null")
            yield text_case(f"dw-struct/{arch}/duplicate:{dotted(path)}={label}", src.name, dumps(d2) + "\n",
                            "refuse-or-warn", [[src.name], path_needles(doc, path)])
    # bytes: invalid UTF-8, truncation, nesting, encodings
    name = "sfh-1949-1974.json"
    raw = base_text.encode("utf-8")
    desc_at = raw.index(b'"description": "') + len(b'"description": "')
    name_key = raw.index(b'"name"') + 1
    schema_at = raw.index(b"foyer.dwelling/1")
    byte_cases = [
        ("utf8-ff-in-description", raw[:desc_at] + b"\xff\xfe" + raw[desc_at:], "refuse"),
        ("utf8-ff-in-key", raw[:name_key] + b"\xff" + raw[name_key:], "refuse"),
        ("utf8-ff-in-schema", raw[:schema_at] + b"\xff" + raw[schema_at:], "refuse"),
        ("utf8-lone-continuation", b"\x80" + raw, "refuse"),
        ("utf8-truncated-sequence", raw[:desc_at] + b"\xc3" + raw[desc_at:], "refuse"),
        ("utf8-overlong-slash", raw[:desc_at] + b"\xc0\xaf" + raw[desc_at:], "refuse"),
        ("utf8-encoded-surrogate", raw[:desc_at] + b"\xed\xa0\x80" + raw[desc_at:], "refuse"),
        ("utf16le-with-bom", b"\xff\xfe" + base_text.encode("utf-16-le"), "refuse"),
        ("utf8-bom", b"\xef\xbb\xbf" + raw, "any"),
        ("nul-byte-in-string", raw[:desc_at] + b"\x00" + raw[desc_at:], "refuse"),
        ("escaped-nul-in-string", raw[:desc_at] + b"\\u0000" + raw[desc_at:], "any"),
        ("unpaired-surrogate-escape", raw[:desc_at] + b"\\ud800" + raw[desc_at:], "any"),
        ("truncated-empty", b"", "refuse"),
        ("truncated-1-byte", raw[:1], "refuse"),
        ("truncated-10pct", raw[:len(raw) // 10], "refuse"),
        ("truncated-50pct", raw[:len(raw) // 2], "refuse"),
        ("truncated-90pct", raw[:len(raw) * 9 // 10], "refuse"),
        ("truncated-last-byte", raw[:-2], "refuse"),
        ("truncated-mid-number", raw[:raw.index(b'"u_value_w_per_m2k": 2.6') + len(b'"u_value_w_per_m2k": 2.')], "refuse"),
        ("truncated-after-backslash", raw[:desc_at + 5] + b"\\", "refuse"),
        ("truncated-mid-unicode-escape", raw[:desc_at + 5] + b"\\u00", "refuse"),
        ("deep-nesting-open-brackets-1e5", b"[" * 10 ** 5, "refuse"),
        ("deep-nesting-open-objects-1e5", b'{"a":' * 10 ** 5, "refuse"),
        ("deep-nesting-closed-1e5-as-name", raw[:raw.index(b'"name": "') + 8] + b"[" * 10 ** 5 + b"]" * 10 ** 5
         + raw[raw.index(b'",', raw.index(b'"name": "')) + 1:], "refuse"),
        ("deep-nesting-closed-1e4-as-name", raw[:raw.index(b'"name": "') + 8] + b"[" * 10 ** 4 + b"]" * 10 ** 4
         + raw[raw.index(b'",', raw.index(b'"name": "')) + 1:], "refuse"),
        ("deep-nesting-closed-1e3-as-name", raw[:raw.index(b'"name": "') + 8] + b"[" * 10 ** 3 + b"]" * 10 ** 3
         + raw[raw.index(b'",', raw.index(b'"name": "')) + 1:], "refuse"),
        ("number-literal-1e6-digits", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": 1' + b"0" * 10 ** 6), "refuse"),
        ("number-literal-1e6-decimals", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": 0.' + b"0" * 10 ** 6 + b"1"), "refuse-or-warn"),
        ("number-exponent-huge", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": 1e99999999999999999999'), "refuse"),
        ("number-exponent-tiny", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": 1e-99999999999999999999'), "refuse"),
        ("number-leading-plus", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": +95'), "refuse"),
        ("number-hex", raw.replace(b'"floor_area_m2": 95', b'"floor_area_m2": 0x5f'), "refuse"),
        ("trailing-garbage", raw + b"\n{}", "refuse"),
        ("comments", raw.replace(b"{", b"{ // hi\n", 1), "refuse"),
    ]
    for label, content, expect in byte_cases:
        yield text_case(f"dw-struct/fr-sfh-1949-1974/bytes:{label}", name, content, expect, [[name]])
    # base and weather_file that are not what they say
    def overlay(extra, loc=None):
        d = {"schema": "foyer.dwelling/1", "base": "fr/sfh-1949-1974", "name": "hostile"}
        d.update(extra)
        return dumps(d) + "\n"
    for label, base in (("self", "SELF"), ("traversal", "../../../../etc/passwd"), ("empty", ""),
                        ("number", 1e308), ("absolute", "/work/main/Buildings/fr/sfh-1949-1974.json"),
                        ("validation-case", "validation/ashrae140-600"), ("dotdot-json", "fr/../fr/sfh-1949-1974")):
        content = overlay({"base": base}) if base != "SELF" else (lambda p: p.write_text(overlay({"base": str(p)})))
        expect = "any" if label in ("validation-case", "absolute", "dotdot-json") else "refuse"
        yield text_case(f"dw-struct/base/{label}", "base.json", content, expect, [["base.json"], ["base"]])
    for label, wf, ev, es in (
            ("directory", "{d}", "refuse-or-warn", "refuse"),
            ("nonexistent", "{d}/nope.epw", "refuse-or-warn", "refuse"),
            ("empty-string", "", "refuse", "refuse"),
            ("dev-zero", "/dev/zero", "refuse-or-warn", "refuse"),
            ("fifo", "{d}/fifo.epw", "refuse-or-warn", "refuse"),
            ("itself", "{d}/weather.json", "refuse-or-warn", "refuse"),
            ("relative-traversal", "../../../../../../etc/passwd", "refuse-or-warn", "refuse")):
        files = {"fifo.epw": lambda p: os.mkfifo(p)} if label == "fifo" else {}

        def content(p, wf=wf):
            p.write_text(overlay({"location": {"weather_file": wf.replace("{d}", str(p.parent))}}))
        files["weather.json"] = content
        f = "{d}/weather.json"
        needles = [["weather.json", "nope.epw", "fifo.epw", "/dev/zero", "passwd"], ["weather_file", "weather"]]
        yield Case(f"dw-struct/weather_file/{label}/validate", ["validate", f], ev, files, needles,
                   also=[Case(f"dw-struct/weather_file/{label}/simulate", ["simulate", f], es, {}, needles),
                         Case(f"dw-struct/weather_file/{label}/bill", ["bill", f, "--tariff", "fr-cre-gas-reference"], es, {}, needles)])
    # many walls
    doc = json.loads(base_text)
    wall = dict(doc["envelope"]["walls"][1])
    wall.pop("description", None)
    for n in (2000, 20000):
        def make(p, n=n):
            d = json.loads(base_text)
            for i in range(n):
                w = dict(wall, id=f"wall-copy-{i:05d}", area_m2=1.0)
                d["envelope"]["walls"].append(w)
            p.write_text(json.dumps(d, ensure_ascii=False))
        f = "{d}/walls.json"
        cid = f"dw-struct/walls-{n}"
        yield Case(f"{cid}/validate", ["validate", f], "any", {"walls.json": make},
                   then=[Case(f"{cid}/describe", ["describe", f]),
                         Case(f"{cid}/simulate", ["simulate", f]),
                         Case(f"{cid}/simulate-5r1c", ["simulate", f, "--model", "5r1c", "--no-energy"]),
                         Case(f"{cid}/simulate-monthly", ["simulate", f, "--model", "monthly"])])


def gen_energy_supply():
    def d(supply, base="fr/sfh-1975-1989"):
        return dumps({"schema": "foyer.dwelling/1", "base": base, "name": "hostile supply",
                      "energy_supply": supply}) + "\n"
    base_contract = [{"energy": "electricity", "offer": "fr-edf-bleu-base"}]
    hphc = [{"energy": "electricity", "offer": "fr-edf-bleu-hphc"}]
    cases = [
        ("kva=1e-300", {"subscribed_kva": Raw("1e-300"), "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=7", {"subscribed_kva": 7, "contracts": base_contract}, "refuse-or-warn", "subscribed_kva"),
        ("kva=0.5", {"subscribed_kva": 0.5, "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=251", {"subscribed_kva": 251, "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=1e308", {"subscribed_kva": Raw("1e308"), "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=1e309", {"subscribed_kva": Raw("1e309"), "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=-1", {"subscribed_kva": -1, "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=string", {"subscribed_kva": "6", "contracts": base_contract}, "refuse", "subscribed_kva"),
        ("kva=1-single-meter-huge-peak", {"subscribed_kva": 1, "contracts": base_contract}, "refuse-or-warn", "subscribed_kva"),
        ("offpeak=00:00-24:00", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["00:00-24:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=overlapping", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["22:00-06:00", "23:00-07:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=same-twice", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["22:00-06:00", "22:00-06:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=empty-window", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["06:00-06:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=25:00", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["25:00-26:00"], "contracts": hphc}, "refuse", "off_peak_hours"),
        ("offpeak=not-quarter", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["22:07-06:00"], "contracts": hphc}, "refuse", "off_peak_hours"),
        ("offpeak=24:00-24:00", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["24:00-24:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=string-not-list", {"electricity_meter": "peak_off_peak", "off_peak_hours": "22:00-06:00", "contracts": hphc}, "refuse", "off_peak_hours"),
        ("offpeak=1000-windows", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["22:00-06:00"] * 1000, "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("offpeak=23-hours", {"electricity_meter": "peak_off_peak", "off_peak_hours": ["07:00-06:00"], "contracts": hphc}, "refuse-or-warn", "off_peak_hours"),
        ("contract=unknown-offer", {"contracts": [{"energy": "electricity", "offer": "fr-edf-bleu-bsae"}]}, "refuse", "contracts[0].offer"),
        ("contract=empty-offer", {"contracts": [{"energy": "electricity", "offer": ""}]}, "refuse", "contracts[0].offer"),
        ("contract=gas-offer-as-electricity", {"contracts": [{"energy": "electricity", "offer": "fr-cre-gas-reference"}]}, "refuse", "contracts[0]"),
        ("contract=electricity-offer-as-gas", {"contracts": [{"energy": "natural_gas", "offer": "fr-edf-bleu-base"}]}, "refuse", "contracts[0]"),
        ("contract=belgian-offer-french-dwelling", {"contracts": [{"energy": "electricity", "offer": "be-social-electricity-single"}]}, "refuse-or-warn", "contracts[0]"),
        ("contract=tempo-on-single-meter", {"electricity_meter": "single", "contracts": [{"energy": "electricity", "offer": "fr-edf-bleu-tempo"}]}, "refuse-or-warn", "contracts[0]"),
        ("contract=hphc-on-single-meter", {"electricity_meter": "single", "contracts": hphc}, "refuse-or-warn", "contracts[0]"),
        ("contract=two-electricity-main", {"contracts": base_contract + hphc}, "refuse", "contracts[1]"),
        ("contract=exclusive-night-on-french", {"contracts": base_contract + [{"energy": "electricity", "offer": "be-social-electricity-exclusive-night", "circuit": "exclusive_night"}]}, "refuse-or-warn", "contracts[1]"),
        ("contract=night-circuit-for-gas", {"contracts": [{"energy": "natural_gas", "offer": "fr-cre-gas-reference", "circuit": "exclusive_night"}]}, "refuse", "contracts[0].circuit"),
        ("contract=unknown-energy", {"contracts": [{"energy": "unobtainium", "offer": "fr-edf-bleu-base"}]}, "refuse", "contracts[0].energy"),
        ("contract=unknown-circuit", {"contracts": [{"energy": "electricity", "offer": "fr-edf-bleu-base", "circuit": "day"}]}, "refuse", "contracts[0].circuit"),
        ("contract=not-a-list", {"contracts": {"energy": "electricity", "offer": "fr-edf-bleu-base"}}, "refuse", "contracts"),
        ("contract=protected-tariff-unprotected", {"contracts": [{"energy": "electricity", "offer": "be-social-electricity-single"}]}, "refuse-or-warn", "contracts[0]"),
        ("meter=unknown", {"electricity_meter": "linky", "contracts": base_contract}, "refuse", "electricity_meter"),
        ("exclusive-night=string", {"exclusive_night_circuit": "yes", "contracts": base_contract}, "refuse", "exclusive_night_circuit"),
        ("supply=array", [], "refuse", "energy_supply"),
    ]
    for label, supply, expect, key in cases:
        base = "be/terraced-pre-1945" if label == "contract=protected-tariff-unprotected" else "fr/sfh-1975-1989"
        name = "supply.json"
        full = "energy_supply" + ("." + key if key != "energy_supply" else "")
        # contracts are named by position or by energy (contracts[electricity]); an ancestor counts
        alts = [full, full.replace("[0]", "[electricity]").replace("[1]", "[electricity]"),
                full.replace("[0]", "[natural_gas]")]
        alts += [a.rsplit(".", 1)[0] for a in alts if "." in a.split("energy_supply.", 1)[-1]]
        needle = [[name], ["line"] if "1e309" in label else alts]
        f = "{d}/" + name
        yield Case(f"supply/{label}/validate", ["validate", f], expect, {name: d(supply, base)}, needle,
                   also=[Case(f"supply/{label}/bill", ["bill", f], expect, {}, needle),
                         Case(f"supply/{label}/tariffs-compare", ["tariffs", "compare", f], expect, {}, needle)])
    # French contract on a Belgian dwelling
    content = d({"contracts": base_contract}, "be/terraced-pre-1945")
    yield Case("supply/contract=french-offer-belgian-dwelling/validate", ["validate", "{d}/supply.json"], "refuse-or-warn",
               {"supply.json": content}, [["supply.json"], ["energy_supply.contracts[0]"]],
               also=[Case("supply/contract=french-offer-belgian-dwelling/bill", ["bill", "{d}/supply.json"], "refuse-or-warn", {}, [])])


def renamed_tariff(src):
    """(country, folder, offer, text) of a shipped tariff file under a renamed offer id."""
    doc = json.loads(src.read_text(encoding="utf-8"))
    country, folder = src.parent.parent.name, "zz-" + src.parent.name
    doc["offer"] = f"{country}-{folder}"
    return country, folder, doc["offer"], doc


def tariff_followups(cid, doc, tdir):
    """Commands that use a tariff that loaded: bill a load curve, compare, bill a dwelling."""
    offer, vf, energy, country = doc["offer"], doc.get("valid_from", "2026-02-01"), doc.get("energy"), doc.get("country")
    curve = "{c}/curve-2026.csv"
    out = [Case(f"{cid}/bill-load", ["bill", "--load", curve, "--tariff", offer, "--tariffs-dir", tdir,
                                     "--prices-on", vf] + (["--kva", "6"] if country == "FR" and energy == "electricity" else []))]
    if energy == "electricity":
        out.append(Case(f"{cid}/tariffs-compare", ["tariffs", "compare", "--load", curve, "--tariffs-dir", tdir,
                                                   "--prices-on", vf, "--country", country or "FR"]
                        + (["--kva", "6"] if country == "FR" else [])))
    dwelling = {("natural_gas", "FR"): "fr/sfh-1949-1974", ("natural_gas", "BE"): "be/terraced-pre-1945",
                ("fuel_oil", "FR"): "fr/sfh-pre-1948", ("electricity", "FR"): "fr/sfh-1975-1989"}.get((energy, country))
    if dwelling:
        out.append(Case(f"{cid}/bill-dwelling", ["bill", dwelling, "--tariff", offer, "--tariffs-dir", tdir, "--prices-on", vf]))
    return out


def tariff_case(cid, src, text_or_fn, expect, needles, doc, follow=True, extra_cmds=()):
    country, folder, offer, _ = renamed_tariff(src)
    rel = f"tariffs/{country}/{folder}/{src.name}"
    tdir = "{d}/tariffs"
    return Case(f"{cid}/tariffs-show", ["tariffs", "show", offer, "--tariffs-dir", tdir], expect,
                {rel: text_or_fn}, needles + [[f"{folder}/{src.name}"]],
                then=tariff_followups(cid, doc, tdir) if follow else [],
                also=[Case(f"{cid}/{c.replace(' ', '-')}", c.split() + ["--tariffs-dir", tdir], expect, {}, needles)
                      for c in extra_cmds])


def gen_tariff_leaves():
    for src in tariff_files():
        country, folder, offer, doc = renamed_tariff(src)
        text = dumps(doc) + "\n"
        tag = f"{src.parent.name}@{src.stem}"
        for path, v in walk(doc):
            if not is_number(v):
                continue
            key = path[-1] if isinstance(path[-1], str) else path[-2]
            for label, value, expect, syntax in leaf_values(key):
                def make(p, text=text, path=path, value=value, syntax=syntax, orig=v):
                    p.write_text(mutate_leaf(text, path, value, syntax, orig)[0], encoding="utf-8")
                if syntax:
                    needles = [[f"line {mutate_leaf(text, path, value, syntax, v)[1]}"]]
                elif value is not None:
                    needles = [path_needles(doc, path)]
                else:
                    needles = []
                yield tariff_case(f"tf-leaf/{tag}/{dotted(path)}={label}", src, make, expect, needles, doc)


def gen_tariff_structure():
    tempo = REPO / "Tariffs/fr/edf-bleu-tempo/2026-08-01.json"
    hphc = REPO / "Tariffs/fr/edf-bleu-hphc/2026-08-01.json"
    base = REPO / "Tariffs/fr/edf-bleu-base/2026-08-01.json"
    gas = REPO / "Tariffs/fr/cre-gas-reference/2026-03-01.json"
    night = REPO / "Tariffs/be/social-electricity-exclusive-night/2026-01-01.json"
    fuel = REPO / "Tariffs/fr/fuel-oil-reference/2026-01-01.json"

    def edit(src, fn):
        _, _, _, doc = renamed_tariff(src)
        fn(doc)
        return doc

    H = lambda frm, to, days="all", **kw: dict({"days": days, "from": frm, "to": to}, **kw)
    edits = [
        # taxes
        ("taxes=negative", base, lambda d: d["taxes"][0].update(eur_per_kwh=-0.5), "refuse", "taxes[0].eur_per_kwh"),
        ("taxes=1e308", base, lambda d: d["taxes"][0].update(eur_per_kwh=Raw("1e308")), "refuse-or-warn", "taxes[0].eur_per_kwh"),
        ("taxes=above-price", base, lambda d: d["taxes"][0].update(eur_per_kwh=0.5), "refuse-or-warn", "taxes[0].eur_per_kwh"),
        ("taxes=share_of_fixed-5", base, lambda d: d["taxes"].append({"id": "cta", "name": "CTA", "share_of_fixed": 5}), "refuse-or-warn", "taxes[1].share_of_fixed"),
        ("taxes=share_of_fixed-negative", base, lambda d: d["taxes"].append({"id": "cta", "name": "CTA", "share_of_fixed": -0.2}), "refuse", "taxes[1].share_of_fixed"),
        ("taxes=both-kinds", base, lambda d: d["taxes"][0].update(share_of_fixed=0.1), "refuse", "taxes[0]"),
        ("taxes=duplicate-id", base, lambda d: d["taxes"].append(dict(d["taxes"][0])), "refuse-or-warn", "taxes[1]"),
        # fixed charges
        ("fixed=negative", base, lambda d: d["fixed_charges"][1].update(eur_per_year=-190.32), "refuse", "fixed_charges[1].eur_per_year"),
        ("fixed=1e308", base, lambda d: d["fixed_charges"][1].update(eur_per_year=Raw("1e308")), "refuse-or-warn", "fixed_charges[1].eur_per_year"),
        ("fixed=kva-0", base, lambda d: d["fixed_charges"][0].update(subscribed_kva=0), "refuse", "fixed_charges[0].subscribed_kva"),
        ("fixed=kva-negative", base, lambda d: d["fixed_charges"][0].update(subscribed_kva=-3), "refuse", "fixed_charges[0].subscribed_kva"),
        ("fixed=kva-7.5", base, lambda d: d["fixed_charges"][0].update(subscribed_kva=7.5), "refuse-or-warn", "fixed_charges[0].subscribed_kva"),
        ("fixed=kva-1e308", base, lambda d: d["fixed_charges"][0].update(subscribed_kva=Raw("1e308")), "refuse-or-warn", "fixed_charges[0].subscribed_kva"),
        ("fixed=duplicate-kva", base, lambda d: d["fixed_charges"].append({"subscribed_kva": 6, "eur_per_year": 999}), "refuse", "fixed_charges"),
        ("fixed=empty", base, lambda d: d.update(fixed_charges=[]), "refuse", "fixed_charges"),
        ("fixed=unsorted", base, lambda d: d["fixed_charges"].reverse(), "any", "fixed_charges"),
        ("fixed=missing-kva-in-french", base, lambda d: d.update(fixed_charges=[{"eur_per_year": 100}]), "refuse-or-warn", "fixed_charges"),
        # prices
        ("price=min_subscribed_kva-0", base, lambda d: d["energy_prices"][1].update(min_subscribed_kva=0), "refuse-or-warn", "energy_prices[1].min_subscribed_kva"),
        ("price=min_subscribed_kva-duplicate", base, lambda d: d["energy_prices"].append(dict(d["energy_prices"][1])), "refuse", "energy_prices"),
        ("price=negative", base, lambda d: d["energy_prices"][0].update(eur_per_kwh=-0.2), "refuse", "energy_prices[0].eur_per_kwh"),
        ("price=unit-bottle-on-electricity", base, lambda d: d["energy_prices"][0].update(eur_per_unit=1, unit="bottle_13kg"), "refuse", "energy_prices[0]"),
        ("price=fuel-unit-unknown", fuel, lambda d: d["energy_prices"][0].update(unit="barrel"), "refuse", "energy_prices[0].unit"),
        ("price=fuel-unit-kwh-and-litre", fuel, lambda d: d["energy_prices"][0].update(eur_per_kwh=0.1), "refuse", "energy_prices[0]"),
        ("price=tempo-missing-red", tempo, lambda d: d.update(energy_prices=d["energy_prices"][:4]), "refuse", "energy_prices"),
        ("price=tempo-unknown-colour", tempo, lambda d: d["energy_prices"][0].update(colour="green"), "refuse", "energy_prices[0].colour"),
        ("price=unknown-period", hphc, lambda d: d["energy_prices"][0].update(period="xx"), "refuse", "energy_prices[0].period"),
        # Tempo days
        ("tempo=red-days--1", tempo, lambda d: d["day_colours"].update(red_days=-1), "refuse", "day_colours.red_days"),
        ("tempo=white-days--1", tempo, lambda d: d["day_colours"].update(white_days=-1), "refuse", "day_colours.white_days"),
        ("tempo=red-days-400", tempo, lambda d: d["day_colours"].update(red_days=400), "refuse", "day_colours.red_days"),
        ("tempo=red+white>365", tempo, lambda d: d["day_colours"].update(red_days=150, white_days=250), "refuse", "day_colours"),
        ("tempo=red-days-more-than-red-months", tempo, lambda d: d["day_colours"].update(red_days=120), "refuse", "day_colours.red_days"),
        ("tempo=red-days-1e308", tempo, lambda d: d["day_colours"].update(red_days=Raw("1e308")), "refuse", "day_colours.red_days"),
        ("tempo=red-days-1.5", tempo, lambda d: d["day_colours"].update(red_days=1.5), "refuse", "day_colours.red_days"),
        ("tempo=red-months-13", tempo, lambda d: d["day_colours"].update(red_months=[13]), "refuse", "day_colours.red_months"),
        ("tempo=red-months-empty", tempo, lambda d: d["day_colours"].update(red_months=[]), "refuse-or-warn", "day_colours.red_months"),
        ("tempo=day-starts-25:00", tempo, lambda d: d["day_colours"].update(day_starts_at="25:00"), "refuse", "day_colours.day_starts_at"),
        ("tempo=day-starts-06:07", tempo, lambda d: d["day_colours"].update(day_starts_at="06:07"), "refuse", "day_colours.day_starts_at"),
        ("tempo=rule-unknown", tempo, lambda d: d["day_colours"].update(rule="ejp"), "refuse", "day_colours.rule"),
        ("tempo=on-single-meter", tempo, lambda d: d.update(meter="single"), "refuse", "meter"),
        ("tempo=no-day-colours", tempo, lambda d: d.pop("day_colours"), "refuse", "day_colours"),
        # hours
        ("hours=overlap", hphc, lambda d: d["periods"][0].update(hours=[H("06:00", "23:00")]), "refuse", "periods"),
        ("hours=hole", hphc, lambda d: d["periods"][0].update(hours=[H("07:00", "22:00")]), "refuse", "periods"),
        ("hours=offpeak-00:00-24:00-and-peak", hphc, lambda d: [p.update(hours=[H("00:00", "24:00")]) for p in d["periods"] if p.get("off_peak")], "refuse", "periods"),
        ("hours=offpeak-all-day-alone", hphc, lambda d: d.update(periods=[p for p in d["periods"] if p.get("off_peak")]) or d["periods"][0].update(hours=[H("00:00", "24:00")]), "refuse-or-warn", "periods"),
        ("hours=00:00-00:00", hphc, lambda d: d["periods"][1].update(hours=[H("00:00", "00:00")]), "refuse", "periods"),
        ("hours=from-24:00", hphc, lambda d: d["periods"][1]["hours"][0].update({"from": "24:00"}), "refuse", "periods"),
        ("hours=negative", hphc, lambda d: d["periods"][1]["hours"][0].update({"from": "-01:00"}), "refuse", "periods"),
        ("hours=not-quarter", hphc, lambda d: d["periods"][1]["hours"][0].update({"from": "22:07"}), "refuse", "periods"),
        ("hours=99:99", hphc, lambda d: d["periods"][1]["hours"][0].update({"to": "99:99"}), "refuse", "periods"),
        ("hours=days-funday", hphc, lambda d: d["periods"][1]["hours"][0].update(days="funday"), "refuse", "periods"),
        ("hours=months-0", hphc, lambda d: d["periods"][1]["hours"][0].update(months=[0]), "refuse", "periods"),
        ("hours=months-13", hphc, lambda d: d["periods"][1]["hours"][0].update(months=[13]), "refuse", "periods"),
        ("hours=empty-list", hphc, lambda d: d["periods"][1].update(hours=[]), "refuse", "periods"),
        ("hours=two-offpeak-periods", hphc, lambda d: [p.update(off_peak=True) for p in d["periods"]], "refuse", "periods"),
        ("hours=duplicate-period-id", hphc, lambda d: d["periods"][1].update(id=d["periods"][0]["id"]), "refuse", "periods"),
        ("hours=no-supply-everywhere", night, lambda d: d["periods"][0].update(supply=False), "refuse-or-warn", "periods"),
        ("hours=1000-windows", hphc, lambda d: d["periods"][0]["hours"].extend([dict(d["periods"][0]["hours"][0])] * 1000), "refuse", "periods"),
        # dates, VAT, identity
        ("vat=1.5", base, lambda d: d.update(vat_rate=1.5), "refuse", "vat_rate"),
        ("vat=-0.2", base, lambda d: d.update(vat_rate=-0.2), "refuse", "vat_rate"),
        ("vat=1e308", base, lambda d: d.update(vat_rate=Raw("1e308")), "refuse", "vat_rate"),
        ("vat=both-forms", base, lambda d: d.update(vat_rate_fixed=0.055, vat_rate_energy=0.2), "refuse", "vat_rate"),
        ("vat=excluded", base, lambda d: d.update(prices_include_vat=False), "any", "prices_include_vat"),
        ("date=valid_to-before-from", base, lambda d: d.update(valid_to="2026-01-01"), "refuse", "valid_to"),
        ("date=0000-01-01", base, lambda d: d.update(valid_from="0000-01-01"), "refuse", "valid_from"),
        ("date=9999-12-31", base, lambda d: d.update(valid_from="9999-12-31"), "any", "valid_from"),
        ("date=2026-02-30", base, lambda d: d.update(valid_from="2026-02-30"), "refuse", "valid_from"),
        ("date=2026-13-01", base, lambda d: d.update(valid_from="2026-13-01"), "refuse", "valid_from"),
        ("date=not-a-date", base, lambda d: d.update(valid_from="soon"), "refuse", "valid_from"),
        ("date=99999-01-01", base, lambda d: d.update(valid_from="99999-01-01"), "refuse", "valid_from"),
        ("date=year-1", base, lambda d: d.update(valid_from="0001-01-01"), "refuse-or-warn", "valid_from"),
        ("identity=country-XX", base, lambda d: d.update(country="XX"), "refuse", "country"),
        ("identity=offer-uppercase", base, lambda d: d.update(offer="FR-ZZ-EDF-BLEU-BASE"), "refuse", "offer"),
        ("identity=offer-other-country", base, lambda d: d.update(offer="be-zz-edf-bleu-base"), "refuse", "offer"),
        ("identity=energy-unknown", base, lambda d: d.update(energy="plasma"), "refuse", "energy"),
        ("identity=gas-with-meter", gas, lambda d: d.update(meter="single"), "refuse-or-warn", "meter"),
        ("identity=format-2", base, lambda d: d.update(format="foyer-tariff-2"), "refuse", "format"),
        ("identity=no-sources", base, lambda d: d.update(sources=[]), "refuse", "sources"),
        ("identity=eligibility-unknown", base, lambda d: d.update(eligibility="friends"), "refuse", "eligibility"),
        # bands
        ("bands=descending", gas, lambda d: d["bands"].insert(1, {"max_kwh_per_year": 10, "fixed_eur_per_year": 1, "eur_per_kwh": 1}), "refuse", "bands"),
        ("bands=negative-bound", gas, lambda d: d["bands"][0].update(max_kwh_per_year=-6000), "refuse", "bands[0].max_kwh_per_year"),
        ("bands=last-bounded", gas, lambda d: d["bands"][-1].update(max_kwh_per_year=30000), "refuse-or-warn", "bands[1].max_kwh_per_year"),
        ("bands=empty", gas, lambda d: d.update(bands=[]), "refuse", "bands"),
        ("bands=and-energy-prices", gas, lambda d: d.update(energy_prices=[{"eur_per_kwh": 0.1}], fixed_charges=[{"eur_per_year": 0}]), "refuse", "bands"),
    ]
    for label, src, fn, expect, path in edits:
        doc = edit(src, fn)
        ancestors = [path] + [path[:i] for i in range(len(path) - 1, 0, -1) if path[i] in ".["]
        yield tariff_case(f"tf-struct/{src.parent.name}/{label}", src, dumps(doc) + "\n", expect, [ancestors], doc)
    # wrong types at object level and deleted keys
    for src in (tempo, gas, night):
        _, _, _, doc = renamed_tariff(src)
        for path, v in walk(doc):
            if not path or len(path) > 3 or not isinstance(v, (dict, list)) or (isinstance(v, list) and v and all(is_number(x) for x in v)):
                continue
            for label, value in (("number", 1), ("string", "x"), ("true", True), ("null", None),
                                 ("other-container", {} if isinstance(v, list) else [])):
                d2 = json.loads(json.dumps(doc))
                put(d2, path, value)
                optional = path[0] in ("taxes", "notes")
                expect = "any" if optional and label == "null" else "refuse"
                yield tariff_case(f"tf-struct/{src.parent.name}/type:{dotted(path)}={label}", src, dumps(d2) + "\n", expect,
                                  [path_needles(doc, path)] if expect == "refuse" else [], d2, follow=expect != "refuse")
        for key in list(doc):
            d2 = json.loads(json.dumps(doc))
            del d2[key]
            optional = key in ("notes", "valid_to", "region", "taxes", "household_off_peak_hours",
                               "public_holidays_as_sunday", "name", "supplier", "eligibility")
            yield tariff_case(f"tf-struct/{src.parent.name}/delete:{key}", src, dumps(d2) + "\n",
                              "any" if optional else "refuse-or-warn", [] if optional else [[key]], d2, follow=optional)
        for label, value in (("array", []), ("number", 1), ("null", None)):
            yield tariff_case(f"tf-struct/{src.parent.name}/type:document={label}", src, json.dumps(value), "refuse", [], doc, follow=False)
    # duplicate keys and byte damage (tariffs list and show both load the folder)
    _, _, _, doc = renamed_tariff(tempo)
    raw = (dumps(doc) + "\n").encode("utf-8")
    for key, second in (("vat_rate", Raw("1e308")), ("offer", "fr-edf-bleu-tempo"), ("day_colours", Raw("1")), ("vat_rate", Raw("0.2"))):
        pairs = Pairs()
        for k, x in doc.items():
            pairs.append((k, x))
            if k == key:
                pairs.append((k, second))
        yield tariff_case(f"tf-struct/edf-bleu-tempo/duplicate:{key}={second}", tempo, dumps(pairs) + "\n",
                          "refuse-or-warn", [[key]], doc, follow=False, extra_cmds=["tariffs list"])
    at = raw.index(b'"name": "') + 9
    for label, content in (("utf8-ff", raw[:at] + b"\xff" + raw[at:]), ("utf16", b"\xff\xfe" + raw.decode().encode("utf-16-le")),
                           ("nul", raw[:at] + b"\x00" + raw[at:]), ("truncated-empty", b""), ("truncated-half", raw[:len(raw) // 2]),
                           ("truncated-last", raw[:-3]), ("nesting-1e5", b"[" * 10 ** 5),
                           ("nesting-closed-1e5", b'{"format":' + b"[" * 10 ** 5 + b"]" * 10 ** 5 + b"}")):
        yield tariff_case(f"tf-struct/edf-bleu-tempo/bytes:{label}", tempo, content, "refuse", [], doc,
                          follow=False, extra_cmds=["tariffs list"])


def gen_tariff_dirs():
    """Folders given to --tariffs-dir that are not folders of tariff files."""
    tempo = REPO / "Tariffs/fr/edf-bleu-tempo/2026-08-01.json"
    cmds = [("list", ["tariffs", "list"]), ("show", ["tariffs", "show", "fr-edf-bleu-base"]),
            ("compare", ["tariffs", "compare", "--load", "{c}/curve-2026.csv", "--kva", "6"]),
            ("bill", ["bill", "--load", "{c}/curve-2026.csv", "--tariff", "fr-edf-bleu-base", "--kva", "6"]),
            ("simulate", ["simulate", "fr/sfh-1975-1989"])]

    def loop(p):
        p.mkdir()
        os.symlink("..", p / "up")
        os.symlink("loop", p / "self")
    shipped_copy = lambda p: (p.mkdir(parents=True), shutil.copy(tempo, p / "2026-08-01.json"))
    dirs = [("empty-string", "", {}, "refuse"),
            ("nonexistent", "{d}/nope", {}, "refuse"),
            ("a-file", "{c}/curve-2026.csv", {}, "refuse"),
            ("dev-null", "/dev/null", {}, "refuse"),
            ("symlink-loop", "{d}/loop", {"loop": loop}, "any"),
            ("readme-only", "{d}/t", {"t/README.md": b"# not a tariff\n"}, "any"),
            ("json-is-a-directory", "{d}/t", {"t/fr/x/2026-01-01.json/.keep": b""}, "refuse-or-warn"),
            ("shipped-copy-overlaps", "{d}/t", {"t/fr/edf-bleu-tempo": shipped_copy}, "refuse"),
            ("not-json-extension", "{d}/t", {"t/fr/zz/2026-01-01.txt": b"{}"}, "any")]
    for label, tdir, files, expect in dirs:
        for cname, argv in cmds:
            yield Case(f"cli/tariffs-dir/{label}/{cname}", argv + ["--tariffs-dir", tdir], expect, files,
                       [["tariffs-dir", "tariffs_dir", tdir.replace("{d}/", "").replace("{c}/", "") or "''", "folder", "directory"]])


def gen_load_curves():
    rows = curve_rows()
    good = curve_text(rows)
    lines = good.splitlines(keepends=True)
    n = len(rows)

    def with_line(i, new):
        return "".join(lines[:i] + [new] + lines[i + 1:])

    def values(fn):
        return "".join(lines[:1] + [fn(l) for l in lines[1:]])

    def repl_val(v):
        return lambda l: l.rsplit(",", 1)[0] + "," + v + "\n"

    day = 24 * 14  # a row in January (line 337)
    mondays = [r for r in rows if r[0].weekday() == 0]
    half = curve_rows(step_min=30)
    quarter = curve_rows(step_min=15)

    def is_summer(t, repeat):
        spring_day, autumn_day = last_sunday(t.year, 3), last_sunday(t.year, 10)
        if t.date() == spring_day:
            return t.hour >= 3
        if t.date() == autumn_day:
            return t.hour < 2 or (t.hour == 2 and not repeat)
        return spring_day < t.date() < autumn_day

    def with_offsets(rs):
        out, seen = ["datetime,kwh\n"], set()
        for t, v in rs:
            out.append(f"{t:%Y-%m-%dT%H:%M}{'+02:00' if is_summer(t, t in seen) else '+01:00'},{v:.3f}\n")
            seen.add(t)
        return "".join(out)

    C = [
        ("baseline", good, "any", [], []),
        ("enedis-30min-semicolon-W-decimal-comma", curve_text(half, header="start;w", sep=";",
                                                                val=lambda v: f"{v * 2000:.1f}".replace(".", ",")), "any", [], []),
        ("quarter-hour-with-utc-offsets", with_offsets(quarter), "any", [], []),
        ("utc-Z", curve_text([(datetime(2026, 1, 1) + timedelta(hours=i), 0.5) for i in range(8760)],
                             fmt=lambda t: t.strftime("%Y-%m-%dT%H:%MZ")), "any", [], []),
        ("crlf", good.replace("\n", "\r\n"), "any", [], []),
        ("bom", "\ufeff" + good, "any", [], []),
        ("tab-separated", good.replace(",", "\t"), "any", [], []),
        ("space-instead-of-T", good.replace("T", " "), "any", [], []),
        ("reversed-rows", lines[0] + "".join(reversed(lines[1:])), "any", [], []),
        ("decimal-comma-in-comma-file", values(lambda l: l.replace(".", ",")), "refuse", [], ["line 2"]),
        ("decimal-comma-one-row", with_line(day, f"{rows[day - 1][0]:%Y-%m-%dT%H:%M},0,500\n"), "refuse", [], [f"line {day + 1}"]),
        ("value-1e308-one-row", with_line(day, repl_val("1e308")(lines[day])), "refuse-or-warn", [], [f"line {day + 1}"]),
        ("value-1e308-all-rows", values(repl_val("1e308")), "refuse-or-warn", [], ["1e308", "line 2"]),
        ("value-1e309", with_line(day, repl_val("1e309")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-nan", with_line(day, repl_val("nan")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-NaN", with_line(day, repl_val("NaN")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-inf", with_line(day, repl_val("inf")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-Infinity", with_line(day, repl_val("Infinity")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-hex-float", with_line(day, repl_val("0x1p-2")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-hex-int", with_line(day, repl_val("0x10")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-underscore", with_line(day, repl_val("1_0")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-unicode-minus", with_line(day, repl_val("\u22120.5")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-empty", with_line(day, repl_val("")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-negative", with_line(day, repl_val("-0.4")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-negative-tiny", with_line(day, repl_val("-1e-300")(lines[day])), "refuse", [], [f"line {day + 1}"]),
        ("value-negative-zero", with_line(day, repl_val("-0")(lines[day])), "any", [], []),
        ("value-5e-324-everywhere", values(repl_val("5e-324")), "any", [], []),
        ("value-1e15-one-row", with_line(day, repl_val("1e15")(lines[day])), "refuse-or-warn", [], [f"line {day + 1}"]),
        ("kwh-and-wh-columns", curve_text(rows, header="timestamp,kwh,wh", val=lambda v: f"{v:.3f},{v * 1000:.0f}"), "refuse-or-warn", [], ["wh"]),
        ("kwh-and-wh-disagree", curve_text(rows, header="timestamp,kwh,wh", val=lambda v: f"{v:.3f},{v * 7:.0f}"), "refuse-or-warn", [], ["wh"]),
        ("kwh-column-twice", curve_text(rows, header="timestamp,kwh,kwh", val=lambda v: f"{v:.3f},{v * 3:.3f}"), "refuse-or-warn", [], ["kwh"]),
        ("kw-and-kwh-columns", curve_text(rows, header="timestamp,kw,kwh", val=lambda v: f"{v * 5:.3f},{v:.3f}"), "refuse-or-warn", [], ["kw"]),
        ("header-uppercase-KWH", curve_text(rows, header="Timestamp,KWH"), "any", [], []),
        ("no-header", "".join(lines[1:]), "refuse", [], ["header"]),
        ("header-only", lines[0], "refuse", [], []),
        ("one-row", "".join(lines[:2]), "refuse", [], []),
        ("empty-file", "", "refuse", [], []),
        ("years-1-to-9999", "timestamp,kwh\n0001-01-01T00:00,0.5\n0001-01-01T01:00,0.5\n9999-12-31T22:00,0.5\n9999-12-31T23:00,0.5\n", "refuse", [], []),
        ("years-1-to-9999-fill-gaps", "timestamp,kwh\n0001-01-01T00:00,0.5\n0001-01-01T01:00,0.5\n9999-12-31T22:00,0.5\n9999-12-31T23:00,0.5\n", "refuse-or-warn", ["--fill-gaps", "--prices-on", "2026-02-01"], []),
        ("year-0000", with_line(1, "0000-01-01T00:00,0.5\n"), "refuse", [], ["line 2"]),
        ("year-10000", with_line(n, "10000-01-01T00:00,0.5\n"), "refuse", [], [f"line {n + 1}"]),
        ("month-13", with_line(day, "2026-13-14T23:00,0.5\n"), "refuse", [], [f"line {day + 1}"]),
        ("day-32", with_line(day, "2026-01-32T23:00,0.5\n"), "refuse", [], [f"line {day + 1}"]),
        ("feb-29-2026", with_line(24 * 59 + 1, "2026-02-29T00:00,0.5\n"), "refuse", [], [f"line {24 * 59 + 2}"]),
        ("hour-24", with_line(day, "2026-01-14T24:00,0.5\n"), "refuse", [], [f"line {day + 1}"]),
        ("offset-+99:99", with_line(day, f"{rows[day - 1][0]:%Y-%m-%dT%H:%M}+99:99,0.5\n"), "refuse", [], [f"line {day + 1}"]),
        ("offset-mixed-Z", with_line(day, f"{rows[day - 1][0]:%Y-%m-%dT%H:%M}Z,0.5\n"), "refuse-or-warn", [], [f"line {day + 1}"]),
        ("seconds-off-step", with_line(day, f"{rows[day - 1][0]:%Y-%m-%dT%H:%M}:30,0.5\n"), "refuse", [], [f"line {day + 1}"]),
        ("gap-one-day", "".join(lines[:day] + lines[day + 24:]), "refuse", [], ["gap"]),
        ("gap-one-day-fill-gaps", "".join(lines[:day] + lines[day + 24:]), "refuse-or-warn", ["--fill-gaps"], []),
        ("only-mondays-fill-gaps", curve_text(mondays), "refuse-or-warn", ["--fill-gaps"], []),
        ("only-january-fill-gaps", curve_text([r for r in rows if r[0].month == 1]), "refuse-or-warn", ["--fill-gaps"], []),
        ("two-rows-a-year-apart-fill-gaps", "timestamp,kwh\n2026-01-01T00:00,0.5\n2026-01-01T01:00,0.5\n2026-12-31T23:00,0.5\n", "refuse-or-warn", ["--fill-gaps"], []),
        ("exact-duplicate-row", with_line(day, lines[day] + lines[day]), "refuse-or-warn", [], []),
        ("conflicting-duplicate", with_line(day, lines[day] + repl_val("9.999")(lines[day])), "refuse", [], [f"line {day + 1}", f"line {day + 2}"]),
        ("dst-spring-hour-present", None, "refuse", [], []),
        ("dst-autumn-hour-once", None, "refuse", [], []),
        ("dst-autumn-identical-values", None, "any", [], []),
        ("step-7-min", curve_text([(datetime(2026, 1, 1) + timedelta(minutes=7 * i), 0.1) for i in range(2000)]), "refuse", [], []),
        ("step-1-min-one-week", curve_text([(datetime(2026, 1, 5) + timedelta(minutes=i), 0.01) for i in range(7 * 1440)]), "any", ["--fill-gaps"], []),
        ("step-2-days", curve_text([(datetime(2026, 1, 1) + timedelta(days=2 * i), 10.0) for i in range(180)]), "refuse", [], []),
        ("nul-byte", with_line(day, lines[day][:5] + "\x00" + lines[day][5:]), "refuse", [], [f"line {day + 1}"]),
        ("invalid-utf8", None, "refuse", [], []),
        ("unterminated-quote", with_line(day, '"' + lines[day]), "refuse", [], []),
        ("quoted-newline", with_line(day, f'"{rows[day - 1][0]:%Y-%m-%dT%H:%M}\n",0.5\n'), "refuse", [], []),
        ("line-10MB", with_line(day, "x" * (10 * MB) + ",0.5\n"), "refuse", [], []),
        ("200-columns", values(lambda l: l.rstrip("\n") + ",0" * 198 + "\n").replace("timestamp,kwh", "timestamp,kwh" + "".join(f",c{i}" for i in range(198)), 1), "any", [], []),
        ("mixed-separators", with_line(day, lines[day].replace(",", ";")), "refuse", [], [f"line {day + 1}"]),
        ("too-few-fields", with_line(day, lines[day].split(",")[0] + "\n"), "refuse", [], [f"line {day + 1}"]),
        ("offsets-overlap", "datetime,kwh\n2026-01-05T00:00+01:00,0.5\n2026-01-05T01:00+01:00,0.5\n2026-01-05T01:30+00:00,0.5\n2026-01-05T03:00+01:00,0.5\n", "refuse", [], []),
    ]
    spring = next(i for i, (t, _) in enumerate(rows) if t.date() == last_sunday(2026, 3) and t.hour == 3)
    autumn = [i for i, (t, _) in enumerate(rows) if t.date() == last_sunday(2026, 10) and t.hour == 2]
    dst = {
        "dst-spring-hour-present": "".join(lines[:spring + 1] + [f"{rows[spring][0]:%Y-%m-%d}T02:00,0.5\n"] + lines[spring + 1:]),
        "dst-autumn-hour-once": "".join(lines[:autumn[1] + 1] + lines[autumn[1] + 2:]),
        "dst-autumn-identical-values": with_line(autumn[1] + 1, lines[autumn[0] + 1]),
        "invalid-utf8": None,
    }
    for label, content, expect, extra, line_needles in C:
        if label in dst:
            content = dst[label]
        data = (good.encode()[:5000] + b"\xff\xfe" + good.encode()[5000:]) if label == "invalid-utf8" else content.encode("utf-8")
        name = "curve.csv"
        needles = [[name]] + ([line_needles] if line_needles else [])
        f = "{d}/" + name
        yield Case(f"curve/{label}/bill", ["bill", "--load", f, "--tariff", "fr-edf-bleu-base", "--kva", "6"] + extra,
                   expect, {name: data}, needles,
                   also=[Case(f"curve/{label}/tariffs-compare", ["tariffs", "compare", "--load", f, "--kva", "6"] + extra, expect, {}, needles),
                         Case(f"curve/{label}/bill-tempo", ["bill", "--load", f, "--tariff", "fr-edf-bleu-tempo", "--kva", "9",
                                                            "--prices-on", "2026-02-01"] + [x for x in extra if x == "--fill-gaps"], expect, {}, needles)])


def gen_epw(weather_dir, notes):
    h1a = weather_dir / "rt2012" / "FRA_RT2012_H1a.epw"
    denver = weather_dir / "USA_CO_Denver-725650_TMY3.epw"
    sources = [p for p in (h1a, denver) if p.exists()]
    if not sources:
        notes.append(f"EPW cases skipped: neither {h1a} nor {denver} exists")
        return
    for missing in {h1a, denver} - set(sources):
        notes.append(f"EPW cases from {missing.name} skipped: file absent")

    @functools.lru_cache(maxsize=2)
    def parts(src):
        L = epw_lines(src)
        return L, epw_join(L), L[0].split(","), next(i for i in range(8) if L[i].upper().startswith("DATA PERIODS"))

    def epw_case(src, cid, make, expect, needles=()):
        """`make(L, raw, loc, dp)` gives the file's bytes; it runs only when the case runs."""
        name = "weather.epw"
        f = "{d}/" + name
        n = [[name]] + list(needles)
        content = lambda p: p.write_bytes(make(*parts(src)))
        return Case(f"{cid}/weather", ["weather", f], expect, {name: content}, n,
                    also=[Case(f"{cid}/simulate", ["simulate", "fr/sfh-1949-1974", "--weather", f], expect, {}, n)])

    for src in sources:
        tag = "H1a" if src == h1a else "Denver"
        loc = parts(src)[2]
        yield epw_case(src, f"epw/{tag}/baseline", lambda L, raw, loc, dp: raw, "any")
        yield epw_case(src, f"epw/{tag}/truncated-header-only", lambda L, raw, loc, dp: epw_join(L[:8]), "refuse")
        yield epw_case(src, f"epw/{tag}/truncated-3-lines", lambda L, raw, loc, dp: epw_join(L[:3]), "refuse")
        yield epw_case(src, f"epw/{tag}/truncated-100-rows", lambda L, raw, loc, dp: epw_join(L[:108]), "refuse")
        yield epw_case(src, f"epw/{tag}/truncated-mid-file", lambda L, raw, loc, dp: raw[:len(raw) // 2], "refuse")
        yield epw_case(src, f"epw/{tag}/truncated-last-row", lambda L, raw, loc, dp: epw_join(L[:-1]), "refuse")
        yield epw_case(src, f"epw/{tag}/truncated-mid-last-row", lambda L, raw, loc, dp: raw[:-40], "refuse")
        yield epw_case(src, f"epw/{tag}/empty", lambda L, raw, loc, dp: b"", "refuse")
        yield epw_case(src, f"epw/{tag}/pressure-1e308", lambda L, raw, loc, dp: epw_join(set_column(L, 9, "1e308")), "refuse-or-warn")
        yield epw_case(src, f"epw/{tag}/nul-in-dry-bulb", lambda L, raw, loc, dp: epw_join(set_column(L, 6, "1\x002", rows={100})), "refuse", [["line 109"]])
        yield epw_case(src, f"epw/{tag}/nul-for-commas", lambda L, raw, loc, dp: epw_join(L[:108] + [L[108].replace(",", "\x00")] + L[109:]), "refuse", [["line 109"]])
        yield epw_case(src, f"epw/{tag}/nul-at-start", lambda L, raw, loc, dp: b"\x00" + raw, "refuse")
        yield epw_case(src, f"epw/{tag}/ninth-header-line", lambda L, raw, loc, dp: epw_join(L[:dp] + ["COMMENTS 3,one header line too many"] + L[dp:]), "refuse")
        yield epw_case(src, f"epw/{tag}/seven-header-lines", lambda L, raw, loc, dp: epw_join(L[:1] + L[2:]), "refuse")
        for label, line in (("records-per-hour-1e6", "DATA PERIODS,1,1000000,Data,Sunday, 1/ 1,12/31"),
                            ("periods-1e9", "DATA PERIODS,1000000000,1,Data,Sunday, 1/ 1,12/31"),
                            ("negative", "DATA PERIODS,-1,-1,Data,Sunday, 1/ 1,12/31"),
                            ("records-per-hour-60", "DATA PERIODS,1,60,Data,Sunday, 1/ 1,12/31"),
                            ("records-per-hour-huge", "DATA PERIODS,1,99999999999999999999,Data,Sunday, 1/ 1,12/31"),
                            ("reversed-dates", "DATA PERIODS,1,1,Data,Sunday,12/31, 1/ 1"),
                            ("unknown-weekday", "DATA PERIODS,1,1,Data,Funday, 1/ 1,12/31"),
                            ("two-periods", "DATA PERIODS,2,1,Winter,Sunday, 1/ 1, 6/30,Summer,Sunday, 7/ 1,12/31"),
                            ("empty", "DATA PERIODS")):
            expect = "any" if label in ("two-periods",) else "refuse-or-warn"
            yield epw_case(src, f"epw/{tag}/data-periods-{label}", lambda L, raw, loc, dp, line=line: epw_join(L[:dp] + [line] + L[dp + 1:]), expect)
        for label, idx, val in (("latitude-1e308", 6, "1e308"), ("latitude-91", 6, "91"), ("latitude-nan", 6, "nan"),
                                ("longitude-1e308", 7, "1e308"), ("timezone-1e308", 8, "1e308"), ("timezone-nan", 8, "NaN"),
                                ("timezone-25", 8, "25"), ("elevation--1e308", 9, "-1e308"), ("elevation-inf", 9, "inf"),
                                ("location-short", None, None)):
            f2 = list(loc)
            if idx is None:
                f2 = f2[:3]
            else:
                f2[idx] = val
            yield epw_case(src, f"epw/{tag}/location-{label}", lambda L, raw, loc, dp, f2=f2: epw_join([",".join(f2)] + L[1:]), "refuse-or-warn", [["line 1"]])
        yield epw_case(src, f"epw/{tag}/nan-dry-bulb-one-row", lambda L, raw, loc, dp: epw_join(set_column(L, 6, "NaN", rows={1000})), "refuse", [["line 1009"]])
        yield epw_case(src, f"epw/{tag}/crlf", lambda L, raw, loc, dp: raw.replace(b"\n", b"\r\n"), "any")
        yield epw_case(src, f"epw/{tag}/cr-only", lambda L, raw, loc, dp: raw.replace(b"\n", b"\r"), "refuse")
        yield epw_case(src, f"epw/{tag}/utf16", lambda L, raw, loc, dp: b"\xff\xfe" + raw.decode("latin-1").encode("utf-16-le"), "refuse")
        yield epw_case(src, f"epw/{tag}/invalid-utf8-city", lambda L, raw, loc, dp: epw_join([L[0].replace(loc[1], loc[1] + "\xff", 1)] + L[1:]), "any")
        yield epw_case(src, f"epw/{tag}/leap-year-8784-rows", lambda L, raw, loc, dp: epw_join(L + L[8 + 24 * 58:8 + 24 * 59]), "refuse-or-warn")
        yield epw_case(src, f"epw/{tag}/duplicate-row", lambda L, raw, loc, dp: epw_join(L[:500] + [L[499]] + L[500:]), "refuse", [["line 501"]])
        yield epw_case(src, f"epw/{tag}/two-years", lambda L, raw, loc, dp: epw_join(L + L[8:]), "refuse-or-warn")
        yield epw_case(src, f"epw/{tag}/rows-shuffled", lambda L, raw, loc, dp: epw_join(L[:8] + shuffled_rows(L[8:])), "refuse")
        yield epw_case(src, f"epw/{tag}/row-10-fields", lambda L, raw, loc, dp: epw_join(L[:200] + [",".join(L[200].split(",")[:10])] + L[201:]), "refuse", [["line 201"]])
        yield epw_case(src, f"epw/{tag}/row-1000-fields", lambda L, raw, loc, dp: epw_join(L[:200] + [L[200] + ",0" * 965] + L[201:]), "any")
        yield epw_case(src, f"epw/{tag}/hour-25", lambda L, raw, loc, dp: epw_join(set_column(L, 3, "25", rows={10})), "refuse", [["line 19"]])
        yield epw_case(src, f"epw/{tag}/month-13", lambda L, raw, loc, dp: epw_join(set_column(L, 1, "13", rows={10})), "refuse", [["line 19"]])
        yield epw_case(src, f"epw/{tag}/all-missing-dry-bulb", lambda L, raw, loc, dp: epw_join(set_column(L, 6, "99.9")), "refuse")
        yield epw_case(src, f"epw/{tag}/all-missing-irradiance", lambda L, raw, loc, dp: epw_join(set_column(set_column(set_column(L, 13, "9999"), 14, "9999"), 15, "9999")), "refuse-or-warn")
        if src != h1a and h1a.exists():
            continue
        for col, fname in enumerate(EPW_FIELDS):
            for label in ("NaN", "inf", "1e308", "-1e308", "", "x", "-9999"):
                if col in (1, 2, 3):
                    expect = "refuse"
                elif col in EPW_READ:
                    expect = "refuse-or-warn" if label != "-9999" or col in (6, 7) else "any"
                else:
                    expect = "any"
                yield epw_case(src, f"epw/{tag}/column-{col + 1}-{fname}={label or 'empty'}", lambda L, raw, loc, dp, col=col, label=label: epw_join(set_column(L, col, label)), expect)


def gen_cli(weather_dir):
    curve = "{c}/curve-2026.csv"
    load_bill = ["bill", "--load", curve, "--tariff", "fr-edf-bleu-base"]
    out = []

    def add(cid, argv, expect, needles=(), files=None):
        out.append(Case(f"cli/{cid}", argv, expect, files or {}, [list(n) for n in needles]))

    for d, expect in (("0000-01-01", "refuse"), ("1800-01-01", "refuse-or-warn"), ("9999-12-31", "any"),
                      ("2026-02-30", "refuse"), ("2026-13-01", "refuse"), ("", "refuse"), ("yesterday", "refuse"),
                      ("2026-1-1", "refuse-or-warn"), ("99999-01-01", "refuse"), ("-2026-01-01", "refuse"),
                      ("2026-02-01T00:00", "refuse")):
        n = [["prices-on", d or "''"]]
        for cid, argv in (("simulate", ["simulate", "fr/sfh-1975-1989"]),
                          ("bill-dwelling", ["bill", "fr/sfh-1949-1974", "--tariff", "fr-cre-gas-reference"]),
                          ("bill-load", load_bill + ["--kva", "6"]),
                          ("tariffs-compare", ["tariffs", "compare", "fr/sfh-1975-1989"]),
                          ("tariffs-show", ["tariffs", "show", "fr-edf-bleu-base"]),
                          ("tariffs-list", ["tariffs", "list"])):
            add(f"prices-on={d}/{cid}", argv + [f"--prices-on={d}"], expect, n)
    for c, expect in (("XX", "refuse-or-warn"), ("", "refuse-or-warn"), ("fr", "any"), ("FRA", "refuse-or-warn"),
                      ("BE ", "any"), ("\u0000", "refuse-or-warn")):
        if "\x00" in c:
            continue
        add(f"country={c}/tariffs-list", ["tariffs", "list", f"--country={c}"], expect, [["country", c or "''"]])
        add(f"country={c}/tariffs-compare", ["tariffs", "compare", "--load", curve, f"--country={c}", "--kva", "6"], expect, [["country", c or "''"]])
    add("tariffs-show/unknown-offer", ["tariffs", "show", "fr-edf-bleu-bsae"], "refuse", [["fr-edf-bleu-bsae"]])
    add("tariffs-show/empty-offer", ["tariffs", "show", ""], "refuse")
    add("tariffs-list/energy-unknown", ["tariffs", "list", "--energy", "plasma"], "refuse", [["plasma"]])
    add("bill/unknown-tariff", load_bill[:-1] + ["fr-edf-bleu-bsae"], "refuse", [["fr-edf-bleu-bsae"]])
    add("bill/no-input", ["bill", "--tariff", "fr-edf-bleu-base"], "refuse")
    add("bill/dwelling-and-load", ["bill", "fr/sfh-1975-1989", "--load", curve, "--tariff", "fr-edf-bleu-base"], "refuse-or-warn")
    add("bill/gas-tariff-for-electric-dwelling", ["bill", "fr/sfh-1975-1989", "--tariff", "fr-cre-gas-reference"], "refuse-or-warn")
    add("bill/tariff-x100", load_bill + ["--kva", "6"] + ["--tariff", "fr-edf-bleu-base"] * 100, "any")
    add("validate/no-files", ["validate"], "refuse")
    add("validate/unknown-archetype", ["validate", "fr/sfh-1949-1975"], "refuse", [["fr/sfh-1949-1975"]])
    add("archetypes/format-xml", ["archetypes", "--format", "xml"], "refuse", [["xml"]])
    # special files as inputs
    fifo = {"fifo": lambda p: os.mkfifo(p)}
    specials = [("directory", "{d}", {}), ("nonexistent", "{d}/nope.x", {}), ("dev-null", "/dev/null", {}),
                ("dev-zero", "/dev/zero", {}), ("fifo", "{d}/fifo", fifo), ("empty-string", "", {}),
                ("proc-self-mem", "/proc/self/mem", {})]
    for label, path, files in specials:
        n = [[path.replace("{d}/", "") if path else "''", "file", "weather", "load"]]
        add(f"input={label}/validate", ["validate", path], "refuse", n, files)
        add(f"input={label}/describe", ["describe", path], "refuse", n, files)
        add(f"input={label}/weather", ["weather", path], "refuse", n, files)
        add(f"input={label}/simulate-weather", ["simulate", "fr/sfh-1949-1974", "--weather", path], "refuse", n, files)
        add(f"input={label}/bill-weather", ["bill", "fr/sfh-1949-1974", "--weather", path, "--tariff", "fr-cre-gas-reference"], "refuse", n, files)
        add(f"input={label}/tariffs-compare-weather", ["tariffs", "compare", "fr/sfh-1949-1974", "--weather", path], "refuse", n, files)
        add(f"input={label}/bill-load", ["bill", "--load", path, "--tariff", "fr-edf-bleu-base", "--kva", "6"], "refuse", n, files)
        add(f"input={label}/tariffs-compare-load", ["tariffs", "compare", "--load", path, "--kva", "6"], "refuse", n, files)
    for label, path, files in (("directory", "{d}", {}), ("dev-full", "/dev/full", {}), ("nonexistent-dir", "{d}/no/such/dir/h.csv", {}),
                               ("fifo", "{d}/fifo", fifo), ("empty-string", "", {})):
        add(f"hourly={label}/simulate", ["simulate", "fr/sfh-1949-1974", "--no-energy", "--hourly", path], "refuse",
            [["hourly", path.replace("{d}/", "") or "''"]], files)
    # absurd numeric option values
    for v, expect in (("0", "refuse"), ("-1", "refuse"), ("1e-300", "refuse"), ("7", "refuse-or-warn"), ("nan", "refuse"),
                      ("inf", "refuse"), ("-inf", "refuse"), ("1e308", "refuse"), ("1e15", "refuse"), ("5e-324", "refuse"),
                      ("0x10", "refuse-or-warn"), ("", "refuse"), ("6abc", "refuse"), ("99999999999999999999", "refuse"), ("-0", "refuse")):
        n = [["kva", v or "''"]]
        for cid, argv in (("bill-load", load_bill), ("bill-dwelling", ["bill", "fr/sfh-1975-1989", "--tariff", "fr-edf-bleu-hphc"]),
                          ("tariffs-compare-load", ["tariffs", "compare", "--load", curve]),
                          ("tariffs-compare-dwelling", ["tariffs", "compare", "fr/sfh-1975-1989"]),
                          ("tariffs-list", ["tariffs", "list"]), ("tariffs-show", ["tariffs", "show", "fr-edf-bleu-base"])):
            add(f"kva={v}/{cid}", argv + [f"--kva={v}"], expect, n)
    for v, expect in (("0", "refuse"), ("8", "refuse"), ("-1", "refuse"), ("1e308", "refuse"), ("nan", "refuse"),
                      ("99999999999999999999", "refuse"), ("9223372036854775807", "refuse"), ("-9223372036854775808", "refuse"),
                      ("", "refuse"), ("7.0", "refuse-or-warn")):
        for cid, argv in (("simulate", ["simulate", "fr/sfh-1949-1974"]),
                          ("simulate-5r1c", ["simulate", "fr/sfh-1949-1974", "--model", "5r1c", "--no-energy"])):
            add(f"first-weekday={v}/{cid}", argv + [f"--first-weekday={v}"], expect, [["first-weekday", v or "''"]])
    for v, expect in (("nan", "refuse"), ("inf", "refuse"), ("-inf", "refuse"), ("1e308", "refuse"), ("-1e308", "refuse"),
                      ("1e15", "refuse-or-warn"), ("-273.16", "refuse-or-warn"), ("5e-324", "any"), ("-0", "any"),
                      ("100", "refuse-or-warn"), ("", "refuse"), ("18°C", "refuse")):
        for src in ("H1a", "BE-Uccle") + ((str(weather_dir / "USA_CO_Denver-725650_TMY3.epw"),)
                                          if (weather_dir / "USA_CO_Denver-725650_TMY3.epw").exists() else ()):
            for fmt in ("text", "json"):
                add(f"base-temperature={v}/weather-{Path(src).stem}-{fmt}", ["weather", src, f"--base-temperature={v}", "--format", fmt],
                    expect, [["base-temperature", v or "''"]])
    for v, expect in (("00:00-24:00", "refuse-or-warn"), ("22:00-22:00", "refuse-or-warn"), ("25:00-01:00", "refuse"),
                      ("22:07-06:00", "refuse"), ("", "refuse"), ("22:00-06:00,23:00-07:00", "refuse"), ("24:00-24:00", "refuse-or-warn"),
                      ("-1:00-06:00", "refuse"), ("22:00-06:00;x", "refuse"), ("OVERLAP", "refuse-or-warn"), ("x1000", "refuse-or-warn")):
        opts = (["--off-peak-hours=22:00-06:00", "--off-peak-hours=23:00-07:00"] if v == "OVERLAP" else
                ["--off-peak-hours=22:00-06:00"] * 1000 if v == "x1000" else [f"--off-peak-hours={v}"])
        n = [["off-peak", "off_peak", v or "''"]]
        for cid, argv in (("bill-load", ["bill", "--load", curve, "--tariff", "fr-edf-bleu-hphc", "--kva", "6"]),
                          ("bill-dwelling", ["bill", "fr/sfh-1975-1989", "--tariff", "fr-edf-bleu-hphc"]),
                          ("tariffs-compare-load", ["tariffs", "compare", "--load", curve, "--kva", "6"]),
                          ("tariffs-show", ["tariffs", "show", "fr-edf-bleu-hphc"])):
            add(f"off-peak-hours={v}/{cid}", argv + opts, expect, n)
    for cid, argv, expect in (("simulate-model-unknown", ["simulate", "fr/sfh-1949-1974", "--model", "6r2c"], "refuse"),
                              ("simulate-weather-unknown-zone", ["simulate", "fr/sfh-1949-1974", "--weather", "H4"], "refuse"),
                              ("simulate-weather-lowercase-zone", ["simulate", "fr/sfh-1949-1974", "--weather", "h1a"], "any"),
                              ("compare-meter-unknown", ["tariffs", "compare", "--load", curve, "--meter", "linky"], "refuse"),
                              ("compare-meter-single-country-be", ["tariffs", "compare", "--load", curve, "--meter", "single", "--country", "BE"], "any")):
        add(f"misc/{cid}", argv, expect)
    return out


def gen_huge(weather_dir):
    def big_key(p):
        with open(p, "wb") as f:
            f.write(b'{"schema": "foyer.dwelling/1", "base": "fr/sfh-1949-1974", "')
            chunk = b"k" * MB
            for _ in range(HUGE_BYTES // MB):
                f.write(chunk)
            f.write(b'": 1}\n')

    def big_description(p):
        with open(p, "wb") as f:
            f.write(b'{"schema": "foyer.dwelling/1", "base": "fr/sfh-1949-1974", "description": "')
            chunk = b"d" * MB
            for _ in range(HUGE_BYTES // MB):
                f.write(chunk)
            f.write(b'"}\n')
    yield Case("huge/dwelling-200MB-key/validate", ["validate", "{d}/big.json"], "refuse", {"big.json": big_key}, [["big.json"]], huge=True)
    yield Case("huge/dwelling-200MB-description/validate", ["validate", "{d}/big.json"], "any", {"big.json": big_description}, huge=True,
               then=[Case("huge/dwelling-200MB-description/simulate", ["simulate", "{d}/big.json"])])
    tempo = REPO / "Tariffs/fr/edf-bleu-tempo/2026-08-01.json"
    yield Case("huge/tariff-200MB-key/tariffs-list", ["tariffs", "list", "--tariffs-dir", "{d}/t"], "refuse",
               {"t/fr/zz-big/2026-01-01.json": big_key}, [["2026-01-01.json"]], huge=True)

    def big_curve(p):
        rnd = random.Random(SEED)
        t = datetime(2000, 1, 3)
        with open(p, "w") as f:
            f.write("timestamp,kwh\n")
            size = 0
            while size < HUGE_BYTES:
                buf = []
                for _ in range(100000):
                    buf.append(f"{t:%Y-%m-%dT%H:%M}Z,{rnd.uniform(0.01, 0.2):.3f}\n")
                    t += timedelta(minutes=5)
                s = "".join(buf)
                f.write(s)
                size += len(s)
    yield Case("huge/curve-200MB/bill", ["bill", "--load", "{d}/big.csv", "--tariff", "fr-edf-bleu-base", "--kva", "6",
                                         "--prices-on", "2026-02-01"], "any", {"big.csv": big_curve}, huge=True,
               also=[Case("huge/curve-200MB/tariffs-compare", ["tariffs", "compare", "--load", "{d}/big.csv", "--kva", "6"], "any", huge=True)])
    h1a = weather_dir / "rt2012" / "FRA_RT2012_H1a.epw"
    if h1a.exists():
        def big_epw(p):
            L = epw_lines(h1a)
            data = ("\n".join(L[8:]) + "\n").encode("latin-1")
            with open(p, "wb") as f:
                f.write(("\n".join(L[:8]) + "\n").encode("latin-1"))
                for _ in range(HUGE_BYTES // len(data) + 1):
                    f.write(data)
        yield Case("huge/epw-200MB/weather", ["weather", "{d}/big.epw"], "refuse-or-warn", {"big.epw": big_epw}, [["big.epw"]], huge=True,
                   also=[Case("huge/epw-200MB/simulate", ["simulate", "fr/sfh-1949-1974", "--weather", "{d}/big.epw"], "refuse-or-warn", huge=True)])


def generate(weather_dir, huge, notes):
    gens = [gen_dwelling_leaves(), gen_dwelling_structure(), gen_energy_supply(), gen_tariff_leaves(),
            gen_tariff_structure(), gen_tariff_dirs(), gen_load_curves(), gen_epw(weather_dir, notes), gen_cli(weather_dir)]
    if huge:
        gens.append(gen_huge(weather_dir))
    else:
        notes.append("the 200 MB cases are skipped (give --huge to run them)")
    cases = [c for g in gens for c in g]
    seen = Counter(c.id for c in cases)
    dup = [k for k, v in seen.items() if v > 1]
    assert not dup, f"duplicate case ids: {dup[:5]}"
    return cases


# ---------------------------------------------------------------------------------------------
# Running and classifying

CRASH_RE = re.compile(r"Fatal error|Trace/breakpoint|Program crashed|Segmentation fault|Illegal instruction|"
                      r"Bus error|Aborted|stack overflow|Assertion failed|Precondition failed|"
                      r"Swift runtime failure|Backtracing from|\" crashed:")
FRAME_RE = re.compile(r"0x[0-9a-f]+ (.+?)(?: \+ \d+)? in \S+ at (\S*Sources/\S+?):(\d+):\d+\s*$")
OOM_RE = re.compile(r"out of memory|Cannot allocate memory|bad_alloc|could not allocate|failed to allocate|"
                    r"failed to map segment|Not enough memory|memory exhausted|mmap.*failed", re.I)
WARN_RE = re.compile(r"\bwarning\b|\berror\b|(?<!no )\bmismatch", re.I)
NONFINITE_RE = re.compile(r"(?<![\w\"'.\-])[-+]?(?:inf|infinity|nan)(?![\w\"'])|:\s*\"[-+]?(?:inf|infinity|nan)\"", re.I)
DIAG_RE = re.compile(r"\b(error|warning)\b", re.I)
HEAD = 2 * MB


@dataclass
class Result:
    case: Case
    root: str
    exit: int = None
    signal: int = None
    timed_out: bool = False
    seconds: float = 0.0
    maxrss_mb: float = 0.0
    stdout: str = ""
    stderr: str = ""
    stdout_bytes: int = 0
    stderr_bytes: int = 0
    cls: str = "ok"
    site: str = ""
    detail: str = ""
    cmdline: str = ""


def crash_site(err):
    """The trap message and the innermost frame in the project's sources, from a Swift crash
    report ("*** Swift runtime failure: … ***", "…: Fatal error: …", then the crashed thread)."""
    msg = next((l.strip(" *") for l in err.splitlines()
                if re.search(r"Fatal error|runtime failure|Precondition failed|Assertion failed", l)), None) or \
        next((l.strip(" *") for l in err.splitlines() if "Program crashed" in l), None)
    where = None
    tail = err.split(" crashed:", 1)[1] if " crashed:" in err else ""
    for line in tail.splitlines():
        if re.match(r"\s*Thread \d", line):
            break
        m = FRAME_RE.search(line)
        if m:
            where = f"{m.group(2).split('Sources/', 1)[1]}:{m.group(3)} ({m.group(1).strip()[:80]})"
            break
    if not msg and not where:
        return None
    return f"{msg or 'signal'}" + (f" @ {where}" if where else "")


def nonfinite_line(text):
    for line in text.splitlines():
        if DIAG_RE.search(line):
            continue
        m = NONFINITE_RE.search(line)
        if m:
            return ("…" if m.start() > 100 else "") + line[max(0, m.start() - 100):m.end() + 60].strip()
    return None


def classify(r, mem_bytes):
    out, err, c = r.stdout, r.stderr, r.case
    both = out + "\n" + err
    crash_line = next((l for l in err.splitlines() if CRASH_RE.search(l)), None)
    first = next((l for l in err.splitlines() if l.strip()), "")
    if r.timed_out:
        r.cls, r.site = "hang", f"timeout; last stderr line: {err.strip().splitlines()[-1][:200] if err.strip() else '(none)'}"
        return
    if OOM_RE.search(err) or (r.signal and r.maxrss_mb * MB >= mem_bytes / 2):
        r.cls = "oom"
        r.site = crash_site(err) or next((l for l in err.splitlines() if OOM_RE.search(l)),
                                          crash_line or f"signal {r.signal}")[:300]
        return
    if r.signal or crash_line:
        r.cls = "crash"
        r.site = crash_site(err) or (first or f"killed by signal {r.signal}")[:300]
        return
    nf = nonfinite_line(out) or (nonfinite_line(err) if r.exit == 0 else None)
    if nf:
        r.cls, r.detail = "nonfinite", nf
        return
    if r.exit == 0:
        if c.expect == "refuse":
            r.cls, r.detail = "silent", "accepted (exit 0)" + (" with a warning" if WARN_RE.search(both) else "")
            return
        if c.expect == "refuse-or-warn" and not WARN_RE.search(both):
            r.cls, r.detail = "silent", "accepted without a warning"
            return
        r.cls = "ok"
        return
    missing = [g for g in c.needles if not any(n in both for n in g)]
    if missing:
        r.cls, r.detail = "weak", "message lacks " + " and ".join(" or ".join(repr(n) for n in g[:3]) for g in missing)
        return
    r.cls = "ok"


def materialise(case, case_dir):
    for name, content in case.files.items():
        p = case_dir / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(p)
        elif isinstance(content, str):
            p.write_text(content, encoding="utf-8")
        else:
            p.write_bytes(content)


def run_case(case, root_id, case_dir, common, opts):
    argv = [a.replace("{d}", str(case_dir)).replace("{c}", str(common)) for a in case.argv]
    r = Result(case, root_id)
    r.cmdline = shlex.join([opts.binary_shown] + argv)
    mem = int(opts.mem_gb * (1 << 30))
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=opts.scratch))
    cwd = scratch / "cwd"
    cwd.mkdir()

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    env = dict(os.environ)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")   # one core per job, so --jobs is the CPU budget
    t0 = time.monotonic()
    with open(scratch / "stdout", "wb") as so, open(scratch / "stderr", "wb") as se:
        p = subprocess.Popen([opts.binary] + argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=so, stderr=se,
                             env=env, preexec_fn=limits, start_new_session=True)
        status = {}
        waiter = threading.Thread(target=lambda: status.update(w=os.wait4(p.pid, 0)), daemon=True)
        waiter.start()
        waiter.join(opts.timeout)
        if waiter.is_alive():
            r.timed_out = True
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            waiter.join()
        _, st, ru = status["w"]
        p.returncode = os.waitstatus_to_exitcode(st)   # reaped here; keep Popen from waiting again
    r.seconds = round(time.monotonic() - t0, 3)
    r.maxrss_mb = round(ru.ru_maxrss / 1024, 1)
    code = p.returncode
    if code < 0:
        r.signal = -code
    else:
        r.exit = code
    for stream in ("stdout", "stderr"):
        path = scratch / stream
        size = path.stat().st_size
        with open(path, "rb") as f:
            text = f.read(HEAD).decode("utf-8", "replace")
        setattr(r, stream, text)
        setattr(r, stream + "_bytes", size)
    shutil.rmtree(scratch, ignore_errors=True)
    classify(r, mem)
    return r


def run_root(index, case, opts, common):
    case_dir = opts.cases / f"{index:06d}"
    results = []
    try:
        case_dir.mkdir(parents=True, exist_ok=True)
        materialise(case, case_dir)
    except Exception as e:  # a generator problem is a harness bug, not a foyer one: say so
        r = Result(case, case.id, cls="harness-error", detail=f"{type(e).__name__}: {e}")
        return [r]
    queue = [case] + case.also
    while queue:
        c = queue.pop(0)
        r = run_case(c, case.id, case_dir, common, opts)
        results.append(r)
        if r.exit == 0:
            queue.extend(c.then)
    if (opts.keep or any(r.cls != "ok" for r in results)) and not case.huge:
        (case_dir / "CASE.txt").write_text("".join(f"{r.case.id}\n  {r.cmdline}\n  -> {r.cls}\n" for r in results))
    else:
        shutil.rmtree(case_dir, ignore_errors=True)
    return results


def record(r):
    d = {"id": r.case.id, "group": case_group(r.case.id), "command": r.case.command, "cmdline": r.cmdline,
         "class": r.cls, "expect": r.case.expect, "exit": r.exit, "signal": r.signal, "timeout": r.timed_out,
         "seconds": r.seconds, "maxrss_mb": r.maxrss_mb, "stderr": r.stderr[:300]}
    if r.site:
        d["site"] = r.site
    if r.detail:
        d["detail"] = r.detail
    if r.cls == "nonfinite" or (r.cls == "silent" and not r.stderr.strip()):
        d["stdout"] = r.stdout[:300]
    if r.stderr_bytes > HEAD or r.stdout_bytes > HEAD:
        d["output_bytes"] = {"stdout": r.stdout_bytes, "stderr": r.stderr_bytes}
    return d


CLASSES = ["crash", "hang", "oom", "nonfinite", "silent", "weak", "ok", "harness-error"]


def summary(results, notes, examples):
    w = sys.stdout.write
    total = Counter(r.cls for r in results)
    w(f"\n{len(results)} runs from {len({r.root for r in results})} cases\n\nclass       runs\n")
    for c in CLASSES:
        if total[c]:
            w(f"{c:<11} {total[c]:>5}\n")
    by_cmd = defaultdict(Counter)
    for r in results:
        by_cmd[r.case.command][r.cls] += 1
    cols = [c for c in CLASSES if total[c]]
    w("\n" + f"{'command':<17}" + "".join(f"{c:>10}" for c in cols) + f"{'total':>8}\n")
    for cmd in sorted(by_cmd):
        w(f"{cmd:<17}" + "".join(f"{by_cmd[cmd][c]:>10}" for c in cols) + f"{sum(by_cmd[cmd].values()):>8}\n")
    by_group = defaultdict(Counter)
    for r in results:
        by_group[case_group(r.case.id)][r.cls] += 1
    w("\n" + f"{'group':<17}" + "".join(f"{c:>10}" for c in cols) + f"{'total':>8}\n")
    for g in sorted(by_group):
        w(f"{g:<17}" + "".join(f"{by_group[g][c]:>10}" for c in cols) + f"{sum(by_group[g].values()):>8}\n")
    for cls in ("crash", "hang", "oom"):
        sites = defaultdict(list)
        for r in results:
            if r.cls == cls:
                sites[re.sub(r"\d+(\.\d+)? ?s\b", "N s", r.site)].append(r)
        if sites:
            w(f"\n{cls} sites:\n")
            for site, rs in sorted(sites.items(), key=lambda kv: -len(kv[1])):
                w(f"  {len(rs):>5} × {site}\n          e.g. {rs[0].case.id}\n               {rs[0].cmdline}\n")
    for cls in ("silent", "weak", "nonfinite"):
        rs = [r for r in results if r.cls == cls]
        if not rs:
            continue
        w(f"\n{cls}: {len(rs)} runs; examples:\n")
        picked, seen = [], set()
        for r in rs:                                  # one per group/command/mutation first
            key = (case_group(r.case.id), r.case.command, r.case.id.split("=")[-1].split("/")[0])
            if key not in seen:
                seen.add(key)
                picked.append(r)
        for r in (picked + [r for r in rs if r not in picked])[:examples]:
            what = r.detail or ""
            msg = (r.stderr.strip() or r.stdout.strip())[:160]
            w(f"  {r.case.id}\n      {r.cmdline}\n      -> exit {r.exit}; {what[:160]}; output: {msg!r}\n")
    for n in notes:
        w(f"\nnote: {n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--binary", required=True, help="the foyer executable to test")
    ap.add_argument("--out", help="folder for the generated cases (default: a new temporary folder)")
    ap.add_argument("--report", help="write one JSON line per run to this file")
    ap.add_argument("--only", help="run only the cases whose id matches this regular expression")
    ap.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    ap.add_argument("--huge", action="store_true", help="also the 200 MB inputs")
    ap.add_argument("--timeout", type=float, default=30, help="seconds per run (default 30)")
    ap.add_argument("--mem-gb", type=float, default=2, help="address-space cap per run, GB (default 2)")
    ap.add_argument("--keep", action="store_true", help="keep the inputs of every case, not only of the failing ones")
    ap.add_argument("--weather-dir", default=str(REPO.parent / "shared" / "weather"),
                    help="folder with rt2012/ and the Denver TMY3 EPW (default ../shared/weather)")
    ap.add_argument("--examples", type=int, default=10, help="examples printed per silent/weak/nonfinite class")
    ap.add_argument("--list", action="store_true", help="list the case ids and exit")
    opts = ap.parse_args()
    opts.binary_shown = opts.binary
    opts.binary = str(Path(opts.binary).resolve())
    if not os.access(opts.binary, os.X_OK):
        sys.exit(f"{opts.binary}: not an executable")
    notes = []
    cases = generate(Path(opts.weather_dir), opts.huge, notes)
    if opts.only:
        rx = re.compile(opts.only)
        cases = [c for c in cases if rx.search(c.id) or any(rx.search(x.id) for x in c.also)]
    if opts.list:
        for c in cases:
            print(c.id)
        return
    out = Path(opts.out) if opts.out else Path(tempfile.mkdtemp(prefix="foyer-hostile-"))
    out.mkdir(parents=True, exist_ok=True)
    opts.cases, opts.scratch = out / "cases", out / "scratch"
    opts.scratch.mkdir(exist_ok=True)
    common = out / "common"
    common.mkdir(exist_ok=True)
    (common / "curve-2026.csv").write_text(curve_text(curve_rows()))
    print(f"{len(cases)} cases (plus follow-ups) → {out}; binary {opts.binary_shown}; "
          f"timeout {opts.timeout:g} s, memory {opts.mem_gb:g} GB, {opts.jobs} job(s)", flush=True)
    results_by_index = {}
    t0 = time.monotonic()
    done = 0
    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = {pool.submit(run_root, i, c, opts, common): i for i, c in enumerate(cases)}
        for fut in as_completed(futures):
            results_by_index[futures[fut]] = fut.result()
            done += 1
            if done % 500 == 0 or done == len(cases):
                bad = sum(1 for rs in results_by_index.values() for r in rs if r.cls not in ("ok",))
                print(f"  {done}/{len(cases)} cases, {time.monotonic() - t0:.0f} s, {bad} runs not ok", flush=True)
    results = [r for i in sorted(results_by_index) for r in results_by_index[i]]
    shutil.rmtree(opts.scratch, ignore_errors=True)
    if opts.report:
        with open(opts.report, "w") as f:
            for r in results:
                f.write(json.dumps(record(r), ensure_ascii=False) + "\n")
    summary(results, notes, opts.examples)
    print(f"\ninputs of the cases that are not ok: {opts.cases}" + (f"\nreport: {opts.report}" if opts.report else ""))


if __name__ == "__main__":
    main()
