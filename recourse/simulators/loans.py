"""Realistic overdue loans for simulators, demos, tests and the benchmark."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from contracts.loans import Arrears, Borrower, BorrowerProfile, Loan, Sex
from contracts.platform import LoanOverdue

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
# (region, city, six-digit area code of the id number, street)
PLACES = [
    ("北京市", "北京市", "110105", "朝阳区建国路"),
    ("北京市", "北京市", "110108", "海淀区中关村大街"),
    ("上海市", "上海市", "310115", "浦东新区世纪大道"),
    ("浙江省", "杭州市", "330106", "西湖区文三路"),
    ("广东省", "广州市", "440106", "天河区天河路"),
    ("广东省", "深圳市", "440305", "南山区科技园路"),
    ("四川省", "成都市", "510104", "锦江区春熙路"),
    ("湖北省", "武汉市", "420106", "武昌区中南路"),
]
PROFILES = [
    (BorrowerProfile.SALARIED, 0.55),
    (BorrowerProfile.SELF_EMPLOYED, 0.2),
    (BorrowerProfile.STUDENT, 0.08),
    (BorrowerProfile.UNEMPLOYED, 0.12),
    (BorrowerProfile.RETIRED, 0.05),
]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def id_number(area: str, birth: date, serial: int, male: bool) -> str:
    """A syntactically valid 18-character PRC id number with its check digit."""
    sequence = serial * 2 + (1 if male else 0)
    body = f"{area}{birth:%Y%m%d}{sequence % 1000:03d}"
    checksum = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11
    return body + ID_CHECK[checksum]


@dataclass(frozen=True)
class LoanFactory:
    """Seeded generator: the same seed and index always give the same loan."""

    plaintiff_id: str
    courts: tuple[str, ...]
    seed: int = 7
    as_of: date = date(2026, 11, 30)

    def overdue(self, index: int) -> LoanOverdue:
        rng = random.Random(f"{self.seed}:{self.plaintiff_id}:{index}")
        region, city, area, street = rng.choice(PLACES)
        male = rng.random() < 0.6
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 38))
        profile = rng.choices(
            [p for p, _ in PROFILES], weights=[w for _, w in PROFILES]
        )[0]
        principal = Decimal(int(rng.lognormvariate(8.9, 0.8)) // 100 * 100 + 500)
        term = rng.choice([3, 6, 6, 12, 12, 12, 18, 24, 36])
        rate = Decimal(rng.choice(["0.0720", "0.1080", "0.1540", "0.2400"]))
        signed = self.as_of - timedelta(days=rng.randrange(120, 900))
        overdue_days = rng.randrange(31, 400)
        owed = (principal * Decimal(rng.uniform(0.3, 1.0))).quantize(Decimal("0.01"))
        interest = (owed * rate * overdue_days / 365).quantize(Decimal("0.01"))
        borrower = Borrower(
            name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2]))),
            id_number=id_number(area, birth, index, male),
            phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
            address=f"{city}{street}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}室",
            sex=Sex.MALE if male else Sex.FEMALE,
            birth_date=birth,
            region=region,
            city=city,
            profile=profile,
        )
        loan = Loan(
            contract_number=f"{self.plaintiff_id.upper()}-{signed:%Y}-{index:07d}",
            contract_date=signed,
            principal=principal,
            annual_rate=rate,
            term_months=term,
            disbursed_on=signed + timedelta(days=1),
            disbursed_amount=principal,
            product_complexity=rng.randint(1, 5),
            marketing_call_reach=Decimal(rng.randrange(0, 100)) / 100
            if rng.random() < 0.5
            else None,
        )
        arrears = Arrears(
            principal_owed=owed,
            interest_owed=interest,
            penalty_interest_owed=(interest * Decimal("0.5")).quantize(Decimal("0.01")),
            as_of=self.as_of,
            overdue_since=self.as_of - timedelta(days=overdue_days),
            overdue_days=overdue_days,
        )
        return LoanOverdue(
            plaintiff_id=self.plaintiff_id,
            case_id=f"{self.plaintiff_id}-{index:07d}",
            borrower=borrower,
            loan=loan,
            arrears=arrears,
            agreed_court_id=self.courts[index % len(self.courts)],
            e_service_consent=rng.random() < 0.85,
            reported_at=datetime.combine(self.as_of, datetime.min.time(), UTC),
        )
