"""Library exceptions: the CLI turns each into one red line and exit status 1."""


class CasekitError(Exception):
    """Base of every error casekit reports to a user."""


class ReadError(CasekitError):
    """A source file could not be read or decoded."""


class WorkspaceError(CasekitError):
    """The workspace database is missing, locked, or from an unknown version."""


class ExportError(CasekitError):
    """An export could not be written."""
