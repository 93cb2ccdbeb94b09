"""examples/workflow.ipynb executed top to bottom in a real Jupyter kernel (nbclient + ipykernel), with a
dummy token and the runtime tests' loopback UNICORE site and NMPI queue; then its outputs are checked."""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "examples" / "workflow.ipynb"
sys.path.insert(0, str(REPO / "tests" / "runtime" / "servers"))

from fake_nmpi import FakeNmpi  # noqa: E402 - after the sys.path entry above
from fake_unicore import FakeUnicore  # noqa: E402
from runtime_testdata import TOKEN  # noqa: E402
from tokenscan import scan_for  # noqa: E402

KERNEL = "portasnn-test-python"
SERVER_LIFETIME_S = 900.0


def _kernelspec(root: Path) -> Path:
    """A kernelspec running this interpreter (the project's .venv), found through JUPYTER_PATH."""
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "portasnn test", "language": "python"}))
    return root


def _outputs(cell) -> list[dict]:
    return cell.get("outputs", []) if cell.cell_type == "code" else []


def _texts(nb, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in _outputs(cell):
            data = out.get("data", {})
            if mime in data:
                found.append(data[mime] if isinstance(data[mime], str) else "".join(data[mime]))
            if mime == "text/plain" and out.get("output_type") == "stream":
                found.append(out.get("text", ""))
    return found


def _grid(markdown: str) -> dict[str, dict[str, str]]:
    """The verdict grid of a report: {target pair: {observable: verdict}}."""
    section = markdown.split("## Verdict grid", 1)[1].split("\n## ", 1)[0]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in section.splitlines()
            if line.startswith("|")]
    head, body = rows[0], [r for r in rows[2:] if r]
    return {pair: {r[0]: r[i] for r in body} for i, pair in enumerate(head) if i > 0}


@pytest.fixture
def notebook_env(tmp_path, monkeypatch):
    """An isolated HOME, data and config directory; the shared build cache; the dummy token; loopback services."""
    from portasnn import paths

    cache = paths.cache_dir()  # model builds are shared with other tests and runs (keyed by content)
    home, data, config = tmp_path / "home", tmp_path / "data", tmp_path / "config"
    for d in (home, data, config):
        d.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(cache))
    monkeypatch.setenv("PORTASNN_DATA_DIR", str(data))
    monkeypatch.setenv("PORTASNN_CONFIG_DIR", str(config))
    monkeypatch.setenv("PORTASNN_TOKEN", TOKEN)
    monkeypatch.setenv("JUPYTER_PATH", str(_kernelspec(tmp_path / "jupyter")))
    for var in ("CLB_AUTH", "JUPYTERHUB_API_TOKEN", "PORTASNN_NMPI_COLLAB", "PORTASNN_LAB_TOKEN_URL"):
        monkeypatch.delenv(var, raising=False)
    site = FakeUnicore(TOKEN, lifetime_s=SERVER_LIFETIME_S).start()
    queue = FakeNmpi(TOKEN, lifetime_s=SERVER_LIFETIME_S).start()
    (config / "sites.toml").write_text(
        f'[loopback]\nurl = "{site.base}"\nimage = "docker://registry.example.org/portasnn/nest-pmix:0.1.0"\n'
        'verify_tls = false\nnodes = 1\ntasks_per_node = 1\ncpus_per_task = 1\nqueue = "batch"\n')
    (config / "nmpi.toml").write_text(f'collab = "test-collab"\njob_service = "{queue.url}"\n'
                                      f'user_info_endpoint = "{queue.url}/userinfo"\n')
    yield tmp_path, site, queue
    site.close()
    queue.close()


@pytest.mark.slow
def test_workflow_notebook_runs_top_to_bottom(notebook_env):
    tmp, site, queue = notebook_env
    work = tmp / "examples"  # the notebook runs from examples/, as it says; a copy keeps the repository clean
    shutil.copytree(REPO / "examples" / "brunel", work / "brunel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not _outputs(c) and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code"), \
        "the notebook is committed without outputs"

    nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=900, resources={"metadata": {"path": str(work)}}).execute()
    nbformat.write(nb, tmp / "executed.ipynb")  # kept with pytest's temporary directory, to look at

    # no cell errored, except the one that shows a broken model's error on purpose: short, with file:line:col
    for cell in nb.cells:
        errors = [o for o in _outputs(cell) if o["output_type"] == "error"]
        if "raises-exception" in cell.metadata.get("tags", []):
            assert len(errors) == 1, cell.source
            text = "\n".join(errors[0]["traceback"])
            assert re.search(r"my_neuron\.nestml:\d+:\d+", text) and "V_mm" in text, text
            assert "Traceback" not in text and len(errors[0]["traceback"]) == 1, text
        else:
            assert not errors, (cell.source, errors)

    markdown = "\n".join(_texts(nb, "text/markdown"))
    plain = "\n".join(_texts(nb, "text/plain"))
    # the verdict grids: the local comparison, then every run (the loopback UNICORE site's among them)
    grids = [m for m in _texts(nb, "text/markdown") if "## Verdict grid" in m]
    assert len(grids) == 2, plain
    local, every = _grid(grids[0]), _grid(grids[1])
    assert list(local) == ["spinnaker-host vs nest"] and len(local["spinnaker-host vs nest"]) == 10, grids[0]
    assert set(local["spinnaker-host vs nest"].values()) <= {"OK", "Poor", "Fail"}
    remote = "nest (nest-on-loopback) vs nest (local-nest-seed42)"
    assert remote in every, grids[1]
    # the remote run is the reference's first seed run again (same seed, same simulator): OK everywhere
    assert set(every[remote].values()) == {"OK"}, every[remote]
    assert "on `nest`" in markdown and "nest-on-loopback" in markdown
    # plots inline: two rasters of local runs, one of the remote run, three plots per report
    pngs = [o for c in nb.cells for o in _outputs(c) if "image/png" in o.get("data", {})]
    assert len(pngs) >= 9, len(pngs)
    # NMPI: runs when the spinnaker target can write networks; otherwise the cell says so and skips
    from portasnn.notebook import missing

    if missing("SpiNNaker network (PyNN script, for NMPI)") is None:
        assert "spinnaker-on-nmpi" in markdown and len(queue.jobs) == 1
    else:
        assert "skipped: this portasnn cannot write SpiNNaker networks yet" in plain
    assert len(site.jobs) == 1  # one UNICORE job, its state shown until it ended
    assert re.search(r"job \S+ on unicore:loopback: SUCCESSFUL", "\n".join(_texts(nb, "text/html")))
    assert "access token from PORTASNN_TOKEN" in plain
    # the token is in no output, in no file the notebook wrote, nor at the loopback sites
    assert TOKEN not in json.dumps(nbformat.from_dict(nb))
    assert scan_for(TOKEN, tmp, site.root, queue.root) == []
