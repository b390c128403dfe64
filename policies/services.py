"""Writes of the policies app: programme mentions linked to one Programme each, and Q&A pairs."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from articles.models import Article
from articles.record_sync import RecordKind
from articles.services.review import history_baseline, save_without_history
from articles.summaries import archive_changed, cached
from policies.extract import program_slug_key
from policies.extraction import vocabulary as vocab
from policies.models import PolicyDocument, Program, ProgramCount, ProgramMention, QAPair, VocabularyEntry


def programme_vocabulary() -> vocab.Vocabulary:
    """The vocabulary extraction and linking use: the database's entries (the file's as loaded by
    load_reference_data, with every entry and alias editors added in the admin), plus file entries not loaded yet.

    One query per call; the compiled form is reused while the entries are unchanged, and rebuilt in every process
    as soon as an editor adds or changes one (the entries themselves are the cache key)."""
    rows = VocabularyEntry.objects.order_by("pk").values_list("name", "aliases", "kind", "level", "issuing_body", "first_year")
    entries = [
        vocab.VocabularyEntry(name=name, aliases=tuple(a for a in aliases if isinstance(a, str) and a), kind=kind,
                              level=level, issuing_body=issuing_body, first_year=first_year)
        for name, aliases, kind, level, issuing_body, first_year in rows
    ]
    names = {entry.name for entry in entries}
    entries.extend(entry for entry in vocab.vocabulary() if entry.name not in names)
    return vocab.vocabulary_of(tuple(entries))


def _known(cache: dict) -> vocab.Vocabulary:
    if "programme_vocabulary" not in cache:
        cache["programme_vocabulary"] = programme_vocabulary()
    return cache["programme_vocabulary"]


def program_for(*, name: str, kind: str, surface: str, cache: dict) -> Program:
    """The Programme a mention belongs to, found by its linking key (created on first mention).

    The key never changes when an editor renames a programme; a merged programme's key moves to the survivor.
    """
    known = _known(cache)
    key = program_slug_key(name, known)[:200]
    cache_key = ("program", key)
    if cache_key not in cache:
        absent = cache.pop(("program_absent", key), False)  # looked for by `programs_preload`: create it
        found = None if absent else _program_find(key, name)
        cache[cache_key] = found or _program_create(key=key, name=known.canonical_name(name) or name, kind=kind)
    program = cache[cache_key]
    if name != program.name and name not in program.aliases:
        program.aliases = [*program.aliases, name]
        save_without_history(program, update_fields=["aliases"])
    return program


def programs_preload(*, names: Iterable[str], cache: dict) -> None:
    """Put the programmes of these mention names that already exist (by key) in `cache`, in one query, so that
    `program_for` only goes to the database for the ones to create; the keys no programme has (nor among its merged
    keys, nor any of their names among its aliases: one more query) are marked so that `program_for` creates them
    without looking again."""
    known = _known(cache)
    names_by_key: dict[str, set[str]] = {}
    for name in names:
        names_by_key.setdefault(program_slug_key(name, known)[:200], set()).add(name)
    for program in Program.objects.filter(key__in=list(names_by_key)):
        cache[("program", program.key)] = program
    missing = {key: found for key, found in names_by_key.items() if ("program", key) not in cache}
    if not missing:
        return
    taken: set[str] = set()
    rows = Program.objects.filter(
        Q(merged_keys__overlap=sorted(missing)) | Q(aliases__has_any_keys=sorted(set().union(*missing.values())))
    ).values_list("merged_keys", "aliases")
    for merged_keys, aliases in rows:
        taken.update(merged_keys)
        taken.update(alias for alias in aliases if isinstance(alias, str))
    for key, found in missing.items():
        if key not in taken and not found & taken:
            cache[("program_absent", key)] = True


def _program_find(key: str, name: str) -> Program | None:
    return (
        Program.objects.filter(key=key).first()
        or Program.objects.filter(merged_keys__contains=[key]).first()
        or Program.objects.filter(aliases__contains=[name]).first()
    )


def _program_create(*, key: str, name: str, kind: str) -> Program:
    digest = hashlib.sha1(key.encode()).hexdigest()
    slug = Program.slug_for(name, digest[:6])
    try:
        with transaction.atomic():  # a savepoint: another ingest may create the same programme at the same moment
            return save_without_history(Program(key=key, name=name[:200], kind=kind, slug=slug), force_insert=True)
    except IntegrityError:
        pass
    found = _program_find(key, name)
    if found is not None:
        return found
    # The slug is taken by a programme an editor gave it to: this one gets a longer, still stable, suffix.
    with transaction.atomic():
        program = Program(key=key, name=name[:200], kind=kind, slug=f"{slugify(name, allow_unicode=True)[:60]}-{digest[:16]}")
        return save_without_history(program, force_insert=True)


def _program_fields(mention, article: Article, cache: dict) -> dict:
    program = program_for(name=mention.name, kind=mention.kind, surface=mention.text, cache=cache)
    program_issuer_fill(program=program, mention=mention)
    return {
        "text": mention.text[:255],
        "start": mention.start,
        "end": mention.end,
        "name": mention.name[:200],
        "kind": mention.kind,
        "program": program,
    }


ISSUER_FIELDS = (("issuing_body", "issuer"), ("level", "level"), ("issued_on", "issued_on"), ("valid_from", "valid_from"),
                 ("valid_to", "valid_to"))


def program_issuer_fill(*, program: Program, mention) -> None:
    """Give a programme the issuer, level, issue date and days in force its mention's text states — only where the
    programme has none yet and no editor has set (or cleared) it, so an editor's value (or an earlier article's) is
    never overwritten."""
    changed = []
    for field, source in ISSUER_FIELDS:
        value = getattr(mention, source, None)
        if value and not getattr(program, field) and field not in program.edited_fields:
            setattr(program, field, value[:200] if isinstance(value, str) else value)
            changed.append(field)
    if changed:
        save_without_history(program, update_fields=changed)


def program_save_by_editor(*, program: Program, user, changed_fields: list[str]) -> Program:
    """Save an editor's change to a programme (with history); the issuer, level, dates and days in force they set or
    cleared are left alone by every later ingest and re-parse."""
    edited = [field for field, _ in ISSUER_FIELDS if field in changed_fields and field not in program.edited_fields]
    if edited:
        program.edited_fields = [*program.edited_fields, *edited]
    history_baseline(Program, [program.pk])  # what ingest made, before the editor's first change
    program._history_user = user  # django-simple-history: who made this change
    program.save()
    archive_changed()  # a programme hidden or renamed leaves the cached filter choices at once
    return program


def _qa_fields(pair, article: Article, cache: dict) -> dict:
    return {
        "text": pair.question[:255],
        "start": pair.question_start,
        "end": pair.answer_end,
        "question": pair.question,
        "answer": pair.answer,
    }


def _document_fields(document, article: Article, cache: dict) -> dict:
    return {
        "text": document.text[:255],
        "start": document.start,
        "end": document.end,
        "title": document.title[:200],
        "program": program_for(name=document.program, kind=document.program_kind, surface=document.text, cache=cache),
        "issuer": (document.issuer or "")[:200],
        "level": document.level or "",
        "issued_on": document.issued_on,
        "valid_from": document.valid_from,
        "valid_to": document.valid_to,
    }


PROGRAM_MENTIONS = RecordKind("programs", ProgramMention, _program_fields)
POLICY_DOCUMENTS = RecordKind("documents", PolicyDocument, _document_fields)
QA_PAIRS = RecordKind("qa_pairs", QAPair, _qa_fields)


def program_merge(*, survivor: Program, others: list[Program], user=None) -> int:
    """Move every mention and alias of `others` to `survivor`, then delete them; returns how many were merged."""
    with transaction.atomic():
        history_baseline(Program, [survivor.pk, *(other.pk for other in others)])  # the merge's before, in history
        aliases = list(survivor.aliases)
        keys = list(survivor.merged_keys)
        slugs = list(survivor.merged_slugs)
        for other in others:
            if other.pk == survivor.pk:
                continue
            other.mentions.update(program=survivor)
            other.documents.update(program=survivor)
            keys.extend(k for k in [other.key, *other.merged_keys] if k not in keys and k != survivor.key)
            slugs.extend(s for s in [other.slug, *other.merged_slugs] if s not in slugs and s != survivor.slug)
            for alias in [other.name, *other.aliases]:
                if alias != survivor.name and alias not in aliases:
                    aliases.append(alias)
            other.delete()
        survivor.aliases, survivor.merged_keys, survivor.merged_slugs = aliases, keys, slugs
        survivor.save(update_fields=["aliases", "merged_keys", "merged_slugs"])
        _vocabulary_add_aliases(name=survivor.name, kind=survivor.kind, aliases=aliases)
        archive_changed()  # the programme lists' counts and the filter choices name the survivor now
    return len([o for o in others if o.pk != survivor.pk])


def _vocabulary_add_aliases(*, name: str, kind: str, aliases: list[str]) -> None:
    """A merge tells that the merged names are the survivor's: its vocabulary entry learns them as aliases; a
    survivor that is not in the vocabulary gets an entry (as an editor's), so that extraction finds the merged names."""
    entry = VocabularyEntry.objects.filter(name=name).first()
    if entry is None:
        VocabularyEntry.objects.create(name=name, kind=kind, aliases=[a for a in aliases if a != name], added_by_editor=True)
        return
    entry.aliases = [*entry.aliases, *(a for a in aliases if a != name and a not in entry.aliases)]
    entry.save(update_fields=["aliases"])


# --- Programme counts: a summary table rewritten once per archive generation ---------------------------------------

_COUNTS_LOCK = 0x6D730001  # pg_advisory_xact_lock key: one rewrite of policies_programcount at a time


def program_counts_refresh() -> None:
    """Rewrite `ProgramCount` from the mentions in one statement: each programme's public articles (a reprinted
    story once, as `RecordQuerySet.originals`) and latest issue date. Rows whose numbers did not change are left
    alone (no dead tuple per programme per change). Two readers meeting a new generation at once take turns (an
    advisory lock held by the statement, so their row writes never deadlock); each writes what was committed when it
    started, and a write committed since has moved the generation on again."""
    fresh_sql, fresh_params = (
        ProgramMention.objects.published()
        .originals()
        .order_by()
        .values("program_id")
        .annotate(n=Count("article_id", distinct=True), last=Max("article__issue_date"))
        .values_list("program_id", "n", "last")
        .query.sql_with_params()
    )
    table = ProgramCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH turn AS MATERIALIZED (SELECT pg_advisory_xact_lock(%s)), "
            f"fresh(program_id, article_count, last_seen) AS MATERIALIZED (SELECT fresh.* FROM turn, ({fresh_sql}) AS fresh), "
            f"gone AS (DELETE FROM {table} AS c WHERE NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.program_id = c.program_id)) "
            f"INSERT INTO {table} (program_id, article_count, last_seen) "
            "SELECT program_id, article_count, last_seen FROM fresh ORDER BY program_id "
            "ON CONFLICT (program_id) DO UPDATE SET article_count = EXCLUDED.article_count, last_seen = EXCLUDED.last_seen "
            f"WHERE ({table}.article_count, {table}.last_seen) IS DISTINCT FROM (EXCLUDED.article_count, EXCLUDED.last_seen)",
            [_COUNTS_LOCK, *fresh_params],
        )


def program_counts_current() -> None:
    """Make `ProgramCount` current for this archive generation (rewritten by the first reader after a change)."""
    cached("program-counts", lambda: program_counts_refresh() or True)  # stored: this generation's rows are written


def with_counts(programs: QuerySet[Program]) -> QuerySet[Program]:
    """Programmes annotated with `article_count` and `last_seen` from the summary, made current first."""
    program_counts_current()
    return programs.annotate(article_count=Coalesce(F("counts__article_count"), Value(0)), last_seen=F("counts__last_seen"))
