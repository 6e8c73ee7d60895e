"""Text stages that never rewrite the text: cleaning marks, segmentation splits."""
