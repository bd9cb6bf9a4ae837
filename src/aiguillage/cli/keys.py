"""`aiguillage keys`: API keys for analysts (read any report) and trusted flaggers (submit reports
marked as theirs). A key is printed once, at creation; only its hash is stored."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from pymongo.errors import DuplicateKeyError, PyMongoError
from rich.console import Console
from rich.table import Table

from aiguillage.shared.credentials import ApiKey, ApiKeyStore, Role
from aiguillage.shared.mongo import connect
from aiguillage.shared.settings import ServiceSettings

keys_app = typer.Typer(help="API keys of analysts and trusted flaggers.", no_args_is_help=True)
T = TypeVar("T")


def _with_store(work: Callable[[ApiKeyStore], Awaitable[T]]) -> T:
    async def run() -> T:
        settings = ServiceSettings().mongo
        client = connect(settings)
        try:
            store = ApiKeyStore(client[settings.database])
            await store.ensure_indexes()
            return await work(store)
        finally:
            await client.close()

    try:
        return asyncio.run(run())
    except PyMongoError as error:
        typer.echo(f"the database is unreachable: {type(error).__name__}", err=True)
        raise typer.Exit(2) from error


@keys_app.command("create")
def create_command(
    name: Annotated[str, typer.Argument(help="Who holds it, e.g. 'Point de Contact'.")],
    role: Annotated[Role, typer.Option(help="What it opens.")],
) -> None:
    """Create a key and print it: it cannot be shown again."""
    try:
        key = _with_store(lambda store: store.create(name=name, role=role))
    except DuplicateKeyError as error:
        typer.echo(f"a key named {name!r} exists already", err=True)
        raise typer.Exit(1) from error
    typer.echo(key)


@keys_app.command("list")
def list_command() -> None:
    """The keys: names, roles, whether revoked (never the keys themselves)."""
    keys: list[ApiKey] = _with_store(lambda store: store.all())
    table = Table(title=f"{len(keys)} key(s)")
    for column in ("name", "role", "created", "revoked"):
        table.add_column(column)
    for key in keys:
        created = key.created_at.strftime("%Y-%m-%d %H:%M")
        table.add_row(key.name, key.role.value, created, "yes" if key.revoked else "")
    Console().print(table)


@keys_app.command("revoke")
def revoke_command(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key at once."""
    if not _with_store(lambda store: store.revoke(name)):
        typer.echo(f"no key named {name!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {name!r}")
