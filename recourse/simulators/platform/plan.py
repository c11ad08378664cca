"""How the simulated platforms behave: shares, delays and their courts."""

from dataclasses import dataclass

PLATFORMS = ("qianhai-credit", "jinxin-loans", "yunfei-finance")
COURTS = {
    "qianhai-credit": ("cn-440305", "cn-440192"),
    "jinxin-loans": ("cn-110105", "cn-110491"),
    "yunfei-finance": ("cn-310115", "cn-330192"),
}


@dataclass(frozen=True)
class PlatformPlan:
    """Shares are fractions of cases; delays are simulated days."""

    platforms: tuple[str, ...] = PLATFORMS
    loans: int = 2000
    seed: int = 7
    intake_days: float = 3.0
    pay_delay_days: tuple[float, float] = (0.5, 3.0)
    late_payer_share: float = 0.03
    partial_payer_share: float = 0.08
    call_centre_share: float = 0.15
    pre_suit_preservation_share: float = 0.03
    in_suit_preservation_share: float = 0.10
    incomplete_materials_share: float = 0.2
    repay_after_judgment_share: float = 0.4
    repay_delay_days: tuple[float, float] = (1.0, 6.0)

    def courts_of(self, platform: str) -> tuple[str, ...]:
        return COURTS.get(platform, ("cn-110105", "cn-310115"))

    def loans_of(self, platform: str) -> int:
        index = self.platforms.index(platform)
        share, rest = divmod(self.loans, len(self.platforms))
        return share + (1 if index < rest else 0)
