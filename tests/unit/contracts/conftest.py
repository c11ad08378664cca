from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from contracts.loans import Arrears, Borrower, BorrowerProfile, Loan, Sex
from contracts.platform import LoanOverdue

ID_NUMBER = "11010519900307123X"


@pytest.fixture
def borrower() -> Borrower:
    return Borrower(
        name="张三",
        id_number=ID_NUMBER,
        phone="13800138000",
        address="北京市朝阳区某街1号",
        sex=Sex.MALE,
        birth_date=date(1990, 3, 7),
        region="北京市",
        city="北京市",
        profile=BorrowerProfile.SALARIED,
    )


@pytest.fixture
def loan_overdue(borrower: Borrower) -> LoanOverdue:
    return LoanOverdue(
        plaintiff_id="acme-lending",
        case_id="case-0001",
        borrower=borrower,
        loan=Loan(
            contract_number="HT-2025-0001",
            contract_date=date(2025, 1, 10),
            principal=Decimal("12000"),
            annual_rate=Decimal("0.18"),
            term_months=12,
            disbursed_on=date(2025, 1, 11),
            disbursed_amount=Decimal("12000"),
            product_complexity=2,
        ),
        arrears=Arrears(
            principal_owed=Decimal("8000.50"),
            interest_owed=Decimal("320"),
            penalty_interest_owed=Decimal("0"),
            as_of=date(2026, 1, 31),
            overdue_since=date(2025, 11, 1),
            overdue_days=91,
        ),
        agreed_court_id="cn-110105",
        e_service_consent=True,
        reported_at=datetime(2026, 2, 1, 9, 30, tzinfo=UTC),
    )
