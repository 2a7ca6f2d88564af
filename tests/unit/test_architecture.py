"""The import contract: Qt only in siaga_console.ui (import-linter, and an AST check)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "siaga_console"
QT_FREE = ("domain", "data", "services", "sync", "integrations")
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "siaga_console.ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = path.relative_to(PKG.parent).with_suffix("").parts[: -node.level]
                names.append(".".join([*base, node.module or ""]).rstrip("."))
            elif node.module:
                names.append(node.module)
    return names


def test_no_qt_in_core_packages() -> None:
    offenders = []
    for sub in QT_FREE:
        for f in (PKG / sub).rglob("*.py"):
            for name in _imports(f):
                if name.startswith(FORBIDDEN):
                    offenders.append(f"{f.relative_to(PKG)}: {name}")
    assert offenders == []


def test_ast_check_catches_a_qt_import(tmp_path: Path) -> None:
    bad = PKG / "sync" / "_tmp_contract_probe.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    try:
        assert "PySide6.QtCore" in _imports(bad)
    finally:
        bad.unlink()


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency"
    r = subprocess.run([exe, "--no-cache"], cwd=PKG.parent, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
