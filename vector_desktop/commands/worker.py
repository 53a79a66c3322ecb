"""`vector-desktop worker`: a Celery worker that runs the app's background tasks (no Qt).

    vector-desktop worker [--profile DIR] [--concurrency N] [--queues Q[,Q...]] [--pool solo|prefork]

It builds the same services as the command line (the profile's store, settings and keychain) and the same task
registry as the GUI, then serves the broker in CELERY_BROKER_URL until stopped (Ctrl+C or SIGTERM).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the concurrency must be at least 1")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "worker",
        parents=[common],
        help="run background jobs for the app (a Celery worker; needs CELERY_BROKER_URL)",
        description="Run the app's background tasks as a Celery worker, on this machine or another one.",
    )
    parser.add_argument("--concurrency", type=_positive, default=None, metavar="N", help="tasks run at once")
    parser.add_argument("--queues", default=None, metavar="Q", help="queues to serve, comma-separated")
    parser.add_argument("--pool", choices=("solo", "prefork"), default="prefork", help="how tasks run (processes)")
    parser.add_argument("--loglevel", default="WARNING", help=argparse.SUPPRESS)
    parser.add_argument("--extra-tasks", action="append", default=[], metavar="MODULE", help=argparse.SUPPRESS)
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.core_jobs import make_task_registry
    from vector_desktop.jobs.celery_app import DEFAULT_QUEUE, make_celery_app
    from vector_desktop.jobs.celery_backend import mask_url

    broker = str(core.config.get("CELERY_BROKER_URL") or "").strip()
    if not broker:
        print("vector-desktop: set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run a worker.", file=sys.stderr)
        return 1
    backend = str(core.config.get("CELERY_RESULT_BACKEND") or "").strip() or broker
    registry = make_task_registry(core)
    for module in args.extra_tasks:  # tests and benchmarks add their own tasks this way
        importlib.import_module(module).register_tasks(registry)
    app = make_celery_app(registry, broker, backend, default_timeout=float(core.config.get("VECTOR_JOB_TIMEOUT")))
    options: dict[str, Any] = {
        "pool": args.pool,
        "loglevel": args.loglevel,
        "queues": args.queues.split(",") if args.queues else [DEFAULT_QUEUE],
        "hostname": None,
        "without_mingle": True,
        "without_gossip": True,
    }
    if args.concurrency is not None:
        options["concurrency"] = args.concurrency
    print(f"vector-desktop worker: serving {mask_url(broker)}", file=sys.stderr, flush=True)
    worker = app.Worker(**{k: v for k, v in options.items() if v is not None})
    worker.start()
    return int(worker.exitcode or 0)
