"""A real hub on 127.0.0.1 over real HTTP, for the sync tests: uvicorn in a thread."""

import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import uvicorn
from sqlalchemy import Engine

from bureau.api import create_app


@dataclass
class RunningHub:
    url: str
    engine: Engine
    files: Path
    server: uvicorn.Server
    thread: threading.Thread
    clock_shift: list  # seconds added to the hub's clock, settable by a test

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_hub(engine: Engine, files: Path, port: int = 0) -> RunningHub:
    shift = [0.0]

    def clock() -> datetime:
        return datetime.fromtimestamp(datetime.now(timezone.utc).timestamp() + shift[0], timezone.utc)

    app = create_app(engine, files, clock=clock)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = threading.Event()
    for _ in range(200):
        if server.started:
            break
        deadline.wait(0.05)
    else:
        raise RuntimeError("the hub did not start")
    return RunningHub(f"http://127.0.0.1:{sock.getsockname()[1]}", engine, files, server, thread, shift)
