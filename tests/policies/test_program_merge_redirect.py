"""After a merge, the merged programme's old address answers 301 with the survivor's, on the site and in the API."""
import pytest

from policies.models import Program, ProgramMention
from policies.services import program_merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged():
    survivor = Program.objects.create(name="丙计划", key="丙计划", slug="bing")
    other = Program.objects.create(name="丙计划项目", key="丙计划项目", slug="bing-xm")
    mention = ProgramMention.objects.first()
    mention.program = other
    mention.save()
    program_merge(survivor=survivor, others=[other])
    return survivor


def test_the_old_slug_redirects_permanently_on_the_site(client, merged):
    response = client.get("/policies/bing-xm/")
    assert response.status_code == 301
    assert response["Location"] == merged.get_absolute_url()


def test_the_old_slug_redirects_permanently_in_the_api(client, merged):
    response = client.get("/api/v1/programs/bing-xm")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/programs/bing"
    assert client.get(response["Location"]).status_code == 200


def test_a_slug_merged_twice_still_reaches_the_last_survivor(client, merged):
    final = Program.objects.create(name="丁计划", key="丁计划", slug="ding")
    program_merge(survivor=final, others=[merged])
    assert client.get("/policies/bing-xm/")["Location"] == final.get_absolute_url()
    assert client.get("/policies/unknown-slug/").status_code == 404
