@area:coroutines @ch7
Feature: Nothing happens before the first poll
  A coroutine is lazy, like the book's `Http::get`: creating it only builds the state machine. Its
  program starts at its first poll, and a child it creates starts only when it is first polled.
  Leaves named by a letter are manual leaves, which the runner makes ready; an http leaf sends its
  request to the runner's delay server.

  @CO-01 @id:co.creating-runs-nothing
  Scenario: Creating a coroutine runs none of its program
    Given a coroutine "lazy" with this program:
      """
      log "lazy started"
      wait for http "/0/lazy"
      """
    And a coroutine "eager" with this program:
      """
      log "eager started"
      """
    When I poll coroutine "eager"
    Then the coroutine is Ready with ""
    And the poll's trace is:
      """
      log "eager started"
      """
    And the delay server has received no request

  @CO-02 @id:co.first-poll-starts-the-work @timing
  Scenario: The first poll runs the program from its start and starts the leaf it waits on
    Given a coroutine with this program:
      """
      log "Program starting"
      wait for http "/200/HelloWorld1"
      """
    Then the delay server has received no request
    When I poll the coroutine
    Then the request for HelloWorld1 was on its way when the poll returned
    And the coroutine is Pending
    And the coroutine logged, in order:
      """
      Program starting
      """
    And the delay server has received exactly the request for HelloWorld1

  @CO-08 @id:co.created-children-do-not-run @timing
  Scenario: Created children do not run while their parent waits on something else
    Given a coroutine with this program:
      """
      create child first:
        log "first runs"
        wait for leaf A
      create child second:
        log "second runs"
        wait for leaf B
      log "children created"
      wait for leaf Go
      join all first and second
      """
    When I poll the coroutine
    Then the coroutine is Pending
    And the poll's trace is:
      """
      log "children created"
      leaf Go started
      leaf Go polled: pending
      """
    When leaf Go becomes ready with "go"
    And I poll the coroutine
    Then the coroutine is Pending
    And the poll's trace is, in any order:
      """
      leaf Go polled: ready
      log "first runs"
      leaf A started
      leaf A polled: pending
      log "second runs"
      leaf B started
      leaf B polled: pending
      """

  @CO-08 @id:co.created-children-send-no-request @timing
  Scenario: Created children send no request until join_all polls them
    Given a coroutine with this program:
      """
      create child first:
        wait for http "/0/first"
      create child second:
        wait for http "/0/second"
      wait for leaf Go
      join all first and second
      """
    When I poll the coroutine
    Then the coroutine is Pending
    And the delay server has received no request
    When leaf Go becomes ready with "go"
    And I poll the coroutine
    Then the delay server has received exactly the requests for first and second
