"""Failed logins: what a locked-out editor sees, and where an administrator unlocks them.

django-axes counts failed logins per username and client address (settings: `LOGIN_*`,
`AXES_*`) in the database, so every web worker shares the counts. Editors can request
crisis alerts, so guessing their passwords must stop after a handful of tries; keying on
username and address together means one NAT address (a whole city hall) is never locked
out for everyone, and the lock lifts by itself after the cool-off.
"""
