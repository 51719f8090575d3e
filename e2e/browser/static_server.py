#!/usr/bin/env python3
"""A static file server for the browser tests and bench/search_bench.py: Python's
`http.server`, plus byte ranges, which the search index's packed files are read by — as
nginx, Apache and object storage serve them — over HTTP/1.1 keep-alive connections:
`Range: bytes=a-b` is answered 206 with the range, `Range: bytes=a-b,c-d,…` 206
`multipart/byteranges` with one part per range (RFC 9110 §14.6), as nginx does. Each log line
gives the bytes of the body sent, not the file's size.

usage: static_server.py PORT --bind ADDR --directory ROOT [--ignore-ranges-under PREFIX]
                        [--single-ranges-under PREFIX]

--ignore-ranges-under: paths starting with PREFIX are served whole (200) whatever the Range
header says, as a server without range support does, so that a test can check the page's
fallback.
--single-ranges-under: under PREFIX, a request for several ranges is served whole (200, with
`Accept-Ranges: bytes`), a single range still 206 — as Amazon S3 does."""
from __future__ import annotations

import argparse
import os
import re
import secrets
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

RANGE_SPEC = re.compile(r"^(\d+)-(\d*)$")


def parse_ranges(header: str, size: int):
    """`bytes=a-b,c-d` → [(start, end inclusive)], clipped to the file; None: not a byte
    range set this server understands (served whole); []: none satisfiable (416)."""
    unit, _, specs = header.strip().partition("=")
    if unit.strip().lower() != "bytes" or not specs:
        return None
    out = []
    for spec in specs.split(","):
        m = RANGE_SPEC.match(spec.strip())
        if not m:
            return None
        start = int(m.group(1))
        end = min(size - 1, int(m.group(2))) if m.group(2) else size - 1
        if m.group(2) and int(m.group(2)) < start:
            return None
        if start < size:
            out.append((start, end))
    return out


class Handler(SimpleHTTPRequestHandler):
    # keep-alive, as any production server: a query's requests reuse the page's connections
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as nginx (tcp_nodelay on): a body written after its headers is not held
    # back waiting for the client's acknowledgement of them (Nagle's algorithm)
    disable_nagle_algorithm = True
    ignore_ranges_under: str | None = None
    single_ranges_under: str | None = None

    def send_head(self):
        self._body = None
        self._accepts_ranges = False
        header = self.headers.get("Range")
        path = self.translate_path(self.path)
        ignore = self.ignore_ranges_under and self.path.startswith(self.ignore_ranges_under)
        if not header or ignore or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        ranges = parse_ranges(header, size)
        single_only = self.single_ranges_under and self.path.startswith(self.single_ranges_under)
        if ranges is None or (len(ranges) > 1 and single_only):
            self._accepts_ranges = bool(single_only)
            return super().send_head()
        if not ranges:
            self.send_error(416, "Range Not Satisfiable")
            return None
        kind = self.guess_type(path)
        with open(path, "rb") as f:
            parts = []
            for start, end in ranges:
                f.seek(start)
                parts.append((start, end, f.read(end - start + 1)))
        if len(parts) == 1:
            start, end, body = parts[0]
            heads = [("Content-Type", kind), ("Content-Range", f"bytes {start}-{end}/{size}")]
        else:
            boundary = secrets.token_hex(8)
            body = b"".join(
                f"\r\n--{boundary}\r\nContent-Type: {kind}\r\nContent-Range: bytes {start}-{end}/{size}\r\n\r\n".encode()
                + data for start, end, data in parts) + f"\r\n--{boundary}--\r\n".encode()
            heads = [("Content-Type", f"multipart/byteranges; boundary={boundary}")]
        self._body = body  # before send_response, which logs its size
        self.send_response(206)
        for name, value in heads:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return _Nothing()

    def end_headers(self):
        if getattr(self, "_accepts_ranges", False):
            self.send_header("Accept-Ranges", "bytes")
            self._accepts_ranges = False
        super().end_headers()

    def copyfile(self, source, outputfile):
        if self._body is None:
            return super().copyfile(source, outputfile)
        outputfile.write(self._body)

    def log_request(self, code="-", size="-"):
        # the bytes of the body sent: the ranges' answer, or the whole file's size
        if size == "-" and str(code).startswith("2"):
            size = len(self._body) if self._body is not None else self._file_size()
        super().log_request(code, size)

    def _file_size(self):
        path = self.translate_path(self.path)
        return os.path.getsize(path) if os.path.isfile(path) else "-"


class _Nothing:
    """What send_head returns for a range answer: its body is written by copyfile."""

    def close(self):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--directory", default=os.getcwd())
    ap.add_argument("--ignore-ranges-under", default=None)
    ap.add_argument("--single-ranges-under", default=None)
    args = ap.parse_args()
    Handler.ignore_ranges_under = args.ignore_ranges_under
    Handler.single_ranges_under = args.single_ranges_under
    server = ThreadingHTTPServer((args.bind, args.port), partial(Handler, directory=args.directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
