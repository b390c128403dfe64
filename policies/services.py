"""Writes of the policies app: programme mentions linked to one Programme each, and Q&A pairs."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from articles.models import Article
from articles.record_sync import RecordKind
from policies.extract import program_slug_key
from policies.extraction.vocabulary import canonical_name
from policies.models import Program, ProgramMention, QAPair, VocabularyEntry


def program_for(*, name: str, kind: str, surface: str, cache: dict) -> Program:
    """The Programme a mention belongs to, found by its linking key (created on first mention).

    The key never changes when an editor renames a programme; a merged programme's key moves to the survivor.
    """
    key = program_slug_key(name)[:200]
    cache_key = ("program", key)
    if cache_key not in cache:
        cache[cache_key] = _program_find(key, name) or _program_create(key=key, name=canonical_name(name) or name, kind=kind)
    program = cache[cache_key]
    if name != program.name and name not in program.aliases:
        program.aliases = [*program.aliases, name]
        program.save(update_fields=["aliases"])
    return program


def programs_preload(*, names: Iterable[str], cache: dict) -> None:
    """Put the programmes of these mention names that already exist (by key) in `cache`, in one query, so that
    `program_for` only goes to the database for the ones to create."""
    keys = {program_slug_key(name)[:200] for name in names}
    for program in Program.objects.filter(key__in=keys):
        cache[("program", program.key)] = program


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
    return {
        "text": mention.text[:255],
        "start": mention.start,
        "end": mention.end,
        "name": mention.name[:200],
        "kind": mention.kind,
        "program": program_for(name=mention.name, kind=mention.kind, surface=mention.text, cache=cache),
    }


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
        for other in others:
            if other.pk == survivor.pk:
                continue
            other.mentions.update(program=survivor)
            keys.extend(k for k in [other.key, *other.merged_keys] if k not in keys and k != survivor.key)
            for alias in [other.name, *other.aliases]:
                if alias != survivor.name and alias not in aliases:
                    aliases.append(alias)
            other.delete()
        survivor.aliases, survivor.merged_keys = aliases, keys
        survivor.save(update_fields=["aliases", "merged_keys"])
        _vocabulary_add_aliases(name=survivor.name, aliases=aliases)
    return len([o for o in others if o.pk != survivor.pk])


def _vocabulary_add_aliases(*, name: str, aliases: list[str]) -> None:
    """A merge tells that the merged names are the survivor's: its vocabulary entry learns them as aliases."""
    entry = VocabularyEntry.objects.filter(name=name).first()
    if entry is not None:
        entry.aliases = [*entry.aliases, *(a for a in aliases if a != name and a not in entry.aliases)]
        entry.save(update_fields=["aliases"])
