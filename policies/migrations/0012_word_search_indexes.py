"""Programme and Q&A word search indexed: a GIN index over the CJK character bigrams of the searched fields.

`minsheng_bigrams(text)` is every overlapping pair of CJK characters of the text as a tsvector (positions kept, so a
longer word is found as a phrase of its bigrams): a word of two characters or more is found anywhere in a field,
not only where a segmenter put a word boundary. The indexes are on expressions of the rows' own columns, so nothing
has to keep them current; `articles.search` narrows by them, then ranks the rows as before.
"""
from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION minsheng_bigrams(value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', coalesce(string_agg(substr(runs.run[1], i, 2), ' ' ORDER BY runs.n, i), ''))
  FROM regexp_matches(value, '[\u3400-\u9fff\uf900-\ufaff]{2,}', 'g') WITH ORDINALITY AS runs(run, n)
  CROSS JOIN LATERAL generate_series(1, length(runs.run[1]) - 1) AS i
$$
"""

QA_INDEX = (
    "CREATE INDEX qapair_bigrams_gin ON policies_qapair USING gin "
    "(minsheng_bigrams(question || ' ' || answer))"
)
PROGRAM_INDEX = (
    "CREATE INDEX program_bigrams_gin ON policies_program USING gin "
    "(minsheng_bigrams(name || ' ' || aliases::text || ' ' || description || ' ' || issuing_body))"
)


class Migration(migrations.Migration):
    dependencies = [("policies", "0011_program_counts_summary")]

    operations = [
        migrations.RunSQL(FUNCTION, "DROP FUNCTION IF EXISTS minsheng_bigrams(text)"),
        migrations.RunSQL(QA_INDEX, "DROP INDEX IF EXISTS qapair_bigrams_gin"),
        migrations.RunSQL(PROGRAM_INDEX, "DROP INDEX IF EXISTS program_bigrams_gin"),
    ]
