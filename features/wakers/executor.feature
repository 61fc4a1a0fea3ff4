@area:wakers @ch8
Feature: The executor
  An executor runs `block_on(program)` on its own thread: the program becomes the root task (task 0),
  tasks it spawns are numbered 1, 2, … The executor polls a task when it is spawned and when it is
  woken; with nothing ready it sleeps in the operating system, and before it sleeps it reports how many
  tasks are unfinished. `block_on` returns when every task has finished; beyond the book
  (capability block-on-value), it returns the root's value.

  @WK-02 @id:wk.idle-executor-sleeps-until-woken
  Scenario: An executor with nothing ready sleeps, and polls the task again only once it is woken
    When the executor runs this program:
      """
      wait for leaf A into x
      log "got {x}"
      """
    And the executor has polled task 0 once
    And I wait 300 ms for the run
    Then the run has not finished
    And the executor polled task 0 once
    And the adapter used less than 25% of that wait on the CPU
    When leaf A becomes ready with "a"
    Then the run finishes with ""
    And the run logged, in order:
      """
      got a
      """
    And the executor polled task 0 twice

  @WK-08 @id:wk.block-on-returns-when-the-last-task-finishes
  Scenario: block_on returns when the last task finishes, not when the root does
    When the executor runs this program:
      """
      spawn child a:
        wait for leaf A into x
        log "a got {x}"
      spawn child b:
        wait for leaf B into y
        log "b got {y}"
      log "root done"
      """
    And task 0 has finished
    And I wait 100 ms for the run
    Then the run has not finished
    When leaf A becomes ready with "1"
    And I wait 100 ms for the run
    Then the run has not finished
    When leaf B becomes ready with "2"
    Then the run finishes with ""
    And the run logged, in order:
      """
      root done
      a got 1
      b got 2
      """

  @WK-20 @requires:block-on-value @id:wk.block-on-returns-the-roots-value
  Scenario: block_on returns the root task's value, once the last task has finished
    When the executor runs this program:
      """
      spawn child a:
        wait for leaf A into x
        log "a got {x}"
      return "root done"
      """
    And task 0 has finished
    When leaf A becomes ready with "1"
    Then the run finishes with "root done"

  @WK-09 @id:wk.tasks-spawn-tasks-on-their-own-executor
  Scenario: Tasks spawn tasks on their own executor, which polls them after the spawning poll returns
    When the executor runs this program:
      """
      spawn child outer:
        spawn child inner:
          log "inner runs"
        log "outer runs"
      log "root runs"
      """
    Then the run finishes with ""
    And the run logged, in order:
      """
      root runs
      outer runs
      inner runs
      """
    And the executor polled task 1 once
    And the executor polled task 2 once

  @WK-10 @WK-11 @id:wk.executor-counts-down-unfinished-tasks
  Scenario: The executor counts down its unfinished tasks and never polls a finished one
    When the executor runs this program:
      """
      spawn child a:
        wait for leaf A
      spawn child b:
        wait for leaf B
      spawn child c:
        wait for leaf C
      """
    And the executor has gone to sleep with 3 pending tasks
    And leaf B becomes ready with "b"
    And the executor has gone to sleep with 2 pending tasks
    And leaf A becomes ready with "a"
    And the executor has gone to sleep with 1 pending task
    And leaf C becomes ready with "c"
    # WK-10
    Then the run finishes with ""
    # WK-11
    And the executor slept with 3, 2 and 1 pending tasks, in that order
    # WK-10
    And 4 tasks finished, each once
    # WK-10
    And no task was polled after it finished

  @WK-16 @id:wk.executor-entries-name-its-thread
  Scenario: The executor's entries name its thread, "main" unless the run names another
    When the executor runs this program:
      """
      spawn child a:
        wait for leaf A
        log "a runs"
      """
    And executor "worker" runs this program:
      """
      spawn child b:
        wait for leaf B
        log "b runs"
      """
    And the executor has gone to sleep with 1 pending task
    And executor "worker" has gone to sleep with 1 pending task
    And leaf A becomes ready with "a"
    And leaf B becomes ready with "b"
    Then the run finishes with ""
    And the run on "worker" finishes with ""
    And every entry of the run that names an executor names "main"
    And every entry of the run on "worker" that names an executor names "worker"
