"""The OpenAPI document and the interactive docs: complete, described, with examples, and offline."""
import json
import re

import pytest

pytestmark = pytest.mark.django_db
RESOURCES = ["articles", "articles/{article_id}", "programs", "programs/{slug}", "figures", "dates", "regions",
             "regions/{code}", "qa", "search", "sources", "health"]


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").json()


def test_the_document_lists_every_resource(document):
    assert {f"/api/v1/{name}" for name in RESOURCES} <= set(document["paths"])
    assert set(document["paths"]["/api/v1/sources"]) == {"get", "post"}


def test_every_parameter_has_a_description_and_an_example(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                where = f"{method} {path} {parameter['name']}"
                assert parameter.get("description"), where
                assert parameter.get("examples") or parameter.get("example") or parameter["in"] == "path", where


def test_every_schema_and_property_is_described_with_an_example(document):
    for name, schema in document["components"]["schemas"].items():
        assert schema.get("description"), name
        for field, spec in schema.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"
            assert "examples" in spec or "$ref" in json.dumps(spec), f"{name}.{field}"  # a nested schema has its own


def test_the_upload_needs_a_token_and_nothing_else_does(document):
    secured = [(path, method) for path, methods in document["paths"].items() for method, op in methods.items() if op.get("security")]
    assert secured == [("/api/v1/sources", "post")]


def test_the_docs_page_works_offline(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger" in html.lower()
    assert not re.search(r'(src|href)="https?://', html)
