"""Administrative penalty kinds, Administrative Penalty Law Art. 9."""

from enum import StrEnum


class AdministrativePenalty(StrEnum):
    WARNING_OR_PUBLIC_CRITICISM = "warning_or_public_criticism"
    FINE_OR_CONFISCATION = "fine_or_confiscation"
    PERMIT_SUSPENSION_DOWNGRADE_OR_REVOCATION = (
        "permit_suspension_downgrade_or_revocation"
    )
    BUSINESS_RESTRICTION_CLOSURE_OR_BAR = "business_restriction_closure_or_bar"
    ADMINISTRATIVE_DETENTION = "administrative_detention"
    OTHER_BY_LAW = "other_by_law"


PENALTY_LABELS = {
    AdministrativePenalty.WARNING_OR_PUBLIC_CRITICISM: "警告、通报批评",
    AdministrativePenalty.FINE_OR_CONFISCATION: "罚款、没收违法所得、没收非法财物",
    AdministrativePenalty.PERMIT_SUSPENSION_DOWNGRADE_OR_REVOCATION: (
        "暂扣许可证件、降低资质等级、吊销许可证件"
    ),
    AdministrativePenalty.BUSINESS_RESTRICTION_CLOSURE_OR_BAR: (
        "限制开展生产经营活动、责令停产停业、责令关闭、限制从业"
    ),
    AdministrativePenalty.ADMINISTRATIVE_DETENTION: "行政拘留",
    AdministrativePenalty.OTHER_BY_LAW: "法律、行政法规规定的其他行政处罚",
}
