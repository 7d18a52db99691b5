"""Stop words per language, taken from the Snowball project's lists (trimmed to the forms
that actually occur as separate tokens after our tokeniser).

Why we drop them: keyword search ORs the query words, so a query word like "de" would
match every Dutch page and turn facet counts into counts of the whole site. BM25 already
gives such words a tiny weight; removing them keeps the *set* of matches meaningful.
"""

DUTCH = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij
    zijn zo zonder zou
    """.split()
)

ENGLISH = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves
    """.split()
)

FRENCH = frozenset(
    """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me
    meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te
    tes toi ton tu un une vos votre vous c d j l m n s t y ete etre est sont etait avait ont
    a as avons avez
    """.split()
)

STOPWORDS = {"nl": DUTCH, "en": ENGLISH, "fr": FRENCH}
