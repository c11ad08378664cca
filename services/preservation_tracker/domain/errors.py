"""Errors of the preservation domain."""


class PreservationError(Exception):
    """Root of every preservation-tracker domain error."""


class InvalidOrderError(PreservationError):
    """A court order or renewal that cannot apply to the tracked measures."""


class ReviewAlreadyDecidedError(PreservationError):
    """A reviewer decision on an item that already has one."""
