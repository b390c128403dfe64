"""The site's middleware: NUL and other control characters in a path or query get the site's 400 page."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/articles/", {"topic": "\x00"}),
        ("/search/", {"q": "医保\x00"}),
        ("/stats/figures.csv", {"unit": "元\x00"}),
        ("/qa/", {"q": "\x1b[31m"}),
        ("/regions/\x00/", {}),
        ("/policies/a\x00b/", {}),
    ],
)
def test_a_control_character_gets_the_site_s_styled_400_page(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "请求有误" in html and "控制字符" in html
    assert 'class="site-header"' in html and not response.streaming


def test_it_names_the_parameter_at_fault(client):
    assert "参数 column中含有不可见的控制字符" in client.get("/articles/", {"column": "\x00"}).content.decode()


def test_line_breaks_and_tabs_in_a_query_are_ordinary_text(client):
    assert client.get("/search/", {"q": "医保\n报销\t"}).status_code == 200


def test_the_api_keeps_its_own_json_answer(client):
    response = client.get("/api/v1/articles", {"topic": "\x00"})
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")


def test_an_editor_s_admin_search_with_a_nul_byte_is_a_400_not_a_server_error(admin_client):
    response = admin_client.get("/admin/articles/article/", {"q": "医保\x00"})
    assert response.status_code == 400


def test_an_admin_search_of_thousands_of_words_is_refused_before_any_query(admin_client, django_assert_max_num_queries):
    # Each word of an admin search is ANDed as its own OR over the search fields: 2,000 words made one changelist
    # query plan for minutes. A search box takes a few words; a pasted page is refused with the site's 400 page.
    with django_assert_max_num_queries(3):  # the session and the editor, nothing of the records
        response = admin_client.get("/admin/articles/datemention/", {"q": "a " * 2000})
    assert response.status_code == 400
    assert "搜索" in response.content.decode()
    lookup = {"app_label": "stats", "model_name": "figure", "field_name": "indicator", "term": "a " * 2000}
    with django_assert_max_num_queries(3):  # an autocomplete box searches the same way
        assert admin_client.get("/admin/autocomplete/", lookup).status_code == 400


def test_an_admin_search_of_a_few_words_or_a_pasted_sentence_still_searches(admin_client):
    assert admin_client.get("/admin/articles/article/", {"q": "医保 报销 2025年"}).status_code == 200
    assert admin_client.get("/admin/articles/article/", {"q": "城乡居民基本医疗保险个人缴费标准" * 6}).status_code == 200
