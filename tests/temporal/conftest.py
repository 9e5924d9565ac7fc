"""Running the real ``fact-timeline`` command in a child process, as a user does."""

import os
import subprocess

import pytest

from dashboard.app.process import console_script


@pytest.fixture
def fact_timeline(tmp_path):
    """``fact_timeline("tag", "--lang", "de", stdin="...")`` -> the finished process (text mode)."""

    def run(*args, stdin=None, binary=False, env=None):
        return subprocess.run([*console_script(), *map(str, args)], input=stdin, capture_output=True,
                              text=not binary, cwd=tmp_path, timeout=120, env={**os.environ, **(env or {})})

    return run
