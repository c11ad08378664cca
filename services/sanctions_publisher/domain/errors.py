"""Errors of the sanctions domain."""


class SanctionsError(Exception):
    """Root of every sanctions-publisher domain error."""


class InvalidJudgmentError(SanctionsError):
    """A judgment whose parts contradict each other."""


class InvalidListingError(SanctionsError):
    """A listing term or extension the 2017 SPC provisions do not allow."""


class UnmaskedPiiError(SanctionsError):
    """A public entry that would publish personal information in the clear."""
