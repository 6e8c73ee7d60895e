"""One copy of navec's 250k-word vocabulary per process.

natasha's slovnet taggers (NER, morphology, syntax) each load their own word
vocabulary: the same 250,002 words in the same order as the navec embedding
they run on, held again as a list and a dict (about 28 MB of RSS each).
"""
from __future__ import annotations

from contextlib import contextmanager


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


@contextmanager
def navec_words(embedding):
    """While slovnet taggers load in this block, a word vocabulary that holds
    ``embedding``'s own words in the same order is built on navec's list and dict,
    not on a dict of its own (about 0.06 s of loading per tagger, and the
    dict is never made).  Other vocabularies load as usual.  Patches slovnet's
    loader for the block only: load taggers from one thread at a time."""
    from slovnet.exec import pack
    from slovnet.vocab import PAD, UNK, Vocab

    words, ids = embedding.vocab.words, embedding.vocab.word_ids
    original = pack.bytes_vocab

    def bytes_vocab(data):
        items = pack.decompress(data).decode("utf8").splitlines()
        if items != words:
            return Vocab(items)
        vocab = Vocab.__new__(Vocab)
        vocab.items, vocab.item_ids = words, ids
        vocab.unk_id, vocab.pad_id = ids.get(UNK), ids.get(PAD)
        return vocab

    pack.bytes_vocab = bytes_vocab
    try:
        yield
    finally:
        pack.bytes_vocab = original
