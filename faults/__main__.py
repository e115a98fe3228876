"""`python -m faults [--kill N] [--imports N] [--rounds N] [--seed N]`: the fault campaign, then a
table (trials, held, failed); exit code 1 when anything failed."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from faults.campaign import format_table, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m faults")
    parser.add_argument("--kill", type=int, default=30, help="essais kill -9 par chemin")
    parser.add_argument("--imports", type=int, default=2000, help="fichiers d'import altérés")
    parser.add_argument("--rounds", type=int, default=100, help="tours d'ouvertures simultanées")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--only",
        action="append",
        metavar="CHEMIN",
        help="seulement les chemins d'écriture dont le nom commence ainsi (répétable)",
    )
    parser.add_argument(
        "--no-storage", action="store_true", help="sans les cas de disque plein et de droits"
    )
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ess-desk-faults-"))
    began = time.perf_counter()
    try:
        rows = run(
            root,
            kill_trials=args.kill,
            import_files=args.imports,
            writer_rounds=args.rounds,
            seed=args.seed,
            paths=tuple(args.only) if args.only else None,
            storage=not args.no_storage,
            progress=lambda text: print(text, flush=True),
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print()
    print(format_table(rows))
    print(f"\n{time.perf_counter() - began:.0f} s, graine {args.seed}")
    return 1 if any(r.failed for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
