"""fact-timeline: dated statements in news text as a fact table, timelines and charts.

The package is organised by pipeline stage, and data flows one way:
``temporal`` (tagger) -> ``facts`` (sentences, actors, status) -> ``store`` (DuckDB)
-> ``charts`` / ``export`` -> ``app`` (Streamlit pages). ``cli`` exposes every stage.
"""

__version__ = "0.1.0"
