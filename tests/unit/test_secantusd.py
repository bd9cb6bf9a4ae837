"""Our SecantusDB launcher hands the server the TTL sweep interval that its command line drops."""

import tomllib

import pytest
from secantus import cli

from aiguillage.localstack import secantusd
from aiguillage.localstack.servers import SECANTUS_CONFIG


def test_the_ttl_sweep_of_our_config_reaches_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []

    def run(argv: list[str]) -> int:
        started.append(cli.SecantusDBServer)
        return 0

    monkeypatch.setattr(cli, "SecantusDBServer", cli.SecantusDBServer)  # (restored afterwards)
    monkeypatch.setattr(cli, "main", run)

    assert secantusd.main(["--config", str(SECANTUS_CONFIG), "--port", "1"]) == 0

    configured = tomllib.loads(SECANTUS_CONFIG.read_text())["storage"]["ttl_sweep_seconds"]
    [server] = started
    assert getattr(server, "keywords", None) == {"ttl_sweep_seconds": configured}
    assert configured > 60  # (SecantusDB's own default, which a dropped setting falls back to)


def test_a_bad_config_is_refused_as_secantusd_py_refuses_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert secantusd.main(["--config", "/nonexistent/secantusd.toml"]) == 2
    assert "config file not found" in capsys.readouterr().err
