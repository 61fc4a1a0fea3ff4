@area:coroutines @ch7
Feature: Polling a coroutine
  Each poll runs the coroutine from where it stopped until it waits on something that is not ready
  (the poll returns Pending) or until its program ends (Ready, with the value of its `return`).
  Chapter 7 has no wakers: the runner decides when to poll again, here after making a leaf ready.

  @CO-03 @CO-04 @id:co.poll-stops-at-pending-wait-and-resumes-there @timing
  Scenario: A poll stops at a wait that is not ready, and the next one resumes there
    Given a coroutine with this program:
      """
      log "before A"
      wait for leaf A into a
      log "got {a}"
      wait for leaf B into b
      return "{a} and {b}"
      """
    When I poll the coroutine
    # CO-03
    Then the coroutine is Pending
    # CO-04
    And the poll's trace is:
      """
      log "before A"
      leaf A started
      leaf A polled: pending
      """
    When I poll the coroutine
    # CO-03
    Then the coroutine is Pending
    # CO-04
    And the poll's trace is:
      """
      leaf A polled: pending
      """
    When leaf A becomes ready with "1"
    And I poll the coroutine
    # CO-03
    Then the coroutine is Pending
    # CO-04
    And the poll's trace is:
      """
      leaf A polled: ready
      log "got 1"
      leaf B started
      leaf B polled: pending
      """
    When leaf B becomes ready with "2"
    And I poll the coroutine
    # CO-03, CO-04
    Then the coroutine is Ready with "1 and 2"
    # CO-04
    And the poll's trace is:
      """
      leaf B polled: ready
      """

  @CO-04 @id:co.ready-child-hands-its-value-on-in-the-same-poll
  Scenario: A child that is Ready hands its value on within the same poll
    Given a coroutine with this program:
      """
      create child greeter:
        log "greeter runs"
        return "hello"
      log "before the child"
      wait for child greeter into greeting
      log "got {greeting}"
      return "{greeting} world"
      """
    When I poll the coroutine
    Then the coroutine is Ready with "hello world"
    And the poll's trace is:
      """
      log "before the child"
      log "greeter runs"
      log "got hello"
      """

  @CO-05 @id:co.poll-after-ready-fails
  Scenario: Polling a coroutine after it returned Ready fails with PolledAfterReady
    Given a coroutine with this program:
      """
      log "runs once"
      return "done"
      """
    When I poll the coroutine
    Then the coroutine is Ready with "done"
    And polling the coroutine again fails with PolledAfterReady
    And polling the coroutine again fails with PolledAfterReady

  @CO-05 @id:co.poll-after-ready-fails-after-waits
  Scenario: A coroutine that waited is Ready once too
    Given a coroutine with this program:
      """
      wait for leaf A into a
      return "got {a}"
      """
    When I poll the coroutine
    And leaf A becomes ready with "1"
    And I poll the coroutine
    Then the coroutine is Ready with "got 1"
    And polling the coroutine again fails with PolledAfterReady

  @CO-06 @id:co.no-waits-completes-on-first-poll
  Scenario: A coroutine without waits completes on its first poll
    Given a coroutine with this program:
      """
      log "Program starting"
      set greeting to "Hello"
      return "{greeting}, world"
      """
    When I poll the coroutine
    Then the coroutine is Ready with "Hello, world"
    And the poll's trace is:
      """
      log "Program starting"
      """

  @CO-03 @CO-06 @id:co.no-return-gives-the-empty-string
  Scenario: A program without return ends with the empty string
    Given a coroutine with this program:
      """
      log "nothing to return"
      """
    When I poll the coroutine
    # CO-03, CO-06
    Then the coroutine is Ready with ""

  @CO-07 @id:co.values-that-live-across-waits-survive-them
  Scenario: Values that live across waits survive them (ch09/a-coroutines-variables)
    Given a coroutine with this program:
      """
      set greeting to "Received"
      set count to "0"
      wait for leaf A into first
      set count to "1"
      wait for leaf B into second
      set count to "2"
      return "{greeting} {count} responses: {first}, {second}"
      """
    When I poll the coroutine
    And I poll the coroutine
    And leaf A becomes ready with "HelloWorld1"
    And I poll the coroutine
    And I poll the coroutine
    And leaf B becomes ready with "HelloWorld2"
    And I poll the coroutine
    Then the coroutine is Ready with "Received 2 responses: HelloWorld1, HelloWorld2"
