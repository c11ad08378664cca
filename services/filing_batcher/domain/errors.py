"""The filing batcher's error root and its specific errors."""

from shared.errors import RecourseError


class FilingBatcherError(RecourseError):
    """Root of the errors the filing batcher raises on purpose."""


class UnknownCourtError(FilingBatcherError):
    """The court id or code is not in the court registry."""


class UnknownPlaintiffError(FilingBatcherError):
    """The plaintiff has no registered particulars to name in a complaint."""


class InvalidDocketNumberError(FilingBatcherError):
    """Text that is not a docket number (案号) of the expected form."""


class BatchingError(FilingBatcherError):
    """A case that cannot join a batch, such as one already batched."""


class ComplaintError(FilingBatcherError):
    """Case data that cannot make the elements of a model complaint."""
