"""engine.heap: on glibc, memory a batch frees stays mapped for the next batch."""
from __future__ import annotations

import ctypes
import platform

import pytest

from tidings.engine.heap import MMAP_THRESHOLD, keep_heap

glibc = pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                           reason="mallopt thresholds are glibc's")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc():
    libc = ctypes.CDLL("libc.so.6")
    if not hasattr(libc, "mallinfo2"):
        pytest.skip("glibc older than 2.33 has no mallinfo2")
    libc.mallinfo2.restype = _MallInfo2
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    return libc


@glibc
def test_heap_keep_heap_serves_large_blocks_from_the_heap_and_keeps_them():
    assert keep_heap() and keep_heap()  # idempotent
    libc = _libc()
    size = MMAP_THRESHOLD // 4  # 8 MiB, about what one batch's tok2vec layer takes
    mapped = libc.mallinfo2().hblks
    block = libc.malloc(size)
    try:
        assert libc.mallinfo2().hblks == mapped  # not a private mmap, given back on free
        heap = libc.mallinfo2().arena
    finally:
        libc.free(block)
    assert libc.mallinfo2().arena == heap  # freed, but not trimmed off the heap


def test_heap_keep_heap_says_when_it_cannot(monkeypatch):
    monkeypatch.setattr(platform, "system", lambda: "Darwin")
    assert keep_heap() is False
