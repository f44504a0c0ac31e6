"""Embedders: sentences to unit vectors whose dot product says how close two sentences are in meaning.

The merge asks one :class:`Embedder` for every claim's vector (``summarizer.align``). Three ship:

* :class:`WordLlama` (the default): the 256-dimension static model that the ``wordllama`` wheel carries
  (16 MB, numpy only, nothing downloaded). A sentence's vector is the mean of its tokens' vectors, less
  its part along the model's :data:`TOP_DIRECTIONS` strongest directions, so thousands of sentences
  take a fraction of a second on one core.
* :class:`OpenAIEmbeddings`: an OpenAI-compatible ``/v1/embeddings`` endpoint — OpenAI, or the server
  the user already runs (``--embedder openai:text-embedding-3-small``).
* :class:`SentenceTransformer`: any sentence-transformers model the user has installed and cached
  (``--embedder st:all-MiniLM-L6-v2``); it needs ``pip install sentence-transformers``.

Each model is loaded once per process. Vectors are float32 and L2-normalised (a zero vector for a text
with no known token).
"""

from __future__ import annotations

import logging
import os
from functools import cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from summarizer.errors import ConfigError
from summarizer.printable import paired
from summarizer.text import unshouted

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Vectors = NDArray[np.float32]

# WordLlama's principal directions taken out of every sentence vector ("all-but-the-top", Mu and
# Viswanath, ICLR 2018: what every token shares there says little about meaning); the paper's rule
# of thumb is a hundredth of the dimensions, and 2 and 3 scored best on the dev set (README.md)
TOP_DIRECTIONS = 2


class Embedder(Protocol):
    """What the merge needs from an embedding model."""

    name: str

    def embed(self, texts: list[str]) -> Vectors:
        """One unit vector per text, as rows of a float32 array."""
        ...


class Rows(Protocol):
    """Vectors as rows that :func:`summarizer.vectorlink.vector_link` reads: an array, or rows made when asked."""

    def __len__(self) -> int: ...

    def __getitem__(self, rows: Any, /) -> Vectors: ...


def embedded(embedder: Embedder, texts: list[str]) -> Vectors:
    """Each text's vector, each distinct text embedded once (outlets repeat wire copy word for word)."""
    vectors, rows = distinct_embedded(embedder, texts)
    picked: Vectors = vectors[rows]
    return picked


def distinct_embedded(embedder: Embedder, texts: list[str]) -> tuple[Vectors, np.ndarray]:
    """The vectors of the distinct texts, in length order (the order a static model batches them in, which it
    need not undo then), and each text's row among them: a caller that combines rows reads them from here,
    with no copy of a row per text (at 10,000 articles, a quarter of a gigabyte)."""
    told = sorted(((paired(text), text) for text in dict.fromkeys(texts)), key=lambda pair: len(pair[0]))
    vectors = embedder.embed([given for given, _ in told])  # paired: a lone surrogate, no tokenizer takes it
    row = {text: k for k, (_, text) in enumerate(told)}
    return vectors, np.fromiter((row[text] for text in texts), dtype=np.int64, count=len(texts))


def normalised(vectors: Any, less: Any = None, *, out: Vectors | None = None) -> Vectors:
    """Each row scaled to unit length, less ``less`` first when given: a row taken from every row, or a
    function of some rows giving what to take from each of them. Into ``out`` when given (it may be
    ``vectors`` itself): a large array touched for the first time costs more than its arithmetic here.

    In slices of rows: a large event's vectors are beyond the processor's cache, and each pass over them
    reads them from memory again; a slice is read once, its temporaries stay in the cache.
    """
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2:
        matrix = matrix.reshape(len(matrix), -1)
    unit: Vectors = np.empty(matrix.shape, dtype=np.float32) if out is None else out
    for start in range(0, len(matrix), 4096):
        rows = matrix[start : start + 4096]
        if less is not None:
            rows = rows - (less(rows) if callable(less) else less)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        np.divide(rows, norms, out=unit[start : start + 4096])
    return unit


def pair_dots(vectors: Vectors, ends: np.ndarray) -> np.ndarray:
    """The dot product of the two rows of each pair of ``ends`` (two rows of indices), as float32.

    In slices: the two rows of each of a million pairs would be gigabytes, and would miss every cache.
    """
    found = np.empty(ends.shape[1], dtype=np.float32)
    for start in range(0, ends.shape[1], 8192):
        left, right = ends[:, start : start + 8192]
        found[start : start + len(left)] = np.einsum("ij,ij->i", vectors[left], vectors[right])
    return found


def cosines(vectors: Vectors | None, ends: np.ndarray) -> np.ndarray:
    """The dot product of the two rows of each pair of ``ends`` (two rows of indices), as float64."""
    count = ends.shape[1]
    if vectors is None or not count:
        return np.zeros(count)
    if count * 4 >= len(vectors) ** 2:  # most pairs (every one, up to EXACT_LIMIT): one product
        every: np.ndarray = (vectors @ vectors.T)[ends[0], ends[1]].astype(np.float64)
        return every
    return pair_dots(vectors, ends).astype(np.float64)


