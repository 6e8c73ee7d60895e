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


def test_loading_navec_words_builds_no_dict_of_its_own():
    from slovnet.exec import pack

    from extractor.tag.vocab import navec_words

    emb = embedding_with(["<unk>", "<pad>", "астана"])
    same = pack.vocab_bytes(Vocab(["<unk>", "<pad>", "астана"]))
    other = pack.vocab_bytes(Vocab(["<pad>", "O", "B-PER"]))
    original = pack.bytes_vocab
    with navec_words(emb):
        shared, own = pack.bytes_vocab(same), pack.bytes_vocab(other)
    assert pack.bytes_vocab is original  # slovnet's loader is back after the block
    assert shared.items is emb.vocab.words and shared.item_ids is emb.vocab.word_ids
    assert shared.encode("астана") == 2 and shared.encode("алматы") == shared.unk_id == 0
    assert shared.pad_id == 1
    assert own.items == ["<pad>", "O", "B-PER"] and own.encode("O") == 1


def test_the_loaded_taggers_share_navecs_words(pipeline):
    ner = pipeline._ner
    assert ner._tagger.infer.encoder.words_vocab.item_ids is ner.embedding.vocab.word_ids
    for tagger in (pipeline._syntax._morph, pipeline._syntax._syntax):
        assert tagger.infer.encoder.words_vocab.items is ner.embedding.vocab.words
