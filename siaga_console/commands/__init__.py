"""Extra subcommands of ``siaga-console``, discovered by cli.py.

A module here defines ``register(subparsers) -> None`` (adding one parser whose
``set_defaults(command_module=__name__)``) and ``run(args, url) -> int``. It may raise
SiagaError for bad input (printed, exit code 2). Keep imports of heavy modules inside run().
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> list[ModuleType]:
    return [
        importlib.import_module(f"{__name__}.{m.name}")
        for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
        if not m.name.startswith("_")
    ]
