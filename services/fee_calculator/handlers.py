"""Prices cases, invoices sealed batches, books panel rates."""

import structlog
from pydantic import ValidationError

from contracts import topics
from contracts.fees import CaseFee, FeeAssessed, FeeInvoiceIssued
from contracts.filing import BatchSealed, CaseDocketed
from contracts.triage import CaseTriaged, TriageDecision
from services.fee_calculator import assessment, config
from services.fee_calculator.days import local_day, statutory_days
from services.fee_calculator.domain.errors import FeeCalculatorError
from services.fee_calculator.domain.invoices import CaseFee as Line
from services.fee_calculator.domain.invoices import build_invoices
from services.fee_calculator.domain.panel import CasePanel, CourtLedger
from services.fee_calculator.domain.prepayment import check_prepayment
from services.fee_calculator.store import fees, invoices, ledger
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)


async def keep_and_announce(
    uow: UnitOfWork, incoming: Incoming, assessed: FeeAssessed
) -> None:
    """Keep a priced fee once and announce it on recourse.fees.v1."""
    if not await fees.insert_fee(uow.conn, assessed, incoming.meta.id):
        log.info("fee_already_assessed", case_id=assessed.case_id)
        return
    uow.emit(
        assessed,
        topic=topics.FEES,
        key=assessed.plaintiff_id,
        cause_id=incoming.meta.id,
        name="FeeAssessed",
        subject=assessed.case_id,
    )
    log.info("fee_assessed", case_id=assessed.case_id, kind=assessed.fee_kind)


async def assess_acceptance_fee(uow: UnitOfWork, incoming: Incoming) -> None:
    """Price the acceptance fee of a case triage sends to suit."""
    triaged = incoming.event
    assert isinstance(triaged, CaseTriaged)
    if triaged.decision is not TriageDecision.FILE_SUIT:
        return
    tenant = config.settings().tenant(triaged.plaintiff_id)
    try:
        assessed = assessment.acceptance_fee(triaged, tenant, uow.now())
    except (FeeCalculatorError, ValidationError) as error:
        raise BadInput(f"cannot price case {triaged.case_id}: {error}") from error
    await keep_and_announce(uow, incoming, assessed)


async def invoice_batch(uow: UnitOfWork, incoming: Incoming) -> None:
    """Invoice the plaintiff once per sealed batch: the exact sum of its fees."""
    sealed = incoming.event
    assert isinstance(sealed, BatchSealed)
    if await invoices.invoice_exists(uow.conn, sealed.batch_id):
        log.info("batch_already_invoiced", batch_id=sealed.batch_id)
        return
    rows = await fees.acceptance_fees(uow.conn, sealed.plaintiff_id, sealed.case_ids)
    amounts = {r["case_id"]: r["amount"] for r in rows}
    missing = [c for c in sealed.case_ids if c not in amounts]
    if missing:
        reason = f"batch {sealed.batch_id}: {len(missing)} cases have no fee"
        raise BadInput(f"{reason}, first {missing[0]}")
    issued_at = uow.now()
    lines = [
        Line(c, sealed.plaintiff_id, sealed.batch_id, amounts[c])
        for c in sealed.case_ids
    ]
    [invoice] = build_invoices(lines, local_day(issued_at))
    if invoice.amount <= 0:
        raise BadInput(f"batch {sealed.batch_id} owes no fee to invoice")
    terms = config.settings().tenant(sealed.plaintiff_id).prepayment
    check = check_prepayment(invoice, invoice.notice_date, statutory_days, terms)
    await invoices.insert_invoice(
        uow.conn,
        invoice,
        sealed.court_id,
        [(c, amounts[c]) for c in sealed.case_ids],
        check.due,
        check.warn_from,
        issued_at,
    )
    issued = FeeInvoiceIssued(
        invoice_id=invoice.invoice_id,
        plaintiff_id=sealed.plaintiff_id,
        batch_id=sealed.batch_id,
        court_id=sealed.court_id,
        amount=invoice.amount,
        case_fees=tuple(CaseFee(case_id=c, amount=amounts[c]) for c in sealed.case_ids),
        issued_at=issued_at,
        due_on=check.due,
    )
    uow.emit(
        issued,
        topic=topics.tenant_topic(sealed.plaintiff_id, "notices"),
        key=sealed.batch_id,
        cause_id=incoming.meta.id,
        name="FeeInvoiceIssued",
        subject=sealed.batch_id,
    )
    log.info("invoice_issued", batch_id=sealed.batch_id, amount=str(invoice.amount))


async def record_panel_incentives(uow: UnitOfWork, incoming: Incoming) -> None:
    """Book the court's per-case panel incentives for a docketed case."""
    docketed = incoming.event
    assert isinstance(docketed, CaseDocketed)
    court = config.settings().court(docketed.court_id)
    panel = CasePanel(
        court_id=docketed.court_id,
        case_id=docketed.case_id,
        judge="judge-1",
        clerk="clerk-1",
        language_experts=tuple(
            f"language_expert-{n}" for n in range(1, court.language_experts + 1)
        ),
        jurors=tuple(f"juror-{n}" for n in range(1, court.jurors + 1)),
    )
    book = CourtLedger(court.rates_for(docketed.court_id))
    try:
        entries = book.record_case(panel, local_day(docketed.docketed_at))
    except FeeCalculatorError as error:
        raise BadInput(f"cannot book panel of {docketed.case_id}: {error}") from error
    await ledger.insert_ledger(
        uow.conn, entries, docketed.plaintiff_id, docketed.docket_number
    )
