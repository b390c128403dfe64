"""Models of the articles app: page sources, articles, regions, and the dates, region mentions and personal data found in articles."""
from articles.models.article import Article, ArticleQuerySet
from articles.models.records import DateMention, ExtractedRecord, PersonalData, RecordStatus, RegionMention
from articles.models.region import Region
from articles.models.source import Source
from articles.models.storyband import StoryBand
from articles.models.summary import ArticleRegion
from articles.models.token import ApiToken
from articles.models.topic import Topic

__all__ = [
    "ApiToken",
    "Article",
    "ArticleRegion",
    "ArticleQuerySet",
    "DateMention",
    "ExtractedRecord",
    "PersonalData",
    "RecordStatus",
    "Region",
    "RegionMention",
    "Source",
    "StoryBand",
    "Topic",
]
