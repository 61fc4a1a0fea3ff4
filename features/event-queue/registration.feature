@area:event-queue @ch4
Feature: Registering sources with a poll instance
  A poll instance watches the sources registered with it through its registry. Each registration
  names a token, which comes back with every event for that source, and the interests to watch.
  Every source here is a TCP connection from the adapter to a peer the runner hosts, so the
  scenario decides when there is something to read.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-01 @id:eq.a-new-poll-instance-reports-nothing
  Scenario: A new poll instance reports nothing
    When I poll with a timeout of 0 ms
    Then the poll returns no events

  @EQ-01 @id:eq.a-poll-instance-does-not-see-the-sources
  Scenario: A poll instance does not see the sources of another
    Given a second poll instance "Q"
    And a source "A" registered with token 1 for readable
    When peer "A" sends "hello"
    And I poll "Q" with a timeout of 100 ms
    Then the poll returns no events
    When I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable

  @EQ-24 @requires:event-queue-waker @id:eq.a-poll-instance-does-not-see-the-wakes
  Scenario: A poll instance does not see the wakes of another
    Given a second poll instance "Q"
    And a waker with token 99
    When I wake the waker
    And I poll "Q" with a timeout of 100 ms
    Then the poll returns no events
    When I poll with a timeout of 1000 ms
    Then the poll reports token 99

  @EQ-02 @EQ-04 @id:eq.each-source-is-reported-under-its-own-token
  Scenario: Each source is reported under its own token
    Given a source "A" registered with token 1 for readable
    And a source "B" registered with token 2 for readable
    When peer "B" sends "hello"
    And I poll with a timeout of 1000 ms
    # EQ-02
    Then the poll returns exactly 1 event
    # EQ-04
    And the poll reports token 2 readable

  @EQ-02 @id:eq.a-source-is-not-reported-before-it-is-registered-and-readiness-from-before-is-not-lost @alias:eq.a-source-is-not-reported-before-it-is
  Scenario: A source is not reported before it is registered, and readiness from before is not lost
    Given a source "A" connected to a peer
    And peer "A" sends "early"
    When I poll with a timeout of 100 ms
    Then the poll returns no events
    When I register source "A" with token 1 for readable
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable

  @EQ-04 @id:eq.token-comes-back-exactly
  Scenario Outline: Token <token> comes back exactly
    Given a source "A" registered with token <token> for readable
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll returns exactly 1 event
    And the poll reports token <token> readable

    Examples:
      | token            | why this token                              |
      | 0                | the smallest token                          |
      | 4294967301       | 2^32 + 5: cut to 32 bits it would read as 5 |
      | 9007199254740991 | 2^53 - 1: the largest token                 |

  @EQ-12 @requires:reregister @id:eq.reregistering-changes-the-token
  Scenario: Reregistering changes the token
    Given a source "A" registered with token 1 for readable
    When I reregister source "A" with token 2 for readable
    And peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports only token 2

  @EQ-12 @requires:reregister @id:eq.reregistering-changes-the-interests
  Scenario: Reregistering changes the interests
    Given a source "A" registered with token 1 for readable
    And peer "A" sends "hello"
    When I reregister source "A" with token 1 for writable
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 writable
    And the poll does not report token 1 readable

  @EQ-12 @requires:reregister @requires:edge-triggered @id:eq.reregistering-changes-the-trigger-mode
  Scenario: Reregistering changes the trigger mode
    Given a source "A" registered with token 1 for readable
    And peer "A" sends "hello"
    When I reregister source "A" with token 1 for readable, edge-triggered
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-13 @requires:deregister @id:eq.a-deregistered-source-is-not-reported
  Scenario: A deregistered source is not reported
    Given a source "A" registered with token 1 for readable
    When I deregister source "A"
    And peer "A" sends "hello"
    And I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-13 @requires:deregister @id:eq.a-deregistered-source-can-be-registered-again
  Scenario: A deregistered source can be registered again
    Given a source "A" registered with token 1 for readable
    And I deregister source "A"
    When I register source "A" with token 2 for readable
    And peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports only token 2

  @EQ-23 @requires:cross-thread-registry @id:eq.a-registration-from-another-thread-reaches-a-poll @timing
  Scenario: A registration from another thread reaches a poll that is blocked
    Given a source "A" connected to a peer
    And peer "A" sends "hello"
    When I poll with a timeout of 2000 ms while another thread registers source "A" with token 5 for readable after 100 ms
    Then the poll reports token 5 readable
    And the poll returned in less than half of 2000 ms
