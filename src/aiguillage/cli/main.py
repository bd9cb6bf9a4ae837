"""`aiguillage`: run the services, the local stack, and the operators' tools."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from aiguillage.bench.command import bench_command
from aiguillage.cli.apidocs import docs_command
from aiguillage.cli.decide import decide_command, evaluate_command
from aiguillage.cli.dlq import dlq_app
from aiguillage.cli.keys import keys_app
from aiguillage.cli.produce import produce_command
from aiguillage.cli.status import status_command
from aiguillage.cli.tail import tail_command

app = typer.Typer(
    name="aiguillage",
    help="Aiguillage routes reports of illicit online content to the services that can act.",
    no_args_is_help=True,
    add_completion=False,
)


class Service(StrEnum):
    INTAKE = "intake"
    TRIAGE = "triage"
    DISPATCH = "dispatch"


@app.command("serve")
def serve_command(
    service: Annotated[Service, typer.Argument(help="The service to run.")],
) -> None:
    """Run one service until SIGTERM or Ctrl-C (settings from AIGUILLAGE_* variables)."""
    if service is Service.INTAKE:
        from aiguillage.intake.main import serve
    elif service is Service.TRIAGE:
        from aiguillage.triage.main import serve
    else:
        from aiguillage.dispatch.main import serve
    serve()


@app.command("up")
def up_command(
    data_dir: Annotated[Path, typer.Option(help="Database files and server logs.")] = Path(".data"),
    kafka_port: Annotated[int, typer.Option(help="Local broker (Tansu) port.")] = 9092,
    mongo_port: Annotated[int, typer.Option(help="Local database (SecantusDB) port.")] = 27017,
    intake_port: Annotated[int, typer.Option(help="Intake HTTP API port.")] = 8000,
    triage_replicas: Annotated[int, typer.Option(min=1, max=8)] = 1,
    dispatch_replicas: Annotated[int, typer.Option(min=1, max=8)] = 1,
    log_format: Annotated[
        str, typer.Option(help="auto (colours on a terminal), json or console.")
    ] = "auto",
) -> None:
    """Run the whole stack locally: broker, database and the three services. Ctrl-C stops it."""
    from aiguillage.localstack.servers import ServerError
    from aiguillage.localstack.stack import StackOptions, run_stack

    options = StackOptions(
        data_dir=data_dir,
        kafka_port=kafka_port,
        mongo_port=mongo_port,
        intake_port=intake_port,
        triage_replicas=triage_replicas,
        dispatch_replicas=dispatch_replicas,
        log_format=log_format,
    )
    try:
        code = run_stack(options)
    except ServerError as error:
        typer.echo(f"aiguillage up: {error}", err=True)
        raise typer.Exit(2) from error
    raise typer.Exit(code)


app.command("produce")(produce_command)
app.command("decide")(decide_command)
app.command("evaluate")(evaluate_command)
app.command("docs")(docs_command)
app.command("bench")(bench_command)
app.command("tail")(tail_command)
app.command("status")(status_command)
app.add_typer(dlq_app, name="dlq")
app.add_typer(keys_app, name="keys")
