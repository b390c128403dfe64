"""Helpers of the API tests."""
import pytest


@pytest.fixture
def get_json(client):
    """GET an API path and return (response, parsed body)."""

    def get(path: str, **headers):
        response = client.get(path, headers=headers)
        return response, response.json()

    return get
