"""Score the product against gold: the tagger (``--gold``, TimeML or JSONL with timexes) or the
actors of fact rows (``--actors``, hand-annotated sentences; see docs/actors.md).

Each mode lives in the package it measures; this module only picks one, so the temporal package
never imports actor recognition.
"""

from __future__ import annotations

import argparse

from dashboard.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    from dashboard.actors import command_eval as actors
    from dashboard.temporal import command_eval as temporal

    temporal.configure(parser, required=False)
    actors.configure(parser.add_argument_group("actors (--actors)"))


def run(args: argparse.Namespace) -> int:
    from dashboard.actors import command_eval as actors
    from dashboard.temporal import command_eval as temporal

    if (args.gold is None) == (not args.actors):
        raise UserError("give either --gold (score the tagger) or --actors (score the actors)")
    return actors.run(args) if args.actors else temporal.run(args)
