"""Editors may add and change programme vocabulary entries (issue 15: editors' vocabulary is used by extraction)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_vocabularyentry", "add_vocabularyentry", "change_vocabularyentry"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("policies")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="policies", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="policies", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0004_programme_vocabulary"),
        ("articles", "0002_editors_group"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
