@area:wakers @ch8
Feature: Wakers
  A poll now gets a waker. A leaf that returns Pending keeps the waker of its most recent poll and
  calls it when it is made ready; the executor then polls that task again. A program can keep a clone
  of its task's waker under a name (`keep the waker as w`), which the runner calls from its own
  request thread. The root task of a run is task 0; spawned tasks are numbered 1, 2, … in spawn order.

  @WK-01 @id:wk.pending-leaf-calls-its-waker
  Scenario: A leaf that returned Pending calls its waker when it is made ready
    When the executor runs this program:
      """
      wait for leaf A into x
      log "got {x}"
      """
    And the executor has polled task 0 once
    And leaf A becomes ready with "a"
    Then the run finishes with ""
    And the run logged, in order:
      """
      got a
      """
    And task 0 was woken
    And the executor polled task 0 twice

  @WK-03 @id:wk.cloned-waker-works-from-another-thread
  Scenario: A clone of a waker, called from another thread, wakes the task
    When the executor runs this program:
      """
      keep the waker as w
      wait for leaf A into x
      log "got {x}"
      """
    And the executor has polled task 0 once
    And I call waker w
    Then the executor has polled task 0 twice
    When leaf A becomes ready with "a"
    Then the run finishes with ""
    And the run logged, in order:
      """
      got a
      """
    And the executor polled task 0 3 times

  @WK-04 @id:wk.most-recent-waker-wins
  Scenario: A future first polled outside the executor is woken through its task's waker (ch09)
    When the executor runs this program:
      """
      create child c:
        wait for leaf A into x
        log "c got {x}"
      poll c once, detached
      spawn c
      """
    And the executor has polled task 1 once
    And leaf A becomes ready with "a"
    Then the run finishes with ""
    And the run logged, in order:
      """
      c got a
      """

  @WK-04 @id:wk.most-recent-waker-wins-for-the-reactor
  Scenario: A request first polled outside the executor is woken by the reactor through its task's waker
    Given the reactor is running
    When the executor runs this program:
      """
      create child c:
        wait for http "/100/HelloWorld" into response
        log "c got {response}"
      poll c once, detached
      spawn c
      """
    Then the run finishes with ""
    And the run logged, in order:
      """
      c got HelloWorld
      """

  @WK-05 @id:wk.wake-for-finished-task-is-ignored
  Scenario: A wake for a task that has finished is ignored
    When the executor runs this program:
      """
      create child quick:
        keep the waker as w
        return "quick done"
      spawn quick
      wait for leaf A into x
      log "root got {x}"
      """
    And task 1 has finished
    And I call waker w
    And I wait 100 ms for the run
    Then the run has not finished
    And the executor polled task 1 once
    When leaf A becomes ready with "a"
    Then the run finishes with ""
    And the run logged, in order:
      """
      root got a
      """
    And calling waker w now does no harm

  @WK-05 @WK-06 @WK-10 @id:wk.several-wakes-cause-at-least-one-poll
  Scenario: Several wakes in a row cause at least one poll and at most one per wake
    When the executor runs this program:
      """
      keep the waker as w
      wait for leaf A into x
      log "got {x}"
      """
    And the executor has polled task 0 once
    And I call waker w 3 times
    # WK-06.1
    Then the executor has polled task 0 twice
    When I wait 100 ms for the run
    # WK-06.1
    Then the executor polled task 0 at least twice and at most 4 times
    When leaf A becomes ready with "a"
    And I call waker w 3 times
    # WK-06.1
    Then the run finishes with ""
    # WK-06.1
    And the run logged, in order:
      """
      got a
      """
    # WK-10
    And no task was polled after it finished
    # the wakes above may have come after block_on returned: a harm they did shows here, not in the next scenario
    # WK-05
    And calling waker w now does no harm

  @WK-06 @id:wk.a-task-that-wakes-itself-in-its-poll-is-polled-again
  Scenario: A task that wakes itself during its poll and returns Pending is polled again (yield_now)
    When the executor runs this program:
      """
      log "before"
      yield now
      log "after"
      """
    # WK-06.2
    Then the run finishes with ""
    # WK-06.2
    And the run logged, in order:
      """
      before
      after
      """
    # WK-06.2
    And the executor polled task 0 twice

  @WK-07 @id:wk.a-wake-as-the-executor-reports-sleep-is-not-lost
  Scenario: A wake from another thread at the moment the executor reports it goes to sleep is not lost
    The adapter calls the task's waker from a thread of its own while the executor reports its sleep
    entry, three times: the wake comes after the executor found its queue empty, before it sleeps.
    When the executor runs this program:
      """
      log "1"
      yield until the executor sleeps
      log "2"
      yield until the executor sleeps
      log "3"
      yield until the executor sleeps
      log "4"
      """
    Then the run finishes with ""
    And the run logged, in order:
      """
      1
      2
      3
      4
      """
    And the executor polled task 0 4 times

  @WK-07 @id:wk.racing-wakes-are-not-lost
  Scenario: Wakes that race with the executor going to sleep are not lost (a stochastic check)
    When the executor runs a program that spawns 300 tasks, each waiting for its own leaf
    And the executor has gone to sleep with 300 pending tasks
    And the leaves of those tasks become ready two at a time, each pair once the one before was served
    Then the run finishes with ""
    And 301 tasks finished, each once
    And no task was polled after it finished
