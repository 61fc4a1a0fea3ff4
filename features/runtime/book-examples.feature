@area:runtime @ch10
Feature: The chapter's demonstrations: the language's own async code on the runtime
  The programs are the book's, written as native async code: the two requests of chapter 8, a task
  that keeps a reference to its own buffer across its waits, leaves the runtime did not write (a
  client that does its own I/O, and one bound to another runtime's reactor), and a hundred spawned
  requests.

  Background:
    Given the runtime is initialised

  @RT-06 @id:rt.book-two-requests-as-native-async-code
  Scenario: Two requests one after the other, as native async code (ch10/a-rust-futures)
    When block_on runs this program:
      """
      log "Program starting"
      wait for http "/600/HelloAsyncAwait" into first
      log "{first}"
      wait for http "/400/HelloAsyncAwait" into second
      log "{second}"
      """
    Then block_on returns
    And block_on logged, in order:
      """
      Program starting
      HelloAsyncAwait
      HelloAsyncAwait
      """
    And each request of block_on started at its leaf's first poll, one after the other
    And block_on slept with 1 pending task while each request waited
    And block_on took at least the sum of the delays

  @RT-07 @id:rt.a-task-writes-through-a-reference-to-its-own-buffer
  Scenario: A task keeps a reference to its own buffer across its waits and writes both responses through it (ch10/a-rust-futures-bonus)
    When block_on runs this program:
      """
      append "BUFFER:"
      wait for http "/300/HelloAsyncAwait1" into first
      append "{first}|"
      wait for http "/200/HelloAsyncAwait2" into second
      append "{second}|"
      log "{buffer}"
      """
    Then block_on returns
    And block_on logged, in order:
      """
      BUFFER:HelloAsyncAwait1|HelloAsyncAwait2|
      """

  @RT-09 @id:rt.a-third-party-leaf-works-unchanged
  Scenario: A leaf whose client does its own I/O and wakes through the standard waker works unchanged (ch10/b-rust-futures-experiments, isahc)
    When block_on runs this program:
      """
      log "Program starting"
      wait for third-party http "/300/HelloAsyncAwait1" into first
      log "{first}"
      wait for third-party http "/200/HelloAsyncAwait2" into second
      log "{second}"
      """
    Then block_on returns
    And block_on logged, in order:
      """
      Program starting
      HelloAsyncAwait1
      HelloAsyncAwait2
      """
    And each request of block_on started at its leaf's first poll, one after the other
    And block_on took at least the sum of the delays

  @RT-10 @id:rt.a-leaf-of-another-runtime-needs-its-context
  Scenario: A leaf bound to another runtime fails outside its context and works inside it, across the task's waits (ch10/b-rust-futures-experiments, reqwest on Tokio)
    When block_on runs this program:
      """
      wait for other-runtime http "/50/outside" into x
      log "{x}"
      """
    # RT-10.1
    Then block_on fails with NotInitialised
    When block_on on "inside" runs this program:
      """
      enter the other runtime
      wait for other-runtime http "/50/inside" into x
      log "{x}"
      wait for other-runtime http "/50/still-inside" into y
      log "{y}"
      """
    # RT-10.2
    Then block_on on "inside" returns
    # RT-10.2
    And block_on on "inside" logged, in order:
      """
      inside
      still-inside
      """

  @RT-11 @id:rt.book-a-hundred-spawned-requests @timing
  Scenario: A hundred spawned requests finish in delay order in about the longest delay (ch10/b-rust-futures-experiments spawn_many)
    The book's root returns once it has spawned the tasks; here it then waits for a leaf that never
    comes ready, so that this scenario times the requests and leaves when block_on returns to RT-03.

    When block_on spawns 100 tasks, task i logging the body of http "/<10·i>/HelloAsyncAwait<i>", and the root then waits for leaf End
    And block_on has logged every body
    Then the bodies came in delay order, a body at most 100 ms before one with a shorter delay
    And the last body came after at least the longest delay but before 20% of the sum of the delays
