"""Run ``fact-timeline serve`` as a child process and wait until it answers.

The browser tests and the dashboard benchmark both need a real server on a free loopback port
over a store of their own; this is the one place that starts, watches and stops it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Server:
    url: str
    db: Path
    log: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def console_script() -> list[str]:
    """The installed ``fact-timeline`` command, or ``python -m dashboard`` where it is missing."""
    script = Path(sys.executable).with_name("fact-timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dashboard"]


def free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def health(url: str, timeout: float = 2.0) -> str:
    """The body of ``/_stcore/health`` ("ok" once the server is up), "" while it is not."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return ""


@contextmanager
def served(
    db: Path,
    *,
    extra_args: Sequence[str] = (),
    command: Sequence[str] | None = None,
    startup_timeout: float = 180.0,
) -> Iterator[Server]:
    """A running dashboard over ``db`` on a free loopback port, stopped on exit.

    ``extra_args=["--demo"]`` makes it the demo store, with the sample articles ingested on
    start, hence the generous timeout.
    """
    port = free_loopback_port()
    argv = [*(command or console_script()), "serve", "--host", "127.0.0.1", "--port", str(port),
            "--db", str(db), *extra_args]
    env = {**os.environ, "STREAMLIT_SERVER_HEADLESS": "true", "PYTHONUNBUFFERED": "1"}
    with tempfile.NamedTemporaryFile("wb", prefix="fact-timeline-serve-", suffix=".log", delete=False) as log:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", Path(db), Path(log.name), process)
    try:
        deadline = time.monotonic() + startup_timeout
        while health(server.url) != "ok":
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"`{' '.join(argv)}` did not come up:\n{server.log_tail()}")
            time.sleep(0.25)
        yield server
    finally:
        _stop(process)
        Path(log.name).unlink(missing_ok=True)


def _stop(process: subprocess.Popen) -> None:
    """Terminate the server and whatever it started (kaleido's browser), then kill if it hangs."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue
