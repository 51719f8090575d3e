#!/usr/bin/env python3
"""A static file server for the browser tests and bench/search_bench.py: Python's
`http.server`, plus single byte ranges (`Range: bytes=a-b`, answered 206), which the search
index's packed files are read by — as nginx, Apache and object storage serve them — over
HTTP/1.1 keep-alive connections. Each log line gives the bytes sent, not the file's size.

usage: static_server.py PORT --bind ADDR --directory ROOT [--ignore-ranges-under PREFIX]

--ignore-ranges-under: paths starting with PREFIX are served whole (200) whatever the Range
header says, as a server without range support does, so that a test can check the page's
fallback."""
from __future__ import annotations

import argparse
import os
import re
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


class Handler(SimpleHTTPRequestHandler):
    # keep-alive, as any production server: a query's requests reuse the page's connections
    protocol_version = "HTTP/1.1"
    ignore_ranges_under: str | None = None

    def send_head(self):
        self._range = None
        header = self.headers.get("Range")
        path = self.translate_path(self.path)
        ignore = self.ignore_ranges_under and self.path.startswith(self.ignore_ranges_under)
        if not header or ignore or not os.path.isfile(path):
            return super().send_head()
        m = RANGE.match(header.strip())
        size = os.path.getsize(path)
        if not m or int(m.group(1)) >= size:
            self.send_error(416, "Range Not Satisfiable")
            return None
        start = int(m.group(1))
        end = min(size - 1, int(m.group(2))) if m.group(2) else size - 1
        f = open(path, "rb")
        f.seek(start)
        self._range = end - start + 1
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(self._range))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return f

    def copyfile(self, source, outputfile):
        if self._range is None:
            return super().copyfile(source, outputfile)
        outputfile.write(source.read(self._range))

    def log_request(self, code="-", size="-"):
        # the bytes of the body sent: a range's length, or the whole file's size
        if size == "-" and str(code).startswith("2"):
            size = self._range if self._range is not None else self._file_size()
        super().log_request(code, size)

    def _file_size(self):
        path = self.translate_path(self.path)
        return os.path.getsize(path) if os.path.isfile(path) else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--directory", default=os.getcwd())
    ap.add_argument("--ignore-ranges-under", default=None)
    args = ap.parse_args()
    Handler.ignore_ranges_under = args.ignore_ranges_under
    server = ThreadingHTTPServer((args.bind, args.port), partial(Handler, directory=args.directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
