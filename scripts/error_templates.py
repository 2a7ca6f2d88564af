"""List the message templates of every SiagaError raised in the Qt-free code.

Used by the test that keeps siaga_console/ui/error_texts.py complete, and by developers
(`python scripts/error_templates.py`) to see what needs a translation.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "siaga_console"
ERROR_CLASSES = {
    "SiagaError",
    "ValidationError",
    "TransitionError",
    "NotFoundError",
    "ConflictError",
    "PermissionDenied",
    "DatabaseError",
    "ImportError_",
    "ExchangeError",
    "LoginFailed",
}


def templates() -> set[str]:
    found: set[str] = set()
    for path in PKG.rglob("*.py"):
        if "ui" in path.relative_to(PKG).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = (
                node.func.id
                if isinstance(node.func, ast.Name)
                else (node.func.attr if isinstance(node.func, ast.Attribute) else "")
            )
            first = node.args[0]
            is_error = name in ERROR_CLASSES
            if is_error and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return found


if __name__ == "__main__":
    for t in sorted(templates()):
        print(repr(t))
