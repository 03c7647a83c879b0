"""The case domain: lifecycle, deadlines, the work calendar and validation. No Qt, no database."""
