from aiguillage.cli.main import app

app(prog_name="aiguillage")
