"""``siaga-console export``: the calls and incidents of a period as a call log (CSV/XLSX).

Same columns as ``import-calls`` reads, so the file re-imports into an empty database with
the same measures. The file holds caller numbers and addresses: personal data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("export", help="export a period's calls and incidents (CSV/XLSX)")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--shift", metavar="YYYY-MM-DD/NAME")
    period.add_argument("--from", dest="start", metavar="WHEN", help="WIB date or date-time")
    p.add_argument("--to", dest="end", metavar="WHEN", help="WIB, exclusive")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help=".csv or .xlsx")
    p.add_argument("--format", choices=["csv", "xlsx"], help="default: from the file name")
    p.add_argument("--user", metavar="NAME", help="act as this console user (a supervisor)")
    p.set_defaults(command_module=__name__)


def period_of(services: Any, shift: str | None, start: str | None, end: str | None) -> Any:
    """(start, end, label) of ``--shift`` or ``--from``/``--to`` (WIB)."""
    from ..domain.errors import ValidationError
    from ..domain.timeutil import parse_wib

    if shift:
        inst = services.reference.schedule().parse(shift)
        return inst.start, inst.end, inst.key
    if not end:
        raise ValidationError("--to is required with --from", field="to")
    try:
        return parse_wib(start or ""), parse_wib(end), f"{start} .. {end}"
    except ValueError as exc:
        raise ValidationError("{reason}", field="from", reason=str(exc)) from exc


def run(args: argparse.Namespace, url: str) -> int:
    from ..domain.errors import ValidationError
    from ..services.container import open_services
    from ..services.exporter import ExportService
    from .import_calls import cli_actor

    if not args.out.parent.is_dir():
        raise ValidationError("No such folder: {path}", field="out", path=str(args.out.parent))
    services = open_services(url)
    try:
        actor = cli_actor(services, args.user)
        start, end, label = period_of(services, args.shift, args.start, args.end)

        def progress(done: int, total: int) -> None:
            print(f"\r{done:,}/{total:,} calls", end="", file=sys.stderr, flush=True)

        summary = ExportService(services.ctx).export_calls(
            actor, start, end, args.out, kind=args.format, progress=progress
        )
    finally:
        services.close()
    print(file=sys.stderr)
    print(
        f"{args.out}: {summary.calls} calls, {summary.incidents} incidents ({label}, "
        f"{summary.kind}, {summary.seconds:.1f} s)"
    )
    if summary.relabelled:
        print(
            f"note: {summary.relabelled} further valid calls of merged incidents written as "
            "'duplicate' (the format has one valid call per incident)"
        )
    return 0
