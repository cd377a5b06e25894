"""Kafka security (TLS, SASL) from Settings: checked once, mapped once, used by every client.

`check(values)` runs inside `Settings.from_env`, so a worker or a CLI command refuses to
start on an incompatible combination and the `SettingError` names the variable.
`client_kwargs(settings)` is what every aiokafka producer, consumer and admin client of the
project is given; `faust_credentials(settings)` is the same thing in Faust's terms, for the
worker. The password is never put in a message, a repr or a log line.
"""
from __future__ import annotations

import os
import ssl

from .settings import SettingError, Settings

PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
FILES = (("ssl_cafile", "STREAMS_KAFKA_SSL_CAFILE"), ("ssl_certfile", "STREAMS_KAFKA_SSL_CERTFILE"),
         ("ssl_keyfile", "STREAMS_KAFKA_SSL_KEYFILE"))

_PROTOCOL = "STREAMS_KAFKA_SECURITY_PROTOCOL"
_MECHANISM = "STREAMS_KAFKA_SASL_MECHANISM"
_USER = "STREAMS_KAFKA_SASL_USERNAME"
_PASSWORD = "STREAMS_KAFKA_SASL_PASSWORD"


def check(values: dict) -> None:
    """Normalise and validate the security fields of `values` in place, or raise SettingError."""
    protocol = values["security_protocol"].strip().upper()
    if protocol not in PROTOCOLS:
        raise SettingError(f"{_PROTOCOL}={values['security_protocol']!r} is not one of {', '.join(PROTOCOLS)}")
    values["security_protocol"] = protocol
    sasl, tls = protocol.startswith("SASL_"), protocol.endswith("SSL")

    mechanism = values["sasl_mechanism"].strip().upper()
    if mechanism and mechanism not in MECHANISMS:
        raise SettingError(f"{_MECHANISM}={values['sasl_mechanism']!r} is not one of {', '.join(MECHANISMS)}")
    values["sasl_mechanism"] = mechanism
    if sasl:
        for name, var in (("sasl_mechanism", _MECHANISM), ("sasl_username", _USER), ("sasl_password", _PASSWORD)):
            if not values[name]:
                raise SettingError(f"{var} must be set when {_PROTOCOL}={protocol}")
    else:
        for name, var in (("sasl_mechanism", _MECHANISM), ("sasl_username", _USER), ("sasl_password", _PASSWORD)):
            if values[name]:
                raise SettingError(f"{var} is set but {_PROTOCOL}={protocol} does not use SASL "
                                   f"(use SASL_PLAINTEXT or SASL_SSL)")

    for name, var in FILES:
        path = values[name]
        if not path:
            continue
        if not tls:
            raise SettingError(f"{var} is set but {_PROTOCOL}={protocol} does not use TLS (use SSL or SASL_SSL)")
        if not os.path.isfile(path):
            raise SettingError(f"{var}={path!r}: no such file")
        if not os.access(path, os.R_OK):
            raise SettingError(f"{var}={path!r}: not readable by this user")
    if values["ssl_keyfile"] and not values["ssl_certfile"]:
        raise SettingError("STREAMS_KAFKA_SSL_KEYFILE is set without STREAMS_KAFKA_SSL_CERTFILE")


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The client TLS context: server verified (the CA file, else the system's CAs), hostname checked,
    and the client certificate when one is configured (mutual TLS). None without TLS."""
    if not settings.security_protocol.endswith("SSL"):
        return None
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    if settings.ssl_cafile:
        try:
            context.load_verify_locations(cafile=settings.ssl_cafile)
        except (ssl.SSLError, OSError) as exc:
            raise SettingError(f"STREAMS_KAFKA_SSL_CAFILE={settings.ssl_cafile!r}: not a PEM CA file ({exc})") from None
    if settings.ssl_certfile:
        try:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
        except (ssl.SSLError, OSError) as exc:
            raise SettingError(f"STREAMS_KAFKA_SSL_CERTFILE={settings.ssl_certfile!r} / STREAMS_KAFKA_SSL_KEYFILE="
                               f"{settings.ssl_keyfile!r}: not a PEM certificate and its key ({exc})") from None
    return context


def client_kwargs(settings: Settings) -> dict:
    """Keyword arguments for AIOKafkaProducer / AIOKafkaConsumer / AIOKafkaAdminClient."""
    kwargs: dict = {"security_protocol": settings.security_protocol}
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if settings.security_protocol.startswith("SASL_"):
        kwargs.update(sasl_mechanism=settings.sasl_mechanism, sasl_plain_username=settings.sasl_username,
                      sasl_plain_password=settings.sasl_password)
    return kwargs


def faust_credentials(settings: Settings):
    """`broker_credentials` for faust.App: None (plaintext), SSLCredentials or SASLCredentials."""
    import faust

    context = ssl_context(settings)
    if settings.security_protocol.startswith("SASL_"):
        return faust.SASLCredentials(username=settings.sasl_username, password=settings.sasl_password,
                                     mechanism=settings.sasl_mechanism, ssl_context=context)
    if context is not None:
        return faust.SSLCredentials(context)
    return None
