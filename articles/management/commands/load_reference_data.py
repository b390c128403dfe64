"""`manage.py load_reference_data`: load the gazetteer (GB/T 2260 divisions) and the topic vocabulary from data files."""
from django.core.management.base import BaseCommand

from articles.services import regions_sync, topics_sync


class Command(BaseCommand):
    help = "Insert or update every administrative division and every topic from the data files in articles/data/."

    def handle(self, *args, **options):
        regions = regions_sync()
        topics = topics_sync()
        self.stdout.write(f"reference data: {regions} divisions, {topics} topics")
