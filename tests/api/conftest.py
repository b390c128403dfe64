"""Helpers of the API tests: GET as JSON, the OpenAPI document, and validation of a body against it."""
import jsonschema
import pytest


@pytest.fixture
def get_json(client):
    """GET an API path and return (response, parsed body)."""

    def get(path: str, **headers):
        response = client.get(path, headers=headers)
        return response, response.json()

    return get


@pytest.fixture
def openapi(client) -> dict:
    """The API's own OpenAPI document, as clients read it."""
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def assert_matches_schema(openapi):
    """Check a JSON body against the documented 200 answer of an operation (`path` as written in the document)."""

    def check(body, path: str):
        schema = openapi["paths"][f"/api/v1/{path}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        document = {**schema, "components": openapi["components"]}
        validator = jsonschema.Draft202012Validator(document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(body), key=lambda error: list(error.path))
        assert not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


@pytest.fixture
def every_row(client):
    """Every row of an API list, following its `next` links."""

    def rows(path: str) -> list[dict]:
        found, url = [], f"/api/v1/{path}{'&' if '?' in path else '?'}limit=100"
        while url:
            body = client.get(url).json()
            found.extend(body["results"])
            url = body["next"]
        return found

    return rows
