"""Source: one ingested page file, kept verbatim, with its detected encoding, issue date, paper and page label."""
from django.db import models
from django.utils import timezone


class Source(models.Model):
    name = models.CharField("文件名", max_length=255, help_text="上传或导入时的文件名。")
    sha256 = models.CharField(
        "SHA-256", max_length=64, unique=True, help_text="原始字节的摘要；同一文件再次导入时据此跳过。"
    )
    raw = models.BinaryField("原始字节", help_text="文件原样保存，不作任何修改。")
    text = models.TextField("原文", help_text="按检测到的编码解码后的原文（未修复）。")
    encoding = models.CharField("编码", max_length=32, help_text="检测到的编码，如 utf-8、gb18030、utf-16。")
    published_on = models.DateField("出版日期", null=True, blank=True, help_text="本期报纸的日期；编辑可修改。")
    published_earliest = models.DateField("最早可能日期", null=True, blank=True)
    published_latest = models.DateField("最晚可能日期", null=True, blank=True)
    published_basis = models.CharField(
        "日期依据", max_length=255, blank=True, help_text="出版日期是怎样得出的（推断依据，或“编辑指定”）。"
    )
    paper = models.CharField(
        "报纸", max_length=64, blank=True, db_index=True,
        help_text="版面所属的报纸或网站：导入时指定，或从文件名、网页电头（来源：…）、报头读出。",
    )
    page_label = models.CharField("版次", max_length=32, blank=True, help_text="版次或版面号，如 05版、A3。")
    # Both indexed: every API answer reads their MAX for its Last-Modified (`data_last_modified`), which without an
    # index scans every page (~15 ms at 14k pages, growing with the archive) instead of reading one index entry.
    ingested_at = models.DateTimeField("导入时间", auto_now_add=True, db_index=True)
    # When the parser last wrote this page's articles and records (ingest or re-parse): the parser writes no history
    # rows, so the API's data version reads this column to move after a re-parse.
    parsed_at = models.DateTimeField("解析时间", default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = "来源版面"
        verbose_name_plural = "来源版面"
        ordering = ["-published_on", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.published_on or '日期未知'})"
