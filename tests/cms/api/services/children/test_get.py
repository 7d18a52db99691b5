"""GET .../@children: the same batches the content answer embeds, on their own."""


def test_children_resource(client, tree):
    data = client.get("/api/content/nl/pers/@children").json()
    assert data["@id"] == "http://testserver/api/content/nl/pers/@children"
    assert data["items_total"] == 1
    assert data["items"][0]["title"] == "Nieuwe fietsstraten"
