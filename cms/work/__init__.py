"""Background work every app shares: tasks enqueued by name, one sweep of stuck work, claims and back-off.

Every unit of background work here is a row with a status (a message, a dossier event, a
webhook delivery), and a task carries only its id. This package holds what all of them do
the same way, low in the house so that any app can use it and it uses no app:

- `enqueue.py`: a service hands work to a task by the task's name, so services never
  import task modules and task modules (thin: fetch, call a service) are imported only by
  Celery's autodiscovery;
- `sweep.py`: the one periodic sweep; each app registers a sweeper for its own rows;
- `claims.py`: the compare-and-set on a status that lets exactly one worker act on a row;
- `backoff.py`: how long to wait before trying again, and how a task waits for it.
"""
