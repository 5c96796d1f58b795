"""A real SMTP server on loopback for the mail outage tests: before `start()` nothing listens
on its port (the connection is refused, as with a mail server that is down); after it, every
message is accepted and kept, parsed, in `messages`."""

import email
import email.policy
import socketserver
import threading
from email.message import EmailMessage

from .own_services import free_port


class _Session(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's smtplib client: EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 localhost SMTP")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ", 1)[0].upper()
            if verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                self.server.messages.append(self.read_message())  # type: ignore[attr-defined]
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")

    def read_message(self) -> EmailMessage:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return email.message_from_bytes(b"".join(lines), policy=email.policy.default)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class SmtpListener:
    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.server: _Server | None = None

    def start(self) -> None:
        self.server = _Server(("127.0.0.1", self.port), _Session)
        self.server.messages = self.messages  # type: ignore[attr-defined]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
