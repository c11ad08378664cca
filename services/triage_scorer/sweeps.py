"""Sweeps of triage-scorer: send contacts when due, decide when windows close."""

import structlog

from contracts import topics
from contracts.contact import Channel, Purpose
from services.triage_scorer import deciding, mapping, outgoing
from services.triage_scorer.casefile import open_file, policy_for
from services.triage_scorer.domain.policy import TriagePolicy
from services.triage_scorer.store import cases, contacts
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)
BATCH = 500


async def send_due_contacts(uow: UnitOfWork) -> None:
    """Ask contact-notifier for each scheduled contact whose time has come."""
    due = await contacts.due(uow.conn, uow.now(), BATCH)
    policies: dict[str, TriagePolicy] = {}
    for row in due:
        report = mapping.report_of(row)
        p = report.plaintiff_id
        if p not in policies:
            policies[p] = await policy_for(uow.conn, p, uow.now().date())
        command = outgoing.send_notice(
            row["command_id"],
            report,
            Purpose(row["purpose"]),
            Channel(row["channel"]),
            row["due_at"],
            policies[p],
        )
        uow.emit(
            command,
            topic=topics.CONTACT_COMMANDS,
            key=report.plaintiff_id,
            cause_id=f"contact:{row['command_id']}",
            name="SendNotice",
            subject=report.case_id,
        )
    if due:
        await contacts.mark_sent(uow.conn, [r["command_id"] for r in due], uow.now())
        log.info("contacts_requested", count=len(due))


async def decide_closed_windows(uow: UnitOfWork) -> None:
    """Decide every case whose collection window has closed."""
    closed = await cases.closed_windows(uow.conn, uow.now(), BATCH)
    for row in closed:
        await deciding.close_window(uow, await open_file(uow.conn, row))
    if closed:
        log.info("windows_closed", count=len(closed))
