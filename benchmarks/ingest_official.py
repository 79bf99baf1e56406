"""Benchmark: the official-list importers (uk, eu, csl, OFAC's legacy CSV and SDN XML,
OpenSanctions' targets.simple.csv, the FCDO's UK Sanctions List XML) on large generated
files, beside the plainest parse of the same file in the same process.

Each file is made by repeating the test fixture's records with new ids (``Group ID``,
``logicalId``, ``_id``, ``uid``, ``id``; OFAC's legacy CSV from five entries written here,
with their alt.csv and add.csv rows) until it has ``--records`` records; then, in this
process, alternately:

* ``kg``: ``kg.ingest.write_import(kind, ...)`` -> JSONL (what ``kg import`` does);
* ``plain``: ``csv.reader`` over the decoded lines (uk, csl, ofac-csv, ftm-simple) or
  ``xml.etree.ElementTree.iterparse`` clearing each entry (eu, ofac-xml, uk-fcdo): parsing
  only.

Prints, per case, kg's figure beside the plain parse's: the median over ``--runs``
alternated runs of the CPU time of this process (which a busy shared machine disturbs less
than the wall clock, also shown), records per second, the kg/plain ratio of CPU times, and
the load average when the case ended.

    python benchmarks/ingest_official.py --records 100000 --runs 3 [--only ofac-csv ...]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIX = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "fixtures"


def make_uk(path: Path, n: int) -> None:
    raw = (FIX / "ConList.csv").read_bytes().decode("cp1252")
    head, rest = raw.split("\r\n", 1)
    header, *body = list(csv.reader(rest.splitlines(keepends=True)))
    with path.open("w", encoding="cp1252", newline="") as fh:
        fh.write(head + "\r\n")
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(header)
        i = 0
        while i < n:
            for row in body:
                row = [*row[:-1], str(int(row[-1]) + 10 * (i // len(body)))]
                w.writerow(row)
                i += 1


def make_csl(path: Path, n: int) -> None:
    lines = (FIX / "consolidated.csv").read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        for i in range(n):
            line = lines[1 + i % (len(lines) - 1)]
            fh.write(re.sub(r"^a1f0c0de\d+", f"id{i}", line) + "\n")


def make_eu(path: Path, n: int) -> None:
    text = (FIX / "xmlFullSanctionsList_1_1.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<sanctionEntity .*?</sanctionEntity>", text, re.S)
    head = text[:text.index("<sanctionEntity")]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        for i in range(n):
            fh.write(re.sub(r'logicalId="9\d+"', f'logicalId="{i + 1}"',
                            entries[i % len(entries)], count=1) + "\n")
        fh.write("</export>\n")


def make_ofac_xml(path: Path, n: int) -> None:
    text = (FIX / "sdn.xml").read_text(encoding="utf-8")
    entries = [e for e in re.findall(r"<sdnEntry>.*?</sdnEntry>", text, re.S)
               if re.search(r"<uid>\d+</uid>", e) and "<lastName>" in e]
    head = text[:text.index("<sdnEntry>")]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        for i in range(n):
            fh.write(re.sub(r"<uid>\d+</uid>", f"<uid>{i + 1}</uid>",
                            entries[i % len(entries)], count=1) + "\n")
        fh.write("</sdnList>\n")


def make_fcdo(path: Path, n: int) -> None:
    text = (FIX / "UK_Sanctions_List.xml").read_text(encoding="utf-8")
    entries = [e for e in re.findall(r"<Designation>.*?</Designation>", text, re.S)
               if "<UniqueID>" in e]
    head = text[:text.index("<Designation>")]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        for i in range(n):
            fh.write(re.sub(r"<UniqueID>\w+</UniqueID>", f"<UniqueID>BEN{i}</UniqueID>",
                            entries[i % len(entries)], count=1) + "\n")
        fh.write("</Designations>\n")


#: Primary rows of a generated OFAC legacy CSV (realistic remarks: dates of birth,
#: nationality, passports, weak a.k.a.s, a link), with their alt and add rows; ``{n}`` is the
#: entry number. Written as OFAC does: ``-0-`` for null, CRLF, Windows-1252.
_OFAC_ROWS = [
    ('{n},"VESK, Orlan {n}","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
     '"DOB 02 Apr 1961; alt. DOB 1962; POB Pyongyang, Korea, North; nationality Korea, North; '
     'Passport 836410039 (Korea, North); a.k.a. \'VESK THE ELDER\'; Gender Male."',
     ['{n},{a},"aka","VESK, Orlan Petrovich {n}",-0- '],
     ['{n},{a},"Kangdong District",-0- ,"Korea, North",-0- ']),
    ('{n},"NORDLIGHT SHIPPING JSC {n}",-0- ,"RUSSIA-EO14024] [UKRAINE-EO13662",-0- ,-0- ,-0- ,'
     '-0- ,-0- ,-0- ,-0- ,"Tax ID No. 7700000001 (Russia); Registration ID 1027700000001 '
     '(Russia); Organization Established Date 2001; Linked To: VESK, Orlan {p}."',
     ['{n},{a},"aka","AO NORDLAIT {n}",-0- ', '{n},{a},"fka","NORDLIGHT LLC {n}",-0- '],
     ['{n},{a},"12 Tverskaya St","Moscow 125009","Russia",-0- ']),
    ('{n},"CALM HORIZON {n}","vessel","IRAN] [SDGT",-0- ,"9VAB1","Crude Oil Tanker","120000",'
     '"80000","Panama","Sample Shipping Co",'
     '"Vessel Registration Identification IMO 9{n:06d}; MMSI 351000000."',
     [], []),
    ('{n},"ZHOU, Mei {n}","individual","CYBER2] [ELECTION-EO13848",-0- ,-0- ,-0- ,-0- ,-0- ,'
     '-0- ,-0- ,"DOB 1979 to 1981; nationality China; Gender Female."',
     [], ['{n},{a},-0- ,"Shenzhen","China",-0- ']),
    ('{n},"ANONYMOUS FRONT LLC {n}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
     [], []),
]


def make_ofac_csv(path: Path, n: int) -> list[Path]:
    """sdn.csv with ``n`` entries (and add.csv, alt.csv beside it); returns all three."""
    alt, add = path.with_name("alt.csv"), path.with_name("add.csv")
    with path.open("w", encoding="cp1252", newline="") as sdn, \
            alt.open("w", encoding="cp1252", newline="") as fa, \
            add.open("w", encoding="cp1252", newline="") as fd:
        a = 0
        for i in range(n):
            row, alts, adds = _OFAC_ROWS[i % len(_OFAC_ROWS)]
            sdn.write(row.format(n=i + 1, p=i) + "\r\n")
            for x in alts:
                a += 1
                fa.write(x.format(n=i + 1, a=a) + "\r\n")
            for x in adds:
                a += 1
                fd.write(x.format(n=i + 1, a=a) + "\r\n")
        sdn.write("\x1a")
    return [path, alt, add]


def make_simple(path: Path, n: int) -> None:
    lines = (FIX / "targets.simple.csv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines[1:] if not line.startswith('""')]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        for i in range(n):
            fh.write(re.sub(r'^"[^"]*"', f'"os-{i}"', rows[i % len(rows)]) + "\n")


def plain_csv(path: Path) -> int:
    with path.open(encoding="cp1252" if path.name.startswith("ConList") else "utf-8",
                   errors="replace", newline="") as fh:
        return sum(1 for _ in csv.reader(fh))


def plain_xml(path: Path) -> int:
    n = 0
    for _, elem in ET.iterparse(path):
        if elem.tag.endswith(("sanctionEntity", "sdnEntry", "Designation")):
            n += 1
            elem.clear()
    return n


#: label -> (import kind, file name, generator, plain parse); a generator that writes more
#: than one file returns them all.
CASES = {"uk": ("uk", "ConList.csv", make_uk, plain_csv),
         "csl": ("csl", "consolidated.csv", make_csl, plain_csv),
         "ofac-csv": ("ofac", "sdn.csv", make_ofac_csv, plain_csv),
         "eu": ("eu", "eu.xml", make_eu, plain_xml),
         "ofac-xml": ("ofac", "sdn.xml", make_ofac_xml, plain_xml),
         "ftm-simple": ("ftm", "targets.simple.csv", make_simple, plain_csv),
         "uk-fcdo": ("uk", "UK_Sanctions_List.xml", make_fcdo, plain_xml)}


def timed(fn) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one call."""
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.process_time() - c, time.perf_counter() - t


def main() -> None:
    from kg.ingest import write_import

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", nargs="*", choices=sorted(CASES), help="Run only these cases.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, (kind, name, make, plain) in CASES.items():
            if args.only and label not in args.only:
                continue
            path = Path(tmp) / name
            paths = make(path, args.records) or [path]
            out = Path(tmp) / f"{label}.jsonl"
            kg_runs, plain_runs = [], []
            for _ in range(args.runs):  # alternated: a change of load hits both sides
                kg_runs.append(timed(lambda k=kind, p=paths, o=out: write_import(k, p, o)))
                plain_runs.append(timed(lambda p=paths, f=plain: sum(f(x) for x in p)))
            kg_cpu = statistics.median(r[0] for r in kg_runs)
            kg_wall = statistics.median(r[1] for r in kg_runs)
            pl_cpu = statistics.median(r[0] for r in plain_runs)
            pl_wall = statistics.median(r[1] for r in plain_runs)
            print(f"{label:10} {args.records:>9,} records  kg CPU {kg_cpu:6.2f} s "
                  f"(wall {kg_wall:6.2f}, {args.records / kg_cpu:>8,.0f}/s)  plain CPU "
                  f"{pl_cpu:5.2f} s (wall {pl_wall:5.2f})  ratio {kg_cpu / pl_cpu:5.1f}x  "
                  f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
