@area:wakers @ch8
Feature: The reactor
  The reactor runs on its own thread around the chapter 4 event queue. An http leaf registers its
  socket with it and gives it its waker; when the response arrives the reactor calls that waker, on
  the reactor's thread. There is one reactor at a time, shared by every executor.

  @WK-01 @WK-03 @id:wk.reactor-wakes-task-on-response
  Scenario: The reactor wakes a task when its response arrives
    Given the reactor is running
    When the executor runs this program:
      """
      wait for http "/100/HelloWorld" into response
      log "{response}"
      """
    # WK-01
    Then the run finishes with ""
    # WK-03
    And the run logged, in order:
      """
      HelloWorld
      """

  @WK-22 @requires:wake-reports @id:wk.the-reactors-wake-is-reported
  Scenario: The reactor's call of a task's waker is reported
    Given the reactor is running
    When the executor runs this program:
      """
      wait for http "/100/HelloWorld" into response
      log "{response}"
      """
    And the executor has gone to sleep with 1 pending task
    Then the run finishes with ""
    And task 0 was woken

  @WK-13 @id:wk.second-reactor-fails-with-already-running
  Scenario: Starting a second reactor fails with AlreadyRunning and leaves the first one working
    Given the reactor is running
    Then starting another reactor fails with AlreadyRunning
    When the executor runs this program:
      """
      wait for http "/0/still-working" into response
      log "{response}"
      """
    Then the run finishes with ""
    And the run logged, in order:
      """
      still-working
      """

  @WK-14 @id:wk.http-leaf-without-reactor-fails
  Scenario: An http leaf with no reactor running fails with NotInitialised
    When the executor runs this program:
      """
      wait for http "/0/nobody-listens"
      """
    Then the run fails with NotInitialised

  @WK-15 @id:wk.wake-reaches-owning-executor
  Scenario: Each wake reaches the executor that owns the task
    When executor "exec-1" runs this program:
      """
      wait for leaf A into x
      log "exec-1 got {x}"
      """
    And executor "exec-2" runs this program:
      """
      wait for leaf B into x
      log "exec-2 got {x}"
      """
    And executor "exec-1" has polled task 0 once
    And executor "exec-2" has polled task 0 once
    And leaf B becomes ready with "b"
    Then the run on "exec-2" finishes with ""
    And the run on "exec-2" logged, in order:
      """
      exec-2 got b
      """
    When I wait 100 ms for the run on "exec-1"
    Then the run on "exec-1" has not finished
    And executor "exec-1" polled task 0 once
    When leaf A becomes ready with "a"
    Then the run on "exec-1" finishes with ""
    And the run on "exec-1" logged, in order:
      """
      exec-1 got a
      """

  @WK-17 @id:wk.finished-requests-leave-no-connection-open
  Scenario: Finished requests leave no connection open
    Given the reactor is running
    When the executor runs this program:
      """
      spawn child one:
        wait for http "/100/one"
      spawn child two:
        wait for http "/0/two"
      wait for http "/50/three"
      """
    Then the run finishes with ""
    When the runner counts the adapter's open OS handles
    And the executor runs the same program again
    Then the run finishes with ""
    And the adapter has no more open OS handles than when they were counted
