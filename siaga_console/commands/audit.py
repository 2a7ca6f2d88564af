"""``siaga-console audit verify``: checks the hash chain of the audit trail."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="the audit trail")
    p.set_defaults(command_module=__name__)
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    actions.add_parser("verify", help="check that no audit entry was changed or removed")


def run(args: argparse.Namespace, url: str) -> int:
    from ..services.container import open_services

    services = open_services(url, migrate=False)
    try:
        result = services.audit.verify()
    finally:
        services.close()
    if result.ok:
        print(f"audit trail intact: {result.checked} entries verified")
        return 0
    print(
        f"audit trail BROKEN at entry {result.first_broken_id}: {result.reason} "
        f"({result.checked} entries before it are intact)"
    )
    return 1
