"""Per-shift dashboards and supervisor reports (issue 5).

``install(window, session)`` puts the dashboard in its dock (tabified with the map), adds
the Reports menu (supervisors) and follows the change feed: refreshes are computed on the
database worker and applied on the GUI thread, at most every few seconds.
"""

from __future__ import annotations

from typing import Any

from ...services.reports import ReportService
from ..session import AppSession
from .actions import ReportActions
from .panel import DashboardPanel


def install(window: Any, session: AppSession) -> None:
    services = session.services
    assert services is not None
    reports = getattr(services, "reports", None)
    if not isinstance(reports, ReportService):
        reports = ReportService(services.ctx, services.stats, services.reference)
    panel = DashboardPanel(services, reports, session.worker, session.language)
    window.set_panel("dashboard", panel)
    if session.bus is not None:
        session.bus.sig_changes.connect(panel.on_changes)
    actions = ReportActions(window, session, panel, reports)
    session.extra["dashboard"] = panel
    session.extra["report_actions"] = actions
    panel.start()
