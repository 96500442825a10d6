"""Reading a Polku student export (``polku export``) into pandas, typed as its datapackage.json says.

Lukee Polun opiskelija-aineiston pandas-tauluiksi datapackage.json-kuvauksen tyyppien mukaan.
"""
import json
import os
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
#: The export folder: $POLKU_EXPORT, or the demo's (after the README's demo command and `polku export`).
EXPORT = Path(os.environ.get("POLKU_EXPORT", HERE.parent / "out" / "demo" / "export"))
#: The HTML overview of the same outputs: $POLKU_REPORT, or the demo's.
REPORT = Path(os.environ.get("POLKU_REPORT", EXPORT.parent / "report" / "index.html"))

_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "yearmonth": "string"}


def datapackage(export=EXPORT):
    """The export's datapackage.json as a dict."""
    with open(Path(export) / "datapackage.json", encoding="utf-8") as f:
        return json.load(f)


def resource(name, export=EXPORT):
    """One resource (table) of the datapackage, by name (e.g. 'trajectories')."""
    for r in datapackage(export)["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"no resource {name!r} in {export}/datapackage.json")


def load(name, export=EXPORT):
    """A table of the export from its comma CSV, each column typed as the datapackage declares it."""
    fields = resource(name, export)["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in fields if f["type"] in _PANDAS_TYPES}
    table = pd.read_csv(Path(export) / "csv" / f"{name}.csv", dtype=dtypes, keep_default_na=False,
                        na_values=[""])
    for f in fields:
        column = table[f["name"]]
        if f["type"] == "boolean":
            column = column.map({"true": True, "false": False, True: True, False: False}).astype("boolean")
        # Columns without blanks get plain NumPy types, which every plotting and statistics library takes.
        if f["type"] in ("integer", "boolean") and not column.isna().any():
            column = column.astype("int64" if f["type"] == "integer" else "bool")
        table[f["name"]] = column
    return table


def columns(name, export=EXPORT):
    """The documentation of a table's columns: name, type, unit, description."""
    fields = resource(name, export)["schema"]["fields"]
    return pd.DataFrame([{"column": f["name"], "type": f["type"], "unit": f.get("unit", ""),
                          "description": f.get("description", "")} for f in fields])


def region_names(export=EXPORT, language="fi"):
    """Region code → name in the given language ('fi', 'sv' or 'en')."""
    regions = load("regions", export)
    return dict(zip(regions["region"], regions[f"name_{language}"]))


def labelled(name, export=EXPORT, language="fi"):
    """A table with every coded column as a pandas Categorical of its codebook labels, in the codebook's order
    (ordered where the datapackage says ``categoriesOrdered``); ``language`` 'fi' or 'en'.

    Taulu, jonka koodatut sarakkeet ovat koodikirjan selitteitä (pandas Categorical) koodikirjan järjestyksessä.
    """
    table = load(name, export)
    for f in resource(name, export)["schema"]["fields"]:
        if "categories" not in f:
            continue
        codes = [c["value"] for c in f["categories"]]
        labels = [c["label"] if language == "fi" else c["polku:label_en"] for c in f["categories"]]
        column = table[f["name"]]
        unknown = set(column.dropna().astype(str)) - {str(c) for c in codes}
        if unknown:
            raise ValueError(f"{name}.{f['name']}: codes not in the codebook: {sorted(unknown)}")
        mapped = column.astype("string").map(dict(zip((str(c) for c in codes), labels)))
        table[f["name"]] = pd.Categorical(mapped, categories=labels, ordered=f.get("categoriesOrdered", False))
    return table
