"""A Jupyter notebook exported by `jupyter nbconvert --to markdown` (mappings/extract/notebook.py):
invented abstracts' notebooks, written in the shape nbconvert gives them (nbconvert itself is not
installed here): code cells in fences, their printed output indented, a DataFrame as an HTML
table, a plot as an image under `<name>_files/`."""
from __future__ import annotations

from dissertation_kg.mappings import extract
from dissertation_kg.mappings.extract import notebook

KK = """# Аңдатпа – жұмыс дәптері

```python
import pandas as pd
df = pd.read_csv("data/survey.csv")
print(len(df), "сауалнама")
```

    318 сауалнама


## Зерттеу әдістері

Сауалнама мен сұхбат нәтижелері салыстырылды.

```python
df["region"].value_counts()
```




    Павлодар облысы      120
    Қостанай облысы       98
    Name: region, dtype: int64



```python
df.groupby("school").size()
```




<div>
<style scoped>
    .dataframe tbody tr th {
        vertical-align: top;
    }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;"><th>school</th><th>0</th></tr>
  </thead>
  <tbody>
    <tr><th>Ауыл мектебі</th><td>211</td></tr>
  </tbody>
</table>
</div>



![png](annotation_files/annotation_5_0.png)

*Сурет: сауалнама нәтижелері облыстар бойынша.*
"""


def test_code_cells_output_is_left_out_and_the_prose_stays():
    page = extract.extract(KK.encode(), "annotation.md").text
    for gone in ("318 сауалнама", "Павлодар облысы", "dtype", "Ауыл мектебі", "dataframe", "annotation_files",
                 "value_counts"):
        assert gone not in page
    assert "Сауалнама мен сұхбат нәтижелері салыстырылды." in page
    assert "Сурет: сауалнама нәтижелері облыстар бойынша." in page


def test_an_indented_paragraph_without_a_code_cell_before_it_stays():
    md = "Актуальность темы.\n\n    Абзац с отступом, набранный автором.\n\n```\nне код\n```\n\n    Ещё абзац.\n"
    assert notebook.text(md) == md
    after_code = "```r\nx <- 1\n```\n\n    [1] 1\n\nТекст автора.\n"
    assert notebook.text(after_code) == "```r\nx <- 1\n```\n\nТекст автора.\n"


def test_only_the_output_image_line_is_dropped_not_the_caption_under_it():
    # nbconvert writes a plot's output as one image line; a caption typed right under it is prose
    md = "```python\nplot(x)\n```\n\n![png](thesis_files/thesis_3_0.png)\nСурет 1 – Облыстар бойынша нәтижелер.\n"
    assert notebook.text(md) == "```python\nplot(x)\n```\n\nСурет 1 – Облыстар бойынша нәтижелер.\n"
