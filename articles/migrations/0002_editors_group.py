"""Create the Editors group: may review and correct extraction records and programmes, never users or raw sources."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "articles": {
        "article": ["view", "change"],
        "source": ["view", "add", "change"],
        "region": ["view"],
        "topic": ["view", "add", "change"],
        "datemention": ["view", "add", "change"],
        "regionmention": ["view", "add", "change"],
        "personaldata": ["view", "add", "change"],
    },
    "policies": {
        "program": ["view", "add", "change"],
        "programmention": ["view", "add", "change"],
        "qapair": ["view", "add", "change"],
    },
    "stats": {
        "indicator": ["view", "add", "change"],
        "figure": ["view", "add", "change"],
    },
}


def create_editors(apps, schema_editor):
    # Permissions are normally created after migrations run; create them now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            editors.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )
    # Editors read the change history of what they edit.
    editors.permissions.add(*Permission.objects.filter(codename__startswith="view_historical"))


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("policies", "0001_initial"),
        ("stats", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_editors, remove_editors)]
