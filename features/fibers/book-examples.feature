@area:fibers @ch5
Feature: The book's fiber examples, line by line
  The chapter's two example programs, written as programs of the protocol. "When the base context
  runs:" sends the program to the adapter: the base context (fiber 0) runs it, then calls the
  runtime's run, which returns when nothing is ready; the reply is the trace of what happened. In a
  program, {id} in a logged text is the running fiber's id and {i} the value of the local i. A trace
  table has a row an entry: the fiber it is about, the event (log, spawned, finished, error, check)
  and its detail. An implementation that follows the rules of slots and rotation prints what the
  book prints.

  @FB-11 @id:fb.book-counting-fibers
  Scenario: Two fibers count and yield by turns (ch05/c-fibers)
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "THREAD {id} STARTING"
        for i in 0..10:
          log "thread: {id} counter: {i}"
          yield
        log "THREAD {id} FINISHED"
      spawn:
        log "THREAD {id} STARTING"
        for i in 0..15:
          log "thread: {id} counter: {i}"
          yield
        log "THREAD {id} FINISHED"
      """
    Then the fibers logged these lines, in this order:
      """
      THREAD 1 STARTING
      thread: 1 counter: 0
      THREAD 2 STARTING
      thread: 2 counter: 0
      thread: 1 counter: 1
      thread: 2 counter: 1
      thread: 1 counter: 2
      thread: 2 counter: 2
      thread: 1 counter: 3
      thread: 2 counter: 3
      thread: 1 counter: 4
      thread: 2 counter: 4
      thread: 1 counter: 5
      thread: 2 counter: 5
      thread: 1 counter: 6
      thread: 2 counter: 6
      thread: 1 counter: 7
      thread: 2 counter: 7
      thread: 1 counter: 8
      thread: 2 counter: 8
      thread: 1 counter: 9
      thread: 2 counter: 9
      THREAD 1 FINISHED
      thread: 2 counter: 10
      thread: 2 counter: 11
      thread: 2 counter: 12
      thread: 2 counter: 13
      thread: 2 counter: 14
      THREAD 2 FINISHED
      """

  # The book's guard prints "THREAD <id> FINISHED." where this trace has a finished entry.
  @FB-13 @id:fb.book-nested-spawn
  Scenario: A fiber spawns a fiber, which runs in its slot's turn (ch05/d-fibers-closure)
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "I haven't implemented a timer in this example."
        yield
        log "Finally, notice how the tasks are executed concurrently."
      spawn:
        log "But we can still nest tasks..."
        spawn:
          log "...like this!"
      """
    Then the trace is:
      | fiber | event    | detail                                                   |
      | 0     | spawned  | 1                                                        |
      | 0     | spawned  | 2                                                        |
      | 1     | log      | I haven't implemented a timer in this example.           |
      | 2     | log      | But we can still nest tasks...                           |
      | 2     | spawned  | 3                                                        |
      | 2     | finished |                                                          |
      | 3     | log      | ...like this!                                            |
      | 3     | finished |                                                          |
      | 1     | log      | Finally, notice how the tasks are executed concurrently. |
      | 1     | finished |                                                          |
