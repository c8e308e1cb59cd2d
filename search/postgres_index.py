"""Wagtail's PostgreSQL search index, written a batch of pages in one statement.

modelsearch's PostgreSQL index turns each page into vectors by compiling a Django
expression, ``setweight(to_tsvector(config, text), weight)``, for every field of every
page, and it asks every field for its value five times (the title, body and autocomplete
vectors and the two plain texts each walk all the fields). Our fields analyse the text
in ``get_value`` (``search.fields``), so a bulk import analysed each page five times over
and spent as long again compiling expressions: half of a PostgreSQL import's time.

Here each field's value is read once, and a batch goes to PostgreSQL as one array of texts
per field: ``INSERT … SELECT … FROM unnest(…)`` builds the same vectors, field by field
in the same order and with the same weights, on the server. The rows are exactly the ones
modelsearch writes (tests/search/test_postgres_index.py compares them).
"""

from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk

WEIGHTS = "ABCD"


class _Shape:
    """Where each of a model's search fields goes: which vector, with which weight."""

    def __init__(self, model):
        self.fields, self.title, self.body, self.autocomplete = [], [], [], []
        for field in model.get_search_fields():
            if not isinstance(field, (SearchField, AutocompleteField)):
                continue
            column = f"f{len(self.fields)}"
            self.fields.append(field)
            if isinstance(field, AutocompleteField):
                self.autocomplete.append((column, "D"))  # modelsearch's weight for them
            elif field.field_name == "title":
                self.title.append((column, get_weight(field.boost)))
            else:
                self.body.append((column, get_weight(field.boost)))
        assert all(weight in WEIGHTS for _column, weight in self.title + self.body)  # written into the SQL

    @classmethod
    def of(cls, model):
        """The model's shape, or None when a related field gives as many texts as the
        object has related rows: then the number of texts differs from object to object,
        and no one statement fits."""
        if any(isinstance(field, RelatedFields) for field in model.get_search_fields()):
            return None
        return cls(model)


def _vector(parts, config):
    """``setweight(to_tsvector(…), w) || …``; an empty text adds nothing to a vector, so
    a page's empty fields give the vector modelsearch gives by leaving them out."""
    if not parts:
        return "''::tsvector"
    return " || ".join(f"setweight(to_tsvector(cfg.{config}, r.{column}), '{weight}')" for column, weight in parts)


def _plain(parts):
    """The plain text of some fields (for fuzzy matching): the non-empty ones, spaced."""
    if not parts:
        return "''"
    return "concat_ws(' ', " + ", ".join(f"nullif(r.{column}, '')" for column, _weight in parts) + ")"


class BatchedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # As modelsearch's: the content type is the model's, the fields each object's own.
        if not model.get_search_fields() or not objs:
            return
        by_class = {}
        for obj in objs:
            by_class.setdefault(type(obj), {})[obj.pk] = obj  # a row may be written once per statement
        for cls, unique in by_class.items():
            # Wagtail makes a new index object for every write, so the shape is not kept.
            shape = _Shape.of(cls)
            if shape is None:
                super().add_items(model, list(unique.values()))
            else:
                self._insert(shape, get_content_type_pk(model), list(unique.values()))
        self._refresh_title_norms()

    def _insert(self, shape, content_type_pk, objs):
        # modelsearch's own reading of a field (its value as text, a list's items joined),
        # once per field and object; the indexer's methods take the object as an argument.
        indexer = ObjectIndexer(objs[0], self.backend)
        texts = [
            [value.strip() for obj in objs for _field, _weight, value in indexer.prepare_field(obj, field)]
            for field in shape.fields
        ]
        names = ", ".join(["object_id"] + [f"f{n}" for n in range(len(shape.fields))])
        arrays = ", ".join(["%s::text[]"] * (1 + len(texts)))
        # Only the table's name, the columns' aliases and weights from WEIGHTS are written
        # into the statement; every text is a parameter. Without a configured configuration,
        # to_tsvector takes the server's default, as modelsearch's does.
        sql = f"""
            WITH cfg AS (
                SELECT coalesce(%s::regconfig, get_current_ts_config()) AS search,
                       %s::regconfig AS autocomplete
            )
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, r.object_id,
                   {_vector(shape.title, "search")}, {_vector(shape.autocomplete, "autocomplete")},
                   {_vector(shape.body, "search")}, 1.0, {_plain(shape.title)}, {_plain(shape.body)}
            FROM cfg, unnest({arrays}) AS r({names})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """  # noqa: S608
        params = [self.backend.config, self.backend.autocomplete_config, content_type_pk]
        params += [[force_str(obj.pk) for obj in objs], *texts]
        with self.write_connection.cursor() as cursor:
            cursor.execute(sql, params)


class BatchedPostgresSearchBackend(PostgresSearchBackend):
    index_class = BatchedPostgresIndex
