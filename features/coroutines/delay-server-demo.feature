@area:coroutines @ch7
Feature: The chapter's demonstrations: requests to the delay server, one after another or all at once
  The runner is the book's driver: it polls the coroutine, and while it is Pending pauses a little and
  polls again ("Schedule other tasks"). Waits one after another take the sum of their delays; waits
  joined with join_all overlap and take about the longest one. Responses that arrive between the same
  two polls are logged in the order join_all polls its children, which is free.

  @CO-13 @id:co.book-two-sequential-requests
  Scenario: Two requests, one after the other, take the sum of their delays (ch07/a-coroutine)
    Given a coroutine with this program:
      """
      log "Program starting"
      wait for http "/300/HelloWorld1" into first
      log "{first}"
      wait for http "/200/HelloWorld2" into second
      log "{second}"
      """
    When I poll the coroutine every 10 ms until it is Ready
    Then the coroutine is Ready with ""
    And the coroutine logged, in order:
      """
      Program starting
      HelloWorld1
      HelloWorld2
      """
    And the coroutine took at least the sum of the delays

  @CO-14 @id:co.book-five-joined-requests @timing
  Scenario: Five requests joined finish in the order of their delays, in about the longest delay (ch07/c-async-await)
    Given a coroutine with this program:
      """
      log "Program starting"
      create child request0:
        wait for http "/500/HelloWorld0" into response
        log "{response}"
      create child request1:
        wait for http "/400/HelloWorld1" into response
        log "{response}"
      create child request2:
        wait for http "/300/HelloWorld2" into response
        log "{response}"
      create child request3:
        wait for http "/200/HelloWorld3" into response
        log "{response}"
      create child request4:
        wait for http "/100/HelloWorld4" into response
        log "{response}"
      join all request0, request1, request2, request3 and request4
      """
    When I poll the coroutine every 10 ms until it is Ready
    Then the coroutine logged, in order except within one poll:
      """
      Program starting
      HelloWorld4
      HelloWorld3
      HelloWorld2
      HelloWorld1
      HelloWorld0
      """
    And the coroutine took at least the longest delay but less than 60% of the sum of the delays
