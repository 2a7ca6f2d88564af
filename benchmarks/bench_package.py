"""The installer: bundle and package size, start-up of the packaged program against the venv.

Needs a built package (``make package``); without one the section says so and measures
nothing. The packaged program is the installed one when the package is installed
(/usr/bin/siaga-console), else the .deb unpacked into a temporary directory (the same
files). Start-up is measured to the first visible main window on a virtual screen (Xvfb,
polled with xdotool every 20 ms), to the end of ``--selftest`` (offscreen: window, database,
map page) and for ``--version`` (the command line alone). "First start" is a new home
directory (no Qt or QtWebEngine caches, no configuration); the page cache is not dropped
(that needs privileges a container does not have), so the files themselves are warm.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .harness import ROOT, BenchEnv, Figure, Report

OUT = ROOT / "packaging" / "out"
VENV_EXE = Path(sys.executable).parent / "siaga-console"
RUNS = 3


def _tree_mib(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def _env(home: Path, data: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "SIAGA_DATA_DIR": str(data),
        "SIAGA_CONFIG_DIR": str(home / "config"),
    }
    env.update(extra)
    return env


def _free_display() -> str:
    """An unused display number, away from the low numbers other tools pick."""
    for n in range(700 + os.getpid() % 200, 1000):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


def _first_window_s(cmd: list[str], env: dict[str, str], display: str) -> float:
    xenv = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}
    with tempfile.TemporaryFile() as log:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            while time.perf_counter() - t < 90:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "Siaga Console"],
                    capture_output=True,
                    text=True,
                    env=xenv,
                    check=False,
                )
                if found.stdout.strip():
                    return time.perf_counter() - t
                if proc.poll() is not None:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-1500:]
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}:\n{tail}")
                time.sleep(0.02)
            raise RuntimeError("no window within 90 s")
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _timed_s(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=False, timeout=180)
    return time.perf_counter() - t


def _packaged_program(tmp: Path, deb: Path) -> tuple[list[str], str]:
    if Path("/usr/bin/siaga-console").exists() and Path("/opt/siaga-console").is_dir():
        return ["/usr/bin/siaga-console"], "installed package (/usr/bin/siaga-console)"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "root")], check=True)
    exe = tmp / "root" / "opt" / "siaga-console" / "siaga-console"
    return [str(exe)], f"{deb.name} unpacked into a temporary directory"


def run(env: BenchEnv, report: Report) -> None:
    section = report.section("Installer: bundle, package, start-up (packaged vs venv)")
    debs = sorted(OUT.glob("siaga-console_*.deb"), key=lambda p: p.stat().st_mtime)
    if not debs or not shutil.which("dpkg-deb"):
        note = "skipped: no built package in packaging/out (run `make package` first)"
        section.notes.append(note)
        print(f"  {note}")
        return
    deb = debs[-1]
    bundle = OUT / "dist" / "siaga-console"
    if bundle.is_dir():
        report.add(section, Figure("bundle size (one folder)", _tree_mib(bundle), "MiB"))
    report.add(section, Figure(f"package size ({deb.name})", deb.stat().st_size / 2**20, "MiB"))
    installed_kib = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True, text=True, check=True
    ).stdout.strip()
    report.add(section, Figure("Installed-Size", int(installed_kib) / 1024, "MiB"))

    with tempfile.TemporaryDirectory(prefix="siaga-bench-pkg-") as tmpdir:
        tmp = Path(tmpdir)
        packaged, where = _packaged_program(tmp, deb)
        section.notes.append(f"packaged program: {where}; baseline: {VENV_EXE}")
        data = tmp / "data"
        subprocess.run(
            [str(VENV_EXE), "db", "upgrade"],
            env=_env(tmp / "h0", data),
            check=True,
            capture_output=True,
            timeout=120,
        )
        counter = iter(range(10_000))

        def fresh_home() -> Path:
            home = tmp / f"h{next(counter) + 1}"
            home.mkdir()
            return home

        def both(
            name: str, measure: Callable[[list[str], dict[str, str]], float], **extra: str
        ) -> None:
            first = {
                "packaged": measure(packaged, _env(fresh_home(), data, **extra)),
                "venv": measure([str(VENV_EXE)], _env(fresh_home(), data, **extra)),
            }
            again: dict[str, list[float]] = {"packaged": [], "venv": []}
            homes = {"packaged": fresh_home(), "venv": fresh_home()}
            for _ in range(RUNS):  # alternate, so that machine noise hits both alike
                for kind, cmd in (("packaged", packaged), ("venv", [str(VENV_EXE)])):
                    again[kind].append(measure(cmd, _env(homes[kind], data, **extra)))
            for label, values in (
                ("first start", first),
                (f"median of {RUNS} starts", {k: statistics.median(v) for k, v in again.items()}),
            ):
                report.add(
                    section,
                    Figure(
                        f"{name}, {label}",
                        values["packaged"] * 1000,
                        "ms",
                        baseline=values["venv"] * 1000,
                        baseline_name="venv",
                    ),
                )

        both("--version", lambda cmd, e: _timed_s([*cmd, "--version"], e))
        both(
            "--selftest (offscreen)",
            lambda cmd, e: _timed_s([*cmd, "--selftest"], e),
            QT_QPA_PLATFORM="offscreen",
        )
        if shutil.which("Xvfb") and shutil.which("xdotool"):
            display = _free_display()
            xvfb = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1600x900x24", "-nolisten", "tcp", "-noreset"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(1)
                both(
                    "start to first window (Xvfb)",
                    lambda cmd, e: _first_window_s(cmd, e, display),
                    DISPLAY=display,
                )
            finally:
                xvfb.terminate()
                xvfb.wait()
        else:
            section.notes.append("start to first window: skipped (Xvfb or xdotool missing)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    section.notes.append(
        f"{os.cpu_count()} cores on {socket.gethostname()}, load average {load} at the end; "
        "page cache not dropped (see the module's docstring)"
    )
