"""Google sign-in: the installed-app flow over a loopback redirect, ID token checks, and the account service.

Only `auth_service`, `endpoints`, `auth_errors` and `loopback` may be imported at start-up; `google_flow` and
`id_tokens` load the google libraries and are imported when a sign-in or a refresh starts.
"""
