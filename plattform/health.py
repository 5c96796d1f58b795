"""`/health/`: the state of the database, the search engine and the task queue as JSON, for
monitoring and the load balancer.

The status code answers "can this instance serve?": 503 only when the database fails. An
unreachable engine (the database answers searches) or a task queue that lags behind (mail and
index updates wait) leave the site working, so they answer 200 with `"status": "eingeschraenkt"`
for monitoring to alert on, without taking every instance out of rotation.
"""

from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Case, Min, When
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from django_tasks_db.models import DBTaskResult, get_date_max

from search import client

DB_TASK_BACKEND = "django_tasks_db.DatabaseBackend"
OK, LIMITED, FAILED = "ok", "eingeschraenkt", "fehler"


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    database = database_state()
    parts = {
        "datenbank": database,
        "suchmaschine": engine_state(),
        "aufgaben": task_queue_state() if database["status"] == OK else {"status": FAILED},
    }
    states = {part["status"] for part in parts.values()}
    overall = FAILED if database["status"] == FAILED else LIMITED if states - {OK} else OK
    return JsonResponse({"status": overall, **parts}, status=503 if overall == FAILED else 200)


def database_state() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"status": FAILED, "fehler": error.__class__.__name__}
    return {"status": OK, "vendor": connection.vendor}


def engine_state() -> dict:
    """Without SEARCH_URL the database answers searches by design: that is no limitation."""
    if not settings.SEARCH_URL:
        return {"status": OK, "backend": "datenbank"}
    try:
        client.query_client().info()
    except client.connection_errors() as error:
        return {"status": LIMITED, "backend": "datenbank", "fehler": error.__class__.__name__}
    return {"status": OK, "backend": client.engine_name()}


def task_queue_state(now: datetime | None = None) -> dict:
    """Pending tasks and the age of the oldest one that is due (a retry waits for its time)."""
    if settings.TASKS["default"]["BACKEND"] != DB_TASK_BACKEND:
        return {"status": OK, "backend": settings.TASKS["default"]["BACKEND"]}
    due = DBTaskResult.objects.ready().annotate(
        due_at=Case(When(run_after=get_date_max(), then="enqueued_at"), default="run_after")
    )
    oldest = due.aggregate(oldest=Min("due_at"))["oldest"]
    age = int(((now or timezone.now()) - oldest).total_seconds()) if oldest else 0
    limit = settings.HEALTH_MAX_TASK_AGE
    return {
        "status": LIMITED if age > limit else OK,
        "wartend": due.count(),
        "aelteste_sekunden": age,
        "grenze_sekunden": limit,
    }
