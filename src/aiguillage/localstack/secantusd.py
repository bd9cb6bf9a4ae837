"""SecantusDB's command line, with the TTL sweep interval of its configuration applied.

SecantusDB 0.7.0b3's `secantusd-py` reads `[storage] ttl_sweep_seconds` from its configuration
file but does not pass it to the server, which then sweeps every 60 s. A sweep reads every
document of each collection with a TTL index under the server's global lock: with a few thousand
reports every write waited 150–350 ms once a minute (the bench's p99 at 100 reports/s). This runs
the same command line, giving the server the interval the file sets.

    python -m aiguillage.localstack.secantusd [secantusd-py's options]
"""

import functools
import sys

from secantus import cli
from secantus.config import ConfigError, load_config


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        config, _source = load_config(cli.build_parser().parse_args(args).config)
    except ConfigError as error:
        print(f"secantusdb: {error}", file=sys.stderr)
        return 2
    cli.SecantusDBServer = functools.partial(
        cli.SecantusDBServer, ttl_sweep_seconds=config.ttl_sweep_seconds
    )
    code: int = cli.main(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
