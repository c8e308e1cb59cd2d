"""Background tasks that keep the Elasticsearch index current (django-tasks).

A failure is logged and never reaches the editor who published: the next rebuild, or the
next change of the page, puts the document right.
"""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def update_search_document(page_id):
    # Queued only with ELASTICSEARCH_URL set: the client is loaded then, not by every worker.
    from . import elastic_index
    from .engines.elasticsearch import Unavailable

    try:
        elastic_index.update_page(page_id)
    except Unavailable as error:
        logger.warning("Could not update page %s in Elasticsearch: %s", page_id, error)
