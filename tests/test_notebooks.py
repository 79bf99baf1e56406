"""Every notebook runs top to bottom in a fresh kernel, in a temporary folder; its answers
match the CLI's; the committed notebooks carry no outputs."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kg.cli.app import main

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] >= ["explore_sanctions.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_are_stripped(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert dirty == [], f"{path.name}: strip outputs of cells {dirty}"


def run_notebook(path: Path, cwd: Path, extra: str | None = None) -> tuple[object, str]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    text = ""
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            client.execute_cell(cell, i)  # raises CellExecutionError on any error
        if extra is not None:
            cell = nbformat.v4.new_code_cell(extra)
            nb.cells.append(cell)
            client.execute_cell(cell, len(nb.cells) - 1)
            text = "".join(o.get("text", "") for o in cell.outputs)
    return nb, text


def test_explore_notebook_runs_and_matches_the_cli(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = next(p for p in NOTEBOOKS if p.name == "explore_sanctions.ipynb")
    nb, text = run_notebook(path, tmp_path, extra=(
        "import json\nprint(json.dumps({'rows': json.loads(china.to_json(orient='records')),"
        " 'chart': china_in_chart}))"))
    answer = json.loads(text)
    from_notebook = answer["rows"]

    with pytest.raises(SystemExit) as exc:
        main(["query", "who-sanctioned", "China", "--format", "json"])
    assert exc.value.code == 0
    from_cli = json.loads(capsys.readouterr().out)
    cols = ["imposer", "imposer_name", "target", "target_name", "reason", "sanction", "status",
            "date", "sources"]
    assert len(from_notebook) == len(from_cli) > 4
    assert [{c: r[c] for c in cols} for r in from_notebook] == \
        [{c: r[c] for c in cols} for r in from_cli]
    # The chart of sanctions per state counts China as the CLI does (distinct sanctions).
    assert answer["chart"] == len({r["sanction"] for r in from_cli}) == 7

    # The plots drew something and the inline views are srcdoc iframes of the offline page.
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= 3
    frames = [o["data"]["text/html"] for o in outputs
              if "<iframe srcdoc=" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 2 and all('sandbox="allow-scripts"' in f for f in frames)
    assert all("https://cdn" not in f and "<script src=" not in f for f in frames)
    # Each view is stored once: the plain-text fallback beside the HTML is one short line,
    # and the whole executed notebook is the two pages plus a little (charts, tables).
    views = [o for o in outputs if "<iframe srcdoc=" in o.get("data", {}).get("text/html", "")]
    assert all(len(o["data"].get("text/plain", "")) < 100 for o in views)
    size = len(nbformat.writes(nb))
    assert size < sum(len(f) for f in frames) + 400_000, size
    # The broken record's problems are printed, located.
    printed = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    assert "broken.yaml" in printed and "unknown actor 'atlantis'" in printed
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written to the cwd
