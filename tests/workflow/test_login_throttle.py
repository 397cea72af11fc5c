"""Login throttling that cannot be sidestepped (issue 16): other spellings of a locked user name, many user
names from one address, the address behind the documented proxy, database errors, the real window."""

from __future__ import annotations

from typing import Any

import pytest
from accounts import throttle
from audit.models import LogEntry
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from tests.workflow.conftest import PASSWORD, user

pytestmark = pytest.mark.django_db
URL = "/cuentas/ingresar/"


def _fail(client: Client, username: str, times: int = 1) -> None:
    for _ in range(times):
        response = client.post(URL, {"username": username, "password": "mala"})
        assert response.status_code == 200 and "Demasiados intentos" not in response.content.decode()


@pytest.mark.parametrize(
    "spelling",
    [
        "ｅｖａｌｕａｄｏｒ",  # fullwidth letters
        "ＥＶＡＬＵＡＤＯＲ",  # fullwidth capitals
        "Evaluador",
        "EVALUADOR",
        "evaluador\u00a0",  # no-break space, NFKC → space, stripped
        "ｅvaluador",
    ],
)
def test_other_spellings_of_a_locked_name_stay_locked(spelling: str) -> None:
    assert reverse("accounts:login") == URL
    client = Client()
    _fail(client, "evaluador", 5)
    response = client.post(URL, {"username": spelling, "password": PASSWORD})
    assert response.status_code == 200 and "Demasiados intentos" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_under_other_spellings_count_together() -> None:
    client = Client()
    for spelling in ("ｅｖａｌｕａｄｏｒ", "Evaluador", "EVALUADOR", "evaluador", "ｅvaluador"):
        _fail(client, spelling)
    assert client.post(URL, {"username": "evaluador", "password": PASSWORD}).status_code == 200
    assert {e.comment for e in LogEntry.objects.filter(action__in=["auth.login_failed", "auth.locked"])} == {
        "evaluador 127.0.0.1"
    }


def test_a_case_variant_logs_into_the_same_account() -> None:
    client = Client()
    assert client.post(URL, {"username": "Evaluador", "password": PASSWORD}).status_code == 302
    assert client.session["_auth_user_id"] == str(user("evaluador").pk)


def test_many_user_names_from_one_address_lock_the_address(settings: Any) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    locked = 0
    for i in range(100):
        response = client.post(URL, {"username": f"usuario{i:03d}", "password": "mala"})
        locked += "Demasiados intentos" in response.content.decode()
    assert locked == 100 - settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    # the real user from that address is locked too, by the address
    response = client.post(URL, {"username": "manager_indap", "password": PASSWORD})
    assert response.status_code == 200 and "Demasiados intentos" in response.content.decode()
    # another address is not
    assert (
        Client(REMOTE_ADDR="198.51.100.1")
        .post(URL, {"username": "manager_indap", "password": PASSWORD})
        .status_code
        == 302
    )


def test_one_account_from_many_addresses_locks_the_account(settings: Any) -> None:
    for i in range(settings.LOGIN_MAX_FAILURES_PER_ACCOUNT):
        _fail(Client(REMOTE_ADDR=f"192.0.2.{i + 1}"), "publicador")
    response = Client(REMOTE_ADDR="192.0.2.250").post(URL, {"username": "publicador", "password": PASSWORD})
    assert "Demasiados intentos" in response.content.decode()


def test_behind_a_trusted_proxy_each_client_has_its_own_counter(settings: Any) -> None:
    settings.MONITOREO_TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    _fail(first, "evaluador", 5)
    assert (
        "Demasiados intentos"
        in first.post(URL, {"username": "evaluador", "password": PASSWORD}).content.decode()
    )
    second = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.21")
    assert second.post(URL, {"username": "evaluador", "password": PASSWORD}).status_code == 302
    # a client cannot pick its own address by writing X-Forwarded-For: the proxy appends the real one
    forged = Client(**proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20")
    assert (
        "Demasiados intentos"
        in forged.post(URL, {"username": "evaluador", "password": PASSWORD}).content.decode()
    )


@pytest.mark.parametrize(
    ("meta", "trusted", "expected"),
    [
        ({"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, [], "203.0.113.5"),
        ({"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, ["10.0.0.0/8"], "203.0.113.5"),
        (
            {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.9"},
            ["10.0.0.0/8"],
            "198.51.100.9",
        ),
        (
            {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": "198.51.100.9, 10.2.2.2"},
            ["10.0.0.0/8"],
            "198.51.100.9",
        ),
        ({"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": "basura"}, ["10.0.0.0/8"], "10.1.1.1"),
        ({"REMOTE_ADDR": "::1", "HTTP_X_FORWARDED_FOR": "2001:db8::1"}, ["::1"], "2001:db8::1"),
        ({}, ["10.0.0.0/8"], "desconocida"),
    ],
)
def test_client_ip(meta: dict[str, str], trusted: list[str], expected: str, settings: Any) -> None:
    settings.MONITOREO_TRUSTED_PROXIES = trusted
    assert throttle.client_ip(meta) == expected


def test_a_database_error_is_not_a_failed_login(monkeypatch: pytest.MonkeyPatch) -> None:
    import django.contrib.auth.forms as auth_forms

    def broken(*args: Any, **kwargs: Any) -> None:
        raise DatabaseError("la base de datos no responde")

    monkeypatch.setattr(auth_forms, "authenticate", broken)
    client = Client()
    for _ in range(8):
        response = client.post(URL, {"username": "evaluador", "password": PASSWORD})
        assert response.status_code == 503 and "No cuenta como intento fallido" in response.content.decode()
    monkeypatch.undo()
    assert throttle.locked_until("evaluador", "127.0.0.1") is None
    assert not LogEntry.objects.filter(action__in=["auth.login_failed", "auth.locked"]).exists()
    assert client.post(URL, {"username": "evaluador", "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize(
    ("minutes", "shown"), [(15, "espere 15 minutos"), (40, "espere 40 minutos"), (1, "espere 1 minuto ")]
)
def test_the_lockout_message_says_the_real_window(minutes: int, shown: str, settings: Any) -> None:
    settings.LOGIN_WINDOW_MINUTES = minutes
    client = Client()
    _fail(client, "evaluador", 5)
    body = client.post(URL, {"username": "evaluador", "password": PASSWORD}).content.decode()
    assert shown in body


def test_a_very_long_user_name_is_a_plain_failure() -> None:
    client = Client()
    response = client.post(URL, {"username": "ｘ" * 20000, "password": "mala"})
    assert response.status_code == 200 and "Demasiados intentos" not in response.content.decode()
