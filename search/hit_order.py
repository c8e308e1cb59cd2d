"""Order a queryset as a search ranked it, with one SQL expression whatever the hit count.

A ``Case``/``When`` with one branch per hit costs Django milliseconds to build and compile
for a thousand hits, twice per request (count and page). The position of the page's id
in the ranked list is one expression with one parameter instead: ``array_position`` on
PostgreSQL, ``instr`` in a comma-separated string on SQLite (``",12,5,"``: an id can only
match between its own commas, so positions keep the hits' order).
"""

from django.db.models import Case, F, Func, IntegerField, Value, When


class HitPosition(Func):
    output_field = IntegerField()

    def __init__(self, ids):
        self.ids = [int(pk) for pk in ids]
        super().__init__(F("pk"))

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"array_position(%s::integer[], {column})", [self.ids, *params]

    def as_sqlite(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"instr(%s, ',' || {column} || ',')", [f",{','.join(map(str, self.ids))},", *params]

    def as_sql(self, compiler, connection, **extra):
        # Other databases: a branch per hit (fine for the few hundred a page search has).
        branches = [When(pk=pk, then=Value(position)) for position, pk in enumerate(self.ids)]
        return compiler.compile(Case(*branches, output_field=IntegerField()).resolve_expression(compiler.query))


def in_hit_order(queryset, ids):
    """``queryset`` (already restricted to the pages ``ids``) ordered as ``ids`` are."""
    return queryset.order_by(HitPosition(ids), "pk") if ids else queryset.none()
