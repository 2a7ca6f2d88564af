"""``siaga-console report``: a shift's (or a period's) supervisor report to PDF, CSV, XLSX.

The command line has no logged-in user: it acts as a supervisor named ``cli`` (it can read
what a supervisor can), but caller numbers are masked and the addresses of sensitive
incidents (KDRT, stunting) hidden unless ``--show-numbers`` / ``--show-sensitive`` are
given. The texts are in ``--lang`` (else the configured language, Indonesian by default).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("report", help="supervisor report of a shift or a period")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--shift", metavar="YYYY-MM-DD/NAME")
    period.add_argument("--from", dest="start", metavar="WHEN", help="WIB date or date-time")
    p.add_argument("--to", dest="end", metavar="WHEN", help="WIB, exclusive")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as PDF")
    p.add_argument("--csv", type=Path, metavar="FILE", help="write the report as CSV")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="write the report as XLSX")
    p.add_argument(
        "--show-numbers", action="store_true", help="full caller numbers (masked by default)"
    )
    p.add_argument(
        "--show-sensitive",
        action="store_true",
        help="addresses of sensitive incidents (hidden by default)",
    )
    p.add_argument("--no-calls", action="store_true", help="leave the list of calls out")
    p.set_defaults(command_module=__name__)


def run(args: argparse.Namespace, url: str) -> int:
    from ..config import load_config
    from ..data.engine import make_engine
    from ..domain.enums import Role
    from ..domain.errors import ValidationError
    from ..domain.permissions import Actor
    from ..services.container import build_services, prepare_database
    from ..services.reports import ReportService
    from ..services.stats import resolve_period

    outputs = {fmt: path for fmt in ("pdf", "csv", "xlsx") if (path := getattr(args, fmt))}
    if not outputs:
        raise ValidationError("Give --pdf, --csv or --xlsx", field="pdf")
    for path in outputs.values():
        if not path.parent.is_dir():
            raise ValidationError("No such folder: {path}", field="pdf", path=str(path.parent))
    language = args.lang or load_config().language or "id"
    engine = make_engine(url)
    try:
        prepare_database(engine, migrate=False)
        services = build_services(engine)
        schedule = services.reference.schedule()
        period = resolve_period(schedule, args.shift, args.start, args.end)
        actor = Actor(None, "cli", Role.SUPERVISOR, "cli")
        report = ReportService(services.ctx, services.stats, services.reference).build(
            actor,
            period,
            with_calls=not args.no_calls,
            reveal_numbers=args.show_numbers,
            reveal_sensitive=args.show_sensitive,
        )
        from ..ui.dashboard.export import export_from_cli  # Qt only now

        written = export_from_cli(services, report, outputs, language)
    finally:
        engine.dispose()
    m = report.snapshot.measures
    print(
        f"report {period.label}: {m['calls_total']} calls, {m['incidents_total']} incidents, "
        f"{len(report.open_incidents)} open at the end"
        + (" (caller numbers masked)" if report.numbers_masked else "")
    )
    for path in written:
        print(f"written: {path}")
    sys.stdout.flush()
    return 0
