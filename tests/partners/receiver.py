"""A webhook receiver on 127.0.0.1 that verifies signatures with the code docs/partners.md
gives partners, and answers with the statuses a test scripts."""

import contextlib
import http.server
import json
import re
import threading
import time

from tests.servers import PROJECT

PARTNERS_GUIDE = PROJECT / "docs" / "partners.md"


def documented_snippet(language):
    """The signature check in ``language`` exactly as docs/partners.md prints it."""
    blocks = re.findall(rf"```{language}\n(.*?)```", PARTNERS_GUIDE.read_text(), flags=re.DOTALL)
    (snippet,) = [block for block in blocks if "verify" in block]
    return snippet


def _documented_verify():
    namespace = {}
    exec(documented_snippet("python"), namespace)  # noqa: S102 - our own documentation, run as a partner would
    return namespace["verify"]


verify = _documented_verify()


class Receiver:
    def __init__(self, secret="", statuses=()):
        self.secret = secret
        self.statuses = list(statuses)  # answered in turn; 200 once they run out
        self.received = []  # (event, payload, signature valid)
        self.requests = []  # (headers, raw body) as they arrived
        self.delay = 0.0  # seconds to wait before answering

    def answer(self, headers, body):
        self.requests.append((dict(headers), body))
        if self.delay:
            time.sleep(self.delay)
        valid = verify(self.secret, body, headers.get("X-SIC-Signature", "t=0,v1=")) if self.secret else None
        self.received.append((headers.get("X-SIC-Event"), json.loads(body), valid))
        return self.statuses.pop(0) if self.statuses else 200


@contextlib.contextmanager
def webhook_receiver(receiver):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = receiver.answer(self.headers, body)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/sic"
    finally:
        server.shutdown()
        server.server_close()
