"""One copy of navec's 250k-word vocabulary per process.

natasha's slovnet taggers (NER, morphology, syntax) each load their own word
vocabulary: the same 250,002 words in the same order as the navec embedding
they run on, held again as a list and a dict (about 28 MB of RSS each).
"""
from __future__ import annotations


def share_words(tagger, embedding) -> bool:
    """Point ``tagger``'s word vocabulary at ``embedding``'s own when they are the
    same words in the same order (ids unchanged); True if shared."""
    vocab = tagger.infer.encoder.words_vocab
    words = embedding.vocab.words
    if vocab.items is words:
        return True
    if vocab.items != words:
        return False
    vocab.items, vocab.item_ids = words, embedding.vocab.word_ids
    return True
