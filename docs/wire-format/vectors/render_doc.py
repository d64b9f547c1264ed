#!/usr/bin/env python3
"""Fills the worked example of docs/wire-format.md from the vectors (vectors/wire-format.md.in -> docs/wire-format.md),
so the document's hex cannot drift from the bytes the tests check. Run after derive_vectors.py."""
import json
import pathlib
import textwrap

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE.parents[1]
v = json.loads((HERE / "record-v2.json").read_text())
i, e = v["inputs"], v["expected"]
wrap = lambda h: "\n   ".join(textwrap.wrap(h, 96))  # noqa: E731
values = {
    "RECORD_ID": i["recordId"], "OWNER_SK": i["owner"]["privateKey"], "OWNER_PK": i["owner"]["publicKey"],
    "AUTHOR_SK": i["author"]["privateKey"], "AUTHOR_PK": i["author"]["publicKey"],
    "SALT": i["randomness"]["salt"], "NONCE": i["randomness"]["nonce"], "RECORD_KEY_INFO": e["recordKeyInfo"],
    "K1": e["K1"], "INNER_AAD": e["innerAad"], "C1": wrap(e["C1"]), "SHARE_INFO": e["shareInfo"],
    "SHARE_OWNER": wrap(e["shares"][0]["share"]), "SHARE_AUTHOR": wrap(e["shares"][1]["share"]),
    "SIGNED": wrap(e["provenanceSignedBytes"]), "SIGNATURE": e["authorSignature"],
    "SUBMISSION": textwrap.indent((HERE / "submission-v2.json").read_text().rstrip(), "   "),
}
text = (HERE / "wire-format.md.in").read_text()
for key, value in values.items():
    text = text.replace(f"@{key}@", value)
(DOCS / "wire-format.md").write_text(text)
