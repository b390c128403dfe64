"""The per-article region summary (`ArticleRegion`) and the triggers that keep it: a statement that writes region
mentions or figures, or changes an article's `is_public`, recounts the articles it touched in the same transaction
(statement-level triggers with transition tables, so a bulk insert of a page's records recounts each article once).
The rows are filled once here from the archive as it is."""
from django.db import migrations, models

# What `browse.region_counts` counts, for the articles `{where}` selects: each (public article, division named by a
# published mention, or above it — GB/T 2260 codes nest by prefix) once, with the article's published figure count.
# `RecordQuerySet.published()` in SQL: the record public and not rejected, its article public.
ROWS = """
SELECT pairs.article_id, pairs.code, COALESCE(figures.n, 0)
FROM (
    SELECT DISTINCT m.article_id, up.code
    FROM articles_regionmention m
    JOIN articles_article a ON a.id = m.article_id
    CROSS JOIN LATERAL (VALUES (m.region_id), (LEFT(m.region_id, 4) || '00'), (LEFT(m.region_id, 2) || '0000')) AS up(code)
    WHERE a.is_public AND m.is_public AND m.status <> 'rejected' AND m.region_id IS NOT NULL {mentions}
) AS pairs
LEFT JOIN (
    SELECT f.article_id, COUNT(*) AS n FROM stats_figure f
    WHERE f.is_public AND f.status <> 'rejected' {figures}
    GROUP BY f.article_id
) AS figures ON figures.article_id = pairs.article_id
"""

FORWARD = f"""
CREATE FUNCTION articles_articleregion_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM articles_articleregion WHERE article_id = ANY(ids);
    INSERT INTO articles_articleregion (article_id, code, figures)
    {ROWS.format(mentions="AND m.article_id = ANY(ids)", figures="AND f.article_id = ANY(ids)")}
    ON CONFLICT (article_id, code) DO UPDATE SET figures = EXCLUDED.figures;  -- a concurrent writer's recount
END $$;

CREATE FUNCTION articles_articleregion_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_articleregion_refresh(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION articles_articleregion_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_articleregion_refresh(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    RETURN NULL;
END $$;

-- An update recounts only the articles of rows whose counted columns changed (an editor's note on a figure does not).
CREATE FUNCTION articles_articleregion_mentions_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_articleregion_refresh(ARRAY(
        SELECT DISTINCT ids.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.article_id), (n.article_id)) AS ids(article_id)
        WHERE (o.article_id, o.region_id, o.is_public, o.status) IS DISTINCT FROM (n.article_id, n.region_id, n.is_public, n.status)
    ));
    RETURN NULL;
END $$;

CREATE FUNCTION articles_articleregion_figures_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_articleregion_refresh(ARRAY(
        SELECT DISTINCT ids.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.article_id), (n.article_id)) AS ids(article_id)
        WHERE (o.article_id, o.is_public, o.status) IS DISTINCT FROM (n.article_id, n.is_public, n.status)
    ));
    RETURN NULL;
END $$;

CREATE FUNCTION articles_articleregion_article_shown() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_articleregion_refresh(ARRAY[NEW.id]);
    RETURN NULL;
END $$;

-- After the article's own delete: Django deletes its records first (their triggers recount it while it still exists).
CREATE FUNCTION articles_articleregion_articles_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_articleregion WHERE article_id IN (SELECT id FROM old_rows);
    RETURN NULL;
END $$;

CREATE TRIGGER articleregion_mentions_inserted AFTER INSERT ON articles_regionmention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_articleregion_inserted();
CREATE TRIGGER articleregion_mentions_deleted AFTER DELETE ON articles_regionmention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_articleregion_deleted();
CREATE TRIGGER articleregion_mentions_updated AFTER UPDATE ON articles_regionmention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_articleregion_mentions_updated();
CREATE TRIGGER articleregion_figures_inserted AFTER INSERT ON stats_figure
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_articleregion_inserted();
CREATE TRIGGER articleregion_figures_deleted AFTER DELETE ON stats_figure
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_articleregion_deleted();
CREATE TRIGGER articleregion_figures_updated AFTER UPDATE ON stats_figure
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_articleregion_figures_updated();
CREATE TRIGGER articleregion_article_shown AFTER UPDATE OF is_public ON articles_article
    FOR EACH ROW WHEN (OLD.is_public IS DISTINCT FROM NEW.is_public) EXECUTE FUNCTION articles_articleregion_article_shown();
CREATE TRIGGER articleregion_articles_deleted AFTER DELETE ON articles_article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_articleregion_articles_deleted();

SET LOCAL work_mem = '64MB';
INSERT INTO articles_articleregion (article_id, code, figures) {ROWS.format(mentions="", figures="")};
"""

BACKWARD = """
DROP TRIGGER IF EXISTS articleregion_mentions_inserted ON articles_regionmention;
DROP TRIGGER IF EXISTS articleregion_mentions_deleted ON articles_regionmention;
DROP TRIGGER IF EXISTS articleregion_mentions_updated ON articles_regionmention;
DROP TRIGGER IF EXISTS articleregion_figures_inserted ON stats_figure;
DROP TRIGGER IF EXISTS articleregion_figures_deleted ON stats_figure;
DROP TRIGGER IF EXISTS articleregion_figures_updated ON stats_figure;
DROP TRIGGER IF EXISTS articleregion_article_shown ON articles_article;
DROP TRIGGER IF EXISTS articleregion_articles_deleted ON articles_article;
DROP FUNCTION IF EXISTS articles_articleregion_articles_deleted();
DROP FUNCTION IF EXISTS articles_articleregion_article_shown();
DROP FUNCTION IF EXISTS articles_articleregion_figures_updated();
DROP FUNCTION IF EXISTS articles_articleregion_mentions_updated();
DROP FUNCTION IF EXISTS articles_articleregion_deleted();
DROP FUNCTION IF EXISTS articles_articleregion_inserted();
DROP FUNCTION IF EXISTS articles_articleregion_refresh(bigint[]);
"""


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0010_source_change_times_indexed"),
        ("stats", "0003_figure_attribution"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleRegion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=6, verbose_name="区划代码")),
                ("figures", models.PositiveIntegerField(default=0, verbose_name="数据条数")),
                (
                    "article",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                        verbose_name="文章",
                    ),
                ),
            ],
            options={
                "verbose_name": "文章区划摘要",
                "verbose_name_plural": "文章区划摘要",
                "constraints": [models.UniqueConstraint(fields=("article", "code"), name="articleregion_article_code")],
            },
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
