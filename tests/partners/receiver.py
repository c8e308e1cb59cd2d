"""A webhook receiver on 127.0.0.1 that verifies signatures the way docs/partners.md
tells partners to, and answers with the statuses a test scripts."""

import contextlib
import hashlib
import hmac
import http.server
import json
import threading
import time


def verify(secret, body, header, tolerance=300):
    """The receiver's side of the signature: docs/partners.md, in Python."""
    fields = dict(item.split("=", 1) for item in header.split(","))
    timestamp, signature = int(fields["t"]), fields["v1"]
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature) and abs(time.time() - timestamp) <= tolerance


class Receiver:
    def __init__(self, secret="", statuses=()):
        self.secret = secret
        self.statuses = list(statuses)  # answered in turn; 200 once they run out
        self.received = []  # (event, payload, signature valid)

    def answer(self, headers, body):
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
