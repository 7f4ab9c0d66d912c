"""Record types of the case record (names and fields as in SCHEMA.md)."""

from casekit.models.records import (
    Admin,
    Case,
    Indicator,
    Issue,
    NamedModel,
    Point,
    Section,
    Source,
    TEMPLATE_SECTIONS,
)

__all__ = ["Admin", "Case", "Indicator", "Issue", "NamedModel", "Point", "Section", "Source", "TEMPLATE_SECTIONS"]
