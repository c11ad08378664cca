"""Session-wide test infrastructure: a real Kafka broker and a real Postgres."""

from collections.abc import Iterator

import pytest

from tests.support.infra import Infra, test_infrastructure


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    with test_infrastructure() as found:
        yield found
