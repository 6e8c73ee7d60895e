"""Assemble stage: meeting records from the document's spans."""
