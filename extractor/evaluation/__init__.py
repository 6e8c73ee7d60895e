"""Evaluation: span scoring against NEREL (brat) and meeting scoring against gold records."""
