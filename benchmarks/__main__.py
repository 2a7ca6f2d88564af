"""Run every benchmarks/bench_*.py (or those named on the command line) and write the report."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path

from .harness import ROOT, BenchEnv, Report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    report = Report()
    env = BenchEnv()
    failed = []
    try:
        for name in names:
            module = importlib.import_module(f"benchmarks.{name}")
            try:
                module.run(env, report)
            except Exception:  # report and go on with the others
                traceback.print_exc()
                failed.append(name)
    finally:
        env.close()
    out = ROOT / "docs" / "benchmarks.md"
    if not argv:
        out.write_text(report.markdown(), encoding="utf-8")
        print(f"\nwritten: {out}")
    else:
        partial = ROOT / "bench-results"
        partial.mkdir(exist_ok=True)
        (partial / f"{'_'.join(names)}.md").write_text(report.markdown(), encoding="utf-8")
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
