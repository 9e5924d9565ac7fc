"""How `fact-timeline serve` sets up Streamlit: the bundled config, the port, the printed URL."""

import socket

from dashboard.app.serve import CONFIG_FILE, config_flags, env_var, free_port, url


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
