"""A loopback stand-in for the EBRAINS Lab access-token service."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LabTokenService:
    """A loopback stand-in for the Lab's access-token service: hands out token-1, token-2, ..."""

    def __init__(self, hub_token: str) -> None:
        self.calls = 0
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                if self.headers.get("Authorization") != f"Token {hub_token}":
                    self.send_response(403)
                    self.end_headers()
                    return
                service.calls += 1
                body = json.dumps({"access_token": f"lab-access-token-{service.calls}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/services/access-token-service/access-token"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
