"""Account tests run against the loopback fake Google (tests/support/fake_google.py)."""

from tests.integration.account.harness import account, fake_google, insecure_transport  # noqa: F401
