"""Region: one administrative division from the GB/T 2260 gazetteer (loaded from articles/data/gazetteer.csv)."""
from django.db import models


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "省级"
        PREFECTURE = "prefecture", "地级"
        COUNTY = "county", "县级"

    code = models.CharField("区划代码", max_length=6, primary_key=True, help_text="GB/T 2260 六位代码。")
    name = models.CharField("名称", max_length=64)
    level = models.CharField("级别", max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    short_names = models.JSONField("简称", default=list, blank=True)

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def descendant_codes(self) -> list[str]:
        """This code and every code below it (GB/T 2260 codes nest by prefix)."""
        if self.level == self.Level.PROVINCE:
            prefix = self.code[:2]
        elif self.level == self.Level.PREFECTURE:
            prefix = self.code[:4]
        else:
            return [self.code]
        return list(Region.objects.filter(code__startswith=prefix).values_list("code", flat=True))
