from casekit.cli import app

app()
