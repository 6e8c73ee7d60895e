"""Engines beyond local processes (optional extras)."""
