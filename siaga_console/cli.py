"""The ``siaga-console`` command: the GUI by default, and subcommands for automation."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from .config import load_config, resolve_db_url
from .domain.errors import SiagaError
from .version import app_version


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with a clear message, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"siaga-console: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="siaga-console", description="Serang Siaga 112 dispatcher console")
    p.add_argument("--version", action="version", version=f"siaga-console {app_version()}")
    p.add_argument(
        "--db", metavar="URL", help="database URL (sqlite:///path or postgresql+psycopg://...)"
    )
    p.add_argument("--lang", choices=["id", "en"], help="interface language (default: id)")
    p.add_argument("--workstation", help="name of this workstation (default: host name)")
    p.add_argument("--selftest", action="store_true", help="open the window offscreen, check, exit")
    p.add_argument("--demo", action="store_true", help="fill an empty database with demo data")
    p.add_argument("--theme", choices=["light", "dark"], help="colour theme")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="migrate the database to this version")
    db_sub.add_parser("status", help="show the schema version")

    demo = sub.add_parser("demo-data", help="write a realistic demo history")
    demo.add_argument("--days", type=_positive_int, default=30)
    demo.add_argument("--seed", type=int, default=112)
    demo.add_argument("--calls-per-day", type=_positive_float, default=90.0)

    stats = sub.add_parser("stats", help="measures of a shift or a period")
    period = stats.add_mutually_exclusive_group(required=True)
    period.add_argument("--shift", metavar="YYYY-MM-DD/NAME")
    period.add_argument("--from", dest="start", metavar="WHEN", help="WIB date or date-time")
    stats.add_argument("--to", dest="end", metavar="WHEN", help="WIB, exclusive")
    stats.add_argument("--json", action="store_true", help="one flat JSON object")

    from .commands import discover

    for module in discover():
        module.register(sub)
    return p


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .app import run_gui  # Qt only when the GUI is asked for

        return run_gui(args)
    try:
        return _run_command(args)
    except SiagaError as exc:
        print(f"siaga-console: error: {exc.message}", file=sys.stderr)
        return 2


def _run_command(args: argparse.Namespace) -> int:
    from .data.engine import make_engine, safe_url
    from .data.migrate import current_revision, head_revision, schema_state
    from .services.container import build_services, open_services, prepare_database

    cfg = load_config()
    for w in cfg.warnings:
        print(f"siaga-console: warning: {w}", file=sys.stderr)
    url, _default = resolve_db_url(args.db, cfg)

    if args.command == "db":
        engine = make_engine(url)
        try:
            if args.db_command == "status":
                from .data.engine import check_connection

                check_connection(engine)
                print(f"database: {safe_url(url)}")
                print(f"state: {schema_state(engine).value}")
                print(f"revision: {current_revision(engine)} (this version: {head_revision()})")
                return 0
            before = prepare_database(engine, migrate=True)
            print(f"{safe_url(url)}: {before.value} -> {head_revision()}")
            return 0
        finally:
            engine.dispose()

    if args.command == "demo-data":
        from .services.demo import DemoGenerator

        services = open_services(url)
        try:

            def progress(done: int, total: int) -> None:
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

            summary = DemoGenerator(services.ctx, seed=args.seed).generate(
                args.days, calls_per_day=args.calls_per_day, live_incidents=9, progress=progress
            )
            print(file=sys.stderr)
            print(
                f"demo data: {summary.calls} calls, {summary.incidents} incidents over "
                f"{summary.days} days, {summary.units} units (marked as demo data)"
            )
            return 0
        finally:
            services.close()

    if args.command == "stats":
        return _stats(args, url, build_services, make_engine, prepare_database)
    module_name = getattr(args, "command_module", None)
    if module_name:
        import importlib

        return int(importlib.import_module(module_name).run(args, url))
    raise AssertionError(args.command)


def _stats(
    args: argparse.Namespace, url: str, build_services: Any, make_engine: Any, prepare_database: Any
) -> int:
    from .domain.errors import ValidationError
    from .domain.timeutil import parse_wib

    engine = make_engine(url)
    try:
        prepare_database(engine, migrate=False)
        services = build_services(engine)
        if args.shift:
            inst = services.reference.schedule().parse(args.shift)
            start, end, label = inst.start, inst.end, inst.key
        else:
            if not args.end:
                raise ValidationError("--to is required with --from", field="to")
            try:
                start, end = parse_wib(args.start), parse_wib(args.end)
            except ValueError as exc:
                raise ValidationError("{reason}", field="from", reason=str(exc)) from exc
            label = f"{args.start} .. {args.end}"
        result = services.stats.measures(start, end)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"period: {label}")
        width = max(len(k) for k in result)
        for key, value in result.items():
            shown = (
                "no data"
                if value is None
                else (f"{value:.3f}" if isinstance(value, float) else value)
            )
            print(f"{key:<{width}}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
