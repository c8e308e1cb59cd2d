"""Run the project as a separate process, the way it runs in production (gunicorn, DEBUG off)."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SERVICE_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "FIELD_ENCRYPTION_KEY",
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
}


def clean_environment(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in SERVICE_VARIABLES}
    return {**env, **overrides}


def production_environment(workdir, **overrides):
    """Production settings on a private SQLite file and static folder under ``workdir``."""
    settings = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "test-only-production-like-key-that-is-long-enough-for-production-0123456789",
        "FIELD_ENCRYPTION_KEY": "aZ6RVyw3BKGJ6_5QsXaWdyfz1cOF9nK4rzEFAE0VOQk=",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",  # the browser talks plain HTTP to 127.0.0.1
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "SERVE_MEDIA": "1",  # no proxy in front: pictures, renditions and packs from Django
        "DATABASE_URL": f"sqlite:///{Path(workdir) / 'db.sqlite3'}",
    }
    return clean_environment(**{**settings, **overrides})


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True)  # noqa: S603


def drain_tasks(env):
    """Run every queued task (search and reference index updates from loading content)
    and stop: a site seeded in bulk is served, and measured, without a backlog."""
    manage(env, "db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def task_worker(env):
    """The background worker beside the server, as production runs it."""
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=10)


@contextlib.contextmanager
def gunicorn(env, workers=2, port=None):
    """Serve ``cms.wsgi`` on ``port`` (a free local one by default), with the task worker;
    yields the base URL."""
    with task_worker(env), gunicorn_alone(env, workers, port) as url:
        yield url


@contextlib.contextmanager
def gunicorn_alone(env, workers, port=None):
    """Serve ``cms.wsgi`` without a task worker (several app servers of one site)."""
    port = port or free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_port(port, process, name, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{name} did not start") from None
            time.sleep(0.2)


@contextlib.contextmanager
def uvicorn(env, port=None):
    """Serve ``cms.asgi`` (pages and the chat's WebSockets) as the deployment docs do; yields
    the base URL. Several of them share the site through its database and Redis."""
    port = port or free_port()
    log = Path(tempfile.gettempdir()) / f"sic-uvicorn-{port}.log"  # read it when a chat test fails
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "uvicorn",
            "cms.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--ws-max-size",
            "65536",
            "--no-access-log",
        ],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        wait_for_port(port, server, "uvicorn")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
