"""Tag stage: morphology (pymorphy3) and named-entity recognition (slovnet)."""
