"""When a command is refused because another console changed the incident first: show what
the other operator changed, and offer to apply this operator's change again on top of it.

For the incident detail panel (``_on_error``)::

    if isinstance(exc, ConflictError) and self.last_command is not None:
        resolve_conflict(self, self.session, seen_row, my_change_text, retry)

``retry(version)`` re-runs the command against the version now in the database. The dialog
is not modal: a dispatcher must be able to answer the next call while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import to_wib
from ...services.views import IncidentDetail, IncidentRow
from ..error_texts import error_text
from ..labels import PRIORITIES, STATUSES, label
from ..session import AppSession

FIELD_TEXTS = {
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    "priority": QT_TRANSLATE_NOOP("ConflictDialog", "Priority"),
    "category_code": QT_TRANSLATE_NOOP("ConflictDialog", "Category"),
    "kecamatan": QT_TRANSLATE_NOOP("ConflictDialog", "Kecamatan"),
    "kelurahan": QT_TRANSLATE_NOOP("ConflictDialog", "Kelurahan"),
    "address": QT_TRANSLATE_NOOP("ConflictDialog", "Address"),
    "units": QT_TRANSLATE_NOOP("ConflictDialog", "Units"),
}


def differences(seen: IncidentRow, now: IncidentRow) -> list[tuple[str, str, str]]:
    """(field, what this operator saw, what is in the database now), shown as text."""

    def show(field: str, value: object) -> str:
        if field == "status":
            return label(STATUSES, str(value))
        if field == "priority":
            return label(PRIORITIES, value)
        if field == "units":
            return ", ".join(value) if value else "—"  # type: ignore[call-overload]
        return str(value) if value not in (None, "") else "—"

    out = []
    for field in ("status", "priority", "category_code", "kecamatan", "kelurahan", "address"):
        a, b = getattr(seen, field), getattr(now, field)
        if a != b:
            out.append((field, show(field, a), show(field, b)))
    if tuple(seen.units) != tuple(now.units):
        out.append(("units", show("units", seen.units), show("units", now.units)))
    return out


class ConflictDialog(QDialog):
    """Accepted: apply my change again (on the current version). Rejected: keep theirs."""

    def __init__(
        self,
        seen: IncidentRow,
        current: IncidentDetail,
        my_change: str,
        category_label: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.current = current
        now = current.row
        intro = QLabel(
            self.tr(
                "Incident <b>{number}</b> was changed on another workstation after you "
                "opened it. Your change was <b>not</b> saved."
            ).format(number=now.number)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        mine = QLabel(self.tr("Your change: {change}").format(change=my_change))
        mine.setObjectName("conflict_mine")
        mine.setWordWrap(True)

        self.fields = QTreeWidget(objectName="conflict_fields")
        self.fields.setRootIsDecorated(False)
        self.fields.setHeaderLabels([self.tr("Field"), self.tr("You saw"), self.tr("Now")])
        cat = category_label or (lambda c: c)
        for field, before, after in differences(seen, now):
            if field == "category_code":
                before, after = cat(seen.category_code), cat(now.category_code)
            name = QCoreApplication.translate("ConflictDialog", FIELD_TEXTS.get(field, field))
            item = QTreeWidgetItem([name, before, after])
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
            self.fields.addTopLevelItem(item)
        if self.fields.topLevelItemCount() == 0:
            self.fields.addTopLevelItem(
                QTreeWidgetItem([self.tr("Notes or timeline only"), "", ""])
            )
        for col in range(3):
            self.fields.resizeColumnToContents(col)

        from ..queue.detail import EVENT_TEXTS  # here: the detail panel imports this module

        self.events = QTreeWidget(objectName="conflict_events")
        self.events.setRootIsDecorated(False)
        self.events.setHeaderLabels([self.tr("Time"), self.tr("What"), self.tr("By")])
        for e in current.timeline:
            if e.at <= seen.updated_at:
                continue
            kind_text = EVENT_TEXTS.get(e.kind)
            what = (
                QCoreApplication.translate("IncidentDetailPanel", kind_text)
                if kind_text
                else e.kind
            )
            if e.to_status and e.kind in ("status", "merged"):
                what += f": {label(STATUSES, e.from_status)} → {label(STATUSES, e.to_status)}"
            if e.text:
                what += f" — {e.text}"
            by = " · ".join(x for x in (e.user, e.workstation) if x)
            self.events.addTopLevelItem(
                QTreeWidgetItem([to_wib(e.at).strftime("%H:%M:%S"), what, by])
            )
        self.events.resizeColumnToContents(0)
        self.events.setColumnWidth(1, 300)

        buttons = QDialogButtonBox()
        self.btn_reapply = buttons.addButton(
            self.tr("Apply my change again"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.btn_reapply.setObjectName("conflict_reapply")
        self.btn_keep = buttons.addButton(
            self.tr("Keep their version"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.btn_keep.setObjectName("conflict_keep")
        self.btn_keep.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("What changed:")))
        layout.addWidget(self.fields)
        layout.addWidget(QLabel(self.tr("Done on the other workstation:")))
        layout.addWidget(self.events)
        layout.addWidget(mine)
        layout.addWidget(buttons)
        self.resize(620, 460)


def resolve_conflict(
    parent: QWidget,
    session: AppSession,
    seen: IncidentRow,
    my_change: str,
    retry: Callable[[int], None],
    *,
    category_label: Callable[[str], str] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_shown: Callable[[ConflictDialog], None] | None = None,
) -> None:
    """Read the incident as it is now (worker), then show the dialog, *not* modal: the
    operator can still take calls meanwhile. "Apply my change again" calls
    ``retry(version now in the database)``; "Keep their version" does nothing."""
    services, actor = session.services, session.actor
    if services is None or actor is None:
        return

    def show(current: IncidentDetail) -> None:
        dlg = ConflictDialog(seen, current, my_change, category_label, parent)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: retry(current.row.version))
        dlg.show()
        dlg.raise_()
        if on_shown is not None:
            on_shown(dlg)

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            parent.setToolTip(error_text(exc))

    session.worker.submit(lambda: services.incidents.detail(actor, seen.id), show, failed)
