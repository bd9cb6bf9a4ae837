"""`aiguillage docs`: write the generated API documents (AsyncAPI for the consumers, OpenAPI for
intake) into the repository, so they can be read without running anything."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

DEFAULT_OUT = Path("docs/api")


def api_documents() -> dict[str, Any]:
    """File name → document, generated from the services' own wiring."""
    from aiguillage.dispatch.app import create_app as create_dispatch
    from aiguillage.dispatch.settings import DispatchSettings
    from aiguillage.intake.app import create_app as create_intake
    from aiguillage.intake.settings import IntakeSettings
    from aiguillage.shared.settings import KafkaSettings, MongoSettings
    from aiguillage.triage.app import create_app as create_triage
    from aiguillage.triage.settings import TriageSettings

    # Documents describe the default deployment (no topic prefix), whatever the environment says.
    kafka, mongo = KafkaSettings(), MongoSettings()
    triage = create_triage(TriageSettings(kafka=kafka, mongo=mongo))
    dispatch = create_dispatch(DispatchSettings(kafka=kafka, mongo=mongo))
    return {
        "asyncapi-triage.json": triage.schema.to_specification().to_jsonable(),
        "asyncapi-dispatch.json": dispatch.schema.to_specification().to_jsonable(),
        "openapi-intake.json": create_intake(IntakeSettings(kafka=kafka, mongo=mongo)).openapi(),
    }


def render(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def docs_command(
    out: Annotated[Path, typer.Option(help="Where to write the documents.")] = DEFAULT_OUT,
) -> None:
    """Write the AsyncAPI documents of triage and dispatch and the OpenAPI document of intake."""
    out.mkdir(parents=True, exist_ok=True)
    for name, document in api_documents().items():
        (out / name).write_text(render(document), encoding="utf-8")
        typer.echo(f"wrote {out / name}")
