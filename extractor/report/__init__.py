"""Human-readable reports of records: one self-contained HTML page (report.html)."""
