"""Search on a three-node Elasticsearch cluster while nodes die: nothing lost, search answers.

The index has one replica, as a city running a cluster would set it (ELASTICSEARCH_REPLICAS=1).
Pages are published through Wagtail the way editors do, so each publish records its pending
update and syncs it (the task runs in-process here; the Celery round trip has its own tests);
meanwhile a reader thread asks keyword and hybrid questions without pause. One node is killed
with SIGKILL during a rebuild (the one holding the new index's primary shard) and started
again later; then another is shut down gracefully and started again. Afterwards the
periodic task's service (`pending_updates_apply`, what beat runs every minute) applies what
failed, and the index must hold exactly the public pages.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from cms import celery_app
from cms.themes.models import ThemeIndexPage, ThemePage
from search.backends import get_backend
from search.extraction import document_id, indexable_pages
from search.models import PendingIndexUpdate
from search.page_sync import pending_updates_apply
from search.query import SearchQuery
from search.rebuild import search_index_rebuild
from tests.cms.conftest import add_page, home, locales  # noqa: F401 - fixtures
from tests.integration.cluster.conftest import NODES, node_number

pytestmark = pytest.mark.cluster

CATCH_UP = 120  # seconds the pending rows get to reach the index once the cluster is whole again
#: Seconds between an editor's publishes and a reader's questions: steady traffic, not a load test
#: (on two shared cores a node's start-up competes with both).
PACE = 1.0
ASK_PACE = 0.2


@pytest.fixture
def es_cluster(settings, transactional_db):
    """The default search backend on the cluster: a throwaway alias, one replica, eager sync tasks."""
    alias = f"test-cluster-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
            "URL": os.environ["ELASTICSEARCH_URL"],
            "INDEX": alias,
            "REPLICAS": 1,
            "TIMEOUT": 120,  # longer than Elasticsearch's own wait (1 min) for a shard to get a primary again
        }
    }
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    backend = get_backend("default")
    yield backend
    celery_app.conf.task_always_eager = eager
    wait_green(backend)
    backend.clear()
    backend.client.close()


def wait_green(backend, timeout: str = "120s") -> None:
    health = backend.client.cluster.health(wait_for_status="green", wait_for_nodes=str(NODES), timeout=timeout)
    assert health["status"] == "green" and health["number_of_nodes"] == NODES, dict(health)


def primary_node(backend, index: str) -> int:
    """The number of the node holding the primary shard of `index` (an alias or a name)."""
    shards = backend.client.cat.shards(index=index, format="json", h="index,prirep,state,node")
    primaries = [shard for shard in shards if shard["prirep"] == "p" and shard["state"] == "STARTED"]
    assert len(primaries) == 1, shards
    return node_number(primaries[0]["node"])


class Reader(threading.Thread):
    """Asks keyword and hybrid questions until stopped; an exception or a short answer is an error."""

    def __init__(self, backend, *, word: str, at_least: int):
        super().__init__(daemon=True)
        self.backend, self.word, self.at_least = backend, word, at_least
        self.stopping = threading.Event()
        self.answers, self.errors = 0, []

    def run(self):
        modes = ("keyword", "hybrid")
        while not self.stopping.is_set():
            mode = modes[self.answers % 2]
            try:
                results = self.backend.search(SearchQuery(self.word, mode=mode, page_size=5))
                if results.total < self.at_least:
                    self.errors.append(f"{mode}: {results.total} pages, expected at least {self.at_least}")
            except Exception as error:  # noqa: BLE001 - counted: search must keep answering
                self.errors.append(f"{mode}: {type(error).__name__}: {error}")
            self.answers += 1
            time.sleep(ASK_PACE)
        connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=60)


class Editor:
    """Publishes, edits and unpublishes pages as editors do, numbering them."""

    def __init__(self, home):
        home.save_revision().publish()  # the fixture made the site serve it after its first publish
        self.section, self.count = add_page(home, ThemeIndexPage, title="Afval", slug="afval"), 0

    def publish(self, n: int) -> list[ThemePage]:
        pages = []
        for _ in range(n):
            self.count += 1
            pages.append(
                add_page(
                    self.section, ThemePage, title=f"Afvalophaling ronde {self.count}", slug=f"ronde-{self.count}",
                    intro=f"Afvalophaling in ronde {self.count}: wanneer de container buiten mag.",
                )
            )  # fmt: skip
        return pages

    def edit(self, page: ThemePage) -> None:
        page.intro = f"{page.intro} Aangepast."
        page.save_revision().publish()

    def unpublish(self, page: ThemePage) -> None:
        page.unpublish()


def index_ids(backend) -> set[str]:
    backend.client.indices.refresh(index=backend.index_alias)
    hits = backend.client.search(index=backend.index_alias, query={"match_all": {}}, _source=False, size=10_000)
    return {hit["_id"] for hit in hits["hits"]["hits"]}


def public_ids() -> set[str]:
    return {document_id(page_id) for page_id in indexable_pages().values_list("pk", flat=True)}


def catch_up() -> int:
    """Apply pending updates as beat would until none is open; returns how many rounds it took."""
    deadline, rounds = time.monotonic() + CATCH_UP, 0
    while PendingIndexUpdate.objects.filter(applied_at__isnull=True).exists():
        assert time.monotonic() < deadline, list(PendingIndexUpdate.objects.filter(applied_at__isnull=True).values())
        pending_updates_apply()
        rounds += 1
    return rounds


class KillDuringRebuild:
    """A rebuild's progress: halfway through, SIGKILL the node holding the new index's primary."""

    total = 0

    def __init__(self, backend, faults, *, at: int):
        self.backend, self.faults, self.at = backend, faults, at
        self.old = set(backend.client.indices.get_alias(name=backend.index_alias).body)
        self.done, self.killed, self.seconds = 0, None, 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.done == self.at and self.killed is None:  # the new index exists beside the old one
            indices = self.backend.client.indices.get(index=f"{self.backend.index_alias}-*").body
            new = [name for name in indices if name not in self.old]
            assert len(new) == 1, indices
            self.killed = primary_node(self.backend, new[0])
            self.seconds = self.faults.es_kill(self.killed)


def restart_while_publishing(faults, editor, node: int) -> float:
    """Start `node` again while editors keep publishing; returns the seconds the start took."""
    with ThreadPoolExecutor(1) as pool:
        restarting = pool.submit(faults.es_start, node)
        while not restarting.done():
            editor.publish(1)
            time.sleep(PACE)
        return restarting.result()


def test_indexing_search_and_a_rebuild_survive_a_killed_and_a_restarted_node(es_cluster, home, faults):
    """One timeline (each node restart costs half a minute or more on two shared cores):

    1. a rebuild during which the node holding the new index's primary is killed (SIGKILL):
       the alias must swap to the complete new index and the old one must go;
    2. editors publish, edit and unpublish while that node is down, then while it starts again;
    3. the node now holding the primary is shut down gracefully and started again, editors
       still publishing; all along a reader asks keyword and hybrid questions.
    """
    editor = Editor(home)
    first = editor.publish(24)
    assert len(index_ids(es_cluster)) == len(public_ids()) == 26  # home, section and the 24
    reader = Reader(es_cluster, word="afvalophaling", at_least=len(first) - 2)  # two get unpublished
    reader.start()
    faults_log = []
    try:
        killer = KillDuringRebuild(es_cluster, faults, at=len(first) // 2)
        rebuilt = search_index_rebuild(progress=killer)
        assert killer.killed is not None, "the node should have been killed during the rebuild"
        faults_log.append(("kill-during-rebuild", killer.killed, killer.seconds))
        behind_alias = set(es_cluster.client.indices.get_alias(name=es_cluster.index_alias).body)
        assert len(behind_alias) == 1 and behind_alias.isdisjoint(killer.old)
        assert not any(es_cluster.client.indices.exists(index=name) for name in killer.old)  # dropped after the swap
        assert rebuilt.documents == 26 and index_ids(es_cluster) == public_ids()

        editor.publish(6)
        editor.edit(first[0])
        editor.unpublish(first[1])
        faults_log.append(("start", killer.killed, restart_while_publishing(faults, editor, killer.killed)))
        green_at = time.monotonic()
        wait_green(es_cluster)
        faults_log.append(("green", killer.killed, time.monotonic() - green_at))

        stopped = primary_node(es_cluster, es_cluster.index_alias)
        faults_log.append(("shutdown", stopped, faults.es_shutdown(stopped)))
        editor.publish(4)
        editor.unpublish(first[2])
        faults_log.append(("start", stopped, restart_while_publishing(faults, editor, stopped)))
        green_at = time.monotonic()
        wait_green(es_cluster)
        faults_log.append(("green", stopped, time.monotonic() - green_at))
    finally:
        reader.stop()
    pending_after_faults = PendingIndexUpdate.objects.filter(applied_at__isnull=True).count()
    caught_up_at = time.monotonic()
    rounds = catch_up()
    faults_log.append(("catch-up", 0, time.monotonic() - caught_up_at))

    indexed, public = index_ids(es_cluster), public_ids()
    lost = len(public - indexed) + len(indexed - public)
    edited = es_cluster.load([document_id(first[0].pk)])[document_id(first[0].pk)]
    print(f"\ncluster_pages_published={editor.count}")
    print(f"cluster_faults={' '.join(f'{kind}:{node}:{seconds:.1f}s' for kind, node, seconds in faults_log)}")
    print(f"cluster_pending_after_faults={pending_after_faults}")
    print(f"cluster_catch_up_rounds={rounds}")
    print(f"cluster_searches={reader.answers}")
    print(f"cluster_lost_updates={lost}")
    print(f"cluster_search_errors={len(reader.errors)}")
    assert reader.answers > 20, "the reader should have asked questions all along"
    assert reader.errors == []
    assert lost == 0, {"missing": sorted(public - indexed), "stale": sorted(indexed - public)}
    assert document_id(first[1].pk) not in indexed and document_id(first[2].pk) not in indexed
    assert edited.document.intro.endswith("Aangepast.")  # the edit made while a node was down
