"""casekit: structured, checkable data from Chinese case-study submissions."""

__version__ = "0.1.0"
