"""Allows ``python -m dashboard`` as an alias of the ``fact-timeline`` console script."""

from dashboard.cli import main

raise SystemExit(main())
