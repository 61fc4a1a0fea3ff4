@area:runtime @ch10
Feature: block_on, spawned tasks and the runtime's waker
  The runtime's executor runs `block_on(root)` on its own thread: the root is task 0, spawned tasks
  are numbered 1, 2, … A spawned task is fire and forget: nothing awaits it and its value is dropped,
  yet `block_on` returns only once it has finished. A task is woken through the language's standard
  waker, which can be called by value (consumed) or by reference (kept).

  Background:
    Given the runtime is initialised

  @RT-03 @id:rt.block-on-waits-for-every-spawned-task
  Scenario: block_on returns only after the root and every task it spawned have finished
    When block_on runs this program:
      """
      spawn child a:
        wait for leaf A into x
        log "a got {x}"
      log "root done"
      """
    And task 0 of block_on has finished
    And I give block_on 200 ms
    Then block_on has not returned
    When leaf A is made ready with "1", woken by value
    Then block_on returns
    And block_on logged, in order:
      """
      root done
      a got 1
      """

  @RT-04 @id:rt.spawned-tasks-run-to-their-end-though-nothing-awaits-them
  Scenario: A spawned task runs to its end though nothing awaits it, and its value goes nowhere
    When block_on runs this program:
      """
      spawn child a:
        wait for leaf A into x
        log "a got {x}"
        return "the value nobody reads"
      wait for leaf B into y
      log "root got {y}"
      """
    And block_on has gone to sleep with 2 pending tasks
    And leaf A is made ready with "1", woken by value
    And task 1 of block_on has finished
    And leaf B is made ready with "2", woken by value
    Then block_on returns
    And block_on logged, in order:
      """
      a got 1
      root got 2
      """
    And 2 tasks of block_on finished, each once

  @RT-05 @id:rt.the-waker-wakes-by-value-and-by-reference
  Scenario: The runtime's waker wakes its task once more, called by value or by reference
    When block_on runs this program:
      """
      wait for leaf A into a
      log "got {a}"
      wait for leaf B into b
      log "got {b}"
      """
    And block_on has polled task 0 once
    And leaf A is made ready with "a", woken by value
    # RT-05.1
    Then block_on logs "got a"
    # RT-05.1
    And block_on polled task 0 twice
    When leaf B is made ready with "b", woken by reference
    # RT-05.2
    Then block_on returns
    # RT-05.2
    And block_on polled task 0 3 times
    # RT-05.2
    And block_on logged, in order:
      """
      got a
      got b
      """

  @RT-14 @id:rt.executors-on-several-threads-share-one-reactor
  Scenario: Executors on three threads share the one reactor, and each wake reaches the executor of its task
    When block_on runs this program on executor threads exec-1 to exec-3:
      """
      create child slow:
        wait for http "/400/slow" into x
        log "{x}"
      create child fast:
        wait for http "/200/fast" into y
        log "{y}"
      join all slow and fast
      """
    Then every block_on returns
    And every block_on logged, in order:
      """
      fast
      slow
      """
    And every block_on's entries name its own executor
