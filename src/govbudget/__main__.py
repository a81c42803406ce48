"""``python -m govbudget``: the command line (see :mod:`govbudget.cli`)."""

from __future__ import annotations

from govbudget.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
