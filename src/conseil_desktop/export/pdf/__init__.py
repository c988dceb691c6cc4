"""PDF building blocks (reportlab): page layout, styles, tables."""
