"""Bounded load test of ``POST /match/{dataset}`` with one query per request, on loopback only.

Sends at most ``--requests`` requests, and stops sending after ``--duration`` seconds, from
``--concurrency`` client tasks over keep-alive connections; reports requests per second and the
p50/p90/p99/max latency, and whether the targets (default: >= 200 req/s, p99 <= 100 ms) were met.

Without ``--url`` it starts ``exportguard serve`` itself on a free loopback port (with
``--workers``) over ``EXPORTGUARD_HOME``, waits for ``/readyz``, runs, and stops the server.

    python bench/load_api.py --requests 3000 --duration 30 --concurrency 8 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from results import machine_line, write_section  # noqa: E402

QUERY = {
    "queries": {"q": {"schema": "Person", "properties": {"name": ["Kim Jong Un"], "nationality": ["kp"]}}}
}


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(f"refusing to load-test {host!r}: only loopback addresses are allowed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def own_server(workers: int, ready_timeout: float) -> Iterator[str]:
    port = free_port()
    cmd = [sys.executable, "-m", "exportguard.cli.main", "serve", "--port", str(port),
           "--workers", str(workers), "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_timeout
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("the server did not become ready")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


class Connection:
    """A minimal HTTP/1.1 keep-alive client, so the client spends little of the CPU it shares with
    the server (the server is what is measured)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def post(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, body

    def close(self) -> None:
        self.writer.close()


def build_request(host: str, port: int, path: str, headers: dict[str, str]) -> bytes:
    body = json.dumps(QUERY).encode()
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}", "Content-Type: application/json",
             f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers.items())]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def run(
    url: str, requests: int, duration: float, concurrency: int, headers: dict[str, str]
) -> dict[str, float]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    request = build_request(host, port, f"{parts.path.rstrip('/')}/match/default", headers)
    latencies: list[float] = []
    errors = 0
    sent = 0
    answers: Counter[str] = Counter()
    conns = [await Connection.open(host, port) for _ in range(concurrency)]
    for conn in conns:  # warm up (not counted)
        await conn.post(request)
    start = time.perf_counter()
    stop_at = start + duration

    async def worker(conn: Connection) -> None:
        nonlocal sent, errors
        while sent < requests and time.perf_counter() < stop_at:
            sent += 1
            t0 = time.perf_counter()
            status, body = await conn.post(request)
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors += 1
                answers[f"{status} {json.loads(body).get('error', {}).get('code', '?')}"] += 1
            elif not json.loads(body)["responses"]["q"]["results"]:
                errors += 1
                answers["200 without results"] += 1

    await asyncio.gather(*(worker(c) for c in conns))
    elapsed = time.perf_counter() - start
    for conn in conns:
        conn.close()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p90_ms": round(cuts[89] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "concurrency": concurrency,
        "error_answers": dict(answers) or "none",
    }


def _markdown(figures: dict[str, object], args: argparse.Namespace) -> str:
    rows = "\n".join(f"| {key} | {value} |" for key, value in figures.items())
    return (
        "## API load (`python bench/load_api.py`)\n\n"
        f"{machine_line()} `POST /match/default` with one query per request, loopback only, at most "
        f"{args.requests} requests or {args.duration:g} s, {args.concurrency} in flight. "
        f"Target (issue #5): >= {args.min_rps:g} requests/s and p99 <= {args.max_p99_ms:g} ms.\n\n"
        "| figure | value |\n| --- | --- |\n" + rows
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (loopback only); default: start one")
    parser.add_argument("--requests", type=int, default=3000, help="at most this many requests")
    parser.add_argument("--duration", type=float, default=30.0, help="stop sending after this many seconds")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (own server only)")
    parser.add_argument(
        "--api-key", default=os.environ.get("EXPORTGUARD_BENCH_KEY"), help="key to send, if any"
    )
    parser.add_argument("--min-rps", type=float, default=200.0)
    parser.add_argument("--max-p99-ms", type=float, default=100.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    if not (1 <= args.requests <= 100_000 and 0 < args.duration <= 600 and 1 <= args.concurrency <= 64):
        sys.exit("bounds: 1..100000 requests, up to 600 s, 1..64 concurrent")
    headers = {"Authorization": f"ApiKey {args.api_key}"} if args.api_key else {}
    if args.url:
        check_loopback(args.url)
        figures = asyncio.run(
            run(args.url.rstrip("/"), args.requests, args.duration, args.concurrency, headers)
        )
    else:
        with own_server(args.workers, ready_timeout=300) as url:
            figures = asyncio.run(run(url, args.requests, args.duration, args.concurrency, headers))
        figures["workers"] = args.workers
    figures["target_met"] = figures["rps"] >= args.min_rps and figures["p99_ms"] <= args.max_p99_ms
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>12}: {value}")
    if not args.no_write:
        write_section("api", _markdown(figures, args))
    sys.exit(0 if figures["target_met"] and not figures["errors"] else 1)


if __name__ == "__main__":
    main()
