"""Editors may review and correct the policy documents articles name (issue 14, item 6)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_policydocument", "add_policydocument", "change_policydocument", "view_historicalpolicydocument"]


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
        ("policies", "0008_policy_document"),
        ("articles", "0002_editors_group"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
