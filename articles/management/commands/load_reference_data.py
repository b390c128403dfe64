"""`manage.py load_reference_data`: load the gazetteer, the topic vocabulary and the programme vocabulary from data files."""
from django.core.management.base import BaseCommand

from articles.services import programme_vocabulary_sync, regions_sync, topics_sync


class Command(BaseCommand):
    help = (
        "Insert or update every administrative division and topic (articles/data/) and every programme of the "
        "vocabulary (policies/data/programme_vocabulary.csv); editors' entries are kept."
    )

    def handle(self, *args, **options):
        regions = regions_sync()
        topics = topics_sync()
        programmes = programme_vocabulary_sync()
        self.stdout.write(f"reference data: {regions} divisions, {topics} topics, {programmes} vocabulary programmes")
