"""The `fact-timeline` command as a user meets it: help for every subcommand, a real server."""

import subprocess
import sys

import pytest

from dashboard.app.process import console_script, health, served
from dashboard.cli import COMMANDS


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*console_script(), *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_subcommand_answers_help_with_its_options(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: fact-timeline {command}")
    description = result.stdout.split("\n\n")[1]
    assert len(description.split()) >= 8, f"`{command} --help` has no real description: {description!r}"
    assert "options:" in result.stdout and "--debug" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_top_level_help_lists_every_subcommand():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert f"  {command} " in result.stdout


def test_serve_documents_port_host_and_store():
    out = run_cli("serve", "--help").stdout
    for option in ("--port", "--host", "--db", "127.0.0.1"):
        assert option in out


def test_the_console_script_starts_a_real_server_that_answers_health(tmp_path):
    with served(tmp_path / "facts.duckdb") as server:
        assert health(server.url) == "ok"
        assert f"dashboard at {server.url}" in server.log_tail(200)
        assert (tmp_path / "facts.duckdb").exists()  # the sample went into the store given


def test_a_bad_store_path_is_one_line_and_exit_2(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path), "--no-sample")
    assert result.returncode == 2
    assert result.stderr.startswith("fact-timeline: error:") and len(result.stderr.splitlines()) == 1


def test_a_store_in_a_folder_that_cannot_exist_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = run_cli("serve", "--db", str(tmp_path / "file" / "facts.duckdb"), "--no-sample")
    assert result.returncode == 2 and result.stderr.startswith("fact-timeline: error:")
    assert "Traceback" not in result.stderr


def test_a_port_out_of_range_is_one_line_and_exit_2(tmp_path):
    result = run_cli("serve", "--port", "70000", "--db", str(tmp_path / "facts.duckdb"))
    assert result.returncode == 2 and "--port 70000" in result.stderr
    assert not (tmp_path / "facts.duckdb").exists()  # refused before touching the store


def test_python_dash_m_is_the_same_command():
    result = subprocess.run([sys.executable, "-m", "dashboard", "serve", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--port" in result.stdout
