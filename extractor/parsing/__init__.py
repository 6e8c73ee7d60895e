"""yargy machinery shared by the figure and entity grammars: one tokenizer (with
pymorphy3 morphology, loaded lazily per token) and an anchored parser."""
