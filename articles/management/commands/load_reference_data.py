"""`manage.py load_regions`: load the GB/T 2260 gazetteer (articles/data/gazetteer.csv) into the Region table."""
from django.core.management.base import BaseCommand

from articles.services import regions_sync


class Command(BaseCommand):
    help = "Insert or update every administrative division from the gazetteer data file."

    def handle(self, *args, **options):
        count = regions_sync()
        self.stdout.write(f"regions: {count} divisions loaded from the gazetteer")
