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
        assert "demo" not in server.log_tail(200)
    assert not (tmp_path / "facts.duckdb").exists()  # the samples never go into a store of the user's


def test_plain_serve_opens_the_demo_until_the_users_store_holds_articles(tmp_path, monkeypatch):
    from dashboard.app.serve import choose_store
    from dashboard.facts import Document, facts_frame
    from dashboard.store import FactStore

    monkeypatch.setenv("FACT_TIMELINE_HOME", str(tmp_path))
    assert choose_store(None, demo=False, no_sample=False) == ((tmp_path / "demo.duckdb").resolve(), True)
    assert choose_store(None, demo=False, no_sample=True) == ((tmp_path / "facts.duckdb").resolve(), False)
    FactStore(tmp_path / "facts.duckdb").write([Document("mine", "Mein Artikel.", lang="de")], facts_frame())
    assert choose_store(None, demo=False, no_sample=False) == ((tmp_path / "facts.duckdb").resolve(), False)
    assert choose_store(None, demo=True, no_sample=False)[1]
    assert choose_store(tmp_path / "x.duckdb", demo=False, no_sample=False) == ((tmp_path / "x.duckdb").resolve(), False)


def test_the_demo_server_ingests_the_samples_into_its_own_store(tmp_path):
    with served(tmp_path / "demo.duckdb", extra_args=["--demo"]) as server:
        assert "samples:" in server.log_tail(200) and "demo store" in server.log_tail(200)
    assert (tmp_path / "demo.duckdb").exists()


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
