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
def isolated(tmp_path, monkeypatch):
    """An isolated HOME, data and config directory, the shared build cache, a kernelspec; no token anywhere."""
    from portasnn import paths

    cache = paths.cache_dir()  # model builds are shared with other tests and runs (keyed by content)
    for name in ("home", "data", "config"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(cache))
    monkeypatch.setenv("PORTASNN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PORTASNN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("JUPYTER_PATH", str(_kernelspec(tmp_path / "jupyter")))
    for var in ("PORTASNN_TOKEN", "CLB_AUTH", "JUPYTERHUB_API_TOKEN", "PORTASNN_NMPI_COLLAB", "PORTASNN_LAB_TOKEN_URL"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.fixture
def services(isolated, monkeypatch):
    """The dummy token, a loopback UNICORE site and NMPI queue, and the user's configuration naming them."""
    monkeypatch.setenv("PORTASNN_TOKEN", TOKEN)
    site = FakeUnicore(TOKEN, lifetime_s=SERVER_LIFETIME_S).start()
    queue = FakeNmpi(TOKEN, lifetime_s=SERVER_LIFETIME_S).start()
    (isolated / "config" / "sites.toml").write_text(
        f'[loopback]\nurl = "{site.base}"\nimage = "docker://registry.example.org/portasnn/nest-pmix:0.1.0"\n'
        'verify_tls = false\nnodes = 1\ntasks_per_node = 1\ncpus_per_task = 1\nqueue = "batch"\n')
    (isolated / "config" / "nmpi.toml").write_text(f'collab = "test-collab"\njob_service = "{queue.url}"\n'
                                                   f'user_info_endpoint = "{queue.url}/userinfo"\n')
    yield site, queue
    site.close()
    queue.close()


def _execute(tmp: Path):
    """Run the notebook from a copy of examples/ (as it says; the repository stays clean); the executed notebook."""
    work = tmp / "examples"
    shutil.copytree(REPO / "examples" / "brunel", work / "brunel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not _outputs(c) and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code"), \
        "the notebook is committed without outputs"
    nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=900, resources={"metadata": {"path": str(work)}}).execute()
    nbformat.write(nb, tmp / "executed.ipynb")  # kept with pytest's temporary directory, to look at
    return nb


def _check_errors(nb) -> None:
    """No cell errored, except the one showing a broken model's error on purpose: short, with file:line:col."""
    for cell in nb.cells:
        errors = [o for o in _outputs(cell) if o["output_type"] == "error"]
        if "raises-exception" in cell.metadata.get("tags", []):
            assert len(errors) == 1, cell.source
            text = "\n".join(errors[0]["traceback"])
            assert re.search(r"my_neuron\.nestml:\d+:\d+", text) and "V_mm" in text, text
            assert "Traceback" not in text and len(errors[0]["traceback"]) == 1, text
        else:
            assert not errors, (cell.source, errors)


@pytest.mark.slow
def test_workflow_notebook_runs_top_to_bottom(isolated, services):
    tmp, (site, queue) = isolated, services
    nb = _execute(tmp)
    _check_errors(nb)

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
    html = "\n".join(_texts(nb, "text/html"))
    assert re.search(r"job \S+ on unicore:loopback: SUCCESSFUL", html), html
    assert html.count("<progress value='1000' max='1000'") == 4, html  # a bar per local run, drawn in place
    assert "access token from PORTASNN_TOKEN" in plain
    # the token is in no output, in no file the notebook wrote, nor at the loopback sites
    assert TOKEN not in json.dumps(nbformat.from_dict(nb))
    assert scan_for(TOKEN, tmp, site.root, queue.root) == []


@pytest.mark.slow
def test_workflow_notebook_without_a_token_skips_the_remote_steps(isolated):
    nb = _execute(isolated)
    _check_errors(nb)
    plain = "\n".join(_texts(nb, "text/plain"))
    assert "no access token (PORTASNN_TOKEN, CLB_AUTH or the EBRAINS Lab)" in plain
    assert plain.count("skipped: no access token") == 2, plain  # UNICORE and NMPI, each saying what it would do
    assert "would: bundle brunel_my_neuron.pnet for nest, submit it to unicore:<site>" in plain
    assert "would: bundle brunel_my_neuron.pnet for spinnaker" in plain
    assert "skipped: no remote runs" in plain
    grids = [m for m in _texts(nb, "text/markdown") if "## Verdict grid" in m]
    assert len(grids) == 1 and list(_grid(grids[0])) == ["spinnaker-host vs nest"]
    assert sum("image/png" in o.get("data", {}) for c in nb.cells for o in _outputs(c)) >= 5
