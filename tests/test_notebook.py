"""The quick-start notebook runs, cell by cell, in a fresh kernel of this interpreter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the dev set")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the dev set")
kernelspec = pytest.importorskip("jupyter_client.kernelspec", reason="needs jupyter_client")
manager = pytest.importorskip("jupyter_client.manager", reason="needs jupyter_client")
pytest.importorskip("ipykernel", reason="the notebook test needs the dev set")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"


def this_interpreters_kernel() -> object:
    """A manager for ipykernel's python3 kernel, run by the interpreter running the tests.

    With no kernel directories to search, jupyter_client falls back to ipykernel's own spec,
    whose command is ``sys.executable``; a python3 kernel installed elsewhere on the machine
    (for another Python) is never picked.
    """
    specs = kernelspec.KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)
    kernel = manager.KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    assert kernel.kernel_spec.argv[0] == sys.executable
    return kernel


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.executable)"))
    client = nbclient.NotebookClient(
        notebook,
        km=this_interpreters_kernel(),
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return notebook


def test_notebook_is_valid_nbformat_4_without_stored_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code"
    assert all(not cell.outputs and cell.execution_count is None for cell in code)


def test_no_cell_errors(executed: nbformat.NotebookNode) -> None:
    failures = [
        f"cell {number}: {output.ename}: {output.evalue}\n{cell.source}"
        for number, cell in enumerate(executed.cells)
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not failures, "\n\n".join(failures)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code)


def test_the_kernel_ran_this_interpreter(executed: nbformat.NotebookNode) -> None:
    printed = "".join(output.get("text", "") for output in executed.cells[-1].outputs)
    assert printed.strip() == sys.executable


def _outputs(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.append(data.get("text/html", "") + data.get("text/markdown", ""))
        parts.append(data.get("text/plain", ""))
    return "".join(parts)


def test_the_notebook_shows_the_seed_its_table_and_its_report(
    executed: nbformat.NotebookNode,
) -> None:
    shown = "\n".join(_outputs(cell) for cell in executed.cells if cell.cell_type == "code")
    assert "中共唐山市开平区委网络安全和信息化委员会办公室" in shown
    assert "<table" in shown and "一般公共预算财政拨款基本支出表" in shown
    assert "TXT-FIXED-ASSETS" in shown
    assert "{'error': 1, 'warning': 2, 'info': 3}" in shown
    assert "{'error': 0, 'warning': 2, 'info': 3}" in shown
