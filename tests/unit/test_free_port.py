"""Ports for servers started later are taken below the range of outgoing connections' ports."""

import socket

from aiguillage.localstack.servers import EPHEMERAL_RANGE, LOWEST_PORT, free_port


def test_free_port_is_bindable_and_below_the_ephemeral_range() -> None:
    first_ephemeral = int(EPHEMERAL_RANGE.read_text().split()[0])
    ports = {free_port() for _ in range(20)}
    assert all(LOWEST_PORT <= port < first_ephemeral for port in ports)
    assert len(ports) > 1  # drawn at random, not one fixed port every time
    for port in ports:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))
