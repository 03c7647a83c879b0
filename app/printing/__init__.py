"""The official documents as PDF bytes (reportlab), with no Qt: forms, page layout, fonts."""