class WordLlama:
    """The static WordLlama model shipped inside the ``wordllama`` wheel."""

    name = "wordllama-l2-supercat-256"

    def embed(self, texts: list[str]) -> Vectors:
        """The mean of each text's token vectors, as the model's own ``embed`` computes it, faster (the
        tokenizer skips the character offsets and the padding, numpy pads, and the mean is one product
        per batch), less its part along the model's top directions; words in capitals for emphasis are
        read as written plainly (:func:`summarizer.text.unshouted`)."""
        table = _wordllama().embedding
        tokenize = _tokenizer()
        texts = [unshouted(text) for text in texts]
        # texts of like length batched together: a batch is padded to its longest text; the tokenizer
        # takes many batches per call, as its cost per call is that of hundreds of texts
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        means = np.zeros((len(texts), table.shape[1]), dtype=np.float32)  # in that order: written in turn
        for chunk in range(0, len(texts), 4096):
            tokenized = tokenize([texts[i] for i in order[chunk : chunk + 4096]], add_special_tokens=False)
            for start in range(0, len(tokenized), 128):
                at, encoded = chunk + start, tokenized[start : start + 128]
                lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
                mask = np.arange(lengths.max(initial=0)) < lengths[:, None]
                ids = np.zeros(mask.shape, dtype=np.int64)
                ids[mask] = np.fromiter(chain.from_iterable(e.ids for e in encoded), dtype=np.int64, count=mask.sum())
                summed = np.matmul(mask.astype(np.float32)[:, None, :], table[ids.clip(0, len(table) - 1)])[:, 0, :]
                means[at : at + len(encoded)] = summed / np.maximum(lengths, 1).astype(np.float32)[:, None]
        top = top_directions()
        normalised(means, less=lambda rows: (rows @ top.T) @ top, out=means)
        if order == list(range(len(texts))):  # given in length order (the merge does): no copy to put back
            return means
        vectors = np.empty_like(means)
        vectors[order] = means
        return vectors


@cache
def top_directions() -> Vectors:
    """The :data:`TOP_DIRECTIONS` principal directions of WordLlama's token vectors, as unit rows: the
    eigenvectors of the largest eigenvalues of their covariance, computed once per process."""
    table = _wordllama().embedding
    mean = table.mean(axis=0, dtype=np.float64)
    covariance = (table.T @ table).astype(np.float64) - len(table) * np.outer(mean, mean)
    _, directions = np.linalg.eigh(covariance)  # eigenvalues ascending: the last columns are the top
    top: Vectors = np.ascontiguousarray(directions[:, ::-1][:, :TOP_DIRECTIONS].T, dtype=np.float32)
    return top


@cache
def _tokenizer() -> Any:
    """The model's tokenizer without its padding, as its batch encoder (tokenizers < 0.21: no fast one)."""
    own = _wordllama().tokenizer
    tokenizer = type(own).from_str(own.to_str())  # a copy: the model's own stays as it is
    tokenizer.no_padding()
    # no cache of tokenized words: with no pre-tokenizer, the model's BPE takes each whole text as a word, and a
    # text comes once (embedded() drops repeats); filling the cache cost a third of the tokenizing (bench/README.md)
    getattr(tokenizer.model, "_resize_cache", lambda capacity: None)(0)
    return getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)


@cache
def _wordllama() -> Any:
    """The model, loaded once per process from the package's own folder: its loader would otherwise
    look for the bundled tokenizer under another folder name and then try to download it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ConfigError("the merge's embedding model needs wordllama: pip install wordllama") from None
    finally:  # wordllama calls logging.basicConfig(level=INFO) on import: every library's INFO line would print
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
    folder = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(cache_dir=folder, disable_download=True)


class OpenAIEmbeddings:
    """An OpenAI-compatible ``/v1/embeddings`` endpoint."""

    def __init__(self, model: str, base_url: str | None = None, api_key: str | None = None, timeout: float = 60):
        self.name = f"openai:{model}"
        self.model = model
        self.base_url = base_url
        self.api_key = api_key or os.environ.get("OPENAI_API_KEY") or "not-needed"
        self.timeout = timeout

    def embed(self, texts: list[str]) -> Vectors:
        import openai

        client = openai.OpenAI(base_url=self.base_url, api_key=self.api_key, timeout=self.timeout, max_retries=2)
        rows: list[list[float]] = []
        for start in range(0, len(texts), 256):  # the endpoint takes batches of inputs
            try:
                answer = client.embeddings.create(model=self.model, input=texts[start : start + 256])
            except openai.OpenAIError as error:
                raise ConfigError(f"the embeddings endpoint failed: {error}") from None
            rows += [item.embedding for item in sorted(answer.data, key=lambda item: item.index)]
        return normalised(rows) if rows else np.zeros((0, 1), dtype=np.float32)


class SentenceTransformer:
    """A sentence-transformers model, loaded from the user's own cache."""

    def __init__(self, model: str):
        self.name = f"st:{model}"
        self.model = model

    def embed(self, texts: list[str]) -> Vectors:
        return normalised(_sentence_transformer(self.model).encode(texts, normalize_embeddings=True))


@cache
def _sentence_transformer(model: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer as Model
    except ImportError:
        raise ConfigError("--embedder st:… needs sentence-transformers: pip install sentence-transformers") from None
    return Model(model)


def embedder(spec: str | None = None, *, base_url: str | None = None, api_key: str | None = None) -> Embedder:
    """The embedder a user names: None or ``wordllama``, ``openai:MODEL`` or ``st:MODEL``."""
    if spec in (None, "", "wordllama"):
        return WordLlama()
    kind, _, model = (spec or "").partition(":")
    if kind == "openai" and model:
        return OpenAIEmbeddings(model, base_url=base_url, api_key=api_key)
    if kind == "st" and model:
        return SentenceTransformer(model)
    raise ConfigError(f"unknown embedder {spec!r}; use wordllama, openai:MODEL or st:MODEL")
