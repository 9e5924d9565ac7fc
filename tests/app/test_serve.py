"""How `fact-timeline serve` sets up Streamlit: the bundled config, the port, the printed URL."""

import os
import signal
import socket
import subprocess
import time

from dashboard.app import editing
from dashboard.app.process import console_script, health
from dashboard.app.serve import (
    CONFIG_FILE, PASSWORD_ENV, READ_ONLY_ENV, config_flags, env_var, exposure_warning, free_port, is_loopback,
    no_external_ip_lookup, offline_flags, share_settings, url,
)


def test_the_bundled_config_reaches_streamlit_as_flags():
    flags = config_flags()
    pairs = dict(zip(flags[::2], flags[1::2]))
    assert pairs["--browser.gatherUsageStats"] == "false"
    assert int(pairs["--server.maxUploadSize"]) > 0
    assert "--theme.primaryColor" in pairs


def test_a_streamlit_variable_wins_over_the_bundled_config():
    flags = config_flags(CONFIG_FILE, {"STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "5"})
    assert "--server.maxUploadSize" not in flags and "--browser.gatherUsageStats" in flags


def test_option_names_map_to_streamlit_variables():
    assert env_var("server", "maxUploadSize") == "STREAMLIT_SERVER_MAX_UPLOAD_SIZE"
    assert env_var("browser", "gatherUsageStats") == "STREAMLIT_BROWSER_GATHER_USAGE_STATS"


def test_a_missing_config_means_streamlit_defaults(tmp_path):
    assert config_flags(tmp_path / "absent.toml") == []


def test_a_taken_port_is_skipped():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert free_port("127.0.0.1", port) > port


def test_the_printed_url_is_one_a_browser_opens():
    assert url("127.0.0.1", 8501) == "http://127.0.0.1:8501"
    assert url("0.0.0.0", 8502) == "http://localhost:8502"
    assert url("::1", 8503) == "http://[::1]:8503"


def test_only_loopback_counts_as_this_machine_only():
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "dashboard.example.org"))


def test_serving_beyond_this_machine_with_neither_password_nor_read_only_warns():
    assert exposure_warning("127.0.0.1", False, False) == ""
    line = exposure_warning("0.0.0.0", False, False)
    assert line.startswith("fact-timeline: warning: --host 0.0.0.0") and "--password" in line and "\n" not in line
    assert exposure_warning("192.168.1.5", True, False) == exposure_warning("0.0.0.0", False, True) == ""


def test_password_and_read_only_reach_the_app_through_its_variables():
    environ = {}
    assert share_settings("pw", True, environ) == "pw"
    assert environ == {PASSWORD_ENV: "pw", READ_ONLY_ENV: "1"}
    assert share_settings(None, False, {PASSWORD_ENV: "from-env"}) == "from-env"  # the variable alone works
    environ = {PASSWORD_ENV: ""}
    assert share_settings(None, False, environ) == "" and environ == {}
    assert editing.READ_ONLY_ENV == READ_ONLY_ENV  # one switch: what editing.writable() reads


def test_the_server_address_is_set_so_streamlit_skips_its_external_ip_banner():
    assert offline_flags("0.0.0.0", {}) == ["--browser.serverAddress", "localhost"]
    assert offline_flags("::1", {}) == ["--browser.serverAddress", "::1"]
    assert offline_flags("0.0.0.0", {"STREAMLIT_BROWSER_SERVER_ADDRESS": "team.example.org"}) == []


def test_the_cross_origin_check_never_asks_the_internet_for_the_external_ip(monkeypatch):
    from streamlit import net_util

    def no_network(*args, **kwargs):
        raise AssertionError("Streamlit tried to reach the internet")

    monkeypatch.setattr(net_util, "_make_blocking_http_get", no_network)
    monkeypatch.setattr(net_util, "_external_ip", None)
    no_external_ip_lookup()
    assert net_util.get_external_ip() == "127.0.0.1"


def test_the_shipped_config_hides_error_details_from_browsers():
    pairs = dict(zip(config_flags()[::2], config_flags()[1::2]))
    assert pairs["--client.showErrorDetails"] == "none"


def test_served_on_every_address_it_warns_and_makes_no_external_ip_lookup(tmp_path):
    """A real `serve --host 0.0.0.0`, headless, on this machine without internet: a lookup would
    print an "External URL" line or Streamlit's "Did not auto detect external IP" warning after
    its one-second timeout. Neither appears, and the exposure warning is on stderr. (This proves
    the start makes no lookup that reaches Streamlit's banner code; it does not watch the network.)"""
    port = free_port("0.0.0.0", 18600)
    env = {**os.environ, "STREAMLIT_SERVER_HEADLESS": "true", "PYTHONUNBUFFERED": "1"}
    for name in (PASSWORD_ENV, READ_ONLY_ENV):
        env.pop(name, None)
    process = subprocess.Popen([*console_script(), "serve", "--host", "0.0.0.0", "--port", str(port),
                                "--db", str(tmp_path / "facts.duckdb"), "--no-sample"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while health(f"http://127.0.0.1:{port}") != "ok":
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.25)
        time.sleep(2)  # past the lookup's one-second timeout, had it been made
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert "External URL" not in out + err and "external IP" not in out + err
    assert f"http://localhost:{port}" in out  # the banner prints the address serve printed
    assert [line for line in err.splitlines() if line.startswith("fact-timeline: warning: --host 0.0.0.0")]
