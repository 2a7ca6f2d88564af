"""The command-line plug-ins: import-calls, export, export-eido, import-eido."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from siaga_console.cli import main

from .test_import import FIRE, PRANK, write_csv

SAMPLE = Path(__file__).parent / "eido" / "Samples" / "Sample call transfer EIDO.json"


def test_import_export_and_eido_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_csv(tmp_path / "log.csv", [PRANK, FIRE])
    assert main(["--db", db_url, "import-calls", str(log), "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "would import 2 calls and 1 incidents" in out.out
    assert "2 rows read (100%)" in out.err  # the progress line

    assert main(["--db", db_url, "import-calls", str(log)]) == 0
    assert "imported 2 calls and 1 incidents" in capsys.readouterr().out
    assert main(["--db", db_url, "import-calls", str(log)]) == 0
    assert "imported 0 calls and 0 incidents; 2 already present" in capsys.readouterr().out

    bad = write_csv(tmp_path / "bad.csv", [{**PRANK, "external_id": "X", "outcome": "oops"}])
    assert main(["--db", db_url, "import-calls", str(bad)]) == 2
    out = capsys.readouterr()
    assert "line 2 [outcome]: Unknown outcome oops" in out.out
    assert "1 bad rows: nothing was imported (fix them, or use --skip-bad)" in out.err
    assert main(["--db", db_url, "import-calls", str(bad), "--dry-run"]) == 1
    capsys.readouterr()

    xlsx = tmp_path / "out.xlsx"
    args = ["--db", db_url, "export", "--from", "2026-11-01", "--to", "2026-11-02"]
    assert main([*args, "--out", str(xlsx)]) == 0
    assert "2 calls, 1 incidents" in capsys.readouterr().out and xlsx.exists()

    assert main(["--db", db_url, "export-eido", "--incident", "SRG-20261101-0001"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["incidentComponent"]["internalIncidentId"] == "SRG-20261101-0001"
    folder = tmp_path / "eido"
    args = ["--db", db_url, "export-eido", "--from", "2026-11-01", "--to", "2026-11-02"]
    assert main([*args, "--out", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["SRG-20261101-0001.eido.json"]
    capsys.readouterr()

    assert main(["--db", db_url, "import-eido", str(SAMPLE), str(folder / "x.json")]) == 2
    out = capsys.readouterr()
    assert "created SRG-20210501-0001 (1 calls, 0 units)" in out.out
    assert "x.json: Cannot read" in out.err
    assert main(["--db", db_url, "export-eido", "--incident", "SRG-20990101-0001"]) == 2
    assert "Incident SRG-20990101-0001 does not exist" in capsys.readouterr().err
