"""Supervisor view of repeat prank callers, and the CSV list the city sends to Kominfo."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.phone import display_number
from ...domain.timeutil import to_wib
from ...services.intake import PrankOffender


def write_kominfo_csv(path: Path, offenders: list[PrankOffender]) -> None:
    """One row per number: the numbers and counts the city asks Kominfo to block."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "nomor",
                "jumlah_iseng",
                "maks_per_hari",
                "pertama",
                "terakhir",
                "hari_melewati_batas",
                "usulan",
            ]
        )
        for o in offenders:
            w.writerow(
                [
                    o.number,
                    o.pranks_total,
                    o.pranks_max_day,
                    to_wib(o.first_at).strftime("%Y-%m-%d %H:%M"),
                    to_wib(o.last_at).strftime("%Y-%m-%d %H:%M"),
                    " ".join(d.isoformat() for d in o.days),
                    "blokir permanen" if o.permanent else "blokir 1 hari",
                ]
            )


class PrankListDialog(QDialog):
    def __init__(
        self,
        offenders: list[PrankOffender],
        thresholds: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prank_list")
        self.offenders = offenders
        self.setWindowTitle(self.tr("Repeat prank callers"))
        self.resize(820, 480)
        info = QLabel(
            self.tr(
                "More than {daily} prank calls in a day: blocked for one day. More than {total} in "
                "total: the city asks Kominfo for a permanent block."
            ).format(daily=thresholds[0], total=thresholds[1])
        )
        info.setWordWrap(True)
        table = QTableWidget(len(offenders), 6, self)
        table.setObjectName("prank_table")
        table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Prank calls"),
                self.tr("Most in a day"),
                self.tr("First"),
                self.tr("Last"),
                self.tr("Proposal"),
            ]
        )
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for r, o in enumerate(offenders):
            cells = [
                display_number(o.number),
                str(o.pranks_total),
                str(o.pranks_max_day),
                to_wib(o.first_at).strftime("%d/%m/%Y %H:%M"),
                to_wib(o.last_at).strftime("%d/%m/%Y %H:%M"),
                self.tr("permanent block") if o.permanent else self.tr("1-day block"),
            ]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton(
            self.tr("Export CSV for Kominfo…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        export.setObjectName("export_kominfo")
        export.clicked.connect(self._export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(table)
        layout.addWidget(buttons)

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "iseng-kominfo.csv", "CSV (*.csv)"
        )
        if path:
            write_kominfo_csv(Path(path), self.offenders)
