"""The OpenAPI document and the interactive docs: complete, described, with real examples, valid, and offline."""
import json
import re

import jsonschema
import pytest

pytestmark = pytest.mark.django_db
RESOURCES = ["articles", "articles/{article_id}", "programs", "programs/{slug}", "documents", "documents/{document_id}",
             "figures", "dates", "regions",
             "regions/{code}", "qa", "search", "sources", "health"]
FILTERS = {"q", "region", "date_from", "date_to", "program", "program_kind", "topic", "kind", "column", "measure", "unit", "status",
           "period", "change"}
# Examples that show nothing: a client cannot learn a value's shape from them.
PLACEHOLDERS = [None, "", "……", [], [[]], [None], [""], {}, [{}]]


@pytest.fixture
def document(openapi):
    return openapi


def unique_keys(pairs: list[tuple]) -> dict:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys {duplicates} in an object with keys {keys}")
    return dict(pairs)


def test_the_document_has_no_duplicate_keys_which_the_docs_page_cannot_parse(client):
    """Swagger UI reads the document as YAML, which refuses a key given twice: it then shows no endpoint at all."""
    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=unique_keys)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_figures_document_one_200_answer_in_json_or_csv(document):
    answer = document["paths"]["/api/v1/figures"]["get"]["responses"]["200"]
    assert set(answer["content"]) == {"application/json", "text/csv", XLSX}
    assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/FigureListOut"}
    assert answer["content"]["text/csv"]["example"].startswith("id,url,provenance.article_id,")  # the header first


@pytest.mark.parametrize("path", ["articles", "dates", "regions", "programs", "documents", "qa", "sources"])
def test_every_list_documents_its_csv_answer(document, path):
    operation = document["paths"][f"/api/v1/{path}"]["get"]
    assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv", XLSX}
    assert any(parameter["name"] == "format" for parameter in operation["parameters"])


def test_the_document_lists_every_resource(document):
    assert {f"/api/v1/{name}" for name in RESOURCES} <= set(document["paths"])
    assert set(document["paths"]["/api/v1/sources"]) == {"get", "post"}


def _example(spec: dict) -> list:
    """The examples a schema or parameter gives (JSON Schema `examples`, or OpenAPI's `example`)."""
    if "examples" in spec and isinstance(spec["examples"], list):
        return spec["examples"]
    return [spec["example"]] if "example" in spec else []


def _assert_real_example(spec: dict, schema: dict, components: dict, where: str):
    examples = _example(spec)
    assert examples, f"{where}: no example"
    for example in examples:
        assert example not in PLACEHOLDERS, f"{where}: placeholder example {example!r}"
        if isinstance(example, list):
            assert all(item not in PLACEHOLDERS for item in example), f"{where}: placeholder item in {example!r}"
        validator = jsonschema.Draft202012Validator({**schema, "components": components}, format_checker=jsonschema.FormatChecker())
        errors = [error.message for error in validator.iter_errors(example)]
        assert not errors, f"{where}: example {example!r} does not match its schema: {errors[:3]}"


def _walk(schema: dict, where: str, components: dict, seen: set):
    """Every property of the schema and of everything it reaches (through $ref, items, anyOf, maps)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            _walk(components["schemas"][name], name, components, seen)
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for part in schema.get(key, []):
            _walk(part, where, components, seen)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            _walk(schema[key], f"{where}[]", components, seen)
    for field, spec in schema.get("properties", {}).items():
        assert spec.get("description"), f"{where}.{field}: no description"
        _assert_real_example(spec, spec, components, f"{where}.{field}")
        _walk(spec, f"{where}.{field}", components, seen)


def test_every_parameter_has_a_description_and_a_real_example(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                where = f"{method} {path} {parameter['name']}"
                assert parameter.get("description"), where
                _assert_real_example(parameter, parameter["schema"], document["components"], where)


def test_parameter_examples_are_openapi_examples(document):
    """In OpenAPI 3.1 a parameter's `examples` is a map of Example objects; a bare value goes in `example`."""
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                assert isinstance(parameter.get("examples", {}), dict), f"{method} {path} {parameter['name']}"


def test_every_property_reached_from_an_operation_has_a_description_and_a_real_example(document):
    components, seen = document["components"], set()
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for status, answer in operation["responses"].items():
                for content in answer.get("content", {}).values():
                    _walk(content["schema"], f"{method} {path} {status}", components, seen)
            for content in operation.get("requestBody", {}).get("content", {}).values():
                _walk(content["schema"], f"{method} {path} body", components, seen)
    assert {"ArticleDetailOut", "ProvenanceOut", "FacetOut", "ErrorDetail", "IndicatorRef"} <= seen
    for name, schema in components["schemas"].items():  # and those no operation reaches
        assert schema.get("description"), name
        _walk(schema, name, components, seen)


def _list_operations(document):
    for path, methods in document["paths"].items():
        operation = methods.get("get")
        if operation and any(parameter["name"] == "limit" for parameter in operation.get("parameters", [])):
            yield path, operation


def _named(description: str, label: str) -> set[str]:
    line = next((line for line in description.splitlines() if line.startswith(f"**{label}:**")), None)
    assert line is not None, f"no **{label}:** line in {description!r}"
    return set(re.findall(r"`(\w+)`", line))


def test_every_list_says_which_filters_and_facets_it_accepts(client, document):
    lists = dict(_list_operations(document))
    assert len(lists) == 9  # articles, figures, programmes, documents, Q&A, dates, regions, sources, search
    for path, operation in lists.items():
        parameters = {parameter["name"] for parameter in operation["parameters"]}
        filters = _named(operation["description"], "Filters")
        assert filters == parameters & FILTERS, path
        facets = _named(operation["description"], "Facets")
        query = "q=医保&" if path.endswith("search") else ""
        if facets:
            body = client.get(f"{path}?{query}facets={','.join(sorted(facets))}&limit=1").json()
            assert set((body.get("articles") or body)["facets"]) == facets, path
        else:
            assert "facets" not in parameters, path
        for name in FILTERS - filters:
            response = client.get(f"{path}?{query}{name}=x")
            assert response.status_code == 422 and response.json()["error"]["param"] == name, (path, name)


def test_the_upload_needs_a_token_and_nothing_else_does(document):
    secured = [(path, method) for path, methods in document["paths"].items() for method, op in methods.items() if op.get("security")]
    assert secured == [("/api/v1/sources", "post")]


def test_the_docs_page_works_offline(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger" in html.lower()
    assert not re.search(r'(src|href)="https?://', html)
