"""PySpark: clean a DataFrame column with a pandas UDF.

>>> from pyspark.sql import SparkSession
>>> import unscrape.spark
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()
>>> df = spark.createDataFrame([("Relations with Russiaand  China are close.",)], ["text"])
>>> unscrape.spark.clean_column(df, "text").collect()[0].text
'Relations with Russia and China are close.'
"""

from typing import Any, Optional

from . import Cleaner
from ._batches import clean_texts

__all__ = ["clean_column"]


def clean_column(df: Any, column: str, output_column: Optional[str] = None, **options: Any) -> Any:
    """``df`` with ``column`` cleaned (into ``output_column`` when given), as ``unscrape
    clean`` would; nulls stay null. Options are :class:`unscrape.Cleaner`'s; bad options
    raise here, on the driver."""
    import pandas as pd
    from pyspark.sql.functions import col, pandas_udf

    cleaner = Cleaner(**options)

    @pandas_udf("string")
    def clean_texts_udf(texts: pd.Series) -> pd.Series:
        return pd.Series(clean_texts(cleaner, texts.tolist()), dtype=object)

    return df.withColumn(output_column or column, clean_texts_udf(col(column)))
