"""The print edition of a wijk magazine: one PDF for the print shop, for screen readers, in large print.

- `variants.py`: the three variants and what each asks of WeasyPrint;
- `content.py`: an edition gathered from the database into plain values (`EditionSheet`);
- `layout.py`: the sheet as HTML and CSS (no database), QR codes included;
- `render.py`: HTML to PDF, with progress, and the finished PDF stored as a Wagtail document;
- `models.py` (`EditionPrint`), `tasks.py`, `admin_views.py`, `signals.py`: the stored PDF,
  the background task the admin queues, its progress, and "out of date" on a republished article.
"""
