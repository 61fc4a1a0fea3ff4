Feature: A request that needs a capability the adapter does not claim gets Unsupported
  An adapter claims in its handshake the capabilities it has (spec/protocol.md §3.1). A request that
  needs one it did not claim, an op or an argument, gets Unsupported (PR-10), and the adapter goes on
  serving. Each scenario runs only where its capability is left unclaimed (@unclaimed:); an adapter
  that claims it has it reported as not claimed.

  Background:
    Given the adapter claims area event-queue
    And a poll instance

  @PR-10 @PR-08 @unclaimed:edge-triggered @id:pr.an-edge-triggered-registration-not-claimed-gets-unsupported
  Scenario: An edge-triggered registration gets Unsupported from an adapter that does not claim edge-triggered
    Given a source "a" connected to a peer
    When I try to register source "a" with token 1 for readable, edge-triggered
    # PR-10
    Then it fails with Unsupported
    # PR-08
    And the adapter still answers reset

  @PR-10 @PR-08 @unclaimed:oneshot @id:pr.a-oneshot-registration-not-claimed-gets-unsupported
  Scenario: A oneshot registration gets Unsupported from an adapter that does not claim oneshot
    Given a source "a" connected to a peer
    When I try to register source "a" with token 1 for readable, oneshot
    # PR-10
    Then it fails with Unsupported
    # PR-08
    And the adapter still answers reset

  @PR-10 @PR-08 @unclaimed:reregister @id:pr.a-reregister-not-claimed-gets-unsupported
  Scenario: eq.reregister gets Unsupported from an adapter that does not claim reregister
    Given a source "a" registered with token 1 for readable
    When I try to reregister source "a" with token 2 for writable
    # PR-10
    Then it fails with Unsupported
    # PR-08
    And the adapter still answers reset

  @PR-10 @PR-08 @unclaimed:deregister @id:pr.a-deregister-not-claimed-gets-unsupported
  Scenario: eq.deregister gets Unsupported from an adapter that does not claim deregister
    Given a source "a" registered with token 1 for readable
    When I try to deregister source "a"
    # PR-10
    Then it fails with Unsupported
    # PR-08
    And the adapter still answers reset

  @PR-10 @PR-08 @unclaimed:event-queue-waker @id:pr.a-waker-not-claimed-gets-unsupported
  Scenario: eq.waker_new gets Unsupported from an adapter that does not claim event-queue-waker
    When I try to create a waker with token 7
    # PR-10
    Then it fails with Unsupported
    # PR-08
    And the adapter still answers reset
