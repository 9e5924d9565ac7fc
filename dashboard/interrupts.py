"""Ctrl-C between units of work, never inside one: what a command writes is whole or not there."""

from __future__ import annotations

import contextlib
import signal
import threading


@contextlib.contextmanager
def uninterrupted():
    """Hold Ctrl-C back while a block runs; it takes effect as soon as the block ends. (Blocking
    the signal would not do: the kernel hands it to any other thread, and Python raises anyway.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed = []
    previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed and callable(previous):
        previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt
