"""Writes of the policies app: programme mentions linked to one Programme each, and Q&A pairs."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.models import Article
from articles.record_sync import RecordKind
from articles.summaries import archive_changed
from policies.extract import program_slug_key
from policies.extraction import vocabulary as vocab
from policies.models import Program, ProgramMention, QAPair, VocabularyEntry


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
        program.save(update_fields=["aliases"])
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
    base = slugify(name, allow_unicode=True)
    slug = f"{base[:70]}-{digest[:6]}"
    try:
        with transaction.atomic():  # a savepoint: another ingest may create the same programme at the same moment
            return Program.objects.create(key=key, name=name[:200], kind=kind, slug=slug)
    except IntegrityError:
        pass
    found = _program_find(key, name)
    if found is not None:
        return found
    # The slug is taken by a programme an editor gave it to: this one gets a longer, still stable, suffix.
    with transaction.atomic():
        return Program.objects.create(key=key, name=name[:200], kind=kind, slug=f"{base[:60]}-{digest[:16]}")


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


ISSUER_FIELDS = (("issuing_body", "issuer"), ("level", "level"), ("issued_on", "issued_on"), ("valid_from", "valid_from"))


def program_issuer_fill(*, program: Program, mention) -> None:
    """Give a programme the issuer, level, issue date and date in force its mention's text states — only where the
    programme has none yet, so an editor's value (or an earlier article's) is never overwritten."""
    changed = []
    for field, source in ISSUER_FIELDS:
        value = getattr(mention, source, None)
        if value and not getattr(program, field):
            setattr(program, field, value[:200] if isinstance(value, str) else value)
            changed.append(field)
    if changed:
        program.save(update_fields=changed)


def _qa_fields(pair, article: Article, cache: dict) -> dict:
    return {
        "text": pair.question[:255],
        "start": pair.question_start,
        "end": pair.answer_end,
        "question": pair.question,
        "answer": pair.answer,
    }


PROGRAM_MENTIONS = RecordKind("programs", ProgramMention, _program_fields)
QA_PAIRS = RecordKind("qa_pairs", QAPair, _qa_fields)


def program_merge(*, survivor: Program, others: list[Program], user=None) -> int:
    """Move every mention and alias of `others` to `survivor`, then delete them; returns how many were merged."""
    with transaction.atomic():
        aliases = list(survivor.aliases)
        keys = list(survivor.merged_keys)
        slugs = list(survivor.merged_slugs)
        for other in others:
            if other.pk == survivor.pk:
                continue
            other.mentions.update(program=survivor)
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
