"""A warm `infra up` reuses its ports and says clearly when one is taken."""

import socket
import threading

import pytest

from recourse.localinfra.process import InfraError, ensure_ports_free, free_port


def test_a_listening_port_is_reported_by_name_and_number() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]

        with pytest.raises(InfraError, match=f"Kafka broker port {port}"):
            ensure_ports_free({"Kafka broker": port, "Postgres": free_port()}, 0.3)


def test_free_ports_pass_at_once() -> None:
    ensure_ports_free({"Postgres": free_port()}, 0.0)


def test_a_port_released_while_waiting_passes() -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    release = threading.Timer(0.6, holder.close)
    release.start()

    ensure_ports_free({"Postgres": port}, 5.0)

    release.join()
