"""A throwaway certificate authority for the team server's TLS tests: an authority, and a server
certificate it signs for 127.0.0.1 and localhost (what `sslmode=verify-full` checks the address
against). Made with `cryptography`, which keyring's Secret Service backend brings on Linux."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.postgres import Tls

OFFICER_PASSWORD = "correct horse battery staple"  # the TLS cluster's officer, "amina"


@dataclass(frozen=True)
class Authority:
    certificate: Path  # what an officer's laptop is given (the "Certificate authority" file)
    key: ec.EllipticCurvePrivateKey
    name: x509.Name


def _written_key(key: ec.EllipticCurvePrivateKey, path: Path) -> Path:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)
    return path


def _signed(subject, issuer, public_key, signing_key, *, authority: bool, names=()):
    # Valid around the real moment (TLS checks the system's time, not PartnerDesk's clock).
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(names)), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def authority(folder: Path, common_name: str = "PartnerDesk test authority") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    certificate = _signed(name, name, key.public_key(), key, authority=True)
    path = folder / f"{common_name.replace(' ', '-')}.crt"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return Authority(path, key, name)


def server_certificate(folder: Path, by: Authority) -> Tls:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    names = (x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    certificate = _signed(subject, by.name, key.public_key(), by.key, authority=False, names=names)
    path = folder / "server.crt"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return Tls(path, _written_key(key, folder / "server.key"))
