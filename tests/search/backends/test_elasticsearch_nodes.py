"""ELASTICSEARCH_URL may name every node of a cluster: the client knows them all.

Whether requests survive a node that is down is tested on a real three-node cluster
(tests/integration/cluster/); here only that the list reaches the client intact.
"""

from search.backends.elasticsearch import ElasticsearchBackend, node_urls


def test_a_comma_list_of_urls_gives_the_client_every_node():
    backend = ElasticsearchBackend("test", {"URL": "http://127.0.0.1:9201, http://127.0.0.1:9202,http://127.0.0.1:9203"})
    nodes = sorted(node.config.port for node in backend.client.transport.node_pool.all())
    assert nodes == [9201, 9202, 9203]
    backend.client.close()


def test_one_url_and_a_list_are_read_alike():
    assert node_urls("http://es:9200") == ["http://es:9200"]
    assert node_urls(["http://es-1:9200", " http://es-2:9200 "]) == ["http://es-1:9200", "http://es-2:9200"]
