"""Stopping OCR at once on Ctrl-C: tesseract processes started from worker threads are tracked,
so that the thread that gets the interrupt can kill them and keep new ones from starting.

The main thread alone receives KeyboardInterrupt; without this, the pool would finish every
queued page (40-70 s on a 25-page scan) before the interrupt could end the program.
"""
from __future__ import annotations

import subprocess
import threading
from concurrent.futures import Executor


class Cancelled(RuntimeError):
    """The run was interrupted: no new tesseract starts."""


_stopping = threading.Event()
_running: set[subprocess.Popen] = set()
_lock = threading.Lock()


def run(command: list[str], data: bytes, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``subprocess.run(command, input=data, capture_output=True)``, killable by ``stop``."""
    with _lock:
        if _stopping.is_set():
            raise Cancelled("OCR interrupted")
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env)
        _running.add(process)
    try:
        out, err = process.communicate(data, timeout=timeout)
    except BaseException:
        process.kill()
        process.communicate()
        raise
    finally:
        with _lock:
            _running.discard(process)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def check() -> None:
    """Raise ``Cancelled`` once ``stop`` was called: a worker checks between the stages of its page.

    Python joins the pool's threads before it exits, so a worker that went on to the end of its
    page (deskew, masks, rules: seconds on a loaded machine) kept Ctrl-C from ending the program.
    """
    if _stopping.is_set():
        raise Cancelled("OCR interrupted")


def start() -> None:
    """A new read begins: OCR may run again (after an interrupt caught by a caller that goes on)."""
    _stopping.clear()


def kill_all() -> None:
    """Kill the tesseracts running now and start no other (also from a signal handler)."""
    with _lock:
        _stopping.set()
        for process in _running:
            process.kill()


def stop(pool: Executor) -> None:
    """Drop the queued pages and kill the tesseracts running now."""
    kill_all()
    pool.shutdown(wait=False, cancel_futures=True)
