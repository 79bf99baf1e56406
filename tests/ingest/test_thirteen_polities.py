"""One company on thirteen polities' lists, in the shape of an OpenSanctions entity file.

The real OpenSanctions file of one sanctioned company holds dozens of ``Sanction`` entities
from twelve countries and the EU. Each names its issuing ``authority`` (a ministry, a
treasury directorate, DG FISMA ...) and the polity in ``country`` — sometimes as a code,
sometimes as a name ("UK" and "United Kingdom"), and several per polity. "Who sanctioned it"
must answer with the polities, each with the authority that issued the listing and its
programme, one polity under one id, and never call a programme such as the US "Reciprocal"
exclusions retaliation. The file below is our own, written in that shape."""

import json
import subprocess
import sys
from pathlib import Path

#: (sanction id, authority, country as the record writes it, programme)
SANCTIONS = [
    ("us-1", "Office of Foreign Assets Control", "us", "RUSSIA-EO14024"),
    ("us-2", "Bureau of Industry and Security", "us", "Entity List"),
    ("us-3", "System for Award Management", "us", "Reciprocal"),
    ("us-4", "System for Award Management", "United States", "Reciprocal"),
    ("gb-1", "Office of Financial Sanctions Implementation", "UK", "Russia"),
    ("gb-2", "Foreign, Commonwealth & Development Office", "United Kingdom", "Russia"),
    ("eu-1", "Directorate-General for Financial Stability, Financial Services and Capital "
             "Markets Union", "eu", "UKR"),
    ("fr-1", "Direction Générale du Trésor", "fr", "RUSSIE"),
    ("be-1", "Service Public Fédéral Finances", "be", "Russia"),
    ("mc-1", "Direction du Budget et du Trésor", "Monaco", "Russie"),
    ("nz-1", "Ministry of Foreign Affairs and Trade", "nz", "Russia Sanctions Act 2022"),
    ("ua-1", "National Security and Defense Council", "ua", "NSDC decision"),
    ("ca-1", "Global Affairs Canada", "ca", "Special Economic Measures (Russia)"),
    ("au-1", "Department of Foreign Affairs and Trade", "au", "Russia"),
    ("ch-1", "State Secretariat for Economic Affairs", "ch", "Ukraine"),
    ("jp-1", "Ministry of Finance", "jp", "Russia"),
    ("jp-2", "Ministry of Economy, Trade and Industry", "Japan", "Export ban"),
    ("pl-1", "Ministry of Interior and Administration", "pl", "Russia"),
]
POLITIES = {"us", "gb", "eu", "fr", "be", "mc", "nz", "ua", "ca", "au", "ch", "jp", "pl"}


def _kg(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True)


def test_who_sanctioned_one_company_names_thirteen_polities_with_their_authorities(
        tmp_path: Path) -> None:
    lines = [json.dumps({"id": "co-1", "schema": "Company", "caption": "Volkhov Arms JSC",
                         "properties": {"name": ["Volkhov Arms JSC"], "country": ["ru"]},
                         "datasets": ["default"]})]
    lines += [json.dumps({"id": sid, "schema": "Sanction", "properties": {
        "entity": ["co-1"], "authority": [auth], "country": [country], "program": [prog],
        "listingDate": ["2022-03-01"]}, "datasets": ["default"]})
        for sid, auth, country, prog in SANCTIONS]
    src = tmp_path / "company.ftm.json"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "company.jsonl"
    r = _kg("import", "ftm", src, "-o", out)
    assert r.returncode == 0, r.stderr

    r = _kg("query", "who-sanctioned", "Volkhov Arms JSC", "-d", out, "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {row["imposer"] for row in rows} == POLITIES
    assert len(rows) == len(SANCTIONS)  # every listing, none folded or lost
    by_sanction = {row["sanction"]: row for row in rows}
    for sid, auth, _country, prog in SANCTIONS:
        row = by_sanction[f"ftm-{sid}"]
        # The body under the name our table gives it ("&" and "and" are one name).
        assert auth.replace("&", "and") in row["authority"], (sid, row["authority"])
        assert prog == row["program"]
    # Not one polity under two ids, and "Reciprocal" is not retaliation.
    r = _kg("query", "retaliation", "-d", out, "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout
    # The table names the polities, and an unmapped programme is "other" in the list's words.
    r = _kg("query", "who-sanctioned", "Volkhov Arms JSC", "-d", out)
    assert r.returncode == 0 and "Monaco" in r.stdout and "New Zealand" in r.stdout
    assert r.stdout.count("(Reciprocal)") == 2
