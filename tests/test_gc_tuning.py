"""The collector settings a Pipeline leaves in its process (extractor/gc_tuning.py)."""
from __future__ import annotations

import gc
import weakref

import pytest

from extractor.gc_tuning import FIRST_GENERATION_THRESHOLD, tune_gc


@pytest.fixture
def collector():
    """Restore the process's collector settings after the test."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_raises_the_first_threshold_and_freezes_what_is_loaded(collector):
    gc.set_threshold(700, 10, 10)
    loaded = [[i] for i in range(1000)]  # stands for the models: containers alive now
    frozen_before = gc.get_freeze_count()
    tune_gc()
    assert gc.get_threshold() == (FIRST_GENERATION_THRESHOLD, 10, 10)
    assert gc.get_freeze_count() >= frozen_before + len(loaded)


def test_garbage_present_when_tuning_is_collected_not_frozen(collector):
    class Node:
        pass

    gc.disable()  # no collection may happen before tune_gc's own
    cycle = Node()
    cycle.self = cycle
    alive = weakref.ref(cycle)
    del cycle
    assert alive() is not None  # only the collector can free a cycle
    tune_gc()
    assert alive() is None


def test_never_lowers_a_threshold_the_process_chose(collector):
    gc.set_threshold(50_000, 20, 5)
    tune_gc()
    assert gc.get_threshold() == (50_000, 20, 5)


def test_leaves_a_disabled_collector_disabled(collector):
    gc.disable()
    gc.set_threshold(0, 10, 10)
    tune_gc()
    assert not gc.isenabled()
    assert gc.get_threshold()[0] == 0


def test_pipeline_can_leave_the_collector_alone(collector, monkeypatch):
    import extractor.pipeline as pipeline_module

    calls = []
    monkeypatch.setattr(pipeline_module.gc_tuning, "tune_gc", lambda: calls.append(1))
    pipeline_module.Pipeline(syntax=False, tune_gc=False)
    assert calls == []
    pipeline_module.Pipeline(syntax=False)
    assert calls == [1]
