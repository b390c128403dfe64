"""Admin login throttling (django-axes): wrong passwords in a row lock the username out, with a Chinese page."""
import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def _login(client, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_it_locks_the_username_out_after_the_allowed_wrong_passwords(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "wrong-password").status_code == 200  # the login form again, with its error
    locked = _login(client, "wrong-password")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert f"连续 {settings.AXES_FAILURE_LIMIT} 次密码错误" in page and "分钟后再试" in page
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_the_right_password_is_refused_while_locked(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong-password")
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_a_right_password_before_the_limit_logs_in_and_forgets_the_failures(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "wrong-password")
    assert _login(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="editor", failures_since_start__gt=0).exists()


def test_fifty_wrong_passwords_are_not_all_answered_by_the_password_check(client, editor, settings):
    statuses = [_login(client, f"guess-{number}").status_code for number in range(50)]
    assert statuses.count(429) == 50 - settings.AXES_FAILURE_LIMIT + 1
