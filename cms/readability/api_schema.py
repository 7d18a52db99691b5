"""The JSON Schema of a page's reading level as the content API shows it (content answer and
v2 detail `meta.readability`); the API's schemas and OpenAPI document embed it."""

from cms.readability.levels import TARGET, Level

LEVEL_SCHEMA = {
    "type": ["object", "null"],
    "description": (
        "How hard the page's text is to read (intro and body), scored when it was published: a level on a "
        "four-step scale after the European framework (CEFR), with B1 as the city's target for citizens, and "
        "`difficulty`, a number that rises as the text gets harder (50 is the edge of B1). Null for a page "
        "without text."
    ),
    "properties": {
        "level": {"enum": Level.values},
        "label": {"type": "string", "examples": [Level.B1.label]},
        "difficulty": {"type": "number", "minimum": 0},
        "target": {"const": TARGET.value},
    },
    "required": ["level", "label", "difficulty", "target"],
}
