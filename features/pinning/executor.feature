@area:pinning @ch9
Feature: The book's self-referential coroutine under an executor
  The buffer program of ch09/b: a coroutine whose state holds a buffer ("\nBUFFER:\n----\n") and a
  writer pointing into it; it waits twice and appends each response through the writer. Each wait is
  Pending at its first poll and Ready with its response at the next. The adapter's executor runs it
  to its end and reports the coroutine's address at each poll.

  @PN-01 @PN-02 @PN-03 @id:pn.the-boxing-executor-keeps-the-buffer-coroutine-in-place
  Scenario: The boxing executor places the task before its first poll, and the buffer gets both responses
    Given the area holds its blocks counted
    When the buffer program runs with responses "first" and "second" under the boxing executor
    # PN-02
    Then the buffer reads:
      """

      BUFFER:
      ----
      first
      second

      """
    # PN-03
    And the buffer coroutine was polled 3 times, always at the same address
    # PN-03
    And the shortcut was not applied
    # PN-01
    And the area holds as many blocks as before

  @PN-04 @id:pn.the-shortcut-is-not-applied-to-a-coroutine-that-is-not-movable
  Scenario: Under the shortcut executor, a coroutine that is not movable is not moved and its buffer is whole
    When the buffer program runs with responses "first" and "second" under the shortcut executor
    Then the shortcut was not applied
    And the buffer coroutine was polled 3 times, always at the same address
    And the buffer reads:
      """

      BUFFER:
      ----
      first
      second

      """

  @PN-04 @id:pn.the-shortcut-breaks-a-self-referential-coroutine-marked-movable
  Scenario: The book's ch09/c problem: marked movable, the coroutine is moved after its first poll and loses its writes
    Given the area holds its blocks counted
    When the buffer program, marked movable, runs with responses "first" and "second" under the shortcut executor
    Then the shortcut was applied
    And the buffer coroutine's first poll was at another address than its later polls
    And the buffer reads:
      """

      BUFFER:
      ----

      """
    And the area holds as many blocks as before

  @PN-06 @id:pn.a-child-coroutine-is-pinned-too
  Scenario: As the child of a root coroutine, the buffer coroutine stays in place and gets both responses
    When the buffer program runs as a child with responses "first" and "second" under the shortcut executor
    Then the shortcut was applied
    And the root task's first poll was at another address than its later polls
    And the buffer coroutine was polled 3 times, always at the same address
    And the buffer reads:
      """

      BUFFER:
      ----
      first
      second

      """

  @PN-12 @id:pn.requeueing-a-boxed-task-does-not-move-it
  Scenario: The executor takes the task out of its collection and puts it back, and the task stays where it is
    When the buffer program runs with responses "first" and "second" under the boxing executor
    Then the root task was put back into the task collection twice
    And the root task was polled 3 times, always at the same address
