"""share_words: a tagger gives up its own copy of the words only when it is the same list."""
from __future__ import annotations

from types import SimpleNamespace

from slovnet.vocab import Vocab

from extractor.tag.vocab import share_words


def tagger_with(words):
    return SimpleNamespace(infer=SimpleNamespace(encoder=SimpleNamespace(words_vocab=Vocab(list(words)))))


def embedding_with(words):
    words = list(words)
    return SimpleNamespace(vocab=SimpleNamespace(words=words, word_ids={w: i for i, w in enumerate(words)}))


def test_same_words_are_shared():
    tagger, emb = tagger_with(["<unk>", "<pad>", "астана"]), embedding_with(["<unk>", "<pad>", "астана"])
    assert share_words(tagger, emb)
    vocab = tagger.infer.encoder.words_vocab
    assert vocab.items is emb.vocab.words and vocab.item_ids is emb.vocab.word_ids
    assert vocab.encode("астана") == 2 and vocab.encode("алматы") == vocab.unk_id == 0


def test_other_words_or_order_are_kept():
    for words in (["<pad>", "<unk>", "астана"], ["<unk>", "<pad>", "астана", "алматы"]):
        tagger = tagger_with(["<unk>", "<pad>", "астана"])
        own = tagger.infer.encoder.words_vocab.items
        assert not share_words(tagger, embedding_with(words))
        assert tagger.infer.encoder.words_vocab.items is own
