"""The README runs as written: every shell line of its examples, its data-format YAML and its
Python snippet, in a copy of the repository, with the exit codes and files the README promises.

Only lines that set up the environment this suite already runs in (``pip install``), the test
command itself and the long benchmark are not re-run; they are listed in ``NOT_RUN`` with the
reason, and a test fails if that list and the README disagree, so a new README line is run by
default.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent

NOT_RUN = {
    "pip install -e '.[test,notebook]' && python -m pytest":
        "the test command: this suite is what it runs (.ci/run runs it as written)",
    "pip install -e '.[notebook]'": "the environment this suite runs in has the notebook extra",
    "python benchmarks/bench.py --sizes 10k,100k": "a benchmark of several minutes",
    "jupyter lab notebooks/explore_sanctions.ipynb": "a server: test_jupyter_lab_starts",
    "python scripts/screenshots.py": "over a minute of Chromium on 5,000-node pages; "
        "tests/export/test_html_screenshots.py runs it on two of its pictures",
}
"""README lines not run by test_readme_shell_examples, with why."""

EXIT_1 = re.compile(r"^kg import (ftm|ofac|un|gdelt) ")
"""Lines the README says exit with 1 (those sample lists hold deliberately broken rows; the
uk, eu and csl samples are clean)."""


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, re.S | re.M)


def shell_lines() -> list[str]:
    lines = [ln.strip() for b in blocks("sh") for ln in b.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#")]


def command(line: str) -> str:
    """The line without its trailing comment (the README aligns comments after two spaces)."""
    return re.split(r"\s{2,}#\s", line, maxsplit=1)[0].strip()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository, so the README's outputs do not land in the clone."""
    dest = tmp_path_factory.mktemp("readme") / "repo"
    shutil.copytree(REPO, dest, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "__pycache__", "*.egg-info", ".pytest_cache", ".mypy_cache",
        ".ruff_cache", "*.html", "*.kgz"))
    (dest / "my-data.yaml").write_text(blocks("yaml")[0], encoding="utf-8")
    return dest


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PATH"] = f"{BIN}{os.pathsep}{e.get('PATH', '')}"
    e.pop("KG_DEBUG", None)
    return e


def test_not_run_list_matches_the_readme() -> None:
    cmds = {command(ln) for ln in shell_lines()}
    stale = [c for c in NOT_RUN if c not in cmds and not any(c in x for x in cmds)]
    assert stale == []


def test_readme_shell_examples(workdir: Path) -> None:
    """Every shell line, in README order, in one bash session (``F=...`` carries over)."""
    script = ["set +e"]
    expected: list[tuple[str, int]] = []
    for ln in shell_lines():
        cmd = command(ln)
        for skip in NOT_RUN:
            if cmd == skip:
                cmd = ""
            elif cmd.startswith(skip + " && "):
                cmd = cmd[len(skip) + 4:]  # "pip install -e . && kg demo": run the kg part
        if cmd.startswith("pip install") and " && " in cmd:
            cmd = cmd.split(" && ", 1)[1]
        if not cmd:
            continue
        i = len(expected)
        expected.append((cmd, 1 if EXIT_1.match(cmd) else 0))
        script.append(f"{cmd} >out-{i}.txt 2>err-{i}.txt\necho \"{i} $?\" >>rcs.txt")
    assert len(expected) >= 30, "the README's examples were not found"
    subprocess.run(["bash", "-c", "\n".join(script)], cwd=workdir, env=env(), timeout=900,
                   check=True)
    got = dict(line.split() for line in (workdir / "rcs.txt").read_text().splitlines())
    wrong = []
    for i, (cmd, rc) in enumerate(expected):
        if int(got[str(i)]) != rc:
            err = (workdir / f"err-{i}.txt").read_text(errors="replace")[-600:]
            wrong.append(f"{cmd!r}: exit {got[str(i)]}, README says {rc}\n{err}")
    assert wrong == [], "\n".join(wrong)
    # What the README promises the lines produce.
    out = {cmd: (workdir / f"out-{i}.txt").read_text() for i, (cmd, _) in enumerate(expected)}
    assert "Who sanctioned whom:" in out["kg demo"]
    assert (workdir / "sanctions.html").stat().st_size > 10_000
    assert out["kg validate examples/actors.yaml my-data.yaml"].startswith(
        "valid: 1 source, ")
    mine = out["kg query who-sanctioned China -d examples/actors.yaml -d my-data.yaml --ids"]
    assert "Xinjiang" in mine and "my-xinjiang-2021" in mine
    for name in ["events.html", "china.html", "draft.yaml", "all.jsonl", "events.kgz",
                 "graph.graphml", "graph.ftm.json", "/tmp/explored.ipynb"]:
        assert (workdir / name).stat().st_size > 0, name
    assert (workdir / "neo4j-import" / "queries.cypher").is_file()
    # Sanctions over time: the day's answers, and the diff of two versions of a list.
    assert out["kg query who-sanctioned Iran --as-of 2016-06-01"] == "(no results)\n"
    iran = out["kg query who-sanctioned Iran --as-of 2015-06-01"]
    assert "UN Security Council" in iran and "United States" in iran
    day = json.loads(out['kg query sanctioned-by "United States" --as-of 2019-01-01 --format json'])
    assert day["as_of"] == "2019-01-01" and day["results"]
    assert {r["imposer"] for r in day["results"]} == {"us"}
    diff = out["kg diff ofac.jsonl ofac-v2.jsonl"].splitlines()
    assert [ln.split()[0] for ln in diff[2:]] == ["added", "removed", "changed"]
    assert diff[2].split()[-1] == "ofac-9007-sdn" and diff[3].split()[-1] == "ofac-9002-sdn"
    assert diff[4].split()[-1] == "ofac-9005-sdn" and "reasons, program" in diff[4]


def test_readme_python_example(workdir: Path) -> None:
    (code,) = blocks("python")
    r = subprocess.run([sys.executable, "-c", code + "\nprint(len(rows))"], cwd=workdir,
                       env=env(), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.split()[-1]) > 0


def test_jupyter_lab_starts(workdir: Path) -> None:
    """The README's notebook command, headless: it serves the notebook over HTTP."""
    cmd = [str(BIN / "jupyter"), "lab", "notebooks/explore_sanctions.ipynb", "--no-browser",
           "--port=0", "--IdentityProvider.token=readme-test"]
    if os.geteuid() == 0:  # CI runs as root, which Jupyter refuses unless told
        cmd.append("--allow-root")
    p = subprocess.Popen(cmd, cwd=workdir, env=env(), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, start_new_session=True)
    seen = ""
    try:
        assert p.stdout is not None
        port = None
        deadline = time.monotonic() + 120
        while port is None and time.monotonic() < deadline:
            line = p.stdout.readline()
            if not line:
                break
            seen += line
            m = re.search(r"http://127\.0\.0\.1:(\d+)/lab", line)
            port = m and m.group(1)
        assert port, seen[-2000:]
        url = (f"http://127.0.0.1:{port}/api/contents/explore_sanctions.ipynb"
               "?content=0&token=readme-test")
        info = None
        while info is None:  # the URL is printed a moment before the server listens
            try:
                with urllib.request.urlopen(url, timeout=30) as resp:
                    info = json.load(resp)
            except urllib.error.URLError as e:
                if not isinstance(e.reason, ConnectionRefusedError) or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(timeout=30)
    assert (info["name"], info["type"]) == ("explore_sanctions.ipynb", "notebook")
